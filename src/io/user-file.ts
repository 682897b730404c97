// Files the user names (exports, taxonomies, thresholds, labels, config): opening one that is
// missing, unreadable or a folder is a usage error that names the file and says what to do.

import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { usageError } from '../errors.js';

export interface UserFile {
  /** What the file is, for the message: "the taxonomy file". */
  what: string;
  /** What to do about it: "Check the path given to --taxonomy." */
  hint: string;
}

/** `PATH: cannot read the taxonomy file: no such file. Check the path given to --taxonomy.` */
function unreadable(path: string, file: UserFile, why: string): Error {
  return usageError(`${path}: cannot read ${file.what}: ${why}. ${file.hint}`);
}

function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return code ?? (error as Error).message;
}

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** Opens a user's file for reading; the caller closes the handle. */
export async function openUserFile(path: string, file: UserFile): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    // Non-blocking, so a named pipe (FIFO) is refused below instead of waiting for a writer forever.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(path, file, describeErrno(error));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw unreadable(path, file, stat.isDirectory() ? 'it is a folder, not a file' : `it is ${specialKind(stat)}, not a regular file`);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A user's text file, whole, as UTF-8. */
export async function readUserText(path: string, file: UserFile): Promise<string> {
  return (await readUserBytes(path, file)).toString('utf8');
}

/** The file's bytes, for files that may come in a spreadsheet's encoding rather than UTF-8. */
export async function readUserBytes(path: string, file: UserFile): Promise<Buffer> {
  const handle = await openUserFile(path, file);
  try {
    return await handle.readFile();
  } catch (error) {
    throw unreadable(path, file, describeErrno(error));
  } finally {
    await handle.close();
  }
}
