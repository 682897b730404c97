import { describe, expect, it } from 'vitest';
import { applyClauseRoles } from '../../../src/classify/roles/read.js';
import type { ScoredSegment, UnitScores } from '../../../src/classify/units.js';

// Role probabilities in CLAUSE_ROLES order: reason, praise, rule_out, employer, boilerplate.
const REASON = [0.9, 0.05, 0.05, 0, 0];
const PRAISE = [0.05, 0.9, 0.05, 0, 0];
const EMPLOYER = [0.05, 0, 0.05, 0.9, 0];
const UNSURE = [0.5, 0.3, 0.1, 0.05, 0.05];

function unit(text: string, scores: number[], roles: number[]): UnitScores {
  return { text, scores, nearest: scores.map((_, t) => t), roles };
}

function segment(text: string, units: UnitScores[], reading: Partial<ScoredSegment['reading']> = {}): ScoredSegment {
  return {
    segment: { itemId: 'i', index: 0, text, start: 0, end: text.length },
    favourable: false,
    praiseOnly: false,
    scoredText: text,
    praise: [],
    units,
    scores: units[0]!.scores.map((_, t) => Math.max(...units.map((u) => u.scores[t]!))),
    nearest: units[0]!.nearest,
    reading: { silence: false, ruledOut: [], asserted: [], subject: null, ...reading },
  };
}

describe('applyClauseRoles', () => {
  const text = 'Your manners were lovely, and your answers lacked examples';
  const praised = 'Your manners were lovely';
  const criticised = 'and your answers lacked examples';

  it('drops a clause read as praise, and the whole sentence that holds it, keeping the reason', () => {
    const s = segment(text, [unit(text, [0.6, 0.5], UNSURE), unit(praised, [0.7, 0.1], PRAISE), unit(criticised, [0.2, 0.6], REASON)]);
    applyClauseRoles(s, 0.8);
    expect(s.units.map((u) => u.text)).toEqual([criticised]);
    expect(s.scores).toEqual([0.2, 0.6]);
    expect(s.praise).toEqual([[0, praised.length]]);
    expect(s.praiseOnly).toBe(false);
  });

  it('asks more of a clause inside a sentence surely read as a reason', () => {
    const fairly = [0.15, 0.8, 0.05, 0, 0]; // not a reason, 0.85 together
    const surely = [0.02, 0.96, 0.02, 0, 0];
    const read = (clauseRoles: number[]) => {
      const s = segment(text, [
        unit(text, [0.6, 0.5], REASON),
        unit(praised, [0.7, 0.1], clauseRoles),
        unit(criticised, [0.2, 0.6], REASON),
      ]);
      applyClauseRoles(s, 0.8);
      return s.units.map((u) => u.text);
    };
    // At 0.8 the clause alone would be set aside; inside a sure reason it needs (1 + 0.8) / 2 = 0.9.
    expect(read(fairly)).toEqual([text, praised, criticised]);
    expect(read(surely)).toEqual([criticised]);
  });

  it('makes a sentence read as praise throughout carry no reason', () => {
    const s = segment(praised, [unit(praised, [0.7, 0.1], PRAISE)]);
    applyClauseRoles(s, 0.8);
    expect(s.praiseOnly).toBe(true);
    expect(s.favourable).toBe(true);
  });

  it("reads a candidate's note about the employer's side as silence, keeping only clauses that surely give a reason", () => {
    const note = 'They kept me waiting an hour, and my budgeting answers were weak';
    const late = 'They kept me waiting an hour';
    const told = 'and my budgeting answers were weak';
    const mixed = segment(note, [unit(note, [0.5, 0.2], EMPLOYER), unit(late, [0.6, 0.1], UNSURE), unit(told, [0.1, 0.7], REASON)]);
    applyClauseRoles(mixed, 0.8);
    expect(mixed.units.map((u) => u.text)).toEqual([told]);
    const only = segment(late, [unit(late, [0.6, 0.1], EMPLOYER)]);
    applyClauseRoles(only, 0.8);
    expect(only.reading.silence).toBe(true);
    expect(only.praiseOnly).toBe(false);
  });

  it("does not take an employer's note of the candidate's conduct for the employer's side", () => {
    // Nobody is named: "20 min late no call" is what an employer writes about a late candidate.
    for (const text of ['20 min late no call', 'You turned up late and they noticed', 'Recruiter said my dress was too casual']) {
      const s = segment(text, [unit(text, [0.6, 0.1], EMPLOYER)]);
      applyClauseRoles(s, 0.8);
      expect(s.reading.silence, text).toBe(false);
      expect(s.units, text).toHaveLength(1);
    }
  });

  it('leaves alone what it is unsure of, and what the word rules settled', () => {
    const unsure = segment(praised, [unit(praised, [0.7, 0.1], UNSURE)]);
    applyClauseRoles(unsure, 0.8);
    expect(unsure.praiseOnly).toBe(false);
    expect(unsure.units).toHaveLength(1);
    // A comparison asserts its theme and keeps its subject, however it sounds.
    const comparison = segment(praised, [unit(praised, [0.7, 0.1], PRAISE)], { asserted: ['competition'], subject: 'x y z' });
    applyClauseRoles(comparison, 0.8);
    expect(comparison.praiseOnly).toBe(false);
    const unread = segment(praised, [{ text: praised, scores: [0.7, 0.1], nearest: [0, 1] }]);
    applyClauseRoles(unread, 0.8);
    expect(unread.praiseOnly).toBe(false);
  });
});
