// Measures theme-head variants on the development sets only, with a proxy for feedback in voices
// the head never saw: leave one set out (fit on the others, score the one left out), plus the
// head's own 5-fold cross-validation over all of them. Never give it a held-out (test) set.
//
//   tsx scripts/fit-head.ts --model .cache/test-model/all-MiniLM-L6-v2 --offline [--cache FILE.json]
//     [--variants base,probe,praise,nogate,roles,unitprobe,knnshare,knnweighted [--knn-ks 10,30] [--knn-dims 64] [--knn-int8]] [--forward N [--forward-only]] [--cv-only] [--fit "cut=0.5;gatecut=0.4"]… [--l2s 0.01,0.03] [--head-l2s 0.01,0.03,0.1,0.3] [--head-weights 1,2,3] [--items FILE.jsonl] data/eval/dev.csv data/eval/dev2.csv data/eval/voices-dev.csv data/eval/voices-dev2.csv data/eval/voices-dev3.csv data/eval/voices-dev4.csv data/eval/voices-dev5.csv data/eval/voices-dev6.csv data/eval/voices-dev7.csv data/eval/voices-dev8.csv data/eval/voices-dev9.csv data/eval/voices-dev10.csv data/eval/voices-dev11.csv data/eval/voices-dev12.csv data/eval/voices-dev13.csv
//
// Per variant it also prints each theme's F1 and recall over all the sets left out (pooled); --items writes every
// left-out item (variant, set, text, gold and predicted themes, each theme's probability, the cut, the themes the rules
// of reading allow and its reasons, the no-reason gate's features and probability, and each clause as the clause-role
// reader and the probe read it) for error analysis.
// The model's vectors and the engine's scores are kept in the --cache file, so a rerun embeds nothing. Without --cache
// the file is named after this checkout (defaultCacheFile), so two checkouts never read or overwrite each other's.

import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileThemeCues } from '../src/classify/assign.js';
import { correctionKey } from '../src/classify/corrections.js';
import { evaluateAssignments } from '../src/classify/evaluate.js';
import { headLogits, calibrated } from '../src/classify/head/apply.js';
import { itemFeatures, readingOf } from '../src/classify/head/features.js';
import { FIT_DEFAULTS, fitHead, partialLabels, type FitSettings, type LabelledFeatures } from '../src/classify/head/fit.js';
import { reliability } from '../src/classify/head/reliability.js';
import { decideItem, gateFeatures, gateProbability, itemShape } from '../src/classify/head/no-reason.js';
import { CLAUSE_ROLES, likeliestRole } from '../src/classify/roles/model.js';
import { attachProbe, fitProbe, itemProbeVector, modelPart, probeScores, stackProbe } from '../src/classify/head/probe.js';
import { DEFAULT_WEIGHTS, extractFeatures } from '../src/classify/lexical.js';
import { CONCEPTS } from '../src/classify/lexical/concepts.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import type { ScoredItem } from '../src/classify/units.js';
import { hashText } from '../src/hash.js';
import { seededRandom } from '../src/random.js';
import { createLogger } from '../src/logger.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import { readTraps, scoreTraps, type Trap } from '../test/helpers/traps.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';
import { readLabelledSets } from './lib/labelled-sets.js';
import { fileVectorCache } from './lib/file-vector-cache.js';

const { values: flags, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    ...ENGINE_FLAGS,
    cache: { type: 'string' },
    variants: { type: 'string' },
    l2s: { type: 'string' },
    'head-l2s': { type: 'string' },
    'head-weights': { type: 'string' },
    'gate-l2s': { type: 'string' },
    items: { type: 'string' },
    forward: { type: 'string' },
    'forward-only': { type: 'boolean' },
    'cv-only': { type: 'boolean' },
    fit: { type: 'string', multiple: true },
    traps: { type: 'boolean' },
    lobo: { type: 'string' },
    'trap-cv': { type: 'string' },
    'knn-ks': { type: 'string' },
    'knn-dims': { type: 'string' },
    'knn-int8': { type: 'boolean' },
  },
});
if (files.length < 2) throw new Error('give at least two development sets (leave-one-set-out needs them)');
if (files.some((f) => /test/i.test(path.basename(f)))) throw new Error('held-out sets are never used to choose a head');

const taxonomy = await loadTaxonomy(undefined);
const ids = taxonomy.themes.map((t) => t.id);
const cues = compileThemeCues(taxonomy);

// One item per distinct text, first set first (as `train` does).
const { gold, seen } = await readLabelledSets(files, ids);

// The development trap sentences (traps-dev-* rows only), partly labelled: required themes are
// positives, forbidden ones negatives. A trap whose text is a labelled item's is that item.
const trapNumber = (id: string) => Number(id.slice('traps-dev-'.length));
const traps: Trap[] = flags.traps || flags.lobo || flags['trap-cv'] ? readTraps('dev').filter((t) => !seen.has(correctionKey(t.text))) : [];
const trapTexts = new Set<string>();
const trapList = traps.filter((t) => {
  const key = correctionKey(t.text);
  if (trapTexts.has(key)) return false;
  trapTexts.add(key);
  return true;
});

