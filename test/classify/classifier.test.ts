import { describe, expect, it } from 'vitest';
import { eligibleScores, themeThreshold } from '../../src/classify/assign.js';
import { createCachedEmbedder, memoryVectorCache } from '../../src/classify/cache.js';
import { createClassifier } from '../../src/classify/classifier.js';
import type { AppliedHead } from '../../src/classify/head/bind.js';
import { modelPart, probeScores, type Probe } from '../../src/classify/head/probe.js';
import type { Embedder, FeedbackItem, Thresholds } from '../../src/types.js';
import { fakeEmbedder, taxonomyOf, theme } from '../fixtures/classify/fake-embedder.js';
import { feedbackItem } from '../../support/feedback-item.js';

// Axes: 0 = "experience", 1 = "delivery", 2 = "no reason", 3 = unrelated.
const exemplars = {
  'exp one': [1, 0, 0, 0],
  'exp two': [0.8, 0.6, 0, 0],
  'exp three': [0, 0.6, 0.8, 0],
  'del one': [0, 1, 0, 0],
  'del two': [0, 0.6, 0, 0.8],
  'no reason one': [0, 0, 1, 0],
};
const taxonomy = taxonomyOf(
  theme('experience', ['exp one', 'exp two', 'exp three'], ['years', 'track record']),
  theme('delivery', ['del one', 'del two'], ['scripted']),
  theme('uninformative', ['no reason one']),
);
const thresholds = (overrides: Partial<Thresholds> = {}): Thresholds => ({
  engine: 'lexical',
  model: null,
  floor: 0.3,
  margin: 0.1,
  perTheme: {},
  source: 'test',
  ...overrides,
});

function item(id: string, text: string): FeedbackItem {
  return feedbackItem({ id, text, source: 't.csv' });
}

/** Top-3 scoring with no centroid, for tests about something else. */
const NO_CENTROID = { topK: 3, centroidWeight: 0 };

describe('createClassifier: theme centroids', () => {
  const table = { ...exemplars, 'Along the exp one axis': [1, 0, 0, 0] };

  it("mixes the cosine with the normalised sum of a theme's exemplars into its score when asked", async () => {
    // experience exemplars sum to (1.8, 1.2, 0.8, 0); their centroid's cosine with (1, 0, 0, 0) is 1.8 / |sum|.
    const centroidCosine = 1.8 / Math.hypot(1.8, 1.2, 0.8);
    const topK = (1 + 0.8 + 0) / 3;
    const score = async (centroidWeight: number) => {
      const classifier = await createClassifier(taxonomy, fakeEmbedder(table), { topK: 3, centroidWeight });
      const [scored] = await classifier.score([{ id: 'a', text: 'Along the exp one axis' }]);
      return scored!.segments[0]!.scores[0]!;
    };
    expect(await score(0)).toBeCloseTo(topK, 6);
    expect(await score(1)).toBeCloseTo(centroidCosine, 6);
    expect(await score(0.5)).toBeCloseTo((topK + centroidCosine) / 2, 6);
  });
});

