// One data record → a FeedbackItem or a RejectedRow. Pure: the caller owns ids and counters.
import type { ColumnMapping, ColumnRole, Contact, FeedbackItem, RejectedRow } from '../types.js';
import type { StageTextColumn } from './columns.js';
import { columnLetter } from './column-list.js';
import { emailAddressOf, nameAndIdOf, type ContactColumns } from './people.js';
import { parseDate, type DateOrder } from './dates.js';
import { formulaWithoutText, isSpreadsheetFormula } from './formula.js';
import { cleanText, normaliseValue } from './text.js';
import { withdrawalIn, type WithdrawalColumns } from './withdrawal.js';

/** One reason for every such row, so the data-quality section counts them in one line. */
export const WITHDRAWN_REASON = 'the candidate withdrew or declined: not a rejection';

/** Raw text kept per rejected row: more than is shown, so redaction sees whole addresses before the cut. */
export const RAW_CHARS = 4000;

export interface RowContext {
  source: string;
  headers: string[];
  /** Number of leading headers up to the last non-empty one: rows may stop after it. */
  requiredFields: number;
  /** Role → column index. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Columns holding person names (redacted from the row's text). */
  nameColumns: number[];
  /** Columns of personal details (personal-details.ts `personalDetailOf`) and their placeholders: hidden in a rejected row. */
  personalDetailColumns?: [column: number, placeholder: string][];
  /** The first column holds people's names or emails (a name or email candidate column): a row
   * with only its first cell filled is a student, not a title. */
  firstColumnNamesPeople?: boolean;
  /** The candidate column writes a name with the student number ("Okafor, Chidi (S1001)"): the
   * number is the candidate, the name one of the row's person names. */
  candidateWithName?: boolean;
  /** The student's name, email and phone columns, kept on the item for the follow-up list. */
  contactColumns?: ContactColumns;
  textColumnName: string;
  /** Other feedback-like columns, read in order when the text column is blank in a row. */
  spareTextColumns?: number[];
  /** Feedback written a column per stage (columns.ts `stageTextColumns`): a row's feedback is all of them. */
  stageTextColumns?: StageTextColumn[];
  /** Columns that may say the candidate withdrew or declined: such a row is not a rejection. */
  withdrawalColumns?: WithdrawalColumns;
  maxTextChars: number;
  dateOrder: DateOrder;
  /** Applied to the feedback text (with the row's person names) before it is cut: redaction. */
  prepareText?: (text: string, names: string[]) => string;
}

export type RowOutcome =
  | {
      kind: 'item';
      item: Omit<FeedbackItem, 'id'>;
      rawId: string | null;
      dateUnparsed: boolean;
      /** The column the text came from when the text column was blank in this row. */
      textFrom?: string;
      /** Other feedback columns with words in them that were not read (a second application in the row). */
      unread?: string[];
      /** The feedback was a pasted email: its header, signature, disclaimer or app line was left out (email-clutter.ts). */
      emailClutter?: true;
    }
  | {
      kind: 'reject';
      reject: RejectedRow;
      /** The column that says the candidate withdrew or declined, when that is why. */
      withdrawnIn?: string;
    };

export function columnIndexes(headers: string[], mapping: ColumnMapping): Partial<Record<ColumnRole, number>> {
  const indexes: Partial<Record<ColumnRole, number>> = {};
  for (const [role, name] of Object.entries(mapping) as [ColumnRole, string | undefined][]) {
    if (name === undefined) continue;
    const index = headers.indexOf(name);
    if (index >= 0) indexes[role] = index;
  }
  return indexes;
}

/**
 * Convert one record. Rows with fewer fields than the header, or with extra non-empty fields,
 * are rejected; extra empty fields (a trailing delimiter) are fine.
 */
