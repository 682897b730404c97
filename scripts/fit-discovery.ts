// How well emerging-theme discovery finds themes the taxonomy does not have. Two measurements, for
// each setting the flags name (around the engine's profile):
// - Leave one theme out: each theme in turn is removed from the taxonomy, the labelled sets are
//   classified without it by the engine the flags choose, and discovery runs over what is left
//   unexplained. The head never saw the removed theme's labels: with --refit-head SETS (comma-
//   separated labelled files, e.g. the five development sets the built-in head is fitted on) a head
//   is fitted on SETS without the removed themes (their labels dropped, as `train` would with that
//   taxonomy), and the run uses it as `run --head` would; without it, similarity thresholds decide.
// - A scenario (--remove, --novel): the themes named by --remove are taken out of the taxonomy and
//   the items of --novel files (labelled with topic ids the taxonomy does not have, such as
//   data/eval/references-dev.csv) are added, so several topics are missing at once; --known N
//   keeps only N of the items about known topics (chosen by hash), to match a smaller export.
// For each missing topic it prints the group holding most of its items: recall (share of the
// topic's items in it) and purity (share of the group's items that carry the topic), and how many
// of the topic's items reached the unexplained pool; a topic comes back with recall ≥ 0.4 and
// purity ≥ 0.6. With the whole taxonomy it counts the false alarms: groups shown when nothing is
// missing. Fit on the development sets only; held-out sets may be measured, never used to choose.
// Vectors and scores are kept in --vector-cache between runs; they, the heads and --runs are keyed by
// the engine, the model's weights and the classifying code and data (scripts/lib/code-stamp.ts).
//
//   tsx scripts/fit-discovery.ts [--engine E --model M …] data/eval/dev.csv data/eval/dev2.csv
//     [--remove conduct --novel data/eval/references-dev.csv [--known 150] [--no-loo]]
//     [--bands 0.07] [--neighbours 10,15] [--resolutions 0.8,1] [--second-resolutions 0,0.5] [--core 0,0.3]
//     [--margins 0,0.02] [--resamples 10] [--stability 0.5] [--novelty -1] [--directions 0,1] [--probe-directions 0,0.5] [--covered 1,0.75]
//     [--seed-below 1,0.95] [--seed-shares 1,0.4] [--join-shares 0,0.5] [--others-join 0,1] [--join-margins 0,0.03] [--boilerplate-joins 0,1] [--no-reason-covers 0,1]
//     [--methods louvain,umap-eom,umap-leaf] [--map-dims 5] [--map-min-dists 0] [--min-cluster-sizes 5,10]
//     [--probe-ranks 0,1] [--sure-leave 0,0.9] [--sure-nearer 0.125,Infinity] [--unsure-stability 0,1] [--stability-core 1,0.5] [--trace]
//     [--learnt-ranks 0,3] [--learnt-drops 0,0.25] [--learnt-l2 1] [--learnt-out FILE | --learnt-model FILE]
//     [--learnt-rows-out FILE | --learnt-rows-in FILE] [--runs-by-themes]
//     [--cutoffs 0.8 (lexical)] [--explained band,sure,0.7] [--refit-head SETS | --built-in-head] [--vector-cache FILE] [--runs FILE] [--detail]
// --learnt-ranks / --learnt-drops: the learnt test of "unexplained" (discover/unexplained.ts), fitted
// in leave one theme out on the runs where another theme was removed (nested); --learnt-out writes
// the model fitted on every run, --learnt-model uses such a model for every run (the scenario).
// --trace prints, for each removed theme, where its items are lost stage by stage (the pool, the
// seeds, the community before and after the member test, stability, the group once the rest
// joined and what pollutes it), then, after every guard, the topic's items in any shown group and
// in its best one, what else that group holds and what the head states for its items on and off
// the topic (`head reads`: nothing, no reason, a theme under 0.7, to 0.9, from 0.9), and where each of its items ends (fateLine: the
// `fates` lines, from explained by a known theme to the best group); --sure-leave the probability from
// which items the head is sure of leave a group (0: none), --sure-nearer how much nearer the group
// than the sure theme one of their sentences there keeps them (Infinity: none kept);
// --unsure-stability whether the stability test counts only the sentences of items the head is
// not sure of; --stability-core the most novel share of the seeds it counts (1: every seed).
// --probe-directions: the share of each vector's parts along the head's probe directions taken out
// of the vectors sentences are linked by (a run replayed by --runs-by-themes reads the probe of the
// head --refit-head or --built-in-head names, when kept in /tmp from before).
// --runs FILE keeps each run's classification and discovery vectors, so that trying other grouping
// settings later costs only the grouping (a changed taxonomy, set of items, head, model or
// classifying code is classified again).

import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { readGoldFiles } from '../src/classify/evaluate.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import { ENGINE_PROFILES, type DiscoveryProfile, type GroupingSettings } from '../src/classify/profiles.js';
import { discoverEmerging } from '../src/discover/index.js';
import type { DiscoverOptions, DiscoveryTrace } from '../src/discover/options.js';
import { statedItems, unexplainedSegments } from '../src/discover/select.js';
import { sureThemes } from '../src/discover/sure-leavers.js';
import { decidedThemes } from '../src/classify/head/bind.js';
import { themeThreshold } from '../src/classify/assign.js';
import { hashText } from '../src/hash.js';
import { correctionKey } from '../src/classify/corrections.js';
import { HEAD_VERSION, parseHeadFile, serialiseHead } from '../src/classify/head/file.js';
import { applyHead } from '../src/classify/head/bind.js';
import { DEFAULT_HEAD_PATH } from '../src/classify/head/resolve.js';
import { featureNames } from '../src/classify/head/features.js';
import { fitHeadFile } from '../src/commands/train.js';
import path from 'node:path';
import { createLogger } from '../src/logger.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';
import { fitUnexplainedModel, parseUnexplainedModel, unexplainedScore, type UnexplainedModel } from '../src/discover/unexplained.js';
import {
  UNINFORMATIVE_THEME,
  type ClassifiedItem,
  type Embedder,
  type FeedbackItem,
  type Taxonomy,
  type Thresholds,
} from '../src/types.js';
import { feedbackItem } from '../support/feedback-item.js';
import { ENGINE_FLAGS, engineConfigFrom, engineSetupKey } from './lib/engine-flags.js';
import { classifierCodeStamp } from './lib/code-stamp.js';
import { fileVectorCache } from './lib/file-vector-cache.js';

