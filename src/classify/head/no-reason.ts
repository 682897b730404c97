// "This feedback gives no reason" as one learnt decision per item. `uninformative` never goes with
// a reason, so an item takes either it alone or its reasons. The per-theme head scores
// `uninformative` from similarity evidence only; the gate decides from what the head concluded
// about every theme (the no-reason probability, the two strongest reasons, `competition`, how many
// reasons pass) and how the item reads (its reasons, a note of silence, its length and case). It
// is fitted on out-of-fold head probabilities, so it learns how far to trust the head on feedback
// the head did not see.

import { COMPETITION_THEME, UNINFORMATIVE_THEME } from '../../types.js';
import type { ScoredItem } from '../units.js';
import { decideThemes, reasonsSetAside } from './apply.js';
import type { ItemReading } from './features.js';
import { GATE_FEATURES, type NoReasonGate } from './gate-model.js';
import { fitLogistic, fitPlatt, logit, plattProbability, standardisationOf, standardised, type LogisticModel } from './logistic.js';

/** What the gate reads of an item besides the head's probabilities and the rules of reading. */
export interface ItemShape {
  /** Segments that are not all praise. */
  reasons: number;
  /** Some reason is a note of an employer's silence. */
  silence: boolean;
  text: string;
}

export function itemShape(item: ScoredItem): ItemShape {
  const reasons = item.segments.filter((s) => !s.praiseOnly);
  return { reasons: reasons.length, silence: reasons.some((s) => s.reading.silence), text: item.text };
}

const logOdds = (p: number) => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

export function gateFeatures(
  probabilities: readonly number[],
  themeIds: readonly string[],
  assignAt: number,
  reading: ItemReading,
  shape: ItemShape,
): number[] {
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const competition = themeIds.indexOf(COMPETITION_THEME);
  // Reasons the reading allows and the head knows (a theme it does not know has no probability).
  const reasons = probabilities
    .flatMap((p, t) => (t !== uninformative && reading.allowed[t] && !Number.isNaN(p) ? [p] : []))
    .sort((a, b) => b - a);
  const competing = competition >= 0 && reading.allowed[competition] ? probabilities[competition]! : 0;
  return [
    logOdds(probabilities[uninformative] ?? 0),
    logOdds(reasons[0] ?? 0),
    logOdds(reasons[1] ?? 0),
    logOdds(Number.isNaN(competing) ? 0 : competing),
    Math.min(3, reasons.filter((p) => p >= assignAt).length),
    shape.silence ? 1 : 0,
    Math.log1p(shape.reasons),
    Math.log1p(shape.text.length),
    shape.text === shape.text.toLowerCase() ? 1 : 0,
  ];
}

function gateLogit(gate: LogisticModel & Pick<NoReasonGate, 'standardise'>, features: readonly number[]): number {
  return logit(gate, standardised(features, gate.standardise));
}

export function gateProbability(gate: NoReasonGate, features: readonly number[]): number {
  return plattProbability(gate.platt, gateLogit(gate, features));
}

/**
 * The themes (indices) an item takes given its no-reason probability: the reasons an all-praise
 * item's reading set aside that reach the cut (`reasonsSetAside`); else `uninformative` alone from
 * the gate's cut when the reading allows it and its phrasing asserts no reason (`assertsReason`); otherwise its reasons as `decideThemes` picks them
 * (which still gives `uninformative` when nothing else is allowed; a note of silence beside a reason yields, `silenceYields`).
 */
export function gatedThemes(
  probabilities: readonly number[],
  themeIds: readonly string[],
  assignAt: number,
  reading: ItemReading,
  noReason: number,
  cut: number,
): number[] {
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  // A reason the word rules read as praise, the clause-role reader as a reason and the head finds likely.
  const setAside = reasonsSetAside(probabilities, themeIds, assignAt, reading);
  if (setAside.length > 0) return setAside;
  // A theme the head does not know that passed its similarity threshold is a reason the gate never saw.
  const unknownReason = probabilities.some((p, t) => t !== uninformative && Number.isNaN(p) && reading.allowed[t] && reading.asserted[t]);
  if (uninformative >= 0 && reading.allowed[uninformative] && noReason >= cut && !unknownReason && !assertsReason(themeIds, reading))
    return [uninformative];
  // The head's no-reason probability was weighed just now: set to 0 below, it would say nothing.
  const { praised: _weighed, ...rest } = reading;
  return decideThemes(
    probabilities.map((p, t) => (t === uninformative ? 0 : p)),
    themeIds,
    assignAt,
    { ...rest, asserted: silenceYields(themeIds, rest) },
  );
}

/**
 * What the item's phrasing asserts once the gate has found it gives a reason: a note of silence
 * beside sentences the reading allows a reason from no longer asserts `uninformative` ("Nobody
 * replied for a month, then the agency said they'd gone for someone with more time in community
 * mental health"); the gate read the note (its `silence`) and still found a reason, and the item
 * takes its likeliest. Forward over seven development sets, all 12 items so decided against the
 * gate gave a reason. A note of silence alone still gives no reason: nothing else is allowed.
 */
