// Fitting a head on labelled items, deterministically: per theme, logistic regression over the
// standardised item features; the penalty, the weight of positives and the assignment cut are
// chosen by k-fold cross-validation (folds by position, each fold standardised on its own training
// part), and Platt scaling is fitted on the out-of-fold logits, so probabilities are calibrated on
// items the weights never saw. The no-reason gate (no-reason.ts) is then fitted on those
// out-of-fold probabilities.
//
// Items may be partly labelled (a trap sentence: themes it must get and themes it must not, every
// other theme unknown). Such an item takes part only in the fits of the themes whose label it
// gives; the standardisation, Platt scaling, the cut, the sure level and the gate are chosen on the
// fully labelled items, which stand for the feedback the head will read.

import { UNINFORMATIVE_THEME } from '../../types.js';
import { evaluateAssignments } from '../evaluate.js';
import { decideThemes, headLogits } from './apply.js';
import type { ItemReading } from './features.js';
import type { HeadFile, ThemeHead } from './file.js';
import { fitLogistic, fitPlatt, plattProbability, standardisationOf, standardised, type Standardisation } from './logistic.js';
import { seededRandom } from '../../random.js';
import { fitGate, gatedThemes, type ItemShape } from './no-reason.js';
import { smoothedCut, surestCut } from './cut.js';

export interface LabelledFeatures {
  /** Per theme (taxonomy order), the item's feature vector. */
  features: number[][];
  /** What the rules of reading allow and assert (decisions respect them as at run time). */
  reading: ItemReading;
  /** What the no-reason gate reads of the item. */
  shape: ItemShape;
  themes: readonly string[];
  /** How much the item counts in the themes' fits (1 if absent). */
  weight?: number;
  /** The labelled set the item comes from (bagging by set draws whole sets). */
  group?: number;
  /**
   * Per theme (taxonomy order), whether the item's label is known: absent, every theme's is (a
   * fully labelled item). A theme whose label is known is in `themes` (a positive) or not (a
   * negative); an unknown one is left out of that theme's fit.
   */
  known?: readonly boolean[];
}

/**
 * A partly labelled item's labels: the themes it must get are its positives, those it must not its
 * negatives, every other theme unknown.
 */
export function partialLabels(
  required: readonly string[],
  forbidden: readonly string[],
  themeIds: readonly string[],
): { themes: string[]; known: boolean[] } {
  return { themes: [...required], known: themeIds.map((id) => required.includes(id) || forbidden.includes(id)) };
}

/**
 * How partly labelled items join a fit: how much each counts in a theme's fit against a fully
 * labelled item, and whether they join the probe's fit too. Leaving one development trap batch out,
 * the traps in both fits at weight 1 found more required themes on every batch and gave no more
 * forbidden ones (docs: *The development trap sentences as partly labelled items*).
 */
export const PARTIAL_LABEL_SETTINGS = { weight: 1, probe: true } as const;

/** Whether an item's label for theme `t` is known (every theme's is for a fully labelled item). */
const knows = (item: LabelledFeatures, t: number) => item.known?.[t] ?? true;
const fullyLabelled = (item: LabelledFeatures) => item.known === undefined;

export interface FitSettings {
  folds: number;
  l2s: readonly number[];
  positiveWeights: readonly number[];
  cuts: readonly number[];
  /** Precision that assignments at `confidentAt` and above reached out of fold. */
  confidentPrecision: number;
  /** The no-reason gate's L2 penalty (chosen once on the development sets, leaving one set out). */
  noReasonL2: number;
  /** The gate's cuts to choose among (no-reason.ts's by default). */
  gateCuts?: readonly number[];
  /**
   * Cuts whose out-of-fold micro-F1 is within this of the best cannot be told apart: of those, the
   * highest is taken (see surestCut).
   */
  cutTolerance: number;
  /**
   * Read that tolerance off a parabola fitted to the cuts' out-of-fold micro-F1 (`smoothedCut`)
   * rather than off each cut's own figure (`surestCut`).
   */
  smoothCut: boolean;
  /** The final weights averaged over this many fits on resamples of the items (by set where items have a group); none by default. */
  bags?: number;
  /** Partly labelled items that say whether they give no reason join the no-reason gate's fit (not its cut or calibration). */
  gateLearnsPartial?: boolean;
}

