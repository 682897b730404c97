// A model file's identity for the embedding cache: a short digest of its bytes, remembered in the
// model cache dir so runs do not re-hash a 90 MB model.

import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Hashing a 90 MB file takes a moment; runs that embed several times reuse the digest.
const digestMemo = new Map<string, string>();

/** Digests already computed, kept in the model cache dir so each run does not re-read the model. */
export const DIGEST_MEMO_FILE = '.digests.json';

/**
 * First 12 hex digits of the file's sha256: the model's identity for the embedding cache. With
 * `memoFile`, digests persist across processes, keyed by path, size, modification time and inode,
 * so a replaced or edited file is hashed again.
 */
export async function fileDigest(file: string, memoFile?: string): Promise<string> {
  const info = statSync(file);
  const key = `${path.resolve(file)}:${info.size}:${info.mtimeMs}:${info.ino}`;
  const memo = memoFile ? await readDigestMemo(memoFile) : digestMemo;
  const known = memo.get(key);
  if (known && /^[0-9a-f]{12}$/.test(known)) return known;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const digest = hash.digest('hex').slice(0, 12);
  memo.set(key, digest);
  if (memoFile) await writeDigestMemo(memoFile, memo);
  return digest;
}

async function readDigestMemo(memoFile: string): Promise<Map<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(memoFile, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  } catch {
    // Missing or unreadable: start afresh; the memo only saves time.
  }
  return new Map();
}

async function writeDigestMemo(memoFile: string, memo: Map<string, string>): Promise<void> {
  // Best effort (the cache dir may be read-only); written whole and renamed so readers never see half.
  const temp = `${memoFile}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(memoFile), { recursive: true });
    await writeFile(temp, JSON.stringify(Object.fromEntries(memo)));
    await rename(temp, memoFile);
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}
