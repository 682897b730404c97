import { describe, expect, it } from 'vitest';
import { FIT_DEFAULTS, fitHead, partialLabels, type LabelledFeatures } from '../../../src/classify/head/fit.js';
import { seededRandom } from '../../../src/random.js';

/** An item of two themes whose features are its two coordinates, one theme per coordinate. */
const twoThemeItem = (a: number, b: number, labels: string[], i: number): LabelledFeatures => ({
  features: [
    [a, b],
    [b, a],
  ],
  reading: { allowed: [true, true], asserted: [false, false] },
  shape: { reasons: 1, silence: false, text: `item ${i}` },
  themes: labels,
});

describe('fitHead with bagging', () => {
  const themes = ['x', 'y'];
  const random = seededRandom(7);
  const items: LabelledFeatures[] = Array.from({ length: 120 }, (_, i) => {
    const a = random() * 2 - 1;
    const b = random() * 2 - 1;
    const labels = [...(a + 0.3 * random() > 0.2 ? ['x'] : []), ...(b - 0.3 * random() > 0 ? ['y'] : [])];
    return { ...twoThemeItem(a, b, labels, i), group: i % 6 };
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

describe('fitHead with partly labelled items', () => {
  const themes = ['x', 'y'];
  const random = seededRandom(11);
  const full: LabelledFeatures[] = Array.from({ length: 100 }, (_, i) => {
    const a = random() * 2 - 1;
    const b = random() * 2 - 1;
    return twoThemeItem(a, b, [...(a + 0.4 * random() > 0.2 ? ['x'] : []), ...(b - 0.4 * random() > 0 ? ['y'] : [])], i);
  });
  // Sentences that say x must not be there, where x's evidence is strong: they pull x's weights down.
  const traps: LabelledFeatures[] = Array.from({ length: 30 }, (_, i) => ({
    ...twoThemeItem(0.9 + 0.1 * random(), random() * 2 - 1, [], 100 + i),
    ...partialLabels([], ['x'], themes),
    weight: 2,
  }));
  const settings = { ...FIT_DEFAULTS, l2s: [0.1], positiveWeights: [1], cuts: [0.3, 0.5] };

  it('reads a required theme as a positive, a forbidden one as a negative, any other as unknown', () => {
    expect(partialLabels(['y'], ['x'], ['x', 'y', 'z'])).toEqual({ themes: ['y'], known: [true, true, false] });
  });

  it('takes part only in the fits of the themes it labels', () => {
    const without = fitHead(full, themes, settings);
    const withTraps = fitHead([...full, ...traps], themes, settings);
    // x's model learnt from the traps; y's, whose label they do not give, is exactly as without them.
    expect(withTraps.themes[0]!.weights[0]!).toBeLessThan(without.themes[0]!.weights[0]!);
    expect(withTraps.themes[1]!.weights).toEqual(without.themes[1]!.weights);
    expect(withTraps.themes[1]!.bias).toBe(without.themes[1]!.bias);
  });

  it('chooses the cut, the sure level and the calibration, and reports cross-validation, on the fully labelled items alone', () => {
    const knownNothing = traps.map((trap) => ({ ...trap, known: [false, false] }));
    const without = fitHead(full, themes, settings);
    // Items that label no theme change nothing, though they sit in every fold.
    expect(fitHead([...full, ...knownNothing], themes, settings)).toEqual(without);
    const withTraps = fitHead([...full, ...traps], themes, settings);
    expect(withTraps.outOfFold).toHaveLength(full.length);
    expect(withTraps.standardise).toEqual(without.standardise);
  });

  it('needs fully labelled items to choose on', () => {
    expect(() => fitHead(traps, themes, settings)).toThrow(/no fully labelled item/);
  });
});