const { values: flags, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: {
    ...ENGINE_FLAGS,
    bands: { type: 'string' },
    neighbours: { type: 'string' },
    resolutions: { type: 'string' },
    'second-resolutions': { type: 'string' },
    core: { type: 'string' },
    margins: { type: 'string' },
    resamples: { type: 'string' },
    stability: { type: 'string' },
    'unsure-stability': { type: 'string' },
    novelty: { type: 'string' },
    directions: { type: 'string' },
    'probe-directions': { type: 'string' },
    covered: { type: 'string' },
    'sure-leave': { type: 'string' },
    'sure-nearer': { type: 'string' },
    'max-leaving': { type: 'string' },
    'seed-below': { type: 'string' },
    'seed-shares': { type: 'string' },
    'join-shares': { type: 'string' },
    'others-join': { type: 'string' },
    'join-margins': { type: 'string' },
    'boilerplate-joins': { type: 'string' },
    'no-reason-covers': { type: 'string' },
    'stability-core': { type: 'string' },
    methods: { type: 'string' },
    'map-dims': { type: 'string' },
    'map-min-dists': { type: 'string' },
    'min-cluster-sizes': { type: 'string' },
    'probe-ranks': { type: 'string' },
    'learnt-ranks': { type: 'string' },
    'learnt-l2': { type: 'string' },
    'learnt-drops': { type: 'string' },
    'learnt-rows-out': { type: 'string' },
    'learnt-rows-in': { type: 'string' },
    'learnt-model': { type: 'string' },
    'learnt-out': { type: 'string' },
    'runs-by-themes': { type: 'boolean' },
    cutoffs: { type: 'string' },
    remove: { type: 'string' },
    novel: { type: 'string', multiple: true },
    known: { type: 'string' },
    'per-topic': { type: 'string' },
    sample: { type: 'string' },
    'head-from': { type: 'string' },
    'no-loo': { type: 'boolean' },
    'vector-cache': { type: 'string' },
    runs: { type: 'string' },
    detail: { type: 'boolean' },
    trace: { type: 'boolean' },
    'refit-head': { type: 'string' },
    'built-in-head': { type: 'boolean' },
    explained: { type: 'string' },
  },
});
const config = engineConfigFrom(flags);
const logger = createLogger({ quiet: true });
// The classifying code and data (rules of reading, the reader, the head files) key every head, run
// and score kept between runs, beside the engine and the model's weights: a stale one never feeds a fit.
const codeStamp = classifierCodeStamp();
const setupKey = `${engineSetupKey(config)}|${codeStamp}`;
const storeFile = flags['vector-cache'] ?? `/tmp/fit-discovery-vectors-${codeStamp}.json`;
const store = await fileVectorCache(storeFile, codeStamp);
const full = await loadTaxonomy(config.taxonomy);
const ids = full.themes.map((t) => t.id);

