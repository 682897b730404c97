// The nearest labelled items as evidence: per theme, the share of an item's k nearest labelled
// items (by the cosine of the model's vectors) that carry the theme. The head's other features say
// how near a text is to a theme's few exemplars and what a linear probe reads in its vector; the
// neighbours say what the labelled feedback most like this one was labelled, which keeps wordings
// that no exemplar or direction captures (a recruiter's relay of a refused reason, a reason code).
// Leaving out later development sets, it lifted micro-F1 0.859 → 0.876 (docs: *Nearest labelled
// items as a head feature*). A second share weighs the 30 nearest by how close each is to the
// nearest of all, so an item with one labelled twin and a crowd of loose neighbours reads the twin
// (0.8727 → 0.8769 on later development sets; docs: *Weighted nearest items*).
//
// Vectors are kept in 8 bits (each scaled so its largest entry is ±127): the head file carries
// every labelled item's, and the scan is a product of small integers, exact and the same on every
// machine; 8 bits kept the gain (0.875) where 64 or 128 dimensions kept a third of it. Ties go to
// the earlier item, so the shares never depend on anything but the vectors and their order.

import { judgedSegments, type NeighbourEvidence, type QuantisedVector, type ScoredItem } from '../units.js';
import { createNeighbourScan, QUERIES_PER_PRODUCT, type NeighbourScan } from './neighbour-scan.js';

/** How many nearest labelled items are read (chosen on the development sets, leaving later sets out). */
export const NEIGHBOURS_READ = 10;

/**
 * The weighted share: the 30 nearest, each weighted exp((its cosine − the nearest's) / 0.03), so an
 * item 0.03 further than the nearest counts e⁻¹ as much (0.015–0.06 and 30 or 60 items gave the same
 * within 0.0006 on later development sets).
 */
export const WEIGHTED_READ = { k: 30, temperature: 0.03 } as const;

/** The labelled items as the head file keeps them. */
export interface NeighbourFile {
  /** Nearest items read. */
  k: number;
  /** Nearest items read for the weighted share, and how fast their weight falls with distance. */
  weighted: { k: number; temperature: number };
  dims: number;
  /** Every item's 8-bit vector, one after another, base64. */
  vectors: string;
  /** Per item, its themes: indices into the head's themes. */
  labels: number[][];
}

/** The labelled items ready to scan. */
export interface Neighbours {
  k: number;
  weighted: { k: number; temperature: number };
  dims: number;
  count: number;
  rows: Int8Array;
  /** Per item, 1 / the length of its 8-bit vector (cosines rank by dot · this). */
  inverseLengths: Float64Array;
  /** Per item and theme (in the order the shares are reported), 1 where the item carries it. */
  labels: Uint8Array;
  /** Themes the shares are reported for. */
  themes: number;
  scan: NeighbourScan;
}

/** A vector in 8 bits; all zeros stays all zeros. */
export function quantise(vector: ArrayLike<number>): QuantisedVector {
  let top = 0;
  for (let d = 0; d < vector.length; d++) top = Math.max(top, Math.abs(vector[d]!));
  const values = new Int8Array(vector.length);
  if (top === 0) return { values, scale: 0 };
  for (let d = 0; d < vector.length; d++) values[d] = Math.round((vector[d]! / top) * 127);
  return { values, scale: Math.fround(top / 127) };
}

/**
 * A scored item's query: its judged segments' 8-bit vectors (of each segment's scored text) through
 * `itemQuery`; undefined where a vector is missing (a text scored without them).
 */
export function itemNeighbourQuery(
  item: ScoredItem,
  vectorOf: (text: string) => QuantisedVector | undefined,
  dims: number,
): Int8Array | undefined {
  const vectors = judgedSegments(item).map((s) => vectorOf(s.scoredText));
  if (vectors.some((v) => v === undefined)) return undefined;
  return itemQuery(vectors as QuantisedVector[], dims);
}

/** Sets settled items' shares from their texts' 8-bit vectors (as a run keeps them with their scores), in one scan. */
export async function settleNeighbourShares(
  items: readonly ScoredItem[],
  neighbours: Neighbours,
  vectorOf: (text: string) => QuantisedVector | undefined,
): Promise<void> {
  const queries = items.map((item) => {
    const query = itemNeighbourQuery(item, vectorOf, neighbours.dims);
    if (!query) throw new Error(`item ${item.id}: a text was scored without its 8-bit vector`);
    return query;
  });
  const shares = await sharesOf(neighbours, queries);
  items.forEach((item, i) => {
    item.neighbours = shares[i]!;
  });
}