/** The cache file of this checkout: in the system's temporary folder, named after the checkout's own path. */
function defaultCacheFile(): string {
  const checkout = fileURLToPath(new URL('..', import.meta.url));
  return path.join(tmpdir(), `fit-head-vectors-${hashText(checkout).slice(0, 12)}.json`);
}
const cacheFile = flags.cache ?? defaultCacheFile();
console.log(`vectors and scores cached in ${cacheFile}`);
const store = await fileVectorCache(cacheFile);
const prepared = await prepareClassifier({ ...engineConfigFrom(flags), head: null }, createLogger({ quiet: true }), { store });
const scored = await prepared.classifier.score(gold.map((g, i) => ({ id: `g${i}`, text: g.text })));
const scoredTraps = await prepared.classifier.score(trapList.map((t) => ({ id: t.id, text: t.text })));
// A segment's reason text is among its units unless the clause-role reader set some of its clauses aside (as `train` embeds them).
const unitTexts = [
  ...new Set([...scored, ...scoredTraps].flatMap((item) => item.segments.flatMap((s) => [s.scoredText, ...s.units.map((u) => u.text)]))),
];
const modelDims = prepared.discoveryEmbedder.dims;
const vectors = new Map<string, Float32Array>();
for (let i = 0; i < unitTexts.length; i += 256) {
  const chunk = unitTexts.slice(i, i + 256);
  const embedded = await prepared.embedder.embed(chunk);
  chunk.forEach((text, j) => {
    vectors.set(text, modelPart(embedded[j]!, modelDims));
  });
}
await store.save();
await prepared.dispose();
const vectorOf = (text: string) => vectors.get(text)!;
const margin = prepared.profile.scoring.margin;

interface Variant {
  name: string;
  probeL2: number | null;
  /** Every theme's probe mean as features of each theme (as the scores of all themes are). */
  shared?: boolean;
  /** A comparison's subject: per theme its score in the subject, and whether there is a comparison. */
  comparison?: boolean;
  /** The lexical engine's concepts (present or not, times this scale) read by the probe beside the model's vector. */
  concepts?: number;
  /** Per theme, the nearest labelled item with the theme (cosine of item vectors), and its gap to the nearest of all. */
  knn?: boolean;
  /**
   * Per theme, the share of the `knnShare` nearest labelled items (cosine of the mean of their
   * reasons' model vectors) that carry it: out of fold for the training items (the probe's folds),
   * from every training item for the items scored (`--variants knnshare --knn-ks 10,30`).
   */
  knnShare?: number;
  /** The shares weighted by each neighbour's similarity to this power (none: each neighbour counts alike). */
  knnPower?: number;
  /** What the clause-role reader read of the item's reasons (shared by every theme). */
  roles?: boolean;
  /** Per theme, how far it leads the third theme in a unit where it is among the two best (a second theme). */
  second?: boolean;
  /** A second probe fitted on each reason's own vector (labelled with its item's themes), read as its best over units. */
  unitProbe?: number;
  /** Without the learnt no-reason decision (no-reason.ts): `decideThemes` alone, as heads before version 4. */
  noGate?: boolean;
  /** The no-reason gate's penalty (train's by default). */
  gateL2?: number;
  /** An all-praise item gives no reason whatever the clause-role reader reads in it (no `setAside`), as before (the reasons it sets aside are then never weighed). */
  praiseAlone?: boolean;
  /** The probe's out-of-fold scores of the training items from folds by set (each set scored by a probe fitted on the others), not by position. */
  probeBySet?: boolean;
  /** The head's own settings where they differ from train's (`--fit`). */
  fit?: Partial<FitSettings>;
  /** Each training set counts this times the set written after it (the newest 1; weights then scaled to a mean of 1). */
  decay?: number;
  /** Bagging draws whole sets (each item's group is its set). */
  bySet?: boolean;
  /** The development traps join every fit as partly labelled items, each counting this much (`--fit "traps=0.5"`). */
  trapWeight?: number;
  /** The traps join the probe's fit too, each counting this much (`--fit "probetraps=1"`). */
  probeTrapWeight?: number;
  /**
   * The themes' cut and the no-reason gate (its weights, calibration and cut) are those of the same
   * head fitted without traps (`--fit "holdgate=1"`): traps teach the themes and the probe, never
   * how often an item is read as giving no reason.
   */
  holdGate?: boolean;
  /**
   * The themes' cut and the no-reason gate's cut are those of the same head fitted without traps,
   * the gate's weights fitted on the probabilities of the head with traps (`--fit "holdcut=1"`).
   */
  holdCut?: boolean;
}
const l2s = (flags.l2s ?? '0.01,0.03,0.1').split(',').map(Number);
const wanted = (flags.variants ?? 'base,probe').split(',');
const variants: Variant[] = [
  ...(wanted.includes('base') ? [{ name: 'base', probeL2: null }] : []),
  ...(wanted.includes('probe') ? l2s.map((l2) => ({ name: `probe l2=${l2}`, probeL2: l2 })) : []),
  ...(wanted.includes('shared') ? l2s.map((l2) => ({ name: `probe+shared l2=${l2}`, probeL2: l2, shared: true })) : []),
  ...(wanted.includes('concepts')
    ? [0.1, 0.3].map((scale) => ({ name: `probe+concepts ×${scale} l2=${l2s[0]}`, probeL2: l2s[0]!, concepts: scale }))
    : []),
  ...(wanted.includes('knn') ? l2s.map((l2) => ({ name: `probe+knn l2=${l2}`, probeL2: l2, knn: true })) : []),
  ...(wanted.includes('knnshare')
    ? (flags['knn-ks'] ?? '10,30')
        .split(',')
        .map((k) => ({ name: `probe+knnshare k=${k} l2=${l2s[0]}`, probeL2: l2s[0]!, knnShare: Number(k) }))
    : []),
  ...(wanted.includes('knnweighted')
    ? (flags['knn-ks'] ?? '10,30')
        .split(',')
        .map((k) => ({ name: `probe+knnweighted k=${k} l2=${l2s[0]}`, probeL2: l2s[0]!, knnShare: Number(k), knnPower: 8 }))
    : []),
  ...(wanted.includes('roles') ? l2s.map((l2) => ({ name: `probe+roles l2=${l2}`, probeL2: l2, roles: true })) : []),
  ...(wanted.includes('second') ? l2s.map((l2) => ({ name: `probe+second l2=${l2}`, probeL2: l2, second: true })) : []),
  ...(wanted.includes('unitprobe')
    ? [0.001, 0.01].map((u) => ({ name: `probe+unitprobe ${u} l2=${l2s[0]}`, probeL2: l2s[0]!, unitProbe: u }))
    : []),
  ...(wanted.includes('gate')
    ? (flags['gate-l2s'] ?? '0.03,0.1,0.3')
        .split(',')
        .map((g) => ({ name: `probe, gate ${g} l2=${l2s[0]}`, probeL2: l2s[0]!, gateL2: Number(g) }))
    : []),
  ...(wanted.includes('nogate') ? l2s.map((l2) => ({ name: `probe, no gate l2=${l2}`, probeL2: l2, noGate: true })) : []),
  ...(wanted.includes('praise') ? l2s.map((l2) => ({ name: `probe, praise alone l2=${l2}`, probeL2: l2, praiseAlone: true })) : []),
  ...(wanted.includes('byset') ? l2s.map((l2) => ({ name: `probe by set l2=${l2}`, probeL2: l2, probeBySet: true })) : []),
  ...(wanted.includes('knn-only') ? [{ name: 'base+knn', probeL2: null, knn: true }] : []),
  ...(wanted.includes('comparison') ? [{ name: 'base+comparison', probeL2: null, comparison: true }] : []),
  ...(wanted.includes('probe-comparison') ? l2s.map((l2) => ({ name: `probe+comparison l2=${l2}`, probeL2: l2, comparison: true })) : []),
  ...(flags.fit ?? []).map((spec) => fitVariant(spec, l2s[0]!)),
];

