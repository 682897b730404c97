// One file's records → items and rejects, following its detected layout: the header is named,
// columns detected, each data row converted. Fed by the CSV parser or by a workbook's sheet.
import { basename } from 'node:path';
import { own } from '../own.js';
import {
  COLUMN_ROLES,
  type CandidateKind,
  type ColumnMapping,
  type ColumnRole,
  type FeedbackItem,
  type IngestFileReport,
  type IngestOptions,
  type RejectedRow,
} from '../types.js';
import {
  detectColumnsExplained,
  normaliseHeader,
  noTextColumnError,
  resolveOverrides,
  spareTextColumns,
  stageTextColumns,
  type OverrideSource,
} from './columns.js';
import { isBlankRecord } from './csv.js';
import { namedLines } from './date-range.js';
import { fileDateOrder } from './date-order.js';
import { nameHeaders, type HeaderLayout, withChoicesJoined } from './header.js';
import type { IdRegistry } from './ids.js';
import { candidateKind, contactColumns, holdsNamesWithIds, personNameColumns } from './people.js';
import { personalDetailOf } from './personal-details.js';
import { columnIndexes, convertRow, type RowContext } from './rows.js';
import { type RawRow, ShortRows } from './short-rows.js';
import { withdrawalColumns } from './withdrawal.js';

export type ReaderOptions = Omit<IngestOptions, 'delimiter'>;

/** How the file was read, as reported in summary.json. */
export type FileShape = Pick<IngestFileReport, 'encoding' | 'delimiter' | 'format' | 'sheet'>;

/** What happened to one file; `emptiness` says why it gave no data rows. */
export interface FileOutcome {
  items: FeedbackItem[];
  rejects: RejectedRow[];
  report: IngestFileReport;
  emptiness: 'empty' | 'header-only' | null;
  /** Notes worth a line on stderr too: text in the file that was not read. */
  warnings?: string[];
}

/** Turns the records of one file into items and rejects, following the detected layout. */
export class RecordReader {
  private recordIndex = 0;
  private readonly metadata: Set<number>;
  private ctx: RowContext | null = null;
  private shortRows: ShortRows | null = null;
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
  /** Lines whose date was not recognised. */
  private readonly unparsedDates: number[] = [];
  private blankTexts = 0;
  /** Rows whose blank text column was filled from another feedback column, by that column's name. */
  private readonly textFrom = new Map<string, number>();
  private readonly unread = new Map<string, number>();
  /** Rows where the candidate withdrew or declined, by the column that says so. */
  private readonly withdrawnIn = new Map<string, number>();
  private readonly unparsedExamples: string[] = [];
  private truncatedTexts = 0;
  /** Lines whose feedback was a pasted email, its header, signature or disclaimer left out. */
  private readonly emailClutter: number[] = [];

  constructor(
    private readonly path: string,
    private readonly options: ReaderOptions,
    private readonly layout: HeaderLayout,
    private readonly sampleRecords: string[][],
    ids: IdRegistry,
  ) {
    this.metadata = new Set(layout.metadataIndexes);
    this.notes = [...layout.notes];
    this.fileIds = ids.forFile(path);
  }

  /** One record of the file, in order: rows above the header, the header, metadata rows, data. */
  record(fields: string[], line: number, raw: string): void {
    const index = this.recordIndex++;
    if (index < this.layout.headerIndex || this.metadata.has(index)) return;
    if (index === this.layout.headerIndex) {
      this.readHeader(fields);
      return;
    }
    if (isBlankRecord(fields)) {
      this.pendingBlankRows++;
      return;
    }
    // Blank rows between data rows are worth a note; trailing ones (common in exports) are not.
    this.blankRows += this.pendingBlankRows;
    this.pendingBlankRows = 0;
    for (const row of this.shortRows!.take({ fields, line, raw })) this.readRow(row);
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
      .filter((fields) => !isBlankRecord(fields))
      .map((fields) => withChoicesJoined(fields, this.layout.choiceGroups));
    const detected = detectColumnsExplained({ headers, questions: this.layout.questions, sampleRows, fixed });
    this.mapping = detected.mapping;
    this.notes.push(...detected.notes);
    const textColumn = this.mapping.text;
    if (textColumn === undefined) throw noTextColumnError(this.path, headers, sampleRows);

