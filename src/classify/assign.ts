// Stage 3 of the classifier, pure: theme scores and thresholds → the themes each segment and
// item carries, with the evidence (segment, nearest exemplar, cue phrases) for each.

import { UNINFORMATIVE_THEME, type SegmentResult, type Taxonomy, type ThemeAssignment, type Thresholds } from '../types.js';
import { own } from '../own.js';
import { compileCues, findCueRanges, prepareCueText, type CompiledCue, type CueText } from './cues.js';
import { headProbabilities } from './head/apply.js';
import { readingOf } from './head/features.js';
import type { AppliedHead } from './head/bind.js';
import { decideItem, itemShape } from './head/no-reason.js';
import type { ScoredItem, ScoredSegment } from './units.js';

export interface ItemAssignment {
  themes: ThemeAssignment[];
  segments: SegmentResult[];
  /** Set when an adviser's correction fixed the themes rather than the scores. */
  corrected?: true;
}

/** Each theme's cue phrases, compiled once per taxonomy. */
export function compileThemeCues(taxonomy: Taxonomy): CompiledCue[][] {
  return taxonomy.themes.map((theme) => compileCues(theme.cues));
}

/** The themes an adviser's correction fixes for a text (undefined when none does). */
export type PinnedThemes = (text: string) => readonly string[] | undefined;

/**
 * Thresholds applied to every item's scores, or, with a head, the head's calibrated decision per
 * item (themes the head does not know by their thresholds); corrected items take their corrected themes.
 */
export function assignItems(
  items: ScoredItem[],
  taxonomy: Taxonomy,
  thresholds: Thresholds,
  cues = compileThemeCues(taxonomy),
  pinned: PinnedThemes = () => undefined,
  head: AppliedHead | null = null,
): ItemAssignment[] {
  const themeIds = taxonomy.themes.map((t) => t.id);
  const unknown = head ? head.models.map((model) => model === null) : [];
  return items.map((item) => {
    const fixed = pinned(item.text);
    if (fixed || !head) return assignItem(item, taxonomy, thresholds, cues, fixed);
    const [probabilities] = headProbabilities(head, [item], cues);
    const reading = readingOf(item, themeIds);
    if (unknown.includes(true)) {
      // A theme the head does not know is there exactly when it passes its similarity threshold.
      const eligible = eligibleScores(item, themeIds, thresholds.margin);
      unknown.forEach((isUnknown, t) => {
        if (isUnknown) reading.allowed[t] = reading.asserted[t] = eligible[t]! >= themeThreshold(thresholds, themeIds[t]!);
      });
    }
    const chosen = decideItem(head, probabilities!, themeIds, reading, itemShape(item));
    return assignItem(item, taxonomy, thresholds, cues, undefined, {
      probabilities: probabilities!,
      chosen,
      confidentAt: head.confidentAt,
      byReading: byReading(chosen, reading.allowed),
    });
  });
}

/** Threshold a theme's score must reach: its own when calibrated, never below the floor. */
export function themeThreshold(thresholds: Thresholds, themeId: string): number {
  return Math.max(thresholds.floor, own(thresholds.perTheme, themeId) ?? thresholds.floor);
}

/**
 * Which themes a segment passes. Per scored unit (the segment, and each clause when it has
 * several): at least the theme's threshold and within `margin` of that unit's best theme. The best
 * includes `uninformative`, so a boilerplate sentence ("Thank you for attending the assessment
 * centre") that is mostly a polite decline does not also count as a reason; taking the margin per
 * clause lets one sentence carry two reasons.
 */
export function segmentThemes(segment: ScoredSegment, themeIds: string[], thresholds: Thresholds): number[] {
  const eligible = segmentEligible(segment, themeIds, thresholds.margin);
  const passed: number[] = [];
  eligible.forEach((score, t) => {
    if (score >= themeThreshold(thresholds, themeIds[t]!)) passed.push(t);
  });
  return passed;
}