/**
 * A variant of the head's own fit, e.g. `cut=0.5`, `l2=0.3,1;w=1`, `gatecut=0.4`, `gatel2=0.3`,
 * `decay=0.8` (older sets count less), `traps=0.5` (the dev traps join the fit, each counting 0.5), `gatetraps=1` (those that say whether they give no reason join the gate's), `probetraps=1` (the traps join the probe's fit, each counting 1), `holdgate=1` (the cut and the gate those of the head fitted without traps), `holdcut=1` (the cut and the gate's cut those of the head fitted without traps, the gate's weights fitted with them), `probe=0.01` (the probe's penalty), `cuttol=0` (the cut that scores best,
 * however little: `surestCut`), `cutsmooth=0` (that tolerance read off each cut's own figure, not a parabola fitted to them: `smoothedCut`), `bags=10` / `bagset=10` (weights averaged over fits on resampled items / sets): on the
 * probe at `probeL2`.
 */
function fitVariant(spec: string, probeL2: number): Variant {
  const fit: Partial<FitSettings> = {};
  const variant: Variant = { name: `fit ${spec}`, probeL2, fit };
  for (const part of spec.split(';')) {
    const [key, value = ''] = part.split('=');
    const list = value.split(',').map(Number);
    if (list.some(Number.isNaN)) throw new Error(`--fit ${spec}: ${part} is not a number or list of numbers`);
    if (key === 'cut') fit.cuts = list;
    else if (key === 'l2') fit.l2s = list;
    else if (key === 'w') fit.positiveWeights = list;
    else if (key === 'gatecut') fit.gateCuts = list;
    else if (key === 'gatel2') fit.noReasonL2 = list[0]!;
    else if (key === 'decay') variant.decay = list[0]!;
    else if (key === 'probe') variant.probeL2 = list[0]!;
    else if (key === 'cuttol') fit.cutTolerance = list[0]!;
    else if (key === 'cutsmooth') fit.smoothCut = list[0] !== 0;
    else if (key === 'bags') fit.bags = list[0]!;
    else if (key === 'traps') variant.trapWeight = list[0]!;
    else if (key === 'probetraps') variant.probeTrapWeight = list[0]!;
    else if (key === 'gatetraps') fit.gateLearnsPartial = list[0] === 1;
    else if (key === 'holdgate') variant.holdGate = list[0] === 1;
    else if (key === 'holdcut') variant.holdCut = list[0] === 1;
    else if (key === 'bagset') {
      fit.bags = list[0]!;
      variant.bySet = true;
    } else
      throw new Error(
        `--fit ${spec}: unknown setting ${key} (cut, cuttol, cutsmooth, l2, w, gatecut, gatel2, decay, probe, bags, bagset, traps, probetraps, gatetraps, holdgate, holdcut)`,
      );
  }
  return variant;
}

// The head's own penalties to choose among by cross-validation (train's by default).
const numbers = (list: string | undefined, fallback: readonly number[]) => list?.split(',').map(Number) ?? fallback;
const settings = {
  ...FIT_DEFAULTS,
  l2s: numbers(flags['head-l2s'], FIT_DEFAULTS.l2s),
  positiveWeights: numbers(flags['head-weights'], FIT_DEFAULTS.positiveWeights),
};
const labelsOf = (items: readonly { themes: string[] }[]) => items.map((g) => ids.map((id) => (g.themes.includes(id) ? 1 : 0)));

const conceptNames = Object.keys(CONCEPTS);
const conceptCache = new Map<string, number[]>();
function withConcepts(text: string, scale: number): Float32Array {
  let present = conceptCache.get(text);
  if (!present) {
    const features = extractFeatures(text, {}, DEFAULT_WEIGHTS, false);
    present = conceptNames.map((name) => (features.has(`c:${name}`) ? 1 : 0));
    conceptCache.set(text, present);
  }
  return Float32Array.from([...vectorOf(text), ...present.map((x) => x * scale)]);
}

const unitItemVectors = scored.map((item) => {
  const v = itemProbeVector(item, vectorOf, modelDims);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
});
let knnTrain: number[] = [];
function knnFeatures(i: number): number[][] {
  const pos = ids.map(() => -1);
  let nearest = -1;
  for (const j of knnTrain) {
    if (j === i) continue;
    let c = 0;
    const a = unitItemVectors[i]!;
    const b = unitItemVectors[j]!;
    for (let d = 0; d < modelDims; d++) c += a[d]! * b[d]!;
    if (c > nearest) nearest = c;
    for (const [t, id] of ids.entries()) if (gold[j]!.themes.includes(id) && c > pos[t]!) pos[t] = c;
  }
  return ids.map((_, t) => [pos[t]!, pos[t]! - nearest]);
}

