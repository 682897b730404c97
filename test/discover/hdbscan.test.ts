import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hdbscan } from '../../src/discover/hdbscan.js';

// scikit-learn's HDBSCAN labels on a fixture (test/fixtures/discover/hdbscan-sklearn.py writes it).
const fixture = JSON.parse(readFileSync('test/fixtures/discover/hdbscan-sklearn.json', 'utf8')) as Record<string, number[]> & {
  points: number[][];
};

/** Points labelled differently once each cluster of `labels` is renamed to the reference cluster it shares most points with. */
function disagreements(labels: ArrayLike<number>, reference: readonly number[]): number {
  const overlap = new Map<number, Map<number, number>>();
  Array.from(labels).forEach((label, i) => {
    const counts = overlap.get(label) ?? new Map<number, number>();
    counts.set(reference[i]!, (counts.get(reference[i]!) ?? 0) + 1);
    overlap.set(label, counts);
  });
  const renamed = new Map([...overlap].map(([label, counts]) => [label, [...counts].sort((a, b) => b[1] - a[1])[0]![0]]));
  // Noise stays noise: a cluster is never renamed to −1's place, nor −1 to a cluster's.
  renamed.set(-1, -1);
  return Array.from(labels).filter((label, i) => renamed.get(label) !== reference[i]).length;
}

const clusterCount = (labels: ArrayLike<number>) => new Set(Array.from(labels).filter((l) => l >= 0)).size;

describe('HDBSCAN against scikit-learn', () => {
  it('gives scikit-learn labels exactly where mutual reachability has no ties (min_samples 1), by excess of mass and by leaf', () => {
    for (const [key, selection] of [
      ['eomMinSamples1', 'eom'],
      ['leafMinSamples1', 'leaf'],
    ] as const) {
      const labels = hdbscan(fixture.points, 5, selection, 1);
      expect(clusterCount(labels)).toBe(clusterCount(fixture[key]!));
      expect(disagreements(labels, fixture[key]!)).toBe(0);
    }
  });

  it('agrees with scikit-learn up to a point on a tie with the default min_samples; leaf splits what excess of mass keeps whole', () => {
    // With min_samples > 1 many mutual reachability distances equal a core distance, and the two
    // implementations break such a tie apart: one point here sits at its core distance from two clusters.
    for (const [key, selection, minSamples] of [
      ['eom', 'eom', 5],
      ['leaf', 'leaf', 5],
      ['eomMinSamples3', 'eom', 3],
    ] as const) {
      const labels = hdbscan(fixture.points, 5, selection, minSamples);
      expect(clusterCount(labels)).toBe(clusterCount(fixture[key]!));
      expect(disagreements(labels, fixture[key]!)).toBeLessThanOrEqual(1);
    }
    expect(clusterCount(hdbscan(fixture.points, 5, 'leaf'))).toBe(clusterCount(hdbscan(fixture.points, 5, 'eom')) + 1);
  });

  it('labels everything noise when no cluster can form, separates two groups, and repeats itself', () => {
    expect(Array.from(hdbscan(fixture.points.slice(0, 4), 5, 'eom'))).toEqual([-1, -1, -1, -1]);
    const twoGroups = Array.from({ length: 12 }, (_, i) => [(i < 6 ? 0 : 100) + (i % 6) * 0.1, (i % 3) * 0.1]);
    const labels = Array.from(hdbscan(twoGroups, 5, 'eom'));
    expect(new Set(labels.slice(0, 6)).size).toBe(1);
    expect(new Set(labels.slice(6)).size).toBe(1);
    expect(labels[0]).not.toBe(labels[6]);
    expect(labels).not.toContain(-1);
    expect(Array.from(hdbscan(fixture.points, 5, 'eom'))).toEqual(Array.from(hdbscan(fixture.points, 5, 'eom')));
  });
});
