import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenKeyFor } from '../../src/models/token-key.js';
import { buildBertModel, TINY_SHAPE } from '../helpers/bert-model.js';

let root: string;
let modelDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'token-key-'));
  modelDir = path.join(root, 'tiny-bert');
  await buildBertModel(modelDir, TINY_SHAPE, { seed: 3 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const TEXTS = [
  'The panel felt your answers were too short',
  'the panel felt your answers were too short',
  'THE PANEL FELT YOUR ANSWERS WERE TOO SHORT',
  'the panel felt your answers were too short.',
  'the  panel felt your answers were too short',
  '[CLS] the panel felt',
  '[cls] the panel felt',
  '[Cls] The panel felt',
  'Café culture was not a fit',
  'café culture was not a fit',
  'CAFÉ culture was not a fit',
  'İstanbul office',
  'istanbul office',
  'Tab\there',
  'tab\there',
];

describe('tokenKeyFor', () => {
  it('gives two texts one key only when the tokenizer gives them the same ids', async () => {
    const tokenizerJson = JSON.parse(await readFile(path.join(modelDir, 'tokenizer.json'), 'utf8'));
    const key = tokenKeyFor(tokenizerJson);
    const tokenizer = await AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
    const ids = TEXTS.map((text) => Array.from(tokenizer(text).input_ids.data as BigInt64Array).join(','));
    for (const [i, a] of TEXTS.entries()) {
      for (const [j, b] of TEXTS.entries()) {
        if (key(a) === key(b)) expect(ids[i], `${a} / ${b}`).toBe(ids[j]);
      }
    }
    // Case alone shares a key; punctuation, spacing, special tokens and non-ASCII text do not.
    expect(new Set(TEXTS.slice(0, 3).map(key)).size).toBe(1);
    expect(key(TEXTS[3]!)).not.toBe(key(TEXTS[1]!));
    expect(key(TEXTS[4]!)).not.toBe(key(TEXTS[1]!));
    expect(new Set(TEXTS.slice(5, 8).map(key)).size).toBe(3);
    expect(new Set(TEXTS.slice(8, 11).map(key)).size).toBe(3);
  });

  it('keys every text as itself for a tokenizer that keeps case, or an unknown one', () => {
    const cased = tokenKeyFor({ normalizer: { type: 'BertNormalizer', lowercase: false }, added_tokens: [] });
    expect(cased('The panel')).toBe('The panel');
    expect(tokenKeyFor({ normalizer: { type: 'Lowercase' } })('The panel')).toBe('The panel');
    expect(tokenKeyFor(null)('The panel')).toBe('The panel');
  });
});
