// What the workbook library does not say about a sheet, read from the parts it is given: which
// sheets are hidden (an export's lookup tables), and which cells are merged down a column (an
// adviser's spreadsheet with one student's name merged over their rows).
import { posix } from 'node:path';

export interface SheetPart {
  name: string;
  hidden: boolean;
  /** The part holding the sheet's cells, e.g. `xl/worksheets/sheet2.xml` (null when not found). */
  part: string | null;
}

/** A merged range of one column: the value of its top cell belongs to every row of it (0-based). */
export interface ColumnMerge {
  column: number;
  firstRow: number;
  lastRow: number;
}

const SHEET_TAG = /<(?:[A-Za-z_][\w.-]*:)?sheet\s([^>]*?)\/?>/g;
const RELATIONSHIP_TAG = /<(?:[A-Za-z_][\w.-]*:)?Relationship\s([^>]*?)\/?>/g;
const MERGE_TAG = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s([^>]*?)\/?>/g;

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  if (!match) return null;
  return (match[1] ?? match[2] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The sheets in workbook order, with their state and part, from `xl/workbook.xml` and its relationships. */
export function sheetParts(workbookXml: string, relationshipsXml: string | null, workbookPart = 'xl/workbook.xml'): SheetPart[] {
  const targets = new Map<string, string>();
  for (const match of (relationshipsXml ?? '').matchAll(RELATIONSHIP_TAG)) {
    const id = attribute(match[1]!, 'Id');
    const target = attribute(match[1]!, 'Target');
    if (id === null || target === null) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(workbookPart), target));
  }
  const sheets: SheetPart[] = [];
  for (const match of workbookXml.matchAll(SHEET_TAG)) {
    const name = attribute(match[1]!, 'name');
    if (name === null) continue;
    const state = attribute(match[1]!, 'state');
    const id = attribute(match[1]!, 'r:id') ?? attribute(match[1]!, 'id');
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', part: id === null ? null : (targets.get(id) ?? null) });
  }
  return sheets;
}

/** The sheets a person opening the workbook sees as tabs, in workbook order (the first is the one they see first). */
export function visibleSheets(sheets: readonly SheetPart[]): string[] {
  return sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name);
}

const CELL = /^([A-Z]{1,3})(\d{1,7})$/;

function cellAt(reference: string): { row: number; column: number } | null {
  const match = CELL.exec(reference.replace(/\$/g, '').toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** The sheet's merged ranges that span one column and several rows; wider ranges (a title) are left alone. */
export function columnMerges(sheetXml: string): ColumnMerge[] {
  const merges: ColumnMerge[] = [];
  for (const match of sheetXml.matchAll(MERGE_TAG)) {
    const [from, to] = (attribute(match[1]!, 'ref') ?? '').split(':');
    const start = from ? cellAt(from) : null;
    const end = to ? cellAt(to) : null;
    if (!start || !end || start.column !== end.column || end.row <= start.row) continue;
    merges.push({ column: start.column, firstRow: start.row, lastRow: end.row });
  }
  return merges;
}

/** Copies each merged range's top value into the rows under it that the library left empty. */
export function fillColumnMerges(rows: string[][], merges: readonly ColumnMerge[]): number {
  let filled = 0;
  for (const { column, firstRow, lastRow } of merges) {
    const value = rows[firstRow]?.[column] ?? '';
    if (value === '') continue;
    for (let row = firstRow + 1; row <= Math.min(lastRow, rows.length - 1); row++) {
      const cells = rows[row]!;
      if ((cells[column] ?? '') !== '') continue;
      while (cells.length <= column) cells.push('');
      cells[column] = value;
      filled++;
    }
  }
  return filled;
}