describe('createClassifier: score cache', () => {
  const table = { ...exemplars, 'Along the exp one axis': [1, 0, 0, 0], 'Mostly delivery': [0.1, 1, 0, 0] };
  /** The store's contract, kept in memory: vectors by namespace and text hash. */
  function memoryCache() {
    const data = new Map<string, Float32Array>();
    return {
      data,
      async getVectors(namespace: string, hashes: string[]) {
        const found = new Map<string, Float32Array>();
        for (const hash of hashes) {
          const v = data.get(`${namespace}/${hash}`);
          if (v) found.set(hash, v);
        }
        return found;
      },
      async putVectors(namespace: string, entries: { hash: string; vector: Float32Array }[]) {
        for (const { hash, vector } of entries) data.set(`${namespace}/${hash}`, vector);
      },
    };
  }
  const texts = [
    { id: 'a', text: 'Along the exp one axis.' },
    { id: 'b', text: 'Mostly delivery.' },
  ];

  it('scores a text once across classifiers sharing the cache, with identical results', async () => {
    const cache = memoryCache();
    const first = fakeEmbedder(table);
    const cold = await createClassifier(taxonomy, first, { ...NO_CENTROID, scoreCache: cache });
    const coldScores = await cold.score(texts);
    expect(cold.scoreCacheHits()).toBe(0);
    expect(cache.data.size).toBe(2);

    const second = fakeEmbedder(table);
    const warm = await createClassifier(taxonomy, second, { ...NO_CENTROID, scoreCache: cache });
    const warmScores = await warm.score(texts);
    expect(warm.scoreCacheHits()).toBe(2);
    // Only the exemplars were embedded; the feedback texts came from the cache.
    expect(second.calls.flat()).not.toContain('Mostly delivery.');
    expect(warmScores.map((i) => i.segments.map((s) => [s.scores, s.nearest]))).toEqual(
      coldScores.map((i) => i.segments.map((s) => [s.scores, s.nearest])),
    );
    expect(warm.assign(warmScores, thresholds())).toEqual(cold.assign(coldScores, thresholds()));
  });

  it('does not reuse scores made with other exemplars', async () => {
    const cache = memoryCache();
    await (await createClassifier(taxonomy, fakeEmbedder(table), { ...NO_CENTROID, scoreCache: cache })).score(texts);
    const changed = taxonomyOf(
      theme('experience', ['exp one', 'exp two']),
      theme('delivery', ['del one', 'del two']),
      theme('uninformative', ['no reason one']),
    );
    const other = await createClassifier(changed, fakeEmbedder(table), { ...NO_CENTROID, scoreCache: cache });
    await other.score(texts);
    expect(other.scoreCacheHits()).toBe(0);
    expect(cache.data.size).toBe(4);
  });

  it("keeps a head probe's scores with the theme scores, and does not reuse scores made without it", async () => {
    // A probe over the 4 dimensions of the test vectors: theme 0 reads axis 0, theme 1 axis 1.
    const probe: Probe = {
      dims: 4,
      l2: 0.1,
      centre: [0, 0, 0, 0],
      weights: [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
      ],
      bias: [0, 0, 0],
    };
    const head = { probe } as AppliedHead;
    const cache = memoryCache();
    await (await createClassifier(taxonomy, fakeEmbedder(table), { ...NO_CENTROID, scoreCache: cache })).score(texts);
    const cold = await createClassifier(taxonomy, fakeEmbedder(table), { ...NO_CENTROID, scoreCache: cache, head, modelDims: 4 });
    const coldScores = await cold.score(texts);
    expect(cold.scoreCacheHits()).toBe(0);
    const unit = coldScores[1]!.segments[0]!.units[0]!;
    expect(unit.probe).toEqual(probeScores(probe, modelPart(Float32Array.from(table['Mostly delivery']), 4)));
    expect(unit.probe![1]).toBeCloseTo(1 / Math.hypot(0.1, 1), 6);

    const second = fakeEmbedder(table);
    const warm = await createClassifier(taxonomy, second, { ...NO_CENTROID, scoreCache: cache, head, modelDims: 4 });
    const warmScores = await warm.score(texts);
    expect(warm.scoreCacheHits()).toBe(2);
    expect(second.calls.flat()).not.toContain('Mostly delivery.');
    expect(warmScores).toEqual(coldScores);
  });

  it('refuses a head whose probe reads another number of model dimensions (a bug, not a user mistake)', async () => {
    const head = { probe: { dims: 384 } } as AppliedHead;
    await expect(createClassifier(taxonomy, fakeEmbedder(table), { ...NO_CENTROID, head, modelDims: 4 })).rejects.toThrow(
      /reads 384 model dimensions, the engine gives 4/,
    );
  });
});

