// Emerging themes: feedback that no theme explains, grouped by meaning with the run's own embedder.
// A bounded sample of the distinct unexplained sentences is clustered (average linkage on cosine
// distance, cut at a distance); every other sentence joins the nearest cluster centre when it is
// within the same distance. Clusters are named by class-based TF-IDF terms against the rest of the
// run, and shown only when big enough (items and candidates), like every other group in the report.

import type { DiscoveryProfile } from '../classify/profiles.js';
import { hashText } from '../hash.js';
import type { ClassifiedItem, Embedder, EmergingTheme, Taxonomy, Thresholds } from '../types.js';
import { averageLinkageClusters, dot } from './cluster.js';
import { unexplainedSegments, type UnexplainedSegment } from './select.js';
import { classTfIdf, termsOf } from './terms.js';

/** weakBand and maxDistance: the engine's discovery profile (classify/profiles.ts), passed in. */
export interface DiscoverOptions extends DiscoveryProfile {
  /** Clusters with fewer items are not shown (default 5). */
  minItems?: number;
  /** …or with fewer candidates (default 3). */
  minCandidates?: number;
  /** Distinct sentences clustered directly; the rest are assigned to the nearest centre. */
  sampleSize?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_MIN_ITEMS = 5;
export const DEFAULT_MIN_CANDIDATES = 3;
export const DEFAULT_SAMPLE_SIZE = 2000;
const TERMS_SHOWN = 8;
const SENTENCES_KEPT = 24;

export interface DiscoveryResult {
  emerging: EmergingTheme[];
  /** Item id → ids of the shown clusters it belongs to, in id order. */
  byItem: Map<string, string[]>;
}

export async function discoverEmerging(
  classified: readonly ClassifiedItem[],
  taxonomy: Taxonomy,
  thresholds: Thresholds,
  embedder: Embedder,
  options: DiscoverOptions,
): Promise<DiscoveryResult> {
  const minItems = options.minItems ?? DEFAULT_MIN_ITEMS;
  const minCandidates = options.minCandidates ?? DEFAULT_MIN_CANDIDATES;
  const maxDistance = options.maxDistance;
  const sampleSize = Math.max(2, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  const batchSize = Math.max(1, options.batchSize ?? 256);

  const weakBand = options.weakBand;
  const segments = unexplainedSegments(classified, taxonomy, thresholds, weakBand);
  const occurrences = new Map<string, UnexplainedSegment[]>();
  for (const segment of segments) {
    const list = occurrences.get(segment.reasonText);
    if (list) list.push(segment);
    else occurrences.set(segment.reasonText, [segment]);
  }
  // Distinct texts in the order of their hash: a sample that depends only on the texts themselves,
  // not on file or row order, and spreads over the whole input.
  const texts = [...occurrences.keys()]
    .map((text) => ({ text, key: hashText(text) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.text);
  if (texts.length < 2) return { emerging: [], byItem: new Map() };

  const embedAll = async (batch: string[], done: number): Promise<Float32Array[]> => {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < batch.length; i += batchSize) {
      vectors.push(...(await embedder.embed(batch.slice(i, i + batchSize))));
      options.onProgress?.(done + Math.min(i + batchSize, batch.length), texts.length);
    }
    return vectors;
  };
  const sample = texts.slice(0, sampleSize);
  const sampleVectors = await embedAll(sample, 0);
  const labels = averageLinkageClusters(sampleVectors, maxDistance);

  // Clusters of two or more distinct sentences get a centre: the plain mean of their vectors, whose
  // dot product with a sentence is that sentence's average similarity to the members. A sentence
  // outside the sample joins the nearest cluster when that average is within the cut-off, which is
  // the rule average linkage would have merged it by; singletons of the sample fail it by
  // construction, so being sampled or not does not decide whether a sentence is grouped.
  const membersOf = new Map<number, number[]>();
  labels.forEach((label, i) => {
    membersOf.set(label, [...(membersOf.get(label) ?? []), i]);
  });
  const groups = [...membersOf.values()].filter((members) => members.length >= 2);
  const centres = groups.map((members) =>
    mean(
      members.map((i) => sampleVectors[i]!),
      embedder.dims,
    ),
  );
  const member: { text: string; group: number; similarity: number }[] = [];
  groups.forEach((members, g) => {
    for (const i of members) member.push({ text: sample[i]!, group: g, similarity: dot(sampleVectors[i]!, centres[g]!) });
  });
  // The rest, a batch at a time.
  for (let start = sampleSize; start < texts.length && centres.length > 0; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const vectors = await embedAll(batch, start);
    vectors.forEach((vector, j) => {
      // Only the vector's non-zero entries matter (the lexical engine's are a few dozen of 16k).
      const nonZero: number[] = [];
      for (let d = 0; d < vector.length; d++) if (vector[d] !== 0) nonZero.push(d);
      let best = -1;
      let bestSimilarity = -Infinity;
      centres.forEach((centre, g) => {
        let similarity = 0;
        for (const d of nonZero) similarity += vector[d]! * centre[d]!;
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = g;
        }
      });
      if (best >= 0 && 1 - bestSimilarity <= maxDistance) member.push({ text: batch[j]!, group: best, similarity: bestSimilarity });
    });
  }

  const clusters = groups.map((_, g) => {
    const texts = member.filter((m) => m.group === g).sort((a, b) => b.similarity - a.similarity || (a.text < b.text ? -1 : 1));
    const hits = texts.flatMap((m) => occurrences.get(m.text)!);
    const items = new Set(hits.map((hit) => hit.itemId));
    const people = new Set(hits.map((hit) => (hit.candidate === null ? `item:${hit.itemId}` : `candidate:${hit.candidate}`)));
    return { texts, hits, items, people };
  });
  const shown = clusters.filter((cluster) => cluster.items.size >= minItems && cluster.people.size >= minCandidates);
  if (shown.length === 0) return { emerging: [], byItem: new Map() };

  const weights = classTfIdf(
    termClasses(
      classified,
      shown.map((cluster) => cluster.hits),
    ),
  );
  const named = shown.map((cluster, c) => {
    const strongest = weights[c]!.slice(0, TERMS_SHOWN).map((entry) => entry.term);
    return {
      cluster,
      ...inReadingOrder(
        strongest,
        cluster.hits.map((hit) => hit.reasonText),
      ),
    };
  });
  named.sort(
    (a, b) =>
      b.cluster.items.size - a.cluster.items.size ||
      b.cluster.people.size - a.cluster.people.size ||
      (a.terms.join(' ') < b.terms.join(' ') ? -1 : a.terms.join(' ') > b.terms.join(' ') ? 1 : 0),
  );

  const byItem = new Map<string, string[]>();
  const emerging = named.map(({ cluster, terms, phrase }, rank): EmergingTheme => {
    const id = `E${rank + 1}`;
    for (const itemId of cluster.items) byItem.set(itemId, [...(byItem.get(itemId) ?? []), id]);
    const sentences = cluster.texts.map((m) => occurrences.get(m.text)![0]!.text);
    return {
      id,
      label: labelFrom(terms, phrase),
      terms,
      items: cluster.items.size,
      candidates: cluster.people.size,
      sentence: sentences[0]!,
      examples: representativeQuotes(cluster.texts.map((m) => occurrences.get(m.text)!)),
      sentences: [...new Set(sentences)].slice(0, SENTENCES_KEPT),
    };
  });
  return { emerging, byItem };
}

/**
 * The classes c-TF-IDF compares: each shown cluster, each theme (sentences by their best assigned
 * theme), and everything else — every sentence of the run in exactly one class, as in BERTopic
 * where every document has a topic (the rest play the part of its outlier topic).
 */
function termClasses(classified: readonly ClassifiedItem[], clusterHits: readonly UnexplainedSegment[][]): string[][] {
  const inCluster = new Map<string, number>();
  clusterHits.forEach((hits, c) => {
    hits.forEach((hit) => {
      inCluster.set(`${hit.itemId}\u0000${hit.segmentIndex}`, c);
    });
  });
  const classes: string[][] = clusterHits.map(() => []);
  const byTheme = new Map<string, string[]>();
  const rest: string[] = [];
  for (const entry of classified) {
    for (const segment of entry.segments) {
      const tokens = termsOf(segment.text);
      const c = inCluster.get(`${entry.item.id}\u0000${segment.index}`);
      if (c !== undefined) classes[c]!.push(...tokens);
      else if (segment.themes.length > 0) {
        const list = byTheme.get(segment.themes[0]!) ?? [];
        list.push(...tokens);
        byTheme.set(segment.themes[0]!, list);
      } else rest.push(...tokens);
    }
  }
  return [...classes, ...[...byTheme.keys()].sort().map((id) => byTheme.get(id)!), rest];
}

/** Three quotes nearest the centre, from different items, and different candidates while possible. */
function representativeQuotes(occurrenceLists: readonly UnexplainedSegment[][]): string[] {
  const quotes: string[] = [];
  const items = new Set<string>();
  const people = new Set<string>();
  for (const pass of ['new-person', 'new-item'] as const) {
    for (const list of occurrenceLists) {
      for (const hit of list) {
        if (quotes.length >= 3) return quotes;
        const person = hit.candidate ?? `item:${hit.itemId}`;
        if (items.has(hit.itemId) || quotes.includes(hit.text) || (pass === 'new-person' && people.has(person))) continue;
        quotes.push(hit.text);
        items.add(hit.itemId);
        people.add(person);
      }
    }
  }
  return quotes;
}

/**
 * The two strongest terms in the order the feedback says them when they make a phrase ("social
 * media", not "media social"), so the label and the suggested id read naturally.
 */
function inReadingOrder(terms: string[], sentences: readonly string[]): { terms: string[]; phrase: boolean } {
  if (terms.length < 2) return { terms, phrase: false };
  const [a, b] = terms as [string, string];
  let forward = 0;
  let backward = 0;
  let both = 0;
  for (const sentence of sentences) {
    const words = termsOf(sentence);
    if (words.includes(a) && words.includes(b)) both++;
    for (let i = 0; i + 1 < words.length; i++) {
      if (words[i] === a && words[i + 1] === b) forward++;
      if (words[i] === b && words[i + 1] === a) backward++;
    }
  }
  // A phrase when most sentences that hold both words say them together.
  const phrase = Math.max(forward, backward) * 2 > both;
  return { terms: backward > forward ? [b, a, ...terms.slice(2)] : terms, phrase };
}

/** "Smoking, breaks and vaping" from the three strongest terms; "Social media and posts" when the first two are a phrase. */
function labelFrom(terms: readonly string[], phrase: boolean): string {
  const top = phrase ? [`${terms[0]} ${terms[1]}`, ...terms.slice(2, 3)] : terms.slice(0, 3);
  if (top.length === 0) return 'Unnamed group';
  const first = top[0]!.charAt(0).toUpperCase() + top[0]!.slice(1);
  if (top.length === 1) return first;
  return `${[first, ...top.slice(1, -1)].join(', ')} and ${top[top.length - 1]}`;
}

function mean(vectors: readonly Float32Array[], dims: number): Float32Array {
  const sum = new Float32Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) sum[d]! += v[d]! / vectors.length;
  return sum;
}
