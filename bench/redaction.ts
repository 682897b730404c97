// Redaction of one long token (a cell with no spaces: a pasted blob, a hostile file) must take
// time in proportion to its length. Measured as ratios between sizes in the same process, so a
// busy machine changes the seconds but not the verdict: linear work doubles per doubling (ratio
// about 1 after dividing by the size ratio), quadratic work quadruples (about 2).
import { performance } from 'node:perf_hooks';
import { redactText } from '../src/redact/text.js';

export interface TokenScaling {
  /** What the token is made of: the worst case each pattern sees. */
  token: string;
  sizes: number[];
  /** Median milliseconds per size. */
  medianMs: number[];
  /** (ms at the largest size / ms at the smallest) ÷ (largest / smallest): ~1 linear, ~8 quadratic. */
  growthOverLinear: number;
}

const SIZES = [131_072, 262_144, 524_288, 1_048_576];
/** Letters ending in `@` make every position a possible email; digits, a possible phone number. */
const TOKENS: { token: string; make: (n: number) => string }[] = [
  { token: "'a' × N then '@'", make: (n) => `${'a'.repeat(n - 1)}@` },
  { token: "'7' × N", make: (n) => '7'.repeat(n) },
];

function medianMs(text: string, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    redactText(text);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export function benchRedactionScaling(log: (message: string) => void, repeats = 3): TokenScaling[] {
  log('redaction: one token of 128 KiB to 1 MiB …');
  return TOKENS.map(({ token, make }) => {
    const ms = SIZES.map((n) => medianMs(make(n), repeats));
    const growthOverLinear = ms[ms.length - 1]! / ms[0]! / (SIZES[SIZES.length - 1]! / SIZES[0]!);
    return { token, sizes: SIZES, medianMs: ms, growthOverLinear };
  });
}

export function formatRedactionScaling(results: readonly TokenScaling[]): string[] {
  const lines = ['redaction of one long token (median ms by size; growth ÷ linear: ~1 linear, ~8 quadratic):'];
  for (const r of results) {
    const sizes = r.sizes.map((n, i) => `${Math.round(n / 1024)} KiB ${r.medianMs[i]!.toFixed(0)} ms`).join(', ');
    lines.push(`  ${r.token.padEnd(18)} ${sizes}; growth ÷ linear ${r.growthOverLinear.toFixed(2)}`);
  }
  return lines;
}
