// A linear probe on the sentence model's own vectors: per theme, ridge regression of the item's
// label on the mean of its reasons' model vectors. The engine's scores only say how near a text is
// to a few exemplars; the probe learns which directions of the model's space go with each theme
// from every labelled item, so wording no exemplar has can still be recognised. Only the model's
// part of a hybrid vector is used (the lexical part is the engine's own concept evidence, already
// in the scores). Exact and deterministic: one shared linear solve for all themes.

import { judgedSegments, type ScoredItem } from '../units.js';
import { solveSymmetric } from './logistic.js';

export interface Probe {
  /** Length of the model vectors it reads. */
  dims: number;
  /** The ridge penalty it was fitted with (per item, on unit-length vectors). */
  l2: number;
  /** The mean training vector (vectors are centred on it). */
  centre: number[];
  /** Per theme (taxonomy order): the weights over the centred vector and the mean label. */
  weights: number[][];
  bias: number[];
}

/** The probe's penalty and the folds its out-of-fold scores come from (chosen on the development sets: scripts/fit-head.ts). */
export const PROBE_SETTINGS = { l2: 0.0003, folds: 5 } as const;

/** The sentence model's part of an engine vector: the leading `modelDims` entries, unit length. */
export function modelPart(vector: Float32Array, modelDims: number): Float32Array {
  const part = vector.length === modelDims ? Float32Array.from(vector) : vector.slice(0, modelDims);
  let norm = 0;
  for (let d = 0; d < part.length; d++) norm += part[d]! * part[d]!;
  if (norm > 0) for (let d = 0; d < part.length; d++) part[d]! /= Math.sqrt(norm);
  return part;
}

/**
 * The probe's score per theme for one vector: about the chance the theme is there (not clipped).
 * Float32, as theme scores are, so scores read back from the score cache equal fresh ones.
 */
export function probeScores(probe: Probe, vector: ArrayLike<number>): number[] {
  return probe.weights.map((w, t) => {
    let z = probe.bias[t]!;
    for (let d = 0; d < w.length; d++) z += w[d]! * (vector[d]! - probe.centre[d]!);
    return Math.fround(z);
  });
}

/** Partly labelled vectors for the probe: per theme whether the label is known, each counting `weight`. */
export interface PartialProbeRows {
  vectors: readonly ArrayLike<number>[];
  labels: readonly (readonly number[])[];
  known: readonly (readonly boolean[])[];
  weight: number;
}

/**
 * Fits the probe: minimises the mean squared error of each theme's 0/1 label plus `l2` · |w|²,
 * over centred vectors (one item, one vector: the mean of its reasons' model vectors). Partly
 * labelled rows, if any, join each theme's fit where they give its label (`fitPartialProbe`).
 */
export function fitProbe(
  vectors: readonly ArrayLike<number>[],
  labels: readonly (readonly number[])[],
  l2: number,
  partial?: PartialProbeRows,
): Probe {
  if (partial && partial.vectors.length > 0) return fitPartialProbe(vectors, labels, l2, partial);
  const n = vectors.length;
  const dims = n > 0 ? vectors[0]!.length : 0;
  const themes = n > 0 ? labels[0]!.length : 0;
  const centre = new Float64Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) centre[d]! += v[d]! / n;
  const bias = Array.from({ length: themes }, (_, t) => labels.reduce((sum, y) => sum + y[t]!, 0) / n);
  const gram = new Float64Array(dims * dims);
  const moments = Array.from({ length: themes }, () => new Float64Array(dims));
  const x = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dims; d++) x[d] = vectors[i]![d]! - centre[d]!;
    for (let a = 0; a < dims; a++) {
      const xa = x[a]! / n;
      if (xa === 0) continue;
      for (let b = 0; b <= a; b++) gram[a * dims + b]! += xa * x[b]!;
    }
    for (let t = 0; t < themes; t++) {
      const y = (labels[i]![t]! - bias[t]!) / n;
      if (y !== 0) for (let d = 0; d < dims; d++) moments[t]![d]! += y * x[d]!;
    }
  }
  for (let a = 0; a < dims; a++) {
    for (let b = 0; b < a; b++) gram[b * dims + a] = gram[a * dims + b]!;
    gram[a * dims + a]! += l2;
  }
  const weights = moments.map((m) => Array.from(solveSymmetric(gram, m, dims)));
  return { dims, l2, centre: Array.from(centre), weights, bias };
}

/**
 * The probe with partly labelled rows: each theme is its own weighted ridge regression over the
 * fully labelled rows and the partly labelled rows that give its label, centred on those rows. The
 * fully labelled rows' scatter is summed once about their mean; each theme adds its partly labelled
 * rows' scatter and moves it to its own centre. The file keeps one centre (the fully labelled
 * rows'), so each theme's bias absorbs the difference.
 */
