// How well emerging-theme discovery finds a theme the taxonomy does not have: each theme in turn is
// removed from the taxonomy, the labelled sets are classified without it, and discovery runs over
// what is left unexplained. For each cut-off it prints, averaged over themes, the purity of the
// cluster that holds most of the removed theme's items (share of its items that carry that label)
// and the recall (share of the removed theme's items in it). Fit on the development sets only;
// test.csv may be measured, never used to choose.
//
//   tsx scripts/fit-discovery.ts data/eval/dev.csv data/eval/dev2.csv [--cutoffs 0.7,0.75,0.8]

import { createClassifier } from '../src/classify/classifier.js';
import { readGold } from '../src/classify/evaluate.js';
import { createLexicalEmbedder } from '../src/classify/lexical.js';
import { defaultThresholds } from '../src/classify/thresholds.js';
import { discoverEmerging } from '../src/discover/index.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { FeedbackItem } from '../src/types.js';

const args = process.argv.slice(2);
const cutoffArg = args.indexOf('--cutoffs');
const cutoffs = cutoffArg >= 0 ? args[cutoffArg + 1]!.split(',').map(Number) : [0.7, 0.75, 0.8, 0.85, 0.9];
const paths = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--cutoffs'));
const full = await loadTaxonomy();
const ids = full.themes.map((t) => t.id);
const gold = (await Promise.all(paths.map((p) => readGold(p, ids)))).flat();
const items: FeedbackItem[] = gold.map((g, i) => ({
  id: `g${i}`, candidate: null, cohort: null, stage: null, employer: null, role: null, date: null, text: g.text, source: 'gold', line: i + 2,
}));
const labelOf = new Map(items.map((item, i) => [item.id, gold[i]!.themes]));

for (const cutoff of cutoffs) {
  let puritySum = 0;
  let recallSum = 0;
  let themes = 0;
  let found = 0;
  const rows: string[] = [];
  for (const removed of ids.filter((id) => id !== 'uninformative')) {
    const taxonomy = { ...full, themes: full.themes.filter((t) => t.id !== removed) };
    const embedder = createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
    const classifier = await createClassifier(taxonomy, embedder, {});
    const thresholds = defaultThresholds('lexical', null);
    const classified = await classifier.classify(items, thresholds);
    const { emerging, byItem } = await discoverEmerging(classified, taxonomy, thresholds, embedder, { maxDistance: cutoff });
    const positives = items.filter((item) => labelOf.get(item.id)!.includes(removed)).length;
    let best = { id: '-', purity: 0, recall: 0, items: 0 };
    for (const cluster of emerging) {
      const members = [...byItem].filter(([, clusters]) => clusters.includes(cluster.id)).map(([id]) => id);
      const hits = members.filter((id) => labelOf.get(id)!.includes(removed)).length;
      if (hits / positives > best.recall) best = { id: cluster.id, purity: hits / members.length, recall: hits / positives, items: members.length };
    }
    if (best.items > 0) found++;
    puritySum += best.purity;
    recallSum += best.recall;
    themes++;
    rows.push(`  ${removed.padEnd(15)} clusters ${String(emerging.length).padStart(2)}  best ${best.id.padEnd(3)} items ${String(best.items).padStart(3)}  purity ${best.purity.toFixed(2)}  recall ${best.recall.toFixed(2)}`);
  }
  console.log(
    `cut-off ${cutoff.toFixed(2)}: came back ${found}/${themes}; purity ${(puritySum / Math.max(1, found)).toFixed(3)} over those ` +
      `(${(puritySum / themes).toFixed(3)} counting misses as 0); recall ${(recallSum / themes).toFixed(3)}`,
  );
  if (args.includes('--detail')) console.log(rows.join('\n'));
}
