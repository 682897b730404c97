// A handful of representative quotes per theme, with the matched sentence and cues marked. The
// report samples (never embeds every item) so it stays small on large exports.

import { placeholderOverlap } from '../redact/placeholders.js';
import type { ClassifiedItem, ThemeAssignment } from '../types.js';
import type { Quote, QuotePart } from './model.js';
import type { PreparedItem } from './prepare.js';
import { round } from './util.js';

export const MAX_QUOTES = 5;
const EXCERPT_CONTEXT = 140;
const MAX_EVIDENCE_CHARS = 420;

interface Range {
  start: number;
  end: number;
}

export function evidenceRange(entry: ClassifiedItem, assignment: ThemeAssignment): Range | null {
  const text = entry.item.text;
  const segment = entry.segments.find((candidate) => candidate.index === assignment.evidence.segmentIndex);
  if (segment && text.slice(segment.start, segment.end) === segment.text) return { start: segment.start, end: segment.end };
  const found = text.indexOf(assignment.evidence.segment);
  if (assignment.evidence.segment !== '' && found >= 0) return { start: found, end: found + assignment.evidence.segment.length };
  return null;
}

/** The classifier's cue ranges (offsets into the segment) as merged offsets into the evidence. */
function cueOffsets(evidence: ThemeAssignment['evidence']): Range[] {
  const sorted = [...evidence.cueRanges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** Moves a cut point back to a space so words are not split (within a short distance). */
function atWordBoundary(text: string, index: number, direction: -1 | 1): number {
  let position = index;
  for (let step = 0; step < 20 && position > 0 && position < text.length; step += 1) {
    if (/\s/.test(text[position])) return direction === 1 ? position : position + 1;
    position += direction;
  }
  return index;
}

/** The quote as plain / evidence / cue parts, cut around the evidence when the item is long.
 * `cues` are offsets into the evidence range, exactly as the classifier matched them. */
export function quoteParts(text: string, evidence: Range | null, cues: readonly Range[]): QuotePart[] {
  const parts: QuotePart[] = [];
  const push = (value: string, mark: QuotePart['mark']) => {
    if (value !== '') parts.push({ text: value, mark });
  };
  if (evidence === null) {
    const short = text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS).trimEnd()}…` : text;
    push(short, 'none');
    return parts;
  }
  let evidenceEnd = evidence.end;
  let evidenceCut = false;
  if (evidenceEnd - evidence.start > MAX_EVIDENCE_CHARS) {
    // Cut a very long sentence, but never before its last cue: every matched cue is shown.
    const lastCue = Math.max(0, ...cues.map((cue) => cue.end));
    evidenceEnd = Math.max(atWordBoundary(text, evidence.start + MAX_EVIDENCE_CHARS, -1), evidence.start + lastCue);
    evidenceCut = evidenceEnd < evidence.end;
  }
  const from = evidence.start > EXCERPT_CONTEXT ? atWordBoundary(text, evidence.start - EXCERPT_CONTEXT, 1) : 0;
  const to = evidenceCut
    ? evidenceEnd
    : text.length - evidence.end > EXCERPT_CONTEXT
      ? atWordBoundary(text, evidence.end + EXCERPT_CONTEXT, -1)
      : text.length;
  if (from > 0) push('…', 'none');
  push(text.slice(from, evidence.start), 'none');
  const evidenceText = text.slice(evidence.start, evidenceEnd);
  let cursor = 0;
  for (const cue of cues) {
    // A cue past a cut in a very long sentence is not shown, so it cannot be marked.
    if (cue.start < cursor || cue.end > evidenceText.length) continue;
    push(evidenceText.slice(cursor, cue.start), 'evidence');
    push(evidenceText.slice(cue.start, cue.end), 'cue');
    cursor = cue.end;
  }
  push(evidenceText.slice(cursor), 'evidence');
  if (!evidenceCut) push(text.slice(evidence.end, to), 'none');
  if (to < text.length) push('…', 'none');
  return parts;
}

/** The quote of one assignment: its evidence sentence marked, and the classifier's cues in it. */
export function assignmentQuoteParts(entry: ClassifiedItem, assignment: ThemeAssignment): QuotePart[] {
  const evidence = evidenceRange(entry, assignment);
  // A cue inside a placeholder of redaction ("phone" of "[phone]") is not what the reason was read from.
  const onPlaceholder = placeholderOverlap(entry.item.text);
  const cues = cueOffsets(assignment.evidence).filter(
    (cue) => evidence === null || !onPlaceholder(evidence.start + cue.start, evidence.start + cue.end),
  );
  return quoteParts(entry.item.text, evidence, cues);
}

interface Scored {
  prepared: PreparedItem;
  assignment: ThemeAssignment;
}

/** Quotes for every theme, from one pass over the items. */
export function selectAllQuotes(
  items: readonly PreparedItem[],
  themeIds: readonly string[],
  names: ReadonlyMap<string, string>,
): Record<string, Quote[]> {
  const byTheme = new Map<string, Scored[]>(themeIds.map((id) => [id, []]));
  for (const prepared of items) {
    // A blank reply has nothing to quote; words the model cannot read are no theme's words.
    if (prepared.entry.item.noText || prepared.entry.unread) continue;
    for (const assignment of prepared.entry.themes) {
      const list = byTheme.get(assignment.themeId);
      // An item carries each theme once; keep its best assignment if it repeats.
      if (list && !(list.length > 0 && list[list.length - 1].prepared === prepared)) list.push({ prepared, assignment });
    }
  }
  const quotes: Record<string, Quote[]> = {};
  for (const id of themeIds) quotes[id] = selectQuotes(byTheme.get(id)!, names);
  return quotes;
}

/** Two items whose text differs only in case, spacing or punctuation say the same thing. */
function sameWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Highest-scoring items first, one per candidate while there are enough candidates, and never
 * the same words twice (a stock rejection line sent to many candidates is quoted once). */
function selectQuotes(scored: Scored[], names: ReadonlyMap<string, string>): Quote[] {
  scored.sort((a, b) => b.assignment.score - a.assignment.score || a.prepared.position - b.prepared.position);
  const chosen: typeof scored = [];
  const people = new Set<string>();
  const texts = new Set<string>();
  const isNew = (candidate: Scored) => !texts.has(sameWords(candidate.prepared.entry.item.text));
  const take = (candidate: Scored) => {
    texts.add(sameWords(candidate.prepared.entry.item.text));
    chosen.push(candidate);
  };
  for (const candidate of scored) {
    if (chosen.length >= MAX_QUOTES) break;
    const person = candidate.prepared.person;
    if (people.has(person) || !isNew(candidate)) continue;
    people.add(person);
    take(candidate);
  }
  // Fewer distinct people than quotes wanted: fill up with their other items.
  for (const candidate of scored.slice(0, MAX_QUOTES)) {
    if (chosen.length >= Math.min(MAX_QUOTES, 3)) break;
    if (!chosen.includes(candidate) && isNew(candidate)) take(candidate);
  }
  return chosen.map(({ prepared, assignment }) => {
    const { entry, candidate } = prepared;
    return {
      itemId: entry.item.id,
      position: prepared.position,
      candidate: candidate === null ? null : (names.get(candidate) ?? null),
      stage: entry.item.stage,
      date: entry.item.date,
      score: round(assignment.score),
      parts: assignmentQuoteParts(entry, assignment),
    };
  });
}
