import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/errors.js';
import { acquireLock, isPidAlive } from '../../src/io/lock.js';
import { createMemoryLogger } from '../../src/logger.js';
import { canMount, mountTmpfs, unmount } from '../helpers/mounts.js';
import { spawnFixture } from './spawn-fixture.js';

const mountable = canMount(join(tmpdir(), `ft-lock-mount-probe-${process.pid}`));

let dir: string;
let lockPath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-lock-'));
  lockPath = join(dir, 'feedback-report', '.feedback-themes.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(isPidAlive(pid)).toBe(false);
  return pid;
}

describe('acquireLock', () => {
  it('creates the lock file (and its folder) naming this process, and removes it on release', async () => {
    const lock = await acquireLock(lockPath, './feedback-report');
    const holder = JSON.parse(await readFile(lockPath, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(new Date(holder.startedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(typeof holder.command).toBe('string');
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
    await lock.release(); // twice is harmless
    const again = await acquireLock(lockPath, './feedback-report');
    await again.release();
  });

  it('refuses a second lock in the same process', async () => {
    const lock = await acquireLock(lockPath, './feedback-report');
    try {
      const error = await acquireLock(lockPath, './feedback-report').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(5);
    } finally {
      await lock.release();
    }
  });

  it('fails with exit code 5 naming the pid when another process holds the lock', async () => {
    const holder = spawnFixture('hold-lock.ts', [lockPath, './feedback-report']);
    try {
      await holder.waitFor('locked');
      const error = await acquireLock(lockPath, './feedback-report').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(5);
      const message = (error as CliError).message;
      expect(message).toMatch(new RegExp(`^another feedback-themes run \\(pid ${holder.child.pid}, started 20\\d\\d-`));
      expect(message).toContain('is using ./feedback-report; wait for it to finish, or delete');
      expect(message).toContain(lockPath);
      // The holder's lock is untouched.
      expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(holder.child.pid);
    } finally {
      holder.child.stdin.write('release\n');
      await holder.exited;
    }
    expect(existsSync(lockPath)).toBe(false);
  });

  it('makes a second process exit with code 5 while this one holds the lock', async () => {
    const lock = await acquireLock(lockPath, './feedback-report');
    try {
      const second = spawnFixture('hold-lock.ts', [lockPath, './feedback-report']);
      const { code } = await second.exited;
      expect(code).toBe(5);
      expect(second.stderr()).toContain(`pid ${process.pid}`);
      expect(second.stdout()).not.toContain('locked');
    } finally {
      await lock.release();
    }
  });

  it('recovers a stale lock left by a process that no longer exists, and says so', async () => {
    const pid = deadPid();
    await acquireLock(lockPath, 'x').then((l) => l.release()); // creates the folder
    await writeFile(lockPath, JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'run' }));
    const logger = createMemoryLogger();
    const lock = await acquireLock(lockPath, './feedback-report', { logger });
    expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(process.pid);
    expect(logger.lines.join('\n')).toMatch(new RegExp(`stale lock.*pid ${pid}`));
    await lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose holder was killed but not yet reaped (a zombie)', async () => {
    // The shell starts a short child, then becomes a sleep that never reaps it: the child stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number((await once(parent.stdout!, 'data'))[0].toString().trim());
      await vi.waitFor(() => expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /), { timeout: 5000 });
      expect(isPidAlive(pid)).toBe(false);
      await acquireLock(lockPath, 'x').then((l) => l.release()); // creates the folder
      await writeFile(lockPath, JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'run' }));
      const logger = createMemoryLogger();
      const lock = await acquireLock(lockPath, './feedback-report', { logger });
      expect(logger.lines.join('\n')).toMatch(new RegExp(`stale lock.*pid ${pid}`));
      await lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
    expect(isPidAlive(process.pid)).toBe(true);
  });

  it('takes over an empty or garbled lock once it is a moment old, waiting for a fresh one first', async () => {
    for (const content of ['', '\u0000\u0001garbage']) {
      await acquireLock(lockPath, 'x').then((l) => l.release());
      await writeFile(lockPath, content);
      const logger = createMemoryLogger();
      const started = Date.now();
      const lock = await acquireLock(lockPath, './feedback-report', { logger, garbageAgeMs: 600 });
      // A fresh one was given until it was garbageAgeMs old (a holder of an older version may be writing it).
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(logger.lines.join('\n')).toMatch(/recovered a stale lock.*empty or unreadable/);
      expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(process.pid);
      await lock.release();
    }
    // An old one is taken over at once, with the default wait.
    await writeFile(lockPath, '');
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lockPath, old, old);
    const lock = await acquireWithoutWaiting(lockPath, './feedback-report');
    await lock.release();
  });

  it.skipIf(!mountable)('on a full disk fails naming the lock file and leaves no lock behind (tmpfs)', async () => {
    const disk = join(dir, 'disk');
    expect(mountTmpfs(disk, 64)).toBe(true);
    try {
      execFileSync('sh', ['-c', `dd if=/dev/zero of=${join(disk, 'filler')} bs=4096 2>/dev/null || true`]);
      const full = join(disk, '.feedback-themes.lock');
      const error = await acquireLock(full, 'out').catch((e: unknown) => e);
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      expect((error as NodeJS.ErrnoException).path).toMatch(/\.feedback-themes\.lock/);
      expect(readdirSync(disk)).toEqual(['filler']);
      // With space again, the next run takes the lock at once: nothing stale to wait for.
      rmSync(join(disk, 'filler'));
      const lock = await acquireWithoutWaiting(full, 'out');
      await lock.release();
    } finally {
      unmount(disk);
    }
  });

  it('treats a lock held on another host as held', async () => {
    await acquireLock(lockPath, 'x').then((l) => l.release());
    await writeFile(
      lockPath,
      JSON.stringify({ pid: 1, hostname: 'elsewhere.example', startedAt: '2026-01-01T00:00:00.000Z', command: 'run' }),
    );
    const error = await acquireLock(lockPath, './feedback-report').catch((e: unknown) => e);
    expect((error as CliError).exitCode).toBe(5);
    expect((error as CliError).message).toContain('pid 1 on elsewhere.example');
  });

  it('releases the lock when the holder is interrupted with SIGTERM or SIGINT, and ends as killed by it', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const holder = spawnFixture('hold-lock.ts', [lockPath, './feedback-report']);
      await holder.waitFor('locked');
      expect(existsSync(lockPath)).toBe(true);
      holder.child.kill(signal);
      // Killed by the signal (a shell shows 128 + its number), not an exit the process chose.
      expect(await holder.exited).toEqual({ code: null, signal });
      expect(holder.stderr()).toContain(`stopped by ${signal}`);
      expect(existsSync(lockPath)).toBe(false);
    }
  });

  it('leaves a lock behind on SIGKILL that the next run recovers', async () => {
    const holder = spawnFixture('hold-lock.ts', [lockPath, './feedback-report']);
    await holder.waitFor('locked');
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(existsSync(lockPath)).toBe(true);
    const logger = createMemoryLogger();
    const lock = await acquireLock(lockPath, './feedback-report', { logger });
    expect(logger.lines.join('\n')).toContain(`pid ${holder.child.pid}`);
    await lock.release();
  });
});

/**
 * Takes the lock and fails if it paused on the way: the lock waits only through a timer, so with
 * timers faked, any timer set before the lock is taken is a wait (no clock is read).
 */
async function acquireWithoutWaiting(lockPath: string, what: string) {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  try {
    let settled = false;
    const taking = acquireLock(lockPath, what, { logger: createMemoryLogger() }).finally(() => {
      settled = true;
    });
    while (!settled) {
      if (vi.getTimerCount() > 0) throw new Error(`acquireLock waited for ${lockPath}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return await taking;
  } finally {
    vi.useRealTimers();
  }
}
