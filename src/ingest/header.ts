// Where the header is, which rows under it are survey metadata, and what to call each column.
import { own } from '../own.js';
import { normaliseHeader } from './header-words.js';
import { KNOWN_HEADERS } from './synonyms.js';

/**
 * Header names. Each header cell is trimmed. An empty header cell is named `column_<n>`, where
 * n is its 1-based position. A name that repeats an earlier one gets a suffix: the second
 * `Name` becomes `Name_2`, the third `Name_3` (skipping any suffix already taken by another
 * column). Every column keeps its values, so no data is lost; use the new names with
 * `--text-column` and the other column flags. Comparison is case-insensitive, so `Name` and
 * `name` are treated as duplicates too.
 */
export function nameHeaders(cells: string[]): { headers: string[]; notes: string[] } {
  const notes: string[] = [];
  const trimmed = cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  const taken = new Set(trimmed.filter((name) => name !== '').map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  const headers = trimmed.map((name, index) => {
    if (name === '') {
      const generated = unique(`column_${index + 1}`, taken, seen);
      notes.push(`empty header in column ${index + 1} named "${generated}"`);
      return generated;
    }
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      return name;
    }
    let n = 2;
    while (taken.has(`${key}_${n}`) || seen.has(`${key}_${n}`)) n++;
    const renamed = `${name}_${n}`;
    seen.add(renamed.toLowerCase());
    notes.push(`duplicate header "${name}" in column ${index + 1} renamed "${renamed}"`);
    return renamed;
  });
  return { headers, notes };
}

function unique(base: string, taken: Set<string>, seen: Set<string>): string {
  let name = base;
  let n = 2;
  while (taken.has(name.toLowerCase()) || seen.has(name.toLowerCase())) name = `${base}_${n++}`;
  seen.add(name.toLowerCase());
  return name;
}

export type SurveyKind = 'qualtrics' | 'surveymonkey' | null;

export interface HeaderLayout {
  /** Index (0-based, among all records including blank lines) of the header record. */
  headerIndex: number;
  /** Indexes of records under the header that are survey metadata, not data. */
  metadataIndexes: number[];
  /** Non-blank rows above the header that were skipped. */
  preambleRows: number;
  survey: SurveyKind;
  /** Per column, the question text of a survey export (used to recognise columns), when known. */
  questions: string[] | null;
  /** A SurveyMonkey multiple-choice question's columns, first and last (a column per choice, the header over the first). */
  choiceGroups?: [first: number, last: number][];
  notes: string[];
}

