// UMAP's layout step (McInnes et al. 2018; umap-learn's optimize_layout_euclidean, which umap-js
// ports): points placed in a few dimensions by stochastic gradient descent, each link of the
// fuzzy neighbourhood graph pulling its two ends together as often as it is strong, and random
// other points pushed away. umap-js itself took about 5 s for 300 sentences (its sparse matrices
// are maps keyed by strings, its points arrays of arrays), and discovery lays out the pool eleven
// times (once and once per resample); this is the same loop on typed arrays, and takes umap-js's
// curve parameters (a, b) for min_dist. Seeded: the same graph gives the same layout.

import { findABParams } from 'umap-js/dist/umap.js';
import { seededRandom } from '../random.js';
import type { WeightedEdge } from './neighbours.js';

/** Epochs for a graph of up to 10,000 points, as umap-learn chooses them. */
const EPOCHS = 500;
const NEGATIVE_SAMPLES = 5;
const CLIP = 4;

const curves = new Map<number, { a: number; b: number }>();
/** umap-js's fit of the curve 1 / (1 + a d^2b) for a min_dist (half a second: fitted once). */
function curveFor(minDistance: number): { a: number; b: number } {
  let curve = curves.get(minDistance);
  if (!curve) {
    curve = findABParams(1, minDistance);
    curves.set(minDistance, curve);
  }
  return curve;
}

/** The m points of the graph `edges` (a < b, fuzzy-union weights) laid out in `dimensions`, row-major. */
export function umapLayout(edges: readonly WeightedEdge[], m: number, dimensions: number, minDistance: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const randomIndex = (n: number) => Math.floor(random() * n);
  // umap-js starts from a uniform random layout in [−10, 10].
  const layout = Float64Array.from({ length: m * dimensions }, () => random() * 20 - 10);
  const strongest = Math.max(0, ...edges.map((edge) => edge.weight));
  // Both directions of each link, as umap-learn's symmetric graph lists them; links too weak to be
  // sampled once in all the epochs are dropped.
  const kept = edges.filter((edge) => edge.weight >= strongest / EPOCHS);
  const head = new Int32Array(kept.length * 2);
  const tail = new Int32Array(kept.length * 2);
  const everyEpochs = new Float64Array(kept.length * 2);
  kept.forEach((edge, e) => {
    head[2 * e] = tail[2 * e + 1] = edge.a;
    tail[2 * e] = head[2 * e + 1] = edge.b;
    everyEpochs[2 * e] = everyEpochs[2 * e + 1] = strongest / edge.weight;
  });
  const nextSample = Float64Array.from(everyEpochs);
  const everyNegative = everyEpochs.map((e) => e / NEGATIVE_SAMPLES);
  const nextNegative = Float64Array.from(everyNegative);
  const { a, b } = curveFor(minDistance);
  const clip = (x: number) => Math.min(CLIP, Math.max(-CLIP, x));
  const squaredDistance = (i: number, j: number) => {
    let sum = 0;
    for (let d = 0; d < dimensions; d++) sum += (layout[i * dimensions + d]! - layout[j * dimensions + d]!) ** 2;
    return sum;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const alpha = 1 - epoch / EPOCHS;
    for (let e = 0; e < head.length; e++) {
      if (nextSample[e]! > epoch) continue;
      const j = head[e]!;
      const k = tail[e]!;
      const dist = squaredDistance(j, k);
      const attract = dist > 0 ? (-2 * a * b * dist ** (b - 1)) / (a * dist ** b + 1) : 0;
      for (let d = 0; d < dimensions; d++) {
        const grad = clip(attract * (layout[j * dimensions + d]! - layout[k * dimensions + d]!)) * alpha;
        layout[j * dimensions + d]! += grad;
        layout[k * dimensions + d]! -= grad;
      }
      nextSample[e]! += everyEpochs[e]!;
      const negatives = Math.floor((epoch - nextNegative[e]!) / everyNegative[e]!);
      for (let p = 0; p < negatives; p++) {
        const other = randomIndex(m);
        const dist2 = squaredDistance(j, other);
        if (dist2 === 0 && j === other) continue;
        const repel = dist2 > 0 ? (2 * b) / ((0.001 + dist2) * (a * dist2 ** b + 1)) : 0;
        for (let d = 0; d < dimensions; d++) {
          const grad = repel > 0 ? clip(repel * (layout[j * dimensions + d]! - layout[other * dimensions + d]!)) : CLIP;
          layout[j * dimensions + d]! += grad * alpha;
        }
      }
      nextNegative[e]! += negatives * everyNegative[e]!;
    }
  }
  return layout;
}
