import { describe, expect, it } from 'vitest';
import { createSimilarity, wideVector } from '../../src/classify/similarity.js';
import { seededRandom } from '../../src/random.js';

/** The plainest dot product: every dimension, in order, summed in float64. */
function plainDot(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot;
}

/** Vectors shaped like an engine's: `lead` dense dimensions, then `used` random non-zeros out of the rest. */
function vectors(count: number, dims: number, lead: number, used: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = new Float32Array(dims);
    for (let d = 0; d < lead; d++) v[d] = random() - 0.5;
    for (let k = 0; k < used; k++) v[lead + Math.floor(random() * (dims - lead))] = random() - 0.5;
    return v;
  });
}

describe('createSimilarity', () => {
  // Cached scores must equal fresh ones to the last bit, whichever layout the kernel picks.
  it.each([
    ['dense (neural)', 64, 64, 0],
    ['sparse (lexical)', 4096, 0, 12],
    ['a dense lead then a sparse tail (hybrid)', 4096, 48, 12],
    // A narrow tail: the query's non-zeros meet several exemplars' in most dimensions.
    ['a dense lead then a narrow tail the exemplars share', 176, 16, 40],
  ])('gives exactly the plain dot products for %s vectors', (_, dims, lead, used) => {
    const exemplars = vectors(23, dims, lead, used, 1);
    const queries = vectors(9, dims, lead, used, 2);
    const similarity = createSimilarity(exemplars, dims);
    for (const query of queries) {
      const sims = similarity(query);
      expect(sims).toHaveLength(exemplars.length);
      exemplars.forEach((exemplar, e) => {
        expect(sims[e]).toBe(plainDot(query, exemplar));
      });
    }
  });

  it('gives the same bits for a vector given as its lead and the non-zeros after it, whatever lead it has', () => {
    const [dims, lead] = [4096, 48];
    const exemplars = vectors(23, dims, lead, 12, 1);
    const similarity = createSimilarity(exemplars, dims);
    for (const query of vectors(9, dims, lead, 12, 2)) {
      for (const given of [lead, lead - 5]) {
        const tail = [...query.keys()].filter((d) => d >= given && query[d] !== 0);
        const split = {
          lead: query.slice(0, given),
          tailAt: Int32Array.from(tail),
          tailValues: Float32Array.from(tail, (d) => query[d]!),
        };
        expect(wideVector(split, dims)).toEqual(query);
        expect(similarity(split)).toEqual(similarity(query));
      }
    }
  });

  it('scores a vector with no non-zero dimension as 0 against everything', () => {
    const exemplars = vectors(5, 1024, 16, 8, 3);
    const sims = createSimilarity(exemplars, 1024)(new Float32Array(1024));
    expect([...sims]).toEqual([0, 0, 0, 0, 0]);
  });
});