describe('createClassifier: scoring', () => {
  const table = {
    ...exemplars,
    'You lack the years we need': [1, 0, 0, 0],
    'Your answers sounded scripted': [0, 1, 0, 0],
    'Both issues': [0.6, 0.8, 0, 0],
    'Nothing relevant': [0, 0, 0, -1],
  };

  it('scores a theme as the mean of the top-k cosines to its exemplars', async () => {
    const embedder = fakeEmbedder(table);
    const [k1, k2, k3] = await Promise.all(
      [1, 2, 3].map(async (topK) =>
        (await createClassifier(taxonomy, embedder, { topK, centroidWeight: 0 })).score([{ id: 'a', text: 'You lack the years we need.' }]),
      ),
    );
    // cosines to experience exemplars: 1, 0.8, 0; to delivery: 0, 0.
    expect(k1![0]!.segments[0]!.scores[0]).toBeCloseTo(1, 5);
    expect(k2![0]!.segments[0]!.scores[0]).toBeCloseTo(0.9, 5);
    expect(k3![0]!.segments[0]!.scores[0]).toBeCloseTo(0.6, 5);
    expect(k2![0]!.segments[0]!.scores[1]).toBeCloseTo(0, 5);
    // "Both issues": experience cosines 0.6, 0.96, 0.48 → top-2 mean 0.78; delivery 0.8, 0.48 → 0.64.
    const both = (
      await (await createClassifier(taxonomy, embedder, { topK: 2, centroidWeight: 0 })).score([{ id: 'b', text: 'Both issues.' }])
    )[0]!;
    expect(both.segments[0]!.scores[0]).toBeCloseTo(0.78, 5);
    expect(both.segments[0]!.scores[1]).toBeCloseTo(0.64, 5);
    expect(both.segments[0]!.nearest).toEqual([1, 0, 0]);
  });

  it('embeds exemplars once and segments in batches across items, each distinct text once', async () => {
    const embedder = fakeEmbedder(table);
    const classifier = await createClassifier(taxonomy, embedder, { ...NO_CENTROID, chunkSize: 2 });
    expect(embedder.calls.flat()).toHaveLength(6);
    embedder.calls.length = 0;
    await classifier.score([
      { id: 'a', text: 'You lack the years we need. Your answers sounded scripted.' },
      { id: 'b', text: 'Your answers sounded scripted.' },
      { id: 'c', text: 'Nothing relevant.' },
    ]);
    expect(embedder.calls.map((c) => c.length)).toEqual([2, 1]);
    expect(new Set(embedder.calls.flat()).size).toBe(3);
  });

  it('segments the input while the exemplars embed, and a text that is also an exemplar still takes its cached vector', async () => {
    const inner = fakeEmbedder({ ...table, 'Your answers sounded scripted.': [0, 1, 0, 0] });
    let releaseExemplars: () => void = () => undefined;
    const exemplarsHeld = new Promise<void>((resolve) => {
      releaseExemplars = resolve;
    });
    // The exemplars' batch finishes only when released; the input's batches at once.
    const slow: Embedder = {
      ...inner,
      embed: async (texts) => {
        const vectors = await inner.embed(texts);
        if (texts.includes('del one')) await exemplarsHeld;
        return vectors;
      },
    };
    const embedder = createCachedEmbedder(slow, memoryVectorCache());
    const scripted = taxonomyOf(
      theme('experience', ['exp one', 'exp two']),
      theme('delivery', ['del one', 'Your answers sounded scripted.']),
    );
    const classifier = await createClassifier(scripted, embedder, { ...NO_CENTROID, chunkSize: 1 });
    const scoring = classifier.score([
      { id: 'a', text: 'You lack the years we need.' },
      { id: 'b', text: 'Your answers sounded scripted.' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The text that is no exemplar went to the model before the exemplars were done.
    expect(inner.calls.flat()).toContain('You lack the years we need.');
    releaseExemplars();
    const scored = await scoring;
    expect(inner.calls.flat().filter((text) => text === 'Your answers sounded scripted.')).toHaveLength(1);
    expect(scored[1]!.segments[0]!.scores[1]).toBeCloseTo(1, 5);
  });
});

describe('createClassifier: assignment', () => {
  const table = {
    ...exemplars,
    'You lack the years we need': [1, 0, 0, 0],
    'Your answers sounded scripted': [0, 1, 0, 0],
    'Mostly experience': [0.9, 0.44, 0, 0],
    'Split evenly': [0.7, 0.7, 0, 0],
    'Nothing relevant': [0, 0, 0, -1],
    'We will not progress your application': [0, 0, 1, 0],
    'your answers sounded scripted': [0, 1, 0, 0],
    'Your CV was excellent': [1, 0, 0, 0],
  };
  const classify = async (text: string, t: Thresholds = thresholds(), topK = 1) => {
    const classifier = await createClassifier(taxonomy, fakeEmbedder(table), { topK, centroidWeight: 0 });
    return (await classifier.classify([item('i', text)], t))[0]!;
  };
  const ids = (r: Awaited<ReturnType<typeof classify>>) => r.themes.map((t) => t.themeId);
  /** `inner`, except that a call whose texts include `held` returns only once `release` is called. */
  const holding = (inner: Embedder, held: string): { embedder: Embedder; release: () => void } => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const embedder: Embedder = {
      ...inner,
      embed: async (texts) => {
        const vectors = await inner.embed(texts);
        if (texts.includes(held)) await released;
        return vectors;
      },
    };
    return { embedder, release: () => release() };
  };
  /** Polls `done` for up to 3 s; what follows states what should hold by then. */
  const until = async (done: () => boolean) => {
    for (let wait = 0; wait < 300 && !done(); wait++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('settles each item as soon as its texts are scored, longer texts still embedding, and classifies as scoring all first', async () => {
    // The longest text stays with the model until released; the others come back at once.
    const { embedder, release: releaseLongest } = holding(fakeEmbedder(table), 'We will not progress your application.');
    const classifier = await createClassifier(taxonomy, embedder, { topK: 1, centroidWeight: 0, chunkSize: 1 });
    const items = [
      item('a', 'Split evenly. You lack the years we need.'),
      item('b', 'Nothing relevant.'),
      item('c', 'Your answers sounded scripted.'),
      item('d', 'We will not progress your application. Nothing relevant.'),
    ];
    const settled: number[] = [];
    const scoring = classifier.score(items, (i) => settled.push(i));
    // A busy machine may take a while; the longest text is held however long it takes.
    await until(() => settled.length >= 3);
    // Every item but the one waiting for the longest text is settled while that text is with the model.
    expect([...settled].sort()).toEqual([0, 1, 2]);
    releaseLongest();
    const scored = await scoring;
    expect([...settled].sort()).toEqual([0, 1, 2, 3]);
    const classified = await classifier.classify(items, thresholds());
    expect(classified.map(({ item: _, ...assignment }) => assignment)).toEqual(classifier.assign(scored, thresholds()));
  });

  it('keeps handing chunks to the model while an earlier one is still out, not waiting to score it', async () => {
    const inner = fakeEmbedder(table);
    // The first chunk (the shortest text) stays with the model until released.
    const { embedder, release: releaseShortest } = holding(inner, 'Split evenly.');
    const classifier = await createClassifier(taxonomy, embedder, { topK: 1, centroidWeight: 0, chunkSize: 1 });
    const exemplarCalls = inner.calls.length;
    const scoring = classifier.score([
      item('a', 'Split evenly. Mostly experience.'),
      item('b', 'Nothing relevant. Your CV was excellent.'),
      item('c', 'You lack the years we need. Your answers sounded scripted.'),
      item('d', 'We will not progress your application.'),
    ]);
    const asked = () => inner.calls.slice(exemplarCalls).flat();
    await until(() => asked().length >= 7);
    // Every later chunk went to the model while the first, which the scoring waits for, was out.
    expect(asked()).toHaveLength(7);
    releaseShortest();
    expect((await scoring).map((scored) => scored.segments.length)).toEqual([2, 2, 2, 1]);
  });

  it("hands the first items' texts to an embedder of texts alone before the rest are segmented, with the same results", async () => {
    // Eight items: the first quarter (two) are segmented and sent first, their texts sorted among
    // themselves; the shortest text of all, in a later item, waits for the rest.
    const items = [
      item('a', 'You lack the years we need.'),
      item('b', 'Your answers sounded scripted. You lack the years we need.'),
      item('c', 'Mostly experience. Split evenly.'),
      item('d', 'Nothing relevant.'),
      item('e', 'We will not progress your application.'),
      item('f', 'Your CV was excellent.'),
      item('g', 'Mostly experience. Split evenly.'),
      item('h', 'Your answers sounded scripted. Nothing relevant.'),
    ];
    const classifyWith = async (textAlone: boolean) => {
      const embedder = { ...fakeEmbedder(table), ...(textAlone ? { textAlone } : {}) };
      const classifier = await createClassifier(taxonomy, embedder, { topK: 1, centroidWeight: 0, chunkSize: 2 });
      const exemplarCalls = embedder.calls.length;
      const classified = await classifier.classify(items, thresholds());
      return { firstCall: embedder.calls[exemplarCalls], texts: embedder.calls.slice(exemplarCalls).flat(), classified };
    };
    const together = await classifyWith(false);
    const alone = await classifyWith(true);
    expect(together.firstCall).toEqual(['Split evenly.', 'Nothing relevant.']);
    expect(alone.firstCall).toEqual(['You lack the years we need.', 'Your answers sounded scripted.']);
    expect([...alone.texts].sort()).toEqual([...together.texts].sort());
    expect(alone.classified).toEqual(together.classified);
  });

  it('hands an embedder of texts alone its last texts in smaller chunks, with the same results', async () => {
    const many: Record<string, number[]> = { ...table };
    const texts = Array.from({ length: 40 }, (_, k) => `Reason number ${String(k).padStart(2, '0')}`);
    texts.forEach((text, k) => {
      many[text] = [Math.cos(k), Math.sin(k), 0.5, 0];
    });
    const items = texts.map((text, k) => item(`i${k}`, `${text}.`));
    const classifyWith = async (textAlone: boolean) => {
      const embedder = { ...fakeEmbedder(many), ...(textAlone ? { textAlone } : {}) };
      const classifier = await createClassifier(taxonomy, embedder, { topK: 1, centroidWeight: 0, chunkSize: 8 });
      const exemplarCalls = embedder.calls.length;
      const classified = await classifier.classify(items, thresholds());
      return { sizes: embedder.calls.slice(exemplarCalls).map((call) => call.length), classified };
    };
    const together = await classifyWith(false);
    const alone = await classifyWith(true);
    expect(together.sizes).toEqual([8, 8, 8, 8, 8]);
    // The last two chunks' worth (16 texts) in chunks of an eighth (one text); the rest as before.
    expect(alone.sizes.slice(-16)).toEqual(Array<number>(16).fill(1));
    expect(alone.sizes.slice(0, -16).every((size) => size > 1)).toBe(true);
    expect(alone.sizes.reduce((sum, size) => sum + size, 0)).toBe(40);
    expect(alone.classified).toEqual(together.classified);
  });

  it('assigns a theme only at or above the floor or its own threshold', async () => {
    expect(ids(await classify('Nothing relevant.'))).toEqual([]);
    expect(ids(await classify('You lack the years we need.'))).toEqual(['experience']);
    expect(ids(await classify('You lack the years we need.', thresholds({ perTheme: { experience: 1.01 } })))).toEqual([]);
    // A per-theme threshold below the floor does not undercut it.
    expect(themeThreshold(thresholds({ floor: 0.3, perTheme: { experience: 0.1 } }), 'experience')).toBe(0.3);
  });

  it('keeps every theme within the margin of the best (multi-label), and only those', async () => {
    // "Split evenly" (top-1): experience max(0.71, 0.99, 0.42) = 0.99; delivery max(0.71, 0.42) = 0.71.
    expect(ids(await classify('Split evenly.', thresholds({ margin: 0.1 })))).toEqual(['experience']);
    expect(ids(await classify('Split evenly.', thresholds({ margin: 0.3 })))).toEqual(['experience', 'delivery']);
    const scored = await (await createClassifier(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0 })).score([
      { id: 'x', text: 'Split evenly.' },
    ]);
    expect(eligibleScores(scored[0]!, ['experience', 'delivery', 'uninformative'], 0.1)[1]).toBe(-Infinity);
  });

  it('takes the union over segments, with the best segment as evidence', async () => {
    const result = await classify('You lack the years we need. Your answers sounded scripted.');
    expect(ids(result).sort()).toEqual(['delivery', 'experience']);
    const delivery = result.themes.find((t) => t.themeId === 'delivery')!;
    expect(delivery.evidence).toMatchObject({
      segmentIndex: 1,
      segment: 'Your answers sounded scripted.',
      exemplar: 'del one',
      cues: ['scripted'],
    });
    expect(delivery.score).toBeCloseTo(1, 5);
    const experience = result.themes.find((t) => t.themeId === 'experience')!;
    expect(experience.evidence).toMatchObject({ segmentIndex: 0, exemplar: 'exp one', cues: ['years'] });
    expect(result.segments.map((s) => s.themes)).toEqual([['experience'], ['delivery']]);
    expect(result.segments[1]!.scores).toHaveLength(3);
  });

  it('assigns uninformative only when no other theme is assigned to the item', async () => {
    expect(ids(await classify('We will not progress your application.'))).toEqual(['uninformative']);
    const mixed = await classify('We will not progress your application. You lack the years we need.');
    expect(ids(mixed)).toEqual(['experience']);
    expect(mixed.segments.map((s) => s.themes)).toEqual([[], ['experience']]);
  });

  it('does not assign a theme that is only praised', async () => {
    const result = await classify('Your CV was excellent, but your answers sounded scripted.');
    expect(ids(result)).toEqual(['delivery']);
    expect(result.segments[0]!.favourable).toBe(true);
    const praiseOnly = await classify('Your CV was excellent.');
    expect(ids(praiseOnly)).toEqual([]);
    expect(praiseOnly.segments[0]).toMatchObject({ favourable: true, themes: [] });
  });

  it('assign() is pure: the same scores give different results under different thresholds', async () => {
    const classifier = await createClassifier(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0 });
    const scored = await classifier.score([{ id: 'x', text: 'Split evenly.' }]);
    const loose = classifier.assign(scored, thresholds({ margin: 0.5 }));
    const strict = classifier.assign(scored, thresholds({ floor: 0.99 }));
    expect(loose[0]!.themes.map((t) => t.themeId)).toEqual(['experience', 'delivery']);
    expect(strict[0]!.themes).toEqual([]);
    expect(classifier.assign(scored, thresholds({ margin: 0.5 }))).toEqual(loose);
  });
});

describe('createClassifier: top-k scoring over many exemplars', () => {
  // Five exemplars for one theme, two for another; dense vectors and mostly-zero (sparse) ones.
  const dense: Record<string, number[]> = {
    a1: [1, 0.2, 0.1, 0.3],
    a2: [0.2, 1, 0.4, 0.1],
    a3: [0.5, 0.5, 0.5, 0.5],
    a4: [0.1, 0.1, 1, 0.2],
    a5: [0.9, 0.1, 0.3, 0.6],
    b1: [0.3, 0.3, 0.1, 1],
    b2: [0.7, 0.2, 0.9, 0.1],
    query: [0.6, 0.3, 0.2, 0.7],
  };
  const sparse: Record<string, number[]> = Object.fromEntries(
    Object.entries(dense).map(([text, v]) => [text, [...v.map((x, i) => (i % 2 === 0 ? x : 0)), ...new Array(28).fill(0)]]),
  );
  const tax = taxonomyOf(theme('a', ['a1', 'a2', 'a3', 'a4', 'a5']), theme('b', ['b1', 'b2']));
  const unit = (v: number[]) => {
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const cosine = (x: number[], y: number[]) => unit(x).reduce((s, v, i) => s + v * unit(y)[i]!, 0);

  for (const [name, table] of [
    ['dense', dense],
    ['sparse', sparse],
  ] as const) {
    it(`scores a theme by the mean of its k nearest exemplars and names the nearest (${name} vectors)`, async () => {
      const classifier = await createClassifier(tax, fakeEmbedder(table), { topK: 2, centroidWeight: 0, clauses: false });
      const [scored] = await classifier.score([{ id: 'q', text: 'query' }]);
      const segment = scored!.segments[0]!;
      const sims = (ids: string[]) => ids.map((id) => cosine(table.query!, table[id]!));
      const simsA = sims(['a1', 'a2', 'a3', 'a4', 'a5']);
      const topA = [...simsA].sort((x, y) => y - x).slice(0, 2);
      expect(segment.scores[0]).toBeCloseTo((topA[0]! + topA[1]!) / 2, 5);
      expect(segment.nearest[0]).toBe(simsA.indexOf(topA[0]!));
      const simsB = sims(['b1', 'b2']);
      expect(segment.scores[1]).toBeCloseTo((simsB[0]! + simsB[1]!) / 2, 5);
      expect(segment.nearest[1]).toBe(simsB[0]! > simsB[1]! ? 0 : 1);
    });
  }
});
