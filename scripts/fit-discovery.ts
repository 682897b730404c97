// How well emerging-theme discovery finds a theme the taxonomy does not have: each theme in turn is
// removed from the taxonomy, the labelled sets are classified without it by the engine the flags
// choose (as `run` would), and discovery runs over what is left unexplained. For each setting it
// prints, per removed theme, the group holding most of its items: recall (share of the theme's
// items in it) and purity (share of its items that carry the theme); how many themes come back
// with recall ≥ 0.4 and purity ≥ 0.6; and, with the whole taxonomy, the false alarms: groups shown
// when no theme is missing. Fit on the development sets only; test.csv may be measured, never used
// to choose. Vectors and scores are kept in --vector-cache between runs.
//
//   tsx scripts/fit-discovery.ts [--engine E --model M …] data/eval/dev.csv data/eval/dev2.csv
//     [--bands 0.07] [--neighbours 10,15] [--resolutions 0.8,1] [--core 0,0.3]
//     [--novelty -0.015,-0.008]
//     [--cutoffs 0.8 (lexical)] [--vector-cache /tmp/fit-discovery.json] [--detail]

import { parseArgs } from 'node:util';
import { readGoldFiles } from '../src/classify/evaluate.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import { ENGINE_PROFILES, type DiscoveryProfile } from '../src/classify/profiles.js';
import { discoverEmerging, type DiscoverOptions } from '../src/discover/index.js';
import { createLogger } from '../src/logger.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { FeedbackItem, Taxonomy } from '../src/types.js';
import { feedbackItem } from '../support/feedback-item.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';
import { fileVectorCache } from './lib/file-vector-cache.js';

const { values: flags, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: {
    ...ENGINE_FLAGS,
    bands: { type: 'string' },
    neighbours: { type: 'string' },
    resolutions: { type: 'string' },
    core: { type: 'string' },
    novelty: { type: 'string' },
    cutoffs: { type: 'string' },
    'vector-cache': { type: 'string' },
    detail: { type: 'boolean' },
  },
});
const config = engineConfigFrom(flags);
const logger = createLogger({ quiet: true });
const store = await fileVectorCache(flags['vector-cache'] ?? '/tmp/fit-discovery-vectors.json');
const full = await loadTaxonomy(config.taxonomy);
const ids = full.themes.map((t) => t.id);
const gold = await readGoldFiles(paths, ids);
// Each labelled item is its own candidate, so the minimum of 3 candidates is the minimum of 3 items.
const items: FeedbackItem[] = gold.map((g, i) =>
  feedbackItem({ id: `g${i}`, candidate: `c${i}`, text: g.text, source: 'gold', line: i + 2 }),
);
const labelOf = new Map(items.map((item, i) => [item.id, gold[i]!.themes]));
const numbers = (text: string | undefined, fallback: number) => text?.split(',').map(Number) ?? [fallback];
/** Every setting the flags name around the engine's profile: cut-offs for average linkage, the rest for neighbourhoods. */
function grid(profile: DiscoveryProfile, band: number): DiscoverOptions[] {
  const g = profile.grouping;
  if (!g) return numbers(flags.cutoffs, profile.maxDistance).map((maxDistance) => ({ ...profile, weakBand: band, maxDistance }));
  return numbers(flags.neighbours, g.neighbours).flatMap((neighbours) =>
    numbers(flags.resolutions, g.resolution).flatMap((resolution) =>
      numbers(flags.core, g.coreShare).flatMap((coreShare) =>
        numbers(flags.novelty, g.minNovelty).map((minNovelty) => ({
          ...profile,
          weakBand: band,
          grouping: { neighbours, resolution, coreShare, minNovelty },
        })),
      ),
    ),
  );
}

interface Outcome {
  removed: string;
  groups: number;
  id: string;
  items: number;
  purity: number;
  recall: number;
}
interface Cell {
  name: string;
  outcomes: Outcome[];
  falseAlarms: { groups: number; items: number; labels: string[] };
}
const cells = new Map<string, Cell>();
let engineName = '';

/** Classifies with `taxonomy` and runs discovery for every cell of the grid. */
async function eachCell(taxonomy: Taxonomy, visit: (cell: Cell, found: Awaited<ReturnType<typeof discoverEmerging>>) => void) {
  const prepared = await prepareClassifier(config, logger, { taxonomy, store });
  engineName = prepared.engine.name;
  const classified = await prepared.classifier.classify(items, prepared.thresholds);
  const profile = ENGINE_PROFILES[prepared.engine.name].discovery;
  for (const band of numbers(flags.bands, profile.weakBand)) {
    for (const options of grid(profile, band)) {
      const g = options.grouping;
      const name = g
        ? `band ${band} k ${g.neighbours} resolution ${g.resolution} core ${g.coreShare} novelty ${g.minNovelty}`
        : `band ${band} cut-off ${options.maxDistance}`;
      if (!cells.has(name)) cells.set(name, { name, outcomes: [], falseAlarms: { groups: 0, items: 0, labels: [] } });
      visit(cells.get(name)!, await discoverEmerging(classified, taxonomy, prepared.thresholds, prepared.discoveryEmbedder, options));
    }
  }
  await prepared.dispose();
}

await eachCell(full, (cell, { emerging, byItem }) => {
  cell.falseAlarms = { groups: emerging.length, items: byItem.size, labels: emerging.map((e) => e.label) };
});
for (const removed of ids.filter((id) => id !== 'uninformative')) {
  const positives = items.filter((item) => labelOf.get(item.id)!.includes(removed)).length;
  await eachCell({ ...full, themes: full.themes.filter((t) => t.id !== removed) }, (cell, { emerging, byItem }) => {
    let best: Outcome = { removed, groups: emerging.length, id: '-', purity: 0, recall: 0, items: 0 };
    for (const cluster of emerging) {
      const members = [...byItem].filter(([, clusters]) => clusters.includes(cluster.id)).map(([id]) => id);
      const hits = members.filter((id) => labelOf.get(id)!.includes(removed)).length;
      if (hits / positives > best.recall)
        best = {
          ...best,
          id: `${cluster.id} ${cluster.label}`,
          purity: hits / members.length,
          recall: hits / positives,
          items: members.length,
        };
    }
    cell.outcomes.push(best);
  });
}
await store.save();

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
console.log(`${paths.join(' + ')}: ${engineName} engine, ${gold.length} items`);
for (const { name, outcomes, falseAlarms } of cells.values()) {
  const back = outcomes.filter((row) => row.recall >= 0.4 && row.purity >= 0.6);
  console.log(
    `${name}: back ${back.length}/${outcomes.length} (recall ≥ 0.4, purity ≥ 0.6); ` +
      `mean recall ${mean(outcomes.map((r) => r.recall)).toFixed(3)}, purity ${mean(outcomes.filter((r) => r.items > 0).map((r) => r.purity)).toFixed(3)}; ` +
      `groups per run ${mean(outcomes.map((r) => r.groups)).toFixed(1)}; nothing missing: ${falseAlarms.groups} group(s), ${falseAlarms.items} item(s)`,
  );
  if (flags.detail) {
    if (falseAlarms.labels.length > 0) console.log(`  nothing missing: ${falseAlarms.labels.join(' | ')}`);
    for (const r of outcomes) {
      console.log(
        `  ${r.removed.padEnd(15)} groups ${String(r.groups).padStart(2)}  items ${String(r.items).padStart(3)}  purity ${r.purity.toFixed(2)}  recall ${r.recall.toFixed(2)}  ${r.id}`,
      );
    }
  }
}
