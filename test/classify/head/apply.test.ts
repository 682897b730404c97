import { describe, expect, it } from 'vitest';
import { decideThemes, NO_REASON_UNLIKELY } from '../../../src/classify/head/apply.js';

const ids = ['experience', 'motivation', 'competition', 'uninformative'];
const names = (chosen: number[]) => chosen.map((t) => ids[t]!);
const decide = (p: number[], reading?: { allowed: boolean[]; asserted: boolean[]; setAside?: boolean[]; praised?: boolean[] }) =>
  names(decideThemes(p, ids, 0.4, reading));

describe('decideThemes', () => {
  it('takes every theme at the cut and drops `uninformative` beside a real reason', () => {
    expect(decide([0.7, 0.1, 0.2, 0.3])).toEqual(['experience']);
    expect(decide([0.6, 0.5, 0.1, 0.9])).toEqual(['experience', 'motivation']);
    expect(decide([0.6, 0.1, 0.5, 0.9])).toEqual(['experience', 'competition']);
  });

  it('gives boilerplate that only says others were chosen `uninformative` when it is the likelier of the two', () => {
    expect(decide([0.1, 0.1, 0.6, 0.9])).toEqual(['uninformative']);
    expect(decide([0.1, 0.1, 0.6, 0.6])).toEqual(['uninformative']);
    expect(decide([0.1, 0.1, 0.9, 0.6])).toEqual(['competition']);
  });

  it('keeps `competition` when `uninformative` does not pass', () => {
    expect(decide([0.1, 0.1, 0.5, 0.3])).toEqual(['competition']);
  });

  it('takes the likeliest allowed theme when none passes, and never a ruled-out one', () => {
    expect(decide([0.2, 0.3, 0.1, 0.25])).toEqual(['motivation']);
    const reading = { allowed: [true, false, true, true], asserted: [false, false, false, false] };
    expect(decide([0.2, 0.3, 0.1, 0.25], reading)).toEqual(['uninformative']);
  });

  it('keeps what the phrasing asserts, and weighs an asserted `uninformative` like any other', () => {
    const silence = { allowed: [false, false, true, true], asserted: [false, false, false, true] };
    expect(decide([0.1, 0.1, 0.2, 0.1], silence)).toEqual(['uninformative']);
    expect(decide([0.1, 0.1, 0.8, 0.1], silence)).toEqual(['competition']);
  });
});

describe('decideThemes on an item that is all praise', () => {
  const allPraise = { allowed: [false, false, false, true], asserted: [false, false, false, false], setAside: [true, true, false, false] };

  it('takes the reasons set aside that reach the cut, never one its sentences rule out', () => {
    expect(decide([0.1, 0.8, 0.9, 0.2], allPraise)).toEqual(['motivation']);
    expect(decide([0.5, 0.8, 0.1, 0.2], allPraise)).toEqual(['experience', 'motivation']);
  });

  it('below the cut gives no reason, however much likelier than `uninformative` a reason is', () => {
    expect(decide([0.3, 0.2, 0.1, 0.05], allPraise)).toEqual(['uninformative']);
  });

  // Sentences the clause-role reader set aside though it found them possibly a reason (`praised`).
  const praised = { allowed: [false, false, false, true], asserted: [false, false, false, false], praised: [true, false, true, false] };

  it('where the head finds "no reason" all but impossible, takes the reasons of what the reader set aside that reach the cut', () => {
    expect(NO_REASON_UNLIKELY).toBeLessThan(0.05);
    expect(decide([0.9, 0.2, 0.6, NO_REASON_UNLIKELY / 2], praised)).toEqual(['experience', 'competition']);
    // Never one its sentences rule out, nor one under the cut.
    expect(decide([0.2, 0.9, 0.3, NO_REASON_UNLIKELY / 2], praised)).toEqual(['uninformative']);
  });

  it('gives no reason as before where "no reason" is at all likely', () => {
    expect(decide([0.9, 0.2, 0.6, NO_REASON_UNLIKELY], praised)).toEqual(['uninformative']);
    expect(decide([0.9, 0.2, 0.6, 0.3], praised)).toEqual(['uninformative']);
  });
});

describe('decideThemes with themes the head does not know (NaN)', () => {
  const unknown = (p: number[], passes: boolean[]) =>
    decide(p, { allowed: passes, asserted: passes.map((x, t) => x && Number.isNaN(p[t]!)) });

  it('takes an unknown theme exactly when it is asserted (it passed its similarity threshold)', () => {
    expect(unknown([0.7, Number.NaN, 0.1, 0.1], [true, true, true, true])).toEqual(['experience', 'motivation']);
    expect(unknown([0.7, Number.NaN, 0.1, 0.1], [true, false, true, true])).toEqual(['experience']);
  });

  it('lets an unknown theme stand as the reason, without the fallback adding a guess', () => {
    expect(unknown([0.1, Number.NaN, 0.2, 0.1], [true, true, true, true])).toEqual(['motivation']);
  });

  it('an unknown `competition` is a reason that outweighs `uninformative`, and an unknown `uninformative` gives way to a reason', () => {
    expect(unknown([0.1, 0.1, Number.NaN, 0.9], [true, true, true, true])).toEqual(['competition']);
    expect(unknown([0.8, 0.1, 0.1, Number.NaN], [true, true, true, true])).toEqual(['experience']);
    expect(unknown([0.1, 0.1, 0.1, Number.NaN], [true, true, true, true])).toEqual(['uninformative']);
  });
});
