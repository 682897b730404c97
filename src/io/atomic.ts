// Outputs appear all at once or not at all: every file is written and synced to a temp file in
// the output folder first, and only then renamed into place. A reader (or a run killed half-way)
// never sees a truncated report.html or a report.html that disagrees with items.csv.

import { createHash, randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../types.js';
import { environmentErrorFor, writingTo } from './environment.js';
import { isPidAlive } from './lock.js';

/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHUNK_CHARS = 1 << 20;

export interface WriteOutputsOptions {
  /** Output names to delete when not produced this time (e.g. an old rejects.csv). */
  removeStale?: string[];
  /** Files in a subfolder to delete when not produced this time (e.g. pages of an earlier run);
   * the folder goes too when that leaves it empty. */
  removeStaleIn?: { folder: string; pattern: RegExp }[];
  /** Called after every temp file is written and synced, before any is renamed into place. */
  beforeCommit?: () => void | Promise<void>;
}

/** `.report.html.<pid>.<random>.tmp` (and `.bak.tmp` for the short-lived backups). */
const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]+)(\.bak)?\.tmp$/;

/** Beside its output, in the same folder, so the rename is atomic. */
function tempName(name: string, suffix = ''): string {
  const folder = dirname(name);
  const temp = `.${basename(name)}.${process.pid}.${randomBytes(4).toString('hex')}${suffix}.tmp`;
  return folder === '.' ? temp : `${folder}/${temp}`;
}

function isPlainSegment(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[\\]/.test(segment) && !segment.includes('\0');
}

/** A plain file name, or one folder and a plain file name. */
export function assertPlainName(name: string): void {
  const segments = name.split('/');
  if (segments.length > 2 || !segments.every(isPlainSegment)) {
    throw new Error(`output name must be a plain file name or folder/name, got ${JSON.stringify(name)}`);
  }
}

