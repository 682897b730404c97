// Emerging themes: feedback that no theme explains, grouped by meaning. With the sentence model
// (hybrid and transformers engines) the distinct unexplained sentences are grouped on the model's
// own vectors by neighbourhood (discover/group.ts): a bounded sample is grouped directly and every
// other sentence joins the group of its nearest sampled sentences. Without the model (lexical),
// the sample is clustered by average linkage on the lexical vectors, cut at a distance. Groups are
// named by their distinctive words and their most central sentence (discover/name.ts), and shown
// only when big enough (items and candidates), like every other group in the report.

import { hashText } from '../hash.js';
import { UNINFORMATIVE_THEME, type ClassifiedItem, type Embedder, type EmergingTheme, type Taxonomy, type Thresholds } from '../types.js';
import { joinNearestCentre, linkageGroups } from './cluster.js';
import { groupByNeighbourhood, nearestTheme, type Group, type Grouping } from './group.js';
import { joinGroups } from './join.js';
import { nameGroups, representativeQuotes } from './name.js';
import { dot, nearestInPairs, nearestNeighbours, pairSimilarity, similarityAmong, type Neighbours } from './neighbours.js';
import { chooseSeeds, novelCore, probeUnclaimed, type LearntRank, type ProbeRank } from './novelty.js';
import { embedExemplars, linkSpace } from './residual.js';
import { DEFAULT_MIN_CANDIDATES, DEFAULT_MIN_ITEMS, DEFAULT_SAMPLE_SIZE, type DiscoverOptions } from './options.js';
import { statedItems, unexplainedSegments, unsureItems, type UnexplainedSegment } from './select.js';
import { sureLeaving, type MemberNearness } from './sure-leavers.js';
import { sampleFeatures, unexplainedScore } from './unexplained.js';

const SENTENCES_KEPT = 24;

export interface DiscoveryResult {
  emerging: EmergingTheme[];
  /** Item id → ids of the shown clusters it belongs to, in id order. */
  byItem: Map<string, string[]>;
  /** Stability of every group large enough to show, before the stability test: for fitting its bar. */
  stability: number[];
}

/**
 * `embedder` is the one discovery groups with: the sentence model's own (not the hybrid vector,
 * whose lexical half scores paraphrases near zero), or the lexical engine's. With `grouping` the
 * sentences are grouped by neighbourhood; without it (lexical), by average linkage cut at
 * `maxDistance`.
 */
