// Flags of `npm run bench`, parsed into a fully defaulted options record. Kept apart from the
// runner so it can be tested without building models or spawning processes.

import { parseArgs } from 'node:util';

export type BenchDtype = 'fp32' | 'q8';

export interface BenchOptions {
  /** Feedback rows for the plain loop / cold run / warm run comparison (0 skips it). */
  rows: number;
  /** Rounds of a, b, c (alternating); medians are reported. */
  repeats: number;
  /** Model precision for the a/b/c comparison. */
  dtype: BenchDtype;
  /** Also time fp32 against q8 embedding and measure how far q8 vectors drift from fp32. */
  compareDtype: boolean;
  /** Also sweep batch sizes and thread counts of the embedder. */
  tune: boolean;
  /** Rows for the end-to-end lexical run in a child process (0 skips it). */
  lexicalScale: number;
  /** Items in a report built straight from synthetic classified items, opened in Chromium (0 skips it). */
  reportScale: number;
  /** Print the results as JSON on stdout instead of a table. */
  json: boolean;
  /** Skip `npm run build` (use dist/ as it is). */
  noBuild: boolean;
}

export const BENCH_DEFAULTS: BenchOptions = {
  rows: 2000,
  repeats: 3,
  dtype: 'q8',
  compareDtype: false,
  tune: false,
  lexicalScale: 200_000,
  reportScale: 200_000,
  json: false,
  noBuild: false,
};

export const BENCH_USAGE = `usage: npm run bench -- [options]
  --rows N            rows for the plain loop / cold run / warm run comparison (default 2000; 0 skips it)
  --repeats N         rounds of a, b, c, alternating; medians are reported (default 3)
  --dtype fp32|q8     model precision of the runs (b, c); the plain loop (a) is always fp32 (default q8)
  --compare-dtype     also time fp32 vs q8 embedding and their vectors' cosine agreement
  --tune              also sweep embedding batch size and thread count
  --lexical-scale N   rows for the end-to-end lexical run (default 200000; 0 skips it)
  --report-scale N    items in a report made from synthetic classified items: size, open time in
                      Chromium and one filter redraw (default 200000; 0 skips it)
  --json              print results as JSON on stdout
  --no-build          do not run \`npm run build\` first`;

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

function wholeNumber(flag: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^\d+$/.test(value.replace(/_/g, ''))) {
    throw new BenchUsageError(`${flag}: expected a whole number, got ${JSON.stringify(value ?? '')}`);
  }
  const n = Number(value.replace(/_/g, ''));
  if (n < min) throw new BenchUsageError(`${flag}: expected at least ${min}, got ${n}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        rows: { type: 'string' },
        repeats: { type: 'string' },
        dtype: { type: 'string' },
        'compare-dtype': { type: 'boolean' },
        tune: { type: 'boolean' },
        'lexical-scale': { type: 'string' },
        'report-scale': { type: 'string' },
        json: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const v = parsed.values;
  if (v.help) throw new BenchUsageError(BENCH_USAGE);
  const dtype = v.dtype ?? BENCH_DEFAULTS.dtype;
  if (dtype !== 'fp32' && dtype !== 'q8') throw new BenchUsageError(`--dtype: expected fp32 or q8, got ${JSON.stringify(dtype)}`);
  return {
    rows: v.rows === undefined ? BENCH_DEFAULTS.rows : wholeNumber('--rows', v.rows, 0),
    repeats: v.repeats === undefined ? BENCH_DEFAULTS.repeats : wholeNumber('--repeats', v.repeats, 1),
    dtype,
    compareDtype: v['compare-dtype'] ?? false,
    tune: v.tune ?? false,
    lexicalScale: v['lexical-scale'] === undefined ? BENCH_DEFAULTS.lexicalScale : wholeNumber('--lexical-scale', v['lexical-scale'], 0),
    reportScale: v['report-scale'] === undefined ? BENCH_DEFAULTS.reportScale : wholeNumber('--report-scale', v['report-scale'], 0),
    json: v.json ?? false,
    noBuild: v['no-build'] ?? false,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
