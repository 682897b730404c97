import { describe, expect, it } from 'vitest';
import { fitLogistic, fitPlatt, logit, sigmoid } from '../../../src/classify/head/logistic.js';

describe('fitLogistic', () => {
  // y = 1 exactly when x0 > x1; x2 is noise the penalty should keep small.
  const x = Array.from({ length: 60 }, (_, i) => [Math.sin(i * 1.7), Math.cos(i * 2.3), ((i * 37) % 11) / 11 - 0.5]);
  const y = x.map((row) => (row[0]! > row[1]! ? 1 : 0));

  it('learns a separating direction, and the same one every time', () => {
    const model = fitLogistic(x, y, { l2: 0.001 });
    const right = x.filter((row, i) => (logit(model, row) > 0 ? 1 : 0) === y[i]).length;
    expect(right / x.length).toBeGreaterThanOrEqual(0.95);
    expect(model.weights[0]!).toBeGreaterThan(0);
    expect(model.weights[1]!).toBeLessThan(0);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(Math.abs(model.weights[0]!) / 3);
    expect(fitLogistic(x, y, { l2: 0.001 })).toEqual(model);
  });

  it('counts an example of weight 2 as two of weight 1', () => {
    const weights = x.map((_, i) => (i % 3 === 0 ? 2 : 1));
    const weighted = fitLogistic(x, y, { l2: 0.01, weights });
    // Weighted by the mean weight, the loss is the same as with every weighted row written twice.
    const rows = x.flatMap((row, i) => (weights[i] === 2 ? [row, row] : [row]));
    const labels = y.flatMap((label, i) => (weights[i] === 2 ? [label, label] : [label]));
    const scale = rows.length / x.length;
    const repeated = fitLogistic(rows, labels, { l2: 0.01 / scale });
    weighted.weights.forEach((w, j) => {
      expect(w).toBeCloseTo(repeated.weights[j]!, 6);
    });
    expect(weighted.bias).toBeCloseTo(repeated.bias, 6);
    expect(weighted).not.toEqual(fitLogistic(x, y, { l2: 0.01 }));
  });

  it('shrinks the weights as the penalty grows', () => {
    const loose = fitLogistic(x, y, { l2: 0.001 });
    const tight = fitLogistic(x, y, { l2: 1 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });

  it('weights positives more when asked, moving the bias up', () => {
    const rare = y.map((v, i) => (v === 1 && i % 3 === 0 ? 1 : 0));
    expect(fitLogistic(x, rare, { l2: 0.1, positiveWeight: 3 }).bias).toBeGreaterThan(fitLogistic(x, rare, { l2: 0.1 }).bias);
  });
});

describe('fitPlatt', () => {
  it('maps over-confident scores back to the observed rate', () => {
    // Scores of 4 are right only 3 times in 4: a calibrated probability near 0.75, not sigmoid(4) = 0.98.
    const scores = [...Array(40).fill(4), ...Array(40).fill(-4)];
    const labels = [...Array(30).fill(1), ...Array(10).fill(0), ...Array(4).fill(1), ...Array(36).fill(0)];
    const { a, b } = fitPlatt(scores, labels);
    expect(sigmoid(a * 4 + b)).toBeCloseTo(0.75, 1);
    expect(sigmoid(a * -4 + b)).toBeCloseTo(0.1, 1);
  });
});
