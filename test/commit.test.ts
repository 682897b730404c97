// One commit for store and outputs: killed at each step of the commit, or failing there as a full
// disk would, a run leaves either the old run everywhere or the new run everywhere (after the
// next run over the folder settles what a kill left pending).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverPendingRuns } from '../src/commit.js';
import { openStore } from '../src/store/store.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));
const OUTPUTS = ['items.csv', 'report.html', 'segments.csv', 'summary.json'];
const quiet = { info() {}, warn() {}, notice() {}, progress() {}, progressDone() {} };

let work: string;
let oldInput: string;
let newInput: string;
let baseline: string;

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'run', ...args, '--engine', 'lexical', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, FEEDBACK_THEMES_CACHE: path.join(work, 'cache'), ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

async function committedRuns(store: string): Promise<number[]> {
  const instance = await DuckDBInstance.create(store);
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(`SELECT items FROM runs WHERE status = 'committed' ORDER BY finished_at`)).getRowsJS();
  const pending = (await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM runs WHERE status <> 'committed'`)).getRowsJS();
  connection.closeSync();
  instance.closeSync();
  expect(pending[0][0]).toBe(0);
  return rows.map((r) => Number(r[0]));
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of OUTPUTS) files[name] = await readFile(path.join(dir, name), 'utf8');
  return files;
}

/** The old run everywhere, or the new run everywhere: nothing in between. */
async function expectOneRun(dir: string, expected: 'old' | 'new'): Promise<void> {
  const old = await snapshot(path.join(baseline, 'out'));
  const now = await snapshot(path.join(dir, 'out'));
  const runs = await committedRuns(path.join(dir, 'store.duckdb'));
  const leftovers = (await readdir(path.join(dir, 'out'))).filter((name) => name.endsWith('.tmp'));
  expect(leftovers).toEqual([]);
  if (expected === 'old') {
    expect(now).toEqual(old);
    expect(runs).toEqual([3]);
  } else {
    for (const name of OUTPUTS) expect(now[name]).not.toBe(old[name]);
    expect(JSON.parse(now['summary.json']).counts.items).toBe(5);
    expect(now['items.csv'].trim().split('\n')).toHaveLength(6);
    expect(runs).toEqual([3, 5]);
  }
}

/** A copy of the baseline (an old run in place), for one experiment. */
async function fresh(name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(baseline, dir, { recursive: true });
  return dir;
}

async function settle(dir: string): Promise<void> {
  const store = await openStore(path.join(dir, 'store.duckdb'));
  try {
    await recoverPendingRuns(store, path.join(dir, 'out'), quiet);
  } finally {
    await store.close();
  }
  const { cleanupStaleTempFiles } = await import('../src/io/atomic.js');
  await cleanupStaleTempFiles(path.join(dir, 'out'));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-commit-'));
  const row = (i: number) => `S${i},"Your answers lacked specific examples and you had not researched the firm (${i}).",Interview`;
  oldInput = path.join(work, 'old.csv');
  newInput = path.join(work, 'new.csv');
  await writeFile(oldInput, `${['Student ID,Feedback,Stage', ...[1, 2, 3].map(row)].join('\n')}\n`);
  await writeFile(newInput, `${['Student ID,Feedback,Stage', ...[1, 2, 3, 4, 5].map(row)].join('\n')}\n`);
  baseline = path.join(work, 'baseline');
  const first = await run([oldInput, '--out', path.join(baseline, 'out'), '--store', path.join(baseline, 'store.duckdb')]);
  expect(first.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a run killed at each step of its commit', () => {
  const cases: [string, 'old' | 'new'][] = [
    ['staged', 'old'], // outputs in temp files only
    ['recorded', 'old'], // store rows pending, nothing renamed: rolled back
    ['landing', 'new'], // one output renamed: rolled forward
    ['landed', 'new'], // all renamed, not yet committed: committed
    ['committed', 'new'],
  ];
  it.each(cases)(
    'killed after %s leaves the %s run everywhere',
    async (step, expected) => {
      const dir = await fresh(`kill-${step}`);
      const result = await run([newInput, '--out', path.join(dir, 'out'), '--store', path.join(dir, 'store.duckdb')], {
        FEEDBACK_THEMES_TEST_KILL_AT: step,
      });
      expect(result.signal).toBe('SIGKILL');
      await settle(dir);
      await expectOneRun(dir, expected);
    },
    120_000,
  );

  it('is settled by the next real run too, which then lands normally', async () => {
    const dir = await fresh('kill-then-run');
    const killed = await run([newInput, '--out', path.join(dir, 'out'), '--store', path.join(dir, 'store.duckdb')], {
      FEEDBACK_THEMES_TEST_KILL_AT: 'landing',
    });
    expect(killed.signal).toBe('SIGKILL');
    const next = await run([newInput, '--out', path.join(dir, 'out'), '--store', path.join(dir, 'store.duckdb')], {
      FEEDBACK_THEMES_NO_PROGRESS: '1',
    });
    expect(next.stderr).toMatch(/interrupted run .* remaining outputs were put in place/);
    expect(next.code).toBe(0);
    expect(await committedRuns(path.join(dir, 'store.duckdb'))).toEqual([3, 5, 5]);
  }, 120_000);
});

describe('a run failing at each step of its commit (an injected full disk)', () => {
  it.each(['staged', 'recorded', 'landing', 'landed'])(
    'failing after %s exits 2 and leaves the old run everywhere',
    async (step) => {
      const dir = await fresh(`fail-${step}`);
      const result = await run([newInput, '--out', path.join(dir, 'out'), '--store', path.join(dir, 'store.duckdb')], {
        FEEDBACK_THEMES_TEST_FAIL_AT: step,
        FEEDBACK_THEMES_TEST_FAIL_PATH: path.join(dir, 'store.duckdb'),
      });
      expect(result.stderr).toMatch(/disk is full/);
      expect(result.stderr).not.toMatch(/This is a bug/);
      expect(result.code).toBe(2);
      await expectOneRun(dir, 'old');
    },
    120_000,
  );
});
