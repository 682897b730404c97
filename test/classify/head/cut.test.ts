import { describe, expect, it } from 'vitest';
import { smoothedCut, surestCut } from '../../../src/classify/head/cut.js';
import { FIT_DEFAULTS } from '../../../src/classify/head/fit.js';

describe('surestCut', () => {
  const curve = [
    { cut: 0.4, micro: 0.86, macro: 0.85 },
    { cut: 0.5, micro: 0.8731, macro: 0.87 },
    { cut: 0.55, micro: 0.8743, macro: 0.88 },
    { cut: 0.6, micro: 0.8741, macro: 0.875 },
  ];

  it('takes the highest cut that scores within the tolerance of the best', () => {
    expect(surestCut(curve, 0.8743, 0.002)).toEqual({ cut: 0.6, micro: 0.8741, macro: 0.875 });
  });

  it('takes the best cut when no higher one comes within the tolerance', () => {
    expect(surestCut(curve, 0.8743, 0.0001).cut).toBe(0.55);
    expect(surestCut(curve, 0.8743, 0).cut).toBe(0.55);
  });

  it('never takes a cut further from the best than the tolerance, however high', () => {
    const falling = [...curve, { cut: 0.65, micro: 0.87, macro: 0.87 }];
    expect(surestCut(falling, 0.8743, 0.002).cut).toBe(0.6);
  });

  it('is what train uses, with a tolerance of 0.003', () => {
    expect(FIT_DEFAULTS.cutTolerance).toBe(0.003);
  });
});

describe('smoothedCut', () => {
  const grid = [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
  const curveOf = (micros: number[]) => micros.map((micro, k) => ({ cut: grid[k]!, micro, macro: micro }));
  // Out-of-fold micro-F1 of the built-in head's cuts fitted on twenty and on twenty-one development sets.
  const twenty = curveOf([0.8529, 0.8602, 0.8649, 0.868, 0.87, 0.871, 0.8709, 0.8693]);
  const twentyOne = curveOf([0.8533, 0.8613, 0.8658, 0.8692, 0.8713, 0.8724, 0.8721, 0.8701]);

  it('moves the cut by a hundredth where surestCut moved it a step of the grid', () => {
    expect(surestCut(twenty, 0.871, 0.002).cut).toBe(0.6);
    expect(surestCut(twentyOne, 0.8724, 0.002).cut).toBe(0.55);
    expect(smoothedCut(twenty, 0.871, 0.002)).toBe(0.6);
    expect(smoothedCut(twentyOne, 0.8724, 0.002)).toBe(0.59);
  });

  it('takes a higher cut for a wider tolerance, never above the grid', () => {
    expect(smoothedCut(twentyOne, 0.8724, 0.0005)).toBeLessThan(smoothedCut(twentyOne, 0.8724, 0.002));
    expect(smoothedCut(twentyOne, 0.8724, 0.05)).toBe(0.6);
  });

  it("falls back to surestCut's cut where the figures have no peak inside the grid", () => {
    const rising = curveOf([0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87]);
    expect(smoothedCut(rising, 0.87, 0.002)).toBe(0.6);
    const falling = curveOf([0.87, 0.868, 0.865, 0.86, 0.85, 0.84, 0.83, 0.82]);
    expect(smoothedCut(falling, 0.87, 0.002)).toBe(surestCut(falling, 0.87, 0.002).cut);
  });

  it('is what train uses: with its tolerance of 0.003 the cut is 0.6 on both', () => {
    expect(FIT_DEFAULTS.smoothCut).toBe(true);
    expect(smoothedCut(twenty, 0.871, FIT_DEFAULTS.cutTolerance)).toBe(0.6);
    expect(smoothedCut(twentyOne, 0.8724, FIT_DEFAULTS.cutTolerance)).toBe(0.6);
  });
});
