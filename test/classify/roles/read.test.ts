import { describe, expect, it } from 'vitest';
import { applyClauseRoles, applyItemRoles } from '../../../src/classify/roles/read.js';
import type { ScoredItem, ScoredSegment, UnitScores } from '../../../src/classify/units.js';

// Role probabilities in CLAUSE_ROLES order: reason, praise, rule_out, employer, boilerplate.
const REASON = [0.9, 0.05, 0.05, 0, 0];
const PRAISE = [0.05, 0.9, 0.05, 0, 0];
const EMPLOYER = [0.05, 0, 0.05, 0.9, 0];
const UNSURE = [0.5, 0.3, 0.1, 0.05, 0.05];
const BOILERPLATE = [0.05, 0, 0, 0.05, 0.9];
// Scores are two themes wide in these tests, then a third (`uninformative`) where a test needs it.
const THEMES = ['application', 'examples'];

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
    reading: { silence: false, ruledOut: [], asserted: [], subject: null, employerSide: false, ...reading },
  };
}

describe('applyClauseRoles', () => {
  const text = 'Your manners were lovely, and your answers lacked examples';
  const praised = 'Your manners were lovely';
  const criticised = 'and your answers lacked examples';

  it('drops a clause read as praise, and the whole sentence that holds it, keeping the reason', () => {
    const s = segment(text, [unit(text, [0.6, 0.5], UNSURE), unit(praised, [0.7, 0.1], PRAISE), unit(criticised, [0.2, 0.6], REASON)]);
    applyClauseRoles(s, 0.8, THEMES);
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
      applyClauseRoles(s, 0.8, THEMES);
      return s.units.map((u) => u.text);
    };
    // At 0.8 the clause alone would be set aside; inside a sure reason it needs (1 + 0.8) / 2 = 0.9.
    expect(read(fairly)).toEqual([text, praised, criticised]);
    expect(read(surely)).toEqual([criticised]);
  });

  it('makes a sentence read as praise throughout carry no reason', () => {
    const s = segment(praised, [unit(praised, [0.7, 0.1], PRAISE)]);
    applyClauseRoles(s, 0.8, THEMES);
    expect(s.praiseOnly).toBe(true);
    expect(s.favourable).toBe(true);
  });

  it("reads a candidate's note about the employer's side as silence, keeping only clauses that surely give a reason", () => {
    const note = 'They kept me waiting an hour, and my budgeting answers were weak';
    const late = 'They kept me waiting an hour';
    const told = 'and my budgeting answers were weak';
    const mixed = segment(note, [unit(note, [0.5, 0.2], EMPLOYER), unit(late, [0.6, 0.1], UNSURE), unit(told, [0.1, 0.7], REASON)]);
    applyClauseRoles(mixed, 0.8, THEMES);
    expect(mixed.units.map((u) => u.text)).toEqual([told]);
    const only = segment(late, [unit(late, [0.6, 0.1], EMPLOYER)]);
    applyClauseRoles(only, 0.8, THEMES);
    expect(only.reading.silence).toBe(true);
    expect(only.praiseOnly).toBe(false);
  });

  it("does not take an employer's note of the candidate's conduct for the employer's side", () => {
    // Nobody is named: "20 min late no call" is what an employer writes about a late candidate.
    for (const text of ['20 min late no call', 'You turned up late and they noticed', 'Recruiter said my dress was too casual']) {
      const s = segment(text, [unit(text, [0.6, 0.1], EMPLOYER)]);
      applyClauseRoles(s, 0.8, THEMES);
      expect(s.reading.silence, text).toBe(false);
      expect(s.units, text).toHaveLength(1);
    }
  });

  it('leaves alone what it is unsure of, and what the word rules settled', () => {
    const unsure = segment(praised, [unit(praised, [0.7, 0.1], UNSURE)]);
    applyClauseRoles(unsure, 0.8, THEMES);
    expect(unsure.praiseOnly).toBe(false);
    expect(unsure.units).toHaveLength(1);
    // A comparison asserts its theme and keeps its subject, however it sounds.
    const comparison = segment(praised, [unit(praised, [0.7, 0.1], PRAISE)], { asserted: ['competition'], subject: 'x y z' });
    applyClauseRoles(comparison, 0.8, THEMES);
    expect(comparison.praiseOnly).toBe(false);
    const unread = segment(praised, [{ text: praised, scores: [0.7, 0.1], nearest: [0, 1] }]);
    applyClauseRoles(unread, 0.8, THEMES);
    expect(unread.praiseOnly).toBe(false);
  });
});

describe('applyItemRoles', () => {
  const item = (...segments: ScoredSegment[]): ScoredItem => ({ id: 'i', text: segments.map((s) => s.scoredText).join(' '), segments });

  it('lets a polite formula read surely as one carry nothing but `uninformative`', () => {
    const ids = [...THEMES, 'uninformative'];
    const polite = 'Thank you for your time';
    const s = segment(polite, [unit(polite, [0.3, 0.2, 0.6], BOILERPLATE)]);
    applyItemRoles(item(s), 0.8, ids);
    expect(s.reading.ruledOut).toEqual(['application', 'examples']);
    const unsure = segment(polite, [unit(polite, [0.3, 0.2, 0.6], UNSURE)]);
    applyItemRoles(item(unsure), 0.8, ids);
    expect(unsure.reading.ruledOut).toEqual([]);
  });

  it("takes `conduct` out of a candidate's note about the employer's side, not out of feedback to the candidate", () => {
    const ids = ['conduct', 'uninformative'];
    const note = 'The interviewer took a call halfway through';
    const outcome = 'Rejected the next day';
    const a = segment(note, [unit(note, [0.6, 0.1], UNSURE)], { employerSide: true });
    const b = segment(outcome, [unit(outcome, [0.3, 0.5], UNSURE)]);
    applyItemRoles(item(a, b), 0.8, ids);
    expect(b.reading.ruledOut).toEqual(['conduct']);
    const told = 'You were late, which the panel noticed';
    const c = segment(note, [unit(note, [0.6, 0.1], UNSURE)], { employerSide: true });
    const d = segment(told, [unit(told, [0.6, 0.1], UNSURE)]);
    applyItemRoles(item(c, d), 0.8, ids);
    expect(d.reading.ruledOut).toEqual([]);
  });
});
