// The lexical engine: no model weights, always available. A text becomes a hashed TF-IDF vector of
//   - stemmed content words and adjacent-word bigrams,
//   - concept features from a hand-written phrase map (data/lexicon/concepts.yaml), weighted above words,
//   - WordNet synonyms of its words (data/lexicon/synonyms.json), weighted below the words,
// with sublinear term frequency, IDF fitted on the taxonomy exemplars, and unit length.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Embedder, Taxonomy } from '../types.js';
import { CONCEPTS } from './lexical/concepts.js';
import { isStopWord, stem, words } from './lexical/text.js';
import { own } from '../own.js';

export const LEXICAL_VERSION = 'v1';
export const DEFAULT_LEXICAL_DIMS = 1 << 14;

export interface LexicalOptions {
  /** Texts used to fit IDF (the taxonomy exemplars). */
  corpus: string[];
  dims?: number;
  /** Add character 4-grams of each content word (helps with misspellings; off by default). */
  charNgrams?: boolean;
  /** Weights of the feature kinds relative to a word; exposed for tuning and tests. */
  weights?: Partial<LexicalWeights>;
  /** Synonym map; defaults to the committed data/lexicon/synonyms.json. Pass {} to disable. */
  synonyms?: SynonymMap;
}

export interface LexicalWeights {
  word: number;
  bigram: number;
  concept: number;
  synonym: number;
  charNgram: number;
  /** Scale for words never seen in the corpus: they cannot match an exemplar and only dilute. */
  unseen: number;
}

export const DEFAULT_WEIGHTS: LexicalWeights = { word: 1, bigram: 0.6, concept: 1.25, synonym: 0.35, charNgram: 0.15, unseen: 0.5 };

export interface SynonymMap {
  /** Stem → stems of related words in the lexicon vocabulary. */
  [stem: string]: string[];
}

export interface SynonymFile {
  version: string;
  synonyms: SynonymMap;
}

export const SYNONYMS_URL = new URL('../../data/lexicon/synonyms.json', import.meta.url);

let defaultSynonyms: SynonymFile | null = null;

/** The committed synonym map (read once per process; a missing file means no expansion). */
export function loadDefaultSynonyms(): SynonymFile {
  if (!defaultSynonyms) {
    try {
      defaultSynonyms = JSON.parse(readFileSync(SYNONYMS_URL, 'utf8')) as SynonymFile;
    } catch {
      defaultSynonyms = { version: 'none', synonyms: {} };
    }
  }
  return defaultSynonyms;
}

interface PhraseEntry {
  stems: string[];
  concept: string;
}

