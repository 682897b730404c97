// A VectorCache kept in one file between runs of a measurement script, so refitting does not
// embed or score the same labelled sentences again. Not for the tool itself (its store does this).

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { memoryVectorCache, type VectorCache } from '../../src/classify/cache.js';

// `scope` (e.g. a digest of the classifying code) prefixes every namespace, so vectors and scores
// kept under one scope are never read under another.
export async function fileVectorCache(file: string, scope = ''): Promise<VectorCache & { save(): Promise<void> }> {
  const scoped = (namespace: string) => (scope ? `${scope}:${namespace}` : namespace);
  const memory = memoryVectorCache();
  const entries: Record<string, Record<string, string>> = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
  for (const [namespace, byHash] of Object.entries(entries)) {
    const vectors = Object.entries(byHash).map(([hash, base64]) => {
      const bytes = Buffer.from(base64, 'base64');
      return { hash, vector: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
    });
    await memory.putVectors(namespace, vectors);
  }
  return {
    getVectors: (namespace, hashes) => memory.getVectors(scoped(namespace), hashes),
    async putVectors(namespace, list) {
      await memory.putVectors(scoped(namespace), list);
      entries[scoped(namespace)] ??= {};
      const byHash = entries[scoped(namespace)];
      for (const { hash, vector } of list)
        byHash[hash] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
    },
    // Kept under another scope, entries are never read again: only this scope's are written back, so
    // the file does not grow with every change to the code it is scoped by.
    save: () => {
      const kept = Object.entries(entries).filter(([namespace]) => !scope || namespace.startsWith(`${scope}:`));
      return writeFile(file, JSON.stringify(Object.fromEntries(kept)));
    },
  };
}
