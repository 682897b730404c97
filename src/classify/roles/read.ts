// The learnt rules of reading, applied to a scored segment alongside the word rules (favourable.ts,
// rule-outs.ts, reading.ts): a unit (the segment's reason text, or one of its clauses) that the
// clause-role reader confidently reads as praise, a rule-out or the candidate's note about the
// employer gives no evidence for a theme. A segment left with no reason is praise, or, when the
// employer's side is what it is about, a note of silence (`uninformative`, never `conduct`).

import { UNINFORMATIVE_THEME } from '../../types.js';
import { mayBeEmployerNote, settleEmployerSide } from '../reading.js';
import type { ScoredItem, ScoredSegment, UnitScores } from '../units.js';
import { praisesOthers } from '../favourable.js';
import { namesTheReason } from '../preamble.js';
import { criticisesByNegation } from '../negated-criticism.js';
import { saysVacancyChanged } from '../vacancy.js';
import { agreesWithRuleOut, asksTopic, isRuledOut, reportsDoubt } from '../rule-outs.js';
import { CLAUSE_ROLES, isNotAReason, likeliestRole, readRole, type ClauseRole } from './model.js';
import { writerStatesOwnPart } from './writer-part.js';

/** More likely than not: how sure the reader must be of a clause conceded before the real reason. */
export const CONCEDED_AT = 0.5;

/**
 * The reader applied to an item: to each segment (applyClauseRoles), then to the whole item: a
 * candidate's note about the employer's side carries no `conduct` (settleEmployerSide).
 */
export function applyItemRoles(item: ScoredItem, confidentAt: number, themeIds: readonly string[]): void {
  // A sentence the reader finds likeliest a note about the employer's side, and that may be one, is
  // such a note for `conduct` even where the reader is not sure enough to set it aside. Read as the
  // whole sentence was, before any of its clauses were set aside.
  const note = item.segments.some((s) => {
    const roles = s.units[0]?.roles;
    return roles?.length === CLAUSE_ROLES.length && likeliestRole(roles) === 'employer' && mayBeEmployerNote(s.scoredText);
  });
  item.segments.forEach((segment, i) => {
    if (concededSentence(segment, item.segments[i + 1])) readAsPraise(segment);
    else applyClauseRoles(segment, confidentAt, themeIds);
  });
  // A question is answered: a topic asked goes with an answer the reader set aside as a rule-out or
  // praise ("Not having chartered status yet? That was a nothing-burger for us."), as it does with
  // one the word rules set aside (units.ts).
  item.segments.forEach((segment, i) => {
    const answer = item.segments[i + 1];
    if (answer && !segment.praiseOnly && !segment.reading.silence && answeredBySetAside(segment, answer)) {
      readAsPraise(segment);
      segment.answered = true;
    }
  });
  settleEmployerSide(item.segments, themeIds, note);
}

/**
 * Whether `question` is a short question and the reader set `answer` aside as a rule-out or praise of
 * what it asks, or reports a worry or question that the answer rules out ("I know you were worried
 * that losing ten minutes might have told against you. Let me reassure you…, and it did not.").
 */
function answeredBySetAside(question: ScoredSegment, answer: ScoredSegment): boolean {
  const roles = answer.units[0]?.roles;
  if (!answer.setAsideByReader || !answer.praiseOnly || roles?.length !== CLAUSE_ROLES.length) return false;
  const role = likeliestRole(roles);
  if (role === 'rule_out' && reportsDoubt(question.segment.text)) return true;
  return (role === 'rule_out' || role === 'praise') && asksTopic(question.segment.text, true);
}

/** What the word rules settled stays settled: praise, silence, and what a sentence asserts by its phrasing. */
function settledByWords(segment: ScoredSegment): boolean {
  const { reading } = segment;
  return segment.praiseOnly || reading.silence || reading.asserted.length > 0 || Boolean(reading.subject);
}

/** A segment with no reason in it: as for one the word rules find all praise, nothing in it is scored or marked. */
function readAsPraise(segment: ScoredSegment): void {
  segment.setAsideByReader = true;
  segment.praiseOnly = true;
  segment.favourable = true;
  segment.praise = [];
}

