// How the neighbourhood graph (discover/neighbours.ts) is split into groups; each gives one label
// per sentence, −1 for none.
// - Louvain communities of the UMAP-weighted graph (graphology), the default.
// - By density, as BERTopic does it: the same graph (UMAP's fuzzy simplicial set over the exact
//   nearest neighbours by cosine) laid out by UMAP in a few dimensions (discover/umap-layout.ts),
//   then HDBSCAN (discover/hdbscan.ts) on that map. The map keeps who is whose neighbour and drops
//   the 384 dimensions in which every distance looks alike, so that a topic becomes a dense region
//   and the rest thins out into noise (HDBSCAN on the raw vectors finds nothing). Seeded, so the
//   same sentences in the same order give the same map.

import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { GroupingSettings } from '../classify/profiles.js';
import { seededRandom } from '../random.js';
import { hdbscan } from './hdbscan.js';
import type { WeightedEdge } from './neighbours.js';
import { umapLayout } from './umap-layout.js';

// The package is CommonJS whose export is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** Louvain communities of the weighted graph, one label per node (seeded: the same every run). */
export function louvainCommunities(edges: readonly WeightedEdge[], m: number, resolution: number, seed: number): Int32Array {
  const graph = new UndirectedGraph();
  for (let p = 0; p < m; p++) graph.addNode(String(p));
  for (const { a, b, weight } of edges) graph.addEdge(String(a), String(b), { weight });
  const community = louvain(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
  return Int32Array.from({ length: m }, (_, p) => community[String(p)]!);
}

export type DensitySettings = Pick<GroupingSettings, 'mapDimensions' | 'mapMinDistance' | 'minClusterSize' | 'clusterSelection'>;

/** The m points of the graph `edges` (fuzzy-union weights) laid out by UMAP, one row each. */
export function umapMap(edges: readonly WeightedEdge[], m: number, settings: DensitySettings, seed: number): Float64Array[] {
  const dimensions = settings.mapDimensions;
  const layout = umapLayout(edges, m, dimensions, settings.mapMinDistance, seed);
  return Array.from({ length: m }, (_, p) => layout.subarray(p * dimensions, (p + 1) * dimensions));
}

/** HDBSCAN's cluster label for each point of a map, −1 for noise. */
export function densityClusters(points: readonly Float64Array[], settings: DensitySettings): Int32Array {
  return hdbscan(points, settings.minClusterSize, settings.clusterSelection);
}
