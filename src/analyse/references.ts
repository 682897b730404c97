// The reference a student is known by in every output but the adviser's private list
// ("Candidate 4K7QXM"): a short code cut from a keyed hash of their id (src/redact/reference.ts),
// so it depends on who they are and on the secret, never on which rows a run reads or in what
// order. Nobody else can ever be given a student's code: a code is only ever lengthened (students
// whose codes begin alike in one run all get longer ones, each starting with the shared
// characters), never reassigned.

/** Characters of a reference code when no other student of the run shares them. */
export const REFERENCE_CHARS = 6;
const PREFIX = 'Candidate ';

/** A candidate id → the full code its reference is cut from. */
export type ReferenceCoder = (candidateId: string) => string;

/** Candidate ids → their references. */
export type AssignReferences = (candidateIds: readonly string[]) => ReadonlyMap<string, string>;

/**
 * `Candidate <code>` for every id: REFERENCE_CHARS characters, or as many more as it takes to tell
 * apart the students of this run whose codes begin alike. Order-independent.
 */
export function assignReferences(candidateIds: readonly string[], coder: ReferenceCoder): Map<string, string> {
  const codes = [...new Set(candidateIds)]
    .map((id) => ({ id, code: coder(id) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const references = new Map<string, string>();
  for (let i = 0; i < codes.length; i++) {
    // Sorted codes: the longest prefix shared with anyone is shared with a neighbour.
    const shared = Math.max(commonPrefix(codes[i].code, codes[i - 1]?.code ?? ''), commonPrefix(codes[i].code, codes[i + 1]?.code ?? ''));
    references.set(codes[i].id, `${PREFIX}${codes[i].code.slice(0, Math.max(REFERENCE_CHARS, shared + 1))}`);
  }
  return references;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The code of a reference (`Candidate 4K7QXM` → `4K7QXM`), for file names. */
export function referenceCode(reference: string): string {
  return reference.startsWith(PREFIX) ? reference.slice(PREFIX.length) : reference;
}
