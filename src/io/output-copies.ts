// Where links cannot be made (Windows without Developer Mode, some network or FAT file systems)
// the run shown is copied to the top of the folder, file by file, each replaced by one rename,
// and `current` is a file naming the run folder, replaced last. The guarantee is weaker than with
// links: a kill while the files are replaced can leave a mix until the next run, which first puts
// back the run `current` names (a `.showing` mark says a switch was under way).
import { mkdir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from './atomic.js';
import { CURRENT, currentRun, EARLIER_OUTPUTS, entryKind, linkOrCopy, RUNS_FOLDER, SHOWN_MARK, tempSuffix } from './output-layout.js';

const SHOWING_MARK = '.showing';

/** Writes `current` as a file naming the run folder (or removes it), replaced in one rename. */
export async function writePointerFile(outDir: string, runId: string | null): Promise<void> {
  const path = join(outDir, CURRENT);
  if (runId === null) {
    await rm(path, { force: true });
  } else {
    const temp = join(outDir, `.${CURRENT}.${tempSuffix()}`);
    await writeFile(temp, `${RUNS_FOLDER}/${runId}\n`);
    if ((await entryKind(path)) === 'link') await unlink(path);
    await rename(temp, path);
  }
  await syncDirectory(outDir);
}

/** Copies a run (or nothing) to the top of the folder, then points `current` at it. */
export async function showByCopies(outDir: string, runId: string | null, onCopy?: () => void): Promise<void> {
  await writeFile(join(outDir, SHOWING_MARK), `${runId ?? ''}\n`);
  const folder = runId === null ? null : join(outDir, RUNS_FOLDER, runId);
  const names = folder ? (await readdir(folder)).filter((name) => name !== SHOWN_MARK) : [];
  for (const name of names) {
    await replaceWithCopy(join(folder!, name), outDir, name);
    onCopy?.();
  }
  // Outputs of the run shown before that this one did not write (rejects.csv, candidates/).
  for (const name of EARLIER_OUTPUTS) if (!names.includes(name)) await rm(join(outDir, name), { recursive: true, force: true });
  await syncDirectory(outDir);
  await writePointerFile(outDir, runId);
  await unlink(join(outDir, SHOWING_MARK));
}

async function replaceWithCopy(from: string, outDir: string, name: string): Promise<void> {
  const temp = join(outDir, `.${name}.${tempSuffix()}`);
  const target = join(outDir, name);
  if ((await entryKind(from)) === 'folder') {
    await mkdir(temp);
    for (const page of await readdir(from)) await linkOrCopy(join(from, page), join(temp, page));
    // A folder cannot be renamed over another: the old one is moved aside first.
    const aside = join(outDir, `.${name}.${tempSuffix()}`);
    await rename(target, aside).catch(() => {});
    await rename(temp, target);
    await rm(aside, { recursive: true, force: true });
    return;
  }
  await linkOrCopy(from, temp);
  if ((await entryKind(target)) === 'folder') await rm(target, { recursive: true, force: true });
  await rename(temp, target);
}

/** After a kill while copying: puts back the run `current` names. Returns whether it had to. */
export async function settleCopies(outDir: string): Promise<boolean> {
  if ((await entryKind(join(outDir, SHOWING_MARK))) !== 'file') return false;
  await showByCopies(outDir, await currentRun(outDir));
  return true;
}
