// A name the reader finds in one row is known when the run's other rows are read: "Fiifi felt …"
// in one row hides "asked fiifi about …" in another, whichever comes first. Each row is read alone
// first (the recogniser keeps nothing between sentences: recogniser.ts), the names it hides are
// gathered, and then every sentence holding one of them is read again, told them as first names;
// the words around still decide ("Rota planning" is not hidden because "Rota said" was). What is
// hidden depends on the run's rows, not on their order nor on what the process read before. The
// names are one set of words: memory grows with the distinct names, not with the rows.
// A name some row wrote in lowercase beside a cue ("ring sam on …") is shorthand for a person in that
// run: other rows' lowercase "sam" is hidden without a cue (not after an article: "the sam template"),
// unless it is a word of some English ("call rota" does not make "the weekend rota" a name).
import { isAnyEnglishWord } from './name-list.js';
import { redactPeople } from './people.js';

/** `found` by lowercase, as written: lowercase when some row wrote it so and it is no English word (then shorthand), else capitalised. */
const byLowercase = new WeakMap<ReadonlySet<string>, { size: number; known: Map<string, string> }>();

function knownNames(found: ReadonlySet<string>): Map<string, string> {
  const made = byLowercase.get(found);
  if (made?.size === found.size) return made.known;
  const known = new Map<string, string>();
  for (const name of found) {
    const lower = name.toLowerCase();
    if (name === lower && isAnyEnglishWord(lower)) known.set(lower, known.get(lower) ?? lower[0]!.toUpperCase() + lower.slice(1));
    else if (name === lower || !known.has(lower)) known.set(lower, name);
  }
  byLowercase.set(found, { size: found.size, known });
  return known;
}

/** `text` (already redacted once) with the sentences naming one of `found` read again, knowing them. */
export function hideNamesFound(text: string, found: ReadonlySet<string>, employers: readonly string[] = []): string {
  return found.size === 0 ? text : redactPeople(text, employers, { known: knownNames(found) });
}
