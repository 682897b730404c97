// Per-theme precision/recall/F1 of the lexical engine on a labelled CSV, for iterating on the
// lexical resources. `--grid` prints micro-F1 over a grid of floors and margins and `--fit` uses the
// best cell (the procedure behind the lexical profile in src/classify/profiles.ts); run them on the
// development sets only (dev.csv, dev2.csv), never on the held-out test.csv.
//
//   tsx scripts/eval-lexical.ts data/eval/dev.csv [data/eval/dev2.csv] [--grid] [--fit] [--topk 3] [--errors] [--taxonomy FILE]

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createClassifier } from '../src/classify/classifier.js';
import { readGoldFiles, scoreGold, type EvaluationReport } from '../src/classify/evaluate.js';
import { lexicalEmbedderFor } from '../src/classify/lexical.js';
import { defaultThresholds } from '../src/classify/thresholds.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import { ENGINE_PROFILES } from '../src/classify/profiles.js';

const USAGE =
  'usage: tsx scripts/eval-lexical.ts <gold.csv>... [--grid] [--fit] [--floor F] [--margin M] [--topk N] [--centroid W] [--errors] [--taxonomy FILE]';
const { values: flags, positionals: goldPaths } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        grid: { type: 'boolean' },
        fit: { type: 'boolean' },
        errors: { type: 'boolean' },
        floor: { type: 'string' },
        margin: { type: 'string' },
        topk: { type: 'string' },
        centroid: { type: 'string' },
        taxonomy: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
// Several gold files are pooled.
if (goldPaths.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
const goldPath = goldPaths.join(' + ');

const taxonomy = await loadTaxonomy(flags.taxonomy);
const themeIds = taxonomy.themes.map((t) => t.id);
const gold = await readGoldFiles(goldPaths, themeIds);
const classifier = await createClassifier(taxonomy, lexicalEmbedderFor(taxonomy), {
  topK: Number(flags.topk ?? ENGINE_PROFILES.lexical.scoring.topK),
  centroidWeight: flags.centroid === undefined ? ENGINE_PROFILES.lexical.scoring.centroidWeight : Number(flags.centroid),
});
const started = performance.now();
const evaluation = await scoreGold(classifier, gold, themeIds);
const seconds = (performance.now() - started) / 1000;
const { scored, predict } = evaluation;
const segments = scored.reduce((n, s) => n + s.segments.length, 0);

let thresholds = defaultThresholds('lexical', null);
if (flags.floor !== undefined) thresholds = { ...thresholds, floor: Number(flags.floor) };
if (flags.margin !== undefined) thresholds = { ...thresholds, margin: Number(flags.margin) };
if (flags.grid) {
  const margins = [0, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08, 0.1];
  console.log(`floor \\ margin ${margins.map((m) => m.toFixed(2)).join('  ')}`);
  for (let floor = 0.1; floor <= 0.3001; floor += 0.02) {
    const row = margins.map((margin) => evaluation.measure({ ...thresholds, floor, margin }).microF1.toFixed(3));
    console.log(`${floor.toFixed(2).padEnd(15)} ${row.join(' ')}`);
  }
}
if (flags.fit) {
  let best = { micro: -1, floor: 0, margin: 0 };
  for (let floor = 0.05; floor <= 0.5001; floor += 0.01) {
    for (let margin = 0; margin <= 0.3001; margin += 0.01) {
      const micro = evaluation.measure({ ...thresholds, floor, margin }).microF1;
      if (micro > best.micro + 1e-9) best = { micro, floor, margin };
    }
  }
  console.log(`fitted: floor ${best.floor.toFixed(2)} margin ${best.margin.toFixed(2)} (micro-F1 ${best.micro.toFixed(3)})`);
  thresholds = { ...thresholds, floor: best.floor, margin: best.margin };
}

const report = evaluation.measure(thresholds);
console.log(
  `${goldPath}: ${report.items} items, ${segments} segments scored in ${seconds.toFixed(2)} s; floor ${thresholds.floor.toFixed(2)} margin ${thresholds.margin.toFixed(2)}`,
);
printReport(report);

if (flags.errors) {
  const predicted = predict(thresholds);
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    if (p.slice().sort().join('|') === g.themes.slice().sort().join('|')) return;
    const top = scored[i]!.segments.map((s) =>
      s.scores
        .map((score, t) => ({ id: themeIds[t]!, score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((x) => `${x.id}:${x.score.toFixed(2)}`)
        .join(' '),
    );
    console.log(`\nline ${g.line}: ${g.text}\n  gold ${g.themes.join('|')}  predicted ${p.join('|') || '-'}\n  ${top.join('\n  ')}`);
  });
}

function printReport(r: EvaluationReport) {
  console.log('theme            precision recall  f1     support predicted');
  for (const t of r.themes) {
    console.log(
      `${t.id.padEnd(16)} ${t.precision.toFixed(3).padStart(9)} ${t.recall.toFixed(3).padStart(6)}  ${t.f1.toFixed(3)}  ${String(t.support).padStart(7)} ${String(t.predicted).padStart(9)}`,
    );
  }
  console.log(
    `micro P ${r.microPrecision.toFixed(3)} R ${r.microRecall.toFixed(3)} F1 ${r.microF1.toFixed(3)}   macro-F1 ${r.macroF1.toFixed(3)}`,
  );
}
