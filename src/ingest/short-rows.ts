// A row that stops before the header's last named column. Exports that leave out a row's trailing
// empty cells (a Google Sheets or tracker download whose last answers were blank) lose nothing but
// empty cells: such a row is read with them empty, and said in a note. A row split by a line break
// in a field that is not in quotes stops early too, and its second part starts a row of its own:
// two short rows in a row that make one between them, or a part that reaches neither the feedback
// column nor half the columns, are left short, so they are rejected with the count of their fields.
import { namedLines } from './date-range.js';

export interface RawRow {
  fields: string[];
  line: number;
  raw: string;
}

export class ShortRows {
  /** A short row waits for the next: only together do they tell an early end from a split row. */
  private held: RawRow | null = null;
  private readonly padded: number[] = [];
  private readonly split: [number, number][] = [];

  /**
   * @param columns the header's fields; @param required those up to its last named one;
   * @param text the feedback column's index.
   */
  constructor(
    private readonly columns: number,
    private readonly required: number,
    private readonly text: number | undefined,
  ) {}

  /** The rows ready to read, in order (none while a short row waits for the next). */
  take(row: RawRow): RawRow[] {
    const held = this.held;
    this.held = null;
    const short = row.fields.length < this.required;
    if (held && short && this.makeOne(held, row)) {
      this.split.push([held.line, row.line]);
      return [held, row];
    }
    const ready = held ? [this.settled(held)] : [];
    if (short) this.held = row;
    else ready.push(row);
    return ready;
  }

  /** The row still waiting, at the end of the file. */
  flush(): RawRow[] {
    const held = this.held;
    this.held = null;
    return held ? [this.settled(held)] : [];
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.padded.length > 0) {
      const rows = this.padded.length === 1 ? '1 row' : `${this.padded.length} rows`;
      notes.push(
        `${rows} (${namedLines(this.padded)}) stopped before the last columns, as exports leave out a row's trailing empty cells: read with those cells empty`,
      );
    }
    for (const [first, second] of this.split)
      notes.push(
        `lines ${first} and ${second} look like one row split by a line break in a field that is not in quotes: both rejected; put the field in quotes, or remove the line break, and export again`,
      );
    return notes;
  }

  /** Two short rows whose fields, the split one counted once, fill the header. */
  private makeOne(first: RawRow, second: RawRow): boolean {
    const together = first.fields.length + second.fields.length - 1;
    return together >= this.required && together <= this.columns;
  }

  /** A lone short row, with its missing cells empty when it reads as a row that ended early. */
  private settled(row: RawRow): RawRow {
    const count = row.fields.length;
    const reachesFeedback = this.text !== undefined && count > this.text;
    if (!reachesFeedback && count * 2 < this.columns) return row;
    this.padded.push(row.line);
    return { ...row, fields: [...row.fields, ...Array<string>(this.columns - count).fill('')] };
  }
}
