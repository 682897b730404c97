// Personal data must not travel into reports, CSVs, JSON, logs or the store. Redaction runs once,
// right after ingest, so every later stage and output only ever sees redacted records:
//  - emails and phone numbers are replaced in every text value (feedback, cohort, stage,
//    employer, role, ids) and in the raw text of rejected rows;
//  - names read from a row's name columns are replaced in that row's text;
//  - a candidate known only by an email or a name gets a stable pseudonym (see pseudonym.ts); the
//    real value stays on the item as `candidateRaw` for the adviser's private follow-up list.
// Long values are cut only after redaction, so a cut never leaves half an address behind.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FeedbackItem, IngestFileReport, RejectedRow } from '../types.js';
import { holdsOnlyRedactions } from './placeholders.js';
import { containsContactDetails, redactAddressedNames, redactNames, redactText } from './text.js';
import { outsideNamedLikePeople } from './name-list.js';
import { hideNamesFound } from './names-found.js';
import { redactPeople } from './people.js';
import type { Pseudonymise } from './pseudonym.js';

export { EMAIL_PLACEHOLDER, NAME_PLACEHOLDER, PHONE_PLACEHOLDER } from './placeholders.js';
export { redactText, redactNames } from './text.js';

/** Free text (feedback, a rejected row) as it may be shown: contacts, the row's names, the
 * names its greetings and sign-offs address and the people a name recogniser finds, all replaced;
 * the row's employer (as its employer column gives it) stays even when named like a person. */
export function redactFreeText(text: string, names: readonly string[], employers: readonly string[] = [], found?: Set<string>): string {
  return redactPeople(redactAddressedNames(redactNames(redactText(text), names)), employers, { found });
}
export { defaultStateDir, loadPseudonymSecret, pseudonymiser, PSEUDONYM_KEY_FILE, secretPath, type Pseudonymise } from './pseudonym.js';

export const CANDIDATE_PLACEHOLDER = '[candidate]';

/** Raw text of a rejected row is cut to this many characters, after redaction. */
export const REJECT_RAW_CHARS = 500;

export interface RedactOptions {
  pseudonymise: Pseudonymise;
  /** Files as read, for what each file's candidate column holds. */
  files: IngestFileReport[];
  /** Per file, its people's names (namesBySource): hidden in its path and sheet name as well. */
  fileNames?: ReadonlyMap<string, readonly string[]>;
  /** The names found in the run's texts (names-found.ts), filled here: pass it on to finishRejects. */
  namesFound?: Set<string>;
  /** Told of each turn's items as their first reading left them (redactItemsInTurns): the names found in later rows are not yet hidden. */
  onFirstReading?: (items: readonly FeedbackItem[]) => void;
}

/**
 * Per file, the names its name and staff columns hold, in every row (items and rejected rows). An
 * adviser may name a file or a sheet after a student ("Priya Patel - feedback.xlsx"), and the path
 * reaches items.csv, rejects.csv, the report and the store: those names are hidden there too.
 */
export function namesBySource(items: readonly FeedbackItem[], rejects: readonly RejectedRow[]): Map<string, string[]> {
  const bySource = new Map<string, Set<string>>();
  for (const { source, names } of [...items, ...rejects]) {
    if (!names?.length) continue;
    const known = bySource.get(source) ?? new Set<string>();
    for (const name of names) known.add(name);
    bySource.set(source, known);
  }
  return new Map([...bySource].map(([source, names]) => [source, [...names]]));
}

/**
 * A file's path (or sheet name) as outputs show it: its own people's names replaced, and any name
 * the recogniser finds in its file name or in a folder's ("Priya Sharma feedback.xlsx", a sheet
 * "Tom Baker", "C:\\Users\\Aisha Khan\\Documents\\…", "exports/Tom Baker/feedback.csv"), whose rows
 * may name nobody.
 */
export function redactSource(source: string, fileNames: ReadonlyMap<string, readonly string[]>, of: string = source): string {
  const names = fileNames.get(of);
  return withoutPeopleInPath(names ? redactNames(source, names) : source);
}

/** Each part of a path read without its extension ("Oluwaseun Adeyemi.csv" → its stem) for the names in it; separators kept. */
function withoutPeopleInPath(source: string): string {
  return source
    .split(/([/\\])/)
    .map((part, index) => (index % 2 === 1 ? part : withoutPeopleInName(part)))
    .join('');
}

function withoutPeopleInName(part: string): string {
  const dot = part.indexOf('.');
  const stem = dot > 0 ? part.slice(0, dot) : part;
  const redacted = redactPeople(stem);
  return redacted === stem ? part : `${redacted}${dot > 0 ? part.slice(dot) : ''}`;
}

