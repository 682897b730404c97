import { describe, expect, it } from 'vitest';
import { foldsOf } from '../../../src/classify/head/fit.js';

describe('foldsOf', () => {
  const items = (sets: (number | undefined)[]) => sets.map((set) => ({ set }));

  it('holds out whole labelled sets when asked and there are at least as many sets as folds', () => {
    const folds = foldsOf(items([0, 0, 1, 2, 2, 3, 4, 5, 5, 6]), 5, true);
    expect(folds).toEqual([0, 0, 1, 2, 2, 3, 4, 0, 0, 1]);
    // Every set sits in one fold only.
    for (const set of [0, 2, 5]) expect(new Set(folds.filter((_, i) => [0, 0, 1, 2, 2, 3, 4, 5, 5, 6][i] === set)).size).toBe(1);
  });

  it('folds by position otherwise: not asked, too few sets, or an item from no set', () => {
    const byPosition = [0, 1, 2, 3, 4, 0, 1];
    expect(foldsOf(items([0, 0, 1, 2, 3, 4, 5]), 5, false)).toEqual(byPosition);
    expect(foldsOf(items([0, 0, 1, 1, 2, 2, 3]), 5, true)).toEqual(byPosition);
    expect(foldsOf(items([0, 1, 2, 3, 4, 5, undefined]), 5, true)).toEqual(byPosition);
  });
});
