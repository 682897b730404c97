// classify, evaluate, train and taxonomy suggest hold no lock, so nothing said why they stopped: a
// SIGTERM ended them in silence. Stopped now, they say so and that nothing was printed or written,
// end as killed by the signal, and leave no half-written file behind.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCommand } from '../../support/cli-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = cliCommand();

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI and sends `signal` once stderr shows `stopWhen` (said after the command has begun). */
function stopped(args: string[], stopWhen: string, signal: NodeJS.Signals): Promise<Ended> {
  const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.includes(stopWhen) && child.exitCode === null && !child.killed) child.kill(signal);
  });
  return new Promise((resolve) => child.on('close', (code, ended) => resolve({ code, signal: ended, stdout, stderr })));
}

let work: string;
let gold: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-signals-'));
  // Enough labelled rows that scoring them takes seconds after the first line on stderr.
  const dev = Papa.parse<{ text: string; themes: string }>(await readFile(path.join(ROOT, 'data/eval/dev.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  // Each text its own (training counts a repeated text once).
  const rows = Array.from({ length: 20_000 }, (_, i) => {
    const { text, themes } = dev[i % dev.length]!;
    return `g${i},"${text.replaceAll('"', '""')} (${i})",${themes}`;
  });
  gold = path.join(work, 'gold.csv');
  await writeFile(gold, `id,text,themes\n${rows.join('\n')}\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

// The lexical engine's first line: the built-in head was fitted for another engine.
const BEGUN = 'the built-in theme head is not used';

describe('a command with no lock, stopped by a signal', () => {
  it('evaluate --calibrate says why, prints nothing and leaves no thresholds file, half written or whole', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const out = path.join(work, `calibrated-${signal}.json`);
      const ended = await stopped(['evaluate', gold, '--engine', 'lexical', '--calibrate', out], BEGUN, signal);
      expect({ code: ended.code, signal: ended.signal }, ended.stderr).toEqual({ code: null, signal });
      expect(ended.stderr).toContain(`feedback-themes: stopped by ${signal}; nothing was printed or written.`);
      expect(ended.stdout).toBe('');
      expect((await readdir(work)).filter((name) => name.includes(`calibrated-${signal}`))).toEqual([]);
    }
  }, 120_000);

  it('train says why and leaves no head file', async () => {
    const out = path.join(work, 'head.json');
    const ended = await stopped(['train', gold, '--engine', 'lexical', '--out', out], 'scoring 20000 labelled item(s)', 'SIGTERM');
    expect({ code: ended.code, signal: ended.signal }, ended.stderr).toEqual({ code: null, signal: 'SIGTERM' });
    expect(ended.stderr).toContain('feedback-themes: stopped by SIGTERM; nothing was printed or written.');
    expect((await readdir(work)).filter((name) => name.includes('head'))).toEqual([]);
  }, 120_000);
});