/** Features of the training items (probe out of fold) and of the items scored, with the probe fitted on all training items. */
function featuresFor(variant: Variant, train: number[], test: number[]) {
  // Variants that differ only in the head's own fit read the same features: computed once per split.
  const {
    name: _name,
    fit: _fit,
    decay: _decay,
    gateL2: _gateL2,
    noGate: _noGate,
    bySet: _bySet,
    trapWeight: _trapWeight,
    holdGate: _holdGate,
    holdCut: _holdCut,
    ...reading
  } = variant;
  // A probe that learns from traps depends on which traps are left out.
  const left = variant.probeTrapWeight === undefined ? '' : [...trapsLeftOut].join(',');
  const key = `${JSON.stringify(reading)}|${train.length}:${train[0]}:${train.at(-1)}|${test.length}:${test[0]}|${left}`;
  let features = featureCache.get(key);
  if (!features) {
    features = unweightedFeaturesFor(variant, train, test);
    featureCache.set(key, features);
  }
  if (variant.trapWeight !== undefined) {
    // Partly labelled traps after the labelled items (their folds stay as they were), less any left out.
    const joined = features.trapFeatures.flatMap((item, k) => (trapsLeftOut.has(k) ? [] : [{ ...item, weight: variant.trapWeight! }]));
    features = { ...features, trainFeatures: [...features.trainFeatures, ...joined] };
  }
  if (variant.bySet)
    features = { ...features, trainFeatures: features.trainFeatures.map((item, k) => ({ ...item, group: gold[train[k]!]!.set })) };
  if (variant.decay === undefined) return features;
  const newest = Math.max(...train.map((i) => gold[i]!.set));
  const raw = train.map((i) => variant.decay! ** (newest - gold[i]!.set));
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  return {
    ...features,
    trainFeatures: features.trainFeatures.map((item, k) => (k < raw.length ? { ...item, weight: raw[k]! / mean } : item)),
  };
}
/** The traps the probe learns from: all but those left out, as partly labelled rows. */
function probePartial(weight: number) {
  const kept = trapList.flatMap((_, k) => (trapsLeftOut.has(k) ? [] : [k]));
  return {
    items: kept.map((k) => scoredTraps[k]!),
    labels: kept.map((k) => ids.map((id) => (trapList[k]!.required.includes(id) ? 1 : 0))),
    known: kept.map((k) => partialLabels(trapList[k]!.required, trapList[k]!.forbidden, ids).known),
    weight,
  };
}

/** Traps (by index in trapList) kept out of the fit: the batch a leave-one-batch-out split scores. */
let trapsLeftOut = new Set<number>();

/** A trap's features as a partly labelled item (its probe scores are whatever probe was attached last). */
function trapLabelled(k: number, probe: boolean): LabelledFeatures {
  const trap = trapList[k]!;
  const item = scoredTraps[k]!;
  return {
    features: itemFeatures(item, ids, cues, margin, probe),
    reading: readingOf(item, ids),
    shape: itemShape(item),
    ...partialLabels(trap.required, trap.forbidden, ids),
  };
}
const featureCache = new Map<string, ReturnType<typeof unweightedFeaturesFor>>();

function unweightedFeaturesFor(variant: Variant, train: number[], test: number[]) {
  knnTrain = train;
  unitProbeOf.clear();
  knnShareOf.clear();
  if (variant.knnShare !== undefined) stackKnnShare(train, test, variant.knnShare, variant.knnPower ?? 0);
  if (variant.unitProbe !== undefined) stackUnitProbe(train, test, variant.unitProbe);
  const probe = variant.probeL2 !== null;
  if (probe) {
    const scale = variant.concepts;
    const read = scale === undefined ? vectorOf : (text: string) => withConcepts(text, scale);
    const fitted = stackProbe(
      train.map((i) => scored[i]!),
      labelsOf(train.map((i) => gold[i]!)),
      read,
      {
        dims: modelDims + (scale === undefined ? 0 : conceptNames.length),
        l2: variant.probeL2!,
        folds: 5,
        ...(variant.probeBySet ? { foldOf: foldsBySet(train) } : {}),
        ...(variant.probeTrapWeight !== undefined ? { partial: probePartial(variant.probeTrapWeight) } : {}),
      },
    );
    const trainFeatures = train.map((i) => labelled(scored[i]!, i, probe, variant));
    attachProbe(
      test.map((i) => scored[i]!),
      fitted,
      read,
    );
    // Traps outside the probe's fit are read by the probe fitted on all it learnt from (the others
    // were scored out of fold by stackProbe).
    attachProbe(
      scoredTraps.filter((_, k) => variant.probeTrapWeight === undefined || trapsLeftOut.has(k)),
      fitted,
      read,
    );
    // The clauses as read now: a later split overwrites the units' probe scores.
    return {
      trainFeatures,
      testFeatures: test.map((i) => labelled(scored[i]!, i, probe, variant)),
      testClauses: test.map((i) => clausesOf(scored[i]!)),
      trapFeatures: trapList.map((_, k) => trapLabelled(k, probe)),
    };
  }
  return {
    trainFeatures: train.map((i) => labelled(scored[i]!, i, false, variant)),
    testFeatures: test.map((i) => labelled(scored[i]!, i, false, variant)),
    testClauses: test.map((i) => clausesOf(scored[i]!)),
    trapFeatures: trapList.map((_, k) => trapLabelled(k, false)),
  };
}

/** Each item's fold: the rank of its set among the sets the items come from. */
function foldsBySet(items: readonly number[]): number[] {
  const sets = [...new Set(items.map((i) => gold[i]!.set))].sort((a, b) => a - b);
  return items.map((i) => sets.indexOf(gold[i]!.set));
}

