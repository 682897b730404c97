import { describe, expect, it } from 'vitest';
import { applyClauseRoles, applyItemRoles, concededBefore } from '../../../src/classify/roles/read.js';
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

  it('in a comparison, sets aside only a clause conceded before the turn, keeping the subject', () => {
    const leaning = [0.3, 0.05, 0.6, 0.05, 0];
    const comparison = 'Nobody had any worry about your fit; we went with someone who holds the licence';
    const ruleOut = 'Nobody had any worry about your fit';
    const other = 'we went with someone who holds the licence';
    const subject = 'holds the licence';
    const read = (first: number[]) => {
      const s = segment(
        comparison,
        [
          unit(comparison, [0.5, 0.4], REASON),
          unit(ruleOut, [0.6, 0.1], first),
          unit(other, [0.2, 0.6], REASON),
          unit(subject, [0.1, 0.7], REASON),
        ],
        { asserted: ['competition'], subject },
      );
      applyClauseRoles(s, 0.8, THEMES);
      return { units: s.units.map((u) => u.text), asserted: s.reading.asserted, praiseOnly: s.praiseOnly };
    };
    expect(read(leaning)).toEqual({ units: [other, subject], asserted: ['competition'], praiseOnly: false });
    expect(read(REASON).units).toEqual([comparison, ruleOut, other, subject]);
  });

  it('asks more of a clause after the reason inside a sentence surely read as a reason', () => {
    const fairly = [0.15, 0.8, 0.05, 0, 0]; // not a reason, 0.85 together
    const surely = [0.02, 0.96, 0.02, 0, 0];
    const after = 'Your answers lacked examples, and your manners were lovely';
    const reason = 'Your answers lacked examples';
    const manners = 'and your manners were lovely';
    const read = (clauseRoles: number[]) => {
      const s = segment(after, [unit(after, [0.6, 0.5], REASON), unit(reason, [0.2, 0.6], REASON), unit(manners, [0.7, 0.1], clauseRoles)]);
      applyClauseRoles(s, 0.8, THEMES);
      return s.units.map((u) => u.text);
    };
    // At 0.8 the clause alone would be set aside; inside a sure reason it needs (1 + 0.8) / 2 = 0.9.
    expect(read(fairly)).toEqual([after, reason, manners]);
    expect(read(surely)).toEqual([reason]);
  });

  it('sets aside praise before the real reason when it is likelier praise than a reason, however unsure', () => {
    const turned = 'Your manners were lovely, but your answers lacked examples';
    const butCriticised = 'but your answers lacked examples';
    const read = (praisedRoles: number[], reasonRoles: number[]) => {
      const s = segment(turned, [
        unit(turned, [0.6, 0.5], REASON),
        unit(praised, [0.7, 0.1], praisedRoles),
        unit(butCriticised, [0.2, 0.6], reasonRoles),
      ]);
      applyClauseRoles(s, 0.8, THEMES);
      return s.units.map((u) => u.text);
    };
    const leaning = [0.35, 0.55, 0.05, 0.05, 0]; // praise likeliest, not a reason 0.65
    const undecided = [0.45, 0.4, 0.05, 0.05, 0.05]; // a reason likeliest
    expect(read(leaning, REASON)).toEqual([butCriticised]);
    expect(read(leaning, UNSURE)).toEqual([butCriticised]);
    expect(read(undecided, REASON)).toEqual([turned, praised, butCriticised]);
    // What follows is praise too: no turn to a reason, so the sentence is read as before.
    expect(read(leaning, [0.3, 0.6, 0.05, 0.05, 0])).toEqual([turned, praised, butCriticised]);
    // No turn in ", and": the reader alone decides, and is not sure enough.
    const s = segment(text, [unit(text, [0.6, 0.5], REASON), unit(praised, [0.7, 0.1], leaning), unit(criticised, [0.2, 0.6], REASON)]);
    applyClauseRoles(s, 0.8, THEMES);
    expect(s.units).toHaveLength(3);
  });

  it('keeps praise of the field or the other candidates, and news that the vacancy changed, as a reason', () => {
    for (const text of ['We had a very strong field.', 'The calibre of applicants was exceptional.']) {
      const s = segment(text, [unit(text, [0.2, 0.1], PRAISE)]);
      applyClauseRoles(s, 0.8, THEMES);
      expect(s.praiseOnly, text).toBe(false);
    }
    const ids = [...THEMES, 'uninformative'];
    for (const text of ['Unfortunately the post has been filled.', 'We had a very strong field this year.']) {
      const s = segment(text, [unit(text, [0.2, 0.1, 0.5], BOILERPLATE)]);
      applyClauseRoles(s, 0.8, ids);
      expect(s.reading.ruledOut, text).toEqual([]);
    }
    // Praise of the candidate is still praise, and a formula still a formula.
    const praise = segment('Your CV was excellent.', [unit('Your CV was excellent.', [0.2, 0.1], PRAISE)]);
    applyClauseRoles(praise, 0.8, THEMES);
    expect(praise.praiseOnly).toBe(true);
    const formula = segment('We have decided to proceed with other candidates.', [
      unit('We have decided to proceed with other candidates.', [0.2, 0.1, 0.5], BOILERPLATE),
    ]);
    applyClauseRoles(formula, 0.8, ids);
    expect(formula.reading.ruledOut).toEqual(THEMES);
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

  it("keeps the writer's own part as a reason where the reader reads the note as the employer's side", () => {
    const own = 'Recruiter was honest: I failed the typing test';
    const failed = segment(own, [unit(own, [0.2, 0.6], EMPLOYER)]);
    applyClauseRoles(failed, 0.8, THEMES);
    expect(failed.reading.silence).toBe(false);
    expect(failed.units.map((u) => u.text)).toEqual([own]);
    const note = "I'm on three months and they need someone in four weeks";
    const notice = "I'm on three months";
    const need = 'and they need someone in four weeks';
    const mixed = segment(note, [unit(note, [0.5, 0.2], EMPLOYER), unit(notice, [0.6, 0.1], EMPLOYER), unit(need, [0.1, 0.2], EMPLOYER)]);
    applyClauseRoles(mixed, 0.8, THEMES);
    expect(mixed.units.map((u) => u.text)).toEqual([notice]);
    const chased = 'I chased twice and got a two-line reply';
    const silent = segment(chased, [unit(chased, [0.5, 0.2], EMPLOYER)]);
    applyClauseRoles(silent, 0.8, THEMES);
    expect(silent.reading.silence).toBe(true);
  });

  it("trusts its likeliest reading of a note where the word rules found the employer's side acting", () => {
    const note = 'The panel were abrupt and talked over me the whole time';
    const leaning = [0.25, 0.05, 0.05, 0.6, 0.05];
    const agreed = segment(note, [unit(note, [0.6, 0.1], leaning)], { employerSide: true });
    applyClauseRoles(agreed, 0.8, THEMES);
    expect(agreed.reading.silence).toBe(true);
    const alone = segment(note, [unit(note, [0.6, 0.1], leaning)]);
    applyClauseRoles(alone, 0.8, THEMES);
    expect(alone.reading.silence).toBe(false);
  });

  it('trusts its likeliest reading of a rule-out where the wording is one the word rules know', () => {
    const leaning = [0.35, 0.05, 0.55, 0.05, 0];
    const ruledOut = 'Your accent was not what decided it';
    const agreed = segment(ruledOut, [unit(ruledOut, [0.6, 0.1], leaning)]);
    applyClauseRoles(agreed, 0.8, THEMES);
    expect(agreed.praiseOnly).toBe(true);
    const plain = 'Your accent was hard to follow at times';
    const alone = segment(plain, [unit(plain, [0.6, 0.1], leaning)]);
    applyClauseRoles(alone, 0.8, THEMES);
    expect(alone.praiseOnly).toBe(false);
  });

  it('trusts its likeliest reading of a rule-out where the grammar denies or belittles, not a bare negation', () => {
    const leaning = [0.35, 0.05, 0.55, 0.05, 0];
    const read = (text: string) => {
      const s = segment(text, [unit(text, [0.6, 0.1], leaning)]);
      applyClauseRoles(s, 0.8, THEMES);
      return s.praiseOnly;
    };
    expect(read('Rest assured, your cover letter was not the fly in the ointment')).toBe(true);
    expect(read('Your grades were a side note in all this, nothing more')).toBe(true);
    expect(read('Your examples did not show enough depth')).toBe(false);
  });

  it('reads a unit that opens by naming the reason as a reason, however sure it is of another role', () => {
    const named = 'The reason it is a no is the night shifts, which you cannot do';
    const s = segment(named, [unit(named, [0.6, 0.1], [0.02, 0.02, 0.94, 0.01, 0.01])]);
    applyClauseRoles(s, 0.8, THEMES);
    expect(s.praiseOnly).toBe(false);
    expect(s.units).toHaveLength(1);
    const denied = 'The reason was not your CV';
    const d = segment(denied, [unit(denied, [0.6, 0.1], [0.02, 0.02, 0.94, 0.01, 0.01])]);
    applyClauseRoles(d, 0.8, THEMES);
    expect(d.praiseOnly).toBe(true);
  });

  it('does not trust a reading of a criticism said with a negation as a rule-out or praise, however sure', () => {
    const sure = [0.05, 0.05, 0.9, 0, 0];
    const read = (text: string, roles = sure) => {
      const s = segment(text, [unit(text, [0.6, 0.1], roles)]);
      applyClauseRoles(s, 0.8, THEMES);
      return s.praiseOnly;
    };
    expect(read('kept asking about the bonus and the car, zero questions about the patients')).toBe(false);
    expect(read('The practical test with the sewing machine was not good enough', PRAISE)).toBe(false);
    // A topic denied its weight in the decision stays a rule-out.
    expect(read('Your degree was never an issue for the panel')).toBe(true);
    expect(read('We never asked about your degree')).toBe(true);
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

describe('concededBefore', () => {
  const leaning = [0.3, 0.6, 0.05, 0.05, 0];
  const sentence = 'The panel loved your case study; it was the missing licence that stopped us';
  const praised = { text: 'The panel loved your case study', roles: leaning };
  const reason = { text: 'it was the missing licence that stopped us', roles: REASON };

  it('needs a turn to a clause read likeliest as a reason or a formula', () => {
    expect(concededBefore(sentence, [praised, reason], 0)).toBe(true);
    expect(concededBefore(sentence, [praised, { ...reason, roles: BOILERPLATE }], 0)).toBe(true);
    expect(concededBefore(sentence, [praised, { ...reason, roles: PRAISE }], 0)).toBe(false);
    expect(concededBefore(sentence, [{ ...praised, roles: REASON }, reason], 0)).toBe(false);
    expect(concededBefore(sentence, [{ ...praised, roles: [0.3, 0.6] }, reason], 0)).toBe(false);
    expect(concededBefore(sentence, [praised, { text: reason.text }], 0)).toBe(false);
  });

  it('takes a contrast word opening the next clause as a turn, but not a plain sentence break', () => {
    const but = 'Presented well and articulate, but has never worked in care';
    const praisedBut = { text: 'Presented well and articulate', roles: leaning };
    expect(concededBefore(but, [praisedBut, { text: 'but has never worked in care', roles: REASON }], 0)).toBe(true);
    const plain = 'case study maths all wrong. margin calc out by 10x';
    const wrong = { text: 'case study maths all wrong.', roles: leaning };
    expect(concededBefore(plain, [wrong, { text: 'margin calc out by 10x', roles: REASON }], 0)).toBe(false);
  });

  it('takes a clause that opens by naming the reason as the reason, however the reader reads it', () => {
    const RULE_OUT = [0.1, 0.05, 0.8, 0.05, 0];
    const only = 'You researched the company very nicely, only thing is the shift timings are not suiting you.';
    const nicely = { text: 'You researched the company very nicely', roles: leaning };
    const named = { text: 'only thing is the shift timings are not suiting you.', roles: RULE_OUT };
    expect(concededBefore(only, [nicely, named], 0)).toBe(true);
    // A clause that names a reason only to rule it out is no turn to it.
    const notIt = { text: 'the only issue was never your degree', roles: RULE_OUT };
    expect(concededBefore('You researched the company very nicely, the only issue was never your degree', [nicely, notIt], 0)).toBe(false);
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

  it('sets aside a sentence of praise or a rule-out before a sentence that turns to the reason', () => {
    const leaning = [0.3, 0.6, 0.05, 0.05, 0];
    const praised = 'Your degree and certifications tick every box.';
    const turn = 'However, you spoke so quietly that the panel struggled to follow you.';
    const plain = 'You spoke so quietly that the panel struggled to follow you.';
    const read = (first: number[], second: string, secondRoles: number[]) => {
      const a = segment(praised, [unit(praised, [0.6, 0.1], first)]);
      const b = segment(second, [unit(second, [0.1, 0.6], secondRoles)]);
      applyItemRoles(item(a, b), 0.8, THEMES);
      return [a.praiseOnly, b.praiseOnly];
    };
    expect(read(leaning, turn, REASON)).toEqual([true, false]);
    expect(read(leaning, `"But ${plain.toLowerCase()}`, REASON)).toEqual([true, false]);
    // No turn, a first sentence likelier a reason, or a second one read as praise: both stay.
    expect(read(leaning, plain, REASON)).toEqual([false, false]);
    expect(read(UNSURE, turn, REASON)).toEqual([false, false]);
    expect(read(leaning, turn, leaning)).toEqual([false, false]);
  });

  it('reads a sentence that names the reason ("The problem is…", "What we missed was…") as a turn', () => {
    const leaning = [0.3, 0.6, 0.05, 0.05, 0];
    const praised = 'Top answer on why you want to work for a housing charity.';
    const read = (second: string) => {
      const a = segment(praised, [unit(praised, [0.6, 0.1], leaning)]);
      const b = segment(second, [unit(second, [0.1, 0.6], REASON)]);
      applyItemRoles(item(a, b), 0.8, THEMES);
      return a.praiseOnly;
    };
    expect(read("The problem is the in-tray, which you didn't finish.")).toBe(true);
    expect(read('What we missed was the conversation.')).toBe(true);
    expect(read("That's where we had doubts.")).toBe(true);
    expect(read("You didn't finish the in-tray.")).toBe(false);
  });

  it('does not concede a question before the sentence that answers it', () => {
    const leaning = [0.3, 0.6, 0.05, 0.05, 0];
    const asked = 'Your knowledge of safeguarding law?';
    const answer = "That's where we had doubts.";
    const a = segment(asked, [unit(asked, [0.6, 0.1], leaning)]);
    const b = segment(answer, [unit(answer, [0.1, 0.2], REASON)]);
    applyItemRoles(item(a, b), 0.8, THEMES);
    expect(a.praiseOnly).toBe(false);
  });

  it('sets a short question aside with the answer the reader set aside as a rule-out or praise', () => {
    const RULE_OUT = [0.1, 0.05, 0.8, 0.05, 0];
    const read = (asked: string, answerRoles: number[]) => {
      const answer = 'That was a nothing-burger for us.';
      const a = segment(asked, [unit(asked, [0.6, 0.1], REASON)]);
      const b = segment(answer, [unit(answer, [0.1, 0.1], answerRoles)]);
      const whole = item(a, b);
      applyItemRoles(whole, 0.7, THEMES);
      return [a.praiseOnly, a.answered ?? false, b.praiseOnly];
    };
    expect(read('Not having chartered status yet?', RULE_OUT)).toEqual([true, true, true]);
    expect(read('Did the nerves show?', PRAISE)).toEqual([true, true, true]);
    // Not a question word's question, not one the answer gives the reason to, not a long one.
    expect(read('Why this role?', RULE_OUT)).toEqual([false, false, true]);
    expect(read('Not having chartered status yet?', REASON)).toEqual([false, false, false]);
    expect(read('Did you ever explain to the panel how you would handle the night shifts on your own?', RULE_OUT)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('sets a reported worry or question aside with the answer the reader set aside as a rule-out', () => {
    const RULE_OUT = [0.1, 0.05, 0.8, 0.05, 0];
    const read = (reported: string, answerRoles: number[]) => {
      const answer = 'Let me reassure you that the assessors adjusted your timing, and it did not.';
      const a = segment(reported, [unit(reported, [0.6, 0.1], REASON)]);
      const b = segment(answer, [unit(answer, [0.1, 0.1], answerRoles)]);
      applyItemRoles(item(a, b), 0.7, THEMES);
      return [a.praiseOnly, a.answered ?? false];
    };
    expect(
      read('I know you were worried that losing ten minutes of the tests to the login problem might have told against you.', RULE_OUT),
    ).toEqual([true, true]);
    expect(read('You asked whether the gap in your CV counted against you.', RULE_OUT)).toEqual([true, true]);
    // Answered by praise, or by a reason, it stays; so does a worry the feedback itself states.
    expect(read('I know you were worried that the tests went badly.', PRAISE)).toEqual([false, false]);
    expect(read('I know you were worried that the tests went badly.', REASON)).toEqual([false, false]);
    expect(read('We were not sure you would cope with the night shifts.', RULE_OUT)).toEqual([false, false]);
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

  it("takes `conduct` out of an item with a sentence the reader finds likeliest an employer's note, even unsure", () => {
    const ids = ['conduct', 'uninformative'];
    const leaning = [0.3, 0.05, 0.05, 0.55, 0.05];
    const note = 'Waited in the lobby 50 mins, then they told me the manager had gone home';
    const outcome = 'No offer';
    const a = segment(note, [unit(note, [0.6, 0.1], leaning)]);
    const b = segment(outcome, [unit(outcome, [0.3, 0.5], UNSURE)]);
    applyItemRoles(item(a, b), 0.8, ids);
    expect(b.reading.ruledOut).toEqual(['conduct']);
    const told = 'You were late, which the panel noticed';
    const c = segment(note, [unit(note, [0.6, 0.1], leaning)]);
    const d = segment(told, [unit(told, [0.6, 0.1], UNSURE)]);
    applyItemRoles(item(c, d), 0.8, ids);
    expect(d.reading.ruledOut).toEqual([]);
  });

  it("reads the whole sentence as it was before its clauses were set aside when looking for an employer's note", () => {
    const ids = ['conduct', 'uninformative'];
    const note = 'Nobody met me at the gate so I rang the number - it went to voicemail';
    const first = 'Nobody met me at the gate so I rang the number';
    const second = 'it went to voicemail';
    const outcome = 'Eventually got a sorry, not successful';
    const leaning = [0.3, 0.05, 0.05, 0.55, 0.05];
    // The whole sentence leans to an employer's note; its first clause is set aside surely, and the
    // clause left, read as a polite formula, would no longer say so.
    const a = segment(note, [unit(note, [0.6, 0.1], leaning), unit(first, [0.2, 0.1], EMPLOYER), unit(second, [0.6, 0.1], UNSURE)]);
    const b = segment(outcome, [unit(outcome, [0.3, 0.5], UNSURE)]);
    applyItemRoles(item(a, b), 0.8, ids);
    expect(a.units.map((u) => u.text)).toEqual([second]);
    expect(b.reading.ruledOut).toEqual(['conduct']);
  });
});
