// Stable pseudonyms for people identified only by an email address or a name: the same person
// gets the same key on every run (so recurrence and history still work), and the key cannot be
// turned back into the identifier without the secret. The secret is 32 random bytes kept in the
// model cache folder (`pseudonym.key`, readable by its owner only), created on first use.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { writingTo } from '../io/environment.js';
import { join } from 'node:path';
import { CliError, ExitCode } from '../errors.js';

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

/** Reads the secret in `dir`, creating it (once, even with runs racing) when missing. */
export async function loadPseudonymSecret(dir: string): Promise<Uint8Array> {
  const file = join(dir, PSEUDONYM_KEY_FILE);
  const existing = await readSecret(file);
  if (existing) return existing;
  await mkdir(dir, { recursive: true });
  try {
    const handle = await open(file, 'wx', 0o600);
    try {
      // A failed write names no path by itself; a full disk must name this file.
      await writingTo(file, async () => {
        await handle.writeFile(`${randomBytes(KEY_BYTES).toString('hex')}\n`);
        await handle.sync();
      });
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let created = await readSecret(file);
  // Another run may have created the file and not yet written it.
  for (let attempt = 0; !created && attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    created = await readSecret(file);
  }
  if (!created) {
    throw new CliError(
      `${file} is not a pseudonym key (expected ${KEY_BYTES * 2} hex digits). Restore it from a backup to keep pseudonyms stable, ` +
        'or move it aside to start new ones.',
      ExitCode.usage,
    );
  }
  return created;
}

async function readSecret(file: string): Promise<Uint8Array | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    if (hex === '') return null; // being written by another run
    throw new CliError(
      `${file} is not a pseudonym key (expected ${KEY_BYTES * 2} hex digits). Restore it from a backup to keep pseudonyms stable, ` +
        'or move it aside to start new ones.',
      ExitCode.usage,
    );
  }
  return Buffer.from(hex, 'hex');
}
