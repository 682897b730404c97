// One classifier over any Embedder, as its stages: units (units.ts) → vectors, through the cache
// (cache.ts) → theme scores (scoring.ts) → themes by threshold (assign.ts). Scoring is separate
// from assignment, so `evaluate --calibrate` can score once and try many thresholds.

import { setImmediate as nextTurn } from 'node:timers/promises';
import { hashText } from '../hash.js';
import { UNINFORMATIVE_THEME, type ClassifiedItem, type Embedder, type FeedbackItem, type Taxonomy, type Thresholds } from '../types.js';
import { assignItems, compileThemeCues, type ItemAssignment, type PinnedThemes } from './assign.js';
import { createScoreCache, type CacheLedger, type VectorCache } from './cache.js';
import type { AppliedHead } from './head/bind.js';
import { modelPart, probeScores } from './head/probe.js';
import { quantise, settleNeighbourShares } from './head/neighbours.js';
import { settleEmployerSide } from './reading.js';
import { applyItemRoles } from './roles/read.js';
import type { RolesFile } from './roles/file.js';
import { roleProbabilities } from './roles/model.js';
import { createThemeScorer, EMBED_CHUNK_SIZE, scorerSettings, type ScoringOptions, type ThemeScorer } from './scoring.js';
import { wideVector, type EngineVector } from './similarity.js';
import { itemsWaiting } from './items-waiting.js';
import { distinctUnitTexts, foldUnitScores, segmentItems, type ScoredItem, type ThemeScores } from './units.js';

export interface Classifier {
  /** Raw scores: per item, per segment, per theme (taxonomy order); each item also to `onItemScored` as soon as all its texts are scored. */
  score(items: { id: string; text: string }[], onItemScored?: (index: number, item: ScoredItem) => void): Promise<ScoredItem[]>;
  /** Pure: apply thresholds to scores → assignments with evidence. */
  assign(scored: ScoredItem[], thresholds: Thresholds): ItemAssignment[];
  classify(items: FeedbackItem[], thresholds: Thresholds): Promise<ClassifiedItem[]>;
  /** Distinct texts whose scores came from the score cache so far. */
  scoreCacheHits(): number;
}

export interface ClassifierOptions extends ScoringOptions {
  /** Also score each clause of a segment (default true). */
  clauses?: boolean;
  /** Called after each embedded chunk with texts done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Where per-text theme scores are kept between runs (the store), so a re-run neither embeds
   * nor scores texts it has seen with the same embedder, exemplars and scoring settings. */
  scoreCache?: VectorCache | null;
  /** Where the run counts what came from the score cache (see CacheLedger). */
  ledger?: CacheLedger;
  /** Corrected items (from corrections): their themes are set, not scored. */
  pinned?: PinnedThemes;
  /** A theme head over this taxonomy, for this engine: it decides each item's themes it knows, with a calibrated confidence. */
  head?: AppliedHead | null;
  /** How many leading entries of the embedder's vectors are the sentence model's (a head's probe reads them). */
  modelDims?: number;
  /** A clause-role reader for this embedder's sentence model: units it reads as praise, rule-outs or notes of the employer's side give no evidence. */
  roles?: RolesFile | null;
}

/** Chunks' worth of texts being embedded at once, whatever the classifier is scoring meanwhile. */
const EMBED_AHEAD = 2;

/** Chunks' worth of texts embedded and not yet scored, at most: the vectors waiting for this thread stay bounded. */
const EMBEDDED_WAITING = 8;

/**
 * When a text's vector is its own, the last TAIL_CHUNKS chunks' worth of texts go to the model in
 * chunks TAIL_SPLIT times smaller (32 texts, by default): the model's last vectors are then scored,
 * and their items settled, a few at a time as they come back, not a whole chunk's worth after the
 * workers have finished, with this thread alone at work and the cores idle.
 */
const TAIL_CHUNKS = 2;
const TAIL_SPLIT = 8;

/** Texts scored between two turns of the event loop (a few milliseconds' work). */
const SCORED_BETWEEN_TURNS = 32;

/** Items segmented between two turns of the event loop (some tens of milliseconds' work). */
const SEGMENTED_BETWEEN_TURNS = 64;

/**
 * The share of the items whose texts the model starts on while the rest are segmented, at most
 * HEAD_START_MAX_ITEMS (their vectors wait, in memory, until the rest are segmented): about what
 * two model workers embed in the time this thread segments the other three quarters.
 */
