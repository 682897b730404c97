// Wraps an Embedder so each distinct text is embedded once: within a call (duplicates are
// common in feedback exports) and across runs (vectors cached in the store by text hash).

import type { Embedder } from '../types.js';
import { hashText, type Store } from './store.js';

export interface CacheStats {
  /** Distinct texts served from the store. */
  hits: number;
  /** Distinct texts the inner embedder had to embed. */
  misses: number;
  /** Distinct texts per call, summed over calls. */
  unique: number;
  /** Texts asked for, duplicates included. */
  requested: number;
}

export function createCachedEmbedder(inner: Embedder, givenStore: Store | null): Embedder & { stats(): CacheStats } {
  // Some embedders are cheaper to rerun than to look up; those only get the de-duplication.
  const store = inner.cacheable === false ? null : givenStore;
  const stats: CacheStats = { hits: 0, misses: 0, unique: 0, requested: 0 };

  async function embed(texts: string[]): Promise<Float32Array[]> {
    stats.requested += texts.length;
    if (texts.length === 0) return [];

    const hashByText = new Map<string, string>();
    for (const text of texts) if (!hashByText.has(text)) hashByText.set(text, hashText(text));
    stats.unique += hashByText.size;

    const vectorByHash = store
      ? await store.getVectors(inner.id, [...hashByText.values()])
      : new Map<string, Float32Array>();
    // A cached vector of the wrong length is stale (the embedder changed without a new id): re-embed.
    for (const [hash, vector] of vectorByHash) if (vector.length !== inner.dims) vectorByHash.delete(hash);

    const missing = [...hashByText].filter(([, hash]) => !vectorByHash.has(hash));
    stats.hits += hashByText.size - missing.length;
    stats.misses += missing.length;

    if (missing.length > 0) {
      const fresh = await inner.embed(missing.map(([text]) => text));
      if (fresh.length !== missing.length) {
        throw new Error(`embedder ${inner.id} returned ${fresh.length} vectors for ${missing.length} texts`);
      }
      const entries = missing.map(([, hash], i) => ({ hash, vector: fresh[i] }));
      for (const { hash, vector } of entries) vectorByHash.set(hash, vector);
      if (store) await store.putVectors(inner.id, entries);
    }

    // Duplicate texts share one vector object; callers treat vectors as read-only.
    return texts.map((text) => vectorByHash.get(hashByText.get(text)!)!);
  }

  const cached: Embedder & { stats(): CacheStats } = {
    id: inner.id,
    dims: inner.dims,
    embed,
    stats: () => ({ ...stats }),
  };
  if (inner.dispose) cached.dispose = () => inner.dispose!();
  return cached;
}
