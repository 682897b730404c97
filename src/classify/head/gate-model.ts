// The no-reason gate as the head file holds it (no-reason.ts fits and applies it): apart, so the
// file format does not depend on the code that decides.

import type { LogisticModel } from './logistic.js';

export interface NoReasonGate extends LogisticModel {
  standardise: { mean: number[]; sd: number[] };
  /** Platt scaling of the gate's logit, fitted on its out-of-fold logits (as each theme's). */
  platt: { a: number; b: number };
  /** The item takes `uninformative` (alone) from this gate probability; chosen by cross-validation. */
  cut: number;
}

/** The gate's features, in order (the head file's gate has one weight each). */
export const GATE_FEATURES = [
  'no_reason',
  'best_reason',
  'second_reason',
  'competition',
  'reasons_passing',
  'silence',
  'reasons',
  'length',
  'lowercase',
] as const;
