// Average-linkage (UPGMA) agglomerative clustering on cosine distance, cut at a distance: the
// deterministic method the issue asks for (no random start, same input → same clusters).
// The nearest-neighbour-chain algorithm builds the same dendrogram as the textbook "merge the
// closest pair" loop in O(n²) time instead of O(n³), because average linkage is reducible
// (Murtagh 1983; also how scipy's `linkage(method="average")` works). Memory is one n×n matrix,
// which is why callers cluster a bounded sample. The lexical engine's groups are these clusters
// (linkageGroups), and a sentence outside the sample joins the nearest (joinNearestCentre).

import type { Group } from './group.js';
import { dot, meanVector } from './neighbours.js';

export interface Merge {
  /** Representative point of each side (the smallest index of its cluster's slot). */
  a: number;
  b: number;
  /** Average cosine distance between the two clusters' members. */
  distance: number;
}

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

function sparse(vector: Float32Array): SparseVector {
  const index: number[] = [];
  for (let d = 0; d < vector.length; d++) if (vector[d] !== 0) index.push(d);
  return { index: Int32Array.from(index), value: Float64Array.from(index, (d) => vector[d]!) };
}

function sparseDot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.index.length && j < b.index.length; ) {
    const x = a.index[i]!;
    const y = b.index[j]!;
    if (x === y) sum += a.value[i++]! * b.value[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Cosine distances (1 − dot product) between all pairs of unit vectors, as an n×n matrix. The
 * lexical engine's 16k-dimensional vectors are nearly all zeros: they are compared on their
 * non-zero entries only, which is what keeps a 2,000-sentence sample to a second.
 */
export function pairwiseDistances(vectors: readonly Float32Array[]): Float64Array {
  const n = vectors.length;
  const distance = new Float64Array(n * n);
  const dims = vectors[0]?.length ?? 0;
  let nonZero = 0;
  for (const v of vectors) for (let d = 0; d < dims; d++) if (v[d] !== 0) nonZero++;
  const sparseVectors = nonZero * 4 < dims * n ? vectors.map(sparse) : null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const similarity = sparseVectors ? sparseDot(sparseVectors[i]!, sparseVectors[j]!) : dot(vectors[i]!, vectors[j]!);
      distance[i * n + j] = distance[j * n + i] = 1 - similarity;
    }
  }
  return distance;
}

/** Every merge of the full average-linkage dendrogram over unit vectors. */
export function averageLinkageMerges(vectors: readonly Float32Array[]): Merge[] {
  const n = vectors.length;
  const distance = pairwiseDistances(vectors);
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  let nextStart = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[nextStart]) nextStart++;
      chain.push(nextStart);
    }
    const a = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    // Ties go to the previous link of the chain (required for the chain to terminate), then to the
    // lowest index, so the result never depends on anything but the input order.
    let best = previous;
    let bestDistance = previous >= 0 ? distance[a * n + previous]! : Infinity;
    for (let b = 0; b < n; b++) {
      if (b === a || !active[b]) continue;
      const d = distance[a * n + b]!;
      if (d < bestDistance) {
        bestDistance = d;
        best = b;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.pop();
    chain.pop();
    const keep = Math.min(a, best);
    const drop = Math.max(a, best);
    merges.push({ a: keep, b: drop, distance: bestDistance });
    // Lance–Williams update for average linkage: the size-weighted mean of the two rows.
    const sizeKeep = size[keep]!;
    const sizeDrop = size[drop]!;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === drop) continue;
      const d = (sizeKeep * distance[keep * n + k]! + sizeDrop * distance[drop * n + k]!) / (sizeKeep + sizeDrop);
      distance[keep * n + k] = d;
      distance[k * n + keep] = d;
    }
    size[keep] = sizeKeep + sizeDrop;
    active[drop] = 0;
    remaining--;
  }
  return merges;
}

/**
 * Flat clusters: the dendrogram cut where the average distance exceeds `maxDistance` (scipy's
 * `fcluster(criterion="distance")`). Returns a label per point, numbered 0, 1, … in order of each
 * cluster's first point.
 */
export function averageLinkageClusters(vectors: readonly Float32Array[], maxDistance: number): number[] {
  const n = vectors.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  // Average-linkage heights are monotone, so every merge under the cut joins clusters whose own
  // merges are under it too.
  for (const merge of averageLinkageMerges(vectors)) {
    if (merge.distance > maxDistance) continue;
    const ra = find(merge.a);
    const rb = find(merge.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const labelOfRoot = new Map<number, number>();
  return parent.map((_, i) => {
    const root = find(i);
    let label = labelOfRoot.get(root);
    if (label === undefined) {
      label = labelOfRoot.size;
      labelOfRoot.set(root, label);
    }
    return label;
  });
}

/** Lexical engine: average-linkage clusters of two or more sentences, each with its mean vector as centre. */
export function linkageGroups(vectors: readonly Float32Array[], maxDistance: number): { groups: Group[]; candidates: Group[] } {
  const labels = averageLinkageClusters(vectors, maxDistance);
  const membersOf = new Map<number, number[]>();
  labels.forEach((label, i) => {
    membersOf.set(label, [...(membersOf.get(label) ?? []), i]);
  });
  const groups = [...membersOf.values()]
    .filter((members) => members.length >= 2)
    .map((members) => ({ members, centre: meanVector(members.map((i) => vectors[i]!)), novelty: Infinity, stability: Infinity }));
  return { groups, candidates: [] };
}

/**
 * Lexical engine: a sentence outside the sample joins the nearest centre when its average
 * similarity to the members is within the cut-off, the rule average linkage would have merged it
 * by. Only the vector's non-zero entries matter (a few dozen of 16k).
 */
export function joinNearestCentre(vectors: readonly Float32Array[], groups: readonly Group[], maxDistance: number): number[] {
  return vectors.map((vector) => {
    const nonZero: number[] = [];
    for (let d = 0; d < vector.length; d++) if (vector[d] !== 0) nonZero.push(d);
    let best = -1;
    let bestSimilarity = -Infinity;
    groups.forEach(({ centre }, g) => {
      let similarity = 0;
      for (const d of nonZero) similarity += vector[d]! * centre[d]!;
      if (similarity > bestSimilarity) [best, bestSimilarity] = [g, similarity];
    });
    return best >= 0 && 1 - bestSimilarity <= maxDistance ? best : -1;
  });
}
