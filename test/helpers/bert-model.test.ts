import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBertModel, buildVocab, TINY_SHAPE } from './bert-model.js';

let root: string;
let first: string;
let second: string;
let otherSeed: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bert-model-'));
  first = path.join(root, 'a');
  second = path.join(root, 'b');
  otherSeed = path.join(root, 'c');
  await buildBertModel(first, TINY_SHAPE, { seed: 7, quantized: true });
  await buildBertModel(second, TINY_SHAPE, { seed: 7, quantized: true });
  await buildBertModel(otherSeed, TINY_SHAPE, { seed: 8 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('buildBertModel', () => {
  it('writes the files transformers.js needs', async () => {
    expect(await listFiles(first)).toEqual([
      'config.json',
      'onnx/model.onnx',
      'onnx/model_quantized.onnx',
      'special_tokens_map.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect(await listFiles(otherSeed)).not.toContain('onnx/model_quantized.onnx');
  });

  it('writes a config matching the shape', async () => {
    const config = JSON.parse(await readFile(path.join(first, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      model_type: 'bert',
      hidden_size: TINY_SHAPE.hidden,
      num_hidden_layers: TINY_SHAPE.layers,
      num_attention_heads: TINY_SHAPE.heads,
      intermediate_size: TINY_SHAPE.intermediate,
      vocab_size: TINY_SHAPE.vocabSize,
      max_position_embeddings: TINY_SHAPE.maxPositions,
    });
    const tokenizerConfig = JSON.parse(await readFile(path.join(first, 'tokenizer_config.json'), 'utf8'));
    expect(tokenizerConfig.model_max_length).toBe(TINY_SHAPE.maxPositions);
  });

  it('writes a WordPiece tokenizer with the special tokens first and exactly vocabSize entries', async () => {
    const tokenizer = JSON.parse(await readFile(path.join(first, 'tokenizer.json'), 'utf8'));
    const vocab: Record<string, number> = tokenizer.model.vocab;
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(Object.keys(vocab)).toHaveLength(TINY_SHAPE.vocabSize);
    expect(new Set(Object.values(vocab)).size).toBe(TINY_SHAPE.vocabSize);
    expect([vocab['[PAD]'], vocab['[UNK]'], vocab['[CLS]'], vocab['[SEP]'], vocab['[MASK]']]).toEqual([0, 1, 2, 3, 4]);
    expect(vocab.interview).toBeGreaterThan(4);
    expect(vocab['##ing']).toBeGreaterThan(4);
    expect(tokenizer.post_processor.single[0].SpecialToken.id).toBe('[CLS]');
  });

  it('is deterministic: same seed, byte-identical files; another seed, other weights', async () => {
    for (const file of await listFiles(first)) {
      const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
      expect(a.equals(b), file).toBe(true);
    }
    const [a, c] = await Promise.all([readFile(path.join(first, 'onnx/model.onnx')), readFile(path.join(otherSeed, 'onnx/model.onnx'))]);
    expect(a.equals(c)).toBe(false);
  });

  it('stores int8 weights in the quantized model (much smaller file)', async () => {
    const fp32 = (await stat(path.join(first, 'onnx/model.onnx'))).size;
    const q8 = (await stat(path.join(first, 'onnx/model_quantized.onnx'))).size;
    expect(q8).toBeLessThan(fp32 * 0.5);
  });
});

describe('the ONNX graph', () => {
  const ids = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);

  it('has the BERT inputs and output and returns [batch, seq, hidden]', async () => {
    const session = await ort.InferenceSession.create(path.join(first, 'onnx/model.onnx'));
    expect([...session.inputNames].sort()).toEqual(['attention_mask', 'input_ids', 'token_type_ids']);
    expect(session.outputNames).toEqual(['last_hidden_state']);
    const tokens = [2, 100, 200, 300, 3];
    const out = await session.run({
      input_ids: ids(tokens),
      attention_mask: ids(tokens.map(() => 1)),
      token_type_ids: ids(tokens.map(() => 0)),
    });
    const hidden = out.last_hidden_state;
    expect(hidden.dims).toEqual([1, 5, TINY_SHAPE.hidden]);
    const data = hidden.data as Float32Array;
    expect(data.every(Number.isFinite)).toBe(true);
    // Positions differ, so rows differ.
    expect(data.slice(0, TINY_SHAPE.hidden)).not.toEqual(data.slice(TINY_SHAPE.hidden, 2 * TINY_SHAPE.hidden));
    await session.release();
  });

  it('applies the attention mask: padding does not change the real tokens', async () => {
    for (const file of ['onnx/model.onnx', 'onnx/model_quantized.onnx']) {
      const session = await ort.InferenceSession.create(path.join(first, file));
      const run = async (tokens: number[], mask: number[]) =>
        (
          await session.run({
            input_ids: ids(tokens),
            attention_mask: ids(mask),
            token_type_ids: ids(tokens.map(() => 0)),
          })
        ).last_hidden_state.data as Float32Array;
      const plain = await run([2, 150, 250, 3], [1, 1, 1, 1]);
      const padded = await run([2, 150, 250, 3, 0, 0, 0], [1, 1, 1, 1, 0, 0, 0]);
      const unmasked = await run([2, 150, 250, 3, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1]);
      const real = 4 * TINY_SHAPE.hidden;
      let maxDiff = 0;
      let unmaskedDiff = 0;
      for (let i = 0; i < real; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(plain[i] - padded[i]));
        unmaskedDiff = Math.max(unmaskedDiff, Math.abs(plain[i] - unmasked[i]));
      }
      // The quantized graph quantizes activations per batch, so padding rows shift the scale slightly.
      expect(maxDiff, file).toBeLessThan(file.includes('quantized') ? 0.05 : 1e-5);
      expect(unmaskedDiff, file).toBeGreaterThan(maxDiff);
      await session.release();
    }
  });
});

describe('buildVocab', () => {
  it('returns exactly the requested number of distinct tokens', () => {
    for (const size of [300, 2048, 30522]) {
      const vocab = buildVocab(size);
      expect(vocab).toHaveLength(size);
      expect(new Set(vocab).size).toBe(size);
    }
  });
});
