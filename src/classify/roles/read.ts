// The learnt rules of reading, applied to a scored segment alongside the word rules (favourable.ts,
// rule-outs.ts, reading.ts): a unit (the segment's reason text, or one of its clauses) that the
// clause-role reader confidently reads as praise, a rule-out or the candidate's note about the
// employer gives no evidence for a theme. A segment left with no reason is praise, or, when the
// employer's side is what it is about, a note of silence (`uninformative`, never `conduct`).

import { UNINFORMATIVE_THEME } from '../../types.js';
import { mayBeEmployerNote, settleEmployerSide } from '../reading.js';
import type { ScoredItem, ScoredSegment } from '../units.js';
import { isNotAReason, readRole, type ClauseRole } from './model.js';

/**
 * The reader applied to an item: to each segment (applyClauseRoles), then to the whole item: a
 * candidate's note about the employer's side carries no `conduct` (settleEmployerSide).
 */
export function applyItemRoles(item: ScoredItem, confidentAt: number, themeIds: readonly string[]): void {
  for (const segment of item.segments) applyClauseRoles(segment, confidentAt, themeIds);
  settleEmployerSide(item.segments, themeIds);
}

/** Applies the reader to one segment. */
export function applyClauseRoles(segment: ScoredSegment, confidentAt: number, themeIds: readonly string[]): void {
  const { reading } = segment;
  // What the word rules settled stays settled: praise, silence, and what a sentence asserts by its
  // phrasing (a comparison keeps its subject: "the successful candidate had stronger Python").
  if (segment.praiseOnly || reading.silence || reading.asserted.length > 0 || reading.subject) return;
  const [whole, ...clauses] = segment.units;
  if (!whole) return;
  // A note about the employer's side needs someone to be about: read without one, it is unsure.
  const roleOf = (unit: { text: string; roles?: number[] }): ClauseRole | null => {
    const role = readRole(unit.roles, confidentAt);
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
  // praised and one criticised clause is read through its clauses alone.
  const droppedClauses = notReason(whole) ? clauses.filter((c) => roleOf(c) !== 'reason') : clauses.filter(clauseNotReason);
  const kept = notReason(whole)
    ? clauses.filter((c) => roleOf(c) === 'reason')
    : droppedClauses.length > 0
      ? clauses.filter((c) => !clauseNotReason(c))
      : segment.units;
  if (kept.length === segment.units.length) return;
  for (const clause of droppedClauses) {
    const at = segment.segment.text.indexOf(clause.text);
    if (at >= 0) segment.praise.push([at, at + clause.text.length]);
  }
  if (kept.length > 0) {
    segment.units = kept;
    segment.scores = segment.scores.map((_, t) => Math.max(...kept.map((u) => u.scores[t]!)));
    segment.nearest = segment.nearest.map((_, t) => kept.reduce((best, u) => (u.scores[t]! > best.scores[t]! ? u : best)).nearest[t]!);
    return;
  }
  const employer = [whole, ...droppedClauses].some((unit) => roleOf(unit) === 'employer');
  if (employer) reading.silence = true;
  else {
    segment.praiseOnly = true;
    segment.favourable = true;
    // As for a segment the word rules find all praise: nothing in it is scored, so nothing is marked.
    segment.praise = [];
  }
}
