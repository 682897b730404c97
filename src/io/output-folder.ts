// The output folder shows one run's files, whole, whatever was killed when. Each run is written
// into its own dated folder, and one pointer says which run is shown:
//
//   report.html -> current/report.html     (one link per output name, made once, never changed)
//   candidates  -> current/candidates
//   current     -> runs/2026-03-01T101502.123Z-9f3a1c    (the pointer, replaced by one rename)
//   runs/<run id>/report.html, items.csv, …              (the last --keep runs: the archive)
//
// Every name a reader opens resolves through `current`, so at any instant (and after any kill)
// it sees the files of exactly one run; a name that run did not write (rejects.csv of an earlier
// run) is a dangling link, i.e. absent, until the next run tidies it. A run is written into
// `runs/.<id>.<pid>.<random>.tmp/`, synced, renamed to `runs/<id>/`, and shown by the switch.
// Where the pointer cannot be replaced in one rename (Windows refuses to rename over a folder
// link) it is removed and made again: a reader then briefly sees no run, never a mix.

import { lstat, mkdir, readdir, readlink, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../types.js';
import { assertPlainName, syncDirectory, writeSynced } from './atomic.js';
import { environmentErrorFor } from './environment.js';
import { isPidAlive } from './lock.js';
import { settleCopies, showByCopies, writePointerFile } from './output-copies.js';
import {
  CURRENT,
  currentRun,
  DIGESTS,
  EARLIER_OUTPUTS,
  entryKind,
  linkOrCopy,
  RUN_ID,
  RUNS_FOLDER,
  SHOWN_MARK,
  TEMP,
  tempSuffix,
} from './output-layout.js';

export { CURRENT, currentRun, RUNS_FOLDER } from './output-layout.js';

/** A run's outputs, complete and synced in `runs/<id>/`, not yet shown. */
export interface StagedRun {
  outDir: string;
  runId: string;
  /** `runs/<id>`, relative to outDir. */
  folder: string;
  files: { name: string; sha256: string }[];
}

function topLevelNames(files: readonly { name: string }[]): string[] {
  return [...new Set(files.map((file) => file.name.split('/')[0]))];
}

/** A plain name, or folder/name, that is not one of the folder's own (`runs`, `current`). */
function assertOutputName(name: string): void {
  assertPlainName(name);
  const first = name.split('/')[0];
  if (first === RUNS_FOLDER || first === CURRENT)
    throw new Error(`output name ${JSON.stringify(name)} is taken by the output folder's layout`);
}

/** Writes every output into `runs/<runId>/` (through a hidden staging folder); nothing shown changes. */
export async function stageRun(outDir: string, runId: string, outputs: OutputFile[], onFile?: () => void): Promise<StagedRun> {
  for (const output of outputs) assertOutputName(output.name);
  if (new Set(outputs.map((o) => o.name)).size !== outputs.length) throw new Error('output names must be unique');
  const runs = join(outDir, RUNS_FOLDER);
  await mkdir(runs, { recursive: true });
  const staging = join(runs, `.${runId}.${tempSuffix()}`);
  const staged: StagedRun = { outDir, runId, folder: `${RUNS_FOLDER}/${runId}`, files: [] };
  try {
    await mkdir(staging);
    const folders = new Set(outputs.map((o) => dirname(o.name)).filter((f) => f !== '.'));
    for (const folder of folders) await mkdir(join(staging, folder));
    for (const output of outputs) {
      staged.files.push({ name: output.name, sha256: await writeSynced(join(staging, output.name), output.content) });
      onFile?.();
    }
    for (const folder of folders) await syncDirectory(join(staging, folder));
    await syncDirectory(staging);
    await rename(staging, join(outDir, staged.folder));
    await syncDirectory(runs);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  return staged;
}

/** Deletes a run's folder (a run that was not shown, or one past --keep). */
export async function removeRunFolder(outDir: string, runId: string): Promise<void> {
  if (!RUN_ID.test(runId)) throw new Error(`not a run folder: ${runId}`);
  await rm(join(outDir, RUNS_FOLDER, runId), { recursive: true, force: true });
}

/** Run folders in `runs/`, oldest first. */
export async function runFolders(outDir: string): Promise<string[]> {
  const entries = await readdir(join(outDir, RUNS_FOLDER)).catch(() => [] as string[]);
  return entries.filter((name) => RUN_ID.test(name)).sort();
}

/** `name -> current/name`, made through a temp link and a rename so it replaces a file atomically. */
async function linkThroughCurrent(outDir: string, name: string, isFolder: boolean): Promise<void> {
  const temp = join(outDir, `.${name}.${tempSuffix()}`);
  await symlink(`${CURRENT}/${name}`, temp, isFolder ? 'dir' : 'file');
  try {
    await rename(temp, join(outDir, name));
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Points `current` at a run folder: one rename where the platform allows it. */
async function pointTo(outDir: string, runId: string): Promise<void> {
  const temp = join(outDir, `.${CURRENT}.${tempSuffix()}`);
  await symlink(`${RUNS_FOLDER}/${runId}`, temp, 'dir');
  try {
    await rename(temp, join(outDir, CURRENT));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'EISDIR') {
      await unlink(temp).catch(() => {});
      throw error;
    }
    // Windows: no rename over a folder link. Remove it and rename: briefly no run, never a mix.
    await unlink(join(outDir, CURRENT)).catch(() => {});
    await rename(temp, join(outDir, CURRENT));
  }
  await syncDirectory(outDir);
}

/**
 * Shows a staged run: makes the links its names need (they resolve through `current`, so nothing
 * shown changes yet), then switches `current` to it. Returns the run shown before, to switch back to.
 */
export async function showRun(staged: StagedRun, beforeSwitch?: () => void, onCopy?: () => void): Promise<{ previous: string | null }> {
  const { outDir } = staged;
  const links = await canLink(outDir);
  await adoptEarlierLayout(outDir, links);
  const previous = await currentRun(outDir);
  if (!links) {
    beforeSwitch?.();
    await showByCopies(outDir, staged.runId, onCopy);
    return { previous };
  }
  const folders = new Set(staged.files.filter((f) => f.name.includes('/')).map((f) => f.name.split('/')[0]));
  for (const name of topLevelNames(staged.files)) {
    const kind = await entryKind(join(outDir, name));
    if (kind === 'link') continue;
    if (kind !== 'missing') throw environmentErrorFor(kind === 'folder' ? 'is-a-folder' : 'is-a-file', join(outDir, name), { out: outDir });
    await linkThroughCurrent(outDir, name, folders.has(name));
  }
  beforeSwitch?.();
  await pointTo(outDir, staged.runId);
  return { previous };
}

/**
 * Something of the wrong kind where a run writes (a folder named report.html, a file named runs or
 * candidates) is refused before any work, not after minutes of classifying. Links are the folder's
 * own (or an adviser's), and are left to the switch.
 */
export async function checkFolderLayout(outDir: string): Promise<void> {
  const expected: [string, 'file' | 'folder'][] = [
    [RUNS_FOLDER, 'folder'],
    // A link, or (where links cannot be made) a file naming the run shown.
    [CURRENT, 'file'],
    ...EARLIER_OUTPUTS.map((name): [string, 'file' | 'folder'] => [name, outputKind(name)]),
  ];
  for (const [name, wanted] of expected) await entryOfKind(outDir, name, wanted);
}

/** What an output at the folder's top is: the digests' folder, else a file. */
function outputKind(name: string): 'file' | 'folder' {
  return name === DIGESTS ? 'folder' : 'file';
}

/** What stands at `name` (missing, a link, or `wanted`): something of another kind is refused (a folder named report.html). */
async function entryOfKind(outDir: string, name: string, wanted: 'file' | 'folder'): Promise<'missing' | 'link' | 'file' | 'folder'> {
  const kind = await entryKind(join(outDir, name));
  if (kind === 'missing' || kind === 'link' || kind === wanted) return kind;
  throw environmentErrorFor(kind === 'folder' ? 'is-a-folder' : 'is-a-file', join(outDir, name), { out: outDir });
}

/** Switches back to the run shown before (a run that could not be recorded), or to none. */
export async function showPrevious(outDir: string, previous: string | null): Promise<void> {
  if ((await entryKind(join(outDir, CURRENT))) === 'file') await showByCopies(outDir, previous);
  else if (previous) await pointTo(outDir, previous);
  else {
    await unlink(join(outDir, CURRENT)).catch(() => {});
    await syncDirectory(outDir);
  }
}

/** Whether a run folder is shown now or was shown before (and is kept as a past run). */
export async function wasShown(outDir: string, runId: string): Promise<boolean> {
  if ((await currentRun(outDir)) === runId) return true;
  return (await lstat(join(outDir, RUNS_FOLDER, runId, SHOWN_MARK)).catch(() => null)) !== null;
}

async function markShown(outDir: string, runId: string): Promise<void> {
  const mark = join(outDir, RUNS_FOLDER, runId, SHOWN_MARK);
  if ((await lstat(mark).catch(() => null)) === null) await writeFile(mark, '');
}

/**
 * Settles what a killed run left, before anything else reads the folder: staging folders and temp
 * links of dead processes go, run folders that were never shown go, links to names the shown run
 * did not write go, and only the newest `keep` runs stay (the one shown always among them).
 */
export async function tidyOutputFolder(outDir: string, keep: number): Promise<{ unshown: string[]; pruned: string[] }> {
  await removeDeadTemps(outDir);
  await removeDeadTemps(join(outDir, RUNS_FOLDER));
  await settleCopies(outDir);
  const current = await currentRun(outDir);
  if (current !== null) await markShown(outDir, current);
  const unshown: string[] = [];
  const pruned: string[] = [];
  const shown: string[] = [];
  for (const id of await runFolders(outDir)) {
    if (await wasShown(outDir, id)) shown.push(id);
    else {
      await removeRunFolder(outDir, id);
      unshown.push(id);
    }
  }
  for (const id of shown.slice(0, Math.max(0, shown.length - Math.max(1, keep)))) {
    if (id === current) continue;
    await removeRunFolder(outDir, id);
    pruned.push(id);
  }
  await removeDanglingLinks(outDir);
  await syncDirectory(outDir);
  return { unshown, pruned };
}

async function removeDeadTemps(folder: string): Promise<void> {
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    const match = TEMP.exec(entry);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isPidAlive(pid)) continue;
    await rm(join(folder, entry), { recursive: true, force: true }).catch(() => {});
  }
}

/** Links at the top whose target the shown run does not have (rejects.csv of an earlier run). */
async function removeDanglingLinks(outDir: string): Promise<void> {
  for (const entry of await readdir(outDir).catch(() => [] as string[])) {
    if (entry === CURRENT) continue;
    const path = join(outDir, entry);
    if ((await entryKind(path)) !== 'link') continue;
    const target = await readlink(path).catch(() => '');
    if (!target.replace(/\\/g, '/').startsWith(`${CURRENT}/`)) continue; // not one of ours
    if ((await lstat(join(outDir, target)).catch(() => null)) === null) await unlink(path).catch(() => {});
  }
}

/**
 * An output folder from before run folders holds the outputs themselves. They become a run folder
 * of their own (hard links, or copies) shown through `current`, and each is then replaced by its
 * link: every step shows the same content, so a kill half-way leaves the earlier report whole.
 */
async function adoptEarlierLayout(outDir: string, links: boolean): Promise<void> {
  const present: { name: string; kind: 'file' | 'folder' }[] = [];
  for (const name of EARLIER_OUTPUTS) {
    // Something else where an output goes (a folder named report.html): refuse before changing anything.
    const kind = await entryOfKind(outDir, name, outputKind(name));
    if (kind !== 'missing' && kind !== 'link') present.push({ name, kind });
  }
  if (present.length === 0) return;
  if ((await currentRun(outDir)) === null) {
    const stamp = await lstat(join(outDir, present[0].name));
    const id = `${stamp.mtime.toISOString().replace(/:/g, '')}-000000`.replace(/(\.\d{3}Z)-/, '$1-');
    const folder = join(outDir, RUNS_FOLDER, id);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    for (const { name, kind } of present) {
      if (kind === 'file') await linkOrCopy(join(outDir, name), join(folder, name));
      else {
        await mkdir(join(folder, name));
        for (const page of await readdir(join(outDir, name))) {
          if ((await entryKind(join(outDir, name, page))) === 'file') await linkOrCopy(join(outDir, name, page), join(folder, name, page));
        }
      }
    }
    await writeFile(join(folder, SHOWN_MARK), '');
    await syncDirectory(folder);
    if (links) await pointTo(outDir, id);
    else await writePointerFile(outDir, id);
  }
  if (!links) return; // the files stay: they are the copies of the run shown
  for (const { name, kind } of present) {
    if (kind === 'file') await linkThroughCurrent(outDir, name, false);
    else {
      // A folder cannot be renamed over: moved aside, then linked (a moment without the pages).
      const aside = join(outDir, `.${name}.${tempSuffix()}`);
      await rename(join(outDir, name), aside);
      await linkThroughCurrent(outDir, name, true);
      await rm(aside, { recursive: true, force: true });
    }
  }
  await syncDirectory(outDir);
}

/** Whether this folder can hold the links (not every file system or Windows account can). */
export async function canLink(outDir: string): Promise<boolean> {
  if (process.env.FEEDBACK_THEMES_TEST_NO_LINKS === '1') return false; // tests: a file system without links
  const probe = join(outDir, `.link-probe.${tempSuffix()}`);
  try {
    await symlink(CURRENT, probe, 'dir');
  } catch (error) {
    // Only these say "no links here"; a full disk or a read-only folder is reported as such.
    if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
  await unlink(probe).catch(() => {});
  return true;
}
