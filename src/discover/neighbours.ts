// The neighbourhood graph discovery groups on: each sentence linked to its k most similar
// sentences, each link weighted by how near it is compared with that sentence's own nearest
// neighbours (UMAP's fuzzy simplicial set, McInnes et al. 2018, §3.1). Weighting relative to each
// sentence's own neighbourhood is what lets a topic hold together in model space, where
// paraphrases of one topic are only a little more alike than unrelated feedback.

import { createRowDots } from './dot-kernel.js';

/** Dot product of unit vectors, i.e. cosine similarity. */
export function dot(a: Float32Array, b: Float32Array): number {
  // Four running sums: about twice as fast in V8 as one, which matters over millions of pairs.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length;
  const end = n - (n % 4);
  let d = 0;
  for (; d < end; d += 4) {
    s0 += a[d]! * b[d]!;
    s1 += a[d + 1]! * b[d + 1]!;
    s2 += a[d + 2]! * b[d + 2]!;
    s3 += a[d + 3]! * b[d + 3]!;
  }
  for (; d < n; d++) s0 += a[d]! * b[d]!;
  return s0 + s1 + s2 + s3;
}

/**
 * dot of a query (a vector, or the index of one of `vectors`) with each of `vectors` from `from` on,
 * in order: by the kernel (dot-kernel.ts) where it can, else by dot, the same sums. The array is
 * overwritten by the next call.
 */
export function dotsWith(vectors: readonly Float32Array[]): (query: Float32Array | number, from?: number) => Float64Array {
  const kernel = createRowDots(vectors);
  const dims = vectors[0]?.length;
  const row = new Float64Array(vectors.length);
  return (query, from = 0) => {
    if (kernel && (typeof query === 'number' || query.length === dims)) return kernel.dots(query, from);
    const a = typeof query === 'number' ? vectors[query]! : query;
    for (let j = from; j < vectors.length; j++) row[j - from] = dot(a, vectors[j]!);
    return row.subarray(0, vectors.length - from);
  };
}

/** The mean of some vectors, component by component (not rescaled to unit length); at least one vector. */
export function meanVector(vectors: readonly Float32Array[]): Float32Array {
  const mean = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let d = 0; d < mean.length; d++) mean[d]! += v[d]! / vectors.length;
  return mean;
}

export interface Neighbours {
  k: number;
  /** Row i holds the indices of i's k nearest points, nearest first. */
  index: Int32Array;
  /** Their cosine similarities, in the same order. */
  similarity: Float32Array;
}

/** Mean similarity of row `row` to its listed nearest points (0 with none listed). */
export function meanSimilarity(near: Neighbours, row: number): number {
  let sum = 0;
  for (let j = 0; j < near.k; j++) sum += near.similarity[row * near.k + j]!;
  return near.k > 0 ? sum / near.k : 0;
}

/**
 * Exact k nearest neighbours of each `queries` vector among `points` (cosine on unit vectors),
 * ties to the lower index. With `self` the queries are the points and a point is not its own
 * neighbour.
 */
export function nearestNeighbours(queries: readonly Float32Array[], points: readonly Float32Array[], k: number, self = false): Neighbours {
  const dots = dotsWith(points);
  return rankRows(queries.length, points.length, k, self ? (q) => q : null, (q) => dots(queries[q]!));
}

/**
 * The dot product of every pair of some unit vectors, each worked out once (dot(a, b) and dot(b, a)
 * are the same sum), for the passes that read the same pairs: choosing seeds, grouping them, and
 * joining the rest of the sample to the groups. Row-major, n × n.
 */
export interface PairSimilarity {
  n: number;
  values: Float64Array;
}

export function pairSimilarity(vectors: readonly Float32Array[]): PairSimilarity {
  const n = vectors.length;
  const values = new Float64Array(n * n);
  const dots = dotsWith(vectors);
  for (let i = 0; i < n; i++) {
    const row = dots(i, i);
    for (let j = i; j < n; j++) values[i * n + j] = values[j * n + i] = row[j - i]!;
  }
  return { n, values };
}

/**
 * What nearestNeighbours gives for the vectors `rows` (indices into the pairs' vectors) among all
 * of them, from their listed dot products; with `self` a row is not its own neighbour.
 */
export function nearestInPairs(pairs: PairSimilarity, rows: readonly number[], k: number, self = false): Neighbours {
  const { n, values } = pairs;
  return rankRows(rows.length, n, k, self ? (q) => rows[q]! : null, (q) => values.subarray(rows[q]! * n, (rows[q]! + 1) * n));
}

/**
 * Each query's k most similar points, nearest first, ties to the lower index, from its row of
 * similarities to every point (`rowOf`); `selfOf` gives the point a query is, when it is one, to leave out.
 */
