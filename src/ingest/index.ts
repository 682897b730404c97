// CSV exports → FeedbackItem[] + RejectedRow[]. Each file is detected on its own (encoding,
// delimiter, header layout, columns) from its first 64 KB, then read as a stream: memory grows
// with the items kept, not with the size of the file.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError, ExitCode, usageError } from '../errors.js';
import { openUserFile } from '../io/user-file.js';
import type { Logger } from '../logger.js';
import type { FeedbackItem, IngestFileReport, IngestOptions, IngestResult, RejectedRow } from '../types.js';
import { redactPeople } from '../redact/people.js';
import { redactText } from '../redact/text.js';
import { CsvParser, UnclosedQuoteError, unclosedQuote } from './csv.js';
import { createDecoder, detectEncoding, forcedEncodingMismatch, SAMPLE_BYTES, validateEncoding, type DetectedEncoding } from './decode.js';
import { detectDelimiter, parseDelimiterOption } from './delimiter.js';
import { detectLayout } from './header.js';
import { IdRegistry } from './ids.js';
import {
  type DoubtfulRows,
  idSpellingNotes,
  joinIdSpellings,
  joinNameSpellings,
  keyedOtherwiseNotes,
  keyedOtherwiseThanById,
  nameSpellingNotes,
  namesUnderSeveralEmails,
  severalEmailsNotes,
  zeroPaddedIdNotes,
  zeroPaddedIds,
} from './name-spellings.js';
import { setAsideImplausibleDates } from './date-range.js';
import { describeMapping } from './mapping.js';
import { RecordReader, type FileOutcome } from './reader.js';
import { RAW_CHARS } from './rows.js';
import { binaryFileError, binaryKind, checkWorkbookSize, inspectWorkbook, oleKind, readWorkbook } from './workbook.js';

export { parseDelimiterOption } from './delimiter.js';
export { SAMPLE_BYTES, validateEncoding } from './decode.js';
export { parseDate } from './dates.js';
export { nameHeaders } from './header.js';
export { COLUMN_SYNONYMS } from './columns.js';

const SAMPLE_RECORDS = 60;
const READ_CHUNK = 256 * 1024;

const silentLogger: Logger = { info() {}, notice() {}, warn() {}, progress() {}, progressDone() {} };

