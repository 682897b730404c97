// One student written two ways in the candidate column. An id in another case or spacing in
// another row ("c-0042", "C-0042", "C- 0042") is the same id, and so is one without its punctuation
// ("C0042") where the rows' names do not say two students: those rows take the spelling most
// rows use. And in a name column, when there is no id to go on: "SMITH, John" in
// one row and "John Smith" in another. The comma form is read as the plain one when the run also
// holds the plain one, so the two rows are one student; a student written one way throughout keeps
// the key (and reference) they always had. An initial ("J. Smith") is never joined to a full name:
// it may be Jane Smith, and merging two people is worse than splitting one. Such names are counted
// for a note that says how to join them for sure (a student id column).
import { basename } from 'node:path';
import type { FeedbackItem } from '../types.js';
import { emailAddressOf } from './people.js';

function normalised(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** "Smith, John" → "john smith"; null for a name without exactly one comma. */
function uncommaed(name: string): string | null {
  const parts = name.split(',');
  if (parts.length !== 2 || parts.some((part) => part.trim() === '')) return null;
  return normalised(`${parts[1]} ${parts[0]}`);
}

/** A name as compared: case, spacing and "Surname, Forename" order aside. */
function nameKey(name: string): string {
  return uncommaed(name) ?? normalised(name);
}

const INITIAL_AND_SURNAME = /^(\p{L})\.?\s+(\p{L}[\p{L}'’-]+)$/u;

/** "J. Smith" (or "Smith, J.") that a full name of the run ("John Smith") could also be. */
function initialLikeAnother(name: string, fullNames: readonly string[][]): boolean {
  const plain = nameKey(name);
  const match = INITIAL_AND_SURNAME.exec(plain);
  if (!match) return false;
  const [, initial, surname] = match;
  return fullNames.some((words) => words.length >= 2 && words[0]!.length > 1 && words[0]!.startsWith(initial!) && words.at(-1) === surname);
}

/**
 * Rewrites, in place, the candidate of items from `sources` (files whose candidate column holds
 * names) written "Surname, Forename" when the run also writes that student "Forename Surname".
 * Returns the number of other spellings joined and of names left apart that may be the same person.
 */
export function joinNameSpellings(items: FeedbackItem[], sources: ReadonlySet<string>): { joined: number; apart: number } {
  const named = items.filter((item) => sources.has(item.source) && item.candidate !== null);
  const plain = new Map<string, string>();
  for (const item of named) if (!item.candidate!.includes(',')) plain.set(normalised(item.candidate!), item.candidate!);
  const joined = new Set<string>();
  for (const item of named) {
    const reordered = uncommaed(item.candidate!);
    const written = reordered === null ? undefined : plain.get(reordered);
    if (written === undefined) continue;
    joined.add(normalised(item.candidate!));
    item.candidate = written;
  }
  const fullNames = [...plain.keys()].map((name) => name.split(' '));
  const distinct = new Set(named.map((item) => item.candidate!));
  const apart = [...distinct].filter((name) => initialLikeAnother(name, fullNames)).length;
  return { joined: joined.size, apart };
}

/** Collapses case and spaces: how two spellings of one id compare. */
function idKey(id: string): string {
  return id.normalize('NFC').replace(/\s+/g, '').toLowerCase();
}

/** Also without the punctuation inside an id ("C-0042", "C0042", "c.0042"): tried when the rows' names agree. */
function looseIdKey(id: string): string {
  return idKey(id).replace(/[-_./\\#:]/g, '');
}

/**
 * Per item, the key its id is counted by: without punctuation where every spelling so joined names
 * the same student (or none names anyone), else by case and spacing alone. Two students whose ids
 * differ only by a hyphen and whose names differ stay two: merging two is worse than splitting one.
 */
function idKeys(items: readonly FeedbackItem[]): Map<FeedbackItem, string> {
  const namesByLoose = new Map<string, Set<string>>();
  for (const item of items) {
    const loose = looseIdKey(item.candidate!);
    const names = namesByLoose.get(loose) ?? new Set<string>();
    const name = item.contact?.name;
    if (name) names.add(nameKey(name));
    namesByLoose.set(loose, names);
  }
  return new Map(
    items.map((item) => {
      const loose = looseIdKey(item.candidate!);
      return [item, namesByLoose.get(loose)!.size <= 1 ? `~${loose}` : idKey(item.candidate!)];
    }),
  );
}

/**
 * Rewrites, in place, candidate ids of items from `sources` (files keyed by an id column) that differ
 * only in case or spaces (or in punctuation, where their names agree: idKeys) to the spelling most of them use (on a tie, the first in code-point order,
 * so row order never matters). Returns the number of ids that had more than one spelling.
 */
export function joinIdSpellings(items: FeedbackItem[], sources: ReadonlySet<string>): number {
  const keyed = items.filter((item) => sources.has(item.source) && item.candidate !== null);
  const keys = idKeys(keyed);
  const spellings = new Map<string, Map<string, number>>();
  for (const item of keyed) {
    const key = keys.get(item)!;
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(item.candidate!, (counts.get(item.candidate!) ?? 0) + 1);
    spellings.set(key, counts);
  }
  let joined = 0;
  const chosen = new Map<string, string>();
  for (const [key, counts] of spellings) {
    const ranked = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
    chosen.set(key, ranked[0]![0]);
    if (counts.size > 1) joined++;
  }
  for (const item of keyed) item.candidate = chosen.get(keys.get(item)!)!;
  return joined;
}

/**
 * Students whose ids are all digits and the same but for leading zeros ("00123", "123"): kept apart
 * (two students may be numbered so), but Excel drops a number's leading zeros when a file passes
 * through it, so the adviser is told, with the rows. One group of rows per number written so.
 */
export function zeroPaddedIds(items: readonly FeedbackItem[], sources: ReadonlySet<string>): DoubtfulRows[] {
  return candidatesSharingKey(items, sources, (candidate) => (/^\d+$/.test(candidate) ? candidate.replace(/^0+(?=\d)/, '') : null));
}

/** The data-quality note for zeroPaddedIds: the rows by file and line (ids never appear in it). */
export function zeroPaddedIdNotes(groups: readonly DoubtfulRows[]): string[] {
  const extra = groups.reduce((sum, rows) => sum + candidatesIn(rows) - 1, 0);
  return extra > 0
    ? [
        `${extra} student id${extra === 1 ? ' is' : 's are'} another's but for leading zeros ("00123" beside "123"): kept apart, as they may be different students (${whereRows(groups)}); Excel drops the leading zeros of a number, so if they are one student, open the export with the id column as text and save it again`,
      ]
    : [];
}

/** The data-quality note for what joinIdSpellings did (ids never appear in it). */
export function idSpellingNotes(joined: number): string[] {
  return joined > 0
    ? [
        `${joined} student id${joined === 1 ? '' : 's'} written in different case, spacing or punctuation in different rows counted as one student each`,
      ]
    : [];
}

/** The data-quality note for what joinNameSpellings did (names never appear in it). */
export function nameSpellingNotes({ joined, apart }: { joined: number; apart: number }): string[] {
  const notes: string[] = [];
  if (joined > 0)
    notes.push(
      `${joined} student name${joined === 1 ? '' : 's'} written "Surname, Forename" in some rows and "Forename Surname" in others counted as one student each`,
    );
  if (apart > 0)
    notes.push(
      `${apart} student name${apart === 1 ? ' is' : 's are'} an initial and a surname that another student's full name shares ("J. Surname" beside "Jane Surname"): kept apart, as they may be different people; an id column (student number) would tell`,
    );
  return notes;
}

/**
 * In files keyed by email address (no id column), the names written beside more than one address: a
 * student whose address changed mid-year, or two students who share a name. They are kept apart,
 * as merging two people is worse than splitting one, but a student split in two loses the reasons
 * that repeat across the halves, so the adviser is told where (rows, never who). A group per name.
 */
export function namesUnderSeveralEmails(items: readonly FeedbackItem[], sources: ReadonlySet<string>): DoubtfulRows[] {
  return candidatesSharingKey(items, sources, (_, item) => (item.contact?.name ? nameKey(item.contact.name) : null));
}

/**
 * The rows from `sources` grouped by `keyOf` (null: the row is in no group), where a group's rows
 * give more than one candidate: perhaps one student written several ways, perhaps several students.
 */
function candidatesSharingKey(
  items: readonly FeedbackItem[],
  sources: ReadonlySet<string>,
  keyOf: (candidate: string, item: FeedbackItem) => string | null,
): DoubtfulRows[] {
  const groups = new Map<string, FeedbackItem[]>();
  for (const item of items) {
    if (!sources.has(item.source) || item.candidate === null) continue;
    const key = keyOf(item.candidate, item);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].filter((rows) => candidatesIn(rows) > 1);
}

/** Distinct candidates the rows give. */
function candidatesIn(rows: DoubtfulRows): number {
  return new Set(rows.map((item) => item.candidate)).size;
}

/** The data-quality note for namesUnderSeveralEmails: the rows by file and line (names never appear in it). */
export function severalEmailsNotes(groups: readonly DoubtfulRows[]): string[] {
  const names = groups.length;
  return names > 0
    ? [
        `${names} student name${names === 1 ? ' is' : 's are'} written beside more than one email address (a student whose address changed, or two students who share a name): counted as a student per address, so a reason repeated across two addresses is not counted as repeating (${whereRows(groups)}); an id column (student number) would join them for sure`,
      ]
    : [];
}

/**
 * A student known by an email address or a name in one file (no id column) whom another file, keyed
 * by student id, gives that address or name in its email or name column (or an id column that holds
 * an address in some rows): perhaps one student, written
 * by id in one export and by address in the other, perhaps two who share a name (or a family
 * address). They are kept apart, as merging two people is worse than splitting one, but a student
 * split across files loses the reasons that repeat across the halves, so the adviser is told where.
 * A group per address or name: its rows of both kinds.
 */
export function keyedOtherwiseThanById(
  items: readonly FeedbackItem[],
  byId: ReadonlySet<string>,
  byEmail: ReadonlySet<string>,
  byName: ReadonlySet<string>,
): DoubtfulRows[] {
  const idRowsByContact = new Map<string, FeedbackItem[]>();
  const add = (key: string, item: FeedbackItem) => idRowsByContact.set(key, [...(idRowsByContact.get(key) ?? []), item]);
  const address = (item: FeedbackItem) => (item.candidate === null ? null : emailAddressOf(item.candidate));
  for (const item of items) {
    if (!byId.has(item.source) || item.candidate === null || address(item) !== null) continue;
    const { email, name } = item.contact ?? {};
    // The address as the other file's candidate is read: without "Name <…>" or "mailto:" around it.
    const contactAddress = email ? emailAddressOf(email) : null;
    if (contactAddress !== null) add(`@${contactAddress.toLowerCase()}`, item);
    if (name) add(`n${nameKey(name)}`, item);
  }
  const groups = new Map<string, FeedbackItem[]>();
  for (const item of items) {
    if (item.candidate === null) continue;
    // An address in an id column (a file keyed by id where some rows give the student's address) counts as one too,
    // and so does the name its name column gives beside the address ("Chidi Okafor" beside "S3001" in another row).
    const written = address(item);
    const keys =
      written !== null && (byEmail.has(item.source) || byId.has(item.source))
        ? [`@${written.toLowerCase()}`, ...(item.contact?.name ? [`n${nameKey(item.contact.name)}`] : [])]
        : byName.has(item.source)
          ? [`n${nameKey(item.candidate)}`]
          : [];
    const key = keys.find((k) => idRowsByContact.has(k));
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? idRowsByContact.get(key)!), item]);
  }
  return [...groups.values()];
}

/** The data-quality note for keyedOtherwiseThanById: the rows by file and line (ids, names and addresses never appear in it). */
export function keyedOtherwiseNotes(groups: readonly DoubtfulRows[]): string[] {
  const students = groups.length;
  return students > 0
    ? [
        `${students} student${students === 1 ? '' : 's'} known by an email address or a name in some rows ${students === 1 ? 'has' : 'have'} that address or name beside a student id in others: kept apart, as the tool cannot tell one student written two ways from two students who share a name or an address, so a reason repeated across the files is not counted as repeating (${whereRows(groups)}); if they are one student, give those rows the student id`,
      ]
    : [];
}

/** Rows the tool cannot tell belong to one student or several: they are kept apart and named by file and line. */
export type DoubtfulRows = readonly FeedbackItem[];

const GROUPS_NAMED = 5;

/** "rows a.csv line 2 and b.csv lines 3, 4; rows a.csv lines 7, 9; and 2 more": where, never who. */
export function whereRows(groups: readonly DoubtfulRows[]): string {
  const named = groups.slice(0, GROUPS_NAMED).map((rows) => {
    const linesByFile = new Map<string, number[]>();
    for (const item of rows) {
      const file = basename(item.source);
      linesByFile.set(file, [...(linesByFile.get(file) ?? []), item.line]);
    }
    const files = [...linesByFile].map(([file, lines]) => {
      const sorted = [...new Set(lines)].sort((a, b) => a - b);
      return `${file} line${sorted.length === 1 ? '' : 's'} ${sorted.join(', ')}`;
    });
    return `rows ${files.join(' and ')}`;
  });
  const more = groups.length > GROUPS_NAMED ? `; and ${groups.length - GROUPS_NAMED} more` : '';
  return `${named.join('; ')}${more}`;
}
