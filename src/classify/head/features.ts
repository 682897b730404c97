// What a theme head sees of one item: the engine's own evidence, pooled from segments (and their
// clauses) to the item, because labels are per item. Per theme: its best similarity to the theme's
// exemplars, whether the engine's threshold rule would pass it, how far it leads the other themes
// (over the item, and within its best clause), whether a cue phrase of the theme occurs outside
// praise; how often and how evenly it leads across reasons; the scores of the other themes as a
// summary that names none of them (their three best, and the no-reason theme's), so each theme's
// model holds in a taxonomy with other themes (bind.ts); and, shared by every theme, the praise,
// the number of reasons, and the length and case of the text; with labelled items kept in the head,
// the share of the item's nearest labelled items that carry the theme, plain and weighted by
// closeness (neighbours.ts).

import { UNINFORMATIVE_THEME } from '../../types.js';
import { countCues, prepareCueText, type CompiledCue } from '../cues.js';
import { isRuledOut } from '../rule-outs.js';
import { CLAUSE_ROLES, likeliestRole } from '../roles/model.js';
import { judgedSegments, type NeighbourEvidence, type ScoredItem, type ScoredSegment } from '../units.js';

/** How many of the other themes' best scores each theme sees, highest first. */
const OTHERS_SEEN = 3;

/** Names of the features, in order; the head file lists them so a file from another version is refused. */
export function featureNames(probe = false, neighbours = false): string[] {
  return [
    'score',
    'eligible',
    'lead',
    'clause_lead',
    'cues',
    'praise',
    'reasons',
    'top_units',
    'mean_score',
    'length',
    'lowercase',
    ...Array.from({ length: OTHERS_SEEN }, (_, r) => `other_${r + 1}`),
    'no_reason_score',
    ...(probe ? ['probe_mean', 'probe_max'] : []),
    ...(neighbours ? ['neighbour_share', 'neighbour_weighted'] : []),
  ];
}

/**
 * What the rules of reading (reading.ts, favourable.ts) allow an item, per theme: a theme can only
 * come from a reason (not praise), from a sentence that does not rule it out, and not from a note of
 * an employer's silence, which says only `uninformative`; a theme a sentence asserts by its phrasing
 * (silence: `uninformative`) is given. A head decides only among what is allowed, as the thresholds do.
 */
export interface ItemReading {
  allowed: boolean[];
  asserted: boolean[];
  /** Some reason states the field's strength, calibre or size as the ground (field.ts): its `competition` is a reason given. */
  fieldStated?: boolean;
  /**
   * In an item that is all praise where the clause-role reader reads some sentence likeliest as a
   * reason, the themes those sentences do not rule out. Its scores are all the head judged it by
   * (itemFeatures), so a theme the head finds likely there is a reason the word rules set aside ("You
   * said you were mainly interested because it's close to home"), not a decline that gives none.
   */
  setAside?: boolean[];
  /**
   * In an item that is all praise, the themes not ruled out by a sentence that the clause-role
   * reader, not the word rules, set aside although it found it at least `REASON_POSSIBLE` likely a
   * reason. They are weighed only where the head finds "no reason" all but impossible
   * (`reasonsSetAside`). Praise the word rules found, or the reader surely, is never weighed so: the
   * head is as sure there as on a reason ("Your answers were clear, concise and well structured").
   */
  praised?: boolean[];
}

export function readingOf(item: ScoredItem, themeIds: readonly string[]): ItemReading {
  const allowed = themeIds.map(() => false);
  const asserted = themeIds.map(() => false);
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const reasons = item.segments.filter((s) => !s.praiseOnly);
  // Feedback that is all praise gives no reason, unless a sentence the word rules read as praise is
  // one the clause-role reader reads likeliest as a reason: then the head weighs it (setAside).
  if (reasons.length === 0) {
    if (uninformative >= 0) allowed[uninformative] = true;
    const notOf = (segments: readonly ScoredSegment[]) =>
      themeIds.map((id, t) => t !== uninformative && segments.some((s) => !s.reading.ruledOut.includes(id)));
    // A topic asked is no reason once its answer rules it out, however the reader reads the question alone.
    const judged = item.segments.filter((s) => !s.reading.silence && !s.answered);
    const praised = notOf(judged.filter((s) => s.setAsideByReader && mayBeReason(s.units[0]?.roles)));
    // A rule-out said in so many words ("Whatever you may be thinking about the group task, that's not
    // where this came from") stands against the reader, which reads the topic it names as a reason.
    const disputed = judged.filter((s) => readsAsReason(s.units[0]?.roles) && !isRuledOut(s.segment.text));
    if (disputed.length === 0) return { allowed, asserted, praised };
    return { allowed, asserted, setAside: notOf(disputed), praised };
  }
  for (const segment of reasons) {
    const { reading } = segment;
    if (reading.silence) {
      if (uninformative >= 0) allowed[uninformative] = asserted[uninformative] = true;
      continue;
    }
    themeIds.forEach((id, t) => {
      if (!reading.ruledOut.includes(id)) allowed[t] = true;
      if (reading.asserted.includes(id)) asserted[t] = true;
    });
  }
  return reasons.some((s) => s.reading.fieldStated) ? { allowed, asserted, fieldStated: true } : { allowed, asserted };
}

/**
 * How likely the clause-role reader must find a sentence it set aside a reason for the head to weigh
 * it (`praised`). On the development traps that are praise or a rule-out alone the reader is surer.
 */
export const REASON_POSSIBLE = 0.25;

function mayBeReason(roles: readonly number[] | undefined): boolean {
  return roles?.length === CLAUSE_ROLES.length && roles[CLAUSE_ROLES.indexOf('reason')]! >= REASON_POSSIBLE;
}

