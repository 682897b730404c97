// The classifier set-up shared by `run`, `classify` and `evaluate`: taxonomy, engine (with its
// fallback), thresholds for that engine, and the embedding cache when a store is open.

import type { EngineConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createCachedEmbedder, type CacheStats } from '../store/cached-embedder.js';
import type { Store } from '../store/store.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import type { EngineInfo, Taxonomy, Thresholds } from '../types.js';
import { createClassifier, type Classifier } from './assign.js';
import { selectEngine } from './engine.js';
import { defaultThresholds, loadThresholds } from './thresholds.js';

export interface PreparedClassifier {
  taxonomy: Taxonomy;
  engine: EngineInfo;
  thresholds: Thresholds;
  classifier: Classifier;
  cacheStats(): CacheStats;
  dispose(): Promise<void>;
}

export async function prepareClassifier(
  config: EngineConfig,
  logger: Logger,
  options: { store?: Store | null; taxonomy?: Taxonomy } = {},
): Promise<PreparedClassifier> {
  const taxonomy = options.taxonomy ?? (await loadTaxonomy(config.taxonomy));
  const selected = await selectEngine(config, taxonomy, logger, (done, total) => logger.progress('embedding', done, total));
  const thresholds = config.thresholds
    ? await loadThresholds(config.thresholds, selected.info.name, selected.info.model)
    : defaultThresholds(selected.info.name, selected.info.model);
  const embedder = createCachedEmbedder(selected.embedder, options.store ?? null);
  const classifier = await createClassifier(taxonomy, embedder);
  return {
    taxonomy,
    engine: selected.info,
    thresholds,
    classifier,
    cacheStats: () => embedder.stats(),
    dispose: async () => {
      logger.progressDone('embedding');
      await selected.embedder.dispose?.();
    },
  };
}
