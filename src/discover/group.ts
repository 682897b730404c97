// Grouping by neighbourhood: communities of the neighbourhood graph (Louvain, Blondel et al. 2008;
// or, by `method`, the dense regions of its UMAP map: discover/communities.ts), each cut back to
// the sentences that belong to it rather than to a theme, then kept only when they are stable.
// - Links: on the vectors, or (with themeDirections) on what the taxonomy does not explain
//   (discover/residual.ts); the member test below always measures the vectors themselves.
// - Resolution: low enough that one topic said in several ways (late, no-show, rude to reception)
//   stays one community; the cut below removes what a coarse community sweeps in.
// - Members: a sentence stays in its community when its √size nearest fellow members (three at
//   least) are nearer, on average, than the three nearest exemplars of its nearest theme, give or
//   take the member margin (repeated until no member leaves, 20 times at most). Feedback the
//   classifier merely missed sits nearer its theme, and has few near fellows in a big community.
// - Stability, the guard against false alarms: the pool is grouped again on resamples of it (each
//   sentence kept with probability 0.8, the same resamples every run), and a group is shown only
//   when, on average, a resample holds a group matching it (Jaccard similarity of the members both
//   contain, Hennig 2007). A real topic comes back in every resample; a community cut out of a
//   continuum of unrelated feedback comes back differently each time. A permutation test against
//   random pool sentences was tried first and kept nothing out (every community is tighter than
//   chance by construction), and a fixed bar on how new a group is was passed by mixed groups.
// Everything is seeded and follows the order of the vectors given, which the caller makes
// canonical, so the same sentences always give the same groups.

import type { GroupingSettings } from '../classify/profiles.js';
import { seededRandom } from '../random.js';
import { densityClusters, louvainCommunities, umapMap } from './communities.js';
import { dot, dotsWith, fuzzyNeighbourEdges, meanVector, nearestInMatrix, similarityMatrix, type Neighbours } from './neighbours.js';

/** Seeds the resamples' draws (and the UMAP map), so that every run draws the same. */
const SEED = 18;
/**
 * Louvain visits nodes in a random order and its partition depends on it: every partition (the
 * pool's and each resample's) is the one of highest modularity over these seeds, fixed before any
 * figure was measured, so that the groups do not hang on one draw (docs/engines-and-quality.md,
 * *The best of eight Louvain runs*).
 */
const LOUVAIN_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
/** Nearest fellow members and nearest exemplars averaged in the margin test. */
const NEAREST = 3;
/** Most passes of the member test. */
const MEMBER_PASSES = 20;
/** Fewest neighbours per sentence, however small the pool. */
const MIN_NEIGHBOURS = 4;
/** Share of the sentences each resample keeps. */
const RESAMPLE_SHARE = 0.8;
/** Neighbours listed per sentence, so that a resample still finds `neighbours` of them. */
const LISTED_NEIGHBOURS = 3;

export interface Group {
  /** Indices into the vectors, most central first. */
  members: number[];
  /** Mean margin of the members' similarity to one another over their nearest theme's exemplars. */
  novelty: number;
  /** Mean best Jaccard similarity of the group to the groups of each resample (1: always found). */
  stability: number;
  /** Mean of the members' vectors: its dot product with a vector is the mean similarity to them. */
  centre: Float32Array;
}

export interface Grouping {
  groups: Group[];
  /** Groups before the stability test, for fitting its bar. */
  candidates: Group[];
  /**
   * The whole pool's communities before the member test (`raw`) and after it (`kept`, aligned;
   * candidates are the kept ones of two or more, in order): for diagnosing where a topic is lost.
   */
  communities?: { raw: number[]; kept: number[] }[];
}

/**
 * `exemplars` holds each theme's exemplar vectors, embedded like the sentences. `known` gives what
 * the caller has already worked out for these vectors: their similarityMatrix, their nearestTheme.
 */
