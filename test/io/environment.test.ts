import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEnvironmentError } from '../../src/io/environment.js';
import { canMount, mountTmpfs, remountReadOnly, unmount } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';

function errno(code: string, syscall: string, filePath: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, ${syscall} '${filePath}'`), { code, syscall, path: filePath });
}

describe('toEnvironmentError', () => {
  it('turns disk, permission and path problems into exit 2 with the path and the option to change', () => {
    const full = toEnvironmentError(errno('ENOSPC', 'write', 'out/.report.html.1.ab.tmp'), { out: 'out' });
    expect(full?.exitCode).toBe(2);
    expect(full?.message).toMatch(/out\/\.report\.html.*disk is full.*--out DIR.*previous report is unchanged/);
    const denied = toEnvironmentError(errno('EACCES', 'open', '/srv/reports/x'), { out: '/srv/reports' });
    expect(denied?.message).toMatch(/permission denied\. Make it writable .*--out DIR/);
    expect(toEnvironmentError(errno('EROFS', 'open', 'a/b'))?.message).toMatch(/read-only file system/);
    expect(toEnvironmentError(errno('ENOTDIR', 'mkdir', 'file/sub'), { out: 'file/sub' })?.message).toMatch(/part of that path is a file/);
  });

  it('reads DuckDB I/O failures and never advises deleting a healthy store', () => {
    const full = toEnvironmentError(new Error('IO Error: Could not write file "data/s.duckdb.wal": No space left on device'), {
      store: 'data/s.duckdb',
    });
    expect(full?.message).toMatch(/cannot write data\/s\.duckdb\.wal: the disk is full.*--store FILE/);
    const readOnly = toEnvironmentError(new Error('IO Error: Cannot open file "s.duckdb": Read-only file system'), { store: 's.duckdb' });
    expect(readOnly?.message).toMatch(/read-only.*--no-store/);
    for (const error of [full, readOnly]) expect(error?.message).not.toMatch(/delete/i);
  });

  it('names the place being written and only the advice that fits it', () => {
    const targets = { out: '/srv/out', store: '/data/s.duckdb', cache: '/home/a/.cache/ft' };
    const out = toEnvironmentError(errno('ENOSPC', 'write', '/srv/out/runs/.x.1.ab.tmp'), targets)?.message;
    expect(out).toMatch(/--out DIR.*The previous report is unchanged\.$/);
    expect(out).not.toMatch(/--store|--cache-dir/);
    const cache = toEnvironmentError(errno('ENOSPC', 'write', '/home/a/.cache/ft/pseudonym.key'), targets)?.message;
    expect(cache).toMatch(/pseudonym\.key: the disk is full.*--cache-dir DIR.*Nothing from this run was recorded/);
    expect(cache).not.toMatch(/--out|--store/);
    // A failed write that names no file is never blamed on one place.
    const unknown = toEnvironmentError(
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }),
      targets,
    );
    expect(unknown?.message).toMatch(/on the disk of the output folder \/srv\/out, or the store \/data\/s\.duckdb, or the model cache/);
    // After the run is shown and committed, the message says so.
    const late = toEnvironmentError(new Error('IO Error: Could not write file "/data/s.duckdb.wal": No space left on device'), {
      ...targets,
      recorded: 'committed',
    })?.message;
    expect(late).toMatch(/This run's report is in place and the run is recorded in the store/);
    expect(late).not.toMatch(/nothing from this run was recorded/i);
  });

  it('leaves other errors alone', () => {
    expect(toEnvironmentError(new TypeError('x is undefined'))).toBeNull();
    expect(toEnvironmentError(errno('ENOENT', 'open', 'missing'))).toBeNull();
  });
});

let work: string;
let input: string;

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return runCli(['run', input, '--engine', 'lexical', '--quiet', ...args], { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') });
}

/** Fills a (small, mounted) disk to the last byte; freeDisk gives the space back. */
function fillDisk(dir: string): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${path.join(dir, 'filler')}`, 'bs=4096'], { stdio: 'ignore' });
  } catch {
    // dd stops with an error once the disk is full: that is the point.
  }
}

function freeDisk(dir: string): void {
  rmSync(path.join(dir, 'filler'), { force: true });
}