export function convertRow(fields: string[], line: number, raw: string, ctx: RowContext): RowOutcome {
  const expected = ctx.headers.length;
  // A row that is a label (a summary row's "Total", a title) names no student: its first cell, in the
  // candidate column, is not hidden as one ("a summary row ("[candidate]")" told the adviser nothing),
  // nor is a summary's label in a column of names ("("[name]")"; a title may be a student's name).
  const reject = (reason: string, label?: { summary: string } | 'title'): RowOutcome & { kind: 'reject' } => ({
    kind: 'reject',
    reject: withPersonalDetails(
      withPeople(
        { source: ctx.source, line, reason, raw },
        typeof label === 'object' ? names.filter((name) => name !== label.summary) : names,
        label === undefined ? candidateId : '',
      ),
      fields,
      ctx.personalDetailColumns,
    ),
  });
  const candidateIndex = ctx.columns.candidate;
  const candidateCell = candidateIndex === undefined ? '' : (fields[candidateIndex] ?? '').trim();
  const names = ctx.nameColumns.map((index) => (fields[index] ?? '').trim()).filter((name) => name !== '');
  const withName = ctx.candidateWithName ? nameAndIdOf(candidateCell) : null;
  if (withName) names.push(withName.name);
  const candidateId = withName?.id ?? candidateCell;

  const summary = summaryLabel(fields) ?? unlabelledTotals(fields, [ctx.columns.candidate, ctx.columns.id]);
  if (summary !== null) return reject(`a summary row (${JSON.stringify(summary)}), not feedback`, { summary });
  if (ctx.columns.text !== 0 && isExportNote(fields)) return reject('a note the export added under or above the table, not feedback');
  // Two tables on one sheet (an intake each, pages pasted together): the second's header and the
  // title above it are not rows of data, and read as rows they were students to phone.
  // Its cells are column names, not people: "Student Name" read as a name hid "Student" in the file's path and notes.
  if (repeatsHeader(fields, ctx.headers))
    return {
      kind: 'reject',
      reject: { source: ctx.source, line, reason: 'the header again (a second table on the sheet?), not feedback', raw },
    };
  if (ctx.columns.text !== 0 && !ctx.firstColumnNamesPeople && isSectionTitle(fields))
    return reject(`a title row (${JSON.stringify(fields[0]!.trim())}) with nothing else filled, not feedback`, 'title');
  // Not quoted: a note written by hand may name a member of staff, an address or a number.
  if (ctx.columns.text !== 0 && !ctx.firstColumnNamesPeople && isSentenceAlone(fields))
    return reject('a note under or above the table (a sentence in its first cell, nothing else filled), not feedback');

  if (fields.length < ctx.requiredFields || (fields.length > expected && fields.slice(expected).some((f) => f.trim() !== ''))) {
    // A name with an unquoted comma ("Doe, Janeway") shifts the fields: its parts sit beside the
    // name column, so name-like fields near it are redacted from the raw row as well.
    names.push(...shiftedNames(fields, ctx.nameColumns, Math.abs(fields.length - expected)));
    // By letter, as a spreadsheet shows it (a file without a header row would quote a student's cell).
    const ends =
      fields.length < ctx.requiredFields && fields.length > 0 ? `: the row ends at column ${columnLetter(fields.length - 1)}` : '';
    return reject(`expected ${expected} fields, found ${fields.length}${ends}`);
  }

  const value = (role: ColumnRole): string | undefined => {
    const index = ctx.columns[role];
    return index === undefined ? undefined : fields[index];
  };

  const prepare = ctx.prepareText;
  const clean = (raw: string) => {
    const cleaned = cleanText(raw, ctx.maxTextChars, prepare && ((t) => prepare(t, names)));
    // A cell of punctuation alone ("-", ".", "–") is how spreadsheets mark "nothing here": blank.
    return HAS_WORDS.test(cleaned.text) ? cleaned : { text: '', truncated: false, emailClutter: cleaned.emailClutter };
  };
  const byStage = stageTexts(fields, ctx.stageTextColumns);
  const textCell = byStage?.text ?? value('text') ?? '';
  if (isSpreadsheetFormula(textCell))
    return reject(
      `a spreadsheet formula in column "${ctx.textColumnName}" (${formulaShown(textCell)}), not its value: save the sheet with values (copy, then Paste Special → Values) and export it again`,
    );
  // Withdrawn, offer declined, accepted elsewhere: the candidate's choice, not a rejection to
  // theme or an employer to chase for a reason (read as feedback, "Withdrawn by Candidate" gave none).
  const withdrawal = ctx.withdrawalColumns ? withdrawalIn(fields, ctx.headers, ctx.withdrawalColumns) : null;
  if (withdrawal !== null) return { ...reject(WITHDRAWN_REASON), withdrawnIn: withdrawal };
  let { text, truncated, emailClutter } = clean(textCell);
  let readFrom = ctx.columns.text;
  for (const spare of text === '' ? (ctx.spareTextColumns ?? []) : []) {
    const found = clean(fields[spare] ?? '');
    if (HAS_LETTERS.test(found.text)) {
      ({ text, truncated, emailClutter } = found);
      readFrom = spare;
      break;
    }
  }
  const textFrom = readFrom === ctx.columns.text ? undefined : ctx.headers[readFrom!];
  const rawDate = normaliseValue(value('date'));
  const date = rawDate === null ? null : parseDate(rawDate, ctx.dateOrder);
  const candidate = withName ? withName.id : normaliseValue(value('candidate'));
  const item: Omit<FeedbackItem, 'id'> = {
    // A student written "Jo Smith <jo@example.com>" in one row and "jo@example.com" in another is one student.
    candidate: candidate === null ? null : (emailAddressOf(candidate) ?? candidate),
    cohort: normaliseValue(value('cohort')),
    stage: normaliseValue(value('stage')) ?? byStage?.stage ?? null,
    employer: normaliseValue(value('employer')),
    role: normaliseValue(value('role')),
    date,
    rawDate,
    text,
    source: ctx.source,
    line,
  };
  // A blank feedback cell is the employer giving no reason, which is worth a call; only a row with
  // nothing else to go on either (no candidate, stage, employer, …) is unusable.
  if (text === '') {
    const described = [item.candidate, item.cohort, item.stage, item.employer, item.role, rawDate].some((v) => v !== null);
    if (!described)
      return reject(`empty feedback text in column "${ctx.textColumnName}" and no candidate, cohort, stage, employer, role or date`);
    item.noText = true;
  }
  if (truncated) item.truncated = true;
  // The name written with the number is the student's, for the follow-up list (a name column wins).
  const contact = contactOf(fields, ctx.contactColumns);
  if (contact || withName)
    item.contact = { name: contact?.name ?? withName?.name ?? null, email: contact?.email ?? null, phone: contact?.phone ?? null };
  if (names.length > 0) item.names = names;
  const outcome: RowOutcome = { kind: 'item', item, rawId: normaliseValue(value('id')), dateUnparsed: rawDate !== null && date === null };
  const unread = byStage
    ? []
    : (ctx.spareTextColumns ?? [])
        .filter((column) => column !== readFrom && HAS_LETTERS.test(fields[column] ?? ''))
        .map((column) => ctx.headers[column]!);
  return {
    ...outcome,
    ...(textFrom === undefined ? {} : { textFrom }),
    ...(unread.length > 0 ? { unread } : {}),
    ...(emailClutter ? { emailClutter } : {}),
  };
}

