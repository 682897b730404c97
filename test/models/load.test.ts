// Texts batched by token count (embedByTokenCount) are tokenised once each, and their ids padded
// into the batch as the tokenizer pads a batch: with the real row-scaled model, whose vectors do not
// depend on the batch, every vector must equal the text's own, one text per call, to the byte. A
// tokenizer that names no pad token is left to pad the batch itself, with the same vectors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedBatch, embedByTokenCount, type FeatureExtractor, loadFeatureExtractionPipeline } from '../../src/models/load.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';

const available = requireRealModel('embedByTokenCount tests');

describe.skipIf(!available)('embedByTokenCount with the real model', () => {
  let pipe: FeatureExtractor;
  let dims: number;
  beforeAll(async () => {
    const loaded = await loadFeatureExtractionPipeline({
      model: REAL_MODEL_DIR,
      cacheDir: '.cache',
      offline: true,
      dtype: 'q8',
      threads: 1,
    });
    pipe = loaded.pipeline;
    dims = loaded.dims;
  }, 120_000);
  afterAll(async () => {
    await pipe?.dispose();
  });

  const texts = [
    'Too nervous.',
    'Your answers tended to run on, which made it hard for the panel to follow them.',
    'no',
    'Résumé lacked détail — the panel’s view was that the CV did not show enough hands-on work in a client-facing setting.',
    `${'The other candidates had more experience with stakeholders. '.repeat(60)}`,
    'We went with someone who had a driving licence.',
    '',
    'Lacked examples',
    'Thank you for attending the interview; unfortunately you were not successful on this occasion.',
  ];
  const ownVectors = () => Promise.all(texts.map(async (text) => (await embedBatch(pipe, [text], dims, 'mean'))[0]!));

  it('gives each text its own vector, short and long, padded and truncated, ASCII or not', async () => {
    const batched = await embedByTokenCount(pipe, texts, 4, dims, 'mean');
    const alone = await ownVectors();
    expect(batched).toHaveLength(texts.length);
    batched.forEach((vector, i) => {
      expect(Buffer.from(vector.buffer).equals(Buffer.from(alone[i]!.buffer))).toBe(true);
    });
  }, 120_000);

  it('has the tokenizer pad each batch itself when it names no pad token, each vector still its own', async () => {
    const tokenizer = pipe.tokenizer;
    const batchSizes: number[] = [];
    let padNamed = true;
    // The tokenizer as this module sees it: its calls counted by batch, its pad token hidden at will.
    pipe.tokenizer = new Proxy(tokenizer, {
      apply(target, self, args: Parameters<typeof tokenizer>) {
        if (args[0].length > 1) batchSizes.push(args[0].length);
        return Reflect.apply(target, self, args);
      },
      get: (target, key) => (key === 'pad_token_id' && !padNamed ? undefined : Reflect.get(target, key)),
    });
    try {
      const padded = await embedByTokenCount(pipe, texts, 4, dims, 'mean');
      expect(batchSizes).toEqual([]);
      padNamed = false;
      const tokenised = await embedByTokenCount(pipe, texts, 4, dims, 'mean');
      expect(batchSizes).toEqual([4, 4]);
      const alone = await ownVectors();
      [padded, tokenised].forEach((vectors) => {
        vectors.forEach((vector, i) => {
          expect(Buffer.from(vector.buffer).equals(Buffer.from(alone[i]!.buffer))).toBe(true);
        });
      });
    } finally {
      pipe.tokenizer = tokenizer;
    }
  }, 120_000);
});