export const FIT_DEFAULTS: FitSettings = {
  folds: 5,
  l2s: [0.03, 0.1, 0.3],
  positiveWeights: [1, 2],
  cuts: [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
  confidentPrecision: 0.9,
  noReasonL2: 0.1,
  cutTolerance: 0.003,
  smoothCut: true,
};

export type FittedHead = Pick<HeadFile, 'standardise' | 'themes' | 'assignAt' | 'confidentAt' | 'noReason'> & {
  l2: number;
  positiveWeight: number;
  crossValidated: { microF1: number; macroF1: number };
  /** Out-of-fold calibrated probabilities per fully labelled item (in order) and theme (for reliability tables). */
  outOfFold: number[][];
  /** Each cut of the grid's out-of-fold micro- and macro-F1 with the chosen penalty and weight (before the gate). */
  byCut: { cut: number; micro: number; macro: number }[];
};

export function fitHead(items: readonly LabelledFeatures[], themeIds: readonly string[], settings: FitSettings = FIT_DEFAULTS): FittedHead {
  // Every item is in the themes' fits (where its label is known); only fully labelled items choose
  // and calibrate. Those come first in the folds' positions as given, so partly labelled items added
  // after them leave the folds of the others as they were.
  const full = items.flatMap((item, i) => (fullyLabelled(item) ? [i] : []));
  if (full.length === 0) throw new Error('fitHead: no fully labelled item to choose the cut and calibrate on');
  const fullItems = full.map((i) => items[i]!);
  const labels = fullItems.map((item) => item.themes.slice());
  let best: {
    l2: number;
    positiveWeight: number;
    cut: number;
    micro: number;
    macro: number;
    platt: ThemeHead['platt'][];
    probabilities: number[][];
    /** Out-of-fold logits of every item, partly labelled ones too. */
    allLogits: number[][];
    /** Each cut's out-of-fold micro- and macro-F1 with this penalty and weight. */
    byCut: { cut: number; micro: number; macro: number }[];
  } | null = null;
  for (const l2 of settings.l2s) {
    for (const positiveWeight of settings.positiveWeights) {
      const allLogits = outOfFoldLogits(items, themeIds, { l2, positiveWeight, folds: settings.folds });
      const logits = full.map((i) => allLogits[i]!);
      const platt = themeIds.map((id, t) =>
        fitPlatt(
          logits.map((z) => z[t]!),
          labels.map((l) => (l.includes(id) ? 1 : 0)),
        ),
      );
      const probabilities = logits.map((z) => z.map((x, t) => plattProbability(platt[t]!, x)));
      const byCut = settings.cuts.map((cut) => {
        const predicted = probabilities.map((p, i) => decideThemes(p, themeIds, cut, fullItems[i]!.reading).map((t) => themeIds[t]!));
        const report = evaluateAssignments(predicted, labels, [...themeIds]);
        return { cut, micro: report.microF1, macro: report.macroF1 };
      });
      for (const { cut, micro, macro } of byCut) {
        // Ties go to the first setting tried: the stronger penalty, equal weights, the lower cut.
        if (!best || micro > best.micro + 1e-9) best = { l2, positiveWeight, cut, micro, macro, platt, probabilities, allLogits, byCut };
      }
    }
  }
  const cut = settings.smoothCut
    ? smoothedCut(best!.byCut, best!.micro, settings.cutTolerance)
    : surestCut(best!.byCut, best!.micro, settings.cutTolerance).cut;
  const chosen = { ...best!, cut, ...outcomeAt(cut, best!.probabilities, fullItems, labels, themeIds) };
  const final = baggedThemes(items, themeIds, { l2: chosen.l2, positiveWeight: chosen.positiveWeight }, settings.bags ?? 0);
  // The gate reads the fully labelled items first (its folds by position), then any partly labelled ones it learns from.
  const gateItems = fullItems.map((item, i) => ({ item, probabilities: chosen.probabilities[i]! }));
  if (settings.gateLearnsPartial)
    items.forEach((item, i) => {
      if (!fullyLabelled(item))
        gateItems.push({ item, probabilities: chosen.allLogits[i]!.map((z, t) => plattProbability(chosen.platt[t]!, z)) });
    });
  const gated = gateOutOfFold(gateItems, themeIds, chosen.cut, settings);
  const outcome = gated
    ? evaluateAssignments(
        gated.decisions.map((d) => d.map((t) => themeIds[t]!)),
        labels,
        [...themeIds],
      )
    : null;
  const decisions = gated?.decisions ?? chosen.probabilities.map((p, i) => decideThemes(p, themeIds, chosen.cut, fullItems[i]!.reading));
  return {
    standardise: final.standardise,
    themes: themeIds.map((id, t) => ({ id, weights: final.models[t]!.weights, bias: final.models[t]!.bias, platt: chosen.platt[t]! })),
    assignAt: chosen.cut,
    confidentAt: confidentLevel(chosen.probabilities, decisions, labels, themeIds, chosen.cut, settings.confidentPrecision),
    noReason: gated?.gate ?? null,
    l2: chosen.l2,
    positiveWeight: chosen.positiveWeight,
    crossValidated: outcome ? { microF1: outcome.microF1, macroF1: outcome.macroF1 } : { microF1: chosen.micro, macroF1: chosen.macro },
    outOfFold: chosen.probabilities,
    byCut: chosen.byCut,
  };
}

/** Out-of-fold micro- and macro-F1 of the themes decided at a cut (before the gate). */
function outcomeAt(
  cut: number,
  probabilities: readonly number[][],
  items: readonly LabelledFeatures[],
  labels: string[][],
  themeIds: readonly string[],
): { micro: number; macro: number } {
  const predicted = probabilities.map((p, i) => decideThemes(p, themeIds, cut, items[i]!.reading).map((t) => themeIds[t]!));
  const report = evaluateAssignments(predicted, labels, [...themeIds]);
  return { micro: report.microF1, macro: report.macroF1 };
}

/**
 * The no-reason gate fitted on the out-of-fold probabilities, with the fully labelled items' own
 * out-of-fold decisions (they come first); null for a taxonomy without `uninformative`.
 */
function gateOutOfFold(
  items: readonly { item: LabelledFeatures; probabilities: number[] }[],
  themeIds: readonly string[],
  cut: number,
  settings: FitSettings,
) {
  if (!themeIds.includes(UNINFORMATIVE_THEME)) return null;
  const { gate, outOfFold } = fitGate(
    items.map(({ item, probabilities }) => ({
      probabilities,
      reading: item.reading,
      shape: item.shape,
      themes: item.themes,
      ...(item.known ? { known: item.known } : {}),
    })),
    themeIds,
    cut,
    {
      folds: settings.folds,
      l2: settings.noReasonL2,
      ...(settings.gateCuts ? { cuts: settings.gateCuts } : {}),
      score: (predicted, gold) => evaluateAssignments(predicted, gold, [...themeIds]).microF1,
    },
  );
  const full = items.filter(({ item }) => fullyLabelled(item));
  return {
    gate,
    decisions: full.map(({ item, probabilities }, i) => gatedThemes(probabilities, themeIds, cut, item.reading, outOfFold[i]!, gate.cut)),
  };
}

/** Logits of each item from the fold that did not see it. */
function outOfFoldLogits(
  items: readonly LabelledFeatures[],
  themeIds: readonly string[],
  options: { l2: number; positiveWeight: number; folds: number },
): number[][] {
  const logits: number[][] = items.map(() => []);
  for (let fold = 0; fold < options.folds; fold++) {
    const training = items.filter((_, i) => i % options.folds !== fold);
    const fitted = fitThemes(training, themeIds, options);
    const head = { standardise: fitted.standardise, themes: fitted.models };
    items.forEach((item, i) => {
      if (i % options.folds === fold) logits[i] = headLogits(head, item.features);
    });
  }
  return logits;
}

function fitThemes(
  items: readonly LabelledFeatures[],
  themeIds: readonly string[],
  options: { l2: number; positiveWeight: number },
  given?: Standardisation,
) {
  // One standardisation for all themes (every theme's vector has the same features), over the
  // fully labelled items: the feedback the head reads, not the sentences chosen to trap it.
  const rows = (items.some(fullyLabelled) ? items.filter(fullyLabelled) : items).flatMap((item) => item.features);
  const standardise = given ?? standardisationOf(rows, rows[0]?.length ?? items[0]?.features[0]?.length ?? 0);
  const weighted = items.some((item) => item.weight !== undefined);
  const models = themeIds.map((id, t) => {
    // A theme's fit reads the items that give its label.
    const part = items.filter((item) => knows(item, t));
    const x = part.map((item) => standardised(item.features[t]!, standardise));
    const y = part.map((item) => (item.themes.includes(id) ? 1 : 0));
    const weights = weighted ? part.map((item) => item.weight ?? 1) : undefined;
    return { id, ...fitLogistic(x, y, { ...options, ...(weights ? { weights } : {}) }) };
  });
  return { standardise, models };
}

/**
 * The themes' models averaged over `bags` fits, each on a resample of the items drawn with
 * replacement (whole sets where items have a group), all standardised alike: the average of linear
 * logits is one linear logit, so the result is a model of the same form. No bags: one fit on all.
 */
function baggedThemes(
  items: readonly LabelledFeatures[],
  themeIds: readonly string[],
  options: { l2: number; positiveWeight: number },
  bags: number,
) {
  const all = fitThemes(items, themeIds, options);
  if (bags < 2) return all;
  const random = seededRandom(bags);
  const groups = [...new Set(items.map((item, i) => item.group ?? -1 - i))];
  const sums = all.models.map((m) => ({ weights: m.weights.map(() => 0), bias: 0 }));
  for (let b = 0; b < bags; b++) {
    const drawn = new Map<number, number>();
    for (let k = 0; k < groups.length; k++) {
      const g = groups[Math.floor(random() * groups.length)]!;
      drawn.set(g, (drawn.get(g) ?? 0) + 1);
    }
    const resample = items.map((item, i) => ({ ...item, weight: (item.weight ?? 1) * (drawn.get(item.group ?? -1 - i) ?? 0) }));
    const fitted = fitThemes(resample, themeIds, options, all.standardise);
    fitted.models.forEach((m, t) => {
      m.weights.forEach((w, j) => {
        sums[t]!.weights[j]! += w / bags;
      });
      sums[t]!.bias += m.bias / bags;
    });
  }
  return { standardise: all.standardise, models: all.models.map((m, t) => ({ ...m, ...sums[t]! })) };
}

/** The lowest probability from which out-of-fold assignments were right at least `precision` of the time. */
function confidentLevel(
  probabilities: number[][],
  decisions: number[][],
  labels: string[][],
  themeIds: readonly string[],
  cut: number,
  precision: number,
): number {
  const assigned: { p: number; right: boolean }[] = [];
  probabilities.forEach((p, i) => {
    for (const t of decisions[i]!) assigned.push({ p: p[t]!, right: labels[i]!.includes(themeIds[t]!) });
  });
  assigned.sort((a, b) => b.p - a.p);
  let right = 0;
  let level = 0.99;
  assigned.forEach((a, n) => {
    if (a.right) right++;
    // At least 20 assignments, so a handful of lucky ones do not set the level.
    if (n + 1 >= 20 && right / (n + 1) >= precision) level = a.p;
  });
  return Math.min(0.99, Math.max(cut, Math.round(level * 100) / 100));
}