function labelled(item: ScoredItem, i: number, probe: boolean, variant: Variant): LabelledFeatures {
  let features = itemFeatures(item, ids, cues, margin, probe);
  if (variant.shared) {
    const means = features.map((f) => f[f.length - 2]!);
    features = features.map((f) => [...f, ...means]);
  }
  if (variant.knn) {
    const knn = knnFeatures(i);
    features = features.map((f, t) => [...f, ...knn[t]!]);
  }
  if (variant.knnShare !== undefined) {
    const extra = knnShareOf.get(i)!;
    features = features.map((f, t) => [...f, extra[t]!]);
  }
  if (variant.unitProbe !== undefined) {
    const extra = unitProbeOf.get(i)!;
    features = features.map((f, t) => [...f, extra[t]!]);
  }
  if (variant.second) {
    const extra = secondPlace(item);
    features = features.map((f, t) => [...f, extra[t]!]);
  }
  if (variant.roles) {
    const extra = roleSummary(item);
    features = features.map((f) => [...f, ...extra]);
  }
  if (variant.comparison) {
    const subject = new Array<number>(ids.length).fill(0);
    let compared = 0;
    for (const segment of item.segments) {
      const unit = segment.reading.subject ? segment.units.find((u) => u.text === segment.reading.subject) : undefined;
      if (!unit) continue;
      compared = 1;
      unit.scores.forEach((x, t) => {
        if (x > subject[t]!) subject[t] = x;
      });
    }
    features = features.map((f, t) => [...f, compared, subject[t]!]);
  }
  const { setAside, ...reading } = readingOf(item, ids);
  return { features, reading: variant.praiseAlone ? reading : { ...reading, setAside }, shape: itemShape(item), themes: gold[i]!.themes };
}

const unitProbeOf = new Map<number, number[]>();

// The nearest labelled items: every item's NEIGHBOURS nearest of all (by cosine), computed once; a
// split takes the first k of them that it may read, scanning all items where too few are left.
const NEIGHBOURS = 400;
const knnShareOf = new Map<number, number[]>();
let nearestLists: { index: Int32Array; similarity: Float32Array }[] | null = null;
// What a compact copy would keep (`--knn-dims N`: a seeded Gaussian projection to N dimensions;
// `--knn-int8`: each vector rounded to 127 steps of its largest entry), then unit length again.
const knnDims = flags['knn-dims'] ? Number(flags['knn-dims']) : modelDims;
const itemMatrix = (() => {
  const random = seededRandom(7);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const projection = knnDims === modelDims ? null : Array.from({ length: knnDims }, () => Array.from({ length: modelDims }, gaussian));
  const matrix = new Float32Array(scored.length * knnDims);
  unitItemVectors.forEach((v, i) => {
    let row = projection ? projection.map((p) => p.reduce((sum, x, d) => sum + x * v[d]!, 0)) : Array.from(v);
    if (flags['knn-int8']) {
      const top = Math.max(...row.map(Math.abs)) || 1;
      row = row.map((x) => Math.round((x / top) * 127));
    }
    const norm = Math.hypot(...row) || 1;
    matrix.set(
      row.map((x) => x / norm),
      i * knnDims,
    );
  });
  return matrix;
})();
function similarityRow(i: number, row: Float32Array) {
  const a = i * knnDims;
  for (let j = 0; j < scored.length; j++) {
    const b = j * knnDims;
    let c = 0;
    for (let d = 0; d < knnDims; d++) c += itemMatrix[a + d]! * itemMatrix[b + d]!;
    row[j] = c;
  }
  row[i] = -Infinity;
}
function nearestOfAll() {
  if (nearestLists) return nearestLists;
  const row = new Float32Array(scored.length);
  nearestLists = scored.map((_, i) => {
    similarityRow(i, row);
    // The NEIGHBOURS-th highest similarity (a numeric sort of a copy is fast), then only those above it ordered.
    const bar = Float32Array.from(row).sort()[Math.max(0, row.length - NEIGHBOURS)]!;
    const order = Int32Array.from([...row.keys()].filter((j) => row[j]! >= bar))
      .sort((x, y) => row[y]! - row[x]!)
      .slice(0, NEIGHBOURS);
    return { index: order, similarity: Float32Array.from(order, (j) => row[j]!) };
  });
  return nearestLists;
}
/** Per theme, the (similarity-weighted) share of item i's k nearest items among `readable` that carry it. */
function knnShares(i: number, readable: Uint8Array, k: number, power: number): number[] {
  const { index, similarity } = nearestOfAll()[i]!;
  let picked: { j: number; s: number }[] = [];
  for (let n = 0; n < index.length && picked.length < k; n++) if (readable[index[n]!]) picked.push({ j: index[n]!, s: similarity[n]! });
  if (picked.length < k) {
    const row = new Float32Array(scored.length);
    similarityRow(i, row);
    picked = [...row.keys()]
      .filter((j) => readable[j] && j !== i)
      .sort((x, y) => row[y]! - row[x]!)
      .slice(0, k)
      .map((j) => ({ j, s: row[j]! }));
  }
  const share = ids.map(() => 0);
  let total = 0;
  for (const { j, s } of picked) {
    const w = power > 0 ? Math.max(0, s) ** power : 1;
    total += w;
    for (const [t, id] of ids.entries()) if (gold[j]!.themes.includes(id)) share[t]! += w;
  }
  return share.map((x) => (total > 0 ? x / total : 0));
}
function stackKnnShare(train: number[], test: number[], k: number, power: number) {
  for (let fold = 0; fold < 5; fold++) {
    const readable = new Uint8Array(scored.length);
    train.forEach((i, n) => {
      if (n % 5 !== fold) readable[i] = 1;
    });
    train.forEach((i, n) => {
      if (n % 5 === fold) knnShareOf.set(i, knnShares(i, readable, k, power));
    });
  }
  const readable = new Uint8Array(scored.length);
  for (const i of train) readable[i] = 1;
  for (const i of test) knnShareOf.set(i, knnShares(i, readable, k, power));
}
const reasonSegments = (i: number) => scored[i]!.segments.filter((s) => !s.praiseOnly);
function fitUnitProbe(items: number[], l2: number) {
  const vectors: Float32Array[] = [];
  const labels: number[][] = [];
  for (const i of items) {
    const y = ids.map((id) => (gold[i]!.themes.includes(id) ? 1 : 0));
    for (const segment of reasonSegments(i)) {
      vectors.push(vectorOf(segment.scoredText));
      labels.push(y);
    }
  }
  return fitProbe(vectors, labels, l2);
}
function scoreUnitProbe(probe: ReturnType<typeof fitProbe>, i: number) {
  const best = ids.map(() => 0);
  for (const segment of reasonSegments(i)) {
    for (const unit of segment.units) {
      probeScores(probe, vectorOf(unit.text)).forEach((p, t) => {
        const id = ids[t]!;
        const counts = segment.reading.silence ? id === 'uninformative' : !segment.reading.ruledOut.includes(id);
        if (counts && p > best[t]!) best[t] = p;
      });
    }
  }
  return best;
}
function stackUnitProbe(train: number[], test: number[], l2: number) {
  for (let fold = 0; fold < 5; fold++) {
    const probe = fitUnitProbe(
      train.filter((_, k) => k % 5 !== fold),
      l2,
    );
    train.forEach((i, k) => {
      if (k % 5 === fold) unitProbeOf.set(i, scoreUnitProbe(probe, i));
    });
  }
  const probe = fitUnitProbe(train, l2);
  for (const i of test) unitProbeOf.set(i, scoreUnitProbe(probe, i));
}

