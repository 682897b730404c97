// A learnt test of "unexplained": how likely a pool sentence is to be about a topic the taxonomy
// lacks, rather than feedback on a known theme that a theme scored weakly. The hand-set ranks of
// discover/novelty.ts weigh two signals equally; this model weighs signals the run already has
// (the head's calibrated probabilities, the nearest themes' exemplars, the sentence's neighbourhood
// in the pool) by a logistic regression whose target is "the sentence is about the theme removed
// from the taxonomy", fitted on leave-one-theme-out runs over labelled sets
// (scripts/fit-discovery.ts --learnt-out). It is used only where a theme head classified the run:
// its features include the head's probabilities.

import { fitLogistic, logit, sigmoid, standardisationOf, standardised, type Standardisation } from '../classify/head/logistic.js';
import { UNINFORMATIVE_THEME, type ClassifiedItem } from '../types.js';
import { themeNearnesses } from './group.js';
import { dot, meanSimilarity, type Neighbours } from './neighbours.js';
import { novel } from './novelty.js';
import type { UnexplainedSegment } from './select.js';

export const UNEXPLAINED_MODEL_VERSION = 1;

/** The features, in the order a model's weights read them. */
export const UNEXPLAINED_FEATURES = [
  // The sentence's neighbourhood in the pool.
  'density', // mean similarity to its nearest pool sentences
  'nearestFellow', // similarity to its nearest pool sentence
  'neighbourNovelty', // its nearest pool sentences' own density less their nearest theme's nearness
  'sameNearestTheme', // share of its nearest pool sentences whose nearest theme is its own
  // The known themes' exemplars.
  'themeNearness', // mean similarity to its nearest theme's nearest exemplars
  'themeMargin', // that, less the second nearest theme's
  'centroidGap', // density less its similarity to its nearest theme's exemplar mean
  'spread', // how much its best theme score stands out from the next ones
  // The head's calibrated probabilities for the sentence's item (the surest of its items).
  'headBest',
  'headSecond',
  'headSum',
  'headEntropy',
  'headNoReason',
  'boilerplate', // claimed by the boilerplate theme (may only join)
] as const;

export interface UnexplainedModel {
  version: number;
  features: string[];
  /** The sets and runs it was fitted on, for the record. */
  fittedOn: string;
  standardisation: Standardisation;
  weights: number[];
  bias: number;
}

/** What the run knows of one sentence apart from its neighbourhood. */
export interface SentenceFacts {
  /** Nearness of each theme (taxonomy order; −1 without exemplars), as group.ts's themeNearnesses. */
  themeNearness: readonly number[];
  /** Similarity to each theme's mean exemplar direction. */
  centroidSimilarity: readonly number[];
  spread: number;
  /** The head's probabilities for the item's themes other than no reason given, surest first. */
  headProbabilities: readonly number[];
  headNoReason: number;
  boilerplate: boolean;
}

/** Each sentence's novelty (as the seed rank's, novelty.ts) and nearest theme, which its neighbours' features read. */
export interface PoolFacts {
  novelty: readonly number[];
  nearestTheme: readonly number[];
}

function bestTwo(values: readonly number[]): { best: number; at: number; second: number } {
  let best = -Infinity;
  let at = -1;
  let second = -Infinity;
  values.forEach((v, t) => {
    if (v > best) {
      second = best;
      best = v;
      at = t;
    } else if (v > second) second = v;
  });
  return { best, at, second: Number.isFinite(second) ? second : best };
}

/** The pool facts of sentences whose nearest pool sentences are `near` (rows in order). */
export function poolFacts(near: Neighbours, facts: readonly SentenceFacts[]): PoolFacts {
  const themes = facts.map((f) => bestTwo(f.themeNearness));
  return { novelty: themes.map((theme, i) => novel(near, i, theme.best)), nearestTheme: themes.map((theme) => theme.at) };
}

/**
 * The feature row of the sentence at `row` of `near` (its nearest sentences among the pool whose
 * facts `pool` holds), UNEXPLAINED_FEATURES in order.
 */
export function unexplainedFeatures(near: Neighbours, row: number, facts: SentenceFacts, pool: PoolFacts): number[] {
  const density = meanSimilarity(near, row);
  const theme = bestTwo(facts.themeNearness);
  let neighbourNovelty = 0;
  let same = 0;
  for (let j = 0; j < near.k; j++) {
    const other = near.index[row * near.k + j]!;
    neighbourNovelty += pool.novelty[other]!;
    if (pool.nearestTheme[other] === theme.at) same++;
  }
  const k = Math.max(1, near.k);
  const probabilities = facts.headProbabilities;
  const sum = probabilities.reduce((a, b) => a + b, 0);
  // Entropy of the head's view: each stated theme's probability, no reason, and whatever is left.
  const parts = [...probabilities, facts.headNoReason, Math.max(0, 1 - sum - facts.headNoReason)];
  const total = parts.reduce((a, b) => a + b, 0) || 1;
  const entropy = -parts.reduce((e, p) => (p > 0 ? e + (p / total) * Math.log(p / total) : e), 0);
  return [
    density,
    near.k > 0 ? near.similarity[row * near.k]! : 0,
    neighbourNovelty / k,
    same / k,
    theme.best,
    theme.best - theme.second,
    density - (theme.at >= 0 ? facts.centroidSimilarity[theme.at]! : 0),
    facts.spread,
    probabilities[0] ?? 0,
    probabilities[1] ?? 0,
    sum,
    entropy,
    facts.headNoReason,
    facts.boilerplate ? 1 : 0,
  ];
}

