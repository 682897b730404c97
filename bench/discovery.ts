// What discovery adds to a cold default run: the rows are classified once in this process (hybrid
// engine, real model, no store, as a first run), then discovery alone is timed over them, each
// time cold (no store: the unexplained sentences and the exemplars are embedded again). The
// median is reported against the cold whole run's median from the same bench.

import { performance } from 'node:perf_hooks';
import { prepareClassifier } from '../src/classify/prepare.js';
import { ENGINE_PROFILES } from '../src/classify/profiles.js';
import { resolveEngineConfig } from '../src/config.js';
import { discoverEmerging } from '../src/discover/index.js';
import { createLogger } from '../src/logger.js';
import type { OptionSpec } from '../src/options.js';
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
  const prepared = await prepareClassifier(config, createLogger({ quiet: true }));
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
  }
}