function silenceYields(themeIds: readonly string[], reading: ItemReading): boolean[] {
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const reasonAllowed = reading.allowed.some((allowed, t) => allowed && t !== uninformative);
  return reasonAllowed ? reading.asserted.map((asserted, t) => asserted && t !== uninformative) : [...reading.asserted];
}

/**
 * Whether the item's phrasing asserts a reason the rules of reading allow ("overqualified", "your
 * profile is mostly from service companies"): a reason, however briefly or politely put, so the
 * gate does not read it as no reason. Leaving one development set out, every item whose no-reason
 * the gate so overruled was labelled with the asserted reason. `competition` only where the field's
 * strength, calibre or size is stated ("We had a very strong field and have decided not to take
 * your application further"): boilerplate asserts it too ("we have chosen another person"), and by
 * the labelling conventions that gives no reason.
 */
function assertsReason(themeIds: readonly string[], reading: ItemReading): boolean {
  return themeIds.some(
    (id, t) =>
      id !== UNINFORMATIVE_THEME && (id !== COMPETITION_THEME || reading.fieldStated === true) && reading.allowed[t] && reading.asserted[t],
  );
}

/**
 * An item's themes (indices): with a gate, whether it gives no reason is the gate's decision;
 * without one (a taxonomy without `uninformative`, or one the head does not know), `decideThemes`
 * decides as it always has. Every theme is still stated with the head's own calibrated probability:
 * the gate decides better than `uninformative`'s model but is less well calibrated on feedback
 * it never saw (leaving one development set out).
 */
export function decideItem(
  head: { assignAt: number; noReason: NoReasonGate | null },
  probabilities: readonly number[],
  themeIds: readonly string[],
  reading: ItemReading,
  shape: ItemShape,
): number[] {
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  if (!head.noReason || uninformative < 0 || Number.isNaN(probabilities[uninformative]!))
    return decideThemes(probabilities, themeIds, head.assignAt, reading);
  const noReason = gateProbability(head.noReason, gateFeatures(probabilities, themeIds, head.assignAt, reading, shape));
  return gatedThemes(probabilities, themeIds, head.assignAt, reading, noReason, head.noReason.cut);
}

export const GATE_CUTS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/**
 * Fits the gate on items' out-of-fold head probabilities (folds by position), Platt scaling on its
 * own out-of-fold logits, and the cut whose out-of-fold decisions score best. Returns the gate fitted on all items and each item's
 * out-of-fold gate probability. A partly labelled item (`known`) joins the gate's fit where it
 * says whether the item gives no reason; the standardisation, Platt scaling and the cut are the
 * fully labelled items' alone.
 */
export function fitGate(
  items: readonly {
    probabilities: number[];
    reading: ItemReading;
    shape: ItemShape;
    themes: readonly string[];
    known?: readonly boolean[];
  }[],
  themeIds: readonly string[],
  assignAt: number,
  options: { folds: number; l2: number; score: (predicted: string[][], gold: string[][]) => number; cuts?: readonly number[] },
): { gate: NoReasonGate; outOfFold: number[] } {
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const x = items.map((item) => gateFeatures(item.probabilities, themeIds, assignAt, item.reading, item.shape));
  const y = items.map((item) => (item.themes.includes(UNINFORMATIVE_THEME) ? 1 : 0));
  const full = items.flatMap((item, i) => (item.known === undefined ? [i] : []));
  const learns = (i: number) => items[i]!.known?.[uninformative] ?? true;
  const fitOn = (rows: number[]) => {
    const fullRows = rows.filter((i) => items[i]!.known === undefined);
    const standardise = standardisationOf(
      (fullRows.length > 0 ? fullRows : rows).map((i) => x[i]!),
      GATE_FEATURES.length,
    );
    const used = rows.filter(learns);
    const model = fitLogistic(
      used.map((i) => standardised(x[i]!, standardise)),
      used.map((i) => y[i]!),
      { l2: options.l2 },
    );
    return { ...model, standardise };
  };
  const logits = new Array<number>(items.length).fill(0);
  for (let fold = 0; fold < options.folds; fold++) {
    const gate = fitOn(items.flatMap((_, i) => (i % options.folds !== fold ? [i] : [])));
    items.forEach((_, i) => {
      if (i % options.folds === fold) logits[i] = gateLogit(gate, x[i]!);
    });
  }
  const platt = fitPlatt(
    full.map((i) => logits[i]!),
    full.map((i) => y[i]!),
  );
  const outOfFold = logits.map((z) => plattProbability(platt, z));
  const gold = full.map((i) => [...items[i]!.themes]);
  let best = { cut: 0.5, score: -1 };
  for (const cut of options.cuts ?? GATE_CUTS) {
    const predicted = full.map((i) =>
      gatedThemes(items[i]!.probabilities, themeIds, assignAt, items[i]!.reading, outOfFold[i]!, cut).map((t) => themeIds[t]!),
    );
    const score = options.score(predicted, gold);
    // Ties go to the lower cut, as the head's own cut.
    if (score > best.score + 1e-9) best = { cut, score };
  }
  return { gate: { ...fitOn(items.map((_, i) => i)), platt, cut: best.cut }, outOfFold };
}
