import { describe, expect, it } from 'vitest';
import { decideThemes } from '../../../src/classify/head/apply.js';
import { GATE_FEATURES, type NoReasonGate } from '../../../src/classify/head/gate-model.js';
import { decideItem, fitGate, gateFeatures, gatedThemes, type ItemShape } from '../../../src/classify/head/no-reason.js';

const ids = ['experience', 'motivation', 'competition', 'uninformative'];
const names = (chosen: number[]) => chosen.map((t) => ids[t]!);
const open = { allowed: [true, true, true, true], asserted: [false, false, false, false] };
const shape: ItemShape = { reasons: 1, silence: false, text: 'We have decided to proceed with other applicants.' };

describe('gatedThemes', () => {
  it('gives `uninformative` alone from the gate cut, whatever else passes', () => {
    expect(names(gatedThemes([0.1, 0.1, 0.9, 0.3], ids, 0.5, open, 0.6, 0.5))).toEqual(['uninformative']);
    expect(names(gatedThemes([0.8, 0.1, 0.9, 0.3], ids, 0.5, open, 0.6, 0.5))).toEqual(['uninformative']);
  });

  it('below the gate cut gives the reasons, and the likeliest reason (not `uninformative`) when none passes', () => {
    expect(names(gatedThemes([0.1, 0.1, 0.9, 0.95], ids, 0.5, open, 0.4, 0.5))).toEqual(['competition']);
    expect(names(gatedThemes([0.2, 0.3, 0.1, 0.95], ids, 0.5, open, 0.4, 0.5))).toEqual(['motivation']);
  });

  it('follows the rules of reading: `uninformative` when nothing else is allowed, never when it is ruled out', () => {
    const praiseOnly = { allowed: [false, false, false, true], asserted: [false, false, false, false] };
    expect(names(gatedThemes([0.9, 0.1, 0.1, 0.1], ids, 0.5, praiseOnly, 0.1, 0.5))).toEqual(['uninformative']);
    // An item that is all praise takes a reason set aside that reaches the cut, whatever the gate says.
    const setAside = { ...praiseOnly, setAside: [true, true, true, false] };
    expect(names(gatedThemes([0.9, 0.1, 0.1, 0.1], ids, 0.5, setAside, 0.9, 0.5))).toEqual(['experience']);
    expect(names(gatedThemes([0.4, 0.1, 0.1, 0.1], ids, 0.5, setAside, 0.1, 0.5))).toEqual(['uninformative']);
    // …and the reasons of what the reader set aside though it may be one, where the head finds "no
    // reason" all but impossible (not when the gate's own probability is low: that is not the head's).
    const praised = { ...praiseOnly, praised: [true, true, true, false] };
    expect(names(gatedThemes([0.9, 0.1, 0.1, 0.01], ids, 0.5, praised, 0.9, 0.5))).toEqual(['experience']);
    expect(names(gatedThemes([0.9, 0.1, 0.1, 0.2], ids, 0.5, praised, 0.1, 0.5))).toEqual(['uninformative']);
    // A theme the head does not know (NaN) that passed its similarity threshold is a reason the gate never saw.
    const unknown = { allowed: [true, true, true, true], asserted: [false, true, false, false] };
    expect(names(gatedThemes([0.1, Number.NaN, 0.1, 0.9], ids, 0.5, unknown, 0.9, 0.5))).toEqual(['motivation']);
    expect(
      names(gatedThemes([0.1, Number.NaN, 0.1, 0.9], ids, 0.5, { ...unknown, asserted: [false, false, false, false] }, 0.9, 0.5)),
    ).toEqual(['uninformative']);
    // A reason the phrasing asserts is a reason, however sure the gate is there is none; `competition`
    // asserted is not (boilerplate asserts it: "we have chosen another person").
    const asserted = { allowed: [true, true, true, true], asserted: [true, false, false, false] };
    expect(names(gatedThemes([0.2, 0.1, 0.1, 0.9], ids, 0.5, asserted, 0.9, 0.5))).toEqual(['experience']);
    expect(names(gatedThemes([0.2, 0.1, 0.1, 0.9], ids, 0.5, { ...asserted, allowed: [false, true, true, true] }, 0.9, 0.5))).toEqual([
      'uninformative',
    ]);
    const competing = { allowed: [true, true, true, true], asserted: [false, false, true, false] };
    expect(names(gatedThemes([0.1, 0.1, 0.4, 0.9], ids, 0.5, competing, 0.9, 0.5))).toEqual(['uninformative']);
    // …unless the field's strength or size is stated as the ground ("We had a very strong field and
    // have decided not to take your application further"): that is a reason given.
    expect(names(gatedThemes([0.1, 0.1, 0.1, 0.9], ids, 0.5, { ...competing, fieldStated: true }, 0.9, 0.5))).toEqual(['competition']);
    const noUninformative = { allowed: [true, true, true, false], asserted: [false, false, false, false] };
    expect(names(gatedThemes([0.1, 0.1, 0.3, 0.9], ids, 0.5, noUninformative, 0.9, 0.5))).toEqual(['competition']);
  });

  it('below the gate cut a note of silence beside a reason yields to the likeliest reason; a note alone still gives no reason', () => {
    const silenceAndReason = { allowed: [true, true, true, true], asserted: [false, false, false, true] };
    expect(names(gatedThemes([0.3, 0.1, 0.2, 0.9], ids, 0.5, silenceAndReason, 0.2, 0.5))).toEqual(['experience']);
    // From the gate's cut the note is heard: no reason.
    expect(names(gatedThemes([0.3, 0.1, 0.2, 0.9], ids, 0.5, silenceAndReason, 0.6, 0.5))).toEqual(['uninformative']);
    const silenceAlone = { allowed: [false, false, false, true], asserted: [false, false, false, true] };
    expect(names(gatedThemes([0.3, 0.1, 0.2, 0.9], ids, 0.5, silenceAlone, 0.2, 0.5))).toEqual(['uninformative']);
  });
});

