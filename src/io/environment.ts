// Problems of the machine rather than of this tool (a full disk, a read-only folder, a file where a
// folder should be) are the user's to fix: they become a CliError (exit 2) that names the path and
// says what to do, never "this is a bug" with a stack trace.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import { dirname, resolve, sep } from 'node:path';
import { CliError, ExitCode } from '../errors.js';

/** Where the run writes, so a message can name the option that moves it elsewhere. */
export interface WriteTargets {
  out?: string;
  store?: string | null;
  /** The model cache (--cache-dir). */
  cache?: string;
  /** Where the pseudonym secret is kept without a store (--state-dir). */
  state?: string;
  /** How far the run got: 'committed' once its outputs are shown and its run recorded. */
  recorded?: 'nothing' | 'committed';
}

type Problem = 'full' | 'read-only' | 'permission' | 'not-a-folder' | 'is-a-file' | 'is-a-folder' | 'cannot-create';

const ERRNO_PROBLEMS: Record<string, Problem> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EROFS: 'read-only',
  EACCES: 'permission',
  EPERM: 'permission',
  ENOTDIR: 'not-a-folder',
  EEXIST: 'is-a-file',
  EISDIR: 'is-a-folder',
};

/** DuckDB reports I/O failures as text: `IO Error: Could not write file "x": No space left on device`. */
const MESSAGE_PROBLEMS: [RegExp, Problem][] = [
  [/no space left on device|disk quota exceeded|file too large/i, 'full'],
  [/read-only file system/i, 'read-only'],
  [/permission denied|operation not permitted/i, 'permission'],
];

const DESCRIPTIONS: Record<Problem, string> = {
  full: 'the disk is full (no space left on device)',
  'read-only': 'it is on a read-only file system',
  permission: 'permission denied',
  'not-a-folder': 'part of that path is a file, not a folder',
  'is-a-file': 'it is a file, not a folder',
  'is-a-folder': 'a folder is in the way where a file should be written',
  'cannot-create': 'the folder cannot be created',
};

/** The problem an error stands for, and the path it names, when it is an environment problem. */
export function environmentProblem(error: unknown): { problem: Problem; path: string | null } | null {
  if (!(error instanceof Error)) return null;
  const errno = error as NodeJS.ErrnoException & { dest?: string };
  const code = errno.code;
  // makeFolder makes one level at a time under one that exists: ENOENT there is a folder the file
  // system will not make (/proc, /sys), not a missing parent.
  if (code === 'ENOENT' && errno.syscall === 'mkdir') return { problem: 'cannot-create', path: errno.path ?? null };
  if (code && Object.hasOwn(ERRNO_PROBLEMS, code) && (errno.path || errno.syscall)) {
    return { problem: ERRNO_PROBLEMS[code], path: errno.dest ?? errno.path ?? null };
  }
  for (const [pattern, problem] of MESSAGE_PROBLEMS) {
    if (pattern.test(error.message)) {
      const quoted = /"([^"]+)"|'([^']+)'/.exec(error.message);
      return { problem, path: quoted ? (quoted[1] ?? quoted[2]) : null };
    }
  }
  return null;
}

function isInside(path: string, folder: string): boolean {
  const p = resolve(path);
  const f = resolve(folder);
  return p === f || p.startsWith(f.endsWith(sep) ? f : f + sep);
}

type Target = 'store' | 'out' | 'cache' | 'state' | null;

function targetOf(path: string, targets: WriteTargets): Target {
  const store = targets.store ?? null;
  // The store's folder too: made for it (and its lock) when missing.
  if (store !== null && (path === store || resolve(path).startsWith(resolve(store)) || resolve(path) === dirname(resolve(store))))
    return 'store';
  if (targets.out !== undefined && isInside(path, targets.out)) return 'out';
  if (targets.cache !== undefined && isInside(path, targets.cache)) return 'cache';
  if (targets.state !== undefined && isInside(path, targets.state)) return 'state';
  return null;
}

/** What the run left behind, so the message never claims less or more than happened. */
function outcome(target: Target, targets: WriteTargets): string {
  if (targets.recorded === 'committed') {
    return `This run's report is in place${targets.store ? ' and the run is recorded in the store' : ''}; only the work after that failed (the next run repeats it).`;
  }
  // A healthy store that cannot be written is not damaged: say so.
  if (target === 'store') return 'The store itself is unchanged; nothing from this run was recorded.';
  if (target === 'out') return 'The previous report is unchanged.';
  return `Nothing from this run was recorded${targets.out ? '; the previous report is unchanged' : ''}.`;
}

