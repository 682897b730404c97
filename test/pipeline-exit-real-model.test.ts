// How a run with the real model ends, in its own process, many times over: each way out prints its
// message and ends with its own status. The model's worker threads load beside the reading of the
// input, so a run can stop while one is loading or busy; ended the wrong way, ONNX Runtime's
// binding aborted the process now and then (exit 134), or it ended 0 with its message unprinted.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommand } from '../support/cli-process.js';
import { REAL_MODEL_DIR, requireRealModel } from './helpers/real-model.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = cliCommand();
const hasModel = requireRealModel('pipeline exit (real model)');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `run <input>` with the real model; `stopWhen` sends SIGTERM once stderr contains that text. */
function runCli(input: string, out: string, stopWhen?: string, env: NodeJS.ProcessEnv = {}): Promise<Ended> {
  const args = ['run', input, '--no-store', '--out', out, '--model', REAL_MODEL_DIR, '--offline'];
  const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stopWhen && stderr.includes(stopWhen) && child.exitCode === null && !child.killed) child.kill('SIGTERM');
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

let work: string;
let good: string;
let unrecognised: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-exit-'));
  // A Forms export whose question names no column the tool knows: a usage error, found only once the
  // file is read, by when the model has started loading.
  unrecognised = path.join(work, 'forms.csv');
  await writeFile(
    unrecognised,
    'ID,Start time,Completion time,Company,Please tell us in your own words why the employer said you were unsuccessful\n' +
      '1,1/3/2026 10:00,1/3/2026 10:05,Acme,They said my answers sounded rehearsed and I did not give examples.\n' +
      '2,1/3/2026 11:00,1/3/2026 11:05,Beta Ltd,Not enough experience in the sector.\n',
  );
  const sample = (await readFile(path.join(ROOT, 'data/sample-feedback.csv'), 'utf8')).split('\n');
  good = path.join(work, 'good.csv');
  await writeFile(good, `${sample.slice(0, 21).join('\n')}\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.runIf(hasModel)('a run with the real model ends as the contract says, every time', () => {
  it('an input it cannot read exits 2 with its message, each of 8 times', async () => {
    for (let i = 0; i < 8; i++) {
      const ended = await runCli(unrecognised, path.join(work, `usage-${i}`));
      expect(ended.stderr, `run ${i}`).not.toContain('terminate called');
      expect({ code: ended.code, signal: ended.signal }, `run ${i}: ${ended.stderr}`).toEqual({ code: 2, signal: null });
      expect(ended.stderr, `run ${i}`).toMatch(/forms\.csv: no feedback text column found/);
    }
  }, 240_000);

  it('a good run exits 0 with its report written, each of 3 times', async () => {
    for (let i = 0; i < 3; i++) {
      const out = path.join(work, `good-${i}`);
      const ended = await runCli(good, out);
      expect({ code: ended.code, signal: ended.signal }, `run ${i}: ${ended.stderr}`).toEqual({ code: 0, signal: null });
      expect(ended.stderr).toContain('done: open');
      expect(existsSync(path.join(out, 'report.html'))).toBe(true);
    }
  }, 240_000);

  it('SIGTERM while the model loads or once it has, ends as killed by it, saying so, with no report', async () => {
    // Just after the input is read (the model loading or embedding its exemplars), and held where
    // everything is classified and nothing written.
    const moments: [string, NodeJS.ProcessEnv][] = [
      ['read ', {}],
      ['read ', {}],
      ['classifying ', {}],
      ['checkpoint: holding at classifying', { FEEDBACK_THEMES_HOLD_AT: 'classifying' }],
    ];
    for (const [i, [when, env]] of moments.entries()) {
      const out = path.join(work, `killed-${i}`);
      const ended = await runCli(good, out, when, env);
      expect(ended.stderr, `kill ${i}`).not.toContain('terminate called');
      expect({ code: ended.code, signal: ended.signal }, `kill ${i} at "${when}": ${ended.stderr}`).toEqual({
        code: null,
        signal: 'SIGTERM',
      });
      expect(ended.stderr).toContain('stopped by SIGTERM');
      expect(existsSync(path.join(out, 'report.html'))).toBe(false);
      expect(existsSync(path.join(out, '.feedback-themes.lock'))).toBe(false);
    }
  }, 240_000);
});