// Each labelled item is its own candidate, so the minimum of 3 candidates is the minimum of 3 items.
async function labelledItems(files: string[], topicIds: readonly string[], prefix: string) {
  const gold = await readGoldFiles(files, topicIds);
  return gold.map((g, i) => ({
    item: feedbackItem({ id: `${prefix}${i}`, candidate: `${prefix}c${i}`, text: g.text, source: 'gold', line: i + 2 }),
    labels: g.themes,
  }));
}
/** The topic ids a labelled file uses that the taxonomy does not have. */
async function novelTopicsOf(files: readonly string[]): Promise<string[]> {
  const topics = new Set<string>();
  for (const file of files) {
    const rows = Papa.parse<{ themes?: string }>(await readFile(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const row of rows) for (const id of (row.themes ?? '').split('|')) if (id && !ids.includes(id)) topics.add(id);
  }
  return [...topics].sort();
}

type Labelled = { item: FeedbackItem; labels: string[] };
const devItems = await labelledItems(paths, ids, 'g');
const novelFiles = flags.novel ?? [];
const novelTopics = await novelTopicsOf(novelFiles);
const novelItems = novelFiles.length > 0 ? await labelledItems(novelFiles, [...ids, ...novelTopics], 'n') : [];
const removed = flags.remove?.split(',').filter(Boolean) ?? [];
for (const id of removed) if (!ids.includes(id)) throw new Error(`--remove ${id}: not a theme of the taxonomy`);

/** The order items are drawn in: by hash, and by another hash for each --sample S (S a word or number). */
const drawKey = (entry: Labelled) => hashText(flags.sample ? `${flags.sample}|${entry.item.text}` : entry.item.text);
const drawn = (entries: readonly Labelled[], count: number) =>
  [...entries].sort((a, b) => (drawKey(a) < drawKey(b) ? -1 : 1)).slice(0, count);

/**
 * The scenario's items: every item of a missing topic (--per-topic N: N of each, drawn by hash),
 * and --known N of the rest, by hash.
 */
function scenarioItems(missing: readonly string[]): Labelled[] {
  const all = [...devItems, ...novelItems];
  if (!flags.known && !flags['per-topic']) return all;
  const isMissing = (entry: Labelled) => entry.labels.some((id) => missing.includes(id));
  const perTopic = Number(flags['per-topic'] ?? Infinity);
  const ofMissing = missing.flatMap((topic) =>
    drawn(
      all.filter((entry) => entry.labels.includes(topic)),
      perTopic,
    ),
  );
  const others = all.filter((entry) => !isMissing(entry));
  const known = drawn(others, Number(flags.known ?? others.length));
  const keep = new Set([...ofMissing, ...known]);
  return all.filter((entry) => keep.has(entry));
}

const numbers = (text: string | undefined, fallback: number) => text?.split(',').map(Number) ?? [fallback];
/** Every setting the flags name around the engine's profile: cut-offs for average linkage, the rest for neighbourhoods. */
function grid(profile: DiscoveryProfile, band: number): DiscoverOptions[] {
  const g = profile.grouping;
  if (!g) return numbers(flags.cutoffs, profile.maxDistance).map((maxDistance) => ({ ...profile, weakBand: band, maxDistance }));
  // Every combination of the values given for each setting.
  const axes: [keyof GroupingSettings, string | undefined][] = [
    ['neighbours', flags.neighbours],
    ['resolution', flags.resolutions],
    ['secondResolution', flags['second-resolutions']],
    ['coreShare', flags.core],
    ['memberMargin', flags.margins],
    ['resamples', flags.resamples],
    ['minStability', flags.stability],
    ['stabilityCore', flags['stability-core']],
    ['minNovelty', flags.novelty],
    ['themeDirections', flags.directions],
    ['probeDirections', flags['probe-directions']],
    ['maxCovered', flags.covered],
    ['sureLeave', flags['sure-leave']],
    ['sureNearer', flags['sure-nearer']],
    ['maxLeaving', flags['max-leaving']],
    ['seedBelow', flags['seed-below']],
    ['seedShare', flags['seed-shares']],
    ['joinShare', flags['join-shares']],
    ['joinMargin', flags['join-margins']],
    ['mapDimensions', flags['map-dims']],
    ['mapMinDistance', flags['map-min-dists']],
    ['minClusterSize', flags['min-cluster-sizes']],
    ['probeRank', flags['probe-ranks']],
    ['learntRank', flags['learnt-ranks']],
    ['learntDrop', flags['learnt-drops']],
  ];
  let settings: GroupingSettings[] = [g];
  for (const [key, given] of axes)
    settings = settings.flatMap((s) => numbers(given, s[key] as number).map((value) => ({ ...s, [key]: value })));
  // The settings that are on or off: 1 or true is on, anything else off.
  const switches: [keyof GroupingSettings, string | undefined][] = [
    ['othersJoin', flags['others-join']],
    ['boilerplateJoins', flags['boilerplate-joins']],
    ['unsureStability', flags['unsure-stability']],
    ['noReasonCovers', flags['no-reason-covers']],
  ];
  for (const [key, given] of switches) {
    const values = given?.split(',').map((text) => text === '1' || text === 'true');
    if (values) settings = settings.flatMap((s) => values.map((value) => ({ ...s, [key]: value })));
  }
  // louvain, umap-eom or umap-leaf: how the graph is split (discover/communities.ts).
  const methods = flags.methods?.split(',').map((text) => {
    if (text === 'louvain') return { method: 'louvain' as const };
    if (text === 'umap-eom' || text === 'umap-leaf')
      return { method: 'umap-hdbscan' as const, clusterSelection: text === 'umap-eom' ? ('eom' as const) : ('leaf' as const) };
    throw new Error(`--methods ${text}: expected louvain, umap-eom or umap-leaf`);
  });
  if (methods) settings = settings.flatMap((s) => methods.map((method) => ({ ...s, ...method })));
  return settings.map((grouping) => ({ ...profile, weakBand: band, grouping }));
}

/**
 * --trace: where a missing topic's items are lost, stage by stage (items, not sentences): in the
 * pool (the sample), among the seeds; the community holding most of the seeds' topic items before
 * the member test (share of those items, purity), the same community after it; the best candidate
 * group and its stability; the best group passing stability once the rest joined (recall of all
 * the topic's items, purity, covered share, big enough); what else its items are labelled.
 */
function traceLine(
  trace: DiscoveryTrace,
  entries: readonly Labelled[],
  topic: string,
  minStability: number,
  stated: Set<string>,
  sure: ReadonlyMap<string, string[]>,
): string {
  const labelOf = new Map(entries.map((e) => [e.item.id, e.labels]));
  const total = entries.filter((e) => e.labels.includes(topic)).length;
  const itemsOf = (sentences: readonly number[]) => new Set(sentences.flatMap((i) => trace.sample[i]!.itemIds));
  const hits = (items: Set<string>) => [...items].filter((id) => labelOf.get(id)!.includes(topic)).length;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0).toFixed(2);
  const poolItems = itemsOf(trace.sample.map((_, i) => i));
  const seedItems = itemsOf(trace.seeds);
  const inSeeds = hits(seedItems);
  // The one of `list` holding most of the topic's items, with how many items it holds.
  const best = <T>(list: readonly T[], itemsIn: (x: T) => Set<string>) =>
    list.reduce<{ x: T | null; hit: number; items: number }>(
      (top, x) => {
        const items = itemsIn(x);
        const hit = hits(items);
        return hit > top.hit ? { x, hit, items: items.size } : top;
      },
      { x: null, hit: 0, items: 0 },
    );
  const raw = best(trace.communities, (c) => itemsOf(c.raw));
  const keptItems = itemsOf(raw.x?.kept ?? []);
  const kept = { hit: hits(keptItems), items: keptItems.size };
  const candidate = best(trace.candidates, (c) => itemsOf(c.members));
  const stable = best(
    trace.candidates.filter((c) => c.stability >= minStability),
    (c) => itemsOf(c.members),
  );
  const joined = best(trace.groups, (g) => new Set(g.items));
  const group = joined.x;
  const onTopic = (group?.items ?? []).filter((id) => labelOf.get(id)!.includes(topic));
  const offTopic = (group?.items ?? []).filter((id) => !labelOf.get(id)!.includes(topic));
  const others = new Map<string, number>();
  for (const id of group?.items ?? [])
    for (const label of labelOf.get(id)!) if (label !== topic) others.set(label, (others.get(label) ?? 0) + 1);
  const polluters = [...others]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  return (
    `  trace ${topic.padEnd(15)} pool ${hits(poolItems)}/${total} (share ${ratio(hits(poolItems), poolItems.size)})  seeds ${inSeeds} (share ${ratio(inSeeds, seedItems.size)})` +
    `  community ${raw.hit} (${ratio(raw.hit, inSeeds)} of seeds, purity ${ratio(raw.hit, raw.items)}, ${raw.items} items)` +
    `  members ${kept.hit} (purity ${ratio(kept.hit, kept.items)})` +
    `  candidate ${candidate.hit} stability ${candidate.x ? candidate.x.stability.toFixed(2) : '-'}  stable ${stable.hit}` +
    `  joined ${joined.hit} (recall ${ratio(joined.hit, total)}, purity ${ratio(joined.hit, joined.items)}, covered ${group ? group.covered.toFixed(2) : '-'}, sure ${group ? (group.items.filter((id) => sure.has(id)).length / group.items.length).toFixed(2) : '-'}, leaving ${group ? group.leaving.toFixed(2) : '-'}${group && !group.bigEnough ? ', too small' : ''})` +
    `  with ${polluters || '-'}` +
    `  stated: topic ${ratio(onTopic.filter((id) => stated.has(id)).length, onTopic.length)}, rest ${ratio(offTopic.filter((id) => stated.has(id)).length, offTopic.length)}`
  );
}

/**
 * --trace, after every guard: of the topic's items, how many are in any shown group and in its best
 * one, that group's size and purity, and what else it holds; then each shown group's make-up.
 */