async function committedRuns(store: string): Promise<number> {
  const instance = await DuckDBInstance.create(store);
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM runs WHERE status = 'committed'`)).getRowsJS();
  connection.closeSync();
  instance.closeSync();
  return Number(rows[0][0]);
}

function expectCleanExit2(result: { code: number; stderr: string }, pattern: RegExp): void {
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/This is a bug|\n\s+at /);
  expect(result.code).toBe(2);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-env-'));
  input = path.join(work, 'in.csv');
  const rows = Array.from(
    { length: 400 },
    (_, i) => `S${i},"Your answers lacked specific examples and you had not researched the firm (${i})."`,
  );
  await writeFile(input, `${['Student ID,Feedback', ...rows].join('\n')}\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('run: environment problems exit 2 with the path and the fix', () => {
  it('--out that is a file', async () => {
    const file = path.join(work, 'a-file');
    await writeFile(file, 'x');
    expectCleanExit2(await cli(['--out', file, '--no-store']), /a-file: it is a file, not a folder\. --out names the folder/);
  });

  it('--out under a file', async () => {
    const file = path.join(work, 'b-file');
    await writeFile(file, 'x');
    expectCleanExit2(await cli(['--out', path.join(file, 'sub'), '--no-store']), /b-file\/sub: part of that path is a file/);
  });

  it('report.html that is a folder, leaving the other outputs as they were', async () => {
    const out = path.join(work, 'folder-in-the-way');
    await mkdir(path.join(out, 'report.html'), { recursive: true });
    await writeFile(path.join(out, 'items.csv'), 'old');
    expectCleanExit2(await cli(['--out', out, '--no-store']), /report\.html: a folder is in the way.*Move the folder aside/);
    expect(await readFile(path.join(out, 'items.csv'), 'utf8')).toBe('old');
  });

  // Node's recursive mkdir never returns there: each run hung for ever.
  it.runIf(existsSync('/proc/self'))(
    'an output folder, store or state folder the file system will not make (/proc): exit 2 at once',
    async () => {
      for (const [args, fix] of [
        [['--out', '/proc/ft-no-such/out', '--no-store'], /--out DIR/],
        [['--out', path.join(work, 'proc-store'), '--store', '/proc/ft-no-such/s.duckdb'], /--store FILE, or run with --no-store/],
        [['--out', path.join(work, 'proc-state'), '--no-store', '--state-dir', '/proc/ft-no-such'], /--state-dir DIR/],
      ] as const) {
        const result = await Promise.race([
          cli([...args]),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after 30 s: ${args.join(' ')}`)), 30_000)),
        ]);
        expectCleanExit2(result, /\/proc\/ft-no-such(\/out)?: the folder cannot be created/);
        expect(result.stderr).toMatch(fix);
      }
    },
    120_000,
  );

  it('a file where the run folders or the student pages go: refused before the input is read, naming it, not the --out folder', async () => {
    for (const name of ['runs', 'candidates', 'current']) {
      const out = path.join(work, `${name}-in-the-way`);
      await mkdir(path.join(out, ...(name === 'current' ? [name, 'x'] : [])), { recursive: true });
      if (name !== 'current') await writeFile(path.join(out, name), 'x');
      const result = await runCli(['run', input, '--engine', 'lexical', '--out', out, '--no-store', '--digests'], {
        FEEDBACK_THEMES_CACHE: path.join(work, 'cache'),
      });
      expectCleanExit2(
        result,
        new RegExp(`${name}-in-the-way/${name}: .*Move the (file|folder) aside, or choose another folder with --out DIR`),
      );
      // Found at once, not after reading and classifying every row.
      expect(result.stderr).not.toMatch(/read .*in\.csv|classifying/);
    }
  });
});

const mountable = canMount(path.join(tmpdir(), `ft-mount-probe-${process.pid}`));

describe.skipIf(!mountable)('run on a real full or read-only disk (tmpfs; needs mount privileges)', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const dir of mounts) unmount(dir);
  });
  const mounted = (name: string, sizeKb: number) => {
    const dir = path.join(work, name);
    expect(mountTmpfs(dir, sizeKb)).toBe(true);
    mounts.push(dir);
    return dir;
  };

  it('a full disk under --out', async () => {
    const disk = mounted('full-out', 64);
    expectCleanExit2(await cli(['--out', path.join(disk, 'report'), '--no-store']), /disk is full.*--out DIR/);
  });

  it('a full disk under --out with the store elsewhere names the output folder, not the store', async () => {
    const disk = mounted('full-out-store-elsewhere', 64);
    const result = await cli(['--out', path.join(disk, 'report'), '--store', path.join(work, 'elsewhere.duckdb')]);
    expectCleanExit2(
      result,
      /cannot write .*full-out-store-elsewhere\/report.*: the disk is full.*--out DIR.*The previous report is unchanged/,
    );
    expect(result.stderr).not.toMatch(/--store|elsewhere\.duckdb/);
  });

  it('a store disk too full to record the run: exit 2, nothing recorded, the previous report still shown', async () => {
    const disk = mounted('full-store', 4096);
    const store = path.join(disk, 's.duckdb');
    const out = path.join(work, 'out-full-store');
    expect((await cli(['--out', out, '--store', store])).code).toBe(0);
    const before = await readFile(path.join(out, 'summary.json'), 'utf8');
    fillDisk(disk);
    const result = await cli(['--out', out, '--store', store]);
    expectCleanExit2(result, /s\.duckdb.*: the disk is full.*--store FILE.*nothing from this run was recorded/);
    expect(result.stderr).not.toMatch(/delete|--out/i);
    expect(await readFile(path.join(out, 'summary.json'), 'utf8')).toBe(before);
    freeDisk(disk);
    expect(await committedRuns(store)).toBe(1);
  });

  it('a store disk that fills after the run is recorded: exit 0, and the warning says the run is recorded', async () => {
    const disk = mounted('store-fills-late', 200);
    const store = path.join(disk, 's.duckdb');
    const result = await cli(['--out', path.join(work, 'out-fills-late'), '--store', store]);
    expect(result.stderr).toMatch(
      /warning: cannot write .*s\.duckdb.*: the disk is full.*This run's report is in place and the run is recorded in the store/,
    );
    expect(result.stderr).not.toMatch(/nothing from this run was recorded/);
    expect(result.code).toBe(0);
    // What the warning says is so: the run is in the store, committed (read from a copy on a roomy disk).
    const copy = path.join(work, 'fills-late-copy');
    await mkdir(copy, { recursive: true });
    for (const name of await readdir(disk)) await copyFile(path.join(disk, name), path.join(copy, name));
    expect(await committedRuns(path.join(copy, 's.duckdb'))).toBe(1);
  });

  it('a full state folder (the secret without a store) names the secret and --state-dir, not the output folder', async () => {
    const disk = mounted('full-state', 64);
    fillDisk(disk);
    const result = await runCli(
      ['run', input, '--engine', 'lexical', '--quiet', '--out', path.join(work, 'out-full-state'), '--no-store'],
      {
        FEEDBACK_THEMES_CACHE: path.join(work, 'cache'),
        FEEDBACK_THEMES_STATE: path.join(disk, 'state'),
      },
    );
    expectCleanExit2(
      result,
      /cannot write .*full-state\/state\/pseudonym\.key: the disk is full.*--state-dir DIR.*Nothing from this run was recorded/,
    );
    expect(result.stderr).not.toMatch(/--out|--store/);
  });

  it('a read-only store, without advice to delete it', async () => {
    const disk = mounted('ro-store', 4096);
    const store = path.join(disk, 's.duckdb');
    expect((await cli(['--out', path.join(work, 'out-ro-1'), '--store', store])).code).toBe(0);
    remountReadOnly(disk);
    const result = await cli(['--out', path.join(work, 'out-ro-2'), '--store', store]);
    expectCleanExit2(result, /read-only file system.*--store FILE, or run with --no-store/);
    expect(result.stderr).not.toMatch(/delete/i);
  });

  it('an --out folder that cannot be created on a read-only disk', async () => {
    const disk = mounted('ro-out', 64);
    remountReadOnly(disk);
    expectCleanExit2(await cli(['--out', path.join(disk, 'a', 'b'), '--no-store']), /read-only file system.*--out DIR/);
  });
});
