// The classifier set-up shared by `run`, `classify` and `evaluate`: taxonomy, engine (with its
// fallback), thresholds for that engine, and the embedding cache when a store is open.

import type { EngineConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { redactText } from '../redact/index.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import type { Embedder, EngineInfo, Taxonomy, Thresholds } from '../types.js';
import { createCachedEmbedder, type CacheStats, type VectorCache } from './cache.js';
import { createClassifier, type Classifier } from './classifier.js';
import { learnFromCorrections, readCorrections, resolveCorrections, unmatchedTextRows } from './corrections.js';
import { selectEngine } from './engine.js';
import { defaultThresholds, loadThresholds, SCORING_DEFAULTS } from './thresholds.js';

export interface PreparedClassifier {
  taxonomy: Taxonomy;
  engine: EngineInfo;
  thresholds: Thresholds;
  classifier: Classifier;
  /** The engine's embedder (behind the store's vector cache when one is open), for discovery. */
  embedder: Embedder;
  /**
   * With `--corrections`: rebuild the classifier with what the corrected items teach (`id` rows are
   * looked up among `items`). Text rows are redacted like the input unless `redact` is false.
   * Without corrections, nothing happens.
   */
  learn(items: readonly { id: string; text: string }[], options?: { redact?: boolean }): Promise<void>;
  /** Null when nothing was looked up in a store (no store, or an engine not worth caching). */
  cacheStats(): Pick<CacheStats, 'hits' | 'misses'> | null;
  dispose(): Promise<void>;
}

export async function prepareClassifier(
  config: EngineConfig,
  logger: Logger,
  options: { store?: VectorCache | null; taxonomy?: Taxonomy } = {},
): Promise<PreparedClassifier> {
  const taxonomy = options.taxonomy ?? (await loadTaxonomy(config.taxonomy));
  const store = options.store ?? null;
  // The sentence model's vectors are worth keeping between runs; the lexical engine's are not.
  let cachedModel: ReturnType<typeof createCachedEmbedder> | null = null;
  const selected = await selectEngine(config, taxonomy, logger, {
    wrapModel: (model) => (cachedModel = createCachedEmbedder(model, store)),
  });
  const thresholds = config.thresholds
    ? await loadThresholds(config.thresholds, selected.info.name, selected.info.model)
    : defaultThresholds(selected.info.name, selected.info.model);
  const embedder = cachedModel ? selected.embedder : createCachedEmbedder(selected.embedder, null);
  const cacheable = Boolean(store) && selected.info.name !== 'lexical';
  const classifierOptions = {
    ...SCORING_DEFAULTS[selected.info.name],
    onProgress: (done: number, total: number) => logger.progress('classifying sentences', done, total),
    scoreCache: cacheable ? store : null,
  };
  const classifier = await createClassifier(taxonomy, embedder, classifierOptions);
  // A bad corrections file fails before any input is read.
  const corrections = config.corrections ? await readCorrections(config.corrections, taxonomy.themes.map((t) => t.id)) : null;
  const prepared: PreparedClassifier = {
    taxonomy,
    engine: selected.info,
    thresholds,
    classifier,
    embedder,
    async learn(items, { redact = true } = {}) {
      if (!corrections) return;
      // Text rows are the adviser's own typing: redacted like the input before they become exemplars.
      const resolved = resolveCorrections(corrections, items).map((c) => (redact ? { ...c, text: redactText(c.text) } : c));
      const unmatched = items.length > 0 ? unmatchedTextRows(resolved, items) : [];
      if (unmatched.length > 0) {
        const lines = unmatched.slice(0, 10).map((c) => c.line).join(', ') + (unmatched.length > 10 ? ', …' : '');
        logger.warn(
          `${corrections.source}: ${unmatched.length} text row(s) match no feedback in this run (line${unmatched.length > 1 ? 's' : ''} ${lines}). ` +
            'They still teach the classifier, but correct no item here: copy the text from items.csv unchanged, or use the id column.',
        );
      }
      const lessons = await learnFromCorrections(taxonomy, classifier, thresholds, resolved);
      const added = lessons.taxonomy.themes.reduce((n, t) => n + t.examples.length, 0) - taxonomy.themes.reduce((n, t) => n + t.examples.length, 0);
      const counter = Object.values(lessons.counterExamples).reduce((n, list) => n + list.length, 0);
      logger.info(
        `corrections: ${resolved.length} item(s) take their corrected themes, and teach ${added} exemplar(s) and ${counter} counter-example(s)`,
      );
      prepared.classifier = await createClassifier(lessons.taxonomy, embedder, {
        ...classifierOptions,
        counterExamples: lessons.counterExamples,
        pinned: lessons.pinned,
      });
    },
    // A hit is a distinct text whose vector or theme scores came from the store.
    cacheStats: () => {
      if (!cacheable || !cachedModel) return null;
      const { hits, misses } = (cachedModel as ReturnType<typeof createCachedEmbedder>).stats();
      return { hits: hits + classifier.scoreCacheHits(), misses };
    },
    dispose: async () => {
      logger.progressDone('classifying sentences');
      await selected.embedder.dispose?.();
    },
  };
  return prepared;
}