function shownLines(
  groups: readonly { id: string; members: string[] }[],
  byItem: Map<string, string[]>,
  labelOf: ReadonlyMap<string, string[]>,
  entries: readonly Labelled[],
  topic: string,
  classified: readonly ClassifiedItem[],
): string[] {
  const total = entries.filter((e) => e.labels.includes(topic)).length;
  const onTopic = (items: string[]) => items.filter((item) => labelOf.get(item)!.includes(topic)).length;
  const makeUp = (items: string[]) => {
    const counts = new Map<string, number>();
    for (const item of items) for (const label of labelOf.get(item)!) counts.set(label, (counts.get(label) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ');
  };
  const inAny = [...byItem.keys()].filter((item) => labelOf.get(item)!.includes(topic)).length;
  const best = groups.reduce<(typeof groups)[number] | null>(
    (top, g) => (!top || onTopic(g.members) > onTopic(top.members) ? g : top),
    null,
  );
  const hit = best ? onTopic(best.members) : 0;
  const size = best?.members.length ?? 0;
  // What the head states for the best group's items on and off the topic: nothing, "no reason
  // given", or a theme under 0.7, 0.7–0.9, from 0.9 (the surest stated theme).
  const themesOf = new Map(classified.map((c) => [c.item.id, c.themes.filter((t) => !t.tentative)]));
  const headRead = (items: string[]) => {
    const bins = new Map<string, number>();
    for (const item of items) {
      const stated = themesOf.get(item) ?? [];
      const top = Math.max(0, ...stated.map((t) => t.confidence ?? 0));
      const bin =
        stated.length === 0
          ? 'none'
          : stated.some((t) => t.themeId === UNINFORMATIVE_THEME)
            ? 'noreason'
            : top >= 0.9
              ? 'sure'
              : top >= 0.7
                ? '0.7-0.9'
                : '<0.7';
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
    return ['none', 'noreason', '<0.7', '0.7-0.9', 'sure'].map((b) => `${b} ${bins.get(b) ?? 0}`).join(' ');
  };
  const on = best ? best.members.filter((item) => labelOf.get(item)!.includes(topic)) : [];
  const off = best ? best.members.filter((item) => !labelOf.get(item)!.includes(topic)) : [];
  return [
    `  shown ${topic.padEnd(15)} in any group ${inAny}/${total}  best ${hit} (recall ${(hit / total).toFixed(2)}, purity ${(size ? hit / size : 0).toFixed(2)}, ${size} items)  with ${best ? makeUp(best.members.filter((item) => !labelOf.get(item)!.includes(topic))) || '-' : '-'}`,
    `    head reads: topic ${headRead(on)} | rest ${headRead(off)}`,
    ...groups.map((g) => `    group ${g.id} ${g.members.length} items: ${makeUp(g.members)}`),
  ];
}

/**
 * --trace with nothing missing: each group that passed the stability test, once the rest joined,
 * with its stability, the share of its items a head states a theme for, and its items' labels, so
 * that a false alarm can be told from a missing topic's group by what the guards read.
 */
function stableLines(
  trace: DiscoveryTrace,
  labelOf: ReadonlyMap<string, string[]>,
  minStability: number,
  sure: ReadonlyMap<string, string[]>,
): string[] {
  const stable = trace.candidates.filter((c) => c.stability >= minStability);
  return trace.groups.map((g, i) => {
    const counts = new Map<string, number>();
    for (const id of g.items) for (const label of labelOf.get(id)!) counts.set(label, (counts.get(label) ?? 0) + 1);
    const makeUp = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ');
    return `  stable group ${i + 1}: ${g.items.length} items, stability ${stable[i]?.stability.toFixed(2) ?? '-'}, covered ${g.covered.toFixed(2)}, sure ${(g.items.filter((id) => sure.has(id)).length / g.items.length).toFixed(2)}, leaving ${g.leaving.toFixed(2)}${g.bigEnough ? '' : ', too small'}: ${makeUp}`;
  });
}

/** Why each item of a missing topic is not in the unexplained pool, for --trace's fates. */
interface OutsidePool {
  /** Items whose only pool sentences the boilerplate theme claims (they may join a group, never seed one). */
  boilerplate: Set<string>;
  /** Items none of whose sentences is unexplained or boilerplate, though some would be without the band: a known theme explains them. */
  explained: Set<string>;
}

/**
 * --trace, item by item: where each of the topic's items ends, the first of these that holds:
 * outside the pool (explained by a known theme, the item's own second theme or another, with the
 * head's probability for it; boilerplate, which may only join; praise or too short); in the pool
 * but not among the seeds and in no group; a seed the member test put out of its community or
 * whose community kept under two sentences (a crumb); a seed whose community the stability test
 * refused (mixed or pure: the topic's share of its items under or over 0.6); in a stable group
 * that is too small, that the coverage guard refused, or that it left (the head sure of it); in
 * the topic's best shown group or in another shown group.
 */
function fateLine(
  trace: DiscoveryTrace,
  shown: readonly { members: string[] }[],
  entries: readonly Labelled[],
  classified: readonly ClassifiedItem[],
  outside: OutsidePool,
  thresholds: Thresholds,
  taxonomy: Taxonomy,
  topic: string,
  minStability: number,
  maxCovered: number,
  maxLeaving: number,
  sure: ReadonlyMap<string, string[]>,
): string {
  const labelOf = new Map(entries.map((e) => [e.item.id, e.labels]));
  const byId = new Map(classified.map((c) => [c.item.id, c]));
  const onTopic = (items: Iterable<string>) => [...items].filter((id) => labelOf.get(id)!.includes(topic)).length;
  const ids = taxonomy.themes.map((t) => t.id);
  // Each sample sentence's community (raw) and whether the member test kept it there.
  const communityOf = new Map<number, { at: number; kept: boolean }>();
  trace.communities.forEach((c, at) => {
    const kept = new Set(c.kept);
    for (const i of c.raw) communityOf.set(i, { at, kept: kept.has(i) });
  });
  const itemsOfSentences = (sentences: readonly number[]) => new Set(sentences.flatMap((i) => trace.sample[i]!.itemIds));
  const communityPurity = trace.communities.map((c) => {
    const items = itemsOfSentences(c.raw);
    return onTopic(items) / Math.max(1, items.size);
  });
  // Candidates are the communities whose kept part holds two sentences or more, in order.
  const candidateOf = new Map<number, number>();
  let next = 0;
  trace.communities.forEach((c, at) => {
    if (c.kept.length >= 2) candidateOf.set(at, next++);
  });
  const best = shown.reduce<{ members: string[] } | null>((top, g) => (!top || onTopic(g.members) > onTopic(top.members) ? g : top), null);
  const inBest = new Set(best?.members ?? []);
  const inShown = new Set(shown.flatMap((g) => g.members));
  const sentencesOf = new Map<string, number[]>();
  trace.sample.forEach((s, i) => {
    for (const id of s.itemIds) sentencesOf.set(id, [...(sentencesOf.get(id) ?? []), i]);
  });
  const seeds = new Set(trace.seeds);
  const counts = new Map<string, number>();
  const count = (fate: string) => counts.set(fate, (counts.get(fate) ?? 0) + 1);
  for (const entry of entries) {
    if (!entry.labels.includes(topic)) continue;
    const id = entry.item.id;
    if (inBest.has(id)) count('best group');
    else if (inShown.has(id)) count('other shown group');
    else if (trace.groups.some((g) => g.items.includes(id))) {
      const group = trace.groups.find((g) => g.items.includes(id))!;
      count(
        !group.bigEnough
          ? 'stable group too small'
          : group.covered > maxCovered
            ? 'coverage refused'
            : group.leaving > maxLeaving && !sure.has(id)
              ? 'leaving refused'
              : 'left (head sure)',
      );
    } else if (sentencesOf.has(id)) {
      const own = sentencesOf.get(id)!.filter((i) => seeds.has(i));
      if (own.length === 0) {
        count('pool, not a seed, joined none');
        continue;
      }
      const homes = own.map((i) => communityOf.get(i)).filter((h) => h !== undefined);
      const home = homes.find((h) => h.kept) ?? homes[0];
      if (!home?.kept) count('member test put out');
      else if (!candidateOf.has(home.at)) count('crumb');
      else {
        const stability = trace.candidates[candidateOf.get(home.at)!]!.stability;
        const mixed = communityPurity[home.at]! < 0.6 ? 'mixed' : 'pure';
        count(stability < minStability ? `stability refused, ${mixed}` : `stable, ${mixed}, joined no shown group`);
      }
    } else if (outside.explained.has(id)) {
      const item = byId.get(id)!;
      // The known theme that explains it most clearly, and the head's probability for it.
      let top = { theme: '', margin: -Infinity };
      for (const segment of item.segments)
        segment.scores.forEach((score, t) => {
          const margin = score - themeThreshold(thresholds, ids[t]!);
          if (ids[t] !== 'uninformative' && margin > top.margin) top = { theme: ids[t]!, margin };
        });
      const stated = item.themes.find((t) => t.themeId === top.theme);
      const p = stated?.confidence;
      const sure = p === undefined ? 'not stated' : stated!.tentative ? 'possibly' : p >= 0.9 ? 'sure' : 'stated';
      count(`explained, ${entry.labels.includes(top.theme) ? 'its own second theme' : 'another theme'} (${sure})`);
    } else if (outside.boilerplate.has(id)) count('boilerplate only');
    else count('praise or short');
  }
  const total = entries.filter((e) => e.labels.includes(topic)).length;
  return `  fates ${topic.padEnd(15)} ${total} items: ${[...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([f, n]) => `${f} ${n}`)
    .join('; ')}`;
}

interface Outcome {
  topic: string;
  groups: number;
  id: string;
  items: number;
  inPool: number;
  total: number;
  purity: number;
  recall: number;
  /** The topic's items in a shown group other than its best one (and not in it). */
  elsewhere: number;
  /** Shown groups holding any of the topic's items. */
  holding: number;
}
interface Cell {
  name: string;
  leaveOneOut: Outcome[];
  scenario: Outcome[];
  scenarioGroups: string[];
  falseAlarms: { groups: number; items: number; labels: string[] };
  /** --trace: where each missing topic was lost, stage by stage. */
  traces: string[];
}
const cells = new Map<string, Cell>();
let engineName = '';

/**
 * Classifies `entries` with `taxonomy` and runs discovery for every cell of the grid; `missing`
 * topics are measured (best group, share in the pool).
 */
async function measure(
  taxonomy: Taxonomy,
  entries: readonly Labelled[],
  missing: readonly string[],
  visit: (cell: Cell, outcomes: Outcome[], labels: string[], items: number) => void,
) {
  const { classified, thresholds, headThemes, embedder, dispose, probe } = await classifiedRun(taxonomy, entries);
  const labelOf = new Map(entries.map((e) => [e.item.id, e.labels]));
  // For --trace: the items a head states a theme for, "no reason given" included.
  const stated = statedItems(classified, true);
  const profile = ENGINE_PROFILES[engineName as keyof typeof ENGINE_PROFILES].discovery;
  for (const band of numbers(flags.bands, profile.weakBand)) {
    for (const explainedText of flags.explained?.split(',') ?? ['band']) {
      // 'band': the similarity band decides for every theme, as without a head.
      const explained = explainedText === 'sure' || explainedText === 'band' ? null : Number(explainedText);
      const poolThemes = explainedText === 'band' ? null : headThemes;
      const pool = new Set(unexplainedSegments(classified, taxonomy, thresholds, band, poolThemes, explained).map((s) => s.itemId));
      // For --trace's fates: the items outside the pool that the boilerplate theme claims, and those a known theme explains.
      const withBoilerplate = new Set(
        unexplainedSegments(classified, taxonomy, thresholds, band, poolThemes, explained, true).map((s) => s.itemId),
      );
      const unbanded = new Set(unexplainedSegments(classified, taxonomy, thresholds, Infinity, null, null, true).map((s) => s.itemId));
      const outside: OutsidePool = {
        boilerplate: new Set([...withBoilerplate].filter((id) => !pool.has(id))),
        explained: new Set([...unbanded].filter((id) => !withBoilerplate.has(id))),
      };
      for (const options of grid(profile, band)) {
        const g = options.grouping;
        let trace: DiscoveryTrace | null = null;
        const setting = g
          ? `band ${band} k ${g.neighbours} resolution ${g.resolution}${g.secondResolution > 0 ? ` and ${g.secondResolution}` : ''} core ${g.coreShare} margin ${g.memberMargin} resamples ${g.resamples} stability ${g.minStability}${g.unsureStability ? ' unsure stability' : ''}${g.stabilityCore < 1 ? ` stability core ${g.stabilityCore}` : ''} novelty ${g.minNovelty} directions ${g.themeDirections}${g.probeDirections > 0 ? ` probe directions ${g.probeDirections}` : ''} covered ${g.maxCovered} seed below ${g.seedBelow} seed share ${g.seedShare} join share ${g.joinShare} others join ${g.othersJoin} join margin ${g.joinMargin} boilerplate joins ${g.boilerplateJoins} no reason covers ${g.noReasonCovers}${g.sureLeave > 0 ? ` sure leave ${g.sureLeave}` : ''}${g.sureNearer < Infinity ? ` sure nearer ${g.sureNearer}` : ''}${g.maxLeaving < 1 ? ` max leaving ${g.maxLeaving}` : ''}${g.probeRank > 0 ? ` probe rank ${g.probeRank}` : ''}${g.learntRank > 0 ? ` learnt rank ${g.learntRank}` : ''}${g.learntDrop > 0 ? ` learnt drop ${g.learntDrop}` : ''} ${g.method === 'louvain' ? 'louvain' : `umap ${g.mapDimensions}d min dist ${g.mapMinDistance} hdbscan ${g.clusterSelection} ${g.minClusterSize}`}`
          : `band ${band} cut-off ${options.maxDistance}`;
        const name = `${setting} explained from ${explainedText}`;
        if (!cells.has(name))
          cells.set(name, {
            name,
            leaveOneOut: [],
            scenario: [],
            scenarioGroups: [],
            falseAlarms: { groups: 0, items: 0, labels: [] },
            traces: [],
          });
        const { emerging: found, byItem } = await discoverEmerging(classified, taxonomy, thresholds, embedder, {
          ...options,
          headThemes: poolThemes,
          explainedFrom: explained,
          probe,
          unexplainedModel: learntModelFor(missing),
          onTrace: flags.trace ? (t) => (trace = t) : undefined,
        });
        // Each shown group with its items.
        const emerging = found.map((e) => ({ ...e, members: [...byItem].filter(([, ids]) => ids.includes(e.id)).map(([id]) => id) }));
        if (trace && missing.length === 0)
          cells
            .get(name)!
            .traces.push(
              ...stableLines(
                trace,
                labelOf,
                options.grouping?.minStability ?? 0,
                sureThemes(classified, options.grouping?.sureLeave || Infinity),
              ),
            );
        if (trace)
          for (const topic of missing)
            cells
              .get(name)!
              .traces.push(
                traceLine(
                  trace,
                  entries,
                  topic,
                  options.grouping?.minStability ?? 0,
                  stated,
                  sureThemes(classified, options.grouping?.sureLeave || Infinity),
                ),
                ...shownLines(emerging, byItem, labelOf, entries, topic, classified),
                fateLine(
                  trace,
                  emerging,
                  entries,
                  classified,
                  outside,
                  thresholds,
                  taxonomy,
                  topic,
                  options.grouping?.minStability ?? 0,
                  options.grouping?.maxCovered ?? 1,
                  options.grouping?.maxLeaving ?? 1,
                  sureThemes(classified, options.grouping?.sureLeave || Infinity),
                ),
              );
        const outcomes = missing.map((topic) => {
          const positives = entries.filter((e) => e.labels.includes(topic));
          const inPool = positives.filter((e) => pool.has(e.item.id)).length;
          const grouped = positives.filter((e) => byItem.has(e.item.id)).length;
          let best: Outcome = {
            topic,
            groups: emerging.length,
            id: '-',
            purity: 0,
            recall: 0,
            items: 0,
            inPool,
            total: positives.length,
            elsewhere: grouped,
            holding: 0,
          };
          for (const cluster of emerging) {
            const { members } = cluster;
            const hits = members.filter((id) => labelOf.get(id)!.includes(topic)).length;
            if (hits > 0) best.holding++;
            if (hits / positives.length > best.recall)
              best = {
                ...best,
                id: `${cluster.id} ${cluster.label}`,
                purity: hits / members.length,
                recall: hits / positives.length,
                items: members.length,
              };
          }
          // Of the topic's grouped items, those not in its best group (in another group only).
          best.elsewhere = grouped - Math.round(best.recall * positives.length);
          return best;
        });
        const labels = emerging.map((e) => {
          const { members } = e;
          const counts = new Map<string, number>();
          for (const id of members) for (const label of labelOf.get(id)!) counts.set(label, (counts.get(label) ?? 0) + 1);
          const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
          return `${e.label} (${members.length}: ${top.map(([l, n]) => `${l} ${n}`).join(', ')})`;
        });
        visit(cells.get(name)!, outcomes, labels, byItem.size);
      }
    }
  }
  await dispose();
  // Kept after every classification, so that a run stopped part way keeps what it classified.
  if (flags.runs && runsChanged) await writeFile(flags.runs, JSON.stringify(savedRuns));
}

/** What one classification run leaves for discovery, kept in --runs FILE when given. */
interface SavedRun {
  engine: string;
  classified: ClassifiedItem[];
  thresholds: Thresholds;
  /** The themes a head decided (null: none). */
  headThemes: string[] | null;
  /** Text → the discovery embedder's vector, for every text discovery embedded. */
  vectors: Record<string, number[]>;
  dims: number;
}
const savedRuns: Record<string, SavedRun> = flags.runs && existsSync(flags.runs) ? JSON.parse(await readFile(flags.runs, 'utf8')) : {};
let runsChanged = false;

// A taxonomy without some themes is classified with a head refitted on --refit-head's sets without
// them (their labels dropped), never with one that saw their labels; without --refit-head, with
// the similarity thresholds alone. The whole taxonomy uses the engine's own (the built-in head).
const headFiles = flags['refit-head']?.split(',').filter(Boolean) ?? [];
/** The labelled items of `files`, each text once. */
async function headTrainingFrom(files: readonly string[]): Promise<{ text: string; themes: string[] }[]> {
  const seen = new Set<string>();
  const training: { text: string; themes: string[] }[] = [];
  for (const g of await readGoldFiles([...files], ids)) {
    if (seen.has(correctionKey(g.text))) continue;
    seen.add(correctionKey(g.text));
    training.push({ text: g.text, themes: g.themes });
  }
  return training;
}
/**
 * The head file to classify `taxonomy` with, null for none, undefined for the engine's own (the whole taxonomy);
 * without `fit`, a fitted head only when one was kept from before.
 * --head-from SETS: a head fitted on SETS with the whole taxonomy, deciding the themes left as the
 * built-in head does in `run`, but for items it was not fitted on (scenarios drawn from other sets).
 */
async function headFor(taxonomy: Taxonomy, fit: boolean): Promise<string | null | undefined> {
  if (flags['head-from']) return fittedHead(full, flags['head-from'].split(',').filter(Boolean), fit);
  // --built-in-head: as `run` does, the built-in head (which saw every theme's labels) decides the themes left.
  if (taxonomy === full || flags['built-in-head']) return undefined;
  if (headFiles.length === 0) return null;
  return fittedHead(taxonomy, headFiles, fit);
}

/**
 * A head fitted on `files` for `taxonomy` (the labels of themes it lacks dropped), kept beside the
 * vector cache (/tmp by default) between runs; without `fit`, only one kept before (null when there is none).
 */
async function fittedHead(taxonomy: Taxonomy, files: readonly string[], fit: boolean): Promise<string | null> {
  const kept = taxonomy.themes.map((t) => t.id);
  // Kept between runs (refitting takes a minute); a head of another engine, features or format is never reused.
  const key = `${setupKey}|${JSON.stringify(taxonomy)}|${files.join(',')}|${HEAD_VERSION}|${featureNames(true).join(',')}`;
  const file = path.join(path.dirname(storeFile), `fit-discovery-head-${hashText(key).slice(0, 12)}.json`);
  if (existsSync(file)) return file;
  if (!fit) return null;
  const prepared = await prepareClassifier({ ...config, head: null }, logger, { taxonomy, store });
  const items = (await headTrainingFrom(files)).map((g) => ({ text: g.text, themes: g.themes.filter((id) => kept.includes(id)) }));
  const head = await fitHeadFile(prepared, items, {
    files: files.map((f) => path.basename(f)),
    weights: prepared.profile.weights,
    logger,
  });
  await prepared.dispose();
  await writeFile(file, serialiseHead(head));
  return file;
}

/**
 * --runs-by-themes: the saved run of as many items whose head decided exactly the taxonomy's
 * themes, whatever set-up saved it (to compare discovery settings on classifications saved by
 * earlier code; run with the taxonomy they were classified with).
 */
function savedByThemes(taxonomy: Taxonomy, items: number): SavedRun | undefined {
  const wanted = taxonomy.themes
    .map((t) => t.id)
    .sort()
    .join(',');
  const matches = Object.values(savedRuns).filter(
    (run) => run.classified.length === items && [...(run.headThemes ?? [])].sort().join(',') === wanted,
  );
  if (matches.length > 1) throw new Error(`--runs-by-themes: ${matches.length} saved runs decide the themes ${wanted}; keep one`);
  return matches[0];
}

async function classifiedRun(taxonomy: Taxonomy, entries: readonly Labelled[]) {
  // A run replayed by its themes is not classified again, so it refits no head: its probe is that of
  // a head the flags name kept from before (--refit-head, --built-in-head), if any.
  const byThemes = flags.runs && flags['runs-by-themes'] ? savedByThemes(taxonomy, entries.length) : undefined;
  const head = await headFor(taxonomy, !byThemes);
  // The probe of the head the run classifies with, over the run's taxonomy (as `run` passes it on).
  const headFile = head === null ? null : parseHeadFile(readFileSync(head ?? DEFAULT_HEAD_PATH, 'utf8'), head ?? DEFAULT_HEAD_PATH);
  const probe = headFile ? applyHead(headFile, taxonomy).probe : null;
  // The engine, the taxonomy in full (its exemplars and cues classify too), the head and the items: a saved run of another set-up is never reused.
  const key = hashText(
    `${setupKey}|${JSON.stringify(taxonomy)}|${head ? readFileSync(head, 'utf8') : String(head)}|${entries.map((e) => `${e.item.id}:${e.item.text}`).join('\n')}`,
  );
  const saved = byThemes ?? (flags.runs ? savedRuns[key] : undefined);
  if (saved) {
    engineName = saved.engine;
    // A pool chosen otherwise than when the run was saved may hold texts it never embedded: the model embeds those.
    let model: Awaited<ReturnType<typeof prepareClassifier>> | null = null;
    const embedder: Embedder = {
      id: 'saved',
      dims: saved.dims,
      embed: async (texts) => {
        const missing = texts.filter((text) => !saved.vectors[text]);
        if (missing.length > 0) {
          model ??= await prepareClassifier({ ...config, head: null }, logger, { taxonomy, store });
          const vectors = await model.discoveryEmbedder.embed(missing);
          missing.forEach((text, i) => {
            saved.vectors[text] = Array.from(vectors[i]!);
          });
          runsChanged = true;
        }
        return texts.map((text) => Float32Array.from(saved.vectors[text]!));
      },
    };
    return {
      classified: saved.classified,
      thresholds: saved.thresholds,
      headThemes: saved.headThemes,
      probe,
      embedder,
      dispose: async () => {
        await model?.dispose();
      },
    };
  }
  const prepared = await prepareClassifier(head === undefined ? config : { ...config, head }, logger, { taxonomy, store });
  engineName = prepared.engine.name;
  const classified = await prepared.classifier.classify(
    entries.map((e) => e.item),
    prepared.thresholds,
  );
  const run: SavedRun = {
    engine: engineName,
    classified,
    thresholds: prepared.thresholds,
    headThemes: prepared.head ? decidedThemes(prepared.head.applied) : null,
    vectors: {},
    dims: prepared.discoveryEmbedder.dims,
  };
  // Records what discovery embeds, so that a saved run replays it.
  const embedder: Embedder = {
    id: prepared.discoveryEmbedder.id,
    dims: prepared.discoveryEmbedder.dims,
    embed: async (texts) => {
      const vectors = await prepared.discoveryEmbedder.embed(texts);
      texts.forEach((text, i) => {
        run.vectors[text] = Array.from(vectors[i]!);
      });
      return vectors;
    },
  };
  if (flags.runs) {
    savedRuns[key] = run;
    runsChanged = true;
  }
  return { classified, thresholds: prepared.thresholds, headThemes: run.headThemes, probe, embedder, dispose: () => prepared.dispose() };
}

const withoutRemoved = (taxonomy: Taxonomy, gone: readonly string[]) => ({
  ...taxonomy,
  themes: taxonomy.themes.filter((t) => !gone.includes(t.id)),
});
// The learnt test of "unexplained" (--learnt-ranks): a model read from --learnt-model for every
// run, else, in leave one theme out, for each removed theme one fitted on the runs where another
// theme was removed (nested: no theme is scored by a model that saw it removed).
const fixedModel = flags['learnt-model'] ? parseUnexplainedModel(readFileSync(flags['learnt-model'], 'utf8'), flags['learnt-model']) : null;
const nestedModels = new Map<string, UnexplainedModel>();
function learntModelFor(missing: readonly string[]): UnexplainedModel | null {
  if (fixedModel) return fixedModel;
  // With nothing missing, the model fitted on every leave-one-out run.
  return missing.length === 1 ? (nestedModels.get(missing[0]!) ?? null) : (nestedModels.get('') ?? null);
}
const learning = [...numbers(flags['learnt-ranks'], 0), ...numbers(flags['learnt-drops'], 0)].some((w) => w > 0) || flags['learnt-out'];
const looThemes = ids.filter((id) => id !== 'uninformative');
if (!flags['no-loo'] && learning && !fixedModel) {
  // Each leave-one-out run's sample: its feature rows, and whether each sentence is the removed theme's.
  const labelOf = new Map(devItems.map((e) => [e.item.id, e.labels]));
  const rowsOf = new Map<string, { features: number[]; target: number }[]>();
  for (const theme of looThemes) {
    const taxonomy = withoutRemoved(full, [theme]);
    const run = await classifiedRun(taxonomy, devItems);
    const profile = ENGINE_PROFILES[engineName as keyof typeof ENGINE_PROFILES].discovery;
    const rows: { features: number[]; target: number }[] = [];
    await discoverEmerging(run.classified, taxonomy, run.thresholds, run.embedder, {
      ...profile,
      probe: run.probe,
      onSampleFeatures: (sample) => {
        for (const s of sample)
          rows.push({ features: s.features, target: s.itemIds.some((id) => labelOf.get(id)!.includes(theme)) ? 1 : 0 });
      },
    });
    await run.dispose();
    rowsOf.set(theme, rows);
  }
  // --learnt-rows-out FILE: each removed theme's rows, for fitting on another pool's runs too
  // (--learnt-rows-in FILE: those rows join the fit, a removed theme's only where it is not the one scored).
  if (flags['learnt-rows-out']) {
    await writeFile(flags['learnt-rows-out'], JSON.stringify(Object.fromEntries(rowsOf)));
    process.exit(0);
  }
  const extraRows: Record<string, { features: number[]; target: number }[]> = flags['learnt-rows-in']
    ? JSON.parse(readFileSync(flags['learnt-rows-in'], 'utf8'))
    : {};
  const l2 = Number(flags['learnt-l2'] ?? 1);
  const fitExcept = (left: string | null) => {
    const rows = looThemes.filter((t) => t !== left).flatMap((t) => [...rowsOf.get(t)!, ...(extraRows[t] ?? [])]);
    return fitUnexplainedModel(
      rows.map((r) => r.features),
      rows.map((r) => r.target),
      l2,
      `leave one theme out over ${paths.map((p) => path.basename(p)).join(', ')}${left ? `, ${left} left out` : ''} (l2 ${l2})`,
    );
  };
  const aucs: string[] = [];
  for (const theme of looThemes) {
    const model = fitExcept(theme);
    nestedModels.set(theme, model);
    const rows = rowsOf.get(theme)!;
    aucs.push(
      `${theme} ${auc(
        rows.map((r) => unexplainedScore(model, r.features)),
        rows.map((r) => r.target),
      ).toFixed(2)}`,
    );
  }
  console.log(`learnt test, nested AUC per removed theme: ${aucs.join(', ')}`);
  const everyRun = fitExcept(null);
  nestedModels.set('', everyRun);
  if (flags['learnt-out']) {
    await writeFile(flags['learnt-out'], `${JSON.stringify(everyRun, null, 1)}\n`);
    console.log(`learnt test fitted on every run: ${weightsText(everyRun)}`);
  }
}
/** Area under the ROC curve of `scores` for 0/1 `targets` (ties count half). */
function auc(scores: readonly number[], targets: readonly number[]): number {
  const pos = scores.filter((_, i) => targets[i]! > 0.5);
  const neg = scores.filter((_, i) => targets[i]! <= 0.5);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length * neg.length > 0 ? wins / (pos.length * neg.length) : 0.5;
}
function weightsText(model: UnexplainedModel): string {
  return model.features.map((f, j) => `${f} ${model.weights[j]!.toFixed(2)}`).join(', ');
}

const missingInScenario = [...removed, ...novelTopics];
const knownOnly = scenarioItems(missingInScenario).filter((e) => !e.labels.some((id) => novelTopics.includes(id)));
await measure(
  full,
  flags.known ? knownOnly.filter((e) => !e.labels.some((id) => removed.includes(id))) : devItems,
  [],
  (cell, _, labels, items) => {
    cell.falseAlarms = { groups: labels.length, items, labels };
  },
);
if (missingInScenario.length > 0) {
  await measure(withoutRemoved(full, removed), scenarioItems(missingInScenario), missingInScenario, (cell, outcomes, labels) => {
    cell.scenario = outcomes;
    cell.scenarioGroups = labels;
  });
}
if (!flags['no-loo']) {
  for (const theme of looThemes) {
    await measure(withoutRemoved(full, [theme]), devItems, [theme], (cell, outcomes) => {
      cell.leaveOneOut.push(...outcomes);
    });
  }
}
await store.save();
if (flags.runs && runsChanged) await writeFile(flags.runs, JSON.stringify(savedRuns));

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const back = (outcomes: Outcome[]) => outcomes.filter((row) => row.recall >= 0.4 && row.purity >= 0.6);
const row = (r: Outcome) =>
  `  ${r.topic.padEnd(15)} groups ${String(r.groups).padStart(2)}  in pool ${String(r.inPool).padStart(3)}/${String(r.total).padEnd(3)}  items ${String(r.items).padStart(3)}  purity ${r.purity.toFixed(2)}  recall ${r.recall.toFixed(2)}  ` +
  `other groups ${String(r.elsewhere).padStart(2)} items in ${Math.max(0, r.holding - (r.items > 0 ? 1 : 0))}  ${r.id}`;
console.log(`${[...paths, ...novelFiles].join(' + ')}: ${engineName} engine, ${devItems.length + novelItems.length} items`);
for (const cell of cells.values()) {
  const { name, leaveOneOut, scenario, falseAlarms } = cell;
  const parts = [`nothing missing: ${falseAlarms.groups} group(s), ${falseAlarms.items} item(s)`];
  if (scenario.length > 0)
    parts.push(
      `scenario (${missingInScenario.join(', ')} missing): ${scenario.map((r) => `${r.topic} ${r.recall.toFixed(2)}/${r.purity.toFixed(2)}`).join(', ')}`,
    );
  if (leaveOneOut.length > 0)
    parts.push(
      `leave one out: back ${back(leaveOneOut).length}/${leaveOneOut.length}, mean recall ${mean(leaveOneOut.map((r) => r.recall)).toFixed(3)}, ` +
        `purity ${mean(leaveOneOut.filter((r) => r.items > 0).map((r) => r.purity)).toFixed(3)}, groups per run ${mean(leaveOneOut.map((r) => r.groups)).toFixed(1)}`,
    );
  console.log(`${name}: ${parts.join('; ')}`);
  if (flags.detail) {
    for (const label of falseAlarms.labels) console.log(`  nothing missing: ${label}`);
    if (scenario.length > 0) {
      for (const r of scenario) console.log(row(r));
      for (const label of cell.scenarioGroups) console.log(`    group ${label}`);
    }
    for (const r of leaveOneOut) console.log(row(r));
  }
  for (const line of cell.traces) console.log(line);
}