/**
 * Each query's shares (neighbourShares), their dot products a product's worth of queries at a time
 * (the products of thousands at once would be gigabytes); `skip` as there, per query.
 */
export async function sharesOf(
  neighbours: Neighbours,
  queries: readonly Int8Array[],
  skip?: (query: number, item: number) => boolean,
): Promise<NeighbourEvidence[]> {
  const { dims, count } = neighbours;
  const shares: NeighbourEvidence[] = [];
  for (let start = 0; start < queries.length; start += QUERIES_PER_PRODUCT) {
    const some = queries.slice(start, start + QUERIES_PER_PRODUCT);
    const all = new Int8Array(some.length * dims);
    some.forEach((query, q) => {
      if (query.length !== dims) throw new RangeError(`a query of ${query.length} dimensions against rows of ${dims}`);
      all.set(query, q * dims);
    });
    const dots = await neighbours.scan.dots(all);
    some.forEach((query, q) => {
      const at = start + q;
      shares.push(neighbourShares(neighbours, query, dots.subarray(q * count, (q + 1) * count), skip && ((j) => skip(at, j))));
    });
  }
  return shares;
}

/**
 * An item's query: the mean of its judged segments' vectors (its reasons', or every segment's when
 * all are praise, as the probe reads it), each as kept in 8 bits, then in 8 bits itself.
 */
export function itemQuery(segments: readonly QuantisedVector[], dims: number): Int8Array {
  const mean = new Float64Array(dims);
  for (const { values, scale } of segments) for (let d = 0; d < dims; d++) mean[d]! += (values[d]! * scale) / segments.length;
  return quantise(mean).values;
}

/** The file's items over a run's themes: `themeOrder[t]` is the head's index of the run's theme t, or -1 (never carried). */
export function neighboursFromFile(file: NeighbourFile, themeOrder: readonly number[]): Neighbours {
  const bytes = Buffer.from(file.vectors, 'base64');
  const rows = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const themes = themeOrder.length;
  const labels = new Uint8Array(file.labels.length * themes);
  file.labels.forEach((own, j) => {
    themeOrder.forEach((at, t) => {
      if (at >= 0 && own.includes(at)) labels[j * themes + t] = 1;
    });
  });
  return readyNeighbours(rows, file.dims, file.k, labels, themes, file.weighted);
}

export function readyNeighbours(
  rows: Int8Array,
  dims: number,
  k: number,
  labels: Uint8Array,
  themes: number,
  weighted: { k: number; temperature: number },
): Neighbours {
  const count = themes > 0 ? labels.length / themes : 0;
  if (rows.length !== count * dims) throw new Error(`neighbours: ${rows.length} values for ${count} items of ${dims} dimensions`);
  const inverseLengths = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    let sum = 0;
    for (let d = j * dims; d < (j + 1) * dims; d++) sum += rows[d]! * rows[d]!;
    inverseLengths[j] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }
  return { k, weighted, dims, count, rows, inverseLengths, labels, themes, scan: createNeighbourScan(rows, dims) };
}

/**
 * Per theme, the plain and the weighted share of the query's nearest items that carry it; items for
 * which `skip` says so are passed over (an item's own fold when it is scored out of fold).
 */
