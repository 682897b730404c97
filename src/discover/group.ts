// Grouping by neighbourhood: communities of the neighbourhood graph (Louvain, Blondel et al. 2008,
// from graphology), optionally cut back to their core, then kept only when they are new.
// - Core: a sentence stays in its community when enough of its link strength stays inside it.
// - Novelty, the guard against false alarms: the group's sentences must be more like each other
//   than like any theme's exemplars (each sentence's three nearest fellow members against the three
//   nearest exemplars of its nearest theme, averaged). Feedback the classifier merely missed forms
//   communities too, but those sit closer to their theme than to one another. The bar is fitted on
//   labelled data with nothing missing (scripts/fit-discovery.ts). A permutation test against
//   random sets of pool sentences was tried first and kept nothing out: every community is tighter
//   than chance by construction.
// Everything is seeded and follows the order of the vectors given, which the caller makes
// canonical, so the same sentences always give the same groups.

import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import type { GroupingSettings } from '../classify/profiles.js';
import { seededRandom } from '../random.js';
import { dot, fuzzyNeighbourEdges, nearestNeighbours, type Neighbours } from './neighbours.js';

// The package is CommonJS whose export is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** Louvain visits nodes in a random order; a fixed seed makes it the same order every run. */
const SEED = 18;
/** Nearest fellow members and nearest exemplars averaged in the novelty test. */
const NEAREST = 3;
/** Members whose novelty is measured: a bounded, evenly spread subset of a large group. */
const NOVELTY_MEMBERS = 200;

export interface Group {
  /** Indices into the vectors, most central first. */
  members: number[];
  /** Mean margin of the members' similarity to one another over their nearest theme's exemplars. */
  novelty: number;
  /** Mean of the members' vectors: its dot product with a vector is the mean similarity to them. */
  centre: Float32Array;
}

export interface Grouping {
  groups: Group[];
  /** Groups before the novelty test, for fitting its bar. */
  candidates: Group[];
}

/** `exemplars` holds each theme's exemplar vectors, embedded like the sentences. */
export function groupByNeighbourhood(
  vectors: readonly Float32Array[],
  exemplars: readonly (readonly Float32Array[])[],
  settings: GroupingSettings,
): Grouping {
  const n = vectors.length;
  if (n < 3) return { groups: [], candidates: [] };
  const neighbours = nearestNeighbours(vectors, vectors, settings.neighbours, true);
  const edges = fuzzyNeighbourEdges(neighbours, n);
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const { a, b, weight } of edges) graph.addEdge(String(a), String(b), { weight });
  const community = louvain(graph, { getEdgeWeight: 'weight', resolution: settings.resolution, rng: seededRandom(SEED) });

  // Each sentence's link strength, in total and per community it links into.
  const total = new Float64Array(n);
  const inside = new Float64Array(n);
  for (const { a, b, weight } of edges) {
    total[a]! += weight;
    total[b]! += weight;
    if (community[String(a)] === community[String(b)]) {
      inside[a]! += weight;
      inside[b]! += weight;
    }
  }
  const byCommunity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (total[i]! === 0 || inside[i]! / total[i]! < settings.coreShare) continue;
    const c = community[String(i)]!;
    byCommunity.set(c, [...(byCommunity.get(c) ?? []), i]);
  }
  const candidates = [...byCommunity.values()]
    .filter((members) => members.length >= 2)
    .map((members) => describeGroup(vectors, members, exemplars));
  return { groups: candidates.filter((group) => group.novelty >= settings.minNovelty), candidates };
}

function describeGroup(vectors: readonly Float32Array[], members: number[], exemplars: readonly (readonly Float32Array[])[]): Group {
  const dims = vectors[0]!.length;
  const centre = new Float32Array(dims);
  for (const i of members) for (let d = 0; d < dims; d++) centre[d]! += vectors[i]![d]! / members.length;
  const centrality = new Map(members.map((i) => [i, dot(vectors[i]!, centre)]));
  const ordered = [...members].sort((a, b) => centrality.get(b)! - centrality.get(a)! || a - b);
  return { members: ordered, novelty: novelty(vectors, members, exemplars), centre };
}

/** The novelty test: how much nearer the members are to one another than to their nearest theme. */
export function novelty(
  vectors: readonly Float32Array[],
  members: readonly number[],
  exemplars: readonly (readonly Float32Array[])[],
): number {
  const step = Math.max(1, members.length / NOVELTY_MEMBERS);
  const measured = Array.from({ length: Math.min(members.length, NOVELTY_MEMBERS) }, (_, i) => members[Math.floor(i * step)]!);
  const memberVectors = members.map((i) => vectors[i]!);
  let sum = 0;
  for (const i of measured) {
    const fellows = nearestMean(
      vectors[i]!,
      memberVectors.filter((v) => v !== vectors[i]),
    );
    const theme = Math.max(-1, ...exemplars.filter((list) => list.length > 0).map((list) => nearestMean(vectors[i]!, list)));
    sum += fellows - theme;
  }
  return sum / measured.length;
}

/** Mean similarity to the NEAREST most similar of `others`. */
function nearestMean(vector: Float32Array, others: readonly Float32Array[]): number {
  const top = others
    .map((other) => dot(vector, other))
    .sort((a, b) => b - a)
    .slice(0, NEAREST);
  return top.length > 0 ? top.reduce((a, b) => a + b, 0) / top.length : 0;
}

/**
 * Which group each of `vectors` joins, by its nearest sentences among the grouped sample: the group
 * holding the largest share of its neighbours' similarity, when that share reaches the core share
 * (the rule that kept the sample's own members); otherwise −1.
 */
export function joinGroups(
  vectors: readonly Float32Array[],
  sample: readonly Float32Array[],
  groupOf: Int32Array,
  settings: GroupingSettings,
): number[] {
  const neighbours: Neighbours = nearestNeighbours(vectors, sample, settings.neighbours);
  return vectors.map((_, q) => {
    const share = new Map<number, number>();
    let total = 0;
    for (let j = 0; j < neighbours.k; j++) {
      const s = Math.max(0, neighbours.similarity[q * neighbours.k + j]!);
      total += s;
      const g = groupOf[neighbours.index[q * neighbours.k + j]!]!;
      if (g >= 0) share.set(g, (share.get(g) ?? 0) + s);
    }
    let best = -1;
    let bestShare = 0;
    for (const [g, s] of share) if (s > bestShare || (s === bestShare && g < best)) [best, bestShare] = [g, s];
    return total > 0 && bestShare / total >= settings.coreShare ? best : -1;
  });
}
