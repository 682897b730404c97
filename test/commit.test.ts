// One commit for store and outputs: killed at each step of the commit, or failing there as a full
// disk would, a run leaves the folder showing one run's files, whole, before any other run looks;
// once the next run settles it, the store agrees with what is shown.
import { cp, lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverPendingRuns } from '../src/commit.js';
import { currentRun } from '../src/io/output-layout.js';
import { openStore } from '../src/store/store.js';
import { lookAtFolder, runCli, writeBatch } from '../support/one-run-check.js';
import { cliCommand } from '../support/cli-process.js';

const quiet = { info() {}, warn() {}, notice() {}, progress() {}, progressDone() {} };
const CLI = cliCommand();

let work: string;
let baseline: string;
let oldInput: string;
let newInput: string;

function run(dir: string, input: string, env: Record<string, string> = {}, extra: string[] = []) {
  const args = [
    input,
    '--out',
    path.join(dir, 'out'),
    '--store',
    path.join(dir, 'store.duckdb'),
    '--engine',
    'lexical',
    '--quiet',
    ...extra,
  ];
  return runCli(CLI, args, { FEEDBACK_THEMES_CACHE: path.join(work, 'cache'), ...env });
}

async function storeRuns(store: string): Promise<{ committed: string[]; pending: string[] }> {
  const instance = await DuckDBInstance.create(store);
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(`SELECT run_id, status FROM runs ORDER BY run_id`)).getRowsJS() as [string, string][];
  connection.closeSync();
  instance.closeSync();
  return {
    committed: rows.filter((r) => r[1] === 'committed').map((r) => r[0]),
    pending: rows.filter((r) => r[1] !== 'committed').map((r) => r[0]),
  };
}

/** A copy of the baseline (batch 1 shown, with its run committed), for one experiment. */
async function fresh(name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(baseline, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

async function settle(dir: string): Promise<void> {
  const store = await openStore(path.join(dir, 'store.duckdb'));
  try {
    await recoverPendingRuns(store, path.join(dir, 'out'), quiet);
  } finally {
    await store.close();
  }
}

/** The folder shows batch `expected`, whole; once settled the store's runs are exactly the run folders shown. */
async function expectOneRun(dir: string, expected: number): Promise<void> {
  const look = await lookAtFolder(path.join(dir, 'out'));
  expect(look.problems).toEqual([]);
  expect(look.batch).toBe(expected);
  await settle(dir);
  expect(await lookAtFolder(path.join(dir, 'out'))).toEqual(look);
  const runs = await storeRuns(path.join(dir, 'store.duckdb'));
  expect(runs.pending).toEqual([]);
  expect(runs.committed).toEqual(await readdir(path.join(dir, 'out', 'runs')));
  expect(runs.committed).toHaveLength(expected === 1 ? 1 : 2);
  expect(await currentRun(path.join(dir, 'out'))).toBe(runs.committed.at(-1));
  const hidden = (await readdir(path.join(dir, 'out'))).filter((name) => name.endsWith('.tmp'));
  expect(hidden).toEqual([]);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-commit-'));
  oldInput = await writeBatch(work, 1);
  newInput = await writeBatch(work, 2);
  baseline = path.join(work, 'baseline');
  const first = await run(baseline, oldInput);
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a run killed at each step of its commit', () => {
  const cases: [string, number][] = [
    ['staging:3', 1], // three outputs written into the run's staging folder
    ['staged', 1], // its run folder complete, not recorded
    ['recorded', 1], // store rows pending, nothing shown: rolled back
    ['linked', 1], // links for the new names made, the old run still shown
    ['shown', 2], // shown, not yet committed: committed by the next run
    ['committed', 2],
  ];
  it.each(cases)(
    'killed at %s shows batch %i, whole',
    async (step, expected) => {
      const dir = await fresh(`kill-${step.replace(':', '-')}`);
      const result = await run(dir, newInput, { FEEDBACK_THEMES_TEST_KILL_AT: step }, ['--digests']);
      expect(result.signal).toBe('SIGKILL');
      await expectOneRun(dir, expected);
    },
    120_000,
  );

  it('is settled by the next real run too, which then lands normally', async () => {
    const dir = await fresh('kill-then-run');
    const killed = await run(dir, newInput, { FEEDBACK_THEMES_TEST_KILL_AT: 'shown' });
    expect(killed.signal).toBe('SIGKILL');
    const next = await run(dir, newInput, { FEEDBACK_THEMES_NO_PROGRESS: '1' });
    expect(next.stderr).toMatch(/interrupted run .* had replaced the report but not recorded it; it is now recorded/);
    expect(next.code).toBe(0);
    expect((await storeRuns(path.join(dir, 'store.duckdb'))).committed).toHaveLength(3);
    expect((await lookAtFolder(path.join(dir, 'out'))).batch).toBe(2);
  }, 120_000);
});

describe('a run failing at each step of its commit (an injected full disk)', () => {
  const cases: [string, RegExp][] = [
    ['staging:2', /cannot write .*out\/runs.*: the disk is full.*--out DIR.*The previous report is unchanged/],
    ['staged', /cannot write .*store\.duckdb: the disk is full.*--store FILE.*nothing from this run was recorded/],
    ['recorded', /cannot write .*out: the disk is full.*--out DIR.*The previous report is unchanged/],
    ['linked', /cannot write .*out: the disk is full.*--out DIR/],
    ['shown', /cannot write .*store\.duckdb: the disk is full.*--store FILE.*nothing from this run was recorded/],
  ];
  it.each(cases)(
    'failing at %s exits 2 naming the path written, and leaves the old run shown',
    async (step, message) => {
      const dir = await fresh(`fail-${step.replace(':', '-')}`);
      const result = await run(dir, newInput, { FEEDBACK_THEMES_TEST_FAIL_AT: step });
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/This is a bug/);
      expect(result.code).toBe(2);
      await expectOneRun(dir, 1);
    },
    120_000,
  );
});

