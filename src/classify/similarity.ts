// The similarity kernel: cosines of one vector against a fixed set of exemplar vectors, laid out
// for whichever of sparse (lexical) or dense (neural) vectors the embedder makes.

import type { LeadAndTail } from '../types.js';
import { createDenseKernel } from './dense-kernel.js';

/** An engine's vector, whole or as its lead and the non-zeros past it (Embedder.embedLeadAndTail). */
export type EngineVector = Float32Array | LeadAndTail;

/** The whole vector, `dims` wide. */
export function wideVector(vector: EngineVector, dims: number): Float32Array {
  if (vector instanceof Float32Array) return vector;
  const wide = new Float32Array(dims);
  wide.set(vector.lead);
  for (let k = 0; k < vector.tailAt.length; k++) wide[vector.tailAt[k]!] = vector.tailValues[k]!;
  return wide;
}

/**
 * Cosines of one vector against every exemplar (all vectors are unit length, so a dot product).
 * Dense dimensions (neural) go exemplar by exemplar over contiguous memory; sparse ones (lexical, and
 * the hybrid's lexical half) touch only the vector's non-zero dimensions.
 */
export function createSimilarity(exemplars: Float32Array[], dims: number): (vector: EngineVector) => Float64Array {
  const count = exemplars.length;
  let nonZero = 0;
  for (const v of exemplars) for (let d = 0; d < dims; d++) if (v[d] !== 0) nonZero++;
  // One embedder makes both exemplar and segment vectors, so the exemplars tell which layout fits:
  // dense vectors are all lead, with no sparse tail.
  const lead = nonZero * 4 > dims * count ? dims : denseLead(exemplars, dims);
  return leadAndTailSimilarity(exemplars, dims, lead);
}

/**
 * How many leading dimensions most exemplars use: the hybrid engine's vectors open with the
 * model's dense half, then the lexical engine's sparse half. 0 for purely sparse vectors.
 */
function denseLead(exemplars: Float32Array[], dims: number): number {
  let lead = 0;
  while (lead < dims) {
    let used = 0;
    for (const v of exemplars) if (v[lead] !== 0) used++;
    if (used * 2 <= exemplars.length) break;
    lead++;
  }
  return lead;
}

/**
 * Dense leading dimensions (all of a neural vector, the hybrid's model half, none of a lexical one)
 * and a sparse tail: four exemplars at a time run over the lead (rows, contiguous), then the
 * vector's non-zero dimensions past the lead, in increasing order, each add only to the exemplars
 * that are non-zero there (a dimension's exemplars are listed once, as a column). Every sum adds its
 * products in increasing dimension order, and a product with a zero adds nothing (a sum that starts
 * at +0 is never -0, and adding ±0 to anything else leaves it as it is), so the cosines are the
 * same to the last bit whichever way they are laid out.
 */
function leadAndTailSimilarity(exemplars: Float32Array[], dims: number, lead: number): (vector: EngineVector) => Float64Array {
  const count = exemplars.length;
  const rows = new Float32Array(lead * count);
  // Each tail dimension's non-zero exemplars, in exemplar order: those of dimension lead + t are
  // columnExemplar[columnStart[t] .. columnStart[t + 1]), with their values in columnValue.
  const columnStart = new Int32Array(dims - lead + 1);
  exemplars.forEach((v, e) => {
    for (let d = 0; d < lead; d++) rows[e * lead + d] = v[d]!;
    for (let d = lead; d < dims; d++) if (v[d] !== 0) columnStart[d - lead + 1]!++;
  });
  for (let t = 0; t < dims - lead; t++) columnStart[t + 1]! += columnStart[t]!;
  const columnExemplar = new Int32Array(columnStart[dims - lead]!);
  const columnValue = new Float32Array(columnExemplar.length);
  const filled = columnStart.slice(0, dims - lead);
  exemplars.forEach((v, e) => {
    for (let d = lead; d < dims; d++) {
      if (v[d] === 0) continue;
      const at = filled[d - lead]!++;
      columnExemplar[at] = e;
      columnValue[at] = v[d]!;
    }
  });
  const tailAt = new Int32Array(dims - lead);
  const tailValues = new Float64Array(dims - lead);
  // The lead's sums of the first exemplars, four at a time, in WebAssembly (dense-kernel.ts): the same sums.
  const kernel = createDenseKernel(exemplars, lead);
  return (given) => {
    const sims = new Float64Array(count);
    // A vector given as its lead and tail needs no scan of its zeros when its lead is this kernel's.
    const split = !(given instanceof Float32Array) && given.lead.length === lead ? given : null;
    const vector = split ? split.lead : wideVector(given, dims);
    let tails = 0;
    if (split) {
      for (let k = 0; k < split.tailAt.length; k++) {
        const x = split.tailValues[k]!;
        if (x === 0) continue;
        tailAt[tails] = split.tailAt[k]! - lead;
        tailValues[tails] = x;
        tails++;
      }
    } else {
      for (let d = lead; d < dims; d++) {
        const x = vector[d]!;
        if (x === 0) continue;
        tailAt[tails] = d - lead;
        tailValues[tails] = x;
        tails++;
      }
    }
    // Exemplars the kernel summed the lead of; the rest are summed here, the same way.
    let summed = 0;
    if (kernel) {
      const input = kernel.input;
      for (let d = 0; d < lead; d++) input[d] = vector[d]!;
      kernel.run();
      summed = kernel.exemplars;
    }
    let e = 0;
    for (; e + 3 < count; e += 4) {
      if (e < summed) {
        const sums = kernel!.output;
        sims[e] = sums[e]!;
        sims[e + 1] = sums[e + 1]!;
        sims[e + 2] = sums[e + 2]!;
        sims[e + 3] = sums[e + 3]!;
        continue;
      }
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const r0 = e * lead;
      const r1 = r0 + lead;
      const r2 = r1 + lead;
      const r3 = r2 + lead;
      for (let d = 0; d < lead; d++) {
        const x = vector[d]!;
        s0 += x * rows[r0 + d]!;
        s1 += x * rows[r1 + d]!;
        s2 += x * rows[r2 + d]!;
        s3 += x * rows[r3 + d]!;
      }
      sims[e] = s0;
      sims[e + 1] = s1;
      sims[e + 2] = s2;
      sims[e + 3] = s3;
    }
    for (; e < count; e++) {
      let dot = 0;
      for (let d = 0; d < lead; d++) dot += vector[d]! * rows[e * lead + d]!;
      sims[e] = dot;
    }
    for (let k = 0; k < tails; k++) {
      const x = tailValues[k]!;
      const end = columnStart[tailAt[k]! + 1]!;
      for (let j = columnStart[tailAt[k]!]!; j < end; j++) sims[columnExemplar[j]!]! += x * columnValue[j]!;
    }
    return sims;
  };
}