/** Concept phrases indexed by their first stem, longest first. */
function compileConcepts(concepts: Record<string, string[]>): Map<string, PhraseEntry[]> {
  const index = new Map<string, PhraseEntry[]>();
  for (const [concept, phrases] of Object.entries(concepts)) {
    for (const phrase of phrases) {
      const stems = words(phrase).map(stem);
      if (stems.length === 0) continue;
      const list = index.get(stems[0]!) ?? [];
      if (!list.some((e) => e.concept === concept && e.stems.join(' ') === stems.join(' '))) list.push({ stems, concept });
      index.set(stems[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return index;
}

const COMPILED_CONCEPTS = compileConcepts(CONCEPTS);

/** Feature name → raw (pre-IDF) weight for one text. Exported for tests and diagnostics. */
export function extractFeatures(text: string, synonyms: SynonymMap, weights: LexicalWeights, charNgrams: boolean): Map<string, number> {
  const tokens = words(text);
  const stems = tokens.map(stem);
  const counts = new Map<string, number>();
  const add = (feature: string, amount: number) => counts.set(feature, (counts.get(feature) ?? 0) + amount);

  // Concepts: at each position the longest phrase of each concept; a concept counts once per match.
  for (let i = 0; i < stems.length; i++) {
    const candidates = COMPILED_CONCEPTS.get(stems[i]!);
    if (!candidates) continue;
    const seen = new Set<string>();
    for (const entry of candidates) {
      if (seen.has(entry.concept)) continue;
      if (matchesAt(stems, i, entry.stems)) {
        seen.add(entry.concept);
        add(`c:${entry.concept}`, 1);
      }
    }
  }

  const content: string[] = [];
  tokens.forEach((token, i) => {
    if (isStopWord(token) || (token.length < 2 && !/\d/.test(token))) return;
    content.push(stems[i]!);
  });
  for (const s of content) {
    add(`w:${s}`, 1);
    if (charNgrams && s.length > 4) for (let j = 0; j + 4 <= s.length; j++) add(`g:${s.slice(j, j + 4)}`, 1);
  }
  for (let i = 0; i + 1 < content.length; i++) add(`b:${content[i]} ${content[i + 1]}`, 1);

  // Sublinear tf, then synonyms at a fraction of a word (never raising a word the text already has).
  const features = new Map<string, number>();
  for (const [feature, tf] of counts) {
    const kind = feature[0];
    const weight = kind === 'c' ? weights.concept : kind === 'b' ? weights.bigram : kind === 'g' ? weights.charNgram : weights.word;
    features.set(feature, (1 + Math.log(tf)) * weight);
  }
  for (const s of new Set(content)) {
    for (const related of own(synonyms, s) ?? []) {
      const feature = `w:${related}`;
      if (!counts.has(feature)) features.set(feature, Math.max(features.get(feature) ?? 0, weights.synonym));
    }
  }
  return features;
}

function matchesAt(stems: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > stems.length) return false;
  for (let j = 1; j < phrase.length; j++) if (stems[at + j] !== phrase[j]) return false;
  return true;
}

/** 32-bit FNV-1a: stable across runs and platforms, so vectors can be cached. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The lexical engine for a taxonomy: its vocabulary weighted over the taxonomy's exemplars. */
export function lexicalEmbedderFor(taxonomy: Taxonomy): LexicalEmbedder {
  return createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
}

/** A lexical vector as its touched dimensions (increasing) and their values; every other one is zero. */
export interface SparseVector {
  at: number[];
  values: Float32Array;
}

/** The lexical engine's embedder; `sparse` gives the same vectors as `embed`, without their zeros. */
export interface LexicalEmbedder extends Embedder {
  sparse(texts: string[]): SparseVector[];
}

export function createLexicalEmbedder(options: LexicalOptions): LexicalEmbedder {
  const dims = options.dims ?? DEFAULT_LEXICAL_DIMS;
  if (!Number.isInteger(dims) || dims < 16) throw new Error(`lexical embedder: dims must be an integer ≥ 16, got ${dims}`);
  const charNgrams = options.charNgrams ?? false;
  const weights: LexicalWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const synonymFile = options.synonyms
    ? { version: `custom-${hashOf(JSON.stringify(options.synonyms))}`, synonyms: options.synonyms }
    : loadDefaultSynonyms();
  const synonyms = synonymFile.synonyms;

  // IDF over the corpus: ln((1 + N) / (1 + df)) + 1. A feature unseen in the corpus gets the
  // largest IDF scaled by `unseen`: it cannot match any exemplar, so it should not dominate the norm.
  const documentFrequency = new Map<string, number>();
  for (const text of options.corpus) {
    for (const feature of extractFeatures(text, synonyms, weights, charNgrams).keys()) {
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    }
  }
  const n = options.corpus.length;
  const unseenIdf = (Math.log(1 + n) + 1) * weights.unseen;
  const idf = (feature: string): number => {
    const df = documentFrequency.get(feature);
    return df === undefined ? unseenIdf : Math.log((1 + n) / (1 + df)) + 1;
  };

  const corpusHash = hashOf(options.corpus.join('\n'));
  const id = `lexical:${LEXICAL_VERSION}:${hashOf(
    JSON.stringify({ dims, charNgrams, weights, synonyms: synonymFile.version, concepts: CONCEPTS_HASH, corpus: corpusHash }),
  )}`;

  // Features are summed here, in float32 as in a vector of their own; it is all zeros between texts.
  const sums = new Float32Array(dims);
  const sparseOne = (text: string): SparseVector => {
    const touched: number[] = [];
    for (const [feature, weight] of extractFeatures(text, synonyms, weights, charNgrams)) {
      const hash = fnv1a(feature);
      touched.push(hash % dims);
      // The top bit picks a sign so that colliding features cancel out on average instead of adding up.
      sums[hash % dims] += (hash & 0x80000000 ? -1 : 1) * weight * idf(feature);
    }
    // Only the touched dimensions can be non-zero; summed in index order, as over every dimension.
    const at = [...new Set(touched)].sort((a, b) => a - b);
    let norm = 0;
    for (const i of at) norm += sums[i]! * sums[i]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
    const values = new Float32Array(at.length);
    at.forEach((i, k) => {
      values[k] = norm > 0 ? sums[i]! * scale : sums[i]!;
      sums[i] = 0;
    });
    return { at, values };
  };
  const embedOne = (text: string): Float32Array => {
    const { at, values } = sparseOne(text);
    const vector = new Float32Array(dims);
    at.forEach((i, k) => {
      vector[i] = values[k]!;
    });
    return vector;
  };

  return {
    id,
    dims,
    // 16k-dimensional vectors that take microseconds to compute: storing them would cost more than it saves.
    cacheable: false,
    async embed(texts) {
      return texts.map(embedOne);
    },
    sparse: (texts) => texts.map(sparseOne),
  };
}

const CONCEPTS_HASH = hashOf(JSON.stringify(CONCEPTS));

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