/**
 * A row of an export written a column per stage: the filled stages' feedback, each its own
 * paragraph, and the last stage with any (where the application ended). Null without such columns.
 */
function stageTexts(
  fields: readonly string[],
  columns: readonly StageTextColumn[] | undefined,
): { text: string; stage: string | null } | null {
  if (!columns?.length) return null;
  const filled = columns.filter(({ column }) => HAS_WORDS.test(fields[column] ?? ''));
  return { text: filled.map(({ column }) => fields[column]!.trim()).join('\n\n'), stage: filled.at(-1)?.stage ?? null };
}

/** A formula, enough to find it in the sheet, without its quoted text (which may name someone): `=HYPERLINK("…","…")`. */
function formulaShown(cell: string): string {
  const shown = formulaWithoutText(cell.trim());
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

function contactOf(fields: readonly string[], columns: ContactColumns | undefined): Contact | null {
  if (!columns) return null;
  const join = (indexes: number[], keep = (_: string) => true) =>
    normaliseValue(
      indexes
        .map((i) => fields[i] ?? '')
        .filter(keep)
        .join(' '),
    );
  // A form's "anonymous" in its Email column is no address to write to; an address typed in the Phone column is one.
  const address = (v: string) => v.includes('@');
  const email = join([...columns.email, ...columns.phone], address);
  const contact = { name: join(columns.name), email, phone: join(columns.phone, (v) => !address(v)) };
  return contact.name || contact.email || contact.phone ? contact : null;
}

const HAS_WORDS = /[\p{L}\p{N}]/u;
/** Another feedback-like column is read, or said to be unread, only for words: "2,5" under a German "Note" is a grade. */
const HAS_LETTERS = /\p{L}/u;

/** First cells of the rows spreadsheets add under a table: "Total", "Grand total:", "Count". */
const SUMMARY_LABEL = /^(?:grand |sub-?)?totals?:?$|^(?:count|sum|average|mean):?$/i;

/**
 * What exporting tools write in a row of its own: "Report generated by CareerHub on 05/06/2026",
 * "Page 2 of 3". A "generated/exported …" note must carry a date or time; and a first cell that is
 * the feedback column is feedback, whatever it says ("Printed the wrong CV at the interview on …").
 */
const EXPORT_NOTE =
  /^(?:(?:report|data|file|list)\s+)?(?:generated|exported|printed|downloaded|extracted)\b.*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2})|^page\s+\d+(?:\s+of\s+\d+)?$|^end of (?:report|data|file|list)\b/i;