function redactItem(
  item: FeedbackItem,
  pseudonymiseCandidate: boolean,
  pseudonymise: Pseudonymise,
  fileNames: ReadonlyMap<string, readonly string[]>,
  found: Set<string>,
): FeedbackItem {
  const names = item.names ?? [];
  // Names from the row's name columns go from every column, not only the text.
  const redactValue = (value: string | null): string | null => (value === null ? null : redactNames(redactText(value), names));
  // An employer named like people keeps its name beside a student who shares a part of it ("Morgan
  // Stanley" for Siân Morgan read "[name] Stanley"); anything else in the cell is redacted as before.
  const employer = item.employer === null ? null : outsideNamedLikePeople(item.employer, (part) => redactValue(part)!);
  const text = redactFreeText(item.text, names, keptNames(employer, item.role), found);
  const candidateRaw = item.candidate;
  let candidate = candidateRaw;
  if (candidate !== null && (pseudonymiseCandidate || containsContactDetails(candidate))) candidate = pseudonymise(candidate);
  // An id holding personal data (or made from a file name holding a name) becomes a pseudonym: unique still.
  const personalId =
    containsContactDetails(item.id) || redactNames(item.id, names) !== item.id || redactSource(item.id, fileNames, item.source) !== item.id;
  const id = personalId ? pseudonymise(item.id) : item.id;
  const redacted: FeedbackItem = {
    ...item,
    id,
    source: redactSource(item.source, fileNames),
    text,
    candidate,
    candidateRaw,
    cohort: redactValue(item.cohort),
    stage: redactValue(item.stage),
    employer,
    role: redactValue(item.role),
    rawDate: item.rawDate === undefined ? undefined : redactValue(item.rawDate),
  };
  if (redacted.rawDate === undefined) delete redacted.rawDate;
  delete redacted.names;
  return withText(redacted, text);
}

/** What the text may name that reads like people and is not: the row's employer and its job title ("Mark Scheme Moderator", "Will Writer"). */
function keptNames(employer: string | null, role: string | null): string[] {
  return [employer, role].filter((value): value is string => value !== null);
}

/** The item with its redacted `text`. A reply that was only a phone number, an address or a name gives no feedback: it is read, shown and followed up as a blank one, never quoted as "[phone]" nor classified from its placeholders. */
function withText(item: FeedbackItem, text: string): FeedbackItem {
  if (!holdsOnlyRedactions(text)) return { ...item, text };
  return { ...item, text: '', noText: true };
}

/** Second pass: the names found anywhere in the run, hidden in this item's text too. */
function withNamesFound(item: FeedbackItem, found: ReadonlySet<string>): FeedbackItem {
  const text = hideNamesFound(item.text, found, keptNames(item.employer, item.role));
  return text === item.text ? item : withText(item, text);
}

/** The files whose candidate column holds emails or names: their candidates get pseudonyms. */
function pseudonymousSources(files: readonly IngestFileReport[]): Set<string> {
  return new Set(files.filter((f) => f.candidateKind === 'email' || f.candidateKind === 'name').map((f) => f.source));
}

/**
 * Labelled feedback as a run reads it: each text redacted as an item's feedback is (with no row's
 * names to go on), then the names found in any hidden in all. `evaluate` and `train` classify this,
 * so a head learns from, and quality is measured on, the text a run classifies: "Dear [name]," where
 * the label file says "Dear Grace," (raw text measured about 0.006 higher than a run would get).
 */
export function redactLabelledTexts(texts: readonly string[]): string[] {
  const found = new Set<string>();
  const alone = texts.map((text) => redactFreeText(text, [], [], found));
  return alone.map((text) => hideNamesFound(text, found));
}

/** Labelled texts as a run reads them: redacted (redactLabelledTexts), or as given for a run with --no-redact (`redact` false). */
export function labelledTextsAsRead(texts: readonly string[], redact = true): string[] {
  return redact ? redactLabelledTexts(texts) : [...texts];
}

/** Redacts one item with what `options` says of its file (whose candidates get pseudonyms, whose names its path holds), the names it finds into `found`. */
function itemRedactor(options: RedactOptions, found: Set<string>): (item: FeedbackItem) => FeedbackItem {
  const pseudonymous = pseudonymousSources(options.files);
  const fileNames = options.fileNames ?? new Map();
  return (item) => redactItem(item, pseudonymous.has(item.source), options.pseudonymise, fileNames, found);
}

/** The items redacted: each read alone, then the names found in any of them hidden in all (names-found.ts). */
export function redactItems(items: FeedbackItem[], options: RedactOptions): FeedbackItem[] {
  const found = options.namesFound ?? new Set<string>();
  return items.map(itemRedactor(options, found)).map((item) => withNamesFound(item, found));
}

/** Items redacted between two turns of the event loop (a few tens of milliseconds' work). */
const REDACTED_BETWEEN_TURNS = 64;

/**
 * redactItems, letting the event loop turn every REDACTED_BETWEEN_TURNS items: the model's workers,
 * loading while the input is read, get their first texts from this thread when they are ready,
 * not when the whole input is redacted. The same items as redactItems.
 */