/** What the learnt test reads of a run besides the sentences' vectors and neighbourhoods. */
export interface RunFacts {
  classified: readonly ClassifiedItem[];
  /** Each unexplained sentence's occurrences. */
  occurrences: ReadonlyMap<string, readonly UnexplainedSegment[]>;
  /** Each theme's exemplars, in the space the sentences are grouped in. */
  exemplars: readonly (readonly Float32Array[])[];
  /** A sentence's score spread (novelty.ts's scoreSpread, the largest of its occurrences'). */
  spreadOf: (text: string) => number;
}

/** The learnt test's feature rows over a run's sample. */
export interface SampleFeatures {
  /** Each sample sentence's row. */
  rows: number[][];
  /** The row of a sentence outside the sample, whose nearest sample sentences are at `row` of `near`. */
  outside: (near: Neighbours, row: number, text: string, vector: Float32Array) => number[];
}

/** The feature rows of the sample's sentences (`near`: each one's nearest among the sample, itself aside). */
export function sampleFeatures(
  run: RunFacts,
  sample: readonly string[],
  vectors: readonly Float32Array[],
  near: Neighbours,
): SampleFeatures {
  const centroids = run.exemplars.map(unitMean);
  const head = headViewOf(run.classified);
  const factsOf = (text: string, vector: Float32Array) =>
    sentenceFacts(run.occurrences.get(text)!, vector, run.exemplars, centroids, run.spreadOf(text), head);
  const facts = sample.map((text, i) => factsOf(text, vectors[i]!));
  const pool = poolFacts(near, facts);
  return {
    rows: facts.map((f, i) => unexplainedFeatures(near, i, f, pool)),
    outside: (outsideNear, row, text, vector) => unexplainedFeatures(outsideNear, row, factsOf(text, vector), pool),
  };
}

/** The head's view of each item: its stated themes' probabilities (no reason given aside), surest first, and no reason's. */
interface HeadView {
  probabilities: Map<string, number[]>;
  noReason: Map<string, number>;
}

function headViewOf(classified: readonly ClassifiedItem[]): HeadView {
  const probabilities = new Map<string, number[]>();
  const noReason = new Map<string, number>();
  for (const entry of classified) {
    const themes = entry.themes.filter((theme) => theme.confidence !== undefined);
    probabilities.set(
      entry.item.id,
      themes
        .filter((theme) => theme.themeId !== UNINFORMATIVE_THEME)
        .map((theme) => theme.confidence!)
        .sort((a, b) => b - a),
    );
    noReason.set(entry.item.id, themes.find((theme) => theme.themeId === UNINFORMATIVE_THEME)?.confidence ?? 0);
  }
  return { probabilities, noReason };
}

/** What the learnt test reads of one sentence besides its neighbourhood; of its items, the one the head is surest of. */
function sentenceFacts(
  hits: readonly UnexplainedSegment[],
  vector: Float32Array,
  exemplars: readonly (readonly Float32Array[])[],
  centroids: readonly Float32Array[],
  spread: number,
  head: HeadView,
): SentenceFacts {
  let surest: string = hits[0]!.itemId;
  for (const hit of hits) {
    const best = head.probabilities.get(hit.itemId)?.[0] ?? 0;
    if (best > (head.probabilities.get(surest)?.[0] ?? 0)) surest = hit.itemId;
  }
  return {
    themeNearness: themeNearnesses(vector, exemplars),
    centroidSimilarity: centroids.map((centre) => dot(vector, centre)),
    spread,
    headProbabilities: head.probabilities.get(surest) ?? [],
    headNoReason: head.noReason.get(surest) ?? 0,
    boilerplate: hits.every((hit) => hit.boilerplate === true),
  };
}

/** The unit-length mean of some vectors (zero when there are none). */
function unitMean(vectors: readonly Float32Array[]): Float32Array {
  const dims = vectors[0]?.length ?? 0;
  const centre = new Float32Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) centre[d]! += v[d]!;
  const norm = Math.sqrt(dot(centre, centre));
  if (norm > 0) for (let d = 0; d < dims; d++) centre[d]! /= norm;
  return centre;
}

/** The model's probability that the sentence is about a topic the taxonomy lacks. */
export function unexplainedScore(model: UnexplainedModel, features: readonly number[]): number {
  return sigmoid(logit(model, standardised(features, model.standardisation)));
}

/** Fits the model on feature rows and their targets (1: the sentence is about the removed theme). */
export function fitUnexplainedModel(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  l2: number,
  fittedOn: string,
): UnexplainedModel {
  const standardisation = standardisationOf(rows, UNEXPLAINED_FEATURES.length);
  const x = rows.map((row) => standardised(row, standardisation));
  const positives = targets.filter((t) => t > 0.5).length;
  // Positives are a sixth of a pool or less: weighted up to count as much as the rest.
  const positiveWeight = positives > 0 ? (targets.length - positives) / positives : 1;
  const { weights, bias } = fitLogistic(x, targets, { l2, positiveWeight });
  return { version: UNEXPLAINED_MODEL_VERSION, features: [...UNEXPLAINED_FEATURES], fittedOn, standardisation, weights, bias };
}

/** Reads a model file's JSON; an error names what is wrong and what to do. */
export function parseUnexplainedModel(text: string, source: string): UnexplainedModel {
  const parsed = JSON.parse(text) as Partial<UnexplainedModel>;
  if (parsed.version !== UNEXPLAINED_MODEL_VERSION)
    throw new Error(
      `${source}: unexplained-sentence model version ${parsed.version}, expected ${UNEXPLAINED_MODEL_VERSION}; fit it again with scripts/fit-discovery.ts --learnt-out`,
    );
  if (JSON.stringify(parsed.features) !== JSON.stringify(UNEXPLAINED_FEATURES))
    throw new Error(
      `${source}: the model reads other features than this version computes; fit it again with scripts/fit-discovery.ts --learnt-out`,
    );
  return parsed as UnexplainedModel;
}
