import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { openUserFile, readUserText } from '../../src/io/user-file.js';
import { runCli } from '../helpers/run-cli.js';

const FILE = { what: 'the thing', hint: 'Do this.' };
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-user-file-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('reading a file the user named', () => {
  it('returns the text of a readable file', async () => {
    const file = path.join(work, 'ok.txt');
    await writeFile(file, 'héllo\n');
    expect(await readUserText(file, FILE)).toBe('héllo\n');
    const handle = await openUserFile(file, FILE);
    await handle.close();
  });

  it('names the file, what it is, why and what to do, with exit 2', async () => {
    const missing = path.join(work, 'missing.txt');
    const error = await errorOf(readUserText(missing, FILE));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${missing}: cannot read the thing: no such file. Do this.`);
    expect((await errorOf(openUserFile(work, FILE))).message).toBe(`${work}: cannot read the thing: it is a folder, not a file. Do this.`);
  });

  it.skipIf(process.getuid?.() === 0)('says permission denied for an unreadable file', async () => {
    const locked = path.join(work, 'locked.txt');
    await writeFile(locked, 'x');
    await chmod(locked, 0o000);
    expect((await errorOf(readUserText(locked, FILE))).message).toContain(': cannot read the thing: permission denied. Do this.');
  });
});

describe('a file that is not a regular file', () => {
  it('a named pipe (FIFO) given as an export exits 2 at once, naming it, instead of waiting for a writer', async () => {
    const fifo = path.join(work, 'export.csv');
    execFileSync('mkfifo', [fifo]);
    const error = await errorOf(openUserFile(fifo, FILE));
    expect(error.message).toBe(`${fifo}: cannot read the thing: it is a named pipe (FIFO), not a regular file. Do this.`);
    const result = await runCli(['run', fifo, '--engine', 'lexical', '--no-store', '--out', path.join(work, 'out')], {
      FEEDBACK_THEMES_CACHE: path.join(work, 'cache'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/export\.csv: cannot read the export: it is a named pipe \(FIFO\), not a regular file/);
  }, 15_000);
});
