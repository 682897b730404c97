// Dates that parse but cannot be right: after the day of the run (feedback on a rejection comes
// after it: "2031" typed for "2021"), or years before the rest of the file ("1999", a spreadsheet's
// day zero). Left in, one would stretch "over time" across years of empty months and make its
// student the most recent to call. They are left empty (the value as written is kept, as for a
// date not recognised) and the rows are named by line, with the column.
import type { FeedbackItem } from '../types.js';

/** A date this many years or more before the file's middle date is not of the same export. */
export const YEARS_BEFORE_THE_REST = 5;
/** Lines named in a note; the rest are counted. */
const LINES_NAMED = 12;

/** `lines 4, 9 and 2 more`. */
export function namedLines(lines: readonly number[]): string {
  const shown = lines.slice(0, LINES_NAMED).join(', ');
  const more = lines.length > LINES_NAMED ? ` and ${lines.length - LINES_NAMED} more` : '';
  return `line${lines.length === 1 ? '' : 's'} ${shown}${more}`;
}

/**
 * Empties, in place, the parsed date of items dated after `today` (YYYY-MM-DD; a day's grace for
 * time zones) or YEARS_BEFORE_THE_REST years before the middle date left; returns the notes.
 * Without `today` only the early dates are checked.
 */
export function setAsideImplausibleDates(items: readonly FeedbackItem[], column: string | undefined, today?: string): string[] {
  const dated = items.filter((item) => item.date !== null);
  if (dated.length === 0 || column === undefined) return [];
  const notes: string[] = [];
  const latestAllowed = today === undefined ? null : dayAfter(today);
  const future = latestAllowed === null ? [] : dated.filter((item) => item.date! > latestAllowed);
  const examples = (found: readonly FeedbackItem[]) =>
    [...new Set(found.map((item) => item.date!))]
      .slice(0, 2)
      .map((date) => JSON.stringify(date))
      .join(', ');
  if (future.length > 0) {
    notes.push(
      `${future.length} date${future.length === 1 ? '' : 's'} in column "${column}" after the day of this run (e.g. ${examples(future)}; ${namedLines(future.map((item) => item.line))}): left empty, as feedback comes after a rejection; correct ${future.length === 1 ? 'it' : 'them'} in the export`,
    );
    for (const item of future) item.date = null;
  }
  const rest = dated.filter((item) => item.date !== null);
  // Measured from the middle date, which one mistyped year (either way) cannot move far.
  const middle = rest.map((item) => item.date!).sort()[Math.floor((rest.length - 1) / 2)];
  if (middle !== undefined) {
    const earliestAllowed = `${Number(middle.slice(0, 4)) - YEARS_BEFORE_THE_REST}${middle.slice(4)}`;
    const early = rest.filter((item) => item.date! <= earliestAllowed);
    if (early.length > 0) {
      notes.push(
        `${early.length} date${early.length === 1 ? '' : 's'} in column "${column}" ${YEARS_BEFORE_THE_REST} years or more before the file's middle date (e.g. ${examples(early)}; ${namedLines(early.map((item) => item.line))}): left empty, as a mistyped year would stretch "over time" across empty years; correct ${early.length === 1 ? 'it' : 'them'} in the export`,
      );
      for (const item of early) item.date = null;
    }
  }
  return notes;
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
