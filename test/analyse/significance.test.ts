import { describe, expect, it } from 'vitest';
import { CHANGE_GUARD, compareProportions, formatP, twoSidedP } from '../../src/analyse/significance.js';

describe('twoSidedP', () => {
  it('matches the standard normal table', () => {
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 5);
    expect(twoSidedP(3.290527)).toBeCloseTo(0.001, 6);
  });
});

describe('compareProportions', () => {
  it('computes the pooled two-proportion z statistic and its p-value', () => {
    // 14 of 100 before, 31 of 100 after: pooled 0.225, SE 0.05906, z = 0.17 / 0.05906.
    const outcome = compareProportions({ items: 14, of: 100 }, { items: 31, of: 100 });
    expect(outcome.significant).toBe(true);
    expect(outcome.z).toBeCloseTo(2.8787, 3);
    expect(outcome.pValue).toBeCloseTo(0.00399, 4);
  });

  it('corrects for the number of themes tested at once (Bonferroni)', () => {
    const outcome = compareProportions({ items: 14, of: 100 }, { items: 31, of: 100 }, 20);
    expect(outcome).toMatchObject({ significant: false, reason: 'noise' });
  });

  it('says nothing about a difference in small samples, however large it looks', () => {
    // A dozen items a side: 2 of 12 against 9 of 12 is a big jump, but too few to judge.
    expect(compareProportions({ items: 2, of: 12 }, { items: 9, of: 12 })).toMatchObject({ significant: false, reason: 'too-few' });
    // Enough items but a rare theme: fewer than five expected on a side.
    expect(compareProportions({ items: 0, of: 40 }, { items: 4, of: 40 })).toMatchObject({ significant: false, reason: 'too-few' });
    expect(CHANGE_GUARD.minItems).toBeGreaterThan(12);
  });

  it('finds no change between identical figures', () => {
    expect(compareProportions({ items: 30, of: 120 }, { items: 30, of: 120 })).toMatchObject({ significant: false, reason: 'noise', z: 0 });
  });

  it('ignores differences too small to matter, even when a huge export makes them significant', () => {
    const outcome = compareProportions({ items: 60_000, of: 200_000 }, { items: 62_000, of: 200_000 });
    expect(outcome.pValue!).toBeLessThan(1e-6);
    expect(outcome).toMatchObject({ significant: false, reason: 'too-small' });
  });

  it('is symmetric: a fall is found like a rise', () => {
    const rise = compareProportions({ items: 10, of: 80 }, { items: 30, of: 80 });
    const fall = compareProportions({ items: 30, of: 80 }, { items: 10, of: 80 });
    expect(rise.significant && fall.significant).toBe(true);
    expect(fall.z).toBeCloseTo(-rise.z!, 10);
  });
});

describe('formatP', () => {
  it('prints small p-values as a bound', () => {
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.0123)).toBe('p = 0.012');
    expect(formatP(0.31)).toBe('p = 0.31');
  });
});