const HEAD_START_SHARE = 0.25;
const HEAD_START_MAX_ITEMS = 2_048;

/** `exemplars`: the scorer of this taxonomy's exemplars with this embedder and options, when it is already being made. */
export async function createClassifier(
  taxonomy: Taxonomy,
  embedder: Embedder,
  options: ClassifierOptions,
  exemplars: Promise<ThemeScorer> = createThemeScorer(taxonomy, embedder, options),
): Promise<Classifier> {
  const chunkSize = Math.max(1, options.chunkSize ?? EMBED_CHUNK_SIZE);
  const tailChunkSize = Math.max(1, Math.floor(chunkSize / TAIL_SPLIT));
  const clauses = options.clauses !== false;
  // Awaited only once the first chunks of texts are with the model: the input is segmented while
  // the exemplars are still being embedded. Should it fail first, it fails when awaited, not unobserved.
  exemplars.catch(() => undefined);
  const settings = scorerSettings(options);
  const exemplarTexts = new Set([
    ...taxonomy.themes.flatMap((theme) => theme.examples),
    ...Object.values(options.counterExamples ?? {}).flat(),
  ]);
  const themeIds = taxonomy.themes.map((t) => t.id);
  const probe = options.head?.probe ?? null;
  const neighbours = options.head?.neighbours ?? null;
  const read = [probe?.dims, neighbours?.dims].find((dims) => dims !== undefined && dims !== options.modelDims);
  if (read !== undefined) throw new Error(`the head reads ${read} model dimensions, the engine gives ${options.modelDims ?? 'none'}`);
  // A text's probe scores and 8-bit vector (nearest labelled items) come from its vector's model part.
  const scoreVector = (scorer: ThemeScorer, vector: EngineVector): ThemeScores => {
    const scores = scorer.score(vector);
    const part = probe || neighbours ? modelPart(leadOf(vector, options.modelDims!), options.modelDims!) : null;
    if (part && probe) scores.probe = probeScores(probe, part);
    if (part && neighbours) scores.vector8 = quantise(part);
    return scores;
  };
  // The sentence model's part of a vector is its leading entries (the whole lead of a hybrid's).
  const leadOf = (vector: EngineVector, modelDims: number): Float32Array =>
    vector instanceof Float32Array ? vector : vector.lead.length >= modelDims ? vector.lead : wideVector(vector, embedder.dims);
  const roles = options.roles ?? null;
  const scoreCache = createScoreCache(
    options.scoreCache ?? null,
    {
      embedder: embedder.id,
      topK: settings.topK,
      centroidWeight: settings.centroidWeight,
      themes: taxonomy.themes.map((t) => [t.id, t.examples]),
      // Absent without corrections, so their scores stay cached under the same name as before.
      ...(options.counterExamples ? { counterExamples: options.counterExamples } : {}),
      ...(probe ? { probe: hashText(JSON.stringify(probe)).slice(0, 16) } : {}),
      ...(neighbours ? { vector8: neighbours.dims } : {}),
      ...(roles ? { roles: hashText(JSON.stringify([roles.roles, roles.standardise])).slice(0, 16) } : {}),
    },
    options.ledger,
  );

  const score = async (
    items: { id: string; text: string }[],
    onItemScored?: (index: number, item: ScoredItem) => void,
  ): Promise<ScoredItem[]> => {
    // Shortest first, so that batches of several texts (`--batch-size`) hold texts of nearly one
    // length and pad little (the embedder only sorts within the slice it is given); texts of one
    // length in text order, so that even such batches, and with them the quantised model's
    // vectors, do not depend on the order of the rows.
    const byLength = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    // Chunks in the order they are embedded (in the model's worker threads) and scored (here).
    const chunks: string[][] = [];
    const addChunks = (texts: string[], tailTexts = 0) => {
      const body = texts.length - Math.min(texts.length, tailTexts);
      for (let i = 0; i < body; i += chunkSize) chunks.push(texts.slice(i, Math.min(body, i + chunkSize)));
      for (let i = body; i < texts.length; i += tailChunkSize) chunks.push(texts.slice(i, i + tailChunkSize));
    };
    const embedChunk = (chunk: string[]) => {
      // A text that is also an exemplar takes the exemplar's vector from the store, as it would
      // with the exemplars done first: its chunk waits for them, so the model's batches do not
      // depend on which finishes first.
      // As lead and tail when the embedder gives them so (the hybrid): the same vectors, without their zeros.
      const embed = (): Promise<EngineVector[]> => (embedder.embedLeadAndTail ? embedder.embedLeadAndTail(chunk) : embedder.embed(chunk));
      const vectors = chunk.some((text) => exemplarTexts.has(text)) ? exemplars.then(embed) : embed();
      // A chunk embedded makes room for the next, even while this thread is busy scoring: the model
      // is not kept waiting for the scoring loop to come round. (Should an earlier chunk fail,
      // those under way must not fail unobserved.)
      vectors.then(
        () => {
          embeddedTexts += chunk.length;
          keepAhead();
        },
        () => undefined,
      );
      return vectors;
    };
    // Chunks handed to the embedder and not yet scored, in order (each let go once scored).
    const underWay: Promise<EngineVector[]>[] = [];
    let requested = 0;
    // Texts handed to the embedder, embedded, and handed over but not yet scored (counted in texts,
    // as the last chunks are smaller).
    let requestedTexts = 0;
    let embeddedTexts = 0;
    let underWayTexts = 0;
    const embedNext = () => {
      if (requested >= chunks.length) return;
      const chunk = chunks[requested++]!;
      requestedTexts += chunk.length;
      underWayTexts += chunk.length;
      underWay.push(embedChunk(chunk));
    };
    // Chunks ahead are embedded while others are scored, two chunks' worth so that the workers
    // still have one queued while a finished chunk is handed over; the chunks, and so the model's
    // batches, are the same as one at a time. The texts are distinct, so no two chunks under way
    // can embed one text twice.
    const keepAhead = () => {
      while (
        requestedTexts - embeddedTexts < EMBED_AHEAD * chunkSize &&
        underWayTexts < EMBEDDED_WAITING * chunkSize &&
        requested < chunks.length
      )
        embedNext();
    };

    // Feedback repeats itself (boilerplate recurs across thousands of rows): each distinct text is
    // embedded once, a chunk at a time, and only its scores are kept. `lookUp` takes the distinct
    // texts of newly segmented items, finds what the score cache holds of those not seen before, and
    // chunks the rest.
    const unitScores = new Map<string, ThemeScores>();
    const seen = new Set<string>();
    const lookUp = async (unitTexts: string[], tailTexts = 0) => {
      const texts = unitTexts.filter((text) => !seen.has(text));
      for (const text of texts) seen.add(text);
      for (const [text, scores] of await scoreCache.get(texts)) unitScores.set(text, scores);
      addChunks(texts.filter((text) => !unitScores.has(text)).sort(byLength), tailTexts);
    };
    // When a text's vector is its own, the first items' texts go to the model as they are
    // segmented, about a chunk at a time, and the model embeds them while the rest are (segmenting
    // is a good part of a run's own work, and the model would wait for all of it). Otherwise
    // (batches of several texts) every text is known and sorted before the first batch, as batches
    // must not depend on where the input was cut.
    const headItems = embedder.textAlone ? Math.min(Math.ceil(items.length * HEAD_START_SHARE), HEAD_START_MAX_ITEMS) : 0;
    const scored: ScoredItem[] = [];
    let lookedUp = 0;
    for (let start = 0; start < items.length; start += SEGMENTED_BETWEEN_TURNS) {
      // The model's workers get their next batches from this thread: it lets them in between slices.
      if (start > 0) await nextTurn();
      for (const item of segmentItems(items.slice(start, start + SEGMENTED_BETWEEN_TURNS), themeIds)) scored.push(item);
      if (lookedUp >= headItems) continue;
      const headTexts = distinctUnitTexts(scored.slice(lookedUp, headItems), clauses);
      if (scored.length < headItems && headTexts.length < chunkSize) continue;
      await lookUp(headTexts);
      lookedUp = Math.min(scored.length, headItems);
      while (requested < chunks.length) embedNext();
    }
    // Batches of several texts keep whole chunks: where a chunk ends would change them.
    await lookUp(distinctUnitTexts(scored.slice(lookedUp), clauses), embedder.textAlone ? TAIL_CHUNKS * chunkSize : 0);
    keepAhead();

    // Each item is settled (its units' scores folded, its clauses read) as soon as all its texts are
    // scored, while the model embeds the longer texts still to come, and handed to `onItemScored`.
    // The nearest labelled items are found for a batch of items in one scan (neighbour-scan.ts).
    const settle = async (indices: readonly number[]) => {
      const items = indices.map((index) => scored[index]!);
      foldUnitScores(items, clauses, (text) => unitScores.get(text) as ThemeScores);
      for (const item of items) {
        if (roles) applyItemRoles(item, roles.confidentAt, themeIds);
        else settleEmployerSide(item.segments, themeIds);
      }
      if (neighbours) await settleNeighbourShares(items, neighbours, (text) => unitScores.get(text)?.vector8);
      for (const index of indices) onItemScored?.(index, scored[index]!);
    };
    const waiting = itemsWaiting(scored, clauses, (text) => unitScores.has(text));
    // Read by position, not shifted off: on a warm run every item is ready at once.
    let settled = 0;
    const settleReady = async () => {
      while (settled < waiting.ready.length) {
        const batch = waiting.ready.slice(settled, settled + SCORED_BETWEEN_TURNS);
        settled += batch.length;
        await settle(batch);
        await nextTurn();
      }
    };
    await settleReady();
    const scorer = await exemplars;
    const total = chunks.reduce((n, chunk) => n + chunk.length, 0);
    let done = 0;
    for (const chunk of chunks) {
      const vectors = await underWay.shift()!;
      underWayTexts -= chunk.length;
      keepAhead();
      const fresh: { text: string; scores: ThemeScores }[] = [];
      for (const [j, text] of chunk.entries()) {
        // The model's workers get their next batches from this thread: it lets them in every few texts.
        if (j > 0 && j % SCORED_BETWEEN_TURNS === 0) await nextTurn();
        const scores = scoreVector(scorer, vectors[j]!);
        // Float32 precision, as the score cache keeps them: a re-run reads each clause the same way.
        if (roles) scores.roles = roleProbabilities(roles, leadOf(vectors[j]!, roles.dims), text).map(Math.fround);
        fresh.push({ text, scores });
      }
      for (const { text, scores } of fresh) {
        unitScores.set(text, scores);
        waiting.scored(text);
      }
      // Not waited for, as the vectors are not (cache.ts): the store writes them in turn with the
      // vectors while this thread goes on, and a write that fails fails the store's next operation,
      // so the run stops before it is recorded. Waiting held the run's end behind every write queued.
      scoreCache.put(fresh).catch(() => undefined);
      await settleReady();
      done += chunk.length;
      options.onProgress?.(done, total);
      // Let signal handlers and timers run between chunks: a long run must still stop on Ctrl-C.
      await nextTurn();
    }
    return scored;
  };

  const cues = compileThemeCues(taxonomy);
  // No feedback given: the no-reason theme, when the taxonomy has one, with nothing to quote.
  const noFeedback: ItemAssignment = {
    themes: taxonomy.themes.some((theme) => theme.id === UNINFORMATIVE_THEME)
      ? [
          {
            themeId: UNINFORMATIVE_THEME,
            score: 1,
            // With a head every theme carries a confidence; that no feedback was given is certain.
            ...(options.head ? { confidence: 1 } : {}),
            evidence: { segmentIndex: -1, segment: '', exemplar: '', cues: [], cueRanges: [], score: 1 },
          },
        ]
      : [],
    segments: [],
  };
  const assign = (scoredItems: ScoredItem[], thresholds: Thresholds): ItemAssignment[] =>
    assignItems(scoredItems, taxonomy, thresholds, cues, options.pinned, options.head ?? null);

  return {
    score,
    assign,
    async classify(items, thresholds) {
      const withText = items.filter((item) => !item.noText);
      // Each item is assigned as soon as it is scored, while longer texts are still being embedded.
      const assignments: ItemAssignment[] = [];
      await score(
        withText.map((item) => ({ id: item.id, text: item.text })),
        (i, item) => {
          assignments[i] = assign([item], thresholds)[0]!;
        },
      );
      const assigned = new Map(assignments.map((assignment, i) => [withText[i]!, assignment]));
      return items.map((item) => ({ item, ...(assigned.get(item) ?? noFeedback) }));
    },
    scoreCacheHits: () => scoreCache.hits(),
  };
}