describe('gateFeatures', () => {
  it('reads only the reasons the reading allows and the head knows, and counts those that pass', () => {
    const reading = { allowed: [true, false, true, true], asserted: [false, false, false, false] };
    const features = gateFeatures([0.7, 0.99, Number.NaN, 0.2], ids, 0.5, reading, shape);
    expect(features).toHaveLength(GATE_FEATURES.length);
    const logOdds = (p: number) => Math.log(p / (1 - p));
    expect(features[0]).toBeCloseTo(logOdds(0.2));
    // motivation is not allowed and competition has no probability: the best reason is experience, and there is no second.
    expect(features[1]).toBeCloseTo(logOdds(0.7));
    expect(features[2]).toBeCloseTo(logOdds(1e-4));
    expect(features[3]).toBeCloseTo(logOdds(1e-4));
    expect(features[4]).toBe(1);
    expect(features.slice(5)).toEqual([0, Math.log1p(1), Math.log1p(shape.text.length), 0]);
  });
});

describe('decideItem', () => {
  const gate: NoReasonGate = {
    // Only the no-reason probability counts, at weight 1 on its (unstandardised) log-odds.
    weights: GATE_FEATURES.map((_, j) => (j === 0 ? 1 : 0)),
    bias: 0,
    standardise: { mean: GATE_FEATURES.map(() => 0), sd: GATE_FEATURES.map(() => 1) },
    platt: { a: 1, b: 0 },
    cut: 0.5,
  };

  it('without a gate decides as decideThemes', () => {
    const p = [0.1, 0.1, 0.6, 0.9];
    expect(decideItem({ assignAt: 0.4, noReason: null }, p, ids, open, shape)).toEqual(decideThemes(p, ids, 0.4, open));
  });

  it("with a gate decides no reason by the gate's probability and cut, not `uninformative`'s own", () => {
    // The gate's probability is that of `uninformative` here, shifted by the Platt offset.
    expect(names(decideItem({ assignAt: 0.5, noReason: gate }, [0.1, 0.1, 0.95, 0.7], ids, open, shape))).toEqual(['uninformative']);
    const doubting = { ...gate, platt: { a: 1, b: -2 } };
    expect(names(decideItem({ assignAt: 0.5, noReason: doubting }, [0.1, 0.1, 0.95, 0.7], ids, open, shape))).toEqual(['competition']);
    // decideThemes alone keeps `competition` here: it is likelier than `uninformative`.
    expect(names(decideThemes([0.1, 0.1, 0.95, 0.7], ids, 0.5, open))).toEqual(['competition']);
    const trusting = { ...gate, platt: { a: 1, b: 2 } };
    expect(names(decideItem({ assignAt: 0.5, noReason: trusting }, [0.1, 0.1, 0.95, 0.3], ids, open, shape))).toEqual(['uninformative']);
  });
});

