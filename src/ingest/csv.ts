// A streaming CSV tokenizer. It is fed decoded text in chunks of any size and calls back once
// per record, so a file is never held in memory twice. It knows the row a spreadsheet shows each
// record on, keeps the start of each record's original text for error reports, and reports a quote
// that is never closed by the physical line where it opens (the two part after a cell holding a
// line break).
//
// Dialect: RFC 4180 with the usual leniency — CRLF, LF and lone CR all end a record; a quote
// only opens a field when it is the field's first character; `""` inside a quoted field is a
// quote; text after a closing quote and before the delimiter is kept as written.

import { type CliError, usageError } from '../errors.js';

export interface CsvRecord {
  fields: string[];
  /**
   * 1-based row a spreadsheet shows the record on: the records before it (blank lines and rows above
   * a header included) plus one. What every message naming a row of the file gives, as a workbook's
   * rows are its sheet's: a cell's own line breaks do not move it.
   */
  row: number;
  /** The record's original text, without its line break, cut to `rawChars`. */
  raw: string;
  /** True when at least one field was longer than `maxFieldChars` and was cut. */
  clipped: boolean;
}

export interface CsvParserOptions {
  delimiter: string;
  /** Longest field kept; the rest is scanned but dropped so one huge field cannot exhaust memory. */
  maxFieldChars?: number;
  /** How much of each record's original text to keep in `raw`. */
  rawChars?: number;
}

export class UnclosedQuoteError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`a quoted field starting on line ${line} is never closed`);
    this.name = 'UnclosedQuoteError';
    this.line = line;
  }
}

/** The usage error (exit 2) for a file whose quote is never closed. */
export function unclosedQuote(path: string, error: UnclosedQuoteError): CliError {
  return usageError(
    `${path}:${error.line}: a quoted field starting on line ${error.line} is never closed. Close the quote or re-export the file.`,
  );
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Saw a quote inside a quoted field: either an escaped quote or the closing one. */
  QuotedQuote,
  /** After the closing quote, before the delimiter or line break. */
  AfterQuoted,
}

export class CsvParser {
  private readonly delimiter: number;
  private readonly maxFieldChars: number;
  private readonly rawChars: number;
  private readonly onRecord: (record: CsvRecord) => void;

  private state: State = State.FieldStart;
  private line = 1;
  private row = 0;
  private quoteLine = 1;
  private fields: string[] = [];
  private fieldParts: string[] = [];
  private fieldLength = 0;
  private clipped = false;
  private recordStarted = false;
  private rawPrefix = '';
  /** The previous chunk ended with CR: an LF at the start of the next one belongs to it. */
  private endedWithCR = false;
  private ended = false;

  constructor(options: CsvParserOptions, onRecord: (record: CsvRecord) => void) {
    if (options.delimiter.length !== 1) throw new Error(`delimiter must be one character, got ${JSON.stringify(options.delimiter)}`);
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxFieldChars = options.maxFieldChars ?? Number.POSITIVE_INFINITY;
    this.rawChars = options.rawChars ?? 500;
    this.onRecord = onRecord;
  }

