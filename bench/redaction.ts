// Redaction of one long token (a cell with no spaces: a pasted blob, a hostile file) must take
// time in proportion to its length. Measured as ratios between sizes in the same process, so a
// busy machine changes the seconds but not the verdict: linear work doubles per doubling (ratio
// about 1 after dividing by the size ratio), quadratic work quadruples (about 2).
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { redactFreeText } from '../src/redact/index.js';
import { forgetReadSentences, loadRecogniser, recogniserCalls } from '../src/redact/people.js';
import { redactAddressedNames, redactNames, redactText } from '../src/redact/text.js';
import { syntheticRows } from './generate.js';

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

export interface NameRedactionCost {
  rows: number;
  /** Sentences in the rows, and those the gate handed to the name recogniser. */
  sentences: number;
  recognised: number;
  /** Milliseconds to load the recogniser on first use (0 when this process had it already). */
  loadMs: number;
  /** Median ms over the rows: contacts, column names and addressed names only; then with the recogniser. */
  withoutMs: number;
  withMs: number;
}

/**
 * What finding names mentioned in passing costs on 2,000 rows: the synthetic feedback of the
 * whole-run bench, one row in four with a sentence of the labelled name set added (names,
 * places, companies, skills), redacted without and with the recogniser, as a ratio.
 */
export function benchNameRedaction(log: (message: string) => void, rows = 2_000, repeats = 5): NameRedactionCost {
  log(`redaction: names in passing on ${rows} rows …`);
  const labelled = parseLabelled(readFileSync(new URL('../test/fixtures/redact/names.csv', import.meta.url), 'utf8'));
  const texts = [...syntheticRows(rows, 7)].map((row, i) =>
    i % 4 === 0 ? `${row.feedback} ${labelled[i % labelled.length]}` : row.feedback,
  );
  const without = (text: string) => redactAddressedNames(redactNames(redactText(text), []));
  const started = performance.now();
  loadRecogniser();
  const loadMs = performance.now() - started;
  const calls = recogniserCalls.sentences;
  forgetReadSentences();
  for (const text of texts) redactFreeText(text, []);
  const recognised = recogniserCalls.sentences - calls;
  const sentences = texts.reduce((sum, text) => sum + (text.match(/[^.!?\n]+(?:[.!?]+|\n|$)/g)?.length ?? 0), 0);
  const median = (run: (text: string) => string) => {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      // Each round reads every sentence afresh, as one run does (it remembers only its own sentences).
      forgetReadSentences();
      const start = performance.now();
      for (const text of texts) run(text);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  };
  return { rows, sentences, recognised, loadMs, withoutMs: median(without), withMs: median((text) => redactFreeText(text, [])) };
}

export function formatNameRedaction(cost: NameRedactionCost): string[] {
  return [
    `names in passing, ${cost.rows} rows (${cost.sentences} sentences, ${cost.recognised} handed to the recogniser, ${((100 * cost.recognised) / cost.sentences).toFixed(1)}%):`,
    `  redaction with the recogniser ÷ without: ${(cost.withMs / cost.withoutMs).toFixed(1)}× (median ${cost.withMs.toFixed(0)} ms vs ${cost.withoutMs.toFixed(0)} ms; ` +
      `recogniser loaded once in ${cost.loadMs.toFixed(0)} ms)`,
  ];
}

/** The text column of the labelled name set (a quoted CSV with the text first). */
function parseLabelled(csv: string): string[] {
  return csv
    .split('\n')
    .slice(1)
    .map((line) => /^"((?:[^"]|"")*)"|^([^,]*)/.exec(line))
    .flatMap((match) => (match && (match[1] ?? match[2]) ? [(match[1] ?? match[2]!).replace(/""/g, '"')] : []));
}
