import { describe, expect, it } from 'vitest';
import { nearestTheme } from '../../src/discover/group.js';
import { nearestNeighbours } from '../../src/discover/neighbours.js';
import type { Probe } from '../../src/classify/head/probe.js';
import { chooseSeeds, novelCore, probeUnclaimed, scoreSpread } from '../../src/discover/novelty.js';
import { topicSpace, unit } from '../helpers/vectors.js';

const { direction, around } = topicSpace(24, 7);

// A pool as discovery sees it: loose sentences a known theme scored weakly (near its exemplars,
// each unusual in its own way) and a missing topic's sentences, close to one another.
const known = Array.from({ length: 4 }, direction);
const exemplars = known.map((theme) => around(theme, 10, 0.5));
const missed = known.flatMap((theme) => around(theme, 15, 1.4));
const topic = around(direction(), 15, 0.9);
const vectors = [...missed, ...topic];
const nearness = vectors.map((vector) => nearestTheme(vector, exemplars));
const isTopic = (i: number) => i >= missed.length;

describe('scoreSpread', () => {
  it('is how far the best theme score stands above the mean of the next four, the boilerplate theme aside', () => {
    expect(scoreSpread([0.6, 0.2, 0.2, 0.2, 0.2, 0.1], 5)).toBeCloseTo(0.4);
    expect(scoreSpread([0.9, 0.5, 0.3, 0.3, 0.3, 0.3], 0)).toBeCloseTo(0.2);
    expect(scoreSpread([0.4], -1)).toBe(0);
  });
});

describe('choosing the seeds', () => {
  it('keeps the share asked for, with the missing topic far more often than the missed feedback', () => {
    const flat = vectors.map(() => 0.1);
    const { seeds } = chooseSeeds(vectors, nearness, flat, 0.3, 15, 1);
    const chosen = seeds.flatMap((seed, i) => (seed ? [i] : []));
    expect(chosen).toHaveLength(Math.ceil(0.3 * vectors.length));
    const fromTopic = chosen.filter(isTopic).length;
    expect(fromTopic / chosen.length).toBeGreaterThan(2 * (topic.length / vectors.length));
    expect(fromTopic).toBeGreaterThanOrEqual(12);
  });

  it('ranks a sentence whose best theme stands out lower than one scoring several themes alike', () => {
    // Same vectors; only the scores differ, for one of the topic's sentences.
    const spreads = vectors.map(() => 0.1);
    const base = chooseSeeds(vectors, nearness, spreads, 0.3, 15, 1).seeds;
    const lowest = topic.length - 1 + missed.length;
    const clear = chooseSeeds(vectors, nearness, spreads.with(lowest, 0.9), 0.3, 15, 1).seeds;
    expect(clear.filter(Boolean).length).toBe(base.filter(Boolean).length);
    expect(clear.filter((seed, i) => seed && isTopic(i)).length).toBeLessThanOrEqual(base.filter((seed, i) => seed && isTopic(i)).length);
    expect(chooseSeeds(vectors, nearness, spreads.with(lowest, -1), 1e-9, 15, 1).seeds[lowest]).toBe(true);
  });

  it('seeds every sentence at a share of 1, and judges a sentence outside the sample by the same ranks', () => {
    const spreads = vectors.map((_, i) => (i % 3) / 10);
    expect(chooseSeeds(vectors, nearness, spreads, 1, 15, 1).seeds.every(Boolean)).toBe(true);
    // At least `least` seeds: every sentence of a pool smaller than that.
    expect(chooseSeeds(vectors, nearness, spreads, 0.3, 15, 60).seeds.filter(Boolean)).toHaveLength(60);
    expect(chooseSeeds(vectors, nearness, spreads, 0.3, 15, 100).seeds.every(Boolean)).toBe(true);
    const { wouldSeed } = chooseSeeds(vectors, nearness, spreads, 0.3, 15, 1);
    const outside = [...around(topic[0]!, 2, 0.3), ...around(known[0]!, 2, 1.4)];
    const near = nearestNeighbours(outside, vectors, 15);
    const verdicts = outside.map((vector, q) => wouldSeed(near, q, nearestTheme(vector, exemplars), 0.1));
    expect(verdicts).toEqual([true, true, false, false]);
  });
});

