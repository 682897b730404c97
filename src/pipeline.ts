// The main job: CSV exports in, report folder out. Each stage is a function over typed records;
// this module only sequences them and owns the side effects around them (locks, store, files).

import path from 'node:path';
import { analyse } from './analyse/index.js';
import { prepareClassifier, type PreparedClassifier } from './classify/prepare.js';
import type { RunConfig } from './config.js';
import { ingestFiles } from './ingest/index.js';
import { writeOutputsAtomically, cleanupStaleTempFiles } from './io/atomic.js';
import { prepareOutFolder, toEnvironmentError } from './io/environment.js';
import { acquireLock, type Lock } from './io/lock.js';
import type { Logger } from './logger.js';
import { finishRejects, loadPseudonymSecret, pseudonymiser, redactFileReports, redactItems, redactNames, redactText, withoutNames } from './redact/index.js';
import { buildOutputs, buildSummary } from './report/index.js';
import { openStore, type Store } from './store/store.js';
import { loadTaxonomy } from './taxonomy/load.js';

export const LOCK_NAME = '.feedback-themes.lock';

export interface RunEffects {
  logger: Logger;
  /** Clock, pinned in tests so outputs are reproducible. */
  now: () => Date;
}

export interface RunOutcome {
  summary: ReturnType<typeof buildSummary>;
  outDir: string;
}

export async function runJob(config: RunConfig, effects: RunEffects): Promise<RunOutcome> {
  try {
    return await runLocked(config, effects);
  } catch (error) {
    throw toEnvironmentError(error, { out: config.out, store: config.store }) ?? error;
  }
}

async function runLocked(config: RunConfig, effects: RunEffects): Promise<RunOutcome> {
  const { logger } = effects;
  const startedAt = effects.now().toISOString();
  const locks: Lock[] = [];
  let store: Store | null = null;
  let prepared: PreparedClassifier | null = null;
  let failed = false;
  try {
    await prepareOutFolder(config.out);
    locks.push(await acquireLock(path.join(config.out, LOCK_NAME), config.out));
    if (config.store) locks.push(await acquireLock(`${config.store}.lock`, config.store));
    await cleanupStaleTempFiles(config.out);

    // Taxonomy, store and engine first: a config mistake or a missing model should fail before
    // minutes of reading.
    const taxonomy = await loadTaxonomy(config.taxonomy);
    if (config.store) store = await openStore(config.store);
    prepared = await prepareClassifier(config, logger, { store, taxonomy });
    const { engine, thresholds } = prepared;

    const ingested = await ingestFiles(
      config.inputs,
      {
        columns: config.columns,
        fileColumns: config.fileColumns,
        delimiter: config.delimiter,
        encoding: config.encoding,
        skipRows: config.skipRows,
        maxTextChars: config.maxTextChars,
        dateOrder: config.dateOrder,
        prepareText: config.redact ? (text, names) => redactNames(redactText(text), names) : undefined,
      },
      logger,
    );
    const pseudonymise = config.redact ? pseudonymiser(await loadPseudonymSecret(config.cacheDir)) : null;
    const items = pseudonymise ? redactItems(ingested.items, { pseudonymise, files: ingested.files }) : withoutNames(ingested.items);
    const rejects = finishRejects(ingested.rejects, config.redact);
    const files = config.redact ? redactFileReports(ingested.files) : ingested.files;
    if (rejects.length > 0) logger.info(`rows that could not be used are listed in ${path.join(config.out, 'rejects.csv')}`);

    logger.info(`classifying ${items.length} item(s) with the ${engine.name} engine${engine.model ? ` (${engine.model})` : ''}`);
    const classified = await prepared.classifier.classify(items, thresholds);
    const cache = prepared.cacheStats();
    if (cache) logger.info(`embedding cache: ${cache.hits} hit(s), ${cache.misses} miss(es)`);

    const previous = store ? await store.previousRun({ taxonomySource: taxonomy.source }) : null;
    const generatedAt = effects.now().toISOString();
    const model = analyse({
      classified,
      taxonomy,
      engine,
      inputs: { files, rejects, dataRows: ingested.dataRows },
      thresholdsSource: thresholds.source,
      previous,
      options: { minGroup: config.minGroup, showIds: config.showIds, generatedAt },
      cache: cache ? { hits: cache.hits, misses: cache.misses } : null,
    });
    const outputs = buildOutputs(model, classified);
    await writeOutputsAtomically(config.out, outputs, { removeStale: ['rejects.csv'] });
    logger.info(`wrote ${outputs.map((o) => o.name).join(', ')} to ${config.out}`);

    if (store) {
      await store.recordRun({
        startedAt,
        finishedAt: effects.now().toISOString(),
        engine,
        taxonomySource: taxonomy.source,
        options: { minGroup: config.minGroup, redact: config.redact, thresholds: thresholds.source, dtype: config.dtype },
        inputs: ingested.files.map((file) => ({ path: file.source, bytes: file.bytes, sha256: file.sha256, rows: file.dataRows })),
        counts: {
          items: model.counts.items,
          segments: model.counts.segments,
          // The store counts people with an id; the report also counts each id-less item as one.
          candidates: model.counts.candidates - model.counts.itemsWithoutCandidate,
          rejectedRows: model.counts.rejectedRows,
        },
        items: classified.map((c) => ({ item: c.item, themes: c.themes.map((t) => ({ themeId: t.themeId, score: t.score })) })),
      });
    }
    return { summary: buildSummary(model), outDir: config.out };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await prepared?.dispose();
    // After a failure (a full disk, say) closing may fail too; the first error is the one to report.
    await store?.close().catch((error: unknown) => {
      if (!failed) throw error;
    });
    for (const lock of locks.reverse()) await lock.release();
  }
}
