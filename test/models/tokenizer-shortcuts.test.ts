import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortcutTokenizer } from '../../src/models/tokenizer-shortcuts.js';
import { buildBertModel, TINY_SHAPE } from '../helpers/bert-model.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';

type Tokenizer = Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;

let root: string;
let modelDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tokenizer-shortcuts-'));
  modelDir = path.join(root, 'tiny-bert');
  await buildBertModel(modelDir, TINY_SHAPE, { seed: 5 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const TEXTS = [
  'The panel felt your answers were too short',
  'THE PANEL FELT YOUR ANSWERS WERE TOO SHORT.',
  'the  panel felt, "your answers" were too short!',
  'Your answers were too short; the panel felt your answers were too short',
  '[CLS] the panel felt [SEP]',
  '[cls] The Panel felt',
  'Café culture was not a fit',
  'CAFÉ culture — not a fit',
  'İstanbul office',
  'Tab\there and a new\nline',
  'a\u0000b\ufffdc',
  'don’t ‘quote’ me',
  '日本語のテキスト',
  'e\u0301 and ＡＢＣ',
  `${'x'.repeat(120)} too long a word`,
  '',
  '   ',
];

function ids(tokenizer: Tokenizer, text: string): string {
  return Array.from(tokenizer(text).input_ids.data as BigInt64Array).join(',');
}

/** The library's tokenizer and one with the shortcuts, from one folder. */
async function pair(dir: string): Promise<[Tokenizer, Tokenizer]> {
  const plain = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
  const shortcut = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
  shortcutTokenizer(shortcut);
  return [plain, shortcut];
}

describe('shortcutTokenizer', () => {
  it("gives the library's ids for any text, twice over (the second time from the words' pieces kept)", async () => {
    const [plain, shortcut] = await pair(modelDir);
    // The shortcuts are in place: the normaliser and WordPiece are the instance's own now.
    const inner = (shortcut as unknown as { _tokenizer: { normalizer: object; model: object } })._tokenizer;
    expect(Object.hasOwn(inner.normalizer, 'normalize')).toBe(true);
    expect(Object.hasOwn(inner.model, 'encode')).toBe(true);
    for (const round of [1, 2]) {
      for (const text of TEXTS) expect(ids(shortcut, text), `${JSON.stringify(text)} (round ${round})`).toBe(ids(plain, text));
    }
  });

  it('leaves a tokenizer alone that does not lower-case, or is not WordPiece', () => {
    const normalize = (text: string) => text;
    const encode = (tokens: string[]) => tokens;
    const cased = {
      _tokenizer: {
        normalizer: { config: { type: 'BertNormalizer', lowercase: false }, normalize },
        model: { config: { type: 'BPE' }, encode },
      },
    };
    shortcutTokenizer(cased);
    expect(cased._tokenizer.normalizer.normalize).toBe(normalize);
    expect(cased._tokenizer.model.encode).toBe(encode);
    expect(() => shortcutTokenizer(null)).not.toThrow();
    expect(() => shortcutTokenizer({})).not.toThrow();
  });

  describe.skipIf(!requireRealModel('tokenizer shortcuts on the real vocabulary'))('with the real all-MiniLM-L6-v2 vocabulary', () => {
    it("gives the library's ids for the development sets' feedback", async () => {
      const [plain, shortcut] = await pair(REAL_MODEL_DIR);
      const texts = ['dev.csv', 'voices-dev.csv'].flatMap((file) =>
        Papa.parse<{ text: string }>(readFileSync(path.join('data/eval', file), 'utf8'), { header: true, skipEmptyLines: true }).data.map(
          (row) => row.text,
        ),
      );
      expect(texts.length).toBeGreaterThan(500);
      const differing = [...texts, ...TEXTS].filter((text) => ids(shortcut, text) !== ids(plain, text));
      expect(differing).toEqual([]);
    }, 120_000);
  });
});