    const nameColumns = personNameColumns(headers, this.mapping, sampleRows);
    this.nameColumns = nameColumns.map((index) => headers[index]);
    this.candidateKind = candidateKind(this.mapping.candidate, headers, sampleRows);

    const byStage = stageTextColumns(headers, this.mapping);
    if (byStage.length > 0)
      this.notes.push(
        `feedback written a column per stage (${byStage.map(({ column }) => JSON.stringify(headers[column])).join(', ')}): read together, a row as one application, ending at the last stage with feedback`,
      );
    // "Round 1" beside "Round 1 reason" holds that round's outcome (Passed, Failed), not the stage a
    // row reached: the stage is then the last one with feedback, as without a stage column.
    const detectedStage = this.mapping.stage;
    if (
      detectedStage !== undefined &&
      fixed.stage === undefined &&
      byStage.some(({ stage }) => normaliseHeader(stage) === normaliseHeader(detectedStage))
    ) {
      delete this.mapping.stage;
      this.notes.push(
        `"${detectedStage}" names one of those stages, so it is read as that stage's outcome, not as the stage a row reached (choose it with --stage-column if it is)`,
      );
    }
    const spares = spareTextColumns(headers, this.mapping);
    const feedbackColumns = [headers.indexOf(textColumn), ...spares, ...byStage.map(({ column }) => column)];
    let lastNamed = cells.length;
    while (lastNamed > 0 && cells[lastNamed - 1].trim() === '') lastNamed--;
    const dates = fileDateOrder(sampleRows, headers, this.mapping.date, this.options.dateOrder);
    this.notes.push(...dates.notes);
    this.shortRows = new ShortRows(headers.length, lastNamed, headers.indexOf(textColumn));
    this.ctx = {
      source: this.path,
      headers,
      requiredFields: lastNamed,
      columns: columnIndexes(headers, this.mapping),
      nameColumns,
      personalDetailColumns: headers.flatMap((header, index): [number, string][] => {
        const placeholder = personalDetailOf(header);
        return placeholder === null ? [] : [[index, placeholder]];
      }),
      candidateWithName: holdsNamesWithIds(this.mapping.candidate, headers, sampleRows),
      firstColumnNamesPeople:
        nameColumns.includes(0) || (this.mapping.candidate === headers[0] && this.candidateKind !== null && this.candidateKind !== 'id'),
      contactColumns: contactColumns(headers, this.mapping, sampleRows),
      prepareText: this.options.prepareText,
      textColumnName: textColumn,
      spareTextColumns: spares,
      stageTextColumns: byStage,
      withdrawalColumns: withdrawalColumns(
        headers,
        this.mapping,
        feedbackColumns,
        byStage.map(({ stage }) => stage),
      ),
      maxTextChars: this.options.maxTextChars,
      dateOrder: dates.order,
    };
  }

  private readRow({ fields, line, raw }: RawRow): void {
    this.dataRows++;
    const outcome = convertRow(withChoicesJoined(fields, this.layout.choiceGroups), line, raw, this.ctx!);
    if (outcome.kind === 'reject') {
      this.rejects.push(outcome.reject);
      if (outcome.withdrawnIn !== undefined)
        this.withdrawnIn.set(outcome.withdrawnIn, (this.withdrawnIn.get(outcome.withdrawnIn) ?? 0) + 1);
      return;
    }
    if (outcome.dateUnparsed) {
      this.unparsedDates.push(line);
      // Quoted in a note: redacted like the row's own values (a name typed into the date column).
      const example = outcome.item.rawDate!;
      if (this.unparsedExamples.length < 3)
        this.unparsedExamples.push(this.options.prepareText?.(example, outcome.item.names ?? []) ?? example);
    }
    if (outcome.item.truncated) this.truncatedTexts++;
    if (outcome.item.noText) this.blankTexts++;
    if (outcome.emailClutter) this.emailClutter.push(line);
    if (outcome.textFrom !== undefined) this.textFrom.set(outcome.textFrom, (this.textFrom.get(outcome.textFrom) ?? 0) + 1);
    for (const column of outcome.unread ?? []) this.unread.set(column, (this.unread.get(column) ?? 0) + 1);
    const id = this.fileIds.assign(outcome.rawId, line);
    this.items.push({ id, ...outcome.item });
  }

