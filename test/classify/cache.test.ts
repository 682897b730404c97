import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCacheLedger, createCachedEmbedder, createScoreCache, memoryVectorCache, RECENT_VECTORS } from '../../src/classify/cache.js';
import { CLAUSE_ROLES } from '../../src/classify/roles/model.js';
import { hashText, openStore, type Store } from '../../src/store/store.js';
import type { Embedder } from '../../src/types.js';

/** A deterministic embedder that records every batch it is asked to embed. */
function countingEmbedder(id = 'test:char-histogram', dims = 16): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id,
    dims,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => {
        const v = new Float32Array(dims);
        for (let i = 0; i < text.length; i++) v[text.charCodeAt(i) % dims] += 1 / (i + 1);
        v[0] += id.length / 7; // different ids give different vectors for the same text
        return v;
      });
    },
  };
}

let dir: string;
let store: Store | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-cache-'));
});
afterEach(async () => {
  await store?.close();
  store = null;
  await rm(dir, { recursive: true, force: true });
});

describe('createCachedEmbedder', () => {
  it('without a store, embeds each distinct text once and returns vectors in input order', async () => {
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner, null);
    const texts = ['no examples', 'too nervous', 'no examples', 'no reason', 'too nervous'];
    const vectors = await cached.embed(texts);
    expect(inner.calls).toEqual([['no examples', 'too nervous', 'no reason']]);
    const direct = await countingEmbedder().embed(texts);
    expect(vectors).toEqual(direct);
    expect(cached.stats()).toEqual({ hits: 0, misses: 3, unique: 3, requested: 5 });
    expect(cached.id).toBe(inner.id);
    expect(cached.dims).toBe(inner.dims);
  });

  it('keeps nothing in the store for an embedder that is not worth caching', async () => {
    store = await openStore(join(dir, 'store.duckdb'));
    const inner = { ...countingEmbedder('test:cheap'), cacheable: false };
    const cached = createCachedEmbedder(inner, store);
    await cached.embed(['a', 'b']);
    await cached.embed(['a', 'b']);
    expect(inner.calls).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect((await store.getVectors('test:cheap', [hashText('a'), hashText('b')])).size).toBe(0);
  });

  it('embeds only misses on the second call and counts hits', async () => {
    store = await openStore(join(dir, 'store.duckdb'));
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner, store);
    const first = await cached.embed(['a', 'b', 'c']);
    const second = await cached.embed(['c', 'd', 'a', 'd']);
    expect(inner.calls).toEqual([['a', 'b', 'c'], ['d']]);
    expect(second[0]).toEqual(first[2]);
    expect(second[2]).toEqual(first[0]);
    expect(second[1]).toEqual(second[3]);
    expect(cached.stats()).toEqual({ hits: 2, misses: 4, unique: 6, requested: 7 });
  });

  it('reports each text once to a run ledger: its first outcome counts, a later look-up does not', async () => {
    store = await openStore(join(dir, 'store.duckdb'));
    await createCachedEmbedder(countingEmbedder(), store).embed(['a']);
    const ledger = createCacheLedger();
    const cached = createCachedEmbedder(countingEmbedder(), store, ledger);
    await cached.embed(['a', 'b']);
    // 'b' was embedded above and is now in the store: a hit for the embedder, but not counted again.
    await cached.embed(['a', 'b', 'c']);
    expect(cached.stats()).toMatchObject({ hits: 3, misses: 2 });
    expect(ledger.stats()).toEqual({ hits: 1, misses: 2 });
  });

  it('reuses vectors after the store file is reopened, bit for bit', async () => {
    const path = join(dir, 'store.duckdb');
    store = await openStore(path);
    const texts = ['Your answers lacked a clear result.', 'We went with an internal candidate.'];
    const original = await createCachedEmbedder(countingEmbedder(), store).embed(texts);
    await store.close();

    store = await openStore(path);
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner, store);
    const again = await cached.embed(texts);
    expect(inner.calls).toEqual([]);
    for (let i = 0; i < texts.length; i++) {
      expect(Array.from(again[i])).toEqual(Array.from(original[i]));
    }
    expect(cached.stats()).toMatchObject({ hits: 2, misses: 0 });
  });

  it('does not share vectors between embedder ids', async () => {
    store = await openStore(join(dir, 'store.duckdb'));
    const lexical = countingEmbedder('lexical:v1');
    const neural = countingEmbedder('transformers:Xenova/all-MiniLM-L6-v2:abc');
    const fromLexical = await createCachedEmbedder(lexical, store).embed(['same text']);
    const fromNeural = await createCachedEmbedder(neural, store).embed(['same text']);
    expect(neural.calls).toEqual([['same text']]);
    expect(fromNeural[0]).not.toEqual(fromLexical[0]);
    const cachedNeural = await store.getVectors(neural.id, [hashText('same text')]);
    expect(cachedNeural.get(hashText('same text'))).toEqual(fromNeural[0]);
  });

  it('re-embeds a cached vector whose length no longer matches the embedder', async () => {
    store = await openStore(join(dir, 'store.duckdb'));
    await store.putVectors('test:char-histogram', [{ hash: hashText('x'), vector: new Float32Array(3) }]);
    const inner = countingEmbedder('test:char-histogram', 16);
    const [vector] = await createCachedEmbedder(inner, store).embed(['x']);
    expect(inner.calls).toEqual([['x']]);
    expect(vector.length).toBe(16);
  });

  it('hands the vectors back without waiting for the cache to write them, and later look-ups see them', async () => {
    const written = new Map<string, Float32Array>();
    let finishWrite: () => void = () => undefined;
    const slowCache = {
      async getVectors(_: string, hashes: string[]) {
        return new Map(hashes.flatMap((hash) => (written.has(hash) ? [[hash, written.get(hash)!] as const] : [])));
      },
      putVectors(_: string, entries: { hash: string; vector: Float32Array }[]) {
        for (const { hash, vector } of entries) written.set(hash, vector);
        return new Promise<void>((resolve) => {
          finishWrite = resolve;
        });
      },
    };
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner, slowCache);
    const [vector] = await cached.embed(['not yet written']);
    expect(await cached.embed(['not yet written'])).toEqual([vector]);
    expect(inner.calls).toEqual([['not yet written']]);
    finishWrite();
  });

  it("answers a look-up of the run's latest vectors from memory, not from the store, the same vectors", async () => {
    store = await openStore(join(dir, 'store.duckdb'));
    const asked: string[][] = [];
    const watched = {
      getVectors: (id: string, hashes: string[]) => {
        asked.push(hashes);
        return store!.getVectors(id, hashes);
      },
      putVectors: (id: string, entries: { hash: string; vector: Float32Array }[]) => store!.putVectors(id, entries),
    };
    const inner = countingEmbedder();
    const cached = createCachedEmbedder(inner, watched);
    const first = await cached.embed(['a', 'b']);
    asked.length = 0;
    const again = await cached.embed(['b', 'a', 'c']);
    expect(asked).toEqual([[hashText('c')]]);
    expect(inner.calls).toEqual([['a', 'b'], ['c']]);
    expect(again.slice(0, 2)).toEqual([first[1], first[0]]);
    expect(cached.stats()).toMatchObject({ hits: 2, misses: 3 });
    // A fresh wrapper (the next run) has nothing in memory and reads the same bytes from the store.
    const reread = await createCachedEmbedder(countingEmbedder(), store).embed(['a', 'b']);
    expect(reread).toEqual(first);
  });

  it('with no store, embeds a text again only when its vector may depend on its batch mates', async () => {
    const alone = { ...countingEmbedder(), textAlone: true };
    const kept = createCachedEmbedder(alone, null);
    await kept.embed(['a', 'b']);
    await kept.embed(['b', 'c']);
    expect(alone.calls).toEqual([['a', 'b'], ['c']]);
    const batched = countingEmbedder();
    const notKept = createCachedEmbedder(batched, null);
    await notKept.embed(['a', 'b']);
    await notKept.embed(['b', 'c']);
    expect(batched.calls).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('keeps at most RECENT_VECTORS vectors in memory, the latest', async () => {
    const inner = { ...countingEmbedder('test:tiny', 4), textAlone: true };
    const cached = createCachedEmbedder(inner, null);
    const texts = Array.from({ length: RECENT_VECTORS + 1 }, (_, i) => `text ${i}`);
    await cached.embed(texts);
    await cached.embed([texts[1]!, texts.at(-1)!, texts[0]!]);
    expect(inner.calls.at(-1)).toEqual([texts[0]]);
  });

  it('returns nothing for no texts without calling the embedder', async () => {
    const inner = countingEmbedder();
    expect(await createCachedEmbedder(inner, null).embed([])).toEqual([]);
    expect(inner.calls).toEqual([]);
  });

  it('fails loudly when the inner embedder returns the wrong number of vectors', async () => {
    const broken: Embedder = { id: 'broken', dims: 2, embed: async () => [new Float32Array(2)] };
    await expect(createCachedEmbedder(broken, null).embed(['a', 'b'])).rejects.toThrow(/1 vectors for 2 texts/);
  });
});

