// One classifier over any Embedder. Scoring (embedding segments and comparing them with every
// theme's exemplars) is separated from assignment (applying thresholds), so `evaluate --calibrate`
// can score once and try many thresholds.

import type {
  ClassifiedItem,
  Embedder,
  FeedbackItem,
  Segment,
  SegmentResult,
  Taxonomy,
  ThemeAssignment,
  Thresholds,
} from '../types.js';
import { compileCues, findCues, prepareCueText, type CompiledCue, type CueText } from './cues.js';
import { analysePraise } from './favourable.js';
import { clausesOf, segmentText } from './segment.js';
import { hashText } from '../hash.js';
import { own } from '../own.js';

/** The theme for rejections that give no reason; only assigned when nothing else is. */
export const UNINFORMATIVE_THEME = 'uninformative';

export const DEFAULT_TOP_K = 3;
/** See ClassifierOptions.centroidWeight. */
export const LEXICAL_CENTROID_WEIGHT = 0.4;
/** Segments per `embed` call: large enough to amortise the model call, small enough to bound memory. */
export const DEFAULT_BATCH_SIZE = 256;

export interface ScoredSegment {
  segment: Segment;
  /** Some clause praises the candidate. */
  favourable: boolean;
  /** Every clause is praise: the segment can carry no theme. */
  praiseOnly: boolean;
  /** The text that was embedded: the segment without its praise clauses. */
  scoredText: string;
  /** Per theme, in taxonomy order: mean of the top-k cosines to the theme's exemplars (best unit). */
  scores: number[];
  /** Per theme: index into `theme.examples` of the nearest exemplar (-1 when the theme has none). */
  nearest: number[];
  /** The scored units: the segment's reason text and, when it has several, each of its clauses. */
  units: UnitScores[];
}

export interface UnitScores {
  text: string;
  scores: number[];
  nearest: number[];
}

export interface ScoredItem {
  id: string;
  text: string;
  segments: ScoredSegment[];
}

export interface ItemAssignment {
  themes: ThemeAssignment[];
  segments: SegmentResult[];
}

export interface Classifier {
  /** Raw scores: per item, per segment, per theme (taxonomy order). */
  score(items: { id: string; text: string }[]): Promise<ScoredItem[]>;
  /** Pure: apply thresholds to scores → assignments with evidence. */
  assign(scored: ScoredItem[], thresholds: Thresholds): ItemAssignment[];
  classify(items: FeedbackItem[], thresholds: Thresholds): Promise<ClassifiedItem[]>;
  /** Distinct texts whose scores came from the score cache so far. */
  scoreCacheHits(): number;
}

export interface ClassifierOptions {
  /** Exemplars averaged per theme (the k nearest). */
  topK?: number;
  batchSize?: number;
  /** Also score each clause of a segment (default true). */
  clauses?: boolean;
  /**
   * Share of a theme's score that comes from the cosine with the theme's centroid (the normalised
   * sum of its exemplar vectors) rather than the top-k exemplars. Defaults to
   * LEXICAL_CENTROID_WEIGHT for the lexical engine and 0 for others.
   */
  centroidWeight?: number;
  /** Called after each embedded batch with texts done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Where per-text theme scores are kept between runs (the store), so a re-run neither embeds
   * nor scores texts it has seen with the same embedder, exemplars and scoring settings. */
  scoreCache?: VectorCache | null;
}

/** Float vectors kept per text hash under a namespace; the store implements it. */
export interface VectorCache {
  getVectors(namespace: string, textHashes: string[]): Promise<Map<string, Float32Array>>;
  putVectors(namespace: string, entries: { hash: string; vector: Float32Array }[]): Promise<void>;
}

