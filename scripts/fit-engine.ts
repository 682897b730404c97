// Fits an engine's scoring settings on labelled development sets and prints micro-F1 over a grid:
// neural share (hybrid), top-k, centroid weight, floor and margin. Run it on dev sets only; report
// the held-out set once, with the chosen settings, via `--floor/--margin/...` and a single file.
//
//   tsx scripts/fit-engine.ts --engine hybrid|transformers|lexical [--dtype q8] [--cache-dir DIR] data/eval/dev.csv data/eval/dev2.csv
//     [--shares 0.3,0.5] [--topks 1,3] [--centroids 0,0.4] [--floor F --margin M --share S --topk K --centroid C] [--errors]

import { createClassifier } from '../src/classify/classifier.js';
import { evaluateAssignments, readGold } from '../src/classify/evaluate.js';
import { createHybridEmbedder } from '../src/classify/hybrid.js';
import { createLexicalEmbedder } from '../src/classify/lexical.js';
import { DEFAULT_MODEL, defaultCacheDir } from '../src/classify/models.js';
import { defaultThresholds } from '../src/classify/thresholds.js';
import { createTransformersEmbedder } from '../src/classify/transformers.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import type { Embedder, EngineName } from '../src/types.js';

const args = process.argv.slice(2);
const valued = new Set(['--engine', '--dtype', '--cache-dir', '--shares', '--topks', '--centroids', '--floor', '--margin', '--share', '--topk', '--centroid', '--taxonomy', '--model']);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const list = (name: string, fallback: number[]) => option(name)?.split(',').map(Number) ?? fallback;
const goldPaths = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && valued.has(args[i - 1]!)));
const engine = (option('--engine') ?? 'hybrid') as EngineName;

const taxonomy = await loadTaxonomy(option('--taxonomy'));
const themeIds = taxonomy.themes.map((t) => t.id);
const gold = (await Promise.all(goldPaths.map((p) => readGold(p, themeIds)))).flat();
const goldThemes = gold.map((g) => g.themes);

/** In-process memo, so every cell of the grid embeds each text once. */
function memo(inner: Embedder): Embedder {
  const seen = new Map<string, Float32Array>();
  return {
    ...inner,
    async embed(texts) {
      const missing = [...new Set(texts.filter((t) => !seen.has(t)))];
      if (missing.length) (await inner.embed(missing)).forEach((v, i) => seen.set(missing[i]!, v));
      return texts.map((t) => seen.get(t)!);
    },
  };
}
const lexical = createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
const neural =
  engine === 'lexical'
    ? null
    : memo(
        await createTransformersEmbedder({
          model: option('--model') ?? DEFAULT_MODEL,
          cacheDir: option('--cache-dir') ?? defaultCacheDir(),
          offline: true,
          dtype: (option('--dtype') ?? 'fp32') as 'fp32' | 'q8',
        }),
      );

const single = option('--floor') !== undefined;
const shares = engine === 'hybrid' ? (option('--share') ? [Number(option('--share'))] : list('--shares', [0.3, 0.4, 0.5, 0.6, 0.7])) : [0];
const topKs = option('--topk') ? [Number(option('--topk'))] : list('--topks', [1, 2, 3, 5]);
const centroids = option('--centroid') ? [Number(option('--centroid'))] : list('--centroids', [0, 0.2, 0.4]);
const base = defaultThresholds(engine, engine === 'lexical' ? null : DEFAULT_MODEL);

interface Cell { share: number; topK: number; centroid: number; floor: number; margin: number; micro: number; macro: number }
const cells: Cell[] = [];
for (const share of shares) {
  const embedder = engine === 'hybrid' ? createHybridEmbedder(neural!, lexical, share) : engine === 'lexical' ? lexical : neural!;
  for (const topK of topKs) {
    for (const centroid of centroids) {
      const classifier = await createClassifier(taxonomy, embedder, { topK, centroidWeight: centroid });
      const scored = await classifier.score(gold.map((g, i) => ({ id: `gold-${i}`, text: g.text })));
      const floors = single ? [Number(option('--floor'))] : range(0.2, 0.48, 0.01);
      const margins = single ? [Number(option('--margin') ?? base.margin)] : range(0, 0.05, 0.01);
      for (const floor of floors) {
        for (const margin of margins) {
          const predicted = classifier.assign(scored, { ...base, floor, margin }).map((a) => a.themes.map((x) => x.themeId));
          const report = evaluateAssignments(predicted, goldThemes, themeIds);
          cells.push({ share, topK, centroid, floor, margin, micro: report.microF1, macro: report.macroF1 });
          if (single) {
            console.log(`${goldPaths.join(' + ')}: ${engine} share ${share} topK ${topK} centroid ${centroid} floor ${floor} margin ${margin}`);
            console.log(`micro P ${report.microPrecision.toFixed(3)} R ${report.microRecall.toFixed(3)} F1 ${report.microF1.toFixed(3)}  macro-F1 ${report.macroF1.toFixed(3)}`);
            for (const t of report.themes) console.log(`  ${t.id.padEnd(15)} P ${t.precision.toFixed(2)} R ${t.recall.toFixed(2)} F1 ${t.f1.toFixed(2)} n ${t.support}`);
            if (args.includes('--errors')) {
              gold.forEach((g, i) => {
                const p = predicted[i]!;
                if (p.slice().sort().join('|') !== g.themes.slice().sort().join('|')) console.log(`ERR gold ${g.themes.join('|')} got ${p.join('|') || '-'}: ${g.text.slice(0, 160)}`);
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
    const near = cells.filter((d) => d.share === c.share && d.topK === c.topK && d.centroid === c.centroid && Math.abs(d.floor - c.floor) <= 0.021 && Math.abs(d.margin - c.margin) <= 0.021);
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
