// The classifier's one cache, for vectors and for scores: each distinct text is embedded once
// within a call (duplicates are common in feedback exports), and across runs its vector and its
// theme scores are kept by text hash in a VectorCache (the store implements it).

import { hashText } from '../hash.js';
import type { Embedder } from '../types.js';
import { CLAUSE_ROLES } from './roles/model.js';
import type { ThemeScores } from './units.js';

/** Float vectors kept per text hash under a namespace; the store implements it. */
export interface VectorCache {
  getVectors(namespace: string, textHashes: string[]): Promise<Map<string, Float32Array>>;
  /** Seen by every later lookup, awaited or not; a write that fails must fail the cache's later operations too (the store's do). */
  putVectors(namespace: string, entries: { hash: string; vector: Float32Array }[]): Promise<void>;
}

/** A VectorCache in memory, for work that scores the same texts many times in one process. */
export function memoryVectorCache(): VectorCache {
  const vectors = new Map<string, Float32Array>();
  return {
    async getVectors(namespace, hashes) {
      const found = new Map<string, Float32Array>();
      for (const hash of hashes) {
        const vector = vectors.get(`${namespace}\0${hash}`);
        if (vector) found.set(hash, vector);
      }
      return found;
    },
    async putVectors(namespace, entries) {
      for (const { hash, vector } of entries) vectors.set(`${namespace}\0${hash}`, vector);
    },
  };
}

export interface CacheStats {
  /** Distinct texts served from the cache. */
  hits: number;
  /** Distinct texts the inner embedder had to embed. */
  misses: number;
  /** Distinct texts per call, summed over calls. */
  unique: number;
  /** Texts asked for, duplicates included. */
  requested: number;
}

/**
 * A run's cache hits and misses, one outcome per distinct text: the first time a text is needed it
 * counts as a hit when its vector or theme scores came from the store, as a miss when it had to be
 * embedded. Later needs of the same text in the run (exemplars read again after corrections, say)
 * do not count again, so a cold run reports no hits and a warm run reports the cold run's misses.
 */
export interface CacheLedger {
  hit(textHash: string): void;
  miss(textHash: string): void;
  stats(): Pick<CacheStats, 'hits' | 'misses'>;
}

export function createCacheLedger(): CacheLedger {
  const hits = new Set<string>();
  const misses = new Set<string>();
  const seen = (hash: string) => hits.has(hash) || misses.has(hash);
  return {
    hit: (hash) => void (seen(hash) || hits.add(hash)),
    miss: (hash) => void (seen(hash) || misses.add(hash)),
    stats: () => ({ hits: hits.size, misses: misses.size }),
  };
}

/** Vectors a cached embedder keeps in memory (about 1.5 KiB each at 384 dimensions): bounded, whatever the input's size. */
export const RECENT_VECTORS = 8_192;

