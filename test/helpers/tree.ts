// A folder's files and their contents' SHA-256, to show that a run changed nothing it should not.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Relative path -> SHA-256 of every file under `dir` (symlinks as their target's name). */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else
        out[child] = createHash('sha256')
          .update(await readFile(path.join(dir, child)))
          .digest('hex');
    }
  };
  await walk('');
  return out;
}
