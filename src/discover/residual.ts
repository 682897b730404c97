// What the taxonomy does not explain: a sentence's vector with the known themes' directions taken
// out. Feedback the classifier merely missed points mostly along its theme; with that direction
// gone, what is left of it is its own wording, unlike any other sentence's. Feedback on a topic no
// theme covers keeps its topic, which its sentences share. Neighbours found on what is left are
// therefore more often sentences of the same missing topic, and less often of a known theme that
// happens to sit nearby (how a removed theme used to merge with its neighbours).

import type { Probe } from '../classify/head/probe.js';
import type { GroupingSettings } from '../classify/profiles.js';
import { UNINFORMATIVE_THEME, type Embedder, type Taxonomy } from '../types.js';
import { dot } from './neighbours.js';

/** Each theme's exemplars in the space the sentences are grouped in. */
export async function embedExemplars(taxonomy: Taxonomy, embedder: Embedder): Promise<Float32Array[][]> {
  const texts = taxonomy.themes.flatMap((theme) => theme.examples);
  const vectors = await embedder.embed(texts);
  let at = 0;
  return taxonomy.themes.map((theme) => {
    at += theme.examples.length;
    return vectors.slice(at - theme.examples.length, at);
  });
}

/**
 * The vectors sentences are linked by: without each known theme's `themeDirections` exemplar
 * directions and without `probeDirections` (a share) of their parts along the head's probe
 * directions ("no reason given" aside; none without a head). The vectors as they are when both are 0.
 */
export function linkSpace(
  exemplars: readonly (readonly Float32Array[])[],
  probe: Probe | null,
  settings: Pick<GroupingSettings, 'themeDirections' | 'probeDirections'>,
  taxonomy: Taxonomy,
): (vectors: Float32Array[]) => Float32Array[] {
  const basis = themeBasis(exemplars, settings.themeDirections);
  const skip = taxonomy.themes.findIndex((theme) => theme.id === UNINFORMATIVE_THEME);
  const probeParts = probe && settings.probeDirections > 0 ? probeBasis(probe.weights, skip) : [];
  if (basis.length === 0 && probeParts.length === 0) return (vectors) => vectors;
  return (vectors) => vectors.map((v) => withoutBasis(withoutBasis(v, basis), probeParts, settings.probeDirections));
}

/** Below this length (of a unit vector) a direction adds nothing new to the basis. */
const INDEPENDENT = 1e-3;
/** Power-iteration steps for a theme's directions of spread. */
const POWER_STEPS = 50;

/**
 * An orthonormal basis of the known themes' directions: each theme's mean exemplar and, with
 * `perTheme` above 1, the `perTheme − 1` directions along which its exemplars spread most (their
 * leading principal components, found by power iteration from a fixed start, so always the same).
 */
export function themeBasis(exemplars: readonly (readonly Float32Array[])[], perTheme: number): Float32Array[] {
  const basis: Float32Array[] = [];
  for (const list of exemplars) {
    if (list.length === 0 || perTheme < 1) continue;
    const dims = list[0]!.length;
    const mean = new Float64Array(dims);
    for (const v of list) for (let d = 0; d < dims; d++) mean[d]! += v[d]! / list.length;
    addToBasis(basis, mean);
    const centred = list.map((v) => Float64Array.from(v, (x, d) => x - mean[d]!));
    const found: Float64Array[] = [];
    for (let c = 1; c < Math.min(perTheme, list.length); c++) {
      const direction = leadingDirection(centred, found);
      if (!direction) break;
      found.push(direction);
      addToBasis(basis, direction);
    }
  }
  return basis;
}

/**
 * An orthonormal basis of the directions the theme head's probe reads each known theme along (its
 * weights over the model's vectors), the theme at `skip` (the boilerplate theme) aside: what tells
 * the known themes apart in the model's space, learnt from every labelled item.
 */
export function probeBasis(weights: readonly (readonly number[])[], skip: number): Float32Array[] {
  const basis: Float32Array[] = [];
  weights.forEach((w, t) => {
    if (t !== skip) addToBasis(basis, w);
  });
  return basis;
}

/**
 * `vector` without `share` (1: all) of its part in the span of `basis`, made unit length
 * (unchanged if nothing is left).
 */
export function withoutBasis(vector: Float32Array, basis: readonly Float32Array[], share = 1): Float32Array {
  if (basis.length === 0 || share === 0) return vector;
  const rest = Float64Array.from(vector);
  // The parts along the basis, all read from the vector itself (the basis is orthonormal).
  const along = basis.map((b) => dot(vector, b));
  basis.forEach((b, k) => {
    for (let d = 0; d < rest.length; d++) rest[d]! -= share * along[k]! * b[d]!;
  });
  const norm = Math.hypot(...rest);
  return norm > INDEPENDENT ? Float32Array.from(rest, (x) => x / norm) : vector;
}

/** Gram–Schmidt: adds what is new in `direction` to the orthonormal `basis`. */
function addToBasis(basis: Float32Array[], direction: ArrayLike<number>): void {
  const rest = Float64Array.from(direction);
  const length = Math.hypot(...rest);
  if (length === 0) return;
  for (let d = 0; d < rest.length; d++) rest[d]! /= length;
  // Twice, for numerical orthogonality.
  for (let pass = 0; pass < 2; pass++) {
    for (const b of basis) {
      const along = dot(Float32Array.from(rest), b);
      for (let d = 0; d < rest.length; d++) rest[d]! -= along * b[d]!;
    }
  }
  const norm = Math.hypot(...rest);
  if (norm > INDEPENDENT) basis.push(Float32Array.from(rest, (x) => x / norm));
}

/** The direction of greatest spread of the rows, orthogonal to `found`, or null when none is left. */
function leadingDirection(rows: readonly Float64Array[], found: readonly Float64Array[]): Float64Array | null {
  const dims = rows[0]!.length;
  let direction = Float64Array.from({ length: dims }, (_, d) => 1 / Math.sqrt(dims) + (d % 2 === 0 ? 1e-3 : -1e-3));
  for (let step = 0; step < POWER_STEPS; step++) {
    const next = new Float64Array(dims);
    for (const row of rows) {
      let along = 0;
      for (let d = 0; d < dims; d++) along += row[d]! * direction[d]!;
      for (let d = 0; d < dims; d++) next[d]! += along * row[d]!;
    }
    for (const f of found) {
      let along = 0;
      for (let d = 0; d < dims; d++) along += next[d]! * f[d]!;
      for (let d = 0; d < dims; d++) next[d]! -= along * f[d]!;
    }
    const norm = Math.hypot(...next);
    if (norm < 1e-12) return null;
    direction = next.map((x) => x / norm);
  }
  return direction;
}
