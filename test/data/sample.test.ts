// Guards the bundled sample export: it is what new users run first and what the demo
// report is built from, so accidental edits that break its promised shape should fail here.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const SAMPLE_PATH = new URL('../../data/sample-feedback.csv', import.meta.url);
const HEADER = ['Response ID', 'Student ID', 'Programme', 'Application Stage', 'Date', 'Employer', 'Job Title', 'Employer Feedback'];
const CANONICAL_STAGES = [
  'Application',
  'CV screening',
  'Online test',
  'Telephone interview',
  'Video interview',
  'First interview',
  'Assessment centre',
  'Final interview',
];
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const UK_MOBILE = /\b07\d{3}\s?\d{6}\b/;
const INTERNATIONAL_PHONE = /\+\d{1,3}[\s\d]{8,}/;

type SampleRow = Record<string, string>;

const bytes = readFileSync(SAMPLE_PATH);
const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const parsed = Papa.parse<SampleRow>(text, { header: true, skipEmptyLines: true });
const rows = parsed.data;

/** ISO `YYYY-MM-DD` or UK `DD/MM/YYYY` to `YYYY-MM`; null for anything else. */
function monthOf(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-\d{2}$/.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  if (uk) return `${uk[3]}-${uk[2]}`;
  return null;
}

function toIsoDate(raw: string): string | null {
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  if (uk) return `${uk[3]}-${uk[2]}-${uk[1]}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null;
}

function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe('data/sample-feedback.csv', () => {
  it('is UTF-8 without a BOM, with LF line endings only', () => {
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(text.includes('\r')).toBe(false);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('parses as RFC 4180 CSV with the exact header and 8 fields on every row', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(HEADER);
    for (const row of rows) expect(Object.keys(row)).toEqual(HEADER);
  });

  it('has 230–260 data rows with sequential response ids', () => {
    expect(rows.length).toBeGreaterThanOrEqual(230);
    expect(rows.length).toBeLessThanOrEqual(260);
    rows.forEach((row, index) => {
      expect(row['Response ID']).toBe(`R${String(index + 1).padStart(4, '0')}`);
    });
  });

  it('has at least 90 pseudonymous candidates, some rejected three times or more', () => {
    const perStudent = countBy(rows.map((row) => row['Student ID']));
    for (const id of perStudent.keys()) expect(id).toMatch(/^S\d{4}$/);
    expect(perStudent.size).toBeGreaterThanOrEqual(90);
    const repeaters = [...perStudent.values()].filter((n) => n >= 2).length;
    const threeOrMore = [...perStudent.values()].filter((n) => n >= 3).length;
    expect(repeaters).toBeGreaterThanOrEqual(35);
    expect(threeOrMore).toBeGreaterThanOrEqual(8);
    expect(Math.max(...perStudent.values())).toBeLessThanOrEqual(5);
  });

  it('has at least 5 programmes: 4 large cohorts and one small enough to be suppressed', () => {
    const studentsByProgramme = new Map<string, Set<string>>();
    for (const row of rows) {
      const students = studentsByProgramme.get(row.Programme) ?? new Set<string>();
      students.add(row['Student ID']);
      studentsByProgramme.set(row.Programme, students);
    }
    const sizes = [...studentsByProgramme.values()].map((students) => students.size);
    expect(studentsByProgramme.size).toBeGreaterThanOrEqual(5);
    expect(sizes.filter((n) => n >= 15).length).toBeGreaterThanOrEqual(4);
    expect(sizes.some((n) => n < 5)).toBe(true);
  });

  it('uses all 8 canonical stage values, plus a few spelling variants', () => {
    const stages = new Set(rows.map((row) => row['Application Stage']));
    for (const stage of CANONICAL_STAGES) expect(stages).toContain(stage);
    const variants = [...stages].filter((stage) => !CANONICAL_STAGES.includes(stage));
    expect(variants.length).toBeGreaterThanOrEqual(3);
  });

  it('has dates from January to October 2026 over at least 9 months, some in UK format', () => {
    const rawDates = rows.map((row) => row.Date);
    const isoDates = rawDates.map(toIsoDate);
    expect(isoDates).not.toContain(null);
    const sorted = (isoDates as string[]).slice().sort();
    expect(sorted[0]! >= '2026-01-05').toBe(true);
    expect(sorted[sorted.length - 1]! <= '2026-10-30').toBe(true);
    expect(new Set(rawDates.map(monthOf)).size).toBeGreaterThanOrEqual(9);
    expect(rawDates.filter((raw) => raw.includes('/')).length).toBeGreaterThanOrEqual(2);
  });

  it('has roughly 40 employers', () => {
    const employers = new Set(rows.map((row) => row.Employer));
    expect(employers.size).toBeGreaterThanOrEqual(35);
    expect(employers.size).toBeLessThanOrEqual(45);
  });

  it('has exactly 2 rows with empty feedback', () => {
    const empty = rows.filter((row) => row['Employer Feedback'].trim() === '');
    expect(empty).toHaveLength(2);
  });

  it('contains the rows that exercise redaction and CSV quoting', () => {
    const feedback = rows.map((row) => row['Employer Feedback']);
    expect(feedback.some((t) => EMAIL.test(t))).toBe(true);
    expect(feedback.some((t) => UK_MOBILE.test(t))).toBe(true);
    expect(feedback.some((t) => INTERNATIONAL_PHONE.test(t))).toBe(true);
    expect(feedback.filter((t) => t.includes('\n'))).toHaveLength(1);
    expect(feedback.some((t) => t.includes('"'))).toBe(true);
  });

  it('has mostly distinct feedback texts (boilerplate rejections may repeat)', () => {
    const nonEmpty = rows.map((row) => row['Employer Feedback']).filter((t) => t.trim() !== '');
    const repeated = [...countBy(nonEmpty).values()].filter((n) => n > 1);
    expect(repeated.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(5);
  });
});
