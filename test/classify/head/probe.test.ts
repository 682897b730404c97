import { describe, expect, it } from 'vitest';
import { attachProbe, fitProbe, itemProbeVector, modelPart, probeScores, stackProbe } from '../../../src/classify/head/probe.js';
import { segmentItems, type ScoredItem } from '../../../src/classify/units.js';

// Theme 0 goes with direction 0, theme 1 with direction 1; direction 2 is noise.
const vectors = Array.from({ length: 80 }, (_, i) => {
  const a = i % 2;
  const b = Math.floor(i / 2) % 2;
  return [a + 0.1 * Math.sin(i), b + 0.1 * Math.cos(i * 1.3), ((i * 37) % 11) / 11 - 0.5];
});
const labels = vectors.map((_, i) => [i % 2, Math.floor(i / 2) % 2]);

describe('fitProbe', () => {
  it("learns each theme's direction, the same every time, and scores near the labels", () => {
    const probe = fitProbe(vectors, labels, 0.001);
    expect(probe.weights[0]![0]!).toBeGreaterThan(0.5);
    expect(Math.abs(probe.weights[0]![1]!)).toBeLessThan(0.2);
    expect(probe.weights[1]![1]!).toBeGreaterThan(0.5);
    expect(probe.bias).toEqual([0.5, 0.5]);
    const right = vectors.filter((v, i) => probeScores(probe, v).every((p, t) => p > 0.5 === (labels[i]![t] === 1))).length;
    expect(right).toBe(vectors.length);
    expect(fitProbe(vectors, labels, 0.001)).toEqual(probe);
  });

  it('shrinks towards the mean label as the penalty grows', () => {
    const loose = fitProbe(vectors, labels, 0.001);
    const tight = fitProbe(vectors, labels, 10);
    expect(Math.abs(tight.weights[0]![0]!)).toBeLessThan(Math.abs(loose.weights[0]![0]!) / 5);
  });
});

describe('fitProbe with partly labelled rows', () => {
  const half = (k: number) => vectors.filter((_, i) => (i < 40 ? 0 : 1) === k);
  const halfLabels = (k: number) => labels.filter((_, i) => (i < 40 ? 0 : 1) === k);
  const scores = (probe: ReturnType<typeof fitProbe>) => vectors.map((v) => probeScores(probe, v));

  it('with every label known and weight 1, scores as the fit on all rows together', () => {
    const together = fitProbe([...half(0), ...half(1)], [...halfLabels(0), ...halfLabels(1)], 0.01);
    const known = half(1).map(() => [true, true]);
    const split = fitProbe(half(0), halfLabels(0), 0.01, { vectors: half(1), labels: halfLabels(1), known, weight: 1 });
    // One centre is kept (the fully labelled rows'), so the weights match and the biases absorb the shift.
    expect(split.centre).toEqual(fitProbe(half(0), halfLabels(0), 0.01).centre);
    scores(split).forEach((row, i) => {
      row.forEach((p, t) => {
        expect(p).toBeCloseTo(scores(together)[i]![t]!, 4);
      });
    });
  });

  it('leaves a theme whose label the rows do not give as without them, and moves one they give', () => {
    const alone = fitProbe(half(0), halfLabels(0), 0.01);
    // Rows along theme 0's direction said not to have it.
    const against = half(1).map((v) => [v[0]! + 1, v[1]!, v[2]!]);
    const partly = fitProbe(half(0), halfLabels(0), 0.01, {
      vectors: against,
      labels: against.map(() => [0, 0]),
      known: against.map(() => [true, false]),
      weight: 2,
    });
    partly.weights[1]!.forEach((w, d) => {
      expect(w).toBeCloseTo(alone.weights[1]![d]!, 9);
    });
    expect(partly.bias[1]).toBeCloseTo(alone.bias[1]!, 9);
    expect(partly.weights[0]![0]!).toBeLessThan(alone.weights[0]![0]! - 0.1);
  });
});

describe('modelPart', () => {
  it("takes the model's leading entries of a hybrid vector at unit length, and leaves the input alone", () => {
    const hybrid = Float32Array.from([0.6, 0.8, 0, 5, 5].map((x, i) => (i < 3 ? x * 0.5 : x)));
    expect(Array.from(modelPart(hybrid, 3))).toEqual([Math.fround(0.6), Math.fround(0.8), 0]);
    expect(hybrid[0]).toBeCloseTo(0.3, 6);
  });
});

describe('stackProbe', () => {
  // One-sentence items whose text names their vector.
  const table = new Map(vectors.map((v, i) => [`Item number ${i}.`, Float32Array.from(v)]));
  const items = (): ScoredItem[] => {
    const segmented = segmentItems([...table.keys()].map((text, i) => ({ id: `i${i}`, text })));
    for (const item of segmented) for (const s of item.segments) s.units = [{ text: s.scoredText, scores: [0, 0], nearest: [0, 0] }];
    return segmented;
  };
  const vectorOf = (text: string) => table.get(text)!;

  it('scores each item with a probe fitted without it, and returns the probe fitted on all', () => {
    const scored = items();
    const probe = stackProbe(scored, labels, vectorOf, { dims: 3, l2: 0.001, folds: 5 });
    expect(probe).toEqual(
      fitProbe(
        scored.map((item) => itemProbeVector(item, vectorOf, 3)),
        labels,
        0.001,
      ),
    );
    const outOfFold = scored.map((item) => item.segments[0]!.units[0]!.probe!);
    const inSample = items();
    attachProbe(inSample, probe, vectorOf);
    // Out of fold, every item is scored, and not by the probe that saw it.
    expect(outOfFold.every((p) => p.length === 2)).toBe(true);
    expect(outOfFold).not.toEqual(inSample.map((item) => item.segments[0]!.units[0]!.probe));
    const fold1 = fitProbe(
      [...table.values()].filter((_, i) => i % 5 !== 1),
      labels.filter((_, i) => i % 5 !== 1),
      0.001,
    );
    expect(outOfFold[6]).toEqual(probeScores(fold1, vectorOf('Item number 6.')));
  });
});
