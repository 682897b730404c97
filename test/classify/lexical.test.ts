import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createLexicalEmbedder,
  extractFeatures,
  DEFAULT_WEIGHTS,
  fnv1a,
  SYNONYMS_URL,
  type SynonymFile,
} from '../../src/classify/lexical.js';
import { buildSynonyms, synonymInputsHash } from '../../src/classify/lexical/build-synonyms.js';
import { stemAll, unifySpelling, words } from '../../src/classify/lexical/text.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const corpus = [
  'Your answers felt scripted.',
  'Your answers sounded robotic and over-rehearsed.',
  'You seemed very nervous.',
  'Your salary expectations are above the budget for this role.',
  'We need someone with more years of experience.',
  'The other candidates had been doing this kind of work for several years.',
  'You did not give specific examples.',
];

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('lexical embedder', () => {
  const embedder = createLexicalEmbedder({ corpus });

  it('returns unit-length vectors of the configured size', async () => {
    const vectors = await embedder.embed(['You came across as over-rehearsed.', 'Salary too high', 'zzz qqq']);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(embedder.dims);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
    const [empty] = await embedder.embed(['']);
    expect(empty!.every((x) => x === 0)).toBe(true);
  });

  it('is deterministic, and its id names the configuration', async () => {
    const again = createLexicalEmbedder({ corpus });
    const [a] = await embedder.embed(['Your answers sounded scripted']);
    const [b] = await again.embed(['Your answers sounded scripted']);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(again.id).toBe(embedder.id);
    expect(embedder.id).toMatch(/^lexical:v1:[0-9a-f]{12}$/);
    expect(createLexicalEmbedder({ corpus, dims: 1024 }).id).not.toBe(embedder.id);
    expect(createLexicalEmbedder({ corpus: corpus.slice(1) }).id).not.toBe(embedder.id);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('puts related phrasings closer than unrelated ones', async () => {
    const [scripted, rehearsed, salary] = await embedder.embed([
      'your answers sounded scripted',
      'you came across as over-rehearsed',
      'the salary expectations were too high',
    ]);
    expect(dot(scripted!, rehearsed!)).toBeGreaterThan(dot(scripted!, salary!) + 0.1);
    const [memorised, robotic, pay, nervous] = await embedder.embed([
      'It sounded like you had memorised your answers word for word',
      'Your answers felt robotic',
      'We could not meet the pay you asked for',
      'You seemed anxious throughout',
    ]);
    expect(dot(memorised!, robotic!)).toBeGreaterThan(dot(memorised!, pay!));
    expect(dot(pay!, (await embedder.embed(['Your salary expectations are above the budget']))[0]!)).toBeGreaterThan(0.2);
    expect(dot(nervous!, (await embedder.embed(['You seemed very nervous.']))[0]!)).toBeGreaterThan(dot(nervous!, pay!));
  });

  it('maps different wordings of one idea to a shared concept feature', () => {
    const features = (text: string) => [...extractFeatures(text, {}, DEFAULT_WEIGHTS, false).keys()].filter((f) => f.startsWith('c:'));
    expect(features('Too green for us.')).toContain('c:experience_amount');
    expect(features('You lack the track record we need')).toContain('c:experience_amount');
    expect(features('You kept cutting in before we finished')).toContain('c:interrupting');
    expect(features('We cannot sponsor a work permit')).toContain('c:right_to_work');
  });

  it('adds synonyms below the weight of the words themselves', () => {
    const features = extractFeatures('anxious', { anxiou: ['nervou'] }, DEFAULT_WEIGHTS, false);
    expect(features.get('w:anxiou')).toBe(DEFAULT_WEIGHTS.word);
    expect(features.get('w:nervou')).toBe(DEFAULT_WEIGHTS.synonym);
    expect(features.get('w:nervou')!).toBeLessThan(features.get('w:anxiou')!);
  });

  it('uses character n-grams only when asked', () => {
    const plain = extractFeatures('rehearsed', {}, DEFAULT_WEIGHTS, false);
    const grams = extractFeatures('rehearsed', {}, DEFAULT_WEIGHTS, true);
    expect([...plain.keys()].some((k) => k.startsWith('g:'))).toBe(false);
    expect(grams.has('g:rehe')).toBe(true);
  });
});

describe('text normalisation', () => {
  it('splits negative contractions and hyphenated words', () => {
    expect(words("You didn't interview well; can't say over-rehearsed")).toEqual([
      'you',
      'did',
      'not',
      'interview',
      'well',
      'can',
      'not',
      'say',
      'over',
      'rehearsed',
    ]);
  });

  it('reads contractions typed without an apostrophe, shorthand and accents', () => {
    expect(words('you didnt prepare and your comms wasnt clear')).toEqual([
      'you',
      'did',
      'not',
      'prepare',
      'and',
      'your',
      'communication',
      'was',
      'not',
      'clear',
    ]);
    expect(words('3 yrs exp at the AC')).toEqual(['3', 'years', 'experience', 'at', 'the', 'assessment', 'centre']);
    expect(words('Your résumé')).toEqual(words('your resume'));
  });

  it('unifies British and American spelling before stemming', () => {
    expect(stemAll('memorised organised behaviour centre licence')).toEqual(stemAll('memorized organized behavior center license'));
    expect(unifySpelling('analysed')).toBe(unifySpelling('analyzed'));
  });
});

describe('synonym map', () => {
  const path = fileURLToPath(SYNONYMS_URL);

  it('is committed, loads, and relates everyday words', () => {
    expect(existsSync(path)).toBe(true);
    const file = JSON.parse(readFileSync(path, 'utf8')) as SynonymFile & { inputs: string };
    expect(Object.keys(file.synonyms).length).toBeGreaterThan(1000);
    expect(file.synonyms.nervou).toContain('anxiou');
    expect(file.synonyms.salari).toContain('wage');
  });

  it('matches a fresh build from WordNet and the current taxonomy (run `tsx scripts/build-lexicon.ts` if not)', async () => {
    const taxonomy = await loadTaxonomy();
    const committed = JSON.parse(readFileSync(path, 'utf8')) as { inputs: string; version: string };
    expect(committed.inputs, 'data/lexicon/synonyms.json is stale: run `tsx scripts/build-lexicon.ts`').toBe(synonymInputsHash(taxonomy));
    const fresh = buildSynonyms(taxonomy);
    expect(fresh.version).toBe(committed.version);
  });
});
