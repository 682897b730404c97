// Stable pseudonyms for people identified only by an email address or a name: the same person
// gets the same key on every run (so recurrence and history still work), and the key cannot be
// turned back into the identifier without the secret. The same secret keys the references
// ("Candidate 4K7QXM", see reference.ts).
//
// The secret is state, not cache: 32 random bytes beside the store (`<store>.key`) or, with
// --no-store, under $XDG_STATE_HOME/feedback-themes/ — readable by its owner only and never
// overwritten. Losing it would silently give every student a new reference, so a missing secret
// next to a store that has history stops the run.
import { createHmac, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, link, readFile, rm, writeFile } from 'node:fs/promises';
import { makeFolder } from '../io/make-folder.js';
import os from 'node:os';
import path from 'node:path';
import { writingTo } from '../io/environment.js';
import { CliError, ExitCode } from '../errors.js';
import type { Logger } from '../logger.js';

/** The secret's file name in a folder (the state folder, and where older versions kept it). */
export const PSEUDONYM_KEY_FILE = 'pseudonym.key';
const KEY_BYTES = 32;

export type Pseudonymise = (identifier: string) => string;

/** `p-` and 12 hex digits of HMAC-SHA256(secret, identifier without case or extra spaces). */
export function pseudonymiser(secret: Uint8Array): Pseudonymise {
  const cache = new Map<string, string>();
  return (identifier) => {
    const normalised = identifier.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
    let key = cache.get(normalised);
    if (key === undefined) {
      key = `p-${createHmac('sha256', secret).update(normalised).digest('hex').slice(0, 12)}`;
      cache.set(normalised, key);
    }
    return key;
  };
}

/** $FEEDBACK_THEMES_STATE, else $XDG_STATE_HOME/feedback-themes, else ~/.local/state/feedback-themes. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.FEEDBACK_THEMES_STATE?.trim();
  if (explicit) return path.resolve(explicit);
  const xdg = env.XDG_STATE_HOME?.trim();
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'feedback-themes');
  return path.join(env.HOME?.trim() || os.homedir(), '.local', 'state', 'feedback-themes');
}

/** Where a run's secret lives: beside its store, or in the state folder without one. */
export function secretPath(store: string | null, stateDir: string): string {
  return store ? `${path.resolve(store)}.key` : path.join(stateDir, PSEUDONYM_KEY_FILE);
}

export interface SecretLocation {
  file: string;
  /** Where older versions kept the secret (the model cache): copied from on first use. */
  legacyDir: string;
  /** The store the secret belongs to, and whether it holds runs made with it. */
  store: { path: string; hasHistory: () => Promise<boolean> } | null;
  logger?: Logger;
}

/** Reads the run's secret; copies it from its old place, or creates it, when it is missing. */
export async function loadPseudonymSecret(location: SecretLocation): Promise<Uint8Array> {
  const { file } = location;
  const existing = await readSecret(file);
  if (existing) return existing;
  const legacyFile = path.join(location.legacyDir, PSEUDONYM_KEY_FILE);
  const legacy = path.resolve(legacyFile) === path.resolve(file) ? null : await readSecret(legacyFile, { optional: true });
  if (legacy) {
    // Copied, not moved: other stores may still need it for their own first run.
    await createSecret(file, legacy);
    location.logger?.info(`copied the pseudonym secret from the model cache (${legacyFile}) to ${file}; keep ${file} with the store`);
    return (await readSecret(file))!;
  }
  if (location.store && (await location.store.hasHistory())) {
    throw new CliError(
      `${file}: the pseudonym secret is missing, but the store ${location.store.path} holds earlier runs made with it. ` +
        `Without it every student would get a new reference. Restore ${file} from a backup, ` +
        'or give a new --store to start new references.',
      ExitCode.usage,
    );
  }
  await createSecret(file, randomBytes(KEY_BYTES));
  location.logger?.info(`created the pseudonym secret ${file}: keep it (and back it up) with the store, or every reference changes`);
  return (await readSecret(file))!;
}

/** Writes the secret whole under a temporary name and links it into place: never half a file,
 * never over an existing one (a run that loses the race reads the winner's). */
async function createSecret(file: string, secret: Uint8Array): Promise<void> {
  await makeFolder(path.dirname(file));
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // A failed write names no path by itself; a full disk must name this file.
    await writingTo(file, () => writeFile(temp, `${Buffer.from(secret).toString('hex')}\n`, { mode: 0o600, flag: 'wx' }));
    await link(temp, file).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      // File systems without hard links: an exclusive copy never overwrites either.
      if (error.code !== 'EPERM' && error.code !== 'ENOTSUP') throw error;
      await copyFile(temp, file, fsConstants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
        if (copyError.code !== 'EEXIST') throw copyError;
      });
    });
  } finally {
    await rm(temp, { force: true });
  }
}

async function readSecret(file: string, options: { optional?: boolean } = {}): Promise<Uint8Array | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || (options.optional && code === 'ENOTDIR')) return null;
    if (options.optional) return null;
    throw new CliError(
      `${file}: cannot read the pseudonym secret (${code ?? (error as Error).message}). Give this user read access to it, ` +
        'or restore it from a backup; it is not replaced.',
      ExitCode.usage,
    );
  }
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    if (options.optional) return null;
    const what = hex === '' ? 'is empty' : `holds ${hex.length} characters`;
    throw new CliError(
      `${file}: not a pseudonym secret (it ${what}; expected ${KEY_BYTES * 2} hex digits). Restore it from a backup to keep ` +
        'references stable, or move it aside to start new ones; it is not replaced.',
      ExitCode.usage,
    );
  }
  return Buffer.from(hex, 'hex');
}