/** Wraps an Embedder so each distinct text is embedded once, and vectors are kept in `cache`. */
export function createCachedEmbedder(
  inner: Embedder,
  givenCache: VectorCache | null,
  ledger?: CacheLedger,
): Embedder & { stats(): CacheStats } {
  // Some embedders are cheaper to rerun than to look up; those only get the de-duplication.
  const cache = inner.cacheable === false ? null : givenCache;
  const stats: CacheStats = { hits: 0, misses: 0, unique: 0, requested: 0 };
  // The run's latest vectors, kept in memory (at most RECENT_VECTORS): discovery asks again for the
  // sentences and exemplars the classifier has just embedded, at the end of the run, where the store
  // answered only once every write queued before it was done (and, with no store, the model embedded
  // them again). The vector is the one the store holds, or, with no store, the one the model gives
  // again when a text's vector is its own; a batch-dependent model with no store keeps none.
  const recent = cache || inner.textAlone ? new Map<string, Float32Array>() : null;
  const remember = (hash: string, vector: Float32Array) => {
    if (!recent || recent.has(hash)) return;
    if (recent.size >= RECENT_VECTORS) recent.delete(recent.keys().next().value!);
    recent.set(hash, vector);
  };

  async function embed(texts: string[]): Promise<Float32Array[]> {
    stats.requested += texts.length;
    if (texts.length === 0) return [];

    const hashByText = new Map<string, string>();
    for (const text of texts) if (!hashByText.has(text)) hashByText.set(text, hashText(text));
    stats.unique += hashByText.size;

    const vectorByHash = new Map<string, Float32Array>();
    const asked: string[] = [];
    for (const hash of hashByText.values()) {
      const vector = recent?.get(hash);
      if (vector) vectorByHash.set(hash, vector);
      else asked.push(hash);
    }
    if (cache && asked.length > 0) {
      for (const [hash, vector] of await cache.getVectors(inner.id, asked)) {
        // A cached vector of the wrong length is stale (the embedder changed without a new id): re-embed.
        if (vector.length !== inner.dims) continue;
        vectorByHash.set(hash, vector);
        remember(hash, vector);
      }
    }

    const missing = [...hashByText].filter(([, hash]) => !vectorByHash.has(hash));
    stats.hits += hashByText.size - missing.length;
    stats.misses += missing.length;
    if (ledger) {
      for (const hash of vectorByHash.keys()) ledger.hit(hash);
      for (const [, hash] of missing) ledger.miss(hash);
    }

    if (missing.length > 0) {
      const fresh = await inner.embed(missing.map(([text]) => text));
      if (fresh.length !== missing.length) {
        throw new Error(`embedder ${inner.id} returned ${fresh.length} vectors for ${missing.length} texts`);
      }
      const entries = missing.map(([, hash], i) => ({ hash, vector: fresh[i]! }));
      for (const { hash, vector } of entries) {
        vectorByHash.set(hash, vector);
        remember(hash, vector);
      }
      // Not waited for: the vectors are the caller's at once, so a model in worker threads gets
      // its next texts without waiting for the store to write these. A write that fails fails
      // the store's next operation, and its closing (store.ts), before a run is recorded.
      if (cache) cache.putVectors(inner.id, entries).catch(() => undefined);
    }

    // Duplicate texts share one vector object; callers treat vectors as read-only.
    return texts.map((text) => vectorByHash.get(hashByText.get(text)!)!);
  }

  const cached: Embedder & { stats(): CacheStats } = {
    id: inner.id,
    dims: inner.dims,
    ...(inner.weights ? { weights: inner.weights } : {}),
    ...(inner.textAlone ? { textAlone: true } : {}),
    embed,
    stats: () => ({ ...stats }),
  };
  if (inner.dispose) cached.dispose = () => inner.dispose!();
  return cached;
}

export interface ScoreCache {
  /** Scores kept for these texts; texts without any are left out. */
  get(texts: string[]): Promise<Map<string, ThemeScores>>;
  /** Seen by every later get, awaited or not; a write that fails fails the cache's later operations (VectorCache.putVectors). */
  put(entries: { text: string; scores: ThemeScores }[]): Promise<void>;
  /** Distinct texts whose scores came from the cache so far. */
  hits(): number;
}

/**
 * Per-text theme scores under a namespace named by everything they depend on: the embedder, the
 * exemplars and the scoring settings. Scores and nearest-exemplar indices travel as one float32
 * vector per text. With no cache, nothing is kept.
 */
