// Where `model import` may write. A model id comes from a flag, a model card heading or an archive's
// folder names, all untrusted: it must name a folder strictly inside the model cache (`org/name` or
// `name`, no `.`/`..` segment, no other separator, not absolute), so no import can replace the cache
// itself, the pseudonym secret beside the models, or anything outside it. An existing destination
// is replaced only when it is a model folder; anything else is refused and named.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { cachedModelPath } from './catalog.js';
import { usageError, type CliError } from '../errors.js';
import { MODEL_META_FILE } from './meta.js';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** Why `id` cannot name a model in the cache, or null when it can. */
export function modelIdProblem(id: string, cacheDir: string): string | null {
  const segments = id.split('/');
  if (id.length === 0) return 'it is empty';
  if (path.isAbsolute(id) || /^[A-Za-z]:/.test(id)) return 'it is an absolute path';
  if (segments.length > 2) return 'it has more than one "/" (model ids are "org/name" or "name")';
  const bad = segments.find((s) => s === '.' || s === '..' || !SEGMENT.test(s));
  if (bad !== undefined) {
    return bad === '.' || bad === '..'
      ? `it has a "${bad}" segment`
      : `"${bad}" is not a folder name (letters, digits, ".", "_" and "-", starting with a letter or digit)`;
  }
  const root = path.resolve(cacheDir);
  const dir = path.resolve(cachedModelPath(id, cacheDir));
  if (!dir.startsWith(root + path.sep)) return 'it resolves outside the model cache';
  return null;
}

/** The id, or exit 2 naming it and where it came from. */
export function checkModelId(id: string, origin: string, cacheDir: string): string {
  const problem = modelIdProblem(id, cacheDir);
  if (problem)
    throw usageError(
      `model import: ${origin} ${JSON.stringify(id)} cannot be a model id: ${problem}. Give --name org/name (letters, digits, ".", "_", "-").`,
    );
  return id;
}

/**
 * Checks that `dir` may receive a model: absent, an empty folder, or a model folder (one this tool
 * imported, with its feedback-themes-model.json, or in the cache, one with a config.json).
 */
export async function checkDestination(dir: string, flag: '--out' | 'the model cache', cacheDir?: string): Promise<void> {
  // A model folder replaces what is there; the cache (with the pseudonym secret) is never one.
  const cache = cacheDir === undefined ? null : path.resolve(cacheDir);
  if (cache !== null && (cache === dir || cache.startsWith(dir + path.sep))) throw refused(dir, flag, 'it is the model cache, or holds it');
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (info === null) return;
  if (!info.isDirectory()) throw refused(dir, flag, 'it is an existing file, not a folder');
  const names = await readdir(dir);
  if (names.length === 0 || names.includes(MODEL_META_FILE)) return;
  if (flag === 'the model cache' && names.includes('config.json')) return;
  throw refused(dir, flag, 'it is a folder that holds other files, not a model folder');
}

function refused(dir: string, flag: string, why: string): CliError {
  const what =
    flag === '--out'
      ? 'Give --out a new or empty folder, or a model folder this tool imported (it has feedback-themes-model.json)'
      : 'Choose another --name';
  return usageError(`model import: will not write the model to ${dir} (${flag}): ${why}, and it would be replaced. ${what}.`);
}