const OPTION_FOR: Record<Exclude<Target, null | 'store'>, string> = {
  out: '--out DIR',
  cache: '--cache-dir DIR',
  state: '--state-dir DIR',
};

function fixFor(problem: Problem, path: string, targets: WriteTargets): string {
  const target = targetOf(path, targets);
  const after = outcome(target, targets);
  if (target === 'store') {
    // Never suggest deleting the store.
    if (problem === 'full')
      return `Free some space on that disk, or move the store to another disk with --store FILE, and run again. ${after}`;
    if (problem === 'read-only' || problem === 'permission') {
      return `Make the store and its folder writable for this user, choose another file with --store FILE, or run with --no-store. ${after}`;
    }
    return `Choose another file with --store FILE, or run with --no-store.`;
  }
  const option = target === null ? null : OPTION_FOR[target];
  const elsewhere = option ? `, or choose another folder with ${option}` : ', or choose another location';
  switch (problem) {
    case 'full':
      return `Free some space on that disk${elsewhere}, and run again. ${after}`;
    case 'read-only':
    case 'permission':
      return `Make it writable for this user${elsewhere}.`;
    case 'not-a-folder':
      return target === 'out'
        ? `--out needs a folder path; a file stands where a folder is needed. Move it aside or choose another folder with --out DIR.`
        : `Move the file aside${elsewhere}.`;
    case 'is-a-file':
      // A file named `runs` inside the folder is in the way; the folder itself is fine.
      return target === 'out' && resolve(path) === resolve(targets.out!)
        ? `--out names the folder for the report; give a folder (it is created when missing), not a file.`
        : `Move the file aside${elsewhere}.`;
    case 'is-a-folder':
      return `Move the folder aside${elsewhere}.`;
    case 'cannot-create':
      return `Create it yourself or choose a folder that can be created${elsewhere}.`;
  }
}

/** Attaches `path` to a file-system error that lacks one (a failed write on an open file has none). */
export async function writingTo<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const errno = error as NodeJS.ErrnoException;
    if (error instanceof Error && typeof errno.code === 'string' && !errno.path) errno.path = path;
    throw error;
  }
}

/** A CliError (exit 2) for an environment problem, or null when the error is something else. */
export function toEnvironmentError(error: unknown, targets: WriteTargets = {}): CliError | null {
  if (error instanceof CliError) return null;
  const found = environmentProblem(error);
  if (!found) return null;
  if (found.path === null) {
    // Never guess which disk: name every place the run writes.
    const places = [
      targets.out && `the output folder ${targets.out}`,
      targets.store && `the store ${targets.store}`,
      targets.cache && `the model cache ${targets.cache}`,
    ].filter(Boolean);
    const where = places.length > 0 ? ` on the disk of ${places.join(', or ')}` : '';
    return new CliError(
      `cannot write${where}: ${DESCRIPTIONS[found.problem]}. Free some space or fix that disk, and run again. ${outcome(null, targets)}`,
      ExitCode.usage,
      { cause: error },
    );
  }
  return environmentErrorFor(found.problem, found.path, targets, error);
}

export function environmentErrorFor(problem: Problem, path: string, targets: WriteTargets, cause?: unknown): CliError {
  return new CliError(`cannot write ${path}: ${DESCRIPTIONS[problem]}. ${fixFor(problem, path, targets)}`, ExitCode.usage, { cause });
}

/** The output folder exists (or is created) and can be written, or a CliError says why not. */
export async function prepareOutFolder(out: string): Promise<void> {
  const targets = { out };
  const existing = await stat(out).catch(() => null);
  if (existing && !existing.isDirectory()) throw environmentErrorFor('is-a-file', out, targets);
  if (!existing) {
    try {
      await makeFolder(out);
    } catch (error) {
      // Some file systems answer ENOENT for a folder that cannot be made: ask the nearest folder that exists.
      const why = toEnvironmentError(error, targets) ? error : await writeProblemOfAncestor(out);
      const found = why ? environmentProblem(why) : null;
      throw environmentErrorFor(found?.problem ?? 'cannot-create', out, targets, error);
    }
  }
  try {
    await access(out, constants.W_OK);
  } catch (error) {
    throw toEnvironmentError(error, targets) ?? error;
  }
}

async function writeProblemOfAncestor(path: string): Promise<unknown> {
  let folder = dirname(resolve(path));
  while (!(await stat(folder).catch(() => null))) {
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
  return access(folder, constants.W_OK).then(
    () => null,
    (error: unknown) => error,
  );
}
