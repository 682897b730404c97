// The output folder's layout, shared by the two ways a run is shown (src/io/output-folder.ts
// with links, src/io/output-copies.ts where links cannot be made).
import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

export const RUNS_FOLDER = 'runs';
export const CURRENT = 'current';
/** Names a run of this tool may show at the top of the folder (every output's first segment). */
export const RUN_ID = /^\d{4}-\d{2}-\d{2}T\d{6}\.\d{3}Z-[0-9a-f]{6}$/;
/** Left in a run folder once it has been shown: a folder without it, not shown now, never was. */
export const SHOWN_MARK = '.shown';
/** `.<name>.<pid>.<random>.tmp`: a staging folder or temp link of a process that may have died. */
export const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Output names a run of an earlier version wrote straight into the folder. */
export const DIGESTS = 'candidates';
export const EARLIER_OUTPUTS = ['report.html', 'items.csv', 'segments.csv', 'summary.json', 'followup.csv', 'rejects.csv', DIGESTS];

export function tempSuffix(): string {
  return `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** The run the folder shows, or null (no run shown yet, or an earlier layout). */
export async function currentRun(outDir: string): Promise<string | null> {
  try {
    const path = join(outDir, CURRENT);
    // A link, or (where links cannot be made) a file naming the run folder.
    const pointer = await readlink(path).catch(async () => (await readFile(path, 'utf8')).trim());
    const target = pointer.replace(/\\/g, '/').replace(/\/$/, '');
    const id = target.split('/').pop() ?? '';
    return RUN_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

export async function entryKind(path: string): Promise<'missing' | 'link' | 'file' | 'folder' | 'other'> {
  const stats = await lstat(path).catch(() => null);
  if (!stats) return 'missing';
  if (stats.isSymbolicLink()) return 'link';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  return 'other';
}

export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}
