// Who holds the conduct a sentence speaks of, learnt rather than written as word patterns: a
// logistic model over the sentence model's vector of a reason (and the clause-role reader's word
// signals: who is the subject, a negation, praise) that tells the candidate's own behaviour on the
// day ("you were late", "took a call mid panel") from someone else's (an interviewer late, a
// receptionist rude), the employer's silence, the job's duties about conduct and conduct praised.
// It is fitted on labelled items (a sentence where `conduct` is in play, in an item labelled
// `conduct` or not) and on the development trap sentences that forbid `conduct`; a sentence it finds
// unlikely the candidate's carries no `conduct` (gateConduct). Measured by scripts/fit-conduct-holder.ts
// and not kept (docs/engines-and-quality.md, "Who holds the conduct, learnt").

import { countCues, prepareCueText, type CompiledCue } from '../../src/classify/cues.js';
import {
  fitLogistic,
  logit,
  sigmoid,
  standardisationOf,
  standardised,
  type LogisticModel,
  type Standardisation,
} from '../../src/classify/head/logistic.js';
import { roleFeatures } from '../../src/classify/roles/model.js';
import type { ScoredSegment } from '../../src/classify/units.js';

export const CONDUCT_THEME = 'conduct';

export interface HolderModel {
  /** Leading components of the engine's vector that are the sentence model's. */
  dims: number;
  standardise: Standardisation;
  model: LogisticModel;
  /** Below this probability a sentence's conduct is not the candidate's. */
  cut: number;
}

/** The features of a reason: the clause-role reader's (model vector, then word signals). */
export function holderFeatures(vector: Float32Array, dims: number, text: string): number[] {
  return roleFeatures(vector, dims, text);
}

/** How likely the conduct a text speaks of is the candidate's own, from its raw features. */
export function holderProbabilityOf(model: HolderModel, features: readonly number[]): number {
  return sigmoid(logit(model.model, standardised(features, model.standardise)));
}

export function holderProbability(model: HolderModel, vector: Float32Array, text: string): number {
  return holderProbabilityOf(model, holderFeatures(vector, model.dims, text));
}

/**
 * Whether `conduct` is in play in a segment: a reason that does not already rule it out, where a
 * conduct cue occurs outside praise or `conduct` is the theme its text lies nearest.
 */
export function conductInPlay(segment: ScoredSegment, conduct: number, cues: readonly CompiledCue[], nearest = true): boolean {
  if (conduct < 0 || segment.praiseOnly || segment.reading.silence || segment.reading.ruledOut.includes(CONDUCT_THEME)) return false;
  const scores = segment.units[0]?.scores ?? segment.scores;
  if (nearest && scores.length > conduct && scores.indexOf(Math.max(...scores)) === conduct) return true;
  return countCues(cues, prepareCueText(segment.segment.text, segment.praise)) > 0;
}

/** The text of a segment the model reads: its reason text (the first unit). */
export function holderText(segment: ScoredSegment): string {
  return segment.units[0]?.text ?? segment.scoredText;
}

/**
 * Rules `conduct` out of every segment where it is in play and the model finds it unlikely the
 * candidate's (`probabilityOf` gives the model's probability of a segment's reason text, or
 * undefined where it was not read). Returns how many segments it ruled it out of.
 */
export function gateConduct(
  segments: readonly ScoredSegment[],
  conduct: number,
  cues: readonly CompiledCue[],
  probabilityOf: (segment: ScoredSegment) => number | undefined,
  cut: number,
  nearest = true,
): number {
  let gated = 0;
  for (const segment of segments) {
    if (!conductInPlay(segment, conduct, cues, nearest)) continue;
    const p = probabilityOf(segment);
    if (p === undefined || p >= cut) continue;
    segment.reading = { ...segment.reading, ruledOut: [...segment.reading.ruledOut, CONDUCT_THEME] };
    gated++;
  }
  return gated;
}

/** One labelled reason: its raw features, whether its conduct is the candidate's, and its weight. */
export interface HolderRow {
  features: number[];
  own: boolean;
  weight: number;
}

/** Fits the model (exact, deterministic: Newton's method on standardised features). */
export function fitHolder(rows: readonly HolderRow[], dims: number, l2: number, cut: number): HolderModel {
  const width = rows[0]?.features.length ?? 0;
  const standardise = standardisationOf(
    rows.map((r) => r.features),
    width,
  );
  const model = fitLogistic(
    rows.map((r) => standardised(r.features, standardise)),
    rows.map((r) => (r.own ? 1 : 0)),
    { l2, weights: rows.map((r) => r.weight) },
  );
  return { dims, standardise, model, cut };
}
