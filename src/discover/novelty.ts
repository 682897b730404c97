// Which unexplained sentences seed the groups: the most novel ones. Most of the pool is feedback on
// known themes that a theme merely scored weakly; those sentences are each unusual in their own
// way, while a missing topic's sentences crowd together away from every theme. A sentence ranks by
// two things, each as a share of the sample (so neither scale matters):
// - in model space: how near its nearest pool sentences are (mean similarity to its `neighbours`
//   nearest) less half how near its nearest theme's exemplars are (NOVELTY_THEME_WEIGHT; a whole
//   one counts a sentence that sits near a theme as known even when it sits among its fellows);
// - in the classifier's scores: how little its best theme stands out from the next four (a
//   sentence a theme misses scores one theme clearly higher; a new topic scores several alike).
// With a theme head, a third rank may be added (`probeRank`, off by default: measured, it brought
// back no more removed themes, docs/engines-and-quality.md, *Ranking seeds by the head's probe*):
// how little the head's probe claims the sentence for any known theme.
// The sentences whose two ranks add up highest, a `seedShare` of the sample, are grouped; the rest
// may only join the groups they form, at the stricter join margin. Measured on the development sets
// (docs/engines-and-quality.md, Emerging themes): the two ranks separate a removed theme's pool
// sentences from the rest with a mean AUC of 0.79 over leave one theme out (0.72 for the member
// test's margin alone), without the theme head, which is trained on the very items it classifies.

import { modelPart, probeScores, type Probe } from '../classify/head/probe.js';
import { meanSimilarity, nearestNeighbours, type Neighbours } from './neighbours.js';

/** Weight of the nearest theme's nearness against the nearness of the pool's sentences. */
const NOVELTY_THEME_WEIGHT = 0.5;
/** How many of the next-best themes a sentence's best theme is compared with. */
const NEXT_THEMES = 4;

export interface SeedChoice {
  /** Whether each sample sentence seeds groups. */
  seeds: boolean[];
  /** Each sample sentence's novelty rank (higher: more novel), which chose the seeds. */
  ranks: number[];
  /**
   * Whether a sentence outside the sample ranks as a seed would: by its nearest sample sentences
   * (and its learnt score, with a learnt rank).
   */
  wouldSeed: (near: Neighbours, row: number, themeNearness: number, spread: number, vector?: Float32Array, learnt?: number) => boolean;
}

/**
 * A rank from the learnt test of "unexplained" (discover/unexplained.ts): each sample sentence's
 * probability of being about a topic the taxonomy lacks, with its weight against the two ranks.
 */
export interface LearntRank {
  scores: readonly number[];
  weight: number;
}

/**
 * A third rank, from the theme head's probe (classify/head/probe.ts): how little any known theme's
 * probe claims the sentence's model vector. The probe learnt each theme from every labelled item,
 * voices and all, where the exemplars hold a few clean sentences each.
 */
export interface ProbeRank {
  /** Higher for a sentence no known theme's probe claims. */
  of: (vector: Float32Array) => number;
  /** Its weight against the two other ranks (each of weight 1). */
  weight: number;
}

/**
 * The probe rank's score: minus the highest probe score of a theme other than `skip` (the
 * boilerplate theme), so that a sentence no known theme's probe claims ranks high.
 */
export function probeUnclaimed(probe: Probe, skip: number): (vector: Float32Array) => number {
  return (vector) => -Math.max(...probeScores(probe, modelPart(vector, probe.dims)).filter((_, t) => t !== skip));
}

/**
 * How much a sentence's best theme score stands out from the next NEXT_THEMES (the themes other
 * than `skip`, the boilerplate theme): small for a topic no theme covers.
 */
export function scoreSpread(scores: readonly number[], skip: number): number {
  const sorted = scores.filter((_, t) => t !== skip).sort((a, b) => b - a);
  const next = sorted.slice(1, 1 + NEXT_THEMES);
  return next.length === 0 ? 0 : sorted[0]! - next.reduce((a, b) => a + b, 0) / next.length;
}

