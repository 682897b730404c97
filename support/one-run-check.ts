// For kill tests (test/commit.test.ts, scripts/kill-runs.ts): exports that stamp a batch number
// into every output, and a look at an output folder, as an adviser would open it, that says
// whether the files there all come from one run, whole.
//
// Batch K's export is `batch-K.csv`; every feedback text says "batch K", so items.csv,
// segments.csv, summary.json (its inputs), report.html, rejects.csv and the candidate pages carry
// K; followup.csv carries K as the rejection count of student S1 (K + 2). Odd batches have a
// ragged row (so rejects.csv comes and goes); `digests(K)` says which batches write candidates/.

import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const digestsFor = (batch: number): boolean => batch % 3 !== 1;

/** Writes batch K's export into `dir` and returns its path. */
export async function writeBatch(dir: string, batch: number): Promise<string> {
  const rows = ['Student ID,Feedback,Stage'];
  for (let i = 0; i < batch + 2; i++) rows.push(`S1,"Your answers lacked specific examples (batch ${batch}, row ${i}).",Interview`);
  for (let i = 0; i < 2; i++) rows.push(`S2,"You had not researched the firm (batch ${batch}, row ${i}).",Interview`);
  rows.push(`S3,"Strong candidate but another was more experienced (batch ${batch}).",Assessment centre`);
  if (batch % 2 === 1) rows.push(`S4,"A ragged row (batch ${batch})",Interview,extra,fields`);
  const file = path.join(dir, `batch-${batch}.csv`);
  await writeFile(file, `${rows.join('\n')}\n`);
  return file;
}

/** What an adviser sees in the folder: the batch every file comes from, or why it is not one run. */
export async function lookAtFolder(outDir: string): Promise<{ batch: number | null; problems: string[] }> {
  const problems: string[] = [];
  const batches = new Map<string, Set<number>>();
  const read = async (name: string): Promise<string | null> => {
    try {
      const text = await readFile(path.join(outDir, name), 'utf8');
      batches.set(name, new Set([...text.matchAll(/batch[- ](\d+)/g)].map((m) => Number(m[1]))));
      return text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // absent, or a link to nothing
      throw error;
    }
  };
  const report = await read('report.html');
  const items = await read('items.csv');
  const segments = await read('segments.csv');
  const summaryText = await read('summary.json');
  const followup = await readFile(path.join(outDir, 'followup.csv'), 'utf8').catch(() => null);
  const rejects = await read('rejects.csv');
  const pagesFolder = await stat(path.join(outDir, 'candidates')).catch(() => null);
  const pages = pagesFolder ? (await readdir(path.join(outDir, 'candidates'))).filter((name) => name.endsWith('.html')) : [];
  for (const page of pages) await read(`candidates/${page}`);
  const present = [report, items, segments, summaryText, followup].filter((text) => text !== null).length;
  if (present === 0 && rejects === null && pages.length === 0) return { batch: null, problems }; // no run shown yet
  if (present < 5) problems.push(`only ${present} of the 5 outputs every run writes are there`);

  const seen = new Set<number>();
  for (const [name, found] of batches) {
    if (found.size !== 1) problems.push(`${name} names batches ${[...found].join(', ') || 'none'}`);
    for (const batch of found) seen.add(batch);
  }
  if (seen.size !== 1) return { batch: null, problems: [...problems, `files from batches ${[...seen].join(', ')}`] };
  const batch = [...seen][0];
  if (report !== null && !report.trimEnd().endsWith('</html>')) problems.push('report.html is cut short');
  let summary: { counts?: { items?: number } } = {};
  try {
    summary = JSON.parse(summaryText ?? '{}');
  } catch {
    problems.push('summary.json is not whole');
  }
  const itemRows = items === null ? 0 : items.trim().split('\n').length - 1;
  if (summary.counts?.items !== itemRows) problems.push(`summary.json counts ${summary.counts?.items} items, items.csv has ${itemRows}`);
  const s1 = followup?.split('\n').find((line) => line.startsWith('S1,'));
  if (s1 && !new RegExp(`,\\d+,${batch + 2},`).test(s1)) problems.push(`followup.csv is from another batch: ${s1.slice(0, 80)}`);
  if ((rejects !== null) !== (batch % 2 === 1)) problems.push(`rejects.csv ${rejects === null ? 'missing' : 'left from another run'}`);
  if (pages.length > 0 !== digestsFor(batch)) problems.push(`candidate pages ${pages.length > 0 ? 'left from another run' : 'missing'}`);
  return { batch, problems };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `feedback-themes run` in its own process; `killAfterMs` sends SIGKILL that long after the start. */
export function runCli(command: string[], args: string[], env: Record<string, string>, killAfterMs?: number): Promise<RunResult> {
  const child = spawn(command[0], [...command.slice(1), 'run', ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    }),
  );
}

