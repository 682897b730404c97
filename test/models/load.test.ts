// Texts batched by token count (embedByTokenCount) are tokenised once each, and their ids padded
// into the batch as the tokenizer pads a batch: with the real row-scaled model, whose vectors do not
// depend on the batch, every vector must equal the text's own, one text per call, to the byte.

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

  it('gives each text its own vector, short and long, padded and truncated, ASCII or not', async () => {
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
    const batched = await embedByTokenCount(pipe, texts, 4, dims, 'mean');
    const alone = await Promise.all(texts.map(async (text) => (await embedBatch(pipe, [text], dims, 'mean'))[0]!));
    expect(batched).toHaveLength(texts.length);
    batched.forEach((vector, i) => {
      expect(Buffer.from(vector.buffer).equals(Buffer.from(alone[i]!.buffer))).toBe(true);
    });
  }, 120_000);
});