describe('a folder where links cannot be made (copies, settled by the next run)', () => {
  const noLinks = { FEEDBACK_THEMES_TEST_NO_LINKS: '1' };

  it('shows each run as copies, with current a file naming the run', async () => {
    const dir = await fresh('copies');
    const result = await run(dir, newInput, noLinks, ['--digests']);
    expect(result.code, result.stderr).toBe(0);
    expect((await lstat(path.join(dir, 'out', 'report.html'))).isFile()).toBe(true);
    expect((await lstat(path.join(dir, 'out', 'candidates'))).isDirectory()).toBe(true);
    await expectOneRun(dir, 2);
    const back = await run(dir, oldInput, noLinks);
    expect(back.code, back.stderr).toBe(0);
    expect(await lookAtFolder(path.join(dir, 'out'))).toEqual({ batch: 1, problems: [] }); // pages and rejects of batch 2 gone
  }, 120_000);

  it.each([
    ['copying:2', 1],
    ['shown', 2],
  ] as const)(
    'killed at %s, the next run puts back one run whole (batch %i)',
    async (step, expected) => {
      const dir = await fresh(`copies-kill-${step.replace(':', '-')}`);
      const killed = await run(dir, newInput, { ...noLinks, FEEDBACK_THEMES_TEST_KILL_AT: step }, ['--digests']);
      expect(killed.signal).toBe('SIGKILL');
      // Killed while copying, the folder may mix runs until the next run: the mark says so.
      expect((await readdir(path.join(dir, 'out'))).includes('.showing')).toBe(step === 'copying:2');
      await settle(dir);
      await expectOneRun(dir, expected);
    },
    120_000,
  );
});

describe('the look at the folder (support/one-run-check.ts)', () => {
  it('catches a folder mixing two runs, or missing an output, as the earlier one-by-one renames could leave it', async () => {
    const dir = await fresh('mixed');
    const killed = await run(dir, newInput, { FEEDBACK_THEMES_TEST_KILL_AT: 'committed' }, ['--digests']);
    expect(killed.signal).toBe('SIGKILL');
    // Copy what is shown into a plain folder, then put batch 1's report beside batch 2's pages.
    const plain = path.join(dir, 'plain');
    await cp(path.join(dir, 'out', 'current'), plain, { recursive: true });
    expect(await lookAtFolder(plain)).toEqual({ batch: 2, problems: [] });
    const [oldRun] = await readdir(path.join(baseline, 'out', 'runs'));
    await cp(path.join(baseline, 'out', 'runs', oldRun, 'report.html'), path.join(plain, 'report.html'));
    expect((await lookAtFolder(plain)).problems).toContain('files from batches 1, 2');
    await rm(path.join(plain, 'report.html'));
    expect((await lookAtFolder(plain)).problems).toContain('only 4 of the 5 outputs every run writes are there');
  }, 120_000);
});