export async function ingestFiles(paths: string[], options: IngestOptions, logger: Logger = silentLogger): Promise<IngestResult> {
  const delimiter = checkedOptions(paths, options);

  const ids = new IdRegistry();
  const items: FeedbackItem[] = [];
  const rejects: RejectedRow[] = [];
  const files: IngestFileReport[] = [];

  // Headers and rejects' reasons are data too (a column per student, a notes column naming its
  // author, a title row quoting a student): logged as the outputs show them, read for names like any
  // text when the run redacts.
  const shown = (text: string) => options.prepareText?.(text, []) ?? text;
  for (const path of paths) {
    const outcome = await ingestFile(path, { ...options, delimiter }, ids, logger);
    const { report } = outcome;
    report.notes.push(...setAsideImplausibleDates(outcome.items, report.columns.date, options.today));
    files.push(report);
    for (const item of outcome.items) items.push(item);
    for (const reject of outcome.rejects) rejects.push(reject);

    if (outcome.emptiness) {
      const problem = outcome.emptiness === 'empty' ? 'the file is empty' : 'the file has a header but no data rows';
      if (paths.length === 1) {
        throw new CliError(`${path}: ${problem}. Check that the export finished and contains the feedback rows.`, ExitCode.noInput);
      }
      logger.warn(`${path}: ${problem}; skipped`);
      continue;
    }
    const how =
      report.format === 'xlsx' ? `sheet ${JSON.stringify(report.sheet)}` : `${report.encoding}, ${JSON.stringify(report.delimiter)}`;
    logger.info(`read ${path}: ${report.dataRows} rows, ${how}, ${report.rejected} rejected; columns ${describeMapping(report, shown)}`);
    if (report.rejected > 0) {
      // rejects.csv names a workbook's rows by the sheet's numbers: say which sheet they are on.
      const where = report.format === 'xlsx' ? `${path} (sheet ${sheetNames([report.sheet ?? ''])})` : path;
      logger.warn(`${where}: ${report.rejected} of ${report.dataRows} rows rejected (${shown(summariseReasons(outcome.rejects))})`);
    }
    for (const warning of outcome.warnings ?? []) logger.warn(`${path}: ${shown(warning)}`);
  }

  if (items.length === 0) {
    const names = paths.join(', ');
    const why = rejects.length > 0 ? `${rejects.length} rows rejected: ${shown(summariseReasons(rejects))}` : 'no data rows';
    throw new CliError(
      `no usable feedback rows in ${names} (${why}). Check the files and the column choice (--text-column).`,
      ExitCode.noInput,
    );
  }
  // One student written two ways across the rows (or files) of the run: an id in another case, a name reordered.
  const keyedBy = (kind: string) => new Set(files.filter((file) => file.candidateKind === kind).map((file) => file.source));
  const byId = keyedBy('id');
  const byName = keyedBy('name');
  noteOnFirst(files, byId, idSpellingNotes(joinIdSpellings(items, byId)));
  noteOnFirst(files, byName, nameSpellingNotes(joinNameSpellings(items, byName)));
  const byEmail = keyedBy('email');
  // Rows that may be one student or two are kept apart; the adviser is told where, on stderr too,
  // in the notes of the first file that holds such rows.
  const doubts: [DoubtfulRows[], (groups: DoubtfulRows[]) => string[]][] = [
    [zeroPaddedIds(items, byId), zeroPaddedIdNotes],
    [namesUnderSeveralEmails(items, byEmail), severalEmailsNotes],
    [keyedOtherwiseThanById(items, byId, byEmail, byName), keyedOtherwiseNotes],
  ];
  for (const [groups, notesOf] of doubts) {
    const notes = notesOf(groups);
    noteOnFirst(files, new Set(groups.flat().map((item) => item.source)), notes);
    for (const note of notes) logger.warn(shown(note));
  }
  return { items, rejects, files, dataRows: items.length + rejects.length };
}

/** Notes about several files, given to the first of them (the data-quality section lists notes by file). */
function noteOnFirst(files: IngestFileReport[], sources: ReadonlySet<string>, notes: string[]): void {
  if (notes.length > 0) files.find((file) => sources.has(file.source))!.notes.push(...notes);
}

