// CSV exports → FeedbackItem[] + RejectedRow[]. Each file is detected on its own (encoding,
// delimiter, header layout, columns) from its first 64 KB, then read as a stream: memory grows
// with the items kept, not with the size of the file.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError, ExitCode, usageError } from '../errors.js';
import { openUserFile } from '../io/user-file.js';
import type { Logger } from '../logger.js';
import {
  COLUMN_ROLES,
  type CandidateKind,
  type ColumnMapping,
  type ColumnRole,
  type FeedbackItem,
  type IngestFileReport,
  type IngestOptions,
  type IngestResult,
  type RejectedRow,
} from '../types.js';
import { detectColumns, noTextColumnError, resolveOverrides, type OverrideSource } from './columns.js';
import { candidateKind, personNameColumns } from './people.js';
import { CsvParser, UnclosedQuoteError, isBlankRecord } from './csv.js';
import { createDecoder, detectEncoding, validateEncoding, type DetectedEncoding } from './decode.js';
import { detectDelimiter, parseDelimiterOption } from './delimiter.js';
import { detectLayout, nameHeaders, type HeaderLayout } from './header.js';
import { IdRegistry } from './ids.js';
import { RAW_CHARS, columnIndexes, convertRow, type RowContext } from './rows.js';
import { own } from '../own.js';

export { parseDelimiterOption } from './delimiter.js';
export { validateEncoding } from './decode.js';
export { parseDate } from './dates.js';
export { nameHeaders } from './header.js';
export { COLUMN_SYNONYMS } from './columns.js';

export const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_RECORDS = 60;
const READ_CHUNK = 256 * 1024;

const silentLogger: Logger = { info() {}, warn() {}, progress() {}, progressDone() {} };

/** What happened to one file; `emptiness` says why it gave no data rows. */
interface FileOutcome {
  items: FeedbackItem[];
  rejects: RejectedRow[];
  report: IngestFileReport;
  emptiness: 'empty' | 'header-only' | null;
}

export async function ingestFiles(paths: string[], options: IngestOptions, logger: Logger = silentLogger): Promise<IngestResult> {
  if (paths.length === 0) throw usageError('no input files. Give one or more CSV exports, e.g. feedback-themes run export.csv');
  // Check the options once, before any file is read.
  if (options.encoding !== undefined) validateEncoding(options.encoding);
  const delimiter = options.delimiter !== undefined ? parseDelimiterOption(options.delimiter) : undefined;

  const ids = new IdRegistry();
  const items: FeedbackItem[] = [];
  const rejects: RejectedRow[] = [];
  const files: IngestFileReport[] = [];

  for (const path of paths) {
    const outcome = await ingestFile(path, { ...options, delimiter }, ids, logger);
    const { report } = outcome;
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
    logger.info(
      `read ${path}: ${report.dataRows} rows, ${report.encoding}, ${JSON.stringify(report.delimiter)}, ${report.rejected} rejected`,
    );
    if (report.rejected > 0) {
      logger.warn(`${path}: ${report.rejected} of ${report.dataRows} rows rejected (${summariseReasons(outcome.rejects)})`);
    }
  }

  if (items.length === 0) {
    const names = paths.join(', ');
    const why = rejects.length > 0 ? `${rejects.length} rows rejected: ${summariseReasons(rejects)}` : 'no data rows';
    throw new CliError(
      `no usable feedback rows in ${names} (${why}). Check the files and the column choice (--text-column).`,
      ExitCode.noInput,
    );
  }
  return { items, rejects, files, dataRows: items.length + rejects.length };
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

    const detected = detectEncoding(sample, options.encoding);
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

    const reader = new FileReader(path, options, delimiter, layout, sampleRecords, ids);
    const decoder = createDecoder(detected);
    const stream = handle.createReadStream({ start: 0, highWaterMark: READ_CHUNK });
    const digest = createHash('sha256');
    closed = true; // the stream owns the handle from here
    try {
      const label = `reading ${basename(path)}`;
      let bytesRead = 0;
      for await (const chunk of stream) {
        digest.update(chunk as Buffer);
        reader.push(decoder.write(chunk as Buffer));
        bytesRead += (chunk as Buffer).length;
        logger.progress(label, bytesRead, size);
      }
      reader.push(decoder.end());
      reader.end();
      logger.progressDone(label);
    } catch (error) {
      stream.destroy();
      if (error instanceof UnclosedQuoteError) {
        throw usageError(
          `${path}:${error.line}: a quoted field starting on line ${error.line} is never closed. Close the quote or re-export the file.`,
        );
      }
      throw error;
    }
    return reader.finish(encodingNotes(detected, decoder.encoding), decoder.encoding, { bytes: size, sha256: digest.digest('hex') });
  } finally {
    if (!closed) await handle.close();
  }
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
  if (detected.reason === 'utf-16-pattern') notes.push(`no byte order mark; read as ${detected.encoding} from its zero bytes`);
  if (finalEncoding !== detected.encoding) notes.push(`non-ASCII text after the first 64 KB is not UTF-8; read as ${finalEncoding}`);
  return notes;
}

/** Turns the records of one file into items and rejects, following the detected layout. */
class FileReader {
  private readonly parser: CsvParser;
  private recordIndex = 0;
  private readonly metadata: Set<number>;
  private ctx: RowContext | null = null;
  private headers: string[] = [];
  private mapping: ColumnMapping = {};
  private nameColumns: string[] = [];
  private candidateKind: CandidateKind | null = null;
  private readonly notes: string[];
  private readonly items: FeedbackItem[] = [];
  private readonly rejects: RejectedRow[] = [];
  private readonly fileIds;
  private dataRows = 0;
  private blankRows = 0;
  private pendingBlankRows = 0;
  private unparsedDates = 0;
  private readonly unparsedExamples: string[] = [];
  private truncatedTexts = 0;

