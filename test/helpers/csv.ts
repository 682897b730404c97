// Reads an output CSV as a test looks at it: rows keyed by the header, a byte-order mark ignored.

import Papa from 'papaparse';

export function parseCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}
