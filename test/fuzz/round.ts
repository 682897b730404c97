// A fuzz round: every case of a seed run in turn, then tallied by kind and exit code, with
// conservation and the process's peak resident memory (the largest any case reached).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type FuzzKind, type FuzzMix, fuzzCases } from './generate.js';
import { type FuzzOutcome, runFuzzCase } from './run-case.js';

export interface FuzzRound {
  outcomes: FuzzOutcome[];
  /** Peak resident set of this process over the round, in MB. */
  peakRssMb: number;
  seconds: number;
}

export async function runRound(seed: number, mix: FuzzMix, onCase?: (outcome: FuzzOutcome, index: number) => void): Promise<FuzzRound> {
  const root = await mkdtemp(path.join(tmpdir(), 'ft-fuzz-'));
  const started = Date.now();
  const outcomes: FuzzOutcome[] = [];
  try {
    let index = 0;
    for (const fuzz of fuzzCases(seed, mix)) {
      const outcome = await runFuzzCase(fuzz, path.join(root, 'case'));
      outcomes.push(outcome);
      onCase?.(outcome, index++);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { outcomes, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), seconds: (Date.now() - started) / 1000 };
}

/** The tally as text: exit codes per kind, conservation, slowest case, peak RSS, and every failure. */
export function formatRound(round: FuzzRound): string {
  const kinds = [...new Set(round.outcomes.map((o) => o.kind))] as FuzzKind[];
  const codes = [...new Set(round.outcomes.map((o) => o.code))].sort((a, b) => a - b);
  const lines = [`kind      cases  ${codes.map((c) => `exit ${c}`.padStart(7)).join(' ')}  conservation held/checked`];
  for (const kind of kinds) {
    const of = round.outcomes.filter((o) => o.kind === kind);
    const checked = of.filter((o) => o.conserved !== null);
    const counts = codes.map((c) => String(of.filter((o) => o.code === c).length).padStart(7));
    lines.push(
      `${kind.padEnd(9)} ${String(of.length).padStart(5)}  ${counts.join(' ')}  ${checked.filter((o) => o.conserved).length}/${checked.length}`,
    );
  }
  const slowest = round.outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const failures = round.outcomes.filter((o) => o.failure !== null);
  lines.push(
    `${round.outcomes.length} cases in ${round.seconds.toFixed(0)} s; slowest ${slowest.ms} ms (${slowest.kind}: ${slowest.mutation}); peak RSS ${round.peakRssMb} MB`,
    `${failures.length} failures${failures.length ? ':' : ''}`,
    ...failures.map((f) => `  ${f.kind} / ${f.mutation}: ${f.failure}`),
  );
  return lines.join('\n');
}