/** Applies the reader to one segment. */
export function applyClauseRoles(segment: ScoredSegment, confidentAt: number, themeIds: readonly string[]): void {
  const { reading } = segment;
  // What the word rules settled stays settled: praise, silence, and what a sentence asserts by its
  // phrasing (a comparison keeps its subject: "the successful candidate had stronger Python"). Only
  // a clause conceded before the turn to it is set aside there ("None of the panel had any worry
  // about your fit; we went with someone who holds the PRINCE2").
  if (segment.praiseOnly || reading.silence) return;
  const [whole, ...clauses] = segment.units;
  if (!whole) return;
  if (settledByWords(segment)) {
    const conceded = clauses.filter((c, i) => c.text !== reading.subject && concededBefore(whole.text, clauses, i));
    if (conceded.length > 0)
      keepOnly(
        segment,
        clauses.filter((c) => !conceded.includes(c)),
        conceded,
      );
    return;
  }
  // A note about the employer's side needs someone to be about: read without one, it is unsure.
  // Where the word rules already found the employer's side acting ("the panel were rude…") or a
  // rule-out ("was not what tipped the balance"), the reader's likeliest reading of the note or the
  // rule-out is enough: the two agree.
  const roleOf = (unit: { text: string; roles?: number[] }): ClauseRole | null => {
    const likeliest = unit.roles?.length === CLAUSE_ROLES.length ? likeliestRole(unit.roles) : null;
    const agreed = (likeliest === 'employer' && reading.employerSide) || (likeliest === 'rule_out' && agreesWithRuleOut(unit.text));
    const role = agreed ? likeliest : readRole(unit.roles, confidentAt);
    // A unit that opens by naming the reason gives it, however it sounds: "The reason it's a no is the shift pattern".
    if (isNotAReason(role) && namesOwnReason(unit.text)) return 'reason';
    // A criticism said with a negation is no rule-out ("never said why nursing", "zero questions about
    // the patients", "not good enough"; negated-criticism.ts): the reader's reading is not trusted there.
    if ((role === 'rule_out' || role === 'praise') && criticisesByNegation(unit.text) && !isRuledOut(unit.text)) return null;
    // Praise of the field or the other candidates is the competition the candidate lost to, however
    // warm it sounds, and so is news that the vacancy itself changed, however formal: not praise of
    // the candidate or a formula ("We had a very strong field", "Unfortunately the post has been filled").
    if ((role === 'praise' || role === 'boilerplate') && (praisesOthers(unit.text) || saysVacancyChanged(unit.text))) return 'reason';
    // A note in which the writer states their own part ("I failed the typing test") is their reason, not
    // the employer's side; a sentence with clauses is read through them.
    if (role === 'employer' && (unit !== whole || clauses.length === 0) && writerStatesOwnPart(unit.text)) return 'reason';
    return role === 'employer' && !mayBeEmployerNote(unit.text) ? null : role;
  };
  // A polite formula with no reason in it says only that no reason is given.
  if (roleOf(whole) === 'boilerplate' && !clauses.some((c) => roleOf(c) === 'reason')) {
    for (const id of themeIds) if (id !== UNINFORMATIVE_THEME && !reading.ruledOut.includes(id)) reading.ruledOut.push(id);
    return;
  }
  const notReason = (unit: { text: string; roles?: number[] }) => isNotAReason(roleOf(unit));
  // Inside a sentence surely read as a reason, a clause must be surer still to be set aside: the
  // reader knows whole sentences better than fragments ("and yours wasn't tailored enough").
  const stricter = (1 + confidentAt) / 2;
  const clauseNotReason =
    roleOf(whole) === 'reason'
      ? (unit: { text: string; roles?: number[] }) => isNotAReason(readRole(unit.roles, stricter)) && notReason(unit)
      : notReason;
  // A sentence that is no reason keeps only the clauses that surely are one; a sentence with one
  // praised and one criticised clause is read through its clauses alone, and so is praise before
  // the real reason (concededBefore).
  const setAside = clauses.map((c, i) => clauseNotReason(c) || concededBefore(whole.text, clauses, i));
  const droppedClauses = notReason(whole) ? clauses.filter((c) => roleOf(c) !== 'reason') : clauses.filter((_, i) => setAside[i]);
  const kept = notReason(whole)
    ? clauses.filter((c) => roleOf(c) === 'reason')
    : droppedClauses.length > 0
      ? clauses.filter((_, i) => !setAside[i])
      : segment.units;
  if (kept.length === segment.units.length) return;
  if (kept.length > 0) {
    keepOnly(segment, kept, droppedClauses);
    return;
  }
  markSetAside(segment, droppedClauses);
  const employer = [whole, ...droppedClauses].some((unit) => roleOf(unit) === 'employer');
  if (employer) reading.silence = true;
  else readAsPraise(segment);
}

