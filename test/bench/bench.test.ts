import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchUsageError, median, parseBenchArgs } from '../../bench/args.js';
import { syntheticRows, writeSyntheticCsv } from '../../bench/generate.js';
import { segmentText } from '../../src/classify/segment.js';

describe('parseBenchArgs', () => {
  it('defaults to 2000 rows, 3 repeats, q8, a 200k-row lexical run and a 200k-item report', () => {
    expect(parseBenchArgs([])).toEqual({
      rows: 2000,
      repeats: 3,
      dtype: 'q8',
      compareDtype: false,
      tune: false,
      lexicalScale: 200_000,
      reportScale: 200_000,
      json: false,
      noBuild: false,
    });
  });

  it('reads every flag', () => {
    const options = parseBenchArgs([
      '--rows',
      '500',
      '--repeats',
      '5',
      '--dtype',
      'fp32',
      '--compare-dtype',
      '--tune',
      '--lexical-scale',
      '10_000',
      '--report-scale',
      '50000',
      '--json',
      '--no-build',
    ]);
    expect(options).toEqual({
      rows: 500,
      repeats: 5,
      dtype: 'fp32',
      compareDtype: true,
      tune: true,
      lexicalScale: 10_000,
      reportScale: 50_000,
      json: true,
      noBuild: true,
    });
  });

  it('accepts --flag=value and 0 to skip a part', () => {
    expect(parseBenchArgs(['--rows=0', '--lexical-scale=0', '--report-scale=0'])).toMatchObject({
      rows: 0,
      lexicalScale: 0,
      reportScale: 0,
    });
  });

  it('names the flag and the bad value', () => {
    expect(() => parseBenchArgs(['--rows', 'many'])).toThrow(/--rows: expected a whole number, got "many"/);
    expect(() => parseBenchArgs(['--repeats', '0'])).toThrow(/--repeats: expected at least 1, got 0/);
    expect(() => parseBenchArgs(['--dtype', 'fp16'])).toThrow(/--dtype: expected fp32 or q8, got "fp16"/);
    expect(() => parseBenchArgs(['--bogus'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--bogus'])).toThrow(/usage: npm run bench/);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('syntheticRows', () => {
  const rows = [...syntheticRows(2000)];

  it('is deterministic for a seed and differs across seeds', () => {
    expect([...syntheticRows(2000)]).toEqual(rows);
    expect([...syntheticRows(2000, 7)].map((r) => r.feedback)).not.toEqual(rows.map((r) => r.feedback));
  });

  it('gives rows of 1 to 4 sentences, of every length, in unsorted order', () => {
    const counts = rows.map((r) => segmentText(r.id, r.feedback).length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(4);
    for (const n of [1, 2, 3, 4]) expect(counts.filter((c) => c === n).length).toBeGreaterThan(300);
    const lengths = rows.map((r) => r.feedback.length);
    const ascending = lengths.slice(1).filter((l, i) => l >= lengths[i]!).length;
    expect(ascending / lengths.length).toBeLessThan(0.7);
  });

  it('has mostly distinct sentences, while stock phrases repeat', () => {
    const sentences = rows.flatMap((r) => segmentText(r.id, r.feedback).map((s) => s.text));
    const distinct = new Set(sentences);
    // Dedupe must not be what makes a run fast: most of what it embeds is new text.
    expect(distinct.size / sentences.length).toBeGreaterThan(0.6);
    const repeats = new Map<string, number>();
    for (const s of sentences) repeats.set(s, (repeats.get(s) ?? 0) + 1);
    expect(Math.max(...repeats.values())).toBeGreaterThan(50);
  });

  it('spreads candidates so some have several rows', () => {
    const perCandidate = new Map<string, number>();
    for (const r of rows) perCandidate.set(r.candidate, (perCandidate.get(r.candidate) ?? 0) + 1);
    expect(perCandidate.size).toBeGreaterThan(200);
    expect([...perCandidate.values()].some((n) => n >= 3)).toBe(true);
    expect(rows.every((r) => /^2026-(0[1-9]|10)-(0[1-9]|1\d|2[0-8])$/.test(r.date))).toBe(true);
  });
});

describe('writeSyntheticCsv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-generate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a header and one parseable record per row, quoting fields that need it', async () => {
    const file = path.join(dir, 'rows.csv');
    await writeSyntheticCsv(file, 300);
    const parsed = Papa.parse<string[]>(await readFile(file, 'utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['Response ID', 'Student ID', 'Programme', 'Application Stage', 'Date', 'Employer Feedback']);
    expect(parsed.data).toHaveLength(301);
    const expected = [...syntheticRows(300)];
    parsed.data.slice(1).forEach((record, i) => {
      const row = expected[i]!;
      expect(record).toEqual([row.id, row.candidate, row.cohort, row.stage, row.date, row.feedback]);
    });
  });
});
