// Dates as exports write them → ISO `YYYY-MM-DD`. The calendar date is taken as written: a time
// or zone after it is ignored, so the result never depends on the machine's time zone.

import { own } from '../own.js';

export type DateOrder = 'dmy' | 'mdy';
/** How each order is said in the notes. */
export const DATE_ORDER_IN_WORDS: Record<DateOrder, string> = { dmy: 'day first', mdy: 'month first' };

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // German, French, Spanish and Dutch month names and their usual abbreviations.
  januar: 1,
  jänner: 1,
  januari: 1,
  janvier: 1,
  janv: 1,
  enero: 1,
  ene: 1,
  februar: 2,
  februari: 2,
  février: 2,
  fevrier: 2,
  févr: 2,
  fevr: 2,
  febrero: 2,
  märz: 3,
  maerz: 3,
  mär: 3,
  maart: 3,
  mrt: 3,
  mars: 3,
  marzo: 3,
  avril: 4,
  avr: 4,
  abril: 4,
  abr: 4,
  mai: 5,
  mei: 5,
  mayo: 5,
  juni: 6,
  juin: 6,
  junio: 6,
  juli: 7,
  juillet: 7,
  juil: 7,
  julio: 7,
  augustus: 8,
  août: 8,
  aout: 8,
  agosto: 8,
  ago: 8,
  septembre: 9,
  septiembre: 9,
  setiembre: 9,
  oktober: 10,
  okt: 10,
  octobre: 10,
  octubre: 10,
  noviembre: 11,
  novembre: 11,
  dezember: 12,
  dez: 12,
  décembre: 12,
  decembre: 12,
  déc: 12,
  diciembre: 12,
  dic: 12,
  // Italian and Portuguese, where they differ from the above.
  gennaio: 1,
  gen: 1,
  janeiro: 1,
  febbraio: 2,
  fevereiro: 2,
  fev: 2,
  março: 3,
  marco: 3,
  aprile: 4,
  maggio: 5,
  mag: 5,
  maio: 5,
  giugno: 6,
  giu: 6,
  junho: 6,
  luglio: 7,
  lug: 7,
  julho: 7,
  settembre: 9,
  setembro: 9,
  set: 9,
  ottobre: 10,
  ott: 10,
  outubro: 10,
  out: 10,
  dicembre: 12,
  dezembro: 12,
};

// A time of day after a date ("14:05:33", "2:05 PM", "2:05 p. m.", "14.05", with a zone): ignored.
const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:Z|(?:UTC|GMT)?\s?[+-]\d{2}:?\d{2}|UTC|GMT)?(?:\s*\([^)]*\))?`;
const TIME = String.raw`(?:[T\s]+${CLOCK})?`;
/** A time after a date written in words, with what joins them ("4 Mar 2026 14:05", "March 4, 2026 at 2:05 PM", "4. März 2026 um 14:05"). */
const TRAILING_TIME = new RegExp(String.raw`,?\s+(?:(?:at|um|à|a las|às|alle|om)\s+)?${CLOCK}$`, 'i');
// "2026-03-04", "2026/3/4", "2026.03.04." and "2026. 03. 04." (Korean and Hungarian dots, spaced).
const ISO = new RegExp(String.raw`^(\d{4})(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})\.?${TIME}$`);
/** "2026年3月4日", "2026년 3월 4일" (Chinese, Japanese, Korean), a time after it ignored. */
const CJK = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(?:\s|$)/u;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})${TIME}$`);
// "3 March 2026", "3rd of March 2026", "03-Mar-26" (Excel's dd-mmm-yy), "3. März 2026", "3 de marzo de 2026".
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+(?:of|de))?[\s-]+(\p{L}+)\.?,?(?:\s+de)?[\s-]+(\d{4}|\d{2})$/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
const MONTH_YEAR = /^(\p{L}+)\.?,?[\s-]+(\d{4})$/u;
/** `2026-03`: a month without a day. */
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
/** `20260304`, as some exports write a date in one number. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/;
// Excel serial days 1982–2173: a bare number in a date column is almost certainly one. The
// fraction is the time of day, written with a decimal comma in much of Europe ("46023,5").
const EXCEL_SERIAL = /^(\d{5})(?:[.,]\d+)?$/;

/** Parse a date; returns ISO `YYYY-MM-DD` or null when the value is not a recognisable date. */
export function parseDate(value: string, order: DateOrder = 'dmy'): string | null {
  const text = value.trim();
  if (text === '') return null;

  let m = ISO.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);

  m = NUMERIC.exec(text);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const year = fullYear(m[3]);
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    // When only the other order makes a valid date (25/12 under mdy), the writer meant that one.
    return iso(year, month, day) ?? iso(year, day, month);
  }

  m = CJK.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);

  const words = text.toLowerCase().replace(WEEKDAY, '').replace(TRAILING_TIME, '');
  m = DAY_MONTH_YEAR.exec(words);
  if (m && own(MONTHS, m[2])) return iso(fullYear(m[3]), MONTHS[m[2]], +m[1]);
  m = MONTH_DAY_YEAR.exec(words);
  if (m && own(MONTHS, m[1])) return iso(+m[3], MONTHS[m[1]], +m[2]);
  m = MONTH_YEAR.exec(words);
  // A month without a day counts as its first day, so it still lands in the right month.
  if (m && own(MONTHS, m[1])) return iso(+m[2], MONTHS[m[1]], 1);

  m = ISO_MONTH.exec(text);
  if (m) return iso(+m[1], +m[2], 1);
  m = COMPACT.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);

  m = EXCEL_SERIAL.exec(text);
  if (m) {
    const serial = +m[1];
    if (serial >= 30000 && serial <= 100000) {
      const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return date.toISOString().slice(0, 10);
    }
  }
  return null;
}

/** A year as written: two digits are this century's ("26" is 2026). */
function fullYear(written: string): number {
  return written.length === 2 ? 2000 + +written : +written;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The order that a column's proofs (dateOrderProofs) prove: `13/01/2026` can only be day first,
 * `01/13/2026` only month first. Null when they prove neither (or, inconsistently, both).
 */
export function provenDateOrder({ dmy, mdy }: DateOrderProofs): { order: DateOrder; example: string } | null {
  if (dmy && !mdy) return { order: 'dmy', example: dmy };
  if (mdy && !dmy) return { order: 'mdy', example: mdy };
  return null;
}

export interface DateOrderProofs {
  dmy: string | null;
  mdy: string | null;
  /** The first value that reads as two different dates (03/05/2026), which only the order decides. */
  either?: string | null;
}

/** The first value that can only be day first, and the first that can only be month first (a column of pasted-together exports may hold both). */
export function dateOrderProofs(values: Iterable<string>): DateOrderProofs {
  let dmy: string | null = null;
  let mdy: string | null = null;
  let either: string | null = null;
  for (const value of values) {
    const m = NUMERIC.exec(value.trim());
    if (!m) continue;
    const a = +m[1];
    const b = +m[2];
    const year = fullYear(m[3]);
    // Only a real date proves anything: 31/02/2026 is wrong in either order.
    if (a > 12 && b <= 12 && iso(year, b, a)) dmy ??= value.trim();
    if (b > 12 && a <= 12 && iso(year, a, b)) mdy ??= value.trim();
    if (a !== b && a <= 12 && b <= 12 && iso(year, a, b)) either ??= value.trim();
  }
  return { dmy, mdy, either };
}