export function createScoreCache(
  cache: VectorCache | null,
  dependsOn: {
    embedder: string;
    topK: number;
    centroidWeight: number;
    themes: [string, string[]][];
    counterExamples?: Readonly<Record<string, readonly string[]>>;
    /** A digest of the theme head's probe, whose scores are kept too. */
    probe?: string;
    /** The model's dimensions, when each text's vector is kept in 8 bits too (the head's nearest labelled items). */
    vector8?: number;
    /** The clause-role reader whose probabilities travel with the scores (its digest). */
    roles?: string;
  },
  ledger?: CacheLedger,
): ScoreCache {
  const namespace = `scores:v1:${hashText(JSON.stringify(dependsOn)).slice(0, 24)}`;
  const themes = dependsOn.themes.length;
  // Scores and nearest exemplars, then the probe's scores when there is one.
  const width = dependsOn.probe ? 3 : 2;
  // The 8-bit vector, when kept, rides after them: three values to a float (vector8.ts), then its scale.
  const vector8 = dependsOn.vector8 ? packedWidth(dependsOn.vector8) + 1 : 0;
  // Role probabilities, when a reader is in use, ride after the scores, nearest exemplars and vector.
  const roleCount = dependsOn.roles ? CLAUSE_ROLES.length : 0;
  const hashes = new Map<string, string>();
  const hashOf = (text: string) => {
    let hash = hashes.get(text);
    if (hash === undefined) {
      hash = hashText(text);
      hashes.set(text, hash);
    }
    return hash;
  };
  const complete = (scores: ThemeScores) =>
    (!dependsOn.probe || scores.probe !== undefined) &&
    (vector8 === 0 || scores.vector8 !== undefined) &&
    (roleCount === 0 || scores.roles !== undefined);
  let hits = 0;
  return {
    async get(texts) {
      const found = new Map<string, ThemeScores>();
      if (!cache) return found;
      const packed = await cache.getVectors(namespace, texts.map(hashOf));
      for (const text of texts) {
        const vector = packed.get(hashOf(text));
        if (vector?.length !== themes * width + vector8 + roleCount) continue;
        const scores: ThemeScores = {
          scores: Array.from(vector.subarray(0, themes)),
          nearest: Array.from(vector.subarray(themes, 2 * themes)),
          ...(dependsOn.probe ? { probe: Array.from(vector.subarray(2 * themes, 3 * themes)) } : {}),
        };
        if (vector8 > 0) {
          const at = themes * width;
          scores.vector8 = {
            values: unpackInt8(vector.subarray(at, at + vector8 - 1), dependsOn.vector8!),
            scale: vector[at + vector8 - 1]!,
          };
        }
        if (roleCount > 0) scores.roles = Array.from(vector.subarray(themes * width + vector8));
        found.set(text, scores);
        ledger?.hit(hashOf(text));
        hits++;
      }
      return found;
    },
    async put(entries) {
      if (!cache) return;
      await cache.putVectors(
        namespace,
        // A text's scores missing a part this namespace keeps are not stored (read back, they would be short).
        entries
          .filter(({ scores }) => complete(scores))
          .map(({ text, scores }) => {
            const vector = new Float32Array(themes * width + vector8 + roleCount);
            vector.set(scores.scores);
            vector.set(scores.nearest, themes);
            if (scores.probe && dependsOn.probe) vector.set(scores.probe, 2 * themes);
            if (scores.vector8 && vector8 > 0) {
              vector.set(packInt8(scores.vector8.values), themes * width);
              vector[themes * width + vector8 - 1] = scores.vector8.scale;
            }
            if (scores.roles && roleCount > 0) vector.set(scores.roles, themes * width + vector8);
            return { hash: hashOf(text), vector };
          }),
      );
    },
    hits: () => hits,
  };
}

// An 8-bit vector kept in a float32 vector: three values to a float, each shifted to 0–255, so that
// every float is an integer under 2^24 and exact (a third of the room one value to a float takes).
const PACKED = 3;

function packedWidth(dims: number): number {
  return Math.ceil(dims / PACKED);
}

function packInt8(values: Int8Array): Float32Array {
  const packed = new Float32Array(packedWidth(values.length));
  for (let d = 0; d < values.length; d++) packed[Math.floor(d / PACKED)]! += (values[d]! + 128) << (8 * (d % PACKED));
  return packed;
}

function unpackInt8(packed: Float32Array, dims: number): Int8Array {
  const values = new Int8Array(dims);
  for (let d = 0; d < dims; d++) values[d] = ((packed[Math.floor(d / PACKED)]! >> (8 * (d % PACKED))) & 255) - 128;
  return values;
}