/** Per theme, its best lead over the third-best theme of a reason unit where it is first or second (−1 if never). */
function secondPlace(item: ScoredItem): number[] {
  const best = ids.map(() => -1);
  for (const segment of item.segments.filter((s) => !s.praiseOnly && !s.reading.silence)) {
    for (const unit of segment.units) {
      const sorted = [...unit.scores].sort((a, b) => b - a);
      const third = sorted[2] ?? 0;
      unit.scores.forEach((x, t) => {
        if (segment.reading.ruledOut.includes(ids[t]!) || x < sorted[1]!) return;
        if (x - third > best[t]!) best[t] = x - third;
      });
    }
  }
  return best;
}

/** The reader's roles over the item's reasons: the most boilerplate, employer and rule-out a reason text reads as, and how many read as reasons. */
function roleSummary(item: ScoredItem): number[] {
  const reasons = item.segments.filter((s) => !s.praiseOnly);
  const read = reasons.map((s) => s.units[0]?.roles).filter((r): r is number[] => r !== undefined && r.length === 5);
  if (read.length === 0) return [0, 0, 0, 0];
  const max = (r: number) => Math.max(...read.map((roles) => roles[r]!));
  const asReason = read.filter((roles) => roles[0]! >= Math.max(...roles)).length / read.length;
  return [max(4), max(3), max(2), asReason];
}

const all = gold.map((_, i) => i);
const itemRows: string[] = [];
const forward = flags.forward === undefined ? 0 : Number(flags.forward);
if (!Number.isInteger(forward) || forward < 0 || forward >= files.length)
  throw new Error(
    `--forward ${flags.forward}: give how many of the newest sets to score, each fitted on the sets before it (1–${files.length - 1})`,
  );
const loso = !flags['forward-only'] && !flags.lobo && !flags['trap-cv'];
console.log(`${gold.length} items: ${files.map((f, s) => `${path.basename(f)} ${gold.filter((g) => g.set === s).length}`).join(', ')}`);
if (loso) console.log(`| variant | CV all (5 folds) | ${files.map((f) => `left out: ${path.basename(f)}`).join(' | ')} | mean left out |`);

interface Split {
  /** The set scored. */
  set: number;
  train: number[];
  test: number[];
}