export function groupByNeighbourhood(
  vectors: readonly Float32Array[],
  exemplars: readonly (readonly Float32Array[])[],
  settings: GroupingSettings,
  linkVectors: readonly Float32Array[] = vectors,
  known: { similarity?: Float32Array; themeNearness?: readonly number[]; counted?: Uint8Array } = {},
): Grouping {
  const n = vectors.length;
  if (n < 3) return { groups: [], candidates: [], communities: [] };
  const similarity = known.similarity ?? similarityMatrix(vectors);
  const linkSimilarity = linkVectors === vectors ? similarity : similarityMatrix(linkVectors);
  const listed = nearestInMatrix(linkSimilarity, n, settings.neighbours * LISTED_NEIGHBOURS);
  const themeNearness = known.themeNearness ?? vectors.map((vector) => nearestTheme(vector, exemplars));
  const context: Context = { n, similarity, linkSimilarity, listed, themeNearness, settings };

  const everyone = Array.from({ length: n }, (_, i) => i);
  const communities: { raw: number[]; kept: number[] }[] = [];
  // With secondResolution, the pool is partitioned at both resolutions, each resample likewise.
  const resolutions = settings.secondResolution > 0 ? [settings.resolution, settings.secondResolution] : [settings.resolution];
  const found = resolutions.flatMap((resolution, scale) =>
    partition(context, everyone, communities, resolution).map((members) => ({ members, scale })),
  );
  // With `counted` (unsureStability), a group and the resamples' groups are matched on their
  // counted sentences alone, when the group has two or more of them.
  const { counted } = known;
  const matched = found.map(({ members }) => {
    const own = counted ? members.filter((i) => counted[i]) : [];
    return own.length >= 2 ? { members: own, byCount: true } : { members, byCount: false };
  });
  const stability = new Float64Array(found.length);
  for (let r = 0; r < settings.resamples; r++) {
    const random = seededRandom(SEED * 1000 + r);
    const kept = everyone.filter(() => random() < RESAMPLE_SHARE);
    const inResample = new Uint8Array(n);
    for (const i of kept) inResample[i] = 1;
    const again = resolutions.map((resolution) =>
      partition(context, kept, undefined, resolution).map((members) => ({
        set: new Set(members),
        size: members.length,
        counted: counted ? members.filter((i) => counted[i]).length : members.length,
      })),
    );
    matched.forEach(({ members, byCount }, g) => {
      const present = members.filter((i) => inResample[i]);
      let best = 0;
      for (const other of again[found[g]!.scale]!) {
        const shared = present.filter((i) => other.set.has(i)).length;
        best = Math.max(best, shared / (present.length + (byCount ? other.counted : other.size) - shared));
      }
      stability[g]! += best / settings.resamples;
    });
  }
  const candidates = found.map(({ members }, g) => describeGroup(context, vectors, members, settings.resamples > 0 ? stability[g]! : 1));
  const passing = candidates.filter((group) => group.stability >= settings.minStability && group.novelty >= settings.minNovelty);
  return { groups: resolutions.length > 1 ? mostNovelFirst(context, vectors, passing) : passing, candidates, communities };
}

/**
 * Stable groups of two partitions, which overlap: the most novel first (the finer partition's on a
 * tie), each keeping the members no group before it took, and dropped when that is under half of
 * them or fewer than two. A topic that is a larger share of the pool holds together at the coarser
 * resolution, a smaller one only at the finer; a part merged with its neighbours' feedback is the
 * less novel (docs/engines-and-quality.md, A second, coarser partition).
 */
function mostNovelFirst(context: Context, vectors: readonly Float32Array[], groups: readonly Group[]): Group[] {
  const taken = new Uint8Array(context.n);
  const order = groups.map((group, g) => ({ group, g })).sort((a, b) => b.group.novelty - a.group.novelty || a.g - b.g);
  return order.flatMap(({ group }) => {
    const free = group.members.filter((i) => !taken[i]);
    if (free.length < 2 || free.length * 2 < group.members.length) return [];
    for (const i of free) taken[i] = 1;
    return [free.length === group.members.length ? group : describeGroup(context, vectors, free, group.stability)];
  });
}

/** What a member's margin is measured from. */
interface Nearness {
  n: number;
  /** Cosine similarity of every pair, row-major. */
  similarity: Float32Array;
  /** Each sentence's mean similarity to the nearest exemplars of its nearest theme. */
  themeNearness: readonly number[];
}

