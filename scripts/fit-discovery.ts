// How well emerging-theme discovery finds a theme the taxonomy does not have: each theme in turn is
// removed from the taxonomy, the labelled sets are classified without it by the engine the flags
// choose (as `run` would), and discovery runs over what is left unexplained. For each weak band and
// cut-off it prints, averaged over themes, the purity of the cluster that holds most of the removed
// theme's items (share of its items that carry that label) and the recall (share of the removed
// theme's items in it); and, with the whole taxonomy, the false alarms: groups shown when no theme
// is missing. Fit on the development sets only; test.csv may be measured, never used to choose.
//
//   tsx scripts/fit-discovery.ts [--engine E --model M …] data/eval/dev.csv data/eval/dev2.csv
//     [--bands 0.02,0.04] [--cutoffs 0.7,0.75,0.8] [--detail]

import { parseArgs } from 'node:util';
import { readGoldFiles } from '../src/classify/evaluate.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import { ENGINE_PROFILES } from '../src/classify/profiles.js';
import { discoverEmerging } from '../src/discover/index.js';
import { createLogger } from '../src/logger.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { FeedbackItem, Taxonomy } from '../src/types.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';
import { feedbackItem } from '../support/feedback-item.js';

const { values: flags, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: { ...ENGINE_FLAGS, cutoffs: { type: 'string' }, bands: { type: 'string' }, detail: { type: 'boolean' } },
});
const config = engineConfigFrom(flags);
const logger = createLogger({ quiet: true });
const full = await loadTaxonomy(config.taxonomy);
const ids = full.themes.map((t) => t.id);
const gold = await readGoldFiles(paths, ids);
// Each labelled item is its own candidate, so the minimum of 3 candidates is the minimum of 3 items.
const items: FeedbackItem[] = gold.map((g, i) =>
  feedbackItem({ id: `g${i}`, candidate: `c${i}`, text: g.text, source: 'gold', line: i + 2 }),
);
const labelOf = new Map(items.map((item, i) => [item.id, gold[i]!.themes]));
const numbers = (text: string | undefined) => text?.split(',').map(Number);

interface Outcome {
  removed: string;
  clusters: number;
  id: string;
  items: number;
  purity: number;
  recall: number;
}
interface Cell {
  band: number;
  cutoff: number;
  outcomes: Outcome[];
  falseAlarms: { clusters: number; items: number };
}
const cells = new Map<string, Cell>();
let engineName = '';

/** Classifies with `taxonomy` and runs discovery for every cell of the grid. */
async function eachCell(taxonomy: Taxonomy, visit: (cell: Cell, found: Awaited<ReturnType<typeof discoverEmerging>>) => void) {
  const prepared = await prepareClassifier(config, logger, { taxonomy });
  engineName = prepared.engine.name;
  const bands = numbers(flags.bands) ?? [ENGINE_PROFILES[prepared.engine.name].discovery.weakBand];
  const base = ENGINE_PROFILES[prepared.engine.name].discovery.maxDistance;
  const cutoffs = numbers(flags.cutoffs) ?? [-0.04, -0.02, 0, 0.02, 0.04].map((d) => Math.round((base + d) * 100) / 100);
  const classified = await prepared.classifier.classify(items, prepared.thresholds);
  for (const band of bands) {
    for (const cutoff of cutoffs) {
      const key = `${band}/${cutoff}`;
      if (!cells.has(key)) cells.set(key, { band, cutoff, outcomes: [], falseAlarms: { clusters: 0, items: 0 } });
      visit(
        cells.get(key)!,
        await discoverEmerging(classified, taxonomy, prepared.thresholds, prepared.embedder, { maxDistance: cutoff, weakBand: band }),
      );
    }
  }
  await prepared.dispose();
}

await eachCell(full, (cell, { emerging, byItem }) => {
  cell.falseAlarms = { clusters: emerging.length, items: byItem.size };
});
for (const removed of ids.filter((id) => id !== 'uninformative')) {
  const positives = items.filter((item) => labelOf.get(item.id)!.includes(removed)).length;
  await eachCell({ ...full, themes: full.themes.filter((t) => t.id !== removed) }, (cell, { emerging, byItem }) => {
    let best: Outcome = { removed, clusters: emerging.length, id: '-', purity: 0, recall: 0, items: 0 };
    for (const cluster of emerging) {
      const members = [...byItem].filter(([, clusters]) => clusters.includes(cluster.id)).map(([id]) => id);
      const hits = members.filter((id) => labelOf.get(id)!.includes(removed)).length;
      if (hits / positives > best.recall)
        best = { ...best, id: cluster.id, purity: hits / members.length, recall: hits / positives, items: members.length };
    }
    cell.outcomes.push(best);
  });
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
console.log(`${paths.join(' + ')}: ${engineName} engine, ${gold.length} items`);
for (const { band, cutoff, outcomes, falseAlarms } of cells.values()) {
  const found = outcomes.filter((row) => row.items > 0);
  console.log(
    `band ${band.toFixed(2)} cut-off ${cutoff.toFixed(2)}: came back ${found.length}/${outcomes.length}; ` +
      `purity ${mean(found.map((r) => r.purity)).toFixed(3)} over those (${mean(outcomes.map((r) => r.purity)).toFixed(3)} counting misses as 0); ` +
      `recall ${mean(outcomes.map((r) => r.recall)).toFixed(3)}; groups per run ${mean(outcomes.map((r) => r.clusters)).toFixed(1)}; ` +
      `nothing missing: ${falseAlarms.clusters} group(s), ${falseAlarms.items} item(s)`,
  );
  if (flags.detail) {
    for (const r of outcomes) {
      console.log(
        `  ${r.removed.padEnd(15)} groups ${String(r.clusters).padStart(2)}  best ${r.id.padEnd(3)} items ${String(r.items).padStart(3)}  purity ${r.purity.toFixed(2)}  recall ${r.recall.toFixed(2)}`,
      );
    }
  }
}