/** The eligible score of a theme the rules of reading assert: the top of the cosine scale, so it passes. */
export const ASSERTED_SCORE = 1;

/**
 * Per theme, the highest score among the segment's units where it is within the margin of the unit's
 * best; then the rules of reading (reading.ts): a silence note carries only `uninformative`, ruled-out
 * themes nothing, asserted themes pass.
 */
function segmentEligible(segment: ScoredSegment, themeIds: readonly string[], margin: number): number[] {
  const out = segment.scores.map(() => -Infinity);
  if (segment.praiseOnly) return out;
  const { reading } = segment;
  if (reading.silence) {
    const u = themeIds.indexOf(UNINFORMATIVE_THEME);
    if (u >= 0) out[u] = ASSERTED_SCORE;
    return out;
  }
  scoreUnits(segment, margin, out);
  for (const id of reading.ruledOut) if (themeIds.includes(id)) out[themeIds.indexOf(id)] = -Infinity;
  for (const id of reading.asserted) if (themeIds.includes(id)) out[themeIds.indexOf(id)] = ASSERTED_SCORE;
  return out;
}

function scoreUnits(segment: ScoredSegment, margin: number, out: number[]): void {
  const units = segment.units.length > 0 ? segment.units : [{ text: segment.scoredText, scores: segment.scores, nearest: segment.nearest }];
  for (const unit of units) {
    let best = -Infinity;
    for (const x of unit.scores) if (x > best) best = x;
    unit.scores.forEach((score, t) => {
      if (score >= best - margin && score > out[t]!) out[t] = score;
    });
  }
}

/**
 * Per item and theme, the highest eligible score over its segments; the theme is assigned to the
 * item exactly when this reaches its threshold (and, for `uninformative`, when nothing else is
 * assigned). Calibration searches thresholds over these.
 */
export function eligibleScores(item: ScoredItem, themeIds: readonly string[], margin: number): number[] {
  const out = themeIds.map(() => -Infinity);
  for (const segment of item.segments) {
    segmentEligible(segment, themeIds, margin).forEach((score, t) => {
      if (score > out[t]!) out[t] = score;
    });
  }
  return out;
}

/**
 * A corrected item's themes, each on the segment that scores it highest (a reason rather than praise
 * where there is one), so its evidence points at the likeliest sentence.
 */
function pinnedSegments(item: ScoredItem, themeIds: string[], themes: readonly string[]): number[][] {
  const perSegment: number[][] = item.segments.map(() => []);
  if (item.segments.length === 0) return perSegment;
  for (const themeId of themes) {
    const t = themeIds.indexOf(themeId);
    if (t < 0) continue;
    let best = 0;
    item.segments.forEach((segment, s) => {
      const current = item.segments[best]!;
      if (current.praiseOnly !== segment.praiseOnly ? current.praiseOnly : segment.scores[t]! > current.scores[t]!) best = s;
    });
    perSegment[best]!.push(t);
  }
  return perSegment;
}

/** A head's decision for an item: its themes (indices) and every theme's probability. */
interface HeadDecision {
  chosen: number[];
  probabilities: number[];
  confidentAt: number;
  /** The chosen theme the rules of reading left as the only one possible: theirs, never "possibly". */
  byReading?: number | null;
}

/**
 * The theme chosen because the rules of reading allow no other: feedback that is all praise, or a
 * note of the employer's silence, gives no reason (`uninformative`), however unsure the head's own
 * probability is there (it is as low on praise as on a reason: NO_REASON_UNLIKELY). Null otherwise.
 */
function byReading(chosen: readonly number[], allowed: readonly boolean[]): number | null {
  const possible = allowed.flatMap((isAllowed, t) => (isAllowed ? [t] : []));
  return possible.length === 1 && chosen.length === 1 && chosen[0] === possible[0] ? chosen[0]! : null;
}

