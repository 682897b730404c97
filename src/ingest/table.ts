// A small table read whole: a labelled set or a corrections file. The same reading as an export's:
// encoding detected from the first bytes (Excel saves CSV as UTF-8 with a BOM, UTF-16 or
// Windows-1252, by version), delimiter detected, the same CSV dialect, each record with the row a
// spreadsheet shows it on, and the same error for a quote that is never closed.

import { readUserBytes, type UserFile } from '../io/user-file.js';
import { parseCsv, UnclosedQuoteError, unclosedQuote } from './csv.js';
import { decodeBytes, detectEncoding, SAMPLE_BYTES } from './decode.js';
import { detectDelimiter } from './delimiter.js';

export interface TableRecord {
  cells: string[];
  /** 1-based row a spreadsheet shows the record on (csv.ts `CsvRecord.row`): what messages name as its line. */
  line: number;
}

/** Reads a table file: its records, the header first. */
export async function readTable(path: string, file: UserFile): Promise<TableRecord[]> {
  const bytes = await readUserBytes(path, file);
  return parseTable(decodeBytes(bytes, detectEncoding(bytes.subarray(0, SAMPLE_BYTES))), path);
}

/** Parses decoded table text (the byte order mark already dropped). */
export function parseTable(text: string, path: string): TableRecord[] {
  const delimiter = detectDelimiter(text.slice(0, SAMPLE_BYTES), text.length <= SAMPLE_BYTES);
  try {
    return parseCsv(text, { delimiter, rawChars: 0 }).map((record) => ({ cells: record.fields, line: record.row }));
  } catch (error) {
    if (error instanceof UnclosedQuoteError) throw unclosedQuote(path, error);
    throw error;
  }
}
