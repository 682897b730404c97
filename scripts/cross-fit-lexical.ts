// How well lexical thresholds fitted on one labelled set carry over to another: fits per-theme
// thresholds (`calibrate`) on each set in turn and reports micro/macro-F1 on the other, next to
// the defaults. A fit that only helps the set it was fitted on is over-fitting.
//
//   tsx scripts/cross-fit-lexical.ts data/eval/dev.csv data/eval/dev2.csv [--shrink 0.5]

import { parseArgs } from 'node:util';
import { createClassifier } from '../src/classify/classifier.js';
import { readGold, scoreGold } from '../src/classify/evaluate.js';
import { lexicalEmbedderFor } from '../src/classify/lexical.js';
import { calibrate, defaultThresholds } from '../src/classify/thresholds.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { Thresholds } from '../src/types.js';
import { ENGINE_PROFILES } from '../src/classify/profiles.js';

const USAGE = 'usage: tsx scripts/cross-fit-lexical.ts <a.csv> <b.csv> [--shrink 0..1]';
const { values: flags, positionals: paths } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { shrink: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
// 0: keep the fitted per-theme thresholds; 1: ignore them (the defaults).
const shrink = flags.shrink === undefined ? 0.5 : Number(flags.shrink);
if (paths.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}

const taxonomy = await loadTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);
const classifier = await createClassifier(taxonomy, lexicalEmbedderFor(taxonomy), ENGINE_PROFILES.lexical.scoring);
const sets = await Promise.all(paths.map(async (path) => ({ path, ...(await scoreGold(classifier, await readGold(path, ids), ids)) })));
const base = defaultThresholds('lexical', null);
const shrunk = (fitted: Thresholds): Thresholds => ({
  ...fitted,
  perTheme: Object.fromEntries(Object.entries(fitted.perTheme).map(([id, v]) => [id, v + (themeFloor(base, id) - v) * shrink])),
});
const themeFloor = (t: Thresholds, id: string) => Math.max(t.floor, t.perTheme[id] ?? t.floor);

for (const [from, to] of [
  [sets[0]!, sets[1]!],
  [sets[1]!, sets[0]!],
] as const) {
  const fitted = shrunk(calibrate(from.scored, from.labels, taxonomy, base));
  const before = to.measure(base);
  const after = to.measure(fitted);
  const self = from.measure(fitted);
  console.log(
    `fit on ${from.path} (self micro ${self.microF1.toFixed(3)}) → ${to.path}: micro ${before.microF1.toFixed(3)} → ${after.microF1.toFixed(3)}, ` +
      `macro ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)}`,
  );
  console.log(`  ${ids.map((id) => `${id} ${themeFloor(fitted, id).toFixed(2)}`).join(', ')}`);
}
