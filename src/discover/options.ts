// The settings of one discovery run, and their defaults.

import type { DiscoveryProfile } from '../classify/profiles.js';
import type { Probe } from '../classify/head/probe.js';
import type { UnexplainedModel } from './unexplained.js';

/** weakBand, maxDistance and grouping: the engine's discovery profile (classify/profiles.ts), passed in. */
export interface DiscoverOptions extends DiscoveryProfile {
  /** Clusters with fewer items are not shown (default 5). */
  minItems?: number;
  /** …or with fewer candidates (default 3). */
  minCandidates?: number;
  /** Distinct sentences grouped directly; the rest join the groups of their nearest sampled sentences. */
  sampleSize?: number;
  batchSize?: number;
  /**
   * Chooses the pool with a theme head (select.ts): the themes it decides in this run, and the
   * probability from which they explain a sentence. Measured, not used by `run` (it keeps the
   * similarity band; docs/engines-and-quality.md, Choosing the pool with the head).
   */
  headThemes?: readonly string[] | null;
  explainedFrom?: number | null;
  /** The theme head's probe over the run's taxonomy (null without a head): its third seed rank, by `grouping.probeRank`. */
  probe?: Probe | null;
  /**
   * The learnt test of "unexplained" (discover/unexplained.ts), ranking the seeds by
   * `grouping.learntRank` and keeping the lowest-scored out by `grouping.learntDrop`; only for a
   * run whose theme head decided every theme (its features include the head's probabilities).
   * `run` passes none: measured by scripts/fit-discovery.ts and not kept (docs/engines-and-quality.md,
   * A learnt test of "unexplained"). Null: the hand-set ranks alone.
   */
  unexplainedModel?: UnexplainedModel | null;
  /** Receives the sample's feature rows (for fitting the learnt test): each sentence, its items, its features. */
  onSampleFeatures?: (rows: { text: string; itemIds: string[]; features: number[] }[]) => void;
  onProgress?: (done: number, total: number) => void;
  /** Receives each stage's groups, for diagnosing where a topic is lost (scripts/fit-discovery.ts). */
  onTrace?: (trace: DiscoveryTrace) => void;
}

/**
 * Each stage of one grouping, as sample sentences (indices into `sample`) or items: the sentences
 * grouped (seeds), the communities before and after the member test, the groups before the
 * stability test with their stability, and each stable group after joining, with the share of its
 * items a head states a theme for, the share that would leave it (sureLeave) and whether it is big
 * enough to show.
 */
export interface DiscoveryTrace {
  sample: { text: string; itemIds: string[] }[];
  seeds: number[];
  communities: { raw: number[]; kept: number[] }[];
  candidates: { members: number[]; stability: number }[];
  groups: { items: string[]; covered: number; leaving: number; bigEnough: boolean }[];
}

export const DEFAULT_MIN_ITEMS = 5;
export const DEFAULT_MIN_CANDIDATES = 3;
export const DEFAULT_SAMPLE_SIZE = 2000;