export async function createClassifier(taxonomy: Taxonomy, embedder: Embedder, options: ClassifierOptions = {}): Promise<Classifier> {
  const topK = Math.max(1, options.topK ?? DEFAULT_TOP_K);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const themes = taxonomy.themes;
  const exemplarTheme: number[] = [];
  const exemplarIndex: number[] = [];
  const exemplarTexts: string[] = [];
  themes.forEach((theme, t) =>
    theme.examples.forEach((example, e) => {
      exemplarTheme.push(t);
      exemplarIndex.push(e);
      exemplarTexts.push(example);
    }),
  );
  const exemplarVectors: Float32Array[] = [];
  for (let i = 0; i < exemplarTexts.length; i += batchSize) {
    exemplarVectors.push(...(await embedder.embed(exemplarTexts.slice(i, i + batchSize))));
  }
  const centroidWeight = options.centroidWeight ?? (embedder.id.startsWith('lexical:') ? LEXICAL_CENTROID_WEIGHT : 0);
  // Theme centroids ride along as extra rows after the exemplars, so one pass scores both.
  const centroids =
    centroidWeight > 0
      ? themes.map((_, t) => {
          const sum = new Float32Array(embedder.dims);
          exemplarVectors.forEach((v, x) => {
            if (exemplarTheme[x] === t) for (let d = 0; d < v.length; d++) sum[d]! += v[d]!;
          });
          let norm = 0;
          for (let d = 0; d < sum.length; d++) norm += sum[d]! * sum[d]!;
          if (norm > 0) for (let d = 0; d < sum.length; d++) sum[d]! /= Math.sqrt(norm);
          return sum;
        })
      : [];
  const similarity = createSimilarity([...exemplarVectors, ...centroids], embedder.dims);
  const centroidRow = exemplarVectors.length;
  const cues = themes.map((theme) => compileCues(theme.cues));
  // Scores depend on the embedder, the exemplars and the scoring settings: all of them name the cache.
  const scoreNamespace = `scores:v1:${hashText(
    JSON.stringify({ embedder: embedder.id, topK, centroidWeight, themes: themes.map((t) => [t.id, t.examples]) }),
  ).slice(0, 24)}`;
  let scoreCacheHits = 0;

  // Exemplars are listed theme by theme, so each theme is a contiguous range of the similarities.
  const themeStart = themes.map((_, t) => exemplarTheme.indexOf(t));
  const themeEnd = themes.map((_, t) => exemplarTheme.lastIndexOf(t) + 1);
  const top = new Float64Array(topK);
  const scoreVector = (vector: Float32Array): { scores: number[]; nearest: number[] } => {
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
      // Float32 precision, so scores read back from the cache equal freshly computed ones exactly.
      scores[t] = Math.fround(centroidWeight > 0 ? (1 - centroidWeight) * exemplarScore + centroidWeight * sims[centroidRow + t]! : exemplarScore);
      nearest[t] = best < 0 ? -1 : exemplarIndex[best]!;
    }
    return { scores, nearest };
  };

  const score = async (items: { id: string; text: string }[]): Promise<ScoredItem[]> => {
    const scored: ScoredItem[] = items.map((item) => ({
      id: item.id,
      text: item.text,
      segments: segmentText(item.id, item.text).map((segment) => {
        const praise = analysePraise(segment.text);
        return {
          segment,
          favourable: praise.favourable,
          praiseOnly: praise.praiseOnly,
          scoredText: praise.praiseOnly ? segment.text : praise.reasonText,
          scores: [],
          nearest: [],
          units: [],
        };
      }),
    }));
    // Each segment is scored as a whole and clause by clause (per theme, the best of them), so two
    // reasons in one sentence do not dilute each other. Feedback repeats itself (boilerplate recurs
    // across thousands of rows): each distinct text is embedded once, a batch at a time, and only
    // its scores are kept.
    const unitsOf = (s: ScoredSegment) => (options.clauses === false ? [s.scoredText] : [s.scoredText, ...clausesOf(s.scoredText)]);
    const unitScores = new Map<string, { scores: number[]; nearest: number[] } | null>();
    for (const item of scored) for (const s of item.segments) for (const unit of unitsOf(s)) unitScores.set(unit, null);
    const cache = options.scoreCache ?? null;
    const hashes = new Map<string, string>();
    if (cache) {
      for (const text of unitScores.keys()) hashes.set(text, hashText(text));
      const cached = await cache.getVectors(scoreNamespace, [...hashes.values()]);
      for (const [text, hash] of hashes) {
        const packed = cached.get(hash);
        if (packed?.length !== themes.length * 2) continue;
        unitScores.set(text, { scores: Array.from(packed.subarray(0, themes.length)), nearest: Array.from(packed.subarray(themes.length)) });
        scoreCacheHits++;
      }
    }
    // Shortest first across the whole run, so every model batch holds texts of nearly one length
    // and pads little (the embedder only sorts within the slice it is given).
    const texts = [...unitScores.keys()].filter((text) => unitScores.get(text) === null).sort((a, b) => a.length - b.length);
    for (let i = 0; i < texts.length; i += batchSize) {
      const batch = texts.slice(i, i + batchSize);
      const vectors = await embedder.embed(batch);
      const fresh = batch.map((text, j) => {
        const unit = scoreVector(vectors[j]!);
        unitScores.set(text, unit);
        return { text, unit };
      });
      // Scores and nearest-exemplar indices travel as one float32 vector per text.
      if (cache) {
        await cache.putVectors(
          scoreNamespace,
          fresh.map(({ text, unit }) => ({ hash: hashes.get(text)!, vector: Float32Array.from([...unit.scores, ...unit.nearest]) })),
        );
      }
      options.onProgress?.(Math.min(i + batchSize, texts.length), texts.length);
      // Let signal handlers and timers run between batches: a long run must still stop on Ctrl-C.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const item of scored) {
      for (const s of item.segments) {
        const units = unitsOf(s).map((text) => ({ text, ...unitScores.get(text)! }));
        s.units = units;
        s.scores = themes.map((_, t) => Math.max(...units.map((u) => u.scores[t]!)));
        s.nearest = themes.map((_, t) => units.reduce((best, u) => (u.scores[t]! > best.scores[t]! ? u : best)).nearest[t]!);
      }
    }
    return scored;
  };

  const assign = (scoredItems: ScoredItem[], thresholds: Thresholds): ItemAssignment[] =>
    scoredItems.map((item) => assignItem(item, taxonomy, thresholds, cues));

  return {
    score,
    assign,
    async classify(items, thresholds) {
      const scored = await score(items.map((item) => ({ id: item.id, text: item.text })));
      const assigned = assign(scored, thresholds);
      return items.map((item, i) => ({ item, ...assigned[i]! }));
    },
    scoreCacheHits: () => scoreCacheHits,
  };
}

