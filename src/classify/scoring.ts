// Stage 2 of the classifier: a unit's vector → per-theme scores. A theme's score is the mean of
// the cosines to its k nearest exemplars, optionally blended with the cosine to the theme's
// centroid (the normalised sum of its exemplar vectors).

import type { Embedder, Taxonomy } from '../types.js';
import type { ScoringProfile } from './profiles.js';
import { createSimilarity, type EngineVector } from './similarity.js';
import type { ThemeScores } from './units.js';

/** Texts per `embed` call: large enough to amortise the model call, small enough to bound memory. */
export const EMBED_CHUNK_SIZE = 256;

/** How scores are made (topK, centroidWeight): the engine's profile's (profiles.ts), passed in. */
export interface ScoringOptions extends ScoringProfile {
  /** Texts per `embed` call (default EMBED_CHUNK_SIZE). */
  chunkSize?: number;
  /**
   * Theme id → sentences that must not carry the theme (from corrections). A text nearer to one of
   * them than to the theme's nearest exemplar loses the difference from the theme's score.
   */
  counterExamples?: Readonly<Record<string, readonly string[]>>;
}

export interface ThemeScorer {
  /** The settings the scores depend on (besides the embedder and exemplars). */
  topK: number;
  centroidWeight: number;
  score(vector: EngineVector): ThemeScores;
}

/**
 * Embeds `texts` in chunks of `chunkSize`, all handed to the embedder at once: a model in worker
 * threads then never waits for the next chunk (the chunks, and so the model's batches, are the same
 * as one at a time).
 */
export async function embedInChunks(embedder: Embedder, texts: string[], chunkSize: number): Promise<Float32Array[]> {
  const chunks: Promise<Float32Array[]>[] = [];
  for (let i = 0; i < texts.length; i += chunkSize) chunks.push(embedder.embed(texts.slice(i, i + chunkSize)));
  // Should one chunk fail, the others must not fail unobserved.
  for (const chunk of chunks) chunk.catch(() => undefined);
  return (await Promise.all(chunks)).flat();
}

/** The settings a scorer's scores depend on besides the embedder and exemplars, known before any is embedded. */
export function scorerSettings(options: ScoringOptions): { topK: number; centroidWeight: number } {
  return { topK: Math.max(1, options.topK), centroidWeight: options.centroidWeight };
}

/** Embeds every theme's exemplars once and returns the scorer for unit vectors. */
export async function createThemeScorer(taxonomy: Taxonomy, embedder: Embedder, options: ScoringOptions): Promise<ThemeScorer> {
  const { topK, centroidWeight } = scorerSettings(options);
  const chunkSize = Math.max(1, options.chunkSize ?? EMBED_CHUNK_SIZE);
  const themes = taxonomy.themes;
  const exemplarTheme: number[] = [];
  const exemplarIndex: number[] = [];
  const exemplarTexts: string[] = [];
  themes.forEach((theme, t) => {
    theme.examples.forEach((example, e) => {
      exemplarTheme.push(t);
      exemplarIndex.push(e);
      exemplarTexts.push(example);
    });
  });
  const exemplarVectors = await embedInChunks(embedder, exemplarTexts, chunkSize);
  // Theme centroids ride along as extra rows after the exemplars, so one pass scores both.
  const centroids = centroidWeight > 0 ? themes.map((_, t) => centroidOf(exemplarVectors, exemplarTheme, t, embedder.dims)) : [];
  // Counter-examples ride along after the centroids, theme by theme.
  const counterTexts = themes.map((theme) => [...(options.counterExamples?.[theme.id] ?? [])]);
  const counterVectors = await embedInChunks(embedder, counterTexts.flat(), chunkSize);
  const similarity = createSimilarity([...exemplarVectors, ...centroids, ...counterVectors], embedder.dims);
  const centroidRow = exemplarVectors.length;
  const counterStart: number[] = [];
  let counterRow = exemplarVectors.length + centroids.length;
  for (const texts of counterTexts) {
    counterStart.push(counterRow);
    counterRow += texts.length;
  }

  // Exemplars are listed theme by theme, so each theme is a contiguous range of the similarities.
  const themeStart = themes.map((_, t) => exemplarTheme.indexOf(t));
  const themeEnd = themes.map((_, t) => exemplarTheme.lastIndexOf(t) + 1);
  const top = new Float64Array(topK);
  const score = (vector: EngineVector): ThemeScores => {
    const sims = similarity(vector);
    const scores = new Array<number>(themes.length);
    const nearest = new Array<number>(themes.length);
    for (let t = 0; t < themes.length; t++) {
      const start = themeStart[t]!;
      const end = themeEnd[t]!;
      // The k largest, kept in descending order by insertion (k is tiny), and the nearest exemplar.
      let kept = 0;
      let best = -1;
      for (let x = start; x < end && start >= 0; x++) {
        const sim = sims[x]!;
        if (best < 0 || sim > sims[best]!) best = x;
        if (kept < topK) kept++;
        else if (sim <= top[kept - 1]!) continue;
        let i = kept - 1;
        while (i > 0 && top[i - 1]! < sim) {
          top[i] = top[i - 1]!;
          i--;
        }
        top[i] = sim;
      }
      let sum = 0;
      // With no more exemplars than k, all of them count, summed in listed order.
      if (end - start <= topK) for (let x = start; x < end; x++) sum += sims[x]!;
      else for (let i = 0; i < kept; i++) sum += top[i]!;
      const exemplarScore = kept === 0 ? 0 : sum / kept;
      let blended = centroidWeight > 0 ? (1 - centroidWeight) * exemplarScore + centroidWeight * sims[centroidRow + t]! : exemplarScore;
      let counter = -Infinity;
      for (let x = counterStart[t]!; x < counterStart[t]! + counterTexts[t]!.length; x++) counter = Math.max(counter, sims[x]!);
      if (best >= 0 && counter > sims[best]!) blended -= counter - sims[best]!;
      // Float32 precision, so scores read back from the cache equal freshly computed ones exactly.
      scores[t] = Math.fround(blended);
      nearest[t] = best < 0 ? -1 : exemplarIndex[best]!;
    }
    return { scores, nearest };
  };
  return { topK, centroidWeight, score };
}

/** The unit-length mean direction of one theme's exemplar vectors. */
function centroidOf(vectors: Float32Array[], exemplarTheme: number[], theme: number, dims: number): Float32Array {
  const sum = new Float32Array(dims);
  vectors.forEach((v, x) => {
    if (exemplarTheme[x] === theme) for (let d = 0; d < v.length; d++) sum[d]! += v[d]!;
  });
  let norm = 0;
  for (let d = 0; d < sum.length; d++) norm += sum[d]! * sum[d]!;
  if (norm > 0) for (let d = 0; d < sum.length; d++) sum[d]! /= Math.sqrt(norm);
  return sum;
}
