// Which sentences discovery looks at: those that no theme explains. A sentence qualifies when it
// gives a reason (not praise only, not boilerplate) and its best theme is absent or weak, i.e.
// below that theme's threshold plus a band. Feedback about a topic no theme covers is still
// claimed, weakly, by its nearest theme; what sets it apart is that it is claimed by less than
// feedback the theme really covers (the band per engine is its profile's, in classify/profiles.ts, where its fitting is recorded).
// A caller may instead have a theme head choose (`headThemes`): a theme it decides then explains a
// sentence only where the head assigns it with enough probability and the sentence is similar to
// it. scripts/fit-discovery.ts measures that; `run` keeps the band, which held the two-topic
// scenario better (docs/engines-and-quality.md, Choosing the pool with the head).

import { themeThreshold } from '../classify/assign.js';
import { analysePraise } from '../classify/favourable.js';
import { UNINFORMATIVE_THEME, type ClassifiedItem, type Taxonomy, type Thresholds } from '../types.js';
import { scoreSpread } from './novelty.js';
import { termsOf } from './terms.js';

/** Sentences with fewer content words say too little to group ("Hi Sam,", "Thanks again."). */
export const MIN_CONTENT_WORDS = 3;

export interface UnexplainedSegment {
  itemId: string;
  /** Candidate id, or null when the item has none (then it counts as its own person). */
  candidate: string | null;
  segmentIndex: number;
  /** The sentence as written (quoted in the report). */
  text: string;
  /** The sentence without praise clauses: what is embedded and grouped. */
  reasonText: string;
  /** How much the sentence's best theme score stands out from the next ones (discover/novelty.ts). */
  spread: number;
  /** Claimed by the boilerplate theme ("no reason given"): kept only when asked, to join groups, never to form one. */
  boilerplate?: true;
}

/**
 * `headThemes`: the themes a head decides in this run (null without a head); the others, as every
 * theme without a head, explain a sentence they claim above their threshold plus `weakBand`. A
 * theme the head decides explains a sentence it is assigned to from probability `explainedFrom`
 * (null: where the head states it as sure) and only where the sentence reaches the theme's
 * similarity threshold: the head places an item's theme on its likeliest sentence, which need not
 * be about it. With `keepBoilerplate`, a sentence the boilerplate theme claims is kept too, marked:
 * a reason said in a decline's words ("we cannot proceed without two references") reads as one.
 */
export function unexplainedSegments(
  classified: readonly ClassifiedItem[],
  taxonomy: Taxonomy,
  thresholds: Thresholds,
  weakBand: number,
  headThemes: readonly string[] | null = null,
  explainedFrom: number | null = null,
  keepBoilerplate = false,
): UnexplainedSegment[] {
  const ids = taxonomy.themes.map((theme) => theme.id);
  const uninformative = ids.indexOf(UNINFORMATIVE_THEME);
  const byHead = ids.map((id) => headThemes?.includes(id) ?? false);
  const weakBelow = ids.map((id) => themeThreshold(thresholds, id) + weakBand);
  const boilerplateFrom = uninformative >= 0 ? themeThreshold(thresholds, UNINFORMATIVE_THEME) : Infinity;
  const out: UnexplainedSegment[] = [];
  for (const entry of classified) {
    // An adviser has said what this feedback is about (or that it gives no reason).
    if (entry.corrected) continue;
    const stated = new Set(
      entry.themes
        .filter(
          (theme) => theme.confidence !== undefined && (explainedFrom === null ? !theme.tentative : theme.confidence >= explainedFrom),
        )
        .map((theme) => theme.themeId),
    );
    for (const segment of entry.segments) {
      // A polite decline or "we will keep your CV on file" is not a missing theme.
      const boilerplate = uninformative >= 0 && segment.scores[uninformative]! >= boilerplateFrom;
      if (boilerplate && !keepBoilerplate) continue;
      const explained = segment.scores.some((score, t) =>
        t === uninformative
          ? false
          : byHead[t]
            ? stated.has(ids[t]!) && segment.themes.includes(ids[t]!) && score >= weakBelow[t]! - weakBand
            : score >= weakBelow[t]!,
      );
      if (explained) continue;
      const praise = analysePraise(segment.text);
      if (praise.praiseOnly) continue;
      const reasonText = praise.reasonText.trim();
      if (termsOf(reasonText).length < MIN_CONTENT_WORDS) continue;
      out.push({
        itemId: entry.item.id,
        candidate: entry.item.candidate,
        segmentIndex: segment.index,
        text: segment.text,
        reasonText,
        spread: scoreSpread(segment.scores, uninformative),
        ...(boilerplate ? { boilerplate: true as const } : {}),
      });
    }
  }
  return out;
}

/**
 * The items whose surest theme (other than "no reason given") the head gives a probability under
 * `below`; null when every item counts (`below` ≥ 1). Without a head no theme has a probability,
 * so every item is unsure.
 */
export function unsureItems(classified: readonly ClassifiedItem[], below: number): Set<string> | null {
  if (below >= 1) return null;
  const surest = (entry: ClassifiedItem) =>
    Math.max(0, ...entry.themes.filter((theme) => theme.themeId !== UNINFORMATIVE_THEME).map((theme) => theme.confidence ?? 0));
  return new Set(classified.filter((entry) => surest(entry) < below).map((entry) => entry.item.id));
}

/**
 * The items for which a theme head states a theme, sure of it (not "possibly"): "no reason given"
 * only with `noReasonCovers`. A group mostly of these is feedback on known themes in one shared
 * voice or phrasing, not a missing theme. Without a head a theme is only a similarity over a
 * threshold, which a missing topic's nearest theme often reaches too: then no item is stated.
 */
export function statedItems(classified: readonly ClassifiedItem[], noReasonCovers: boolean): Set<string> {
  const states = (entry: ClassifiedItem) =>
    entry.themes.some(
      (theme) => (noReasonCovers || theme.themeId !== UNINFORMATIVE_THEME) && theme.confidence !== undefined && !theme.tentative,
    );
  return new Set(classified.filter(states).map((entry) => entry.item.id));
}
