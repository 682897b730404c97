// What discovery adds to a cold default run: the rows are classified once in this process (hybrid
// engine, real model, a new empty store, as a user's first run), then discovery alone is timed
// over them. As in that run, the sentences it groups were embedded while classifying and their
// model vectors are in the store; every round re-reads them from there. The median is reported
// against the cold whole run's median from the same bench.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareClassifier } from '../src/classify/prepare.js';
import { ENGINE_PROFILES } from '../src/classify/profiles.js';
import { resolveEngineConfig } from '../src/config.js';
import { discoverEmerging } from '../src/discover/index.js';
import { createLogger } from '../src/logger.js';
import type { OptionSpec } from '../src/options.js';
import { openStore } from '../src/store/store.js';
import { feedbackItem } from '../support/feedback-item.js';
import { median, type BenchDtype } from './args.js';
import { syntheticRows } from './generate.js';

export interface DiscoveryResults {
  rows: number;
  medianSeconds: number;
  groups: number;
}

export async function benchDiscovery(
  rows: number,
  repeats: number,
  modelDir: string,
  dtype: BenchDtype,
  log: (m: string) => void,
): Promise<DiscoveryResults> {
  const config = resolveEngineConfig({ model: modelDir, offline: true, dtype } as OptionSpec);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'feedback-themes-discovery-'));
  const store = await openStore(path.join(scratch, 'bench.duckdb'));
  const prepared = await prepareClassifier(config, createLogger({ quiet: true }), { store });
  try {
    const items = [...syntheticRows(rows)].map((row, i) =>
      feedbackItem({ id: row.id, candidate: row.candidate, text: row.feedback, source: 'bench.csv', line: i + 2 }),
    );
    const classified = await prepared.classifier.classify(items, prepared.thresholds);
    const seconds: number[] = [];
    let groups = 0;
    for (let round = 1; round <= repeats; round++) {
      const started = performance.now();
      const { emerging } = await discoverEmerging(
        classified,
        prepared.taxonomy,
        prepared.thresholds,
        prepared.discoveryEmbedder,
        ENGINE_PROFILES[prepared.engine.name].discovery,
      );
      seconds.push((performance.now() - started) / 1000);
      groups = emerging.length;
      log(`discovery round ${round}/${repeats}: ${seconds.at(-1)!.toFixed(2)} s, ${groups} group(s)`);
    }
    return { rows, medianSeconds: median(seconds), groups };
  } finally {
    await prepared.dispose();
    await store.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