/** Threshold a theme's score must reach: its own when calibrated, never below the floor. */
export function themeThreshold(thresholds: Thresholds, themeId: string): number {
  return Math.max(thresholds.floor, own(thresholds.perTheme, themeId) ?? thresholds.floor);
}

/**
 * Which themes a segment passes. Per scored unit (the segment, and each clause when it has
 * several): at least the theme's threshold and within `margin` of that unit's best theme. The best
 * includes `uninformative`, so a boilerplate sentence ("Thank you for attending the assessment
 * centre") that is mostly a polite decline does not also count as a reason; taking the margin per
 * clause lets one sentence carry two reasons.
 */
export function segmentThemes(segment: ScoredSegment, themeIds: string[], thresholds: Thresholds): number[] {
  const eligible = segmentEligible(segment, thresholds.margin);
  const passed: number[] = [];
  eligible.forEach((score, t) => {
    if (score >= themeThreshold(thresholds, themeIds[t]!)) passed.push(t);
  });
  return passed;
}

/** Per theme, the highest score among the segment's units where it is within the margin of the unit's best. */
function segmentEligible(segment: ScoredSegment, margin: number): number[] {
  const out = segment.scores.map(() => -Infinity);
  if (segment.praiseOnly) return out;
  const units = segment.units.length > 0 ? segment.units : [{ text: segment.scoredText, scores: segment.scores, nearest: segment.nearest }];
  for (const unit of units) {
    let best = -Infinity;
    for (const x of unit.scores) if (x > best) best = x;
    unit.scores.forEach((score, t) => {
      if (score >= best - margin && score > out[t]!) out[t] = score;
    });
  }
  return out;
}

/**
 * Per item and theme, the highest eligible score over its segments; the theme is assigned to the
 * item exactly when this reaches its threshold (and, for `uninformative`, when nothing else is
 * assigned). Calibration searches thresholds over these.
 */
export function eligibleScores(item: ScoredItem, themeIds: string[], margin: number): number[] {
  const out = themeIds.map(() => -Infinity);
  for (const segment of item.segments) {
    segmentEligible(segment, margin).forEach((score, t) => {
      if (score > out[t]!) out[t] = score;
    });
  }
  return out;
}

