import { describe, expect, it } from 'vitest';
import { averageLinkageClusters, averageLinkageMerges } from '../../src/discover/cluster.js';
import { randomVectors, unit } from '../helpers/vectors.js';

/** The textbook O(n³) algorithm: merge the closest pair by mean pairwise distance, again and again. */
function bruteForceHeights(vectors: Float32Array[]): number[] {
  const cos = (a: Float32Array, b: Float32Array) => 1 - a.reduce((s, x, d) => s + x * b[d]!, 0);
  let clusters = vectors.map((_, i) => [i]);
  const heights: number[] = [];
  while (clusters.length > 1) {
    let best = { i: 0, j: 1, d: Infinity };
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        let sum = 0;
        for (const a of clusters[i]!) for (const b of clusters[j]!) sum += cos(vectors[a]!, vectors[b]!);
        const d = sum / (clusters[i]!.length * clusters[j]!.length);
        if (d < best.d) best = { i, j, d };
      }
    }
    heights.push(best.d);
    const merged = [...clusters[best.i]!, ...clusters[best.j]!];
    clusters = clusters.filter((_, k) => k !== best.i && k !== best.j);
    clusters.push(merged);
  }
  return heights;
}

describe('average linkage', () => {
  it('builds the same dendrogram heights as merging the closest pair by mean distance', () => {
    const vectors = randomVectors(40, 6, 7);
    const chain = averageLinkageMerges(vectors)
      .map((m) => m.distance)
      .sort((a, b) => a - b);
    const brute = bruteForceHeights(vectors).sort((a, b) => a - b);
    expect(chain).toHaveLength(39);
    chain.forEach((height, i) => {
      expect(height).toBeCloseTo(brute[i]!, 9);
    });
  });

  it('cuts the dendrogram at the distance: two tight groups far apart stay two clusters', () => {
    const vectors = [
      unit([1, 0.05, 0]),
      unit([1, 0, 0.05]),
      unit([1, 0.02, 0.02]),
      unit([0, 1, 0.05]),
      unit([0.05, 1, 0]),
      unit([0, 0, 1]),
    ];
    expect(averageLinkageClusters(vectors, 0.1)).toEqual([0, 0, 0, 1, 1, 2]);
    // A cut above every height joins everything; a cut below every height joins nothing.
    expect(new Set(averageLinkageClusters(vectors, 2))).toEqual(new Set([0]));
    expect(averageLinkageClusters(vectors, -1)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('uses the mean distance, not the closest pair: a chain of near neighbours is not one cluster', () => {
    // Points along an arc: each is close to the next, the ends are far apart.
    const arc = Array.from({ length: 7 }, (_, i) => unit([Math.cos((i * Math.PI) / 12), Math.sin((i * Math.PI) / 12)]));
    const labels = averageLinkageClusters(arc, 0.05);
    expect(new Set(labels).size).toBeGreaterThan(1);
    expect(labels[0]).not.toBe(labels[6]);
  });

  it('gives the same labels on every run and for sparse vectors as for dense ones', () => {
    const dense = randomVectors(60, 8, 11);
    // The same directions spread over a wide, mostly-zero space (the lexical engine's layout).
    const sparse = dense.map((v) => {
      const wide = new Float32Array(512);
      v.forEach((x, d) => {
        wide[d * 61] = x;
      });
      return wide;
    });
    const first = averageLinkageClusters(dense, 0.6);
    expect(averageLinkageClusters(dense, 0.6)).toEqual(first);
    expect(averageLinkageClusters(sparse, 0.6)).toEqual(first);
  });
});
