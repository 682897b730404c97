import { describe, expect, it } from 'vitest';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';
import { groupByNeighbourhood } from '../../src/discover/group.js';
import { dot, nearestNeighbours } from '../../src/discover/neighbours.js';
import { probeBasis, themeBasis, withoutBasis } from '../../src/discover/residual.js';
import { topicSpace, unit } from '../helpers/vectors.js';

const { direction, around } = topicSpace(32, 9);
const mean = (list: readonly Float32Array[]) =>
  Float32Array.from(list[0]!, (_, d) => list.reduce((sum, v) => sum + v[d]!, 0) / list.length);

describe('what the taxonomy does not explain', () => {
  const themes = Array.from({ length: 3 }, direction);
  const exemplars = themes.map((theme) => around(theme, 12, 0.4));
  // Missed feedback of the first theme, and a topic beside it.
  const missed = around(themes[0]!, 40, 0.9);
  const offset = direction();
  const topic = around(unit(Array.from(themes[0]!, (t, d) => t + 0.6 * offset[d]!)), 15, 0.9);

  it('takes each theme’s mean exemplar out of a vector, and more of its spread with more directions', () => {
    const basis = themeBasis(exemplars, 1);
    expect(basis).toHaveLength(3);
    basis.forEach((a, i) => {
      basis.forEach((b, j) => {
        expect(dot(a, b)).toBeCloseTo(i === j ? 1 : 0, 5);
      });
    });
    const vector = direction();
    const rest = withoutBasis(vector, basis);
    expect(dot(rest, rest)).toBeCloseTo(1, 5);
    for (const list of exemplars) expect(dot(rest, unit(Array.from(mean(list))))).toBeCloseTo(0, 5);
    // Three directions per theme: the exemplars' own spread goes too, so they keep less of themselves.
    const wider = themeBasis(exemplars, 3);
    expect(wider).toHaveLength(9);
    const kept = (b: Float32Array[]) => exemplars[0]!.reduce((sum, v) => sum + dot(withoutBasis(v, b), v), 0);
    expect(kept(wider)).toBeLessThan(kept(basis));
    // No theme, nothing taken out.
    expect(withoutBasis(vector, themeBasis([], 1))).toBe(vector);
  });

  it('links a missing topic that sits beside a known theme to itself, not to the theme’s missed feedback', () => {
    // In the vectors as they are, both lie along the theme and are each other's neighbours; without the theme's direction
    // the topic keeps what its sentences share and the missed feedback is left with its noise.
    const vectors = [...missed, ...topic];
    const precision = (linked: Float32Array[]) => {
      const { k, index } = nearestNeighbours(linked, linked, 8, true);
      let own = 0;
      for (let i = 40; i < vectors.length; i++) for (let j = 0; j < k; j++) if (index[i * k + j]! >= 40) own++;
      return own / (15 * k);
    };
    const basis = themeBasis(exemplars, 1);
    const residual = vectors.map((v) => withoutBasis(v, basis));
    expect(precision(residual)).toBeGreaterThan(precision(vectors) + 0.2);

    // Grouped with those links, the topic is a group of mostly its own sentences.
    const settings = { ...ENGINE_PROFILES.hybrid.discovery.grouping!, minStability: 0 };
    const { candidates } = groupByNeighbourhood(vectors, exemplars, settings, residual);
    const best = candidates
      .map((g) => ({ own: g.members.filter((i) => i >= 40).length, size: g.members.length }))
      .sort((a, b) => b.own - a.own)[0]!;
    expect(best.own).toBeGreaterThanOrEqual(10);
    expect(best.own / best.size).toBeGreaterThanOrEqual(0.7);
  });

  it('takes a share of the parts along the probe’s theme weights out, never the boilerplate theme’s', () => {
    // Weights of three themes, the last the boilerplate theme's, not unit length nor orthogonal.
    const weights = [themes[0]!, themes[1]!, themes[2]!].map((t, i) => Array.from(t, (x, d) => (i + 2) * x + 0.3 * themes[0]![d]!));
    const basis = probeBasis(weights, 2);
    expect(basis).toHaveLength(2);
    expect(dot(basis[0]!, basis[1]!)).toBeCloseTo(0, 5);
    const vector = unit(Array.from(themes[0]!, (t, d) => t + themes[2]![d]! + 0.5 * offset[d]!));
    const along = (v: Float32Array, w: readonly number[]) => dot(v, unit(w));
    // All of it: nothing left along the two themes' weights, the boilerplate theme's part kept.
    const rest = withoutBasis(vector, basis);
    expect(dot(rest, rest)).toBeCloseTo(1, 5);
    expect(along(rest, weights[0]!)).toBeCloseTo(0, 5);
    expect(along(rest, weights[1]!)).toBeCloseTo(0, 5);
    expect(along(rest, weights[2]!)).toBeGreaterThan(0.3);
    // Half of it: less along the first theme than before, more than with all of it taken out.
    const half = withoutBasis(vector, basis, 0.5);
    expect(dot(half, half)).toBeCloseTo(1, 5);
    expect(along(half, weights[0]!)).toBeLessThan(along(vector, weights[0]!) - 0.05);
    expect(along(half, weights[0]!)).toBeGreaterThan(0.05);
    // None of it: the vector itself.
    expect(withoutBasis(vector, basis, 0)).toBe(vector);
  });
});