/** `3 × empty feedback text in column "Feedback"; 1 × expected 4 fields, found 2` (most common first). */
export function summariseReasons(rejects: RejectedRow[], max = 4): string {
  const counts = new Map<string, number>();
  for (const reject of rejects) counts.set(reject.reason, (counts.get(reject.reason) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, max).map(([reason, n]) => `${n} × ${reason}`);
  if (sorted.length > max) shown.push(`${sorted.length - max} other reasons`);
  return shown.join('; ');
}

type FileOptions = Omit<IngestOptions, 'delimiter'> & { delimiter: string | undefined };

async function ingestFile(path: string, options: FileOptions, ids: IdRegistry, logger: Logger): Promise<FileOutcome> {
  const handle = await openInput(path);
  let closed = false;
  try {
    const size = (await handle.stat()).size;
    const sampleBytes = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(sampleBytes, 0, sampleBytes.length, 0);
    const sample = sampleBytes.subarray(0, bytesRead);
    const wholeFileInSample = bytesRead >= size;

    const binary = binaryKind(sample);
    if (binary === 'xlsx') return await ingestWorkbook(path, handle, size, options, ids);
    if (binary === 'xls') throw binaryFileError(path, await oleKind(handle, size));
    if (binary !== null) throw binaryFileError(path, binary);

    const detected = detectEncoding(sample, options.encoding);
    const mismatch = options.encoding === undefined ? null : forcedEncodingMismatch(sample, detected.encoding);
    if (mismatch !== null) throw usageError(`${path}: ${mismatch}`);
    const sampleDecoder = createDecoder(detected);
    const sampleText = sampleDecoder.write(sample) + (wholeFileInSample ? sampleDecoder.end() : '');
    const delimiter = options.delimiter ?? detectDelimiter(sampleText, wholeFileInSample);

    const sampleRecords: string[][] = [];
    const sampleParser = new CsvParser({ delimiter, maxFieldChars: 4096, rawChars: 0 }, (record) => {
      if (sampleRecords.length < SAMPLE_RECORDS) sampleRecords.push(record.fields);
    });
    sampleParser.push(sampleText);
    if (wholeFileInSample) {
      try {
        sampleParser.end();
      } catch {
        // Reported with its line when the file is read.
      }
    }
    const layout = detectLayout(sampleRecords, options.skipRows);

    const reader = new RecordReader(path, options, layout, sampleRecords, ids);
    const maxFieldChars = Math.max(options.maxTextChars * 4, 4096) + 1024;
    const parser = new CsvParser({ delimiter, maxFieldChars, rawChars: RAW_CHARS }, (record) =>
      // Rows are named as a spreadsheet shows them, as a workbook's are (csv.ts `CsvRecord.row`).
      reader.record(record.fields, record.row, record.raw),
    );
    const decoder = createDecoder(detected);
    const stream = handle.createReadStream({ start: 0, highWaterMark: READ_CHUNK });
    const digest = createHash('sha256');
    closed = true; // the stream owns the handle from here
    try {
      const label = `reading ${basename(path)}`;
      let bytesRead = 0;
      for await (const chunk of stream) {
        digest.update(chunk as Buffer);
        parser.push(decoder.write(chunk as Buffer));
        bytesRead += (chunk as Buffer).length;
        logger.progress(label, bytesRead, size);
      }
      parser.push(decoder.end());
      parser.end();
      logger.progressDone(label);
    } catch (error) {
      stream.destroy();
      if (error instanceof UnclosedQuoteError) throw unclosedQuote(path, error);
      throw error;
    }
    return reader.finish(
      encodingNotes(detected, decoder.encoding),
      { encoding: decoder.encoding, delimiter, format: 'csv', sheet: null },
      { bytes: size, sha256: digest.digest('hex') },
      // A sheet asked of a CSV file (saved from one sheet) is not there to choose: it is read whole, and said.
      options.sheet === undefined
        ? []
        : [`--sheet ${JSON.stringify(options.sheet)} is for workbooks (.xlsx): this file is CSV, saved from one sheet, and is read whole`],
    );
  } finally {
    if (!closed) await handle.close();
  }
}

/** A workbook: its sheet's cells become the records a CSV export of it would give. */
async function ingestWorkbook(path: string, handle: FileHandle, size: number, options: FileOptions, ids: IdRegistry): Promise<FileOutcome> {
  checkWorkbookSize(path, size);
  const checked = await inspectWorkbook(path);
  const bytes = await handle.readFile();
  const { sheet, rows, mergedCellsFilled, emptyPassed, notesPassed = [] } = await readWorkbook(path, checked, options.sheet);
  const layout = detectLayout(rows.slice(0, SAMPLE_RECORDS), options.skipRows);
  const reader = new RecordReader(path, options, layout, rows.slice(0, SAMPLE_RECORDS), ids);
  rows.forEach((fields, index) => {
    reader.record(fields, index + 1, csvLine(fields));
  });
  const notes = [`sheet ${JSON.stringify(sheet)} of the workbook`];
  if (emptyPassed.length > 0)
    notes.push(`empty sheet${emptyPassed.length === 1 ? '' : 's'} before it passed over: ${sheetNames(emptyPassed)}`);
  if (notesPassed.length > 0)
    notes.push(`sheet${notesPassed.length === 1 ? '' : 's'} of notes in one column before it passed over: ${sheetNames(notesPassed)}`);
  if (mergedCellsFilled > 0)
    notes.push(`${mergedCellsFilled} empty cell${mergedCellsFilled === 1 ? '' : 's'} under merged cells given the merged value`);
  const outcome = reader.finish(
    notes,
    { encoding: 'utf-8', delimiter: null, format: 'xlsx', sheet },
    { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    options.sheet === undefined
      ? unreadSheetsWarnings(checked.visible.filter((name) => name !== sheet && !emptyPassed.includes(name) && !notesPassed.includes(name)))
      : [],
  );
  // A rejected row's line is the sheet's row: rejects.csv says which sheet.
  for (const reject of outcome.rejects) reject.sheet = sheet;
  return outcome;
}

/** `"MSc 2025", "PhD 2025" and 3 more`: the workbook's names, redacted like any value. */
function sheetNames(names: readonly string[]): string {
  const shown = names.slice(0, 10).map((name) => JSON.stringify(redactPeople(redactText(name))));
  return names.length > 10 ? `${shown.join(', ')} and ${names.length - 10} more` : shown.join(', ');
}

/**
 * A workbook of a sheet per cohort or intake has rows on sheets a run without --sheet does not read:
 * said on stderr and in the data-quality section, with how to read them (names are the workbook's,
 * redacted like any value), so no sheet is passed over unseen.
 */
function unreadSheetsWarnings(others: readonly string[]): string[] {
  if (others.length === 0) return [];
  const listed = sheetNames(others);
  return [
    `the workbook has ${others.length} other sheet${others.length === 1 ? '' : 's'} (${listed}), not read: only one sheet is read per run of a workbook; ` +
      'to read them all, save each sheet as CSV and give every file to one run, or run once per sheet with --sheet NAME',
  ];
}

/** A row as one CSV line, for the raw text of rejected rows. */
function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/**
 * Every input can be opened, and the options that apply to every file are well formed: checked
 * before the store opens or the model loads, so a mistyped second file name fails at once.
 */
export async function checkInputs(paths: readonly string[], options: Pick<IngestOptions, 'encoding' | 'delimiter'>): Promise<void> {
  checkedOptions(paths, options);
  for (const path of paths) {
    const handle = await openInput(path);
    try {
      // An encoding the bytes contradict is said before the model loads, as a missing file is.
      if (options.encoding === undefined) continue;
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
      const mismatch =
        binaryKind(buffer.subarray(0, bytesRead)) === null ? forcedEncodingMismatch(buffer.subarray(0, bytesRead), options.encoding) : null;
      if (mismatch !== null) throw usageError(`${path}: ${mismatch}`);
    } finally {
      await handle.close();
    }
  }
}

/** Some input given, and the options that apply to every file well formed, before any file is read: the delimiter asked for. */
function checkedOptions(paths: readonly string[], options: Pick<IngestOptions, 'encoding' | 'delimiter'>): string | undefined {
  if (paths.length === 0) throw usageError('no input files. Give one or more CSV exports, e.g. feedback-themes run export.csv');
  if (options.encoding !== undefined) validateEncoding(options.encoding);
  return options.delimiter !== undefined ? parseDelimiterOption(options.delimiter) : undefined;
}

async function openInput(path: string): Promise<FileHandle> {
  return openUserFile(path, { what: 'the export', hint: 'Give the path of a readable CSV export.' });
}

function encodingNotes(detected: DetectedEncoding, finalEncoding: string): string[] {
  const notes: string[] = [];
  if (detected.bom) notes.push(`${detected.encoding} with byte order mark`);
  if (detected.reason === 'detected') {
    const guess = detected.guess ? ` (chardet: ${detected.guess.name}, confidence ${detected.guess.confidence})` : '';
    notes.push(`not UTF-8; read as ${detected.encoding}${guess}`);
  }
  if (detected.reason === 'mixed')
    notes.push('UTF-8 with some Windows-1252 text (rows from two sources?); each part read in its own encoding');
  if (detected.reason === 'utf-16-pattern') notes.push(`no byte order mark; read as ${detected.encoding} from its zero bytes`);
  if (finalEncoding !== detected.encoding) notes.push(`non-ASCII text after the first 64 KB is not UTF-8; read as ${finalEncoding}`);
  return notes;
}