export async function discoverEmerging(
  classified: readonly ClassifiedItem[],
  taxonomy: Taxonomy,
  thresholds: Thresholds,
  embedder: Embedder,
  options: DiscoverOptions,
): Promise<DiscoveryResult> {
  const minItems = options.minItems ?? DEFAULT_MIN_ITEMS;
  const minCandidates = options.minCandidates ?? DEFAULT_MIN_CANDIDATES;
  const sampleSize = Math.max(2, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  const batchSize = Math.max(1, options.batchSize ?? 256);
  const { grouping, maxDistance } = options;
  const none: DiscoveryResult = { emerging: [], byItem: new Map(), stability: [] };

  const occurrences = new Map<string, UnexplainedSegment[]>();
  for (const segment of unexplainedSegments(
    classified,
    taxonomy,
    thresholds,
    options.weakBand,
    options.headThemes ?? null,
    options.explainedFrom ?? null,
    grouping?.boilerplateJoins ?? false,
  )) {
    const list = occurrences.get(segment.reasonText);
    if (list) list.push(segment);
    else occurrences.set(segment.reasonText, [segment]);
  }
  /** The items a sentence stands in, each once (for the fitting and tracing callbacks). */
  const itemIdsOf = (text: string) => [...new Set(occurrences.get(text)!.map((hit) => hit.itemId))];
  // Distinct texts in the order of their hash: a sample and a grouping that depend only on the
  // texts themselves, not on file or row order, and a sample spread over the whole input.
  const texts = [...occurrences.keys()]
    .map((text) => ({ text, key: hashText(text) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.text);
  // Grouped: the sentences of items the head is unsure of (all, without a head), boilerplate
  // aside; the others may only join the groups those form.
  const unsure = grouping ? unsureItems(classified, grouping.seedBelow) : null;
  const seeds: string[] = [];
  const joiners: string[] = [];
  for (const text of texts) {
    if (occurrences.get(text)!.some((hit) => !hit.boilerplate && (!unsure || unsure.has(hit.itemId)))) seeds.push(text);
    else if (grouping?.othersJoin) joiners.push(text);
  }
  if (seeds.length < 2) return none;

  const embedAll = async (batch: string[], done: number): Promise<Float32Array[]> => {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < batch.length; i += batchSize) {
      vectors.push(...(await embedder.embed(batch.slice(i, i + batchSize))));
      options.onProgress?.(done + Math.min(i + batchSize, batch.length), seeds.length + joiners.length);
    }
    return vectors;
  };
  const sample = seeds.slice(0, sampleSize);
  const sampleVectors = await embedAll(sample, 0);
  const themeExemplars = grouping ? await embedExemplars(taxonomy, embedder) : [];
  // With probeRank (off by default) the head's probe ranks the seeds too (discover/novelty.ts).
  const unclaimed: ProbeRank | null =
    grouping && grouping.probeRank > 0 && options.probe
      ? {
          of: probeUnclaimed(
            options.probe,
            taxonomy.themes.findIndex((t) => t.id === UNINFORMATIVE_THEME),
          ),
          weight: grouping.probeRank,
        }
      : null;
  // With seedShare under 1 only the sample's most novel sentences are grouped (discover/novelty.ts);
  // the others, and sentences outside the sample that would not have ranked so, may only join.
  const spreadOf = (text: string) => Math.max(...occurrences.get(text)!.map((hit) => hit.spread));
  // Ranking the seeds, grouping them and joining the rest of the sample all read the sample's
  // pairs and each sentence's nearest theme: each is worked out once, here.
  const everyone = sample.map((_, i) => i);
  const pairs = grouping ? pairSimilarity(sampleVectors) : null;
  const sampleNearness = grouping ? sampleVectors.map((vector) => nearestTheme(vector, themeExemplars)) : [];
  // The learnt test's features of the sample's sentences, when a model ranks them or a fitter asks.
  const learntModel = grouping && (grouping.learntRank > 0 || grouping.learntDrop > 0) ? (options.unexplainedModel ?? null) : null;
  // Each sample sentence's nearest sample sentences, for the seed ranks and the learnt test's features.
  const sampleNear =
    grouping && (learntModel || options.onSampleFeatures || grouping.seedShare < 1)
      ? nearestInPairs(pairs!, everyone, grouping.neighbours, true)
      : null;
  const features =
    grouping && (learntModel || options.onSampleFeatures)
      ? sampleFeatures({ classified, occurrences, exemplars: themeExemplars, spreadOf }, sample, sampleVectors, sampleNear!)
      : null;
  if (features) options.onSampleFeatures?.(sample.map((text, i) => ({ text, itemIds: itemIdsOf(text), features: features.rows[i]! })));
  const learnt: LearntRank | null =
    learntModel && features
      ? { scores: features.rows.map((row) => unexplainedScore(learntModel, row)), weight: grouping!.learntRank }
      : null;
  // With learntDrop, the share of the sample the learnt test scores lowest neither seeds nor joins,
  // nor does a sentence outside the sample scoring under them.
  const dropBelow =
    learnt && grouping && grouping.learntDrop > 0
      ? ([...learnt.scores].sort((a, b) => a - b)[Math.floor(grouping.learntDrop * sample.length)] ?? Infinity)
      : -Infinity;
  const dropped = (i: number) => learnt !== null && learnt.scores[i]! < dropBelow;
  const choice =
    grouping && grouping.seedShare < 1
      ? chooseSeeds(
          sampleVectors,
          sampleNearness,
          sample.map(spreadOf),
          grouping.seedShare,
          grouping.neighbours,
          grouping.leastSeeds,
          unclaimed,
          sampleNear,
          learnt,
        )
      : null;
  const grouped = everyone.filter((i) => (!choice || choice.seeds[i]) && !dropped(i));
  const groupedVectors = grouped.map((i) => sampleVectors[i]!);
  // With themeDirections or probeDirections, sentences are linked by what no theme explains (discover/residual.ts).
  const linkOf = grouping ? linkSpace(themeExemplars, options.probe ?? null, grouping, taxonomy) : (vectors: Float32Array[]) => vectors;
  const sampleLinks = linkOf(sampleVectors);
  // With sureLeave, the items the head is sure of a theme for and, with sureNearer, each member's
  // similarity to every theme's exemplars: what leaving and unsureStability read (discover/sure-leavers.ts).
  const sure = grouping && grouping.sureLeave > 0 ? sureLeaving(classified, taxonomy, themeExemplars, grouping) : null;
  const unsureCounted = grouping?.unsureStability ? sure?.counted(grouped.map((i) => itemIdsOf(sample[i]!))) : undefined;
  const found: Grouping = grouping
    ? groupByNeighbourhood(groupedVectors, themeExemplars, grouping, linkOf(groupedVectors), {
        similarity: similarityAmong(pairs!, grouped),
        themeNearness: grouped.map((i) => sampleNearness[i]!),
        // Of the unsure items' sentences, with stabilityCore only the most novel seeds (discover/novelty.ts).
        counted: novelCore(unsureCounted, choice && grouped.map((i) => choice.ranks[i]!), grouping.stabilityCore),
      })
    : linkageGroups(sampleVectors, maxDistance);
  // Members as indices into the sample: the grouped sentences are a part of it whenever seeds
  // were chosen or the learnt test kept some out.
  const toSample = (members: number[]) => members.map((i) => grouped[i]!);
  const inSample = (group: Group): Group => ({ ...group, members: toSample(group.members) });
  const groups = found.groups.map(inSample);
  const candidates = found.candidates.map(inSample);
  const groupOf = new Int32Array(sample.length).fill(-1);
  groups.forEach((group, g) => {
    for (const i of group.members) groupOf[i] = g;
  });

  const member: Member[] = [];
  const addMember = (text: string, g: number, vector: Float32Array) => {
    const themeSimilarity = sure?.themeSimilarity(vector);
    member.push({ text, group: g, similarity: dot(vector, groups[g]!.centre), ...(themeSimilarity ? { themeSimilarity } : {}) });
  };
  groups.forEach((group, g) => {
    for (const i of group.members) addMember(sample[i]!, g, sampleVectors[i]!);
  });
  // The rest, a batch at a time: memory stays that of the sample, however many rows there are.
  // A sentence that may only join (not novel enough to seed, read as boilerplate, or of an item
  // the head is sure of) joins where a group holds joinShare of its neighbourhood, by the stricter
  // join margin.
  const joinSettings = grouping ? { ...grouping, memberMargin: grouping.joinMargin, coreShare: grouping.joinShare } : null;
  const notSeeds = sample.flatMap((_, i) => (choice && !choice.seeds[i] && !dropped(i) ? [i] : []));
  if (grouping && groups.length > 0 && notSeeds.length > 0) {
    const vectors = notSeeds.map((i) => sampleVectors[i]!);
    const links = linkOf(vectors);
    // Linked on the vectors themselves, their neighbours are read from the sample's pairs.
    const neighbours = links === vectors ? nearestInPairs(pairs!, notSeeds, joinSettings!.neighbours + 1) : undefined;
    const joined = joinGroups(
      vectors,
      sampleVectors,
      groupOf,
      joinSettings!,
      themeExemplars,
      { vectors: links, sample: sampleLinks, neighbours },
      notSeeds,
      notSeeds.map((i) => sampleNearness[i]!),
    );
    joined.forEach((g, j) => {
      if (g >= 0) addMember(sample[notSeeds[j]!]!, g, vectors[j]!);
    });
  }
  const batches = [
    ...batchesOf(seeds.slice(sampleSize), batchSize).map((batch) => ({ batch, settings: grouping, ranked: choice !== null })),
    ...batchesOf(joiners, batchSize).map((batch) => ({ batch, settings: joinSettings, ranked: false })),
  ];
  let done = sample.length;
  for (const { batch, settings, ranked } of groups.length > 0 ? batches : []) {
    const vectors = await embedAll(batch, done);
    done += batch.length;
    const links = linkOf(vectors);
    const nearness = settings && joinSettings ? vectors.map((vector) => nearestTheme(vector, themeExemplars)) : null;
    const join = (settings: NonNullable<typeof grouping>, neighbours?: Neighbours) =>
      joinGroups(
        vectors,
        sampleVectors,
        groupOf,
        settings,
        themeExemplars,
        { vectors: links, sample: sampleLinks, neighbours },
        null,
        nearness,
      );
    // A ranked batch's nearest sample sentences, and with the learnt test each sentence's score by them.
    const nearSample = ranked || (learnt && dropBelow > -Infinity) ? nearestNeighbours(vectors, sampleVectors, grouping!.neighbours) : null;
    const scores =
      learntModel && features && nearSample
        ? vectors.map((vector, q) => unexplainedScore(learntModel, features.outside(nearSample, q, batch[q]!, vector)))
        : null;
    let joined: number[];
    if (!settings || !joinSettings) joined = joinNearestCentre(vectors, groups, maxDistance);
    else if (!ranked) joined = join(settings);
    else {
      // Outside the sample: ranked against it, then joining as a seed or as the rest would. Both
      // joins read the same nearest sample sentences, listed once (and the ranking too, when
      // sentences are linked on their vectors as they are).
      const linked = links === vectors ? nearSample! : nearestNeighbours(links, sampleLinks, settings.neighbours);
      const asSeed = vectors.map((vector, q) => choice!.wouldSeed(nearSample!, q, nearness![q]!, spreadOf(batch[q]!), vector, scores?.[q]));
      const loose = join(settings, linked);
      const strict = join(joinSettings!, linked);
      joined = vectors.map((_, q) => (asSeed[q] ? loose[q]! : strict[q]!));
    }
    if (scores && dropBelow > -Infinity)
      scores.forEach((score, q) => {
        if (score < dropBelow) joined[q] = -1;
      });
    joined.forEach((g, j) => {
      if (g >= 0) addMember(batch[j]!, g, vectors[j]!);
    });
  }

  const people = (hits: UnexplainedSegment[]) =>
    new Set(hits.map((hit) => (hit.candidate === null ? `item:${hit.itemId}` : `candidate:${hit.candidate}`)));
  const bigEnough = (hits: UnexplainedSegment[]) =>
    new Set(hits.map((hit) => hit.itemId)).size >= minItems && people(hits).size >= minCandidates;
  const stability = candidates
    .filter((group) => bigEnough(group.members.flatMap((i) => occurrences.get(sample[i]!)!)))
    .map((group) => group.stability);

  const clusters = groups.map((_, g) => {
    // Most central first: the exemplar, the quotes and the suggested theme's exemplars.
    const texts = member.filter((m) => m.group === g).sort((a, b) => b.similarity - a.similarity || (a.text < b.text ? -1 : 1));
    const hits = texts.flatMap((m) => occurrences.get(m.text)!);
    return { texts, hits, items: new Set(hits.map((hit) => hit.itemId)), people: people(hits) };
  });
  // A group mostly of items a theme head already states a theme for is not a missing theme (statedItems).
  const stated = statedItems(classified, grouping?.noReasonCovers ?? false);
  const covered = (items: Set<string>) => [...items].filter((id) => stated.has(id)).length / items.size;
  // Then the items of a shown group the head is sure of a theme for leave it (sureLeave); a group
  // more than maxLeaving of whose items leave is those themes' feedback with a fringe, not shown.
  const leaving = clusters.map((cluster) => sure?.leavers(cluster, itemIdsOf) ?? null);
  const shown = clusters.flatMap((cluster, g) => {
    const leaves = leaving[g] ?? null;
    if (grouping && covered(cluster.items) > grouping.maxCovered) return [];
    if (!leaves) return bigEnough(cluster.hits) ? [cluster] : [];
    if (leaves.size > grouping!.maxLeaving * cluster.items.size) return [];
    const hits = cluster.hits.filter((hit) => !leaves.has(hit.itemId));
    const texts = cluster.texts.filter((m) => occurrences.get(m.text)!.some((hit) => !leaves.has(hit.itemId)));
    return bigEnough(hits) ? [{ texts, hits, items: new Set(hits.map((hit) => hit.itemId)), people: people(hits) }] : [];
  });
  options.onTrace?.({
    sample: sample.map((text) => ({ text, itemIds: itemIdsOf(text) })),
    seeds: grouped,
    communities: (found.communities ?? []).map(({ raw, kept }) => ({ raw: toSample(raw), kept: toSample(kept) })),
    candidates: candidates.map((group) => ({ members: group.members, stability: group.stability })),
    groups: clusters.map((cluster, g) => ({
      items: [...cluster.items],
      covered: covered(cluster.items),
      leaving: (leaving[g]?.size ?? 0) / cluster.items.size,
      bigEnough: bigEnough(cluster.hits),
    })),
  });
  if (shown.length === 0) return { ...none, stability };

  const exemplars = shown.map((cluster) => occurrences.get(cluster.texts[0]!.text)![0]!.text);
  const names = nameGroups(
    classified,
    shown.map((cluster) => cluster.hits),
    exemplars,
  );
  const named = shown.map((cluster, c) => ({ cluster, ...names[c]! }));
  named.sort(
    (a, b) =>
      b.cluster.items.size - a.cluster.items.size ||
      b.cluster.people.size - a.cluster.people.size ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );

  const byItem = new Map<string, string[]>();
  const emerging = named.map(({ cluster, terms, label }, rank): EmergingTheme => {
    const id = `E${rank + 1}`;
    for (const itemId of cluster.items) byItem.set(itemId, [...(byItem.get(itemId) ?? []), id]);
    const sentences = cluster.texts.map((m) => occurrences.get(m.text)![0]!.text);
    return {
      id,
      label,
      terms,
      items: cluster.items.size,
      candidates: cluster.people.size,
      sentence: sentences[0]!,
      examples: representativeQuotes(cluster.texts.map((m) => occurrences.get(m.text)!)),
      sentences: [...new Set(sentences)].slice(0, SENTENCES_KEPT),
    };
  });
  return { emerging, byItem, stability };
}

interface Member extends MemberNearness {
  group: number;
}

function batchesOf<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, b) => list.slice(b * size, (b + 1) * size));
}
