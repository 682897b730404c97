import { describe, expect, it } from 'vitest';
import { FIT_DEFAULTS, fitHead, surestCut, type LabelledFeatures } from '../../../src/classify/head/fit.js';
import { seededRandom } from '../../../src/random.js';

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

  it('is what train uses, with a tolerance of 0.002', () => {
    expect(FIT_DEFAULTS.cutTolerance).toBe(0.002);
  });
});

describe('fitHead with bagging', () => {
  const themes = ['x', 'y'];
  const random = seededRandom(7);
  const items: LabelledFeatures[] = Array.from({ length: 120 }, (_, i) => {
    const a = random() * 2 - 1;
    const b = random() * 2 - 1;
    const labels = [...(a + 0.3 * random() > 0.2 ? ['x'] : []), ...(b - 0.3 * random() > 0 ? ['y'] : [])];
    return {
      features: [
        [a, b],
        [b, a],
      ],
      reading: { allowed: [true, true], asserted: [false, false] },
      shape: { reasons: 1, silence: false, text: `item ${i}` },
      themes: labels,
      group: i % 6,
    };
  });
  const settings = { ...FIT_DEFAULTS, l2s: [0.1], positiveWeights: [1], cuts: [0.5] };
  const weightsOf = (head: ReturnType<typeof fitHead>) => head.themes.flatMap((t) => [...t.weights, t.bias]);

  it('averages fits on resamples into weights near the single fit, the same every time', () => {
    const single = weightsOf(fitHead(items, themes, settings));
    const bagged = weightsOf(fitHead(items, themes, { ...settings, bags: 8 }));
    expect(weightsOf(fitHead(items, themes, { ...settings, bags: 8 }))).toEqual(bagged);
    expect(bagged).not.toEqual(single);
    bagged.forEach((w, j) => {
      expect(Math.abs(w - single[j]!)).toBeLessThan(0.5 * Math.max(1, Math.abs(single[j]!)));
    });
  });

  it('draws whole groups: with one group every resample is the whole set, so the fit is the single one', () => {
    const oneGroup = items.map((item) => ({ ...item, group: 0 }));
    const single = weightsOf(fitHead(oneGroup, themes, settings));
    weightsOf(fitHead(oneGroup, themes, { ...settings, bags: 4 })).forEach((w, j) => {
      expect(w).toBeCloseTo(single[j]!, 9);
    });
  });
});
