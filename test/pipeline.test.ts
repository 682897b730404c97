import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommand } from '../support/cli-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built CLI when dist/ is fresh (a plain Node start), else the sources through tsx. */
const CLI = cliCommand();
const SAMPLE = path.join(ROOT, 'data/sample-feedback.csv');

interface Child {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  waitForStderr: (text: string) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, FEEDBACK_THEMES_CACHE: path.join(work, 'no-models'), ...env },
  });
  let err = '';
  const waiters: (() => void)[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const check of waiters) check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    exited,
    stderr: () => err,
    kill: (signal) => child.kill(signal),
    waitForStderr: (text) =>
      new Promise((resolve, reject) => {
        const check = () => err.includes(text) && resolve();
        waiters.push(check);
        check();
        void exited.then(() => (err.includes(text) ? resolve() : reject(new Error(`exited before "${text}":\n${err}`))));
      }),
  };
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-pipeline-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a run killed mid-way', () => {
  it('leaves the previous report exactly as it was, and the next run recovers its lock and temp files', async () => {
    const out = path.join(work, 'report');
    const store = path.join(work, 'history.duckdb');
    const common = ['--out', out, '--store', store, '--engine', 'lexical'];

    const first = runCli(['run', SAMPLE, ...common]);
    expect((await first.exited).code, first.stderr()).toBe(0);
    const before = new Map<string, string>();
    // The outputs (links through `current`), not the run folders behind them.
    for (const name of await readdir(out))
      if (name !== 'runs' && name !== 'current') before.set(name, await readFile(path.join(out, name), 'utf8'));
    expect([...before.keys()]).toContain('report.html');

    // The second run holds where everything is computed and nothing written yet, and dies there.
    const killed = runCli(['run', SAMPLE, ...common], { FEEDBACK_THEMES_HOLD_AT: 'writing' });
    await killed.waitForStderr('checkpoint: holding at writing');
    killed.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');

    const after = (await readdir(out)).sort();
    expect(after).toEqual([...before.keys(), '.feedback-themes.lock', 'current', 'runs'].sort()); // the killed run's lock, nothing else
    for (const [name, content] of before) expect(await readFile(path.join(out, name), 'utf8'), name).toBe(content);

    const next = runCli(['run', SAMPLE, ...common]);
    expect((await next.exited).code, next.stderr()).toBe(0);
    expect(next.stderr()).toMatch(/recovered a stale lock/);
    expect((await readdir(out)).sort()).toEqual([...before.keys(), 'current', 'runs'].sort());
  }, 180_000);
});

describe('two runs at once', () => {
  it('the second exits 5 at once, naming the first', async () => {
    const out = path.join(work, 'busy');
    // The first run holds its lock at a known point until it is stopped.
    const first = runCli(['run', SAMPLE, '--out', out, '--no-store', '--engine', 'lexical'], { FEEDBACK_THEMES_HOLD_AT: 'classifying' });
    await first.waitForStderr('checkpoint: holding at classifying');
    const second = runCli(['run', SAMPLE, '--out', out, '--no-store', '--engine', 'lexical']);
    const { code } = await second.exited;
    first.kill('SIGTERM');
    await first.exited;
    expect(code).toBe(5);
    expect(second.stderr()).toMatch(/another feedback-themes run \(pid \d+/);
  }, 180_000);
});
