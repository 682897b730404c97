// Fits an engine's scoring settings on labelled development sets and prints micro-F1 over a grid:
// neural share (hybrid), top-k, centroid weight, floor and margin. Run it on dev sets only; report
// the held-out set once, with the chosen settings, via `--floor/--margin/...` and a single file.
//
//   tsx scripts/fit-engine.ts --engine hybrid|transformers|lexical [--dtype q8] [--cache-dir DIR] data/eval/dev.csv data/eval/dev2.csv
//     [--shares 0.3,0.5] [--topks 1,3] [--centroids 0,0.4] [--floor F --margin M --share S --topk K --centroid C] [--errors]

import { parseArgs } from 'node:util';
import { createCachedEmbedder, memoryVectorCache } from '../src/classify/cache.js';
import { createClassifier } from '../src/classify/classifier.js';
import { readGoldFiles, scoreGold } from '../src/classify/evaluate.js';
import { createHybridEmbedder } from '../src/classify/hybrid.js';
import { lexicalEmbedderFor } from '../src/classify/lexical.js';
import { DEFAULT_MODEL, defaultCacheDir } from '../src/models/catalog.js';
import { defaultThresholds } from '../src/classify/thresholds.js';
import { createTransformersEmbedder } from '../src/models/transformers.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { EngineName } from '../src/types.js';

const text = { type: 'string' } as const;
const { values: flags, positionals: goldPaths } = parseArgs({
  allowPositionals: true,
  options: {
    engine: text,
    dtype: text,
    'cache-dir': text,
    model: text,
    taxonomy: text,
    shares: text,
    topks: text,
    centroids: text,
    floor: text,
    margin: text,
    share: text,
    topk: text,
    centroid: text,
    errors: { type: 'boolean' },
  },
});
const option = (name: keyof typeof flags) => flags[name] as string | undefined;
const list = (name: keyof typeof flags, fallback: number[]) => option(name)?.split(',').map(Number) ?? fallback;
const engine = (option('engine') ?? 'hybrid') as EngineName;

const taxonomy = await loadTaxonomy(option('taxonomy'));
const themeIds = taxonomy.themes.map((t) => t.id);
const gold = await readGoldFiles(goldPaths, themeIds);

const lexical = lexicalEmbedderFor(taxonomy);
// Vectors kept in memory, so every cell of the grid embeds each text once.
const neural =
  engine === 'lexical'
    ? null
    : createCachedEmbedder(
        await createTransformersEmbedder({
          model: option('model') ?? DEFAULT_MODEL,
          cacheDir: option('cache-dir') ?? defaultCacheDir(),
          offline: true,
          dtype: (option('dtype') ?? 'fp32') as 'fp32' | 'q8',
        }),
        memoryVectorCache(),
      );

const single = option('floor') !== undefined;
const shares = engine === 'hybrid' ? (option('share') ? [Number(option('share'))] : list('shares', [0.3, 0.4, 0.5, 0.6, 0.7])) : [0];
const topKs = option('topk') ? [Number(option('topk'))] : list('topks', [1, 2, 3, 5]);
const centroids = option('centroid') ? [Number(option('centroid'))] : list('centroids', [0, 0.2, 0.4]);
const base = defaultThresholds(engine, engine === 'lexical' ? null : DEFAULT_MODEL);

interface Cell {
  share: number;
  topK: number;
  centroid: number;
  floor: number;
  margin: number;
  micro: number;
  macro: number;
}
const cells: Cell[] = [];
for (const share of shares) {
  const embedder = engine === 'hybrid' ? createHybridEmbedder(neural!, lexical, share) : engine === 'lexical' ? lexical : neural!;
  for (const topK of topKs) {
    for (const centroid of centroids) {
      const classifier = await createClassifier(taxonomy, embedder, { topK, centroidWeight: centroid });
      const evaluation = await scoreGold(classifier, gold, themeIds);
      const floors = single ? [Number(option('floor'))] : range(0.2, 0.48, 0.01);
      const margins = single ? [Number(option('margin') ?? base.margin)] : range(0, 0.05, 0.01);
      for (const floor of floors) {
        for (const margin of margins) {
          const predicted = evaluation.predict({ ...base, floor, margin });
          const report = evaluation.measure({ ...base, floor, margin });
          cells.push({ share, topK, centroid, floor, margin, micro: report.microF1, macro: report.macroF1 });
          if (single) {
            console.log(
              `${goldPaths.join(' + ')}: ${engine} share ${share} topK ${topK} centroid ${centroid} floor ${floor} margin ${margin}`,
            );
            console.log(
              `micro P ${report.microPrecision.toFixed(3)} R ${report.microRecall.toFixed(3)} F1 ${report.microF1.toFixed(3)}  macro-F1 ${report.macroF1.toFixed(3)}`,
            );
            for (const t of report.themes)
              console.log(`  ${t.id.padEnd(15)} P ${t.precision.toFixed(2)} R ${t.recall.toFixed(2)} F1 ${t.f1.toFixed(2)} n ${t.support}`);
            if (flags.errors) {
              gold.forEach((g, i) => {
                const p = predicted[i]!;
                if (p.slice().sort().join('|') !== g.themes.slice().sort().join('|'))
                  console.log(`ERR gold ${g.themes.join('|')} got ${p.join('|') || '-'}: ${g.text.slice(0, 160)}`);
              });
            }
          }
        }
      }
    }
  }
}
if (!single) {
  cells.sort((a, b) => b.micro - a.micro);
  console.log(`${goldPaths.join(' + ')}: ${gold.length} items, ${engine}; best cells:`);
  for (const c of cells.slice(0, 15)) console.log(fmt(c));
  // A setting whose neighbourhood is good too is safer than the single best cell.
  const smooth = cells.map((c) => {
    const near = cells.filter(
      (d) =>
        d.share === c.share &&
        d.topK === c.topK &&
        d.centroid === c.centroid &&
        Math.abs(d.floor - c.floor) <= 0.021 &&
        Math.abs(d.margin - c.margin) <= 0.021,
    );
    return { ...c, neighbourhood: near.reduce((s, d) => s + d.micro, 0) / near.length };
  });
  smooth.sort((a, b) => b.neighbourhood - a.neighbourhood);
  console.log('best neighbourhoods (mean micro-F1 within ±0.02 floor and margin):');
  for (const c of smooth.slice(0, 8)) console.log(`${fmt(c)}  neighbourhood ${c.neighbourhood.toFixed(3)}`);
}
await neural?.dispose?.();

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 1000) / 1000);
  return out;
}
function fmt(c: Cell): string {
  return `share ${c.share} topK ${c.topK} centroid ${c.centroid} floor ${c.floor.toFixed(2)} margin ${c.margin.toFixed(2)}: micro ${c.micro.toFixed(3)} macro ${c.macro.toFixed(3)}`;
}