  constructor(
    private readonly path: string,
    private readonly options: FileOptions,
    private readonly delimiter: string,
    private readonly layout: HeaderLayout,
    private readonly sampleRecords: string[][],
    ids: IdRegistry,
  ) {
    this.metadata = new Set(layout.metadataIndexes);
    this.notes = [...layout.notes];
    this.fileIds = ids.forFile(path);
    const maxFieldChars = Math.max(options.maxTextChars * 4, 4096) + 1024;
    this.parser = new CsvParser({ delimiter, maxFieldChars, rawChars: RAW_CHARS }, (record) => {
      const index = this.recordIndex++;
      if (index < this.layout.headerIndex || this.metadata.has(index)) return;
      if (index === this.layout.headerIndex) return this.readHeader(record.fields);
      if (isBlankRecord(record.fields)) {
        this.pendingBlankRows++;
        return;
      }
      // Blank rows between data rows are worth a note; trailing ones (common in exports) are not.
      this.blankRows += this.pendingBlankRows;
      this.pendingBlankRows = 0;
      this.readRow(record.fields, record.line, record.raw);
    });
  }

  push(text: string): void {
    this.parser.push(text);
  }

  end(): void {
    this.parser.end();
  }

  private readHeader(cells: string[]): void {
    const { headers, notes } = nameHeaders(cells);
    this.headers = headers;
    this.notes.push(...notes);

    const base = basename(this.path);
    const files = this.options.fileColumns ?? {};
    const perFile = own(files, this.path) ?? own(files, base) ?? {};
    const overrides: { role: ColumnRole; name: string; source: OverrideSource }[] = [];
    for (const role of COLUMN_ROLES) {
      const fromFile = perFile[role];
      const fromFlag = this.options.columns[role];
      if (fromFile !== undefined) overrides.push({ role, name: fromFile, source: 'file' });
      else if (fromFlag !== undefined) overrides.push({ role, name: fromFlag, source: 'flag' });
    }
    const fixed = resolveOverrides(this.path, headers, overrides);
    const sampleRows = this.sampleRecords
      .slice(this.layout.headerIndex + 1)
      .filter((_, i) => !this.metadata.has(this.layout.headerIndex + 1 + i))
      .filter((fields) => !isBlankRecord(fields));
    this.mapping = detectColumns({ headers, questions: this.layout.questions, sampleRows, fixed });
    const textColumn = this.mapping.text;
    if (textColumn === undefined) throw noTextColumnError(this.path, headers);

    const nameColumns = personNameColumns(headers, this.mapping);
    this.nameColumns = nameColumns.map((index) => headers[index]);
    this.candidateKind = candidateKind(this.mapping.candidate, headers, sampleRows);

    let lastNamed = cells.length;
    while (lastNamed > 0 && cells[lastNamed - 1].trim() === '') lastNamed--;
    this.ctx = {
      source: this.path,
      headers,
      requiredFields: lastNamed,
      columns: columnIndexes(headers, this.mapping),
      nameColumns,
      prepareText: this.options.prepareText,
      textColumnName: textColumn,
      maxTextChars: this.options.maxTextChars,
      dateOrder: this.options.dateOrder ?? 'dmy',
    };
  }

  private readRow(fields: string[], line: number, raw: string): void {
    this.dataRows++;
    const outcome = convertRow(fields, line, raw, this.ctx!);
    if (outcome.kind === 'reject') {
      this.rejects.push(outcome.reject);
      return;
    }
    if (outcome.dateUnparsed) {
      this.unparsedDates++;
      if (this.unparsedExamples.length < 3) this.unparsedExamples.push(outcome.item.rawDate!);
    }
    if (outcome.item.truncated) this.truncatedTexts++;
    const id = this.fileIds.assign(outcome.rawId, line);
    this.items.push({ id, ...outcome.item });
  }

  finish(encodingNotes: string[], encoding: string, identity: { bytes: number; sha256: string }): FileOutcome {
    const notes = [...encodingNotes, ...this.notes];
    if (this.blankRows > 0) notes.push(`${this.blankRows} blank row${this.blankRows === 1 ? '' : 's'} ignored`);
    notes.push(...this.fileIds.notes());
    if (this.unparsedDates > 0) {
      const examples = this.unparsedExamples.map((d) => JSON.stringify(d)).join(', ');
      notes.push(
        `${this.unparsedDates} date${this.unparsedDates === 1 ? '' : 's'} in column "${this.mapping.date}" not recognised (e.g. ${examples}); left empty`,
      );
    }
    if (this.truncatedTexts > 0) {
      notes.push(
        `${this.truncatedTexts} text${this.truncatedTexts === 1 ? '' : 's'} longer than ${this.options.maxTextChars} characters truncated`,
      );
    }
    const emptiness = this.ctx === null ? 'empty' : this.dataRows === 0 ? 'header-only' : null;
    const skippedRows = this.ctx === null ? 0 : this.layout.preambleRows + this.layout.metadataIndexes.length;
    return {
      items: this.items,
      rejects: this.rejects,
      emptiness,
      report: {
        source: this.path,
        ...identity,
        encoding,
        delimiter: this.delimiter,
        skippedRows,
        headers: this.headers,
        columns: this.mapping,
        candidateKind: this.candidateKind,
        nameColumns: this.nameColumns,
        dataRows: this.dataRows,
        items: this.items.length,
        rejected: this.rejects.length,
        notes,
      },
    };
  }
}