/** Marks the clauses set aside in the segment's text (as praise is marked: no evidence there). */
function markSetAside(segment: ScoredSegment, dropped: readonly UnitScores[]): void {
  for (const clause of dropped) {
    const at = segment.segment.text.indexOf(clause.text);
    if (at >= 0) segment.praise.push([at, at + clause.text.length]);
  }
}

/** The segment read through the units kept alone: its scores and nearest exemplars are theirs. */
function keepOnly(segment: ScoredSegment, kept: readonly UnitScores[], dropped: readonly UnitScores[]): void {
  markSetAside(segment, dropped);
  segment.units = [...kept];
  segment.scores = segment.scores.map((_, t) => Math.max(...kept.map((u) => u.scores[t]!)));
  segment.nearest = segment.nearest.map((_, t) => kept.reduce((best, u) => (u.scores[t]! > best.scores[t]! ? u : best)).nearest[t]!);
}

/** How likely the reader finds a unit to be no reason (praise, a rule-out or the employer's side). */
function notReasonMass(roles: readonly number[]): number {
  return CLAUSE_ROLES.reduce((mass, role, r) => (isNotAReason(role) ? mass + roles[r]! : mass), 0);
}

// Where a sentence turns to the real reason: a semicolon or dash between two clauses, or a clause
// that opens with a contrast ("…, but…", "…, unfortunately…", "…, only thing is…").
const TURN_BETWEEN = /[;—–]|\s-\s/;
const TURN_WORD = /^(?:but|however|though|although|yet|unfortunately|sadly|regrettably|just|only|except|whereas)\b/i;
// A sentence or clause that names the reason turns to it as well (namesTheReason).
const turnsTo = (text: string) => TURN_WORD.test(text) || namesTheReason(text);

/**
 * Praise before the real reason across a sentence break, as concededBefore within one: a sentence
 * the reader finds more likely praise or a rule-out than not, followed by a sentence that opens with
 * a turn ("However, you spoke so quietly…", "But…") and reads likeliest as a reason, is the
 * concession ("Your degree and certifications tick every box. However, …").
 */
function concededSentence(segment: ScoredSegment, next: ScoredSegment | undefined): boolean {
  // A question is the topic of the answer after it, not praise conceded before it ("Your knowledge of
  // safeguarding law? That's where we had doubts."), as for the preamble rule (isPreamble).
  if (!next || settledByWords(segment) || next.praiseOnly || segment.segment.text.trim().endsWith('?')) return false;
  const [whole] = segment.units;
  const [following] = next.units;
  if (!whole || !following) return false;
  const opening = next.segment.text.replace(/^[\s"'\u2018\u201c(*•-]+/u, '');
  return concedes(whole, following) && turnsTo(opening);
}

/**
 * Whether `unit` reads more likely praise or a rule-out than not, and `next` likeliest as a reason
 * (or a polite formula), or opens by naming the reason however it sounds ("…, only thing is the
 * shift timings are not suiting you", as `roleOf` reads it).
 */
function concedes(unit: { roles?: number[] }, next: { text: string; roles?: number[] }): boolean {
  if (!unit.roles || unit.roles.length !== CLAUSE_ROLES.length || !next.roles || next.roles.length !== CLAUSE_ROLES.length) return false;
  const role = likeliestRole(unit.roles);
  if ((role !== 'praise' && role !== 'rule_out') || notReasonMass(unit.roles) < CONCEDED_AT) return false;
  const turnTo = likeliestRole(next.roles);
  return turnTo === 'reason' || turnTo === 'boilerplate' || namesOwnReason(next.text);
}

/** Whether a unit opens by naming the reason and does not rule it out: "What let him down was…", "only thing is…". */
function namesOwnReason(text: string): boolean {
  return namesTheReason(text.trim()) && !isRuledOut(text);
}

/**
 * Praise before the real reason: a clause the reader finds more likely praise or a rule-out than
 * not, followed at a turn ("…; it was…", "…, but…") by one it reads likeliest as a reason (or a
 * polite formula), is the concession ("The assessors raved about your written case; it was your
 * lack of a licence…"). The turn marks it, so the reader need not be sure of the concession alone.
 */
export function concededBefore(sentence: string, clauses: readonly { text: string; roles?: number[] }[], index: number): boolean {
  const clause = clauses[index];
  const next = clauses[index + 1];
  if (!clause || !next || !concedes(clause, next)) return false;
  const end = sentence.indexOf(clause.text) + clause.text.length;
  const start = sentence.indexOf(next.text, end);
  if (end < clause.text.length || start < 0) return false;
  return TURN_BETWEEN.test(sentence.slice(end, start)) || turnsTo(next.text.trim());
}
