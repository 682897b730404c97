// `mkdir -p` one level at a time. Node's recursive mkdir never returns where a file system answers
// ENOENT for a folder it cannot make under one that exists (/proc, /sys): `--out /proc/reports`
// hung a run for ever. Made here, the first level that cannot be made fails with its error.

import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  let folder = resolve(path);
  while ((await stat(folder).catch(() => null)) === null) {
    missing.unshift(folder);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      // Made meanwhile by another process (or a second run): fine, if it is a folder.
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