function fitPartialProbe(
  vectors: readonly ArrayLike<number>[],
  labels: readonly (readonly number[])[],
  l2: number,
  partial: PartialProbeRows,
): Probe {
  const n = vectors.length;
  const dims = vectors[0]!.length;
  const themes = labels[0]!.length;
  const centre = new Float64Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) centre[d]! += v[d]! / n;
  // Σ (x − c)(x − c)ᵀ over the fully labelled rows (lower triangle).
  const scatter = new Float64Array(dims * dims);
  const x = new Float64Array(dims);
  const centred = (v: ArrayLike<number>) => {
    for (let d = 0; d < dims; d++) x[d] = v[d]! - centre[d]!;
    return x;
  };
  const addOuter = (target: Float64Array, row: Float64Array, weight: number) => {
    for (let a = 0; a < dims; a++) {
      const xa = row[a]! * weight;
      if (xa === 0) continue;
      for (let b = 0; b <= a; b++) target[a * dims + b]! += xa * row[b]!;
    }
  };
  for (const v of vectors) addOuter(scatter, centred(v), 1);
  const weights: number[][] = [];
  const bias: number[] = [];
  for (let t = 0; t < themes; t++) {
    const rows = partial.known.flatMap((known, k) => (known[t] ? [k] : []));
    const total = n + partial.weight * rows.length;
    // Each row's label and weight, and the rows' weighted means (about the fully labelled centre).
    let labelSum = labels.reduce((sum, y) => sum + y[t]!, 0);
    const shift = new Float64Array(dims);
    for (const k of rows) {
      labelSum += partial.weight * partial.labels[k]![t]!;
      const row = centred(partial.vectors[k]!);
      for (let d = 0; d < dims; d++) shift[d]! += (partial.weight * row[d]!) / total;
    }
    const mean = labelSum / total;
    const gram = Float64Array.from(scatter);
    const moment = new Float64Array(dims);
    vectors.forEach((v, i) => {
      const row = centred(v);
      const y = labels[i]![t]! - mean;
      if (y !== 0) for (let d = 0; d < dims; d++) moment[d]! += y * row[d]!;
    });
    for (const k of rows) {
      const row = centred(partial.vectors[k]!);
      addOuter(gram, row, partial.weight);
      const y = partial.weight * (partial.labels[k]![t]! - mean);
      if (y !== 0) for (let d = 0; d < dims; d++) moment[d]! += y * row[d]!;
    }
    // About the theme's own centre: Σ w (x − c_t)(x − c_t)ᵀ = Σ w (x − c)(x − c)ᵀ − W · s sᵀ, s = c_t − c.
    for (let a = 0; a < dims; a++) {
      for (let b = 0; b <= a; b++) gram[a * dims + b] = (gram[a * dims + b]! - total * shift[a]! * shift[b]!) / total;
    }
    for (let a = 0; a < dims; a++) {
      for (let b = 0; b < a; b++) gram[b * dims + a] = gram[a * dims + b]!;
      gram[a * dims + a]! += l2;
      moment[a]! /= total;
    }
    const w = Array.from(solveSymmetric(gram, moment, dims));
    weights.push(w);
    // score = mean + w · (x − c_t) = (mean − w · s) + w · (x − c).
    bias.push(mean - w.reduce((sum, wd, d) => sum + wd * shift[d]!, 0));
  }
  return { dims, l2, centre: Array.from(centre), weights, bias };
}

/** The item's vector for the probe: the mean of its reasons' model vectors (of every segment when all are praise). */
export function itemProbeVector(item: ScoredItem, vectorOf: (text: string) => Float32Array, dims: number): Float64Array {
  const judged = judgedSegments(item);
  const mean = new Float64Array(dims);
  for (const segment of judged) {
    const v = vectorOf(segment.scoredText);
    for (let d = 0; d < dims; d++) mean[d]! += v[d]! / judged.length;
  }
  return mean;
}

/** Sets every unit's probe scores (what the head's probe features read). */
export function attachProbe(items: readonly ScoredItem[], probe: Probe, vectorOf: (text: string) => Float32Array): void {
  for (const item of items)
    for (const segment of item.segments) for (const unit of segment.units) unit.probe = probeScores(probe, vectorOf(unit.text));
}

/**
 * Fits the probe on all `items` and sets the units' probe scores of each item from a probe fitted
 * without it (`folds` folds by position, as the head's cross-validation, or the folds `foldOf`
 * gives each item, e.g. its labelled set), so the head learns how far to trust the probe on items
 * it never saw. Partly labelled items (`partial`) join each fold's fit where they give a theme's
 * label and are scored, as the others, by a probe fitted without them (folds by their position).
 * Returns the probe fitted on all items.
 */
export function stackProbe(
  items: readonly ScoredItem[],
  labels: readonly (readonly number[])[],
  vectorOf: (text: string) => Float32Array,
  options: {
    dims: number;
    l2: number;
    folds: number;
    foldOf?: readonly number[];
    partial?: {
      items: readonly ScoredItem[];
      labels: readonly (readonly number[])[];
      known: readonly (readonly boolean[])[];
      weight: number;
    };
  },
): Probe {
  const vectors = items.map((item) => itemProbeVector(item, vectorOf, options.dims));
  const foldOf = options.foldOf ?? items.map((_, i) => i % options.folds);
  const folds = Math.max(0, ...foldOf) + 1;
  const partial = options.partial;
  const partialVectors = partial?.items.map((item) => itemProbeVector(item, vectorOf, options.dims)) ?? [];
  const partialRows = (keep: (k: number) => boolean): PartialProbeRows | undefined =>
    partial && {
      vectors: partialVectors.filter((_, k) => keep(k)),
      labels: partial.labels.filter((_, k) => keep(k)),
      known: partial.known.filter((_, k) => keep(k)),
      weight: partial.weight,
    };
  for (let fold = 0; fold < folds; fold++) {
    const part = (i: number) => foldOf[i] !== fold;
    const partialPart = (k: number) => k % folds !== fold;
    const probe = fitProbe(
      vectors.filter((_, i) => part(i)),
      labels.filter((_, i) => part(i)),
      options.l2,
      partialRows(partialPart),
    );
    attachProbe(
      items.filter((_, i) => !part(i)),
      probe,
      vectorOf,
    );
    if (partial)
      attachProbe(
        partial.items.filter((_, k) => !partialPart(k)),
        probe,
        vectorOf,
      );
  }
  return fitProbe(
    vectors,
    labels,
    options.l2,
    partialRows(() => true),
  );
}