  /**
   * `fileWarnings` are what the caller found not read in the file (a workbook's other sheets): like
   * the reader's own warnings, each is a note and a line on stderr.
   */
  finish(
    encodingNotes: string[],
    shape: FileShape,
    identity: { bytes: number; sha256: string },
    fileWarnings: readonly string[] = [],
  ): FileOutcome {
    for (const row of this.shortRows?.flush() ?? []) this.readRow(row);
    const notes = [...encodingNotes, ...fileWarnings, ...this.notes, ...(this.shortRows?.notes() ?? [])];
    if (this.blankRows > 0) notes.push(`${this.blankRows} blank row${this.blankRows === 1 ? '' : 's'} ignored`);
    notes.push(...this.fileIds.notes());
    const unparsed = this.unparsedDates.length;
    if (unparsed > 0) {
      const examples = this.unparsedExamples.map((d) => JSON.stringify(d)).join(', ');
      notes.push(
        `${unparsed} date${unparsed === 1 ? '' : 's'} in column "${this.mapping.date}" not recognised (e.g. ${examples}; ${namedLines(this.unparsedDates)}); left empty`,
      );
    }
    for (const [column, count] of this.textFrom) {
      const rows = `${count} row${count === 1 ? '' : 's'}`;
      notes.push(`${rows} with a blank "${this.mapping.text}" read the feedback from "${column}"`);
    }
    const warnings = [...this.unread].map(([column, count]) => {
      const rows = `${count} row${count === 1 ? '' : 's'}`;
      // "Feedback 2" is a second application in the row; "Disposition reason" beside "Recruiter
      // comments" is the same application's other column, and a row per application would not help;
      // nor would it for "Notes_2", a header written twice (nameHeaders' suffix).
      const secondApplication = /\d\s*$/.test(column) && !/_\d+$/.test(column);
      return (
        `${rows} also ${count === 1 ? 'has' : 'have'} words in "${column}", not read: one feedback column is read a row ("${this.mapping.text}"); ` +
        (secondApplication
          ? 'write a row per application, or choose the column with --text-column'
          : `to read "${column}" instead, choose it with --text-column`)
      );
    });
    notes.push(...warnings);
    if (this.withdrawnIn.size > 0) {
      const count = [...this.withdrawnIn.values()].reduce((sum, n) => sum + n, 0);
      const where = [...this.withdrawnIn].map(([column, n]) => `"${column}" ${n}`).join(', ');
      notes.push(
        `${count} row${count === 1 ? '' : 's'} where the candidate withdrew or declined (said in ${where}): not rejections, so not themed or listed to follow up; they are in rejects.csv`,
      );
    }
    if (this.blankTexts > 0) {
      const rows = `${this.blankTexts} row${this.blankTexts === 1 ? '' : 's'}`;
      notes.push(`${rows} with a blank "${this.mapping.text}" counted as "no feedback given" (the no-reason theme, worth a call)`);
    }
    if (this.emailClutter.length > 0) {
      const rows = `${this.emailClutter.length} row${this.emailClutter.length === 1 ? '' : 's'}`;
      notes.push(
        `${rows} (${namedLines(this.emailClutter)}) held a whole email in "${this.mapping.text}": what the mail client added around the feedback (header lines, the sender's signature, a confidentiality notice, "Sent from my …") was left out`,
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
      warnings: [...warnings, ...fileWarnings],
      report: {
        source: this.path,
        ...identity,
        ...shape,
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