/**
 * The sample's seeds: the `share` of its sentences most novel by the two ranks, but at least
 * `least` (all of a smaller sample).
 * `themeNearness[i]` is sentence i's mean similarity to its nearest theme's nearest exemplars,
 * `spreads[i]` its scoreSpread (the largest of its occurrences'). Ties go to the earlier sentence.
 * `listed`, when given, is nearestNeighbours(vectors, vectors, neighbours, true), already worked out.
 */
export function chooseSeeds(
  vectors: readonly Float32Array[],
  themeNearness: readonly number[],
  spreads: readonly number[],
  share: number,
  neighbours: number,
  least: number,
  unclaimed: ProbeRank | null = null,
  listed: Neighbours | null = null,
  learnt: LearntRank | null = null,
): SeedChoice {
  const n = vectors.length;
  const near = listed ?? nearestNeighbours(vectors, vectors, neighbours, true);
  const novelty = vectors.map((_, i) => novel(near, i, themeNearness[i]!));
  const sortedNovelty = [...novelty].sort((a, b) => a - b);
  const sortedFlatness = spreads.map((s) => -s).sort((a, b) => a - b);
  const probe = unclaimed && unclaimed.weight > 0 ? unclaimed : null;
  const probeNovelty = probe ? vectors.map(probe.of) : null;
  const byProbe = weightedRank(probeNovelty, probe?.weight ?? 0);
  const byLearnt = weightedRank(learnt?.scores ?? null, learnt?.weight ?? 0);
  const rank = (i: number) =>
    shareBelow(sortedNovelty, novelty[i]!) +
    shareBelow(sortedFlatness, -spreads[i]!) +
    byProbe(probeNovelty?.[i]) +
    byLearnt(learnt?.scores[i]);
  const ranks = vectors.map((_, i) => rank(i));
  const order = ranks.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || a.i - b.i);
  const count = Math.min(n, Math.max(1, least, Math.ceil(share * n)));
  const seeds = new Array<boolean>(n).fill(false);
  for (const { i } of order.slice(0, count)) seeds[i] = true;
  const cut = order[count - 1]?.r ?? -Infinity;
  return {
    seeds,
    ranks,
    wouldSeed: (outside, row, nearness, spread, vector, learntScore) =>
      count === n ||
      shareBelow(sortedNovelty, novel(outside, row, nearness)) +
        shareBelow(sortedFlatness, -spread) +
        byProbe(probe && vector ? probe.of(vector) : undefined) +
        byLearnt(learntScore) >=
        cut,
  };
}

/**
 * An added rank (the probe's, the learnt test's): `weight` times the share of the sample's `scores`
 * under a sentence's score. It counts only with a weight: without one, or without a score, it adds
 * nothing, and the two ranks are as without it.
 */
function weightedRank(scores: readonly number[] | null, weight: number): (value: number | undefined) => number {
  if (scores === null || !(weight > 0)) return () => 0;
  const sorted = [...scores].sort((a, b) => a - b);
  return (value) => (value === undefined ? 0 : weight * shareBelow(sorted, value));
}

/** Mean similarity to the listed nearest sentences, less the weighted nearness of the nearest theme. */
export function novel(near: Neighbours, row: number, themeNearness: number): number {
  return meanSimilarity(near, row) - NOVELTY_THEME_WEIGHT * themeNearness;
}

/** Share of the sorted values under `value` (ties count half): a rank in [0, 1]. */
function shareBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  let equal = low;
  while (equal < sorted.length && sorted[equal] === value) equal++;
  return sorted.length === 0 ? 0 : (low + (equal - low) / 2) / sorted.length;
}

/**
 * The grouped sentences the stability test matches communities on (stabilityCore): of those
 * `counted` already (items the head is unsure of; undefined: every one), the `core` share ranking
 * as most novel among the grouped sentences by `ranks`. With `core` 1 or no ranks, `counted` as it is.
 */
export function novelCore(counted: Uint8Array | undefined, ranks: readonly number[] | null, core: number): Uint8Array | undefined {
  if (core >= 1 || !ranks || ranks.length === 0) return counted;
  const cut = [...ranks].sort((a, b) => b - a)[Math.max(0, Math.ceil(core * ranks.length) - 1)]!;
  return Uint8Array.from(ranks, (rank, i) => (rank >= cut && (!counted || counted[i]) ? 1 : 0));
}
