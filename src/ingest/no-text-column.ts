// The error when no column reads as feedback: what the adviser needs to choose one (or to see that the
// file is no table of feedback), and nothing of a student's.
import { usageError } from '../errors.js';
import { redactPeople } from '../redact/people.js';
import { redactText } from '../redact/text.js';
import { CHAT_TRANSCRIPT_FIX, readsAsChatTranscript } from './chat-transcript.js';
import { columnLetter, listColumns, quotedHeader } from './column-list.js';
import { normaliseHeader } from './header-words.js';
import { isEmailHeader, isPersonNameHeader, looksLikeEmails } from './people.js';
import { KNOWN_HEADERS, SYSTEM_COLUMNS } from './synonyms.js';

/** A header cell that reads as a sentence (five words or more): a form's question, or feedback in a first row of data. */
const SENTENCE_CELL = /^(?:\S+\s+){4,}\S+/u;

/**
 * Whether a row reads as column names: a survey tool's bookkeeping column (Microsoft Forms' "Start time",
 * Qualtrics' "ResponseId"), a form's "Timestamp", or two cells that are whole column names ("ID", "Email").
 * One alone could be a value ("Submitted"); a row of a student's data holds none of these.
 */
function readsAsColumnNames(cells: string[]): boolean {
  const names = cells.map(normaliseHeader);
  if (names.some((name) => SYSTEM_COLUMNS.has(name) || name === 'timestamp')) return true;
  return names.filter((name) => KNOWN_HEADERS.has(name)).length >= 2;
}

/**
 * No column reads as feedback. Columns are named by letter, as the adviser sees them in a spreadsheet.
 * A header row of a form whose feedback question is not recognised shows its headers (questions are
 * the form's, not a student's) and names the column whose answers are longest as the one to choose.
 * A file without a header row shows its first row here, a student's: then only letters are shown,
 * never a cell, so its people and feedback stay out of the message and the logs.
 */
export function noTextColumnError(fileLabel: string, headers: string[], sampleRows: readonly string[][] = []) {
  const prefix = `${fileLabel}: no feedback text column found.`;
  if (readsAsChatTranscript(headers)) return usageError(`${prefix} ${CHAT_TRANSCRIPT_FIX}`);
  if (!readsAsColumnNames(headers) && headers.some((header) => SENTENCE_CELL.test(header.trim()))) {
    return usageError(
      `${prefix} Columns found: ${listColumns(headers, (_, column) => columnLetter(column))} (cells not shown: the first row reads as feedback, not column names). ` +
        'Add a header row naming the columns (e.g. Student ID, Feedback), then run again.',
    );
  }
  const listed = listColumns(headers, (header, column) => `${columnLetter(column)} ${quotedHeader(header)}`);
  const likely = longestAnswers(headers, sampleRows);
  // Offered only when redaction hides nothing of its header, which is then quoted as written.
  const fix =
    likely === null || redactPeople(redactText(headers[likely]!)) !== headers[likely]
      ? 'Name the column that holds the feedback with --text-column NAME.'
      : `Name the column that holds the feedback with --text-column NAME: if it is column ${columnLetter(likely)}, whose answers are longest, ` +
        `--text-column ${JSON.stringify(headers[likely])}.`;
  return usageError(`${prefix} Columns found: ${listed}. ${fix}`);
}

/** The column with the longest values on average among the sampled rows (at least 20 characters), or null. */
function longestAnswers(headers: string[], sampleRows: readonly string[][]): number | null {
  if (sampleRows.length === 0) return null;
  let best: number | null = null;
  let bestLength = 20;
  headers.forEach((header, column) => {
    if (header.trim() === '' || SYSTEM_COLUMNS.has(normaliseHeader(header)) || isEmailHeader(header) || isPersonNameHeader(header)) return;
    if (looksLikeEmails(sampleRows.map((row) => row[column] ?? ''))) return;
    const mean = sampleRows.reduce((total, row) => total + (row[column] ?? '').trim().length, 0) / sampleRows.length;
    if (mean > bestLength) [best, bestLength] = [column, mean];
  });
  return best;
}