interface Context extends Nearness {
  /** Similarity in the space sentences are linked in (`linkVectors`), row-major. */
  linkSimilarity: Float32Array;
  /** Each sentence's nearest sentences, more than a graph needs, so that a resample still has enough. */
  listed: Neighbours;
  settings: GroupingSettings;
  /** umap-hdbscan: the pool's map, laid out once (pointsOnMap); a resample is clustered on its points of it. */
  map?: number[][];
}

/** The groups (of two or more) among the sentences `nodes`: Louvain communities cut back to their members. */
function partition(
  context: Context,
  nodes: readonly number[],
  record?: { raw: number[]; kept: number[] }[],
  resolution = context.settings.resolution,
): number[][] {
  const { n, linkSimilarity, listed, settings } = context;
  const m = nodes.length;
  if (m < 3) return [];
  const position = new Int32Array(n).fill(-1);
  nodes.forEach((i, p) => {
    position[i] = p;
  });
  // Each node's nearest among `nodes`, from the listed neighbours (the last one repeated in the
  // rare case that too few of them are left).
  const k = neighboursFor(settings, m);
  const index = new Int32Array(m * k);
  const near = new Float32Array(m * k);
  nodes.forEach((i, p) => {
    let filled = 0;
    for (let j = 0; j < listed.k && filled < k; j++) {
      const other = listed.index[i * listed.k + j]!;
      if (position[other]! < 0) continue;
      index[p * k + filled] = position[other]!;
      near[p * k + filled++] = listed.similarity[i * listed.k + j]!;
    }
    if (filled < k) {
      // Rare: too few listed neighbours are in this resample; rank all of its nodes instead.
      const ranked = nodes
        .map((other, q) => ({ q, s: linkSimilarity[i * n + other]! }))
        .filter(({ q }) => q !== p)
        .sort((x, y) => y.s - x.s || x.q - y.q)
        .slice(0, k);
      ranked.forEach(({ q, s }, j) => {
        index[p * k + j] = q;
        near[p * k + j] = s;
      });
    }
  });
  const edges = fuzzyNeighbourEdges({ k, index, similarity: near }, m);
  const community =
    settings.method === 'umap-hdbscan'
      ? densityClusters(pointsOnMap(context, nodes, { k, index, similarity: near }, m), settings)
      : louvainCommunities(edges, m, resolution, LOUVAIN_SEEDS);

  // Core: a sentence stays when enough of its link strength stays inside its community.
  const total = new Float64Array(m);
  const inside = new Float64Array(m);
  for (const { a, b, weight } of edges) {
    total[a]! += weight;
    total[b]! += weight;
    if (community[a] === community[b]) {
      inside[a]! += weight;
      inside[b]! += weight;
    }
  }
  const byCommunity = new Map<number, number[]>();
  for (let p = 0; p < m; p++) {
    const c = community[p]!;
    if (c < 0 || total[p]! === 0 || inside[p]! / total[p]! < settings.coreShare) continue;
    byCommunity.set(c, [...(byCommunity.get(c) ?? []), nodes[p]!]);
  }
  const kept = [...byCommunity.values()].map((members) => {
    const own = ownMembers(context, members);
    record?.push({ raw: members, kept: own });
    return own;
  });
  return kept.filter((members) => members.length >= 2);
}

/**
 * The points of `nodes` on the pool's UMAP map, which is laid out once, from the neighbours of the
 * first partition (the whole pool's); a resample takes its own points of it.
 */
function pointsOnMap(context: Context, nodes: readonly number[], near: Neighbours, m: number): number[][] {
  if (!context.map) {
    if (m !== context.n) throw new Error('the map is laid out from the whole pool first');
    context.map = umapMap(near, m, context.settings, SEED);
  }
  const map = context.map;
  return nodes.map((i) => map[i]!);
}

/**
 * Neighbours per sentence: the setting, but no more than about √m, so that in a small pool (a few
 * dozen sentences) a sentence is not linked to nearly every other and two topics stay apart.
 */
function neighboursFor(settings: GroupingSettings, m: number): number {
  return Math.max(1, Math.min(settings.neighbours, m - 1, Math.max(MIN_NEIGHBOURS, Math.round(Math.sqrt(m)))));
}