function assignItem(item: ScoredItem, taxonomy: Taxonomy, thresholds: Thresholds, cues: CompiledCue[][]): ItemAssignment {
  const themeIds = taxonomy.themes.map((t) => t.id);
  const perSegment = item.segments.map((s) => segmentThemes(s, themeIds, thresholds));
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);
  const hasReason = perSegment.some((passed) => passed.some((t) => t !== uninformative));
  const keep = (t: number) => !(hasReason && t === uninformative);

  const bestSegment = new Map<number, number>();
  perSegment.forEach((passed, s) => {
    for (const t of passed.filter(keep)) {
      const current = bestSegment.get(t);
      if (current === undefined || item.segments[s]!.scores[t]! > item.segments[current]!.scores[t]!) bestSegment.set(t, s);
    }
  });

  // Several themes often cite the same segment: tokenise and stem its text once.
  const cueTexts = new Map<number, CueText>();
  const cueTextOf = (s: number): CueText => {
    let prepared = cueTexts.get(s);
    if (!prepared) cueTexts.set(s, (prepared = prepareCueText(item.segments[s]!.scoredText)));
    return prepared;
  };
  const themes: ThemeAssignment[] = [...bestSegment].map(([t, s]) => {
    const scored = item.segments[s]!;
    const theme = taxonomy.themes[t]!;
    const score = scored.scores[t]!;
    return {
      themeId: theme.id,
      score,
      evidence: {
        segmentIndex: scored.segment.index,
        segment: scored.segment.text,
        exemplar: theme.examples[scored.nearest[t]!] ?? '',
        cues: findCues(cues[t]!, cueTextOf(s)),
        score,
      },
    };
  });
  themes.sort((a, b) => b.score - a.score || themeIds.indexOf(a.themeId) - themeIds.indexOf(b.themeId));

  const segments: SegmentResult[] = item.segments.map((s, i) => ({
    itemId: s.segment.itemId,
    index: s.segment.index,
    text: s.segment.text,
    start: s.segment.start,
    end: s.segment.end,
    scores: s.scores,
    themes: perSegment[i]!.filter(keep).map((t) => themeIds[t]!),
    favourable: s.favourable,
  }));
  return { themes, segments };
}

/**
 * Cosines of one vector against every exemplar (all vectors are unit length, so a dot product).
 * Sparse vectors (the lexical engine's are mostly zeros) go dimension by dimension, touching only
 * the rows of their non-zero dimensions; dense ones (neural) go exemplar by exemplar over
 * contiguous memory, which is faster for them.
 */
function createSimilarity(exemplars: Float32Array[], dims: number): (vector: Float32Array) => Float64Array {
  const count = exemplars.length;
  let nonZero = 0;
  for (const v of exemplars) for (let d = 0; d < dims; d++) if (v[d] !== 0) nonZero++;
  // One embedder makes both exemplar and segment vectors, so the exemplars tell which layout fits.
  const dense = nonZero * 4 > dims * count;
  const matrix = new Float32Array(dims * count);
  exemplars.forEach((v, e) => {
    for (let d = 0; d < dims; d++) matrix[dense ? e * dims + d : d * count + e] = v[d]!;
  });
  if (dense) {
    return (vector) => {
      const sims = new Float64Array(count);
      let e = 0;
      // Four exemplars per pass over the vector: each element is read once for four products.
      for (; e + 3 < count; e += 4) {
        const r0 = e * dims;
        const r1 = r0 + dims;
        const r2 = r1 + dims;
        const r3 = r2 + dims;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let d = 0; d < dims; d++) {
          const x = vector[d]!;
          s0 += x * matrix[r0 + d]!;
          s1 += x * matrix[r1 + d]!;
          s2 += x * matrix[r2 + d]!;
          s3 += x * matrix[r3 + d]!;
        }
        sims[e] = s0;
        sims[e + 1] = s1;
        sims[e + 2] = s2;
        sims[e + 3] = s3;
      }
      for (; e < count; e++) {
        const row = e * dims;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += vector[d]! * matrix[row + d]!;
        sims[e] = dot;
      }
      return sims;
    };
  }
  return (vector) => {
    const sims = new Float64Array(count);
    for (let d = 0; d < dims; d++) {
      const x = vector[d]!;
      if (x === 0) continue;
      const row = d * count;
      for (let e = 0; e < count; e++) sims[e] += x * matrix[row + e]!;
    }
    return sims;
  };
}