describe('fitGate', () => {
  // Boilerplate where the head says `competition` and `uninformative` both: the labels say no
  // reason when the text is short and the head's no-reason probability is at least 0.3; a real
  // comparison is long. The gate must learn that `competition` beside a fair no-reason probability in
  // a short text is no reason, which decideThemes alone (no likelier than `uninformative`) misses.
  const items = Array.from({ length: 200 }, (_, i) => {
    const boilerplate = i % 2 === 0;
    const u = boilerplate ? 0.3 + (i % 7) / 20 : 0.05 + (i % 5) / 50;
    const text = boilerplate ? 'Others were chosen.' : `${'The other finalist had led a team of twelve for three years. '.repeat(2)}${i}`;
    return {
      probabilities: [0.05, 0.05, 0.8, u],
      reading: open,
      shape: { reasons: 1, silence: false, text },
      themes: boilerplate ? ['uninformative'] : ['competition'],
    };
  });
  const micro = (predicted: string[][], gold: string[][]) => predicted.filter((p, i) => p.join() === gold[i]!.join()).length / gold.length;

  it('learns the no-reason decision out of fold, deterministically, and picks a cut from its grid', () => {
    const fitted = fitGate(items, ids, 0.5, { folds: 5, l2: 0.1, score: micro });
    expect(fitted.outOfFold).toHaveLength(items.length);
    const decided = items.map((item, i) =>
      names(gatedThemes(item.probabilities, ids, 0.5, item.reading, fitted.outOfFold[i]!, fitted.gate.cut)),
    );
    expect(
      micro(
        decided,
        items.map((item) => item.themes),
      ),
    ).toBe(1);
    const before = items.map((item) => names(decideThemes(item.probabilities, ids, 0.5, item.reading)));
    expect(
      micro(
        before,
        items.map((item) => item.themes),
      ),
    ).toBeLessThan(0.6);
    expect(fitted.gate.cut).toBeGreaterThan(0);
    expect(fitted.gate.cut).toBeLessThan(1);
    expect(fitGate(items, ids, 0.5, { folds: 5, l2: 0.1, score: micro })).toEqual(fitted);
  });

  it('chooses its cut only among the cuts it is given', () => {
    expect(fitGate(items, ids, 0.5, { folds: 5, l2: 0.1, score: micro, cuts: [0.85] }).gate.cut).toBe(0.85);
    expect([0.92, 0.88]).toContain(fitGate(items, ids, 0.5, { folds: 5, l2: 0.1, score: micro, cuts: [0.92, 0.88] }).gate.cut);
  });

  it('learns from partly labelled items only where they say whether they give no reason, and chooses and calibrates on the rest', () => {
    const fitted = fitGate(items, ids, 0.5, { folds: 5, l2: 0.1, score: micro });
    // Short texts labelled as reasons: they pull the gate away from boilerplate's no reason.
    const partly = (knowsNoReason: boolean) =>
      Array.from({ length: 60 }, () => ({
        probabilities: [0.05, 0.05, 0.8, 0.6],
        reading: open,
        shape: { reasons: 1, silence: false, text: 'Others were chosen.' },
        themes: ['competition'],
        known: [false, false, true, knowsNoReason],
      }));
    const silent = fitGate([...items, ...partly(false)], ids, 0.5, { folds: 5, l2: 0.1, score: micro });
    expect(silent.gate).toEqual(fitted.gate);
    const told = fitGate([...items, ...partly(true)], ids, 0.5, { folds: 5, l2: 0.1, score: micro });
    expect(told.gate.weights).not.toEqual(fitted.gate.weights);
    expect(told.gate.standardise).toEqual(fitted.gate.standardise);
  });
});