describe('the probe rank', () => {
  // A probe that has learnt each known theme's direction (the fifth row is the boilerplate theme's,
  // which claims everything and is left aside).
  const dims = known[0]!.length;
  const probe: Probe = {
    dims,
    l2: 0.001,
    centre: new Array<number>(dims).fill(0),
    weights: [...known.map((theme) => Array.from(theme)), new Array<number>(dims).fill(0)],
    bias: [0, 0, 0, 0, 5],
  };
  const of = probeUnclaimed(probe, 4);

  it('is minus the highest probe score of a theme other than the boilerplate one', () => {
    expect(of(known[2]!)).toBeCloseTo(-1, 5);
    const mixed = unit(Array.from(known[0]!, (v, d) => v + 0.5 * known[1]![d]!));
    expect(of(mixed)).toBeCloseTo(-Math.max(...known.map((theme) => Array.from(theme).reduce((sum, w, d) => sum + w * mixed[d]!, 0))), 5);
    expect(of(topic[0]!)).toBeGreaterThan(of(missed[0]!));
  });

  it('moves seeds from the feedback a known theme learnt to the missing topic, judging a sentence outside the sample the same way', () => {
    // A loose topic, and exemplars that tell nothing (all equally near): the pool's density alone
    // hardly tells the topic from the missed feedback.
    const loose = around(direction(), 15, 1.4);
    const pool = [...missed, ...loose];
    const near = pool.map(() => 0.3);
    const flat = pool.map(() => 0.1);
    const fromTopic = (seeds: boolean[]) => seeds.filter((seed, i) => seed && isTopic(i)).length;
    const without = chooseSeeds(pool, near, flat, 0.2, 15, 1);
    const withProbe = chooseSeeds(pool, near, flat, 0.2, 15, 1, { of, weight: 2 });
    expect(withProbe.seeds.filter(Boolean)).toHaveLength(without.seeds.filter(Boolean).length);
    expect(fromTopic(withProbe.seeds)).toBeGreaterThan(fromTopic(without.seeds));
    // Weight 0 changes nothing.
    expect(chooseSeeds(pool, near, flat, 0.2, 15, 1, { of, weight: 0 }).seeds).toEqual(without.seeds);
    const outside = [loose[0]!, known[0]!];
    const listed = nearestNeighbours(outside, pool, 15);
    const verdicts = outside.map((vector, q) => withProbe.wouldSeed(listed, q, 0.3, 0.1, vector));
    expect(verdicts).toEqual([true, false]);
  });
});

describe('the learnt rank', () => {
  it('moves seeds to the sentences the learnt test scores high, judging a sentence outside the sample by its score', () => {
    const loose = around(direction(), 15, 1.4);
    const pool = [...missed, ...loose];
    const near = pool.map(() => 0.3);
    const flat = pool.map(() => 0.1);
    const fromTopic = (seeds: boolean[]) => seeds.filter((seed, i) => seed && isTopic(i)).length;
    // A test that knows the topic's sentences (scores them 0.9, the rest 0.1).
    const scores = pool.map((_, i) => (isTopic(i) ? 0.9 : 0.1));
    const without = chooseSeeds(pool, near, flat, 0.2, 15, 1);
    const withLearnt = chooseSeeds(pool, near, flat, 0.2, 15, 1, null, null, { scores, weight: 3 });
    expect(withLearnt.seeds.filter(Boolean)).toHaveLength(without.seeds.filter(Boolean).length);
    expect(fromTopic(withLearnt.seeds)).toBeGreaterThan(fromTopic(without.seeds));
    expect(chooseSeeds(pool, near, flat, 0.2, 15, 1, null, null, { scores, weight: 0 }).seeds).toEqual(without.seeds);
    const outside = [loose[0]!, loose[0]!];
    const listed = nearestNeighbours(outside, pool, 15);
    const verdicts = outside.map((vector, q) => withLearnt.wouldSeed(listed, q, 0.3, 0.1, vector, q === 0 ? 0.9 : 0.1));
    expect(verdicts).toEqual([true, false]);
  });
});

describe('the seeds the stability test counts (stabilityCore)', () => {
  const ranks = [0.9, 0.1, 0.5, 0.7, 0.3, 0.8];

  it('counts the most novel share of the grouped sentences, and of them only those counted already', () => {
    expect([...novelCore(undefined, ranks, 0.5)!]).toEqual([1, 0, 0, 1, 0, 1]);
    expect([...novelCore(Uint8Array.from([1, 1, 1, 0, 1, 1]), ranks, 0.5)!]).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('leaves the counted sentences as they are at a share of 1 or without seed ranks', () => {
    const unsure = Uint8Array.from([1, 0, 1, 0, 1, 0]);
    expect(novelCore(unsure, ranks, 1)).toBe(unsure);
    expect(novelCore(unsure, null, 0.5)).toBe(unsure);
    expect(novelCore(undefined, null, 0.5)).toBeUndefined();
  });
});