/** Where a run is stopped: a named step of its commit (src/io/faults.ts), a time after its start, or not at all. */
export type KillPoint = { step: string } | { afterMs: number };

export const COMMIT_STEPS = ['staging:1', 'staging:3', 'staging:6', 'staged', 'recorded', 'linked', 'shown', 'committed'];

export interface KillRound {
  point: KillPoint;
  batch: number;
  killed: boolean;
  /** The batch the folder showed right after, before any other run. */
  shown: number | null;
  problems: string[];
}

/**
 * Runs batches 1, 2, 3, … over one folder and store, stopping each at its kill point, and looks at
 * the folder after each before the next run starts. The folder must show the batch before or
 * this batch, whole. Returns one round per point (batch 1, never killed, is the baseline).
 */
export async function killRounds(
  options: { cli: string[]; work: string; points: KillPoint[]; keep?: number },
  onRound?: (round: KillRound) => void,
): Promise<KillRound[]> {
  await mkdir(options.work, { recursive: true });
  const out = path.join(options.work, 'out');
  const common = [
    '--out',
    out,
    '--store',
    path.join(options.work, 'store.duckdb'),
    '--engine',
    'lexical',
    '--quiet',
    '--keep',
    String(options.keep ?? 1000),
  ];
  const env = { FEEDBACK_THEMES_CACHE: path.join(options.work, 'cache'), FEEDBACK_THEMES_NO_PROGRESS: '1' };
  const runBatch = async (batch: number, point: KillPoint | null) => {
    const input = await writeBatch(options.work, batch);
    const args = [input, ...common, ...(digestsFor(batch) ? ['--digests'] : [])];
    const stepEnv: Record<string, string> = point && 'step' in point ? { FEEDBACK_THEMES_TEST_KILL_AT: point.step } : {};
    return runCli(options.cli, args, { ...env, ...stepEnv }, point && 'afterMs' in point ? point.afterMs : undefined);
  };
  const first = await runBatch(1, null);
  if (first.code !== 0) throw new Error(`the baseline run failed (${first.code}): ${first.stderr}`);
  let shownBefore = 1;
  const rounds: KillRound[] = [];
  for (const [index, point] of options.points.entries()) {
    const batch = index + 2;
    const result = await runBatch(batch, point);
    const look = await lookAtFolder(out);
    const problems = [...look.problems];
    if (result.signal !== 'SIGKILL' && result.code !== 0) problems.push(`exit ${result.code}: ${result.stderr.trim().split('\n').pop()}`);
    if (look.batch !== shownBefore && look.batch !== batch) problems.push(`shows batch ${look.batch}, expected ${shownBefore} or ${batch}`);
    if (result.signal !== 'SIGKILL' && look.batch !== batch) problems.push(`finished, yet shows batch ${look.batch}`);
    const round = { point, batch, killed: result.signal === 'SIGKILL', shown: look.batch, problems };
    rounds.push(round);
    onRound?.(round);
    if (look.batch !== null) shownBefore = look.batch;
  }
  return rounds;
}