/** The first cell, trimmed, when it is the row's one filled cell; null for any other row. */
function loneFirstCell(fields: readonly string[]): string | null {
  const first = fields[0]?.trim() ?? '';
  return first !== '' && fields.slice(1).every((field) => field.trim() === '') ? first : null;
}

/** A row whose one filled cell, its first, is a note of the export rather than a record. */
function isExportNote(fields: readonly string[]): boolean {
  const lone = loneFirstCell(fields);
  return lone !== null && EXPORT_NOTE.test(lone);
}

const NUMBER = /^[-+]?[£$€]?\d[\d,.\s]*%?$/u;
const LABEL = /^\p{L}[\p{L}\s]*:$/u;

/**
 * A totals row without a "Total" label: only numbers ("3" under the feedback column) and labels
 * ending in ":" ("Rows:"), none of them a student's number in the candidate or id column. Shown as
 * its cells, e.g. "Rows: 3".
 */
function unlabelledTotals(fields: readonly string[], idColumns: readonly (number | undefined)[]): string | null {
  const filled = fields.map((field, index) => ({ value: field.trim(), index })).filter(({ value }) => value !== '');
  if (!filled.some(({ value }) => NUMBER.test(value))) return null;
  const totals = filled.every(({ value, index }) => LABEL.test(value) || (NUMBER.test(value) && !idColumns.includes(index)));
  return totals ? filled.map(({ value }) => value).join(' ') : null;
}

/** Every filled cell (two or more) is the header's own name for its column. */
function repeatsHeader(fields: readonly string[], headers: readonly string[]): boolean {
  let same = 0;
  for (const [index, field] of fields.entries()) {
    const value = field.trim().toLowerCase();
    if (value === '') continue;
    if (value !== (headers[index] ?? '').trim().toLowerCase()) return false;
    same++;
  }
  return same >= 2;
}

/** Only the first cell filled, with words and no digit ("Summer intake"): a title, not a student's id. */
function isSectionTitle(fields: readonly string[]): boolean {
  const lone = loneFirstCell(fields);
  return lone !== null && !/\p{N}/u.test(lone);
}

/**
 * Only the first cell filled, with a sentence in it ("Notes: rows added by the placement team; call
 * Jo on ext. 4412", "Last updated 01/05/2026 by …"), as people write under a shared sheet's table:
 * four words or more is no student's id, and read as one it put a note on the list of students to phone.
 */
function isSentenceAlone(fields: readonly string[]): boolean {
  const lone = loneFirstCell(fields);
  return lone !== null && (lone.match(/\p{L}+/gu) ?? []).length >= 4 && /\s/.test(lone);
}

/** The label of a summary row (its first filled cell), or null for a row of data. */
function summaryLabel(fields: readonly string[]): string | null {
  const first = fields.find((field) => field.trim() !== '')?.trim() ?? '';
  return SUMMARY_LABEL.test(first) ? first : null;
}

/** Up to four capitalised words and nothing else: how a name (or part of one) looks in a field. */
const NAME_LIKE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

function shiftedNames(fields: readonly string[], nameColumns: readonly number[], shift: number): string[] {
  const found: string[] = [];
  for (const index of nameColumns) {
    for (let i = Math.max(0, index - shift); i <= Math.min(fields.length - 1, index + shift); i++) {
      const field = fields[i]!.trim();
      if (NAME_LIKE.test(field)) found.push(field);
    }
  }
  return found;
}

function withPersonalDetails(reject: RejectedRow, fields: readonly string[], columns: RowContext['personalDetailColumns']): RejectedRow {
  const personalDetails = (columns ?? []).flatMap(([index, placeholder]): [string, string][] => {
    const value = (fields[index] ?? '').trim();
    return value === '' ? [] : [[value, placeholder]];
  });
  return personalDetails.length > 0 ? { ...reject, personalDetails } : reject;
}

function withPeople(reject: RejectedRow, names: string[], candidateId: string): RejectedRow {
  const withNames = names.length > 0 ? { ...reject, names } : reject;
  return candidateId !== '' ? { ...withNames, candidateIds: [candidateId] } : withNames;
}