/** Each split's items scored by a head fitted on its training items alone: per set micro-F1 and its weakest themes, and all of them pooled. */
function scoreSplits(variant: Variant, fitSettings: FitSettings, splits: readonly Split[], label: string) {
  const perSet: number[] = [];
  const weak: string[] = [];
  const pooledPredicted: string[][] = [];
  const pooledGold: string[][] = [];
  const pooledPairs: { p: number; y: number }[] = [];
  for (const { set, train, test } of splits) {
    const { trainFeatures: a, testFeatures: b, testClauses } = featuresFor(variant, train, test);
    const head = fitFor(variant, fitSettings, a, train, test);
    const probabilities = b.map((item) => {
      const z = headLogits(head, item.features);
      return head.themes.map((theme, t) => calibrated(theme, z[t]!));
    });
    const gate = variant.noGate ? { ...head, noReason: null } : head;
    const predicted = b.map((item, k) => decideItem(gate, probabilities[k]!, ids, item.reading, item.shape).map((t) => ids[t]!));
    const report = evaluateAssignments(
      predicted,
      b.map((item) => [...item.themes]),
      ids,
    );
    pooledPredicted.push(...predicted);
    pooledGold.push(...b.map((item) => [...item.themes]));
    b.forEach((item, k) => {
      for (const [t, id] of ids.entries()) pooledPairs.push({ p: probabilities[k]![t]!, y: item.themes.includes(id) ? 1 : 0 });
    });
    test.forEach((i, k) => {
      itemRows.push(
        JSON.stringify({
          variant: variant.name,
          split: label,
          set: path.basename(files[set]!),
          text: gold[i]!.text,
          gold: gold[i]!.themes,
          predicted: predicted[k],
          probabilities: Object.fromEntries(ids.map((id, t) => [id, Math.round(probabilities[k]![t]! * 1000) / 1000])),
          assignAt: head.assignAt,
          gateCut: head.noReason?.cut,
          // How the rules of reading left the item: the themes they allow, and the reasons that are not all praise.
          allowed: ids.filter((_, t) => b[k]!.reading.allowed[t]),
          asserted: ids.filter((_, t) => b[k]!.reading.asserted[t]),
          reasons: b[k]!.shape.reasons,
          silence: b[k]!.shape.silence,
          // What the no-reason gate saw and concluded, and each clause as the reader and the probe read it.
          ...(head.noReason
            ? (() => {
                const g = gateFeatures(probabilities[k]!, ids, head.assignAt, b[k]!.reading, b[k]!.shape);
                return { gateFeatures: g.map(round), gate: round(gateProbability(head.noReason, g)) };
              })()
            : {}),
          clauses: testClauses[k],
        }),
      );
    });
    perSet.push(report.microF1);
    weak.push(
      `${path.basename(files[set]!)} (l2 ${head.l2}, w ${head.positiveWeight}, cut ${head.assignAt}, gate ${head.noReason?.cut ?? '-'}): ` +
        report.themes
          .filter((t) => t.support > 0)
          .sort((x, y) => x.f1 - y.f1)
          .slice(0, 3)
          .map((t) => `${t.id} ${t.f1.toFixed(2)}`)
          .join(', '),
    );
  }
  return { perSet, weak, pooled: evaluateAssignments(pooledPredicted, pooledGold, ids), pooledPairs };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Each clause of an item as read: its segment's standing, the reader's likeliest role and reason probability, the probe's best theme. */
function clausesOf(item: ScoredItem) {
  return item.segments.flatMap((segment) =>
    segment.units.map((unit) => {
      let best = -1;
      unit.probe?.forEach((p, t) => {
        if (best < 0 || p > unit.probe![best]!) best = t;
      });
      return {
        text: unit.text,
        praiseOnly: segment.praiseOnly,
        ruledOut: segment.reading.ruledOut,
        role: unit.roles?.length === CLAUSE_ROLES.length ? likeliestRole(unit.roles) : null,
        reason: unit.roles ? round(unit.roles[0]!) : null,
        probe: best >= 0 ? `${ids[best]} ${round(unit.probe![best]!)}` : null,
        score: `${ids[unit.scores.indexOf(Math.max(...unit.scores))]} ${round(Math.max(...unit.scores))}`,
      };
    }),
  );
}

function printPooled(label: string, pooled: ReturnType<typeof evaluateAssignments>, pairs: { p: number; y: number }[]) {
  console.log(
    `  ${label} pooled: micro ${pooled.microF1.toFixed(3)}; ${pooled.themes.map((t) => `${t.id} ${t.f1.toFixed(3)}`).join(', ')}`,
  );
  console.log(`  ${label} pooled, recall: ${pooled.themes.map((t) => `${t.id} ${t.recall.toFixed(3)}`).join(', ')}`);
  console.log(`  ${label} pooled, precision: ${pooled.themes.map((t) => `${t.id} ${t.precision.toFixed(3)}`).join(', ')}`);
  const noReasonPairs = pairs.filter((_, n) => ids[n % ids.length] === 'uninformative');
  console.log(
    `  ${label} pooled: ECE ${reliability(pairs).ece.toFixed(4)} (${pairs.length} item-theme pairs); uninformative alone ${reliability(noReasonPairs).ece.toFixed(4)}`,
  );
}

for (const variant of variants) {
  const fitSettings: FitSettings = { ...settings, noReasonL2: variant.gateL2 ?? settings.noReasonL2, ...variant.fit };
  if (flags['cv-only']) {
    // The cross-validation over all items alone, as `train` fits: the cut it takes and each cut's micro-F1 (the plateau).
    const { trainFeatures } = featuresFor(variant, all, []);
    const head = fitHead(trainFeatures, ids, fitSettings);
    console.log(
      `| ${variant.name} | CV ${head.crossValidated.microF1.toFixed(4)} | l2 ${head.l2}, w ${head.positiveWeight}, cut ${head.assignAt}, gate ${head.noReason?.cut ?? '-'} | ` +
        head.byCut.map((c) => `${c.cut}: ${c.micro.toFixed(4)}`).join(', '),
    );
    continue;
  }
  if (loso) {
    const { trainFeatures } = featuresFor(variant, all, []);
    const cv = fitHead(trainFeatures, ids, fitSettings).crossValidated.microF1;
    const splits = files.map((_, s) => ({
      set: s,
      train: all.filter((i) => gold[i]!.set !== s),
      test: all.filter((i) => gold[i]!.set === s),
    }));
    const { perSet, weak, pooled, pooledPairs } = scoreSplits(variant, fitSettings, splits, 'left out');
    const mean = perSet.reduce((a, b) => a + b, 0) / perSet.length;
    console.log(`| ${variant.name} | ${cv.toFixed(3)} | ${perSet.map((x) => x.toFixed(3)).join(' | ')} | ${mean.toFixed(3)} |`);
    console.log(`  weakest left out: ${weak.join('; ')}`);
    printPooled('all left out', pooled, pooledPairs);
  }
  if (forward > 0) {
    // Forward: each of the newest sets scored by a head fitted only on the sets written before it, as it was measured when it was new.
    const splits = files.slice(files.length - forward).map((_, k) => {
      const set = files.length - forward + k;
      return { set, train: all.filter((i) => gold[i]!.set < set), test: all.filter((i) => gold[i]!.set === set) };
    });
    const { perSet, weak, pooled, pooledPairs } = scoreSplits(variant, fitSettings, splits, 'forward');
    console.log(
      `| ${variant.name} | forward | ${splits.map((sp, k) => `${path.basename(files[sp.set]!)} ${perSet[k]!.toFixed(3)}`).join(' | ')} | pooled ${pooled.microF1.toFixed(3)} |`,
    );
    console.log(`  weakest forward: ${weak.join('; ')}`);
    printPooled('forward', pooled, pooledPairs);
  }
}

/** The traps (indices into trapList) numbered within `from`–`to`. */
const trapsNumbered = (from: number, to: number) =>
  trapList.flatMap((t, k) => (trapNumber(t.id) >= from && trapNumber(t.id) <= to ? [k] : []));
const parseRange = (spec: string) => {
  const [from, to] = spec.split('-').map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to)) throw new Error(`${spec}: give a range of trap numbers, e.g. 2259-2418`);
  return { from: from!, to: to! };
};