function rankRows(
  queries: number,
  points: number,
  k: number,
  selfOf: ((q: number) => number) | null,
  rowOf: (q: number) => Float64Array,
): Neighbours {
  const kk = Math.max(0, Math.min(k, points - (selfOf ? 1 : 0)));
  const index = new Int32Array(queries * kk);
  const similarity = new Float32Array(queries * kk);
  const topIndex = new Int32Array(kk);
  const topSimilarity = new Float64Array(kk);
  for (let q = 0; q < queries; q++) {
    const row = rowOf(q);
    const own = selfOf ? selfOf(q) : -1;
    let filled = 0;
    for (let p = 0; p < points; p++) {
      if (p === own) continue;
      const s = row[p]!;
      if (filled === kk && s <= topSimilarity[kk - 1]!) continue;
      // Insertion into the sorted top list; an equal similarity stays behind the earlier index.
      let at = filled < kk ? filled++ : kk - 1;
      while (at > 0 && topSimilarity[at - 1]! < s) {
        topSimilarity[at] = topSimilarity[at - 1]!;
        topIndex[at] = topIndex[at - 1]!;
        at--;
      }
      topSimilarity[at] = s;
      topIndex[at] = p;
    }
    index.set(topIndex, q * kk);
    similarity.set(topSimilarity, q * kk);
  }
  return { k: kk, index, similarity };
}

export interface WeightedEdge {
  a: number;
  b: number;
  weight: number;
}

/**
 * UMAP's membership strengths: for point i with nearest distance ρ and scale σ (found so that the
 * strengths of its k links sum to log2 k), the link to j weighs exp(−(d − ρ)/σ); the two
 * directions are joined as a fuzzy union, w = a + b − ab. Edges are listed with a < b, sorted.
 */
export function fuzzyNeighbourEdges(neighbours: Neighbours, n: number): WeightedEdge[] {
  const { k, index, similarity } = neighbours;
  const directed = new Map<number, number>();
  const target = Math.log2(Math.max(2, k));
  for (let i = 0; i < n; i++) {
    const distances = Array.from(similarity.subarray(i * k, (i + 1) * k), (s) => 1 - s);
    const rho = distances[0] ?? 0;
    const sigma = scaleFor(distances, rho, target);
    distances.forEach((d, j) => {
      directed.set(i * n + index[i * k + j]!, Math.exp(-Math.max(0, d - rho) / sigma));
    });
  }
  const edges: WeightedEdge[] = [];
  for (const [key, w] of directed) {
    const a = Math.floor(key / n);
    const b = key % n;
    const back = directed.get(b * n + a);
    if (back !== undefined && b < a) continue; // counted from the other side
    edges.push({ a: Math.min(a, b), b: Math.max(a, b), weight: back === undefined ? w : w + back - w * back });
  }
  return edges.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Binary search for σ with Σ exp(−(d − ρ)/σ) = target, as umap-learn's smooth_knn_dist does. */
function scaleFor(distances: readonly number[], rho: number, target: number): number {
  let low = 0;
  let high = Infinity;
  let sigma = 1;
  for (let step = 0; step < 64; step++) {
    let sum = 0;
    for (const d of distances) sum += Math.exp(-Math.max(0, d - rho) / sigma);
    if (Math.abs(sum - target) < 1e-5) break;
    if (sum > target) {
      high = sigma;
      sigma = (low + high) / 2;
    } else {
      low = sigma;
      sigma = high === Infinity ? sigma * 2 : (low + high) / 2;
    }
  }
  return Math.max(sigma, 1e-3);
}

/** Cosine similarity of every pair of unit vectors, row-major (the sample is bounded, so is this). */
export function similarityMatrix(vectors: readonly Float32Array[]): Float32Array {
  const n = vectors.length;
  const similarity = new Float32Array(n * n);
  const dots = dotsWith(vectors);
  for (let i = 0; i < n; i++) {
    similarity[i * n + i] = 1;
    const row = dots(i, i + 1);
    for (let j = i + 1; j < n; j++) similarity[i * n + j] = similarity[j * n + i] = row[j - i - 1]!;
  }
  return similarity;
}

/** similarityMatrix of the vectors `rows` (indices into the pairs' vectors), from their listed dot products. */
export function similarityAmong(pairs: PairSimilarity, rows: readonly number[]): Float32Array {
  const m = rows.length;
  const similarity = new Float32Array(m * m);
  for (let a = 0; a < m; a++) {
    similarity[a * m + a] = 1;
    const row = rows[a]! * pairs.n;
    for (let b = a + 1; b < m; b++) similarity[a * m + b] = similarity[b * m + a] = pairs.values[row + rows[b]!]!;
  }
  return similarity;
}

/** Each row's `count` most similar other rows, most similar first, ties to the lower index. */
export function nearestInMatrix(similarity: Float32Array, n: number, count: number): Neighbours {
  const k = Math.min(count, n - 1);
  const index = new Int32Array(n * k);
  const near = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let filled = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const s = similarity[i * n + j]!;
      if (filled === k && s <= near[i * k + k - 1]!) continue;
      let at = filled < k ? filled++ : k - 1;
      while (at > 0 && near[i * k + at - 1]! < s) {
        near[i * k + at] = near[i * k + at - 1]!;
        index[i * k + at] = index[i * k + at - 1]!;
        at--;
      }
      near[i * k + at] = s;
      index[i * k + at] = j;
    }
  }
  return { k, index, similarity: near };
}
