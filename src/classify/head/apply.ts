// A head applied to scored items: per item and theme, a calibrated probability (NaN for a theme
// the head does not know, bind.ts), and from those the item's themes. Labels are per item, so the head decides per item; each theme's evidence is then
// the segment that scores it highest (assign.ts).

import { COMPETITION_THEME, UNINFORMATIVE_THEME } from '../../types.js';
import type { CompiledCue } from '../cues.js';
import type { ScoredItem } from '../units.js';
import { itemFeatures, type ItemReading } from './features.js';
import type { AppliedHead } from './bind.js';
import type { HeadFile } from './file.js';
import { logit, plattProbability, standardised, type LogisticModel } from './logistic.js';

/** The head's logit per theme for one item's (raw) features. */
export function headLogits(
  head: { standardise: HeadFile['standardise']; themes: readonly (LogisticModel | null)[] },
  features: readonly (readonly number[])[],
): number[] {
  return head.themes.map((theme, t) => (theme ? logit(theme, standardised(features[t]!, head.standardise)) : Number.NaN));
}

export function calibrated(theme: HeadFile['themes'][number], z: number): number {
  return plattProbability(theme.platt, z);
}

/**
 * The head's logit per theme for one scored item (its units carry the probe's scores when the head
 * has a probe, and the item its nearest labelled items' shares when the head keeps them).
 */
export function headItemLogits(head: AppliedHead, item: ScoredItem, cues: readonly CompiledCue[][]): number[] {
  if (head.neighbours && !item.neighbours) throw new Error(`item ${item.id} was scored without the nearest labelled items the head reads`);
  return headLogits(
    { standardise: head.standardise, themes: head.models },
    itemFeatures(item, head.themeIds, cues, head.margin, head.probe !== null, head.neighbours ? item.neighbours : undefined),
  );
}

/** Calibrated probability of every theme (taxonomy order) for each item; NaN where the head does not know the theme. */
export function headProbabilities(head: AppliedHead, items: readonly ScoredItem[], cues: readonly CompiledCue[][]): number[][] {
  return items.map((item) => {
    const z = headItemLogits(head, item, cues);
    return head.models.map((theme, t) => (theme ? calibrated(theme, z[t]!) : Number.NaN));
  });
}

/**
 * The themes (indices) an item takes: among those the rules of reading allow, the ones at
 * `assignAt` or above and the ones its phrasing asserts; `uninformative` only when no reason is. An
 * item where none qualifies takes its likeliest allowed theme, which then reads as "possibly":
 * rejection feedback always says something, if only that it gives no reason. An item that is all
 * praise takes the reasons the head finds likely in what the clause-role reader reads as a reason
 * (`reasonsSetAside`).
 *
 * A theme the head does not know has no probability (NaN): it is chosen only when asserted (the
 * caller asserts what passes its similarity threshold), and it wins as a reason.
 *
 * `uninformative` never goes with a reason, so when both pass one side must go. A real reason wins,
 * except where the only other theme is `competition` and it is no likelier than `uninformative`:
 * boilerplate that others were chosen ("we've chosen to pursue other candidates", "a very high
 * number of applications") names no reason, and by the labelling conventions gives none.
 */
export function decideThemes(
  probabilities: readonly number[],
  themeIds: readonly string[],
  assignAt: number,
  reading: ItemReading = { allowed: probabilities.map(() => true), asserted: probabilities.map(() => false) },
): number[] {
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const setAside = reasonsSetAside(probabilities, themeIds, assignAt, reading);
  if (setAside.length > 0) return setAside;
  let chosen = probabilities.flatMap((p, t) => (reading.allowed[t] && (p >= assignAt || reading.asserted[t]) ? [t] : []));
  const reasons = chosen.filter((t) => t !== uninformative);
  if (reasons.length > 0) chosen = noReasonOutweighs(probabilities, themeIds, uninformative, chosen, reasons) ? [uninformative] : reasons;
  if (chosen.length === 0) {
    let best = -1;
    probabilities.forEach((p, t) => {
      if (reading.allowed[t] && (best < 0 || p > probabilities[best]!)) best = t;
    });
    if (best >= 0) chosen = [best];
  }
  return chosen;
}

/**
 * Below this no-reason probability the head finds "no reason" all but impossible. Leaving one
 * development set out, all 25 items the rules of reading left all praise with the head under it
 * were labelled with a reason, and 97 of the 108 at 0.2 or more gave none. The head is as sure on
 * a sentence of praise or a rule-out alone ("Nobody doubted your enthusiasm" 0.00), so this alone
 * does not tell a reason the reader misheard from praise: see `reading.praised`.
 */
export const NO_REASON_UNLIKELY = 0.02;

/**
 * In an item that is all praise, the reasons the rules of reading set aside that the head finds
 * likely, at `assignAt` or above. Below it such an item gives no reason, as before: the head also
 * finds praise of a topic ("Nobody doubted your enthusiasm") likely for it.
 *  - A sentence the clause-role reader reads likeliest as a reason (`reading.setAside`);
 *  - where the head's own no-reason probability is under `NO_REASON_UNLIKELY`, also a sentence the
 *    reader itself set aside though it found it possibly a reason (`reading.praised`): "You
 *    was answering always very short, only yes or no" is criticism the reader took for a rule-out.
 */
export function reasonsSetAside(
  probabilities: readonly number[],
  themeIds: readonly string[],
  assignAt: number,
  reading: ItemReading,
): number[] {
  // A theme the head does not know (NaN) is never at `assignAt` or above.
  const likelyOf = (marked: readonly boolean[] | undefined) => probabilities.flatMap((p, t) => (marked?.[t] && p >= assignAt ? [t] : []));
  const setAside = likelyOf(reading.setAside);
  const noReason = probabilities[themeIds.indexOf(UNINFORMATIVE_THEME)];
  if (setAside.length > 0 || noReason === undefined || !(noReason < NO_REASON_UNLIKELY)) return setAside;
  return likelyOf(reading.praised);
}

/** Whether an item's chosen `uninformative` outweighs its other chosen themes: only `competition`, and no likelier. */
function noReasonOutweighs(
  probabilities: readonly number[],
  themeIds: readonly string[],
  uninformative: number,
  chosen: number[],
  reasons: number[],
): boolean {
  return (
    chosen.includes(uninformative) &&
    reasons.every((t) => themeIds[t] === COMPETITION_THEME && probabilities[t]! <= probabilities[uninformative]!)
  );
}