describe('createScoreCache', () => {
  const themes: [string, string[]][] = [
    ['experience', ['a']],
    ['delivery', ['b']],
  ];
  const dependsOn = { embedder: 'e', topK: 3, centroidWeight: 0.4, themes, probe: 'p', vector8: 7, roles: 'r' };

  it("reads back a text's scores, probe, 8-bit vector (three values to a float) and roles exactly as kept", async () => {
    const cache = createScoreCache(memoryVectorCache(), dependsOn);
    const values = Int8Array.from([-128, 127, 0, -1, 1, 64, -65]);
    const roles = Array.from({ length: CLAUSE_ROLES.length }, (_, r) => Math.fround(r / 10));
    await cache.put([
      {
        text: 'You lacked the years',
        scores: { scores: [0.5, 0.25], nearest: [0, 1], probe: [0.75, -0.5], vector8: { values, scale: Math.fround(0.01) }, roles },
      },
    ]);
    const read = (await cache.get(['You lacked the years'])).get('You lacked the years')!;
    expect(Array.from(read.vector8!.values)).toEqual(Array.from(values));
    expect(read.vector8!.scale).toBe(Math.fround(0.01));
    expect(read.scores).toEqual([0.5, 0.25]);
    expect(read.probe).toEqual([0.75, -0.5]);
    expect(read.roles).toEqual(roles);
  });

  it('keeps nothing of scores that lack a part its namespace keeps, so they are scored again', async () => {
    const cache = createScoreCache(memoryVectorCache(), dependsOn);
    await cache.put([
      { text: 'No vector', scores: { scores: [0.5, 0.25], nearest: [0, 1], probe: [0, 0], roles: CLAUSE_ROLES.map(() => 0) } },
    ]);
    expect((await cache.get(['No vector'])).size).toBe(0);
  });
});