export async function writeOutputsAtomically(outDir: string, files: OutputFile[], options: WriteOutputsOptions = {}): Promise<void> {
  const staged = await stageOutputs(outDir, files);
  try {
    await options.beforeCommit?.();
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  const landed = await landOutputs(staged, options);
  await landed.finish();
}

/** Outputs written and synced to temp files beside their final names, not yet in place. */
export interface StagedOutputs {
  outDir: string;
  /** Final name, temp file name (relative to outDir) and SHA-256 of the content, per output. */
  files: { name: string; temp: string; sha256: string }[];
}

/** Writes every output to a synced temp file in `outDir`; nothing visible changes yet. */
export async function stageOutputs(outDir: string, files: OutputFile[]): Promise<StagedOutputs> {
  for (const file of files) assertPlainName(file.name);
  const names = new Set(files.map((f) => f.name));
  if (names.size !== files.length) throw new Error('output names must be unique');
  await makeFolder(outDir);
  for (const folder of new Set(files.map((f) => dirname(f.name)).filter((folder) => folder !== '.'))) {
    await mkdir(join(outDir, folder), { recursive: true });
  }
  const staged: StagedOutputs = { outDir, files: [] };
  try {
    for (const file of files) {
      const entry = { name: file.name, temp: tempName(file.name), sha256: '' };
      staged.files.push(entry);
      entry.sha256 = await writeSynced(join(outDir, entry.temp), file.content);
    }
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  return staged;
}

export async function discardStaged(staged: StagedOutputs): Promise<void> {
  await Promise.all(staged.files.map(({ temp }) => unlink(join(staged.outDir, temp)).catch(() => {})));
}

/** Outputs in place, with the previous ones kept aside until `finish` (or put back by `undo`). */
export interface LandedOutputs {
  /** Drops the kept-aside previous outputs and stale pages: the new outputs are final. */
  finish(): Promise<void>;
  /** Puts the previous outputs back exactly as they were. */
  undo(): Promise<void>;
}

/**
 * Renames staged outputs into place and moves stale ones aside. On an error every rename already
 * done is undone (the previous outputs come back from hard-link backups) and the temps removed.
 */
export async function landOutputs(
  staged: StagedOutputs,
  options: Pick<WriteOutputsOptions, 'removeStale' | 'removeStaleIn'> = {},
  afterEachRename?: () => void,
): Promise<LandedOutputs> {
  const { outDir } = staged;
  const temps = staged.files.map(({ name, temp }) => ({ name, temp: join(outDir, temp) }));
  const names = new Set(temps.map((t) => t.name));
  const backups: { name: string; backup: string }[] = [];
  const committed: string[] = [];
  const staleAside: { name: string; backup: string }[] = [];
  const undo = async () => {
    await Promise.all(temps.map(({ temp }) => unlink(temp).catch(() => {})));
    // Undo renames already done: put the previous outputs back (new outputs had none to restore).
    for (const name of committed) {
      const backup = backups.find((b) => b.name === name);
      if (backup) await rename(backup.backup, join(outDir, name)).catch(() => {});
      else await unlink(join(outDir, name)).catch(() => {});
    }
    for (const { name, backup } of staleAside) await rename(backup, join(outDir, name)).catch(() => {});
    await Promise.all(backups.map(({ backup }) => unlink(backup).catch(() => {})));
    await syncDirectory(outDir);
  };
  try {
    // Something other than a file where an output goes (a folder named report.html) would make
    // a rename fail half-way: refuse before replacing anything.
    for (const { name } of temps) {
      const existing = await lstat(join(outDir, name)).catch(() => null);
      if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
        throw environmentErrorFor('is-a-folder', join(outDir, name), { out: outDir });
      }
    }
    // Hard-link backups of the outputs being replaced, so the renames can be undone.
    for (const { name } of temps) {
      const backup = join(outDir, tempName(name, '.bak'));
      try {
        await link(join(outDir, name), backup);
        backups.push({ name, backup });
      } catch {
        // No previous output, or a filesystem without hard links: nothing to restore.
      }
    }
    for (const { name, temp } of temps) {
      await rename(temp, join(outDir, name));
      committed.push(name);
      afterEachRename?.();
    }
    for (const stale of options.removeStale ?? []) {
      if (names.has(stale)) continue;
      assertPlainName(stale);
      const backup = join(outDir, tempName(stale, '.bak'));
      try {
        await rename(join(outDir, stale), backup);
        staleAside.push({ name: stale, backup });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await syncDirectory(outDir);
  } catch (error) {
    await undo();
    throw error;
  }
  return {
    undo,
    finish: async () => {
      await Promise.all([...backups, ...staleAside].map(({ backup }) => unlink(backup).catch(() => {})));
      for (const { folder, pattern } of options.removeStaleIn ?? []) await removeStaleIn(outDir, folder, pattern, names);
      await syncDirectory(outDir);
    },
  };
}

async function removeStaleIn(outDir: string, folder: string, pattern: RegExp, produced: ReadonlySet<string>): Promise<void> {
  assertPlainName(folder);
  const path = join(outDir, folder);
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw error;
  }
  for (const entry of entries) {
    if (!pattern.test(entry) || produced.has(`${folder}/${entry}`)) continue;
    await unlink(join(path, entry)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await syncDirectory(path);
  // Only an empty folder goes: anything the user put there stays.
  await rmdir(path).catch(() => {});
}

/** Writes, syncs and returns the SHA-256 (hex) of what was written; a failure names `path`. */
export function writeSynced(path: string, content: OutputFile['content']): Promise<string> {
  return writingTo(path, () => writeSyncedUnnamed(path, content));
}

async function writeSyncedUnnamed(path: string, content: OutputFile['content']): Promise<string> {
  const digest = createHash('sha256');
  const whole = typeof content === 'string' || content instanceof Uint8Array;
  if (!whole && typeof (content as Partial<Iterable<string>>)?.[Symbol.iterator] !== 'function') {
    throw new TypeError(`output content for ${path} must be a string, bytes or pieces of text`);
  }
  const handle = await open(path, 'wx');
  try {
    if (whole) {
      digest.update(content);
      await handle.writeFile(content);
    } else {
      let pending: string[] = [];
      let size = 0;
      for (const piece of content) {
        pending.push(piece);
        size += piece.length;
        if (size >= WRITE_CHUNK_CHARS) {
          const chunk = pending.join('');
          digest.update(chunk);
          await handle.write(chunk);
          pending = [];
          size = 0;
        }
      }
      if (pending.length > 0) {
        const chunk = pending.join('');
        digest.update(chunk);
        await handle.write(chunk);
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return digest.digest('hex');
}

/** Makes the renames durable; not every platform can open a directory, which is fine. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort.
  }
}

/** Removes temp files left in `outDir` (and in the given output subfolders) by runs that were
 * killed (their pid no longer exists). Returns their names, relative to `outDir`. */
export async function cleanupStaleTempFiles(outDir: string, subfolders: readonly string[] = []): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of ['.', ...subfolders]) {
    const path = folder === '.' ? outDir : join(outDir, folder);
    let entries: string[];
    try {
      entries = await readdir(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw error;
    }
    for (const entry of entries) {
      const match = TEMP_NAME.exec(entry);
      if (!match) continue;
      const pid = Number(match[2]);
      if (pid === process.pid || isPidAlive(pid)) continue;
      try {
        await unlink(join(path, entry));
        removed.push(folder === '.' ? entry : `${folder}/${entry}`);
      } catch {
        // Already gone, or not ours to remove.
      }
    }
  }
  return removed.sort();
}