export async function redactItemsInTurns(items: FeedbackItem[], options: RedactOptions): Promise<FeedbackItem[]> {
  const found = options.namesFound ?? new Set<string>();
  const redact = itemRedactor(options, found);
  const redacted: FeedbackItem[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % REDACTED_BETWEEN_TURNS === 0) {
      options.onFirstReading?.(redacted.slice(i - REDACTED_BETWEEN_TURNS));
      await nextTurn();
    }
    redacted.push(redact(item));
  }
  return redacted.map((item) => withNamesFound(item, found));
}

/** Items as read, but without the transient name lists (for --no-redact). */
export function withoutNames(items: FeedbackItem[]): FeedbackItem[] {
  return items.map((item) => {
    if (item.names === undefined) return { ...item, candidateRaw: item.candidate };
    const { names: _names, ...rest } = item;
    return { ...rest, candidateRaw: item.candidate };
  });
}

export function cutRaw(raw: string): string {
  return raw.length > REJECT_RAW_CHARS ? raw.slice(0, REJECT_RAW_CHARS) : raw;
}

/** Redacts (when asked) and then cuts the raw text of rejected rows; `found`: the names found in the run's items, to which theirs are added (names-found.ts). */
export function finishRejects(
  rejects: RejectedRow[],
  redact: boolean,
  fileNames: ReadonlyMap<string, readonly string[]> = new Map(),
  found: Set<string> = new Set(),
): RejectedRow[] {
  const read = rejects.map(({ names, candidateIds, personalDetails, ...row }) => {
    if (!redact) return { ...row, raw: cutRaw(row.raw) };
    // A reason may quote the row ("a title row ("Priya Patel")", a sheet grouped by student) or a header: read as the row is.
    // Whole cells first: an address's postcode alone would otherwise be hidden, its street kept.
    const ids = (candidateIds ?? []).map((id): [string, string] => [id, CANDIDATE_PLACEHOLDER]);
    const hide = (text: string) => withoutCells(redactFreeText(withoutCells(text, personalDetails ?? []), names ?? [], [], found), ids);
    const sheet = typeof row.sheet === 'string' ? { sheet: redactSource(row.sheet, fileNames, row.source) } : {};
    return { ...row, source: redactSource(row.source, fileNames), ...sheet, raw: hide(row.raw), reason: hide(row.reason) };
  });
  if (!redact) return read;
  // Cut after the names found in every row are hidden, so a cut never leaves half a name behind.
  return read.map((row) => ({ ...row, raw: cutRaw(hideNamesFound(row.raw, found)), reason: hideNamesFound(row.reason, found) }));
}

/**
 * A rejected row's cells → their placeholders: its candidate id (a student number) → `[candidate]`,
 * its personal details (date of birth, address, NI number) → theirs. rejects.csv names nobody.
 */
function withoutCells(text: string, cells: readonly [value: string, placeholder: string][]): string {
  let out = text;
  for (const [value, placeholder] of cells) if (value.length >= 2) out = out.split(value).join(placeholder);
  return out;
}

/**
 * File reports with data-derived notes redacted (examples of unparsed dates, repeated ids, headers
 * quoted): a note is free text, read whole for names, not as a path. Headers are read the same way
 * wherever a report shows them (the column map in summary.json and the report, the name columns): a
 * pivoted export has a column per student ("Chidi Okafor"), a notes column may name its author.
 */
export function redactFileReports(
  files: IngestFileReport[],
  fileNames: ReadonlyMap<string, readonly string[]> = new Map(),
  items?: { read: readonly FeedbackItem[]; redacted: readonly FeedbackItem[] },
): IngestFileReport[] {
  // Replies that held only personal details became "no feedback given" here, after ingest counted the blank ones.
  const onlyDetails = new Map<string, number>();
  items?.read.forEach((item, i) => {
    if (!item.noText && items.redacted[i]?.noText) onlyDetails.set(item.source, (onlyDetails.get(item.source) ?? 0) + 1);
  });
  return files.map((file) => {
    const emptied = onlyDetails.get(file.source) ?? 0;
    const notes =
      emptied === 0
        ? file.notes
        : [
            ...file.notes,
            `${emptied} ${emptied === 1 ? 'row' : 'rows'} whose feedback held only personal details (a phone number, an address, a name) counted as "no feedback given" once they were hidden`,
          ];
    const names = fileNames.get(file.source) ?? [];
    const hidePath = (text: string) => redactSource(redactText(text), fileNames, file.source);
    const hideText = (text: string) => redactFreeText(text, names);
    const columns = Object.fromEntries(
      Object.entries(file.columns).map(([role, header]) => [role, typeof header === 'string' ? hideText(header) : header]),
    ) as IngestFileReport['columns'];
    const redacted: IngestFileReport = {
      ...file,
      source: hidePath(file.source),
      notes: notes.map(hideText),
      headers: file.headers.map(hideText),
      columns,
    };
    if (file.nameColumns) redacted.nameColumns = file.nameColumns.map(hideText);
    if (typeof file.sheet === 'string') redacted.sheet = hidePath(file.sheet);
    return redacted;
  });
}