const trapFreeHeads = new Map<string, ReturnType<typeof fitHead>>();

/**
 * The variant's head; with `holdGate`, with the cut and the no-reason gate of the same variant fitted
 * without traps on the same items; with `holdCut`, fitted with the cut and the gate's cut held at
 * those (computed after the variant's own features, which are plain numbers by then, so re-reading
 * the items with a trap-free probe leaves them as they were).
 */
function fitFor(variant: Variant, fitSettings: FitSettings, features: LabelledFeatures[], train: number[], test: number[]) {
  if (!variant.holdGate && !variant.holdCut) return fitHead(features, ids, fitSettings);
  const { trapWeight: _t, probeTrapWeight: _p, holdGate: _h, holdCut: _c, ...rest } = variant;
  const free = fitHead(featuresFor({ ...rest, name: `${variant.name} without traps` }, train, test).trainFeatures, ids, fitSettings);
  if (variant.holdGate) return { ...fitHead(features, ids, fitSettings), assignAt: free.assignAt, noReason: free.noReason };
  return fitHead(features, ids, {
    ...fitSettings,
    cuts: [free.assignAt],
    gateCuts: free.noReason ? [free.noReason.cut] : fitSettings.gateCuts,
  });
}

/** The given traps decided by a head fitted on `features` (traps outside the fit's `trapsLeftOut` joined it where the variant says). */
function scoreTrapsWith(variant: Variant, fitSettings: FitSettings, scoredKs: readonly number[]) {
  const features = featuresFor(variant, all, []);
  // Without traps in its fit the head is the same whichever traps are left out: fitted once.
  const key = variant.trapWeight === undefined && variant.probeTrapWeight === undefined ? variant.name : null;
  // The trap features were read before a trap-free probe re-reads the traps (fitFor).
  const trapFeatures = features.trapFeatures;
  const head = (key && trapFreeHeads.get(key)) || fitFor(variant, fitSettings, features.trainFeatures, all, []);
  if (key) trapFreeHeads.set(key, head);
  const predicted = scoredKs.map((k) => {
    const item = trapFeatures[k]!;
    const z = headLogits(head, item.features);
    const p = head.themes.map((theme, t) => calibrated(theme, z[t]!));
    return decideItem(head, p, ids, item.reading, item.shape).map((t) => ids[t]!);
  });
  return {
    head,
    score: scoreTraps(
      scoredKs.map((k) => trapList[k]!),
      predicted,
    ),
  };
}

// Leave one trap batch out: each batch scored by heads fitted on every labelled set and (where the
// variant takes traps) every other dev trap; the variant without traps fits the same sets.
if (flags.lobo) {
  const batches = flags.lobo.split(',').map(parseRange);
  for (const variant of variants) {
    const fitSettings: FitSettings = { ...settings, noReasonL2: variant.gateL2 ?? settings.noReasonL2, ...variant.fit };
    const rows: string[] = [];
    let hits = 0;
    let sentences = 0;
    for (const { from, to } of batches) {
      const batch = trapsNumbered(from, to);
      trapsLeftOut = new Set(batch);
      const { head, score } = scoreTrapsWith(variant, fitSettings, batch);
      hits += score.forbiddenHits;
      sentences += score.sentences;
      rows.push(
        `${from}…${to}: ${score.forbiddenHits} of ${score.sentences}, required ${score.requiredRecall.toFixed(3)} (cut ${head.assignAt}, gate ${head.noReason?.cut ?? '-'}, CV ${head.crossValidated.microF1.toFixed(3)})`,
      );
    }
    trapsLeftOut = new Set();
    console.log(`| ${variant.name} | lobo | ${rows.join(' | ')} | ${hits} of ${sentences} |`);
  }
}

// Cross-validation over the traps numbered in a range (5 folds by position), every trap outside it
// kept out of the fit: how much traps should count, chosen without the newest batch.
if (flags['trap-cv']) {
  const { from, to } = parseRange(flags['trap-cv']);
  const within = trapsNumbered(from, to);
  const outside = trapList.map((_, k) => k).filter((k) => !within.includes(k));
  for (const variant of variants) {
    const fitSettings: FitSettings = { ...settings, noReasonL2: variant.gateL2 ?? settings.noReasonL2, ...variant.fit };
    const perFold: number[] = [];
    let hits = 0;
    let required = 0;
    let found = 0;
    const cvs: number[] = [];
    // Without traps in the fit one head scores them all; with them, five heads, each without its fold.
    const folds = variant.trapWeight === undefined ? [within] : [0, 1, 2, 3, 4].map((fold) => within.filter((_, n) => n % 5 === fold));
    for (const out of folds) {
      trapsLeftOut = new Set([...outside, ...out]);
      const { head, score } = scoreTrapsWith(variant, fitSettings, out);
      hits += score.forbiddenHits;
      const listed = out.reduce((n, k) => n + trapList[k]!.required.length, 0);
      required += listed;
      found += score.requiredRecall * listed;
      cvs.push(head.crossValidated.microF1);
      perFold.push(score.forbiddenHits);
    }
    trapsLeftOut = new Set();
    console.log(
      `| ${variant.name} | trap cv ${from}-${to} | ${hits} of ${within.length} forbidden | required ${(found / Math.max(1, required)).toFixed(3)} | labelled CV micro ${(cvs.reduce((a, b) => a + b, 0) / cvs.length).toFixed(4)} | folds ${perFold.join('/')} |`,
    );
  }
}
if (flags.items) await writeFile(flags.items, itemRows.map((row) => `${row}\n`).join(''));
