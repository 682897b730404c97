import { describe, expect, it } from 'vitest';
import { createThemeScorer } from '../../src/classify/scoring.js';
import { fakeEmbedder, normalise, taxonomyOf, theme } from '../fixtures/classify/fake-embedder.js';

const table = { 'a one': [1, 0, 0], 'a two': [0.6, 0.8, 0], 'a three': [0, 1, 0], 'b one': [0, 0, 1] };
const taxonomy = taxonomyOf(theme('a', ['a one', 'a two', 'a three']), theme('b', ['b one']));

describe('theme scoring', () => {
  it('averages the k nearest exemplars and names the nearest', async () => {
    const scorer = await createThemeScorer(taxonomy, fakeEmbedder(table), { topK: 2, centroidWeight: 0 });
    const { scores, nearest } = scorer.score(normalise([1, 0, 0]));
    // Cosines to a: 1, 0.6, 0 → top two mean 0.8; to b: 0.
    expect(scores[0]).toBeCloseTo(0.8, 6);
    expect(scores[1]).toBe(0);
    expect(nearest).toEqual([0, 0]);
  });

  it('blends in the cosine to the theme centroid by its weight', async () => {
    const scorer = await createThemeScorer(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0.5 });
    const vector = normalise([1, 0, 0]);
    // Centroid of a: (1.6, 1.8, 0) normalised → cosine 1.6 / |(1.6, 1.8)|.
    const centroidCosine = 1.6 / Math.hypot(1.6, 1.8);
    expect(scorer.score(vector).scores[0]).toBeCloseTo(0.5 * 1 + 0.5 * centroidCosine, 6);
    expect(scorer.centroidWeight).toBe(0.5);
  });
});
