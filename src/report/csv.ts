// CSV outputs: RFC 4180 (CRLF between records, fields quoted when they hold a comma, quote, CR or
// LF) with spreadsheet formula injection neutralised (OWASP): text cells starting with = + - @,
// tab, CR or LF get a leading apostrophe. Numbers we compute are written as they are.

import type { ClassifiedItem, RejectedRow, Taxonomy } from '../types.js';
import { compareItems } from '../analyse/util.js';
import { normaliseValue } from '../ingest/text.js';

/** Candidate id → the name an output shows (their reference); ids not in it are shown as they are. */
export type DisplayNames = ReadonlyMap<string, string>;

export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return [...csvRecords(header, rows)].join('');
}

/** The CSV a record at a time (each ending in CRLF), for streaming large outputs to disk. */
export function* csvRecords(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield `${header.map(csvField).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvField).join(',')}\r\n`;
}

/** A re-iterable view of a generator function, so a writer can retry or a test can read it twice. */
function reiterable<T>(make: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

function themeOrder(taxonomy: Taxonomy | null, entry: ClassifiedItem): string[] {
  if (taxonomy === null) return entry.themes.map((theme) => theme.themeId);
  const order = new Map(taxonomy.themes.map((theme, index) => [theme.id, index]));
  return entry.themes
    .map((theme) => theme.themeId)
    .sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
}

function sortedItems(classified: readonly ClassifiedItem[]): ClassifiedItem[] {
  return [...classified].sort(compareItems);
}

export const ITEMS_COLUMNS = [
  'id',
  'candidate',
  'cohort',
  'stage',
  'employer',
  'role',
  'date',
  'themes',
  'scores',
  'confidence',
  'text',
  'source',
  'line',
  'emerging',
] as const;

/** One row per feedback item, candidates by their references. Themes in taxonomy order when the
 * taxonomy is known, else as assigned. */
export function itemsCsv(classified: readonly ClassifiedItem[], taxonomy: Taxonomy | null, names: DisplayNames): string {
  return [...itemsCsvRecords(classified, taxonomy, names)].join('');
}

/** `items.csv` a record at a time. */
export function itemsCsvRecords(classified: readonly ClassifiedItem[], taxonomy: Taxonomy | null, names: DisplayNames): Iterable<string> {
  return reiterable(() => csvRecords(ITEMS_COLUMNS, itemRows(classified, taxonomy, names)));
}

function* itemRows(classified: readonly ClassifiedItem[], taxonomy: Taxonomy | null, names: DisplayNames): Generator<CsvCell[]> {
  for (const entry of sortedItems(classified)) {
    const ids = themeOrder(taxonomy, entry);
    const scoreOf = new Map(entry.themes.map((theme) => [theme.themeId, theme.score]));
    const confidenceOf = new Map(entry.themes.map((theme) => [theme.themeId, theme.confidence]));
    const { item } = entry;
    const candidate = normaliseValue(item.candidate);
    yield [
      item.id,
      candidate === null ? null : (names.get(candidate) ?? candidate),
      item.cohort,
      item.stage,
      item.employer,
      item.role,
      item.date ?? item.rawDate ?? null,
      ids.join('|'),
      ids.map((id) => `${id}:${(scoreOf.get(id) ?? 0).toFixed(2)}`).join('|'),
      // Calibrated probabilities from the theme head; empty when similarity thresholds alone decided.
      entry.themes.some((theme) => theme.confidence !== undefined)
        ? ids.map((id) => `${id}:${(confidenceOf.get(id) ?? 0).toFixed(2)}`).join('|')
        : null,
      item.text,
      item.source,
      item.line,
      (entry.emerging ?? []).join('|'),
    ];
  }
}

export const SEGMENTS_COLUMNS = ['item_id', 'segment', 'text', 'themes', 'best_theme', 'best_score', 'favourable'] as const;

export function segmentsCsv(classified: readonly ClassifiedItem[], taxonomy: Taxonomy): string {
  return [...segmentsCsvRecords(classified, taxonomy)].join('');
}

/** `segments.csv` a record at a time. */
export function segmentsCsvRecords(classified: readonly ClassifiedItem[], taxonomy: Taxonomy): Iterable<string> {
  return reiterable(() => csvRecords(SEGMENTS_COLUMNS, segmentRows(classified, taxonomy)));
}

function* segmentRows(classified: readonly ClassifiedItem[], taxonomy: Taxonomy): Generator<CsvCell[]> {
  const ids = taxonomy.themes.map((theme) => theme.id);
  const order = new Map(ids.map((id, index) => [id, index]));
  for (const entry of sortedItems(classified)) {
    for (const segment of [...entry.segments].sort((a, b) => a.index - b.index)) {
      let best = -1;
      for (let i = 0; i < segment.scores.length; i += 1) if (best < 0 || segment.scores[i] > segment.scores[best]) best = i;
      const themes = [...segment.themes].sort((a, b) => (order.get(a) ?? ids.length) - (order.get(b) ?? ids.length));
      yield [
        entry.item.id,
        segment.index,
        segment.text,
        themes.join('|'),
        best >= 0 ? (ids[best] ?? null) : null,
        best >= 0 ? Number(segment.scores[best].toFixed(4)) : null,
        segment.favourable,
      ];
    }
  }
}

/** `sheet` (a workbook's, empty for CSV) comes last, so a reader of the first four columns reads them as before. */
export const REJECTS_COLUMNS = ['source', 'line', 'reason', 'raw', 'sheet'] as const;

export function rejectsCsv(rejects: readonly RejectedRow[]): string {
  const rows = [...rejects]
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line))
    .map((row) => [row.source, row.line, row.reason, row.raw, row.sheet ?? null]);
  return csv(REJECTS_COLUMNS, rows);
}