/** A head's themes sit on the segment that scores each highest, and on any other segment that passes the thresholds for it. */
function headSegments(item: ScoredItem, themeIds: string[], thresholds: Thresholds, decision: HeadDecision): number[][] {
  const best = pinnedSegments(
    item,
    themeIds,
    decision.chosen.map((t) => themeIds[t]!),
  );
  return item.segments.map((s, i) => [
    ...new Set([...best[i]!, ...segmentThemes(s, themeIds, thresholds).filter((t) => decision.chosen.includes(t))]),
  ]);
}

function assignItem(
  item: ScoredItem,
  taxonomy: Taxonomy,
  thresholds: Thresholds,
  cues: CompiledCue[][],
  pinned: readonly string[] | undefined,
  decision?: HeadDecision,
): ItemAssignment {
  const themeIds = taxonomy.themes.map((t) => t.id);
  const perSegment = pinned
    ? pinnedSegments(item, themeIds, pinned)
    : decision
      ? headSegments(item, themeIds, thresholds, decision)
      : item.segments.map((s) => segmentThemes(s, themeIds, thresholds));
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const hasReason = perSegment.some((passed) => passed.some((t) => t !== uninformative));
  // What an adviser set is kept as set, and what the head chose is already consistent.
  const keep = (t: number) => Boolean(pinned) || Boolean(decision) || !(hasReason && t === uninformative);

  const bestSegment = new Map<number, number>();
  perSegment.forEach((passed, s) => {
    for (const t of passed.filter(keep)) {
      const current = bestSegment.get(t);
      if (current === undefined || item.segments[s]!.scores[t]! > item.segments[current]!.scores[t]!) bestSegment.set(t, s);
    }
  });

  // Several themes often cite the same segment: tokenise and stem its text once. Cues are found
  // in the segment as written, outside its praise clauses (what was scored), so their offsets
  // point into the text the report shows.
  const cueTexts = new Map<number, CueText>();
  const cueTextOf = (s: number): CueText => {
    let prepared = cueTexts.get(s);
    if (!prepared) {
      prepared = prepareCueText(item.segments[s]!.segment.text, item.segments[s]!.praise);
      cueTexts.set(s, prepared);
    }
    return prepared;
  };
  const themes: ThemeAssignment[] = [...bestSegment].map(([t, s]) => {
    const scored = item.segments[s]!;
    const theme = taxonomy.themes[t]!;
    const score = scored.scores[t]!;
    const cueRanges = findCueRanges(cues[t]!, cueTextOf(s));
    const found = new Set(cueRanges.map((range) => range.cue));
    // A theme the head does not know (NaN) has a similarity score, not a confidence.
    const known = decision && !Number.isNaN(decision.probabilities[t]!);
    const confidence = pinned ? 1 : known ? Math.round(decision.probabilities[t]! * 1000) / 1000 : undefined;
    return {
      themeId: theme.id,
      score,
      ...(confidence === undefined ? {} : { confidence }),
      ...(known && decision.probabilities[t]! < decision.confidentAt && decision.byReading !== t ? { tentative: true as const } : {}),
      evidence: {
        segmentIndex: scored.segment.index,
        segment: scored.segment.text,
        exemplar: theme.examples[scored.nearest[t]!] ?? '',
        cues: cues[t]!.filter((cue) => found.has(cue.cue)).map((cue) => cue.cue),
        cueRanges,
        score,
      },
    };
  });
  themes.sort((a, b) => b.score - a.score || themeIds.indexOf(a.themeId) - themeIds.indexOf(b.themeId));

  const segments: SegmentResult[] = item.segments.map((s, i) => ({
    itemId: s.segment.itemId,
    index: s.segment.index,
    text: s.segment.text,
    start: s.segment.start,
    end: s.segment.end,
    scores: s.scores,
    themes: perSegment[i]!.filter(keep).map((t) => themeIds[t]!),
    favourable: s.favourable,
  }));
  return pinned ? { themes, segments, corrected: true } : { themes, segments };
}
