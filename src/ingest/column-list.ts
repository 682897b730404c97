// How an error names a file's columns: by letter, as the adviser sees them in a spreadsheet, and by
// header with names and contact details hidden (a file without a header row shows a student's row
// where its headers would be, and errors reach the logs).
import { redactPeople } from '../redact/people.js';
import { redactText } from '../redact/text.js';

/** `A`, `B`, … `Z`, `AA`: how a spreadsheet names the column at this index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A header as an error quotes it: `"Feedback"`, with names and contact details hidden. */
export function quotedHeader(header: string): string {
  return JSON.stringify(redactPeople(redactText(header)));
}

/**
 * `"Response ID", "Feedback", …` (long header lists are cut), each column as `show` gives it (its
 * quoted header unless told otherwise).
 */
export function listColumns(headers: readonly string[], show: (header: string, column: number) => string = quotedHeader, max = 25): string {
  const shown = headers
    .slice(0, max)
    .map((header, column) => show(header, column))
    .join(', ');
  return headers.length > max ? `${shown}, … (${headers.length - max} more)` : shown;
}
