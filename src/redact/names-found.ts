// A name the reader finds in one row is known when the run's other rows are read: "Fiifi felt …"
// in one row hides "asked fiifi about …" in another, whichever comes first. Each row is read alone
// first (the recogniser keeps nothing between sentences: recogniser.ts), the names it hides are
// gathered, and then every sentence holding one of them is read again, told them as first names;
// the words around still decide ("Rota planning" is not hidden because "Rota said" was). What is
// hidden depends on the run's rows, not on their order nor on what the process read before. The
// names are one set of words: memory grows with the distinct names, not with the rows.
import { redactPeople } from './people.js';

/** `text` (already redacted once) with the sentences naming one of `found` read again, knowing them. */
export function hideNamesFound(text: string, found: ReadonlySet<string>, employers: readonly string[] = []): string {
  return found.size === 0 ? text : redactPeople(text, employers, { known: found });
}
