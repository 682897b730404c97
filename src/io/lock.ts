// One run at a time per output folder and per store: a lock file created exclusively, naming
// its holder. A lock left by a process that no longer exists (killed, crashed, rebooted) is
// taken over, so a scheduled run never needs a human to clean up after a kill -9.

import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, stat, unlink } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { CliError, ExitCode } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { writingTo } from './environment.js';
import { endStoppedBy, STOP_SIGNALS } from './signals.js';

export interface Lock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** Where "recovered a stale lock" is reported; stderr by default. */
  logger?: Logger;
  /** A lock file that cannot be read (empty, garbled) is treated as stale once it is this old (ms). */
  garbageAgeMs?: number;
}

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
  /** Distinguishes this process's locks from an earlier process that had the same pid. */
  token?: string;
}

/** An unreadable lock younger than this is waited for; older, it is taken over. */
const DEFAULT_GARBAGE_AGE_MS = 2_000;

/** Locks held by this process, removed synchronously if it is interrupted or exits. */
const heldLocks = new Map<string, string>();
let handlersInstalled = false;

export async function acquireLock(lockPath: string, what: string, options: LockOptions = {}): Promise<Lock> {
  const logger = options.logger ?? createLogger();
  const garbageAgeMs = options.garbageAgeMs ?? DEFAULT_GARBAGE_AGE_MS;
  await makeFolder(dirname(lockPath));

  const token = randomBytes(8).toString('hex');
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
    token,
  };

  let waited = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(lockPath, holder)) {
      heldLocks.set(lockPath, token);
      installHandlers();
      return { release: () => release(lockPath, token) };
    }
    const existing = await readHolder(lockPath);
    if (existing === 'missing') continue; // released between our create and read: try again
    if (existing === 'unreadable') {
      // Locks are created whole (see tryCreate), so an empty or garbled one is left from a crash or
      // a full disk. A lock of an older version may be a moment from being written: give it until
      // it is garbageAgeMs old, then take it over.
      const age = await ageOf(lockPath);
      if (age === null) continue;
      if (age < garbageAgeMs && waited < garbageAgeMs) {
        const pause = Math.min(garbageAgeMs - age, 250);
        await sleep(pause);
        waited += pause;
        attempt--;
        continue;
      }
      logger.warn(
        `recovered a stale lock on ${what}: ${lockPath} was empty or unreadable (left by a run that crashed or ran out of disk space).`,
      );
      await unlink(lockPath).catch(ignoreMissing);
      continue;
    }
    if (isHolderAlive(existing)) {
      const host = existing.hostname === hostname() ? '' : ` on ${existing.hostname}`;
      throw new CliError(
        `another feedback-themes run (pid ${existing.pid}${host}, started ${existing.startedAt}) is using ${what}; ` +
          `wait for it to finish, or delete ${lockPath} if that process no longer exists.`,
        ExitCode.locked,
      );
    }
    logger.warn(
      `recovered a stale lock on ${what}: the run that held it (pid ${existing.pid}, started ${existing.startedAt}) no longer exists.`,
    );
    await removeIfUnchanged(lockPath, existing);
  }
  throw new CliError(
    `could not lock ${what}: ${lockPath} keeps reappearing; another run is probably starting. Try again.`,
    ExitCode.locked,
  );
}

/**
 * Creates the lock file whole: the holder is written to a temp file that is then hard-linked to
 * the lock's name (which fails if it exists), so a full disk never leaves an empty lock behind.
 * Where hard links are not supported the file is created exclusively and written, and removed
 * again if the write fails.
 */
async function tryCreate(lockPath: string, holder: LockHolder): Promise<boolean> {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writingTo(temp, () => writeWhole(temp, holder));
    try {
      await link(temp, lockPath);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error; // a full or read-only disk: the caller names the option that moves it
  }
  try {
    await writingTo(lockPath, () => handle.writeFile(`${JSON.stringify(holder)}\n`).then(() => handle.sync()));
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(lockPath).catch(() => {});
    throw error;
  }
  await handle.close();
  return true;
}

async function writeWhole(path: string, holder: LockHolder): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return 'unreadable';
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? ''),
      startedAt: String(parsed.startedAt ?? 'at an unknown time'),
      command: String(parsed.command ?? ''),
      token: parsed.token,
    };
  } catch {
    return 'unreadable';
  }
}

async function ageOf(path: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

function isHolderAlive(holder: LockHolder): boolean {
  // A process on another host cannot be checked from here: assume it is running.
  if (holder.hostname && holder.hostname !== hostname()) return true;
  // Our own pid: either this process holds it (a second lock on the same path is a conflict) or
  // an earlier process that had our pid died without releasing it.
  if (holder.pid === process.pid) return holder.token !== undefined && [...heldLocks.values()].includes(holder.token);
  return isPidAlive(holder.pid);
}

/** Removes a stale lock unless it changed since it was judged stale (another run may have just taken it over). */
async function removeIfUnchanged(lockPath: string, judged: LockHolder): Promise<void> {
  const now = await readHolder(lockPath);
  if (typeof now !== 'object') return;
  if (now.pid !== judged.pid || now.startedAt !== judged.startedAt || now.token !== judged.token) return;
  await unlink(lockPath).catch(ignoreMissing);
}

/**
 * True when a process with this pid runs on this host (EPERM: it exists but is not ours). A zombie
 * (killed, not yet reaped by its parent: seconds after a kill -9, longer in a container whose first
 * process reaps slowly) has finished and holds nothing.
 */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** Linux's /proc/<pid>/stat gives the state after the command's closing parenthesis; elsewhere, unknown (false). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  if (heldLocks.get(lockPath) !== token) return;
  heldLocks.delete(lockPath);
  // Only remove the file if it is still ours (it may have been deleted and re-taken by hand).
  const existing = await readHolder(lockPath);
  if (typeof existing === 'object' && existing.token === token) await unlink(lockPath).catch(ignoreMissing);
  if (heldLocks.size === 0) removeHandlers();
}

function releaseAllSync(): void {
  for (const [lockPath, token] of heldLocks) {
    try {
      const holder = JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
      if (holder.token === token) unlinkSync(lockPath);
    } catch {
      // Gone or unreadable: nothing of ours to remove.
    }
  }
  heldLocks.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAllSync();
  removeHandlers();
  // Someone else also handling the signal decides how the process ends.
  if (process.listenerCount(signal) > 0) return;
  endStoppedBy(signal, 'the output folder shows the last run that finished');
}

function onExit(): void {
  releaseAllSync();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function removeHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  process.off('exit', onExit);
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