export function neighbourShares(
  neighbours: Neighbours,
  query: Int8Array,
  /** The query's dot product with each item (the scan's, or plainDots'). */
  dots: Int32Array,
  skip?: (item: number) => boolean,
): NeighbourEvidence {
  const { k, dims, count, inverseLengths, labels, themes } = neighbours;
  // An item with nothing to read (no segment) is near nothing.
  if (query.every((x) => x === 0)) return { shares: new Array<number>(themes).fill(0), weighted: new Array<number>(themes).fill(0) };
  // The `kept` best so far, best first; a later item must beat one to enter (ties keep the earlier),
  // so the first k are the k nearest whatever `kept` is.
  const kept = Math.max(k, neighbours.weighted.k);
  const best = new Int32Array(kept).fill(-1);
  const bestScore = new Float64Array(kept).fill(-Infinity);
  let held = 0;
  for (let j = 0; j < count; j++) {
    if (skip?.(j)) continue;
    const score = dots[j]! * inverseLengths[j]!;
    if (held === kept && !(score > bestScore[kept - 1]!)) continue;
    let at = Math.min(held, kept - 1);
    while (at > 0 && score > bestScore[at - 1]!) {
      bestScore[at] = bestScore[at - 1]!;
      best[at] = best[at - 1]!;
      at--;
    }
    bestScore[at] = score;
    best[at] = j;
    if (held < kept) held++;
  }
  const plain = Math.min(held, k);
  const counts = new Array<number>(themes).fill(0);
  for (let n = 0; n < plain; n++) for (let t = 0; t < themes; t++) counts[t]! += labels[best[n]! * themes + t]!;
  // Scores are dot · 1/|row|: over |query| they are cosines.
  let queryLength = 0;
  for (let d = 0; d < dims; d++) queryLength += query[d]! * query[d]!;
  const perCosine = 1 / (Math.sqrt(queryLength) * neighbours.weighted.temperature);
  const sums = new Array<number>(themes).fill(0);
  let total = 0;
  for (let n = 0; n < Math.min(held, neighbours.weighted.k); n++) {
    const weight = Math.exp((bestScore[n]! - bestScore[0]!) * perCosine);
    total += weight;
    for (let t = 0; t < themes; t++) sums[t]! += weight * labels[best[n]! * themes + t]!;
  }
  return {
    shares: counts.map((c) => (plain > 0 ? c / plain : 0)),
    weighted: sums.map((s) => (total > 0 ? s / total : 0)),
  };
}

/** The exact integer dot products of the query with every row (what the scan computes, in JavaScript). */
export function plainDots(rows: Int8Array, dims: number, count: number, query: Int8Array): Int32Array {
  const dots = new Int32Array(count);
  for (let j = 0, at = 0; j < count; j++) {
    let sum = 0;
    for (let d = 0; d < dims; d++, at++) sum += rows[at]! * query[d]!;
    dots[j] = sum;
  }
  return dots;
}

/** The file form of labelled items' vectors and themes (indices into `themeIds`). */
export function neighbourFile(
  vectors: readonly Int8Array[],
  themes: readonly (readonly string[])[],
  themeIds: readonly string[],
  dims: number,
): NeighbourFile {
  const all = new Int8Array(vectors.length * dims);
  vectors.forEach((v, i) => {
    all.set(v, i * dims);
  });
  return {
    k: NEIGHBOURS_READ,
    weighted: { ...WEIGHTED_READ },
    dims,
    vectors: Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64'),
    labels: themes.map((own) => themeIds.flatMap((id, t) => (own.includes(id) ? [t] : []))),
  };
}

/**
 * Shares for the items a head is fitted on, each read from the items outside its fold (folds by
 * position, as the head's cross-validation and the probe's), so the head learns how far to trust
 * neighbours on feedback it never saw; `extra` queries (partly labelled items, never stored) read every item.
 */
export async function outOfFoldShares(
  neighbours: Neighbours,
  queries: readonly Int8Array[],
  folds: number,
  extra: readonly Int8Array[] = [],
): Promise<NeighbourEvidence[]> {
  return sharesOf(neighbours, [...queries, ...extra], (q, j) => q < queries.length && j % folds === q % folds);
}

/**
 * The fully labelled items (the first `full`) as the head keeps them for the nearest-items feature,
 * and each item's shares: a fully labelled item's from the items outside its fold (as the probe's
 * scores are out of fold), a partly labelled one's from all of them (it is not kept).
 */
export async function labelledNeighbours(
  scored: ScoredItem[],
  items: readonly { themes: readonly string[] }[],
  full: number,
  ids: readonly string[],
  dims: number,
  vectorOf: (text: string) => Float32Array,
  folds: number,
): Promise<{ file: NeighbourFile; shares: NeighbourEvidence[] }> {
  // Quantised text by text, as a run keeps each text's vector (classifier.ts), then the item's mean.
  const queries = scored.map((item) => itemNeighbourQuery(item, (text) => quantise(vectorOf(text)), dims)!);
  const file = neighbourFile(
    queries.slice(0, full),
    items.slice(0, full).map((item) => item.themes),
    ids,
    dims,
  );
  const ready = neighboursFromFile(
    file,
    ids.map((_, t) => t),
  );
  return { file, shares: await outOfFoldShares(ready, queries.slice(0, full), folds, queries.slice(full)) };
}
