// The model of who holds the conduct a sentence speaks of (scripts/lib/conduct-holder.ts), measured
// on data it has not seen. Development data only: the labelled sets given and the
// traps-dev-* rows of traps.csv (it refuses a held-out set and never reads another part of traps.csv).
//
//   tsx scripts/fit-conduct-holder.ts --model .cache/test-model/all-MiniLM-L6-v2 --offline \
//     [--lobo 2419-2578,2579-2738] [--forward 9] [--l2s 0.03,0.1] [--cuts 0.3,0.5] [--trap-weights 1] \
//     [--cues-only] [--show] data/eval/dev.csv … data/eval/voices-dev24.csv
//
// --lobo: each trap batch scored with a model fitted on every labelled set and every other dev trap;
// --forward N: each of the N newest sets scored with a model fitted on the sets before it and every
// dev trap. Both read with the built-in head as shipped, the model gating `conduct` before it decides,
// beside the same head ungated. --cues-only: conduct in play only where one of its cues occurs;
// --show: the forward items whose `conduct` the gate changes.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileThemeCues } from '../src/classify/assign.js';
import {
  CONDUCT_THEME,
  conductInPlay,
  fitHolder,
  gateConduct,
  holderFeatures,
  holderProbabilityOf,
  holderText,
  type HolderModel,
  type HolderRow,
} from './lib/conduct-holder.js';
import { correctionKey } from '../src/classify/corrections.js';
import { evaluateAssignments } from '../src/classify/evaluate.js';
import { modelPart } from '../src/classify/head/probe.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import type { ScoredItem, ScoredSegment } from '../src/classify/units.js';
import { createLogger } from '../src/logger.js';
import { readTraps, scoreTraps, type Trap } from '../test/helpers/traps.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';
import { readLabelledSets } from './lib/labelled-sets.js';

const { values: flags, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    ...ENGINE_FLAGS,
    lobo: { type: 'string' },
    forward: { type: 'string' },
    l2s: { type: 'string' },
    cuts: { type: 'string' },
    'trap-weights': { type: 'string' },
    'cues-only': { type: 'boolean' },
    show: { type: 'boolean' },
  },
});
if (files.some((f) => /test/i.test(path.basename(f)))) throw new Error('held-out sets are never used to fit or judge the model');
const list = (spec: string | undefined, fallback: number[]) => (spec ? spec.split(',').map(Number) : fallback);
const l2s = list(flags.l2s, [0.1]);
const cuts = list(flags.cuts, [0.5]);
const trapWeights = list(flags['trap-weights'], [1]);

// The tool's own store (the vectors and scores of every development text it has read before).
const prepared = await prepareClassifier(engineConfigFrom(flags), createLogger({ quiet: true }));
const { classifier, thresholds, taxonomy } = prepared;
const ids = taxonomy.themes.map((t) => t.id);
const conduct = ids.indexOf(CONDUCT_THEME);
const conductCues = compileThemeCues(taxonomy)[conduct]!;

// One item per distinct text, first set first (as `train` does); traps whose text is a labelled item's are that item.
const { gold, seen } = await readLabelledSets(files, ids);
const traps: Trap[] = readTraps('dev').filter((t) => {
  const key = correctionKey(t.text);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});
const trapNumber = (t: Trap) => Number(t.id.slice('traps-dev-'.length));
const scored = await classifier.score(gold.map((g, i) => ({ id: `g${i}`, text: g.text })));
const scoredTraps = await classifier.score(traps.map((t) => ({ id: t.id, text: t.text })));

// Every reason text where conduct is in play, embedded once.
const modelDims = prepared.discoveryEmbedder.dims;
// --cues-only: conduct in play only where a cue of it occurs, not also where it is the nearest theme.
const nearest = !flags['cues-only'];
const inPlay = (item: ScoredItem) => item.segments.filter((s) => conductInPlay(s, conduct, conductCues, nearest));
const texts = [...new Set([...scored, ...scoredTraps].flatMap((item) => inPlay(item).map(holderText)))];
const features = new Map<string, number[]>();
for (let i = 0; i < texts.length; i += 256) {
  const chunk = texts.slice(i, i + 256);
  const embedded = await prepared.embedder.embed(chunk);
  for (const [j, text] of chunk.entries()) features.set(text, holderFeatures(modelPart(embedded[j]!, modelDims), modelDims, text));
}
console.log(`${gold.length} labelled items, ${traps.length} dev traps; ${texts.length} reasons with conduct in play`);

/** Rows of the labelled items given and of the traps given that say whether `conduct` is theirs. */
function rowsOf(items: readonly number[], trapKs: readonly number[], trapWeight: number): HolderRow[] {
  const rows: HolderRow[] = [];
  for (const i of items) {
    const own = gold[i]!.themes.includes(CONDUCT_THEME);
    for (const s of inPlay(scored[i]!)) rows.push({ features: features.get(holderText(s))!, own, weight: 1 });
  }
  for (const k of trapKs) {
    const trap = traps[k]!;
    const own = trap.required.includes(CONDUCT_THEME) ? true : trap.forbidden.includes(CONDUCT_THEME) ? false : null;
    if (own === null) continue;
    for (const s of inPlay(scoredTraps[k]!)) rows.push({ features: features.get(holderText(s))!, own, weight: trapWeight });
  }
  return rows;
}