  push(chunk: string): void {
    if (this.ended) throw new Error('push after end');
    const n = chunk.length;
    if (n === 0) return;
    let i = 0;
    let rawStart = 0;
    const delimiter = this.delimiter;

    if (this.endedWithCR && chunk.charCodeAt(0) === LF) {
      // Second half of a CRLF split across chunks: the line was already counted.
      if (this.state === State.Quoted) this.append('\n');
      i = 1;
      rawStart = this.recordStarted ? 0 : 1;
    }
    this.endedWithCR = false;

    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          if (!this.recordStarted && this.fields.length === 0) rawStart = i;
          if (chunk.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            this.recordStarted = true;
            i++;
            break;
          }
          this.state = State.Unquoted;
          break;
        }
        case State.Unquoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = chunk.charCodeAt(j);
            if (c === delimiter || c === CR || c === LF) break;
            j++;
          }
          if (j > i) {
            this.append(chunk.slice(i, j));
            this.recordStarted = true;
          }
          if (j === n) {
            i = n;
            break;
          }
          if (c === delimiter) {
            this.endField();
            this.recordStarted = true;
            this.state = State.FieldStart;
            i = j + 1;
          } else {
            i = this.endLine(chunk, j, rawStart);
          }
          break;
        }
        case State.Quoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = chunk.charCodeAt(j);
            if (c === QUOTE) break;
            if (c === CR) this.line++;
            else if (c === LF && !(j > 0 ? chunk.charCodeAt(j - 1) === CR : this.endedWithCR)) this.line++;
            j++;
          }
          if (j > i) this.append(chunk.slice(i, j));
          if (j === n) {
            i = n;
            break;
          }
          this.state = State.QuotedQuote;
          i = j + 1;
          break;
        }
        case State.QuotedQuote: {
          if (chunk.charCodeAt(i) === QUOTE) {
            this.append('"');
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.AfterQuoted;
          }
          break;
        }
        case State.AfterQuoted: {
          const c = chunk.charCodeAt(i);
          if (c === delimiter) {
            this.endField();
            this.state = State.FieldStart;
            i++;
          } else if (c === CR || c === LF) {
            i = this.endLine(chunk, i, rawStart);
          } else {
            this.append(chunk[i]);
            i++;
          }
          break;
        }
      }
      if (this.state === State.FieldStart && !this.recordStarted && this.fields.length === 0) rawStart = i;
    }

    // Keep the start of an unfinished record's text for its `raw`.
    if (this.recordStarted || this.fields.length > 0 || this.state !== State.FieldStart) {
      if (this.rawPrefix.length < this.rawChars) this.rawPrefix += chunk.slice(rawStart, rawStart + this.rawChars - this.rawPrefix.length);
    }
    this.endedWithCR = chunk.charCodeAt(n - 1) === CR;
  }

  /** Flush the last record. Throws `UnclosedQuoteError` when the input ends inside a quoted field. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.state === State.Quoted) throw new UnclosedQuoteError(this.quoteLine);
    if (this.recordStarted || this.fields.length > 0 || this.state !== State.FieldStart) {
      this.endField();
      this.emit(this.rawPrefix);
    }
  }

  /** Line break at `j` (CR or LF) outside quotes: close the record; returns the next index. */
  private endLine(chunk: string, j: number, rawStart: number): number {
    this.endField();
    const raw =
      this.rawPrefix.length >= this.rawChars
        ? this.rawPrefix
        : this.rawPrefix + chunk.slice(rawStart, Math.min(j, rawStart + this.rawChars - this.rawPrefix.length));
    this.emit(raw);
    this.line++;
    this.state = State.FieldStart;
    if (chunk.charCodeAt(j) === CR && j + 1 < chunk.length && chunk.charCodeAt(j + 1) === LF) return j + 2;
    return j + 1;
  }

  private append(text: string): void {
    if (this.fieldLength >= this.maxFieldChars) {
      this.clipped = true;
      return;
    }
    const room = this.maxFieldChars - this.fieldLength;
    if (text.length > room) {
      text = text.slice(0, room);
      this.clipped = true;
    }
    this.fieldParts.push(text);
    this.fieldLength += text.length;
  }

  private endField(): void {
    const parts = this.fieldParts;
    this.fields.push(parts.length === 0 ? '' : parts.length === 1 ? parts[0] : parts.join(''));
    this.fieldParts = [];
    this.fieldLength = 0;
  }

  private emit(raw: string): void {
    const record: CsvRecord = { fields: this.fields, row: ++this.row, raw, clipped: this.clipped };
    this.fields = [];
    this.clipped = false;
    this.recordStarted = false;
    this.rawPrefix = '';
    this.onRecord(record);
  }
}

/** Parse a whole string; convenient for samples and tests. */
export function parseCsv(text: string, options: CsvParserOptions): CsvRecord[] {
  const records: CsvRecord[] = [];
  const parser = new CsvParser(options, (record) => records.push(record));
  parser.push(text);
  parser.end();
  return records;
}

/** A record with no content at all (an empty line, or only delimiters and spaces). */
export function isBlankRecord(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}