const IMPORT_ID = /^\{\s*"ImportId"\s*:/i;
const SURVEYMONKEY_SUBHEADERS = new Set(['response', 'open-ended response', 'other (please specify)']);
const PREAMBLE_LIMIT = 5;

/**
 * Find the header in the first records of a file. `skipRows` (when given) is the number of rows
 * above the header and turns detection off. Otherwise leading blank lines and up to five title
 * rows (one filled cell where the file has several columns) are skipped, and the rows that
 * Qualtrics (question text, `{"ImportId":…}`) and SurveyMonkey (sub-header) put under the
 * header are recognised.
 */
export function detectLayout(records: string[][], skipRows: number | undefined): HeaderLayout {
  const notes: string[] = [];
  const isBlank = (fields: string[] | undefined) => !fields || fields.every((f) => f.trim() === '');

  if (skipRows !== undefined) {
    let index = 0;
    let skipped = 0;
    while (index < records.length && skipped < skipRows) {
      if (!isBlank(records[index])) skipped++;
      index++;
    }
    while (index < records.length && isBlank(records[index])) index++;
    if (skipRows > 0) notes.push(`skipped ${skipRows} row${skipRows === 1 ? '' : 's'} above the header (--skip-rows)`);
    return { headerIndex: index, metadataIndexes: [], preambleRows: skipRows, survey: null, questions: null, notes };
  }

  const nonBlank = records.map((fields, index) => ({ fields, index })).filter((r) => !isBlank(r.fields));
  if (nonBlank.length === 0) {
    return { headerIndex: records.length, metadataIndexes: [], preambleRows: 0, survey: null, questions: null, notes };
  }

  // Title rows: one filled cell above a table that has several columns.
  const widest = modalWidth(nonBlank.map((r) => r.fields));
  let start = 0;
  if (widest >= 2) {
    while (start < Math.min(PREAMBLE_LIMIT, nonBlank.length - 1) && isTitleRow(nonBlank[start].fields, widest)) start++;
    if (start > 0) notes.push(`skipped ${start} title row${start === 1 ? '' : 's'} above the header`);
  }
  // Headings over groups of columns (cells merged across them in the spreadsheet: "Student", ,
  // "Application", , , "Outcome") above the header that names each column.
  if (start < nonBlank.length - 1 && isGroupHeadings(nonBlank[start].fields, nonBlank[start + 1].fields)) {
    notes.push('skipped a row of headings over groups of columns (merged cells) above the header');
    start++;
  }
  const header = nonBlank[start];
  const next = nonBlank[start + 1];
  const third = nonBlank[start + 2];
  const base = { headerIndex: header.index, preambleRows: start };

  // Qualtrics: names, then question text, then {"ImportId": ...} (older exports: two rows).
  if (third?.fields.some((f) => IMPORT_ID.test(f.trim()))) {
    notes.push('Qualtrics export: skipped the question-text and ImportId rows under the header');
    return { ...base, metadataIndexes: [next.index, third.index], survey: 'qualtrics', questions: next.fields, notes };
  }
  if (next?.fields.some((f) => IMPORT_ID.test(f.trim()))) {
    notes.push('Qualtrics export: skipped the ImportId row under the header');
    return { ...base, metadataIndexes: [next.index], survey: 'qualtrics', questions: null, notes };
  }
  if (next && looksLikeQualtricsQuestions(header.fields, next.fields)) {
    notes.push('Qualtrics export: skipped the question-text row under the header');
    return { ...base, metadataIndexes: [next.index], survey: 'qualtrics', questions: next.fields, notes };
  }
  // SurveyMonkey: question row, then a sub-header row ("Response", "Open-Ended Response").
  if (next && looksLikeSurveyMonkeySubheader(next.fields)) {
    notes.push('SurveyMonkey export: skipped the sub-header row under the header');
    const choiceGroups = choiceColumns(header.fields, next.fields);
    for (const [first, last] of choiceGroups)
      notes.push(
        `SurveyMonkey: the answers to ${JSON.stringify(header.fields[first]!.trim())} (${last - first + 1} columns, one per choice) read as one column`,
      );
    return { ...base, metadataIndexes: [next.index], survey: 'surveymonkey', questions: null, choiceGroups, notes };
  }
  return { ...base, metadataIndexes: [], survey: null, questions: null, notes };
}

/**
 * A title above the table ("Feedback export, March 2026"): one filled cell, the first, that does
 * not name a column, or a row of at most half the table's width naming none, a title with a comma
 * in it ("Employer feedback log, Spring term 2026" over six columns: it was read as a two-column
 * header, every row under it rejected). A header with empty cells (`,Feedback,`) is a header.
 */
function isTitleRow(fields: string[], width: number): boolean {
  const names = (cell: string) => KNOWN_HEADERS.has(normaliseHeader(cell));
  if (fields.length * 2 <= width && (fields[0]?.trim() ?? '') !== '') return !fields.some(names);
  if (filledCells(fields) > 1) return false;
  const first = fields[0]?.trim() ?? '';
  if (first === '') return false;
  return !names(first);
}

/**
 * A row with empty cells over a row that fills every cell and names more known columns (two or
 * more): headings over groups of columns, the real header under them. A header with empty cells
 * over rows of data (`,Feedback,` then `A1,Your examples…`) stays the header.
 */
function isGroupHeadings(fields: string[], below: string[]): boolean {
  if (filledCells(fields) === fields.length || filledCells(below) < below.length || below.length < fields.length) return false;
  const known = (row: string[]) => row.filter((cell) => KNOWN_HEADERS.has(normaliseHeader(cell))).length;
  const belowKnown = known(below);
  return belowKnown >= 2 && belowKnown > known(fields);
}

function filledCells(fields: string[]): number {
  return fields.filter((f) => f.trim() !== '').length;
}

function modalWidth(rows: string[][]): number {
  const tally = new Map<number, number>();
  for (const row of rows) tally.set(row.length, (tally.get(row.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, n] of tally) if (n > best || (n === best && w > width)) [width, best] = [w, n];
  return width;
}

/** Qualtrics names its columns StartDate, ResponseId…; the row under them spells those out. */
function looksLikeQualtricsQuestions(header: string[], next: string[]): boolean {
  const spelledOut: Record<string, string> = {
    responseid: 'response id',
    startdate: 'start date',
    enddate: 'end date',
    recordeddate: 'recorded date',
    ipaddress: 'ip address',
  };
  let matches = 0;
  header.forEach((name, i) => {
    const expected = own(spelledOut, name.trim().toLowerCase());
    if (expected && (next[i] ?? '').trim().toLowerCase() === expected) matches++;
  });
  return matches >= 2 || (matches === 1 && header.length <= 3);
}

function looksLikeSurveyMonkeySubheader(fields: string[]): boolean {
  const filled = fields.map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  if (filled.length === 0) return false;
  if (filled.includes('open-ended response')) return true;
  // "Response" alone is a plausible data value; require it to be a sub-header of most filled cells.
  const subheaders = filled.filter((f) => SURVEYMONKEY_SUBHEADERS.has(f)).length;
  return subheaders > 0 && subheaders >= filled.length / 2 && fields[0].trim() === '';
}

/** A question whose sub-header names a choice, and the columns after it with no header of their own: one per choice. */
function choiceColumns(header: string[], subheader: string[]): [number, number][] {
  const groups: [number, number][] = [];
  const choice = (i: number) => (subheader[i] ?? '').trim() !== '' && !SURVEYMONKEY_SUBHEADERS.has(subheader[i]!.trim().toLowerCase());
  for (let first = 0; first < header.length; first++) {
    if (header[first]!.trim() === '' || !choice(first)) continue;
    let last = first;
    while (last + 1 < header.length && header[last + 1]!.trim() === '' && (subheader[last + 1] ?? '').trim() !== '') last++;
    if (last > first) groups.push([first, last]);
  }
  return groups;
}

/** The row with each multiple-choice question's answer (its filled choices, joined by "; ") in the question's first column. */
export function withChoicesJoined(fields: string[], groups: readonly [number, number][] | undefined): string[] {
  if (!groups?.length) return fields;
  const joined = [...fields];
  for (const [first, last] of groups) {
    const picked = fields.slice(first, last + 1).filter((value) => value.trim() !== '');
    joined[first] = picked.join('; ');
  }
  return joined;
}