/** Whether the clause-role reader finds a reason the likeliest role of a text (it did not read it: no). */
function readsAsReason(roles: readonly number[] | undefined): boolean {
  return roles?.length === CLAUSE_ROLES.length && likeliestRole(roles) === 'reason';
}

/**
 * Whether a segment's evidence (scores, probe, cue phrases) counts for a theme: not when a rule of
 * reading took the theme away there, nor in a note of an employer's silence (only `uninformative`).
 */
function countsFor(segment: ScoredSegment, themeId: string): boolean {
  if (segment.reading.silence) return themeId === UNINFORMATIVE_THEME;
  return !segment.reading.ruledOut.includes(themeId);
}

/**
 * Per theme (taxonomy order), the feature vector of one item. `margin` is the engine's: a theme is
 * eligible in a unit when it scores within it of the unit's best theme.
 */
export function itemFeatures(
  item: ScoredItem,
  themeIds: readonly string[],
  cues: readonly CompiledCue[][],
  margin: number,
  probe = false,
  /** What the item's nearest labelled items say (neighbours.ts), when the head reads them. */
  neighbours?: NeighbourEvidence,
): number[][] {
  const k = themeIds.length;
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const reasons = item.segments.filter((s) => !s.praiseOnly);
  const judged = judgedSegments(item);
  const best = new Array<number>(k).fill(0);
  const eligible = new Array<number>(k).fill(0);
  const clauseLead = new Array<number>(k).fill(-1);
  // The probe's score (probe.ts): its mean over the reasons' texts, and its best over their units.
  const probeMean = new Array<number>(k).fill(0);
  const probeMax = new Array<number>(k).fill(0);
  for (const segment of judged) {
    const counts = (t: number) => countsFor(segment, themeIds[t]!);
    const units =
      segment.units.length > 0 ? segment.units : [{ text: segment.scoredText, scores: segment.scores, nearest: segment.nearest }];
    if (probe) {
      const own = segment.units[0]?.probe;
      for (let t = 0; t < k; t++) if (counts(t)) probeMean[t]! += (own?.[t] ?? 0) / judged.length;
      for (const unit of segment.units) {
        // A clause the reader reads as other than a reason (praise, boilerplate, the employer's side)
        // is evidence of no reason, not of a theme its words lie near ("We'd happily have you on the team").
        const aside = unit.roles !== undefined && !readsAsReason(unit.roles);
        unit.probe?.forEach((p, t) => {
          if (aside && t !== uninformative) return;
          if (counts(t) && p > probeMax[t]!) probeMax[t] = p;
        });
      }
    }
    for (const unit of units) {
      // The unit's two best scores: every theme's lead is over the best other theme.
      let first = 0;
      for (let t = 1; t < k; t++) if (unit.scores[t]! > unit.scores[first]!) first = t;
      let second = -Infinity;
      for (let t = 0; t < k; t++) if (t !== first && unit.scores[t]! > second) second = unit.scores[t]!;
      const top = unit.scores[first]!;
      unit.scores.forEach((score, t) => {
        if (!counts(t)) return;
        if (score > best[t]!) best[t] = score;
        if (!segment.praiseOnly && score >= top - margin) eligible[t] = 1;
        const lead = score - (t === first ? second : top);
        if (lead > clauseLead[t]!) clauseLead[t] = lead;
      });
    }
  }
  const cueCounts = new Array<number>(k).fill(0);
  for (const segment of reasons) {
    const text = prepareCueText(segment.segment.text, segment.praise);
    cues.forEach((compiled, t) => {
      if (compiled.length > 0 && countsFor(segment, themeIds[t]!)) cueCounts[t]! += countCues(compiled, text);
    });
  }
  // How often the theme is a reason's best theme, and its mean over reasons (one strong sentence or several).
  const topUnits = new Array<number>(k).fill(0);
  const meanScore = new Array<number>(k).fill(0);
  for (const segment of reasons) {
    for (const unit of segment.units) {
      const top = Math.max(...unit.scores);
      unit.scores.forEach((score, t) => {
        if (score === top && countsFor(segment, themeIds[t]!)) topUnits[t]!++;
      });
    }
    segment.scores.forEach((score, t) => {
      if (countsFor(segment, themeIds[t]!)) meanScore[t]! += score / reasons.length;
    });
  }
  const praise = item.segments.some((s) => s.favourable) ? 1 : 0;
  const reasonCount = Math.log1p(reasons.length);
  // Terse notes and codes read differently from long emails: the head may trust scores differently.
  const length = Math.log1p(item.text.length);
  const lowercase = item.text === item.text.toLowerCase() ? 1 : 0;
  return themeIds.map((_, t) => {
    // The other reasons' best scores, highest first (0 where the taxonomy has fewer themes).
    const others = best.filter((_, u) => u !== t && u !== uninformative).sort((a, b) => b - a);
    const seen = Array.from({ length: OTHERS_SEEN }, (_, r) => others[r] ?? 0);
    const noReason = uninformative >= 0 && uninformative !== t ? best[uninformative]! : 0;
    const own = [best[t]!, eligible[t]!, best[t]! - seen[0]!, clauseLead[t]!, Math.min(cueCounts[t]!, 3), praise, reasonCount];
    const learnt = probe ? [probeMean[t]!, probeMax[t]!] : [];
    const near = neighbours ? [neighbours.shares[t]!, neighbours.weighted[t]!] : [];
    return [...own, Math.min(topUnits[t]!, 3), meanScore[t]!, length, lowercase, ...seen, noReason, ...learnt, ...near];
  });
}