/** The themes the built-in head gives `items`, gated by `model` (or not), readings restored after. */
function decide(items: readonly ScoredItem[], model: HolderModel | null): string[][] {
  const saved = items.map((item) => item.segments.map((s) => s.reading));
  if (model) {
    const p = (s: ScoredSegment) => {
      const f = features.get(holderText(s));
      return f && holderProbabilityOf(model, f);
    };
    for (const item of items) gateConduct(item.segments, conduct, conductCues, p, model.cut, nearest);
  }
  const themes = classifier.assign([...items], thresholds).map((a) => a.themes.map((t) => t.themeId));
  for (const [n, item] of items.entries()) for (const [j, s] of item.segments.entries()) s.reading = saved[n]![j]!;
  return themes;
}

const allItems = gold.map((_, i) => i);
const allTraps = traps.map((_, k) => k);
const settings = l2s.flatMap((l2) => trapWeights.flatMap((w) => cuts.map((cut) => ({ l2, w, cut }))));
// The cut does not change the fit: one fit per penalty, trap weight and split, every cut read from it.
const fits = new Map<string, HolderModel>();
function fitted(s: { l2: number; w: number; cut: number }, split: string, rows: () => HolderRow[]): HolderModel {
  const key = `${s.l2}|${s.w}|${split}`;
  let model = fits.get(key);
  if (!model) {
    model = fitHolder(rows(), modelDims, s.l2, s.cut);
    fits.set(key, model);
  }
  return { ...model, cut: s.cut };
}
const label = (s: { l2: number; w: number; cut: number } | null) => (s ? `l2 ${s.l2}, traps ×${s.w}, cut ${s.cut}` : 'ungated');

if (flags.lobo) {
  const batches = flags.lobo.split(',').map((spec) => spec.split('-').map(Number) as [number, number]);
  for (const s of [null, ...settings]) {
    const cells: string[] = [];
    let hits = 0;
    let conductHits = 0;
    let required = 0;
    let found = 0;
    for (const [from, to] of batches) {
      const batch = allTraps.filter((k) => trapNumber(traps[k]!) >= from && trapNumber(traps[k]!) <= to);
      const model =
        s &&
        fitted(s, `lobo ${from}`, () =>
          rowsOf(
            allItems,
            allTraps.filter((k) => !batch.includes(k)),
            s.w,
          ),
        );
      const got = decide(
        batch.map((k) => scoredTraps[k]!),
        model,
      );
      const score = scoreTraps(
        batch.map((k) => traps[k]!),
        got,
      );
      const ofConduct = batch.filter((k, n) => traps[k]!.forbidden.includes(CONDUCT_THEME) && got[n]!.includes(CONDUCT_THEME)).length;
      const listed = batch.reduce((n, k) => n + traps[k]!.required.length, 0);
      hits += score.forbiddenHits;
      conductHits += ofConduct;
      required += listed;
      found += score.requiredRecall * listed;
      cells.push(`${score.forbiddenHits} (${ofConduct}; ${score.requiredRecall.toFixed(3)})`);
    }
    console.log(
      `| ${label(s)} | lobo | ${cells.join(' | ')} | ${hits} (conduct ${conductHits}) | required ${(found / Math.max(1, required)).toFixed(3)} |`,
    );
  }
}

if (flags.forward) {
  const n = Number(flags.forward);
  const sets = files.map((_, s) => s).slice(files.length - n);
  for (const s of [null, ...settings]) {
    const cells: string[] = [];
    const pooledGot: string[][] = [];
    const pooledGold: string[][] = [];
    for (const set of sets) {
      const test = allItems.filter((i) => gold[i]!.set === set);
      const train = allItems.filter((i) => gold[i]!.set < set);
      const model = s && fitted(s, `forward ${set}`, () => rowsOf(train, allTraps, s.w));
      const got = decide(
        test.map((i) => scored[i]!),
        model,
      );
      const truth = test.map((i) => gold[i]!.themes);
      if (flags.show && s) {
        const before = decide(
          test.map((i) => scored[i]!),
          null,
        );
        test.forEach((i, n) => {
          const was = before[n]!.includes(CONDUCT_THEME);
          const is = got[n]!.includes(CONDUCT_THEME);
          if (was !== is)
            console.log(
              `  ${label(s)} ${path.basename(files[set]!)} ${was ? 'LOST' : 'GAINED'} (gold ${truth[n]!.includes(CONDUCT_THEME) ? 'conduct' : 'not'}): ${gold[i]!.text.slice(0, 160)}`,
            );
        });
      }
      const report = evaluateAssignments(got, truth, ids);
      const ofConduct = report.themes.find((t) => t.id === CONDUCT_THEME)!;
      cells.push(`${report.microF1.toFixed(3)} (${ofConduct.f1.toFixed(3)})`);
      pooledGot.push(...got);
      pooledGold.push(...truth);
    }
    const pooled = evaluateAssignments(pooledGot, pooledGold, ids);
    const c = pooled.themes.find((t) => t.id === CONDUCT_THEME)!;
    console.log(
      `| ${label(s)} | forward | ${cells.join(' | ')} | pooled ${pooled.microF1.toFixed(4)} | conduct ${c.f1.toFixed(3)} (P ${c.precision.toFixed(3)} / R ${c.recall.toFixed(3)}) |`,
    );
  }
}

await prepared.dispose();