/**
 * The members nearer one another than their nearest theme, by the member margin, until none
 * leaves or MEMBER_PASSES have run (each pass compares every pair of members, so the cap bounds
 * the cost of a large community that loses a few members at a time).
 */
function ownMembers(context: Context, members: number[]): number[] {
  const { settings } = context;
  let kept = members;
  for (let pass = 0; pass < MEMBER_PASSES; pass++) {
    const next = kept.filter((i) => ownMargin(context, kept, i) >= settings.memberMargin);
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept;
}

/** Keeps `top` the NEAREST largest values seen, largest first. */
export function insertTop(top: number[], value: number, count = NEAREST): void {
  if (top.length === count && value <= top[count - 1]!) return;
  let at = top.length < count ? top.length : count - 1;
  top[at] = value;
  while (at > 0 && top[at - 1]! < value) {
    top[at] = top[at - 1]!;
    top[at - 1] = value;
    at--;
  }
}

export const mean = (values: readonly number[]) => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function describeGroup(context: Context, vectors: readonly Float32Array[], members: number[], stability: number): Group {
  const centre = meanVector(members.map((i) => vectors[i]!));
  const centrality = new Map(members.map((i) => [i, dot(vectors[i]!, centre)]));
  const ordered = [...members].sort((a, b) => centrality.get(b)! - centrality.get(a)! || a - b);
  return { members: ordered, novelty: meanMargin(context, members), stability, centre };
}

/** A group's novelty: its members' mean margin (how much nearer one another than their nearest theme). */
function meanMargin(nearness: Nearness, members: readonly number[]): number {
  return mean(members.map((i) => ownMargin(nearness, members, i)));
}

/** How much nearer sentence i is to its nearest fellow members than to its nearest theme's exemplars. */
function ownMargin(context: Nearness, members: readonly number[], i: number): number {
  // √size nearest fellows, at least three: in a large community anyone finds three near
  // fellows, a sentence of the topic finds many.
  const count = Math.max(NEAREST, Math.round(Math.sqrt(members.length)));
  const top: number[] = [];
  for (const j of members) if (j !== i) insertTop(top, context.similarity[i * context.n + j]!, count);
  return mean(top) - context.themeNearness[i]!;
}

/** The novelty of some sentences taken as one group, measured as each found group's is. */
export function novelty(
  vectors: readonly Float32Array[],
  members: readonly number[],
  exemplars: readonly (readonly Float32Array[])[],
): number {
  const chosen = members.map((i) => vectors[i]!);
  const nearness: Nearness = {
    n: chosen.length,
    similarity: similarityMatrix(chosen),
    themeNearness: chosen.map((vector) => nearestTheme(vector, exemplars)),
  };
  return meanMargin(nearness, Array.from(chosen.keys()));
}

/** Mean similarity to the nearest exemplars of the nearest theme (−1 without exemplars). */
export function nearestTheme(vector: Float32Array, exemplars: readonly (readonly Float32Array[])[]): number {
  return Math.max(-1, ...themeNearnesses(vector, exemplars));
}

/** Each theme's nearness, as nearestTheme takes the largest of (−1 for a theme without exemplars). */
export function themeNearnesses(vector: Float32Array, exemplars: readonly (readonly Float32Array[])[]): number[] {
  // Every theme's exemplars' sums at once, read theme by theme: the mean of each theme's NEAREST most similar.
  const sums = exemplarDots(exemplars)(vector);
  let at = 0;
  return exemplars.map((list) => {
    if (list.length === 0) return -1;
    const top: number[] = [];
    for (let e = 0; e < list.length; e++) insertTop(top, sums[at + e]!);
    at += list.length;
    return mean(top);
  });
}

/** The sums over every theme's exemplars, end to end (dotsWith), made once per set of exemplars. */
const exemplarSums = new WeakMap<readonly (readonly Float32Array[])[], (query: Float32Array) => Float64Array>();
function exemplarDots(exemplars: readonly (readonly Float32Array[])[]): (query: Float32Array) => Float64Array {
  if (!exemplarSums.has(exemplars)) exemplarSums.set(exemplars, dotsWith(exemplars.flat()));
  return exemplarSums.get(exemplars)!;
}
