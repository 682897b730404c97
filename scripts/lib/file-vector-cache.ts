// A VectorCache kept in one file between runs of a measurement script, so refitting does not
// embed or score the same labelled sentences again. Not for the tool itself (its store does this).

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { memoryVectorCache, type VectorCache } from '../../src/classify/cache.js';

export async function fileVectorCache(file: string): Promise<VectorCache & { save(): Promise<void> }> {
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
    getVectors: (namespace, hashes) => memory.getVectors(namespace, hashes),
    async putVectors(namespace, list) {
      await memory.putVectors(namespace, list);
      entries[namespace] ??= {};
      const byHash = entries[namespace];
      for (const { hash, vector } of list)
        byHash[hash] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
    },
    save: () => writeFile(file, JSON.stringify(entries)),
  };
}
