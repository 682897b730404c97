// How the neighbourhood graph (discover/neighbours.ts) is split into groups; each gives one label
// per sentence, −1 for none.
// - Louvain communities of the UMAP-weighted graph (graphology), the default.
// - By density, as BERTopic does it: the same exact nearest neighbours by cosine laid out by UMAP
//   (umap-js, McInnes et al. 2018; its fuzzy graph is the one Louvain splits) in a few dimensions,
//   then HDBSCAN (discover/hdbscan.ts) on that map. The map keeps who is whose neighbour and drops
//   the 384 dimensions in which every distance looks alike, so that a topic becomes a dense region
//   and the rest thins out into noise (HDBSCAN on the raw vectors finds nothing). Seeded, so the
//   same sentences in the same order give the same map.

import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { UMAP } from 'umap-js';
import type { GroupingSettings } from '../classify/profiles.js';
import { seededRandom } from '../random.js';
import { hdbscan } from './hdbscan.js';
import type { Neighbours, WeightedEdge } from './neighbours.js';

// The package is CommonJS whose export is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/**
 * Louvain communities of the weighted graph, one label per node: of one seeded run per seed, the
 * partition of highest modularity at this resolution (the earlier seed on a tie). Louvain visits
 * the nodes in a random order and stops at a local optimum that depends on it, so one run's
 * partition hangs on one draw; the best of several does not, and is the same every run.
 */
export function louvainCommunities(edges: readonly WeightedEdge[], m: number, resolution: number, seeds: readonly number[]): Int32Array {
  if (seeds.length === 0) throw new Error('louvainCommunities needs at least one seed');
  const graph = new UndirectedGraph();
  for (let p = 0; p < m; p++) graph.addNode(String(p));
  for (const { a, b, weight } of edges) graph.addEdge(String(a), String(b), { weight });
  let best: Record<string, number> | undefined;
  let bestModularity = -Infinity;
  for (const seed of seeds) {
    const run = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
    // The first run is kept whatever its modularity (NaN for a graph without edges), a later one only when higher.
    if (best === undefined || run.modularity > bestModularity) {
      best = run.communities;
      bestModularity = run.modularity;
    }
  }
  const chosen = best!;
  return Int32Array.from({ length: m }, (_, p) => chosen[String(p)]!);
}

export type DensitySettings = Pick<GroupingSettings, 'mapDimensions' | 'mapMinDistance' | 'minClusterSize' | 'clusterSelection'>;

/**
 * The m points whose nearest others `near` lists (row p: p's k nearest, by cosine similarity)
 * laid out by UMAP (umap-js, from those neighbours: the points themselves are not read).
 */
export function umapMap(near: Neighbours, m: number, settings: DensitySettings, seed: number): number[][] {
  const { k, index, similarity } = near;
  // umap-js counts the point itself among its neighbours, first, at distance 0.
  const knnIndices = Array.from({ length: m }, (_, p) => [p, ...index.subarray(p * k, (p + 1) * k)]);
  const knnDistances = Array.from({ length: m }, (_, p) => [
    0,
    ...Array.from(similarity.subarray(p * k, (p + 1) * k), (s) => Math.max(0, 1 - s)),
  ]);
  const umap = new UMAP({
    nComponents: settings.mapDimensions,
    nNeighbors: k + 1,
    minDist: settings.mapMinDistance,
    random: seededRandom(seed),
  });
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  return umap.fit(Array.from({ length: m }, () => [0]));
}

/** HDBSCAN's cluster label for each point of a map, −1 for noise. */
export function densityClusters(points: readonly number[][], settings: DensitySettings): Int32Array {
  return hdbscan(points, settings.minClusterSize, settings.clusterSelection);
}
