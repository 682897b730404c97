// How far a worksheet reaches, read from its XML before the workbook library sees it: the library
// allocates every row up to the last one a cell or row names, and pads every row to the widest,
// so one cell at XFD1048576 in a 1.5 KB file would have it allocate billions of cells.

export interface SheetExtent {
  /** Last row any <row r> or <c r> names (1-based). */
  rows: number;
  /** Last column any <c r> names (1-based; A = 1, XFD = 16,384). */
  columns: number;
  /** The reference that reaches furthest (for messages). */
  furthest: string;
}

/** The address is not letters then a row number, as Excel writes them. */
export class CellReferenceError extends Error {
  constructor(readonly reference: string) {
    super(`cell reference ${JSON.stringify(reference.slice(0, 40))} is not a cell address`);
    this.name = 'CellReferenceError';
  }
}

// `<row …>` and `<c …>` open tags, with or without a namespace prefix; `r="…"` among their attributes.
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)\s([^>]*)>/g;
const REFERENCE = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;

export function sheetExtent(xml: Buffer): SheetExtent {
  const text = xml.toString('latin1');
  let rows = 0;
  let columns = 0;
  let furthest = 'A1';
  let furthestSize = 0;
  for (const match of text.matchAll(TAG)) {
    const attributes = REFERENCE.exec(match[2]!);
    if (!attributes) continue;
    const reference = attributes[1] ?? attributes[2] ?? '';
    const [row, column] = match[1] === 'row' ? [wholeNumber(reference), 0] : cellAddress(reference);
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
    const size = Math.max(row, 1) * Math.max(column, 1);
    if (size > furthestSize) {
      furthestSize = size;
      furthest = reference;
    }
  }
  return { rows, columns, furthest };
}

function wholeNumber(text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new CellReferenceError(text);
  return Number(text);
}

/** [row, column] of an address such as `B7`; columns beyond any sheet's are counted, not trusted. */
function cellAddress(reference: string): [number, number] {
  const match = /^([A-Z]{1,10})(\d{1,15})$/.exec(reference);
  if (!match) throw new CellReferenceError(reference);
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [Number(match[2]), column];
}
