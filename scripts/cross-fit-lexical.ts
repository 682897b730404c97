// How well lexical thresholds fitted on one labelled set carry over to another: fits per-theme
// thresholds (`calibrate`) on each set in turn and reports micro/macro-F1 on the other, next to
// the defaults. A fit that only helps the set it was fitted on is over-fitting.
//
//   tsx scripts/cross-fit-lexical.ts data/eval/dev.csv data/eval/dev2.csv [--shrink 0.5]

import { createClassifier } from '../src/classify/classifier.js';
import type { ScoredItem } from '../src/classify/units.js';
import { evaluateAssignments, readGold } from '../src/classify/evaluate.js';
import { createLexicalEmbedder } from '../src/classify/lexical.js';
import { calibrate, defaultThresholds } from '../src/classify/thresholds.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { Thresholds } from '../src/types.js';

const args = process.argv.slice(2);
const shrinkAt = args.indexOf('--shrink');
// 0: keep the fitted per-theme thresholds; 1: ignore them (the defaults).
const shrink = shrinkAt >= 0 ? Number(args[shrinkAt + 1]) : 0.5;
const paths = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--shrink'));
if (paths.length !== 2) {
  console.error('usage: tsx scripts/cross-fit-lexical.ts <a.csv> <b.csv> [--shrink 0..1]');
  process.exit(2);
}

const taxonomy = await loadTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);
const classifier = await createClassifier(taxonomy, createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) }));
const sets = await Promise.all(
  paths.map(async (path) => {
    const gold = await readGold(path, ids);
    const scored = await classifier.score(gold.map((g, i) => ({ id: String(i), text: g.text })));
    return { path, gold: gold.map((g) => g.themes), scored };
  }),
);
const base = defaultThresholds('lexical', null);
const measure = (scored: ScoredItem[], gold: string[][], t: Thresholds) =>
  evaluateAssignments(classifier.assign(scored, t).map((a) => a.themes.map((x) => x.themeId)), gold, ids);
const shrunk = (fitted: Thresholds): Thresholds => ({
  ...fitted,
  perTheme: Object.fromEntries(Object.entries(fitted.perTheme).map(([id, v]) => [id, v + (themeFloor(base, id) - v) * shrink])),
});
const themeFloor = (t: Thresholds, id: string) => Math.max(t.floor, t.perTheme[id] ?? t.floor);

for (const [from, to] of [[sets[0]!, sets[1]!], [sets[1]!, sets[0]!]] as const) {
  const fitted = shrunk(calibrate(from.scored, from.gold, taxonomy, base));
  const before = measure(to.scored, to.gold, base);
  const after = measure(to.scored, to.gold, fitted);
  const self = measure(from.scored, from.gold, fitted);
  console.log(
    `fit on ${from.path} (self micro ${self.microF1.toFixed(3)}) → ${to.path}: micro ${before.microF1.toFixed(3)} → ${after.microF1.toFixed(3)}, ` +
      `macro ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)}`,
  );
  console.log(`  ${ids.map((id) => `${id} ${themeFloor(fitted, id).toFixed(2)}`).join(', ')}`);
}
