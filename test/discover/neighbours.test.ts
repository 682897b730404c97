import { describe, expect, it } from 'vitest';
import {
  dot,
  dotsWith,
  fuzzyNeighbourEdges,
  meanVector,
  nearestInPairs,
  nearestNeighbours,
  pairSimilarity,
  similarityAmong,
  similarityMatrix,
} from '../../src/discover/neighbours.js';
import { randomVectors, unit } from '../helpers/vectors.js';

describe('dotsWith', () => {
  it('gives dot of a query, or of one of the vectors, with each vector from a given one on', () => {
    const vectors = randomVectors(9, 8, 2);
    const dots = dotsWith(vectors);
    const query = randomVectors(1, 8, 3)[0]!;
    expect(Array.from(dots(query))).toEqual(vectors.map((v) => dot(query, v)));
    expect(Array.from(dots(4, 6))).toEqual(vectors.slice(6).map((v) => dot(vectors[4]!, v)));
    expect(Array.from(dots(8, 9))).toEqual([]);
  });

  it('leaves a query of another length to dot, as it does vectors the kernel cannot hold', () => {
    const query = randomVectors(1, 6, 4)[0]!;
    for (const vectors of [randomVectors(5, 8, 5), randomVectors(5, 6, 6)]) {
      expect(Array.from(dotsWith(vectors)(query))).toEqual(vectors.map((v) => dot(query, v)));
    }
  });
});

describe('nearest neighbours', () => {
  it('lists each point’s k most similar other points, nearest first, as a full sort would', () => {
    const vectors = randomVectors(60, 8, 1);
    const { k, index, similarity } = nearestNeighbours(vectors, vectors, 5, true);
    expect(k).toBe(5);
    vectors.forEach((v, i) => {
      const expected = vectors
        .map((w, j) => ({ j, s: dot(v, w) }))
        .filter(({ j }) => j !== i)
        .sort((a, b) => b.s - a.s || a.j - b.j)
        .slice(0, 5);
      expect([...index.subarray(i * 5, i * 5 + 5)]).toEqual(expected.map((e) => e.j));
      expected.forEach((e, r) => {
        expect(similarity[i * 5 + r]).toBeCloseTo(e.s, 6);
      });
    });
  });

  it('breaks ties by the lower index, and asks for no more neighbours than there are points', () => {
    const same = [unit([1, 0]), unit([1, 0]), unit([1, 0]), unit([0, 1])];
    const { k, index } = nearestNeighbours([unit([1, 0])], same, 2);
    expect(k).toBe(2);
    expect([...index]).toEqual([0, 1]);
    expect(nearestNeighbours(same, same, 10, true).k).toBe(3);
  });

  it('gives the same neighbours and similarities, to the last bit, from the pairs worked out once', () => {
    // Repeated vectors make ties, which must fall to the same index either way.
    const vectors = [...randomVectors(50, 8, 3), ...randomVectors(10, 8, 3)];
    const pairs = pairSimilarity(vectors);
    const all = vectors.map((_, i) => i);
    expect(nearestInPairs(pairs, all, 7, true)).toEqual(nearestNeighbours(vectors, vectors, 7, true));
    const some = [3, 55, 0, 41, 12, 5];
    const chosen = some.map((i) => vectors[i]!);
    expect(nearestInPairs(pairs, some, 9)).toEqual(nearestNeighbours(chosen, vectors, 9));
    expect(similarityAmong(pairs, some)).toEqual(similarityMatrix(chosen));
    for (let i = 0; i < vectors.length; i++)
      for (let j = 0; j < vectors.length; j++) expect(pairs.values[i * vectors.length + j]).toBe(dot(vectors[i]!, vectors[j]!));
  });
});

describe('mean vector', () => {
  it('averages component by component, so that a vector’s similarity to it is its mean similarity to each', () => {
    expect([...meanVector([Float32Array.of(1, 0, 2), Float32Array.of(0, 1, 4)])]).toEqual([0.5, 0.5, 3]);
    const vectors = randomVectors(7, 8, 5);
    const probe = randomVectors(1, 8, 6)[0]!;
    const mean = vectors.reduce((sum, v) => sum + dot(probe, v), 0) / vectors.length;
    expect(dot(probe, meanVector(vectors))).toBeCloseTo(mean, 6);
  });
});

describe('fuzzy neighbourhood graph (UMAP membership strengths)', () => {
  it('gives the nearest neighbour strength 1, sums each point’s strengths to log2 k, and joins directions as a fuzzy union', () => {
    const vectors = randomVectors(40, 6, 2);
    const k = 8;
    const neighbours = nearestNeighbours(vectors, vectors, k, true);
    const edges = fuzzyNeighbourEdges(neighbours, vectors.length);
    // Recover each point's directed strengths from the symmetric ones where only one direction exists.
    const weight = new Map(edges.map((e) => [`${e.a},${e.b}`, e.weight]));
    for (const e of edges) {
      expect(e.a).toBeLessThan(e.b);
      expect(e.weight).toBeGreaterThan(0);
      expect(e.weight).toBeLessThanOrEqual(1);
    }
    for (let i = 0; i < vectors.length; i++) {
      const nearest = neighbours.index[i * k]!;
      expect(weight.get(`${Math.min(i, nearest)},${Math.max(i, nearest)}`)).toBeCloseTo(1, 6);
    }
    // A point whose links are all one-way: its strengths are exactly its own, summing to log2 k.
    const incoming = new Set<number>();
    for (let i = 0; i < vectors.length; i++) for (let r = 0; r < k; r++) incoming.add(i * 1000 + neighbours.index[i * k + r]!);
    const oneWay = [...Array(vectors.length).keys()].find((i) =>
      [...neighbours.index.subarray(i * k, (i + 1) * k)].every((j) => !incoming.has(j * 1000 + i)),
    );
    if (oneWay !== undefined) {
      const sum = [...neighbours.index.subarray(oneWay * k, (oneWay + 1) * k)].reduce(
        (s, j) => s + weight.get(`${Math.min(oneWay, j)},${Math.max(oneWay, j)}`)!,
        0,
      );
      expect(sum).toBeCloseTo(Math.log2(k), 3);
    }
    // Two-way links: a + b − ab of the two directed strengths, so never below either.
    expect(edges.length).toBeLessThanOrEqual(vectors.length * k);
    expect(edges.length).toBeGreaterThanOrEqual((vectors.length * k) / 2);
  });
});
