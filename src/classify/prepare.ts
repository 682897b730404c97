// The classifier set-up shared by `run`, `classify` and `evaluate`, in two steps that each return a
// value nothing replaces later: `loadEngine` reads everything that can be wrong in a config
// (taxonomy, engine and model, thresholds, the corrections file) before any input is read, and
// `build` makes the run's one classifier, with what the corrections teach already in it.

import type { EngineConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { redactText } from '../redact/index.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import type { Embedder, EngineInfo, Taxonomy, Thresholds } from '../types.js';
import { createCacheLedger, createCachedEmbedder, type CacheStats, type VectorCache } from './cache.js';
import { createClassifier, type Classifier, type ClassifierOptions } from './classifier.js';
import { exemplarTexts, readExemplarVectors, withExemplarVectors } from './exemplar-vectors.js';
import { withPrefetch, type Prefetching } from './prefetch.js';
import { learnFromCorrections, readCorrections, resolveCorrections, unmatchedTextRows, type Corrections } from './corrections.js';
import { selectEngine } from './engine.js';
import type { HeadProfile } from './head/file.js';
import { checkHeadOptions, resolveHead, type ResolvedHead } from './head/resolve.js';
import { ENGINE_PROFILES } from './profiles.js';
import { createThemeScorer } from './scoring.js';
import { resolveClauseRoles } from './roles/file.js';
import { defaultThresholds, loadThresholds } from './thresholds.js';
import { distinctUnitTexts, segmentItems } from './units.js';

/** The run's classifier, built once; what it reports is about the classifier that ran. */
export interface PreparedClassifier {
  readonly taxonomy: Taxonomy;
  readonly engine: EngineInfo;
  readonly thresholds: Thresholds;
  /** The theme head that decides themes, or null (similarity thresholds decide). */
  readonly head: ResolvedHead | null;
  /** What a head's features depend on in this engine (a head is fitted for, and bound to, exactly this). */
  readonly profile: HeadProfile;
  readonly classifier: Classifier;
  /** The engine's embedder (behind the store's vector cache when one is open). */
  readonly embedder: Embedder;
  /**
   * What discovery groups with: the sentence model's own embedder when the engine has one (the
   * hybrid vector's lexical half scores paraphrases near zero), else the engine's.
   */
  readonly discoveryEmbedder: Embedder;
  /**
   * Distinct texts whose vector or scores came from the store (hits) or had to be embedded
   * (misses) in this run, each counted once. Null when nothing was looked up in a store (no store,
   * or an engine not worth caching).
   */
  cacheStats(): Pick<CacheStats, 'hits' | 'misses'> | null;
}

/** Items whose units are sent to the model while the rest of the input is read (LoadedEngine.prefetch): about what two workers embed meanwhile. */
const PREFETCH_ITEMS = 256;

/** An engine ready to build the run's classifier. */
export interface LoadedEngine {
  readonly taxonomy: Taxonomy;
  readonly engine: EngineInfo;
  readonly thresholds: Thresholds;
  readonly head: ResolvedHead | null;
  /**
   * The run's classifier, with the corrections (if any) learnt: `id` rows are looked up among
   * `items`, text rows are redacted like the input unless `redact` is false. Called once per load.
   */
  build(items: readonly { id: string; text: string }[], options?: { redact?: boolean }): Promise<PreparedClassifier>;
  /**
   * Sends the units of items not yet read to the end to the model (prefetch.ts), while the rest
   * of the input is: the first PREFETCH_ITEMS items with text, for a run with nothing stored yet.
   */
  prefetch(items: readonly { text: string; noText?: boolean }[]): void;
  dispose(): Promise<void>;
}

export async function loadEngine(
  config: EngineConfig,
  logger: Logger,
  options: { store?: VectorCache | null; taxonomy?: Taxonomy } = {},
): Promise<LoadedEngine> {
  checkHeadOptions(config);
  // The built-in exemplars' vectors, shipped for the default model, read beside the taxonomy.
  const [taxonomy, shipped] = await Promise.all([options.taxonomy ?? loadTaxonomy(config.taxonomy), readExemplarVectors()]);
  // A bad corrections file fails before the model loads or any input is read.
  const corrections = config.corrections
    ? await readCorrections(
        config.corrections,
        taxonomy.themes.map((t) => t.id),
      )
    : null;
  const store = options.store ?? null;
  const ledger = createCacheLedger();
  // The sentence model's vectors are worth keeping between runs; the lexical engine's are not.
  let cachedModel: Embedder | null = null as Embedder | null;
  let ahead: Prefetching | null = null as Prefetching | null;
  let exemplarsShipped = false;
  const selected = await selectEngine(config, taxonomy, logger, {
    wrapModel: (model) => {
      const answered = withExemplarVectors(model, shipped);
      exemplarsShipped = answered !== model && exemplarTexts(taxonomy).every((text) => shipped.byText.has(text));
      ahead = withPrefetch(answered);
      cachedModel = createCachedEmbedder(ahead, store, ledger);
      return cachedModel;
    },
  });
  const thresholds = config.thresholds
    ? await loadThresholds(config.thresholds, selected.info.name, selected.info.model)
    : defaultThresholds(selected.info.name, selected.info.model);
  const embedder = cachedModel ? selected.embedder : createCachedEmbedder(selected.embedder, null);
  const cacheable = Boolean(store) && cachedModel !== null;
  const scoring = ENGINE_PROFILES[selected.info.name].scoring;
  const profile: HeadProfile = {
    engine: selected.info.name,
    model: selected.info.model,
    weights: embedder.weights ? [embedder.weights] : [],
    scoring: { ...scoring, margin: thresholds.margin },
  };
  const head = await resolveHead(config, taxonomy, logger, profile);
  const roles = await resolveClauseRoles(embedder.weights, logger);
  const classifierOptions: ClassifierOptions = {
    ...scoring,
    head: head?.applied ?? null,
    ...(cachedModel ? { modelDims: cachedModel.dims } : {}),
    roles,
    onProgress: (done, total) => logger.progress('classifying sentences', done, total),
    scoreCache: cacheable ? store : null,
    ledger,
  };
  // The exemplars' vectors depend on no input: embedding them (and loading the model, when they
  // are not in the store) starts now, while the input is read. When all of them are shipped, the
  // scorer is this thread's work alone (their lexical half, the centroids), done once the input
  // is read: the model's first texts then do not wait for it. With corrections the exemplars
  // change, so the classifier embeds its own.
  const scorer = () => createThemeScorer(taxonomy, embedder, classifierOptions);
  let exemplars = corrections || exemplarsShipped ? null : scorer();
  // Observed by build(); a run that stops before it (bad input, say) must not fail on it unobserved.
  exemplars?.catch(() => undefined);
  let built = false;
  let prefetched = 0;
  const themeIds = taxonomy.themes.map((theme) => theme.id);
  return {
    taxonomy,
    engine: selected.info,
    thresholds,
    head,
    async build(items, { redact = true } = {}) {
      if (built) throw new Error('loadEngine: build() is called once per loaded engine');
      built = true;
      if (!corrections) exemplars ??= scorer();
      const classifier = corrections
        ? await correctedClassifier({ taxonomy, embedder, thresholds, classifierOptions, corrections, items, redact, logger })
        : await createClassifier(taxonomy, embedder, classifierOptions, exemplars!);
      return {
        taxonomy,
        engine: selected.info,
        thresholds,
        head,
        profile,
        classifier,
        embedder,
        discoveryEmbedder: cachedModel ?? embedder,
        cacheStats: () => (cacheable ? ledger.stats() : null),
      };
    },
    prefetch(items) {
      if (!ahead || built || prefetched >= PREFETCH_ITEMS) return;
      const read = items.filter((item) => !item.noText).slice(0, PREFETCH_ITEMS - prefetched);
      prefetched += read.length;
      ahead.prefetch(
        distinctUnitTexts(
          segmentItems(
            read.map((item) => ({ id: '', text: item.text })),
            themeIds,
          ),
          true,
        ),
      );
    },
    dispose: async () => {
      logger.progressDone('classifying sentences');
      await selected.embedder.dispose?.();
      // Exemplars still being embedded stop with the model; the store closes only after they have.
      await exemplars?.catch(() => undefined);
    },
  };
}

/** Engine and classifier in one step, for work with no run items to correct (evaluate, classify, scripts). */
export async function prepareClassifier(
  config: EngineConfig,
  logger: Logger,
  options: { store?: VectorCache | null; taxonomy?: Taxonomy; redact?: boolean } = {},
): Promise<PreparedClassifier & { dispose(): Promise<void> }> {
  const loaded = await loadEngine(config, logger, options);
  try {
    // Corrections are given as text rows here: there is no run whose item ids they could name.
    return { ...(await loaded.build([], { redact: options.redact })), dispose: loaded.dispose };
  } catch (error) {
    await loaded.dispose();
    throw error;
  }
}

/**
 * The classifier with what the corrected items teach: they are judged by the uncorrected classifier
 * (which only this function sees), then become exemplars, counter-examples and pinned themes.
 */
async function correctedClassifier(context: {
  taxonomy: Taxonomy;
  embedder: Embedder;
  thresholds: Thresholds;
  classifierOptions: ClassifierOptions;
  corrections: Corrections;
  items: readonly { id: string; text: string }[];
  redact: boolean;
  logger: Logger;
}): Promise<Classifier> {
  const { taxonomy, embedder, thresholds, classifierOptions, corrections, items, redact, logger } = context;
  // Text rows are the adviser's own typing: redacted like the input before they become exemplars.
  const resolved = resolveCorrections(corrections, items).map((c) => (redact ? { ...c, text: redactText(c.text) } : c));
  const unmatched = items.length > 0 ? unmatchedTextRows(resolved, items) : [];
  if (unmatched.length > 0) {
    const lines =
      unmatched
        .slice(0, 10)
        .map((c) => c.line)
        .join(', ') + (unmatched.length > 10 ? ', …' : '');
    logger.warn(
      `${corrections.source}: ${unmatched.length} text row(s) match no feedback in this run (line${unmatched.length > 1 ? 's' : ''} ${lines}). ` +
        'They still teach the classifier, but correct no item here: copy the text from items.csv unchanged, or use the id column.',
    );
  }
  const uncorrected = await createClassifier(taxonomy, embedder, classifierOptions);
  const lessons = await learnFromCorrections(taxonomy, uncorrected, thresholds, resolved);
  const added =
    lessons.taxonomy.themes.reduce((n, t) => n + t.examples.length, 0) - taxonomy.themes.reduce((n, t) => n + t.examples.length, 0);
  const counter = Object.values(lessons.counterExamples).reduce((n, list) => n + list.length, 0);
  logger.info(
    `corrections: ${resolved.length} item(s) take their corrected themes, and teach ${added} exemplar(s) and ${counter} counter-example(s)`,
  );
  return createClassifier(lessons.taxonomy, embedder, {
    ...classifierOptions,
    counterExamples: lessons.counterExamples,
    pinned: lessons.pinned,
  });
}
