// Writes a sentence-transformers checkpoint (config.json, tokenizer files, model.safetensors in
// PyTorch's [out, in] layout, modules.json and the Pooling config) from the same seeded weights
// that buildBertModel turns straight into ONNX, so an import can be checked against it exactly.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transpose, type BertWeights, type Linear } from '../../src/models/bert-onnx.js';
import { bertConfig, buildVocab, generateWeights, tokenizerConfig, tokenizerJson, type BertShape } from './bert-model.js';

export interface CheckpointOptions {
  seed?: number;
  pooling?: 'mean' | 'cls' | 'max';
  /** Prefix every tensor name (BertForMaskedLM checkpoints use `bert.`). */
  prefix?: string;
  /** Tensors to leave out, or to write with another shape. */
  omit?: string[];
  reshape?: Record<string, number[]>;
  config?: Record<string, unknown>;
}

export function safetensorsBytes(tensors: Record<string, { shape: number[]; data: Float32Array }>): Buffer {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const [name, tensor] of Object.entries(tensors)) {
    header[name] = { dtype: 'F32', shape: tensor.shape, data_offsets: [offset, offset + tensor.data.byteLength] };
    offset += tensor.data.byteLength;
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([
    length,
    json,
    ...Object.values(tensors).map((t) => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength)),
  ]);
}

export function checkpointTensors(shape: BertShape, weights: BertWeights): Record<string, { shape: number[]; data: Float32Array }> {
  const out: Record<string, { shape: number[]; data: Float32Array }> = {};
  const { hidden } = shape;
  const put = (name: string, dims: number[], data: Float32Array) => (out[name] = { shape: dims, data });
  const linear = (name: string, l: Linear) => {
    put(`${name}.weight`, [l.outDim, l.inDim], transpose(l.weight, l.inDim, l.outDim));
    put(`${name}.bias`, [l.outDim], l.bias);
  };
  const norm = (name: string, n: { scale: Float32Array; bias: Float32Array }) => {
    put(`${name}.weight`, [hidden], n.scale);
    put(`${name}.bias`, [hidden], n.bias);
  };
  put('embeddings.word_embeddings.weight', [shape.vocabSize, hidden], weights.wordEmbeddings);
  put('embeddings.position_embeddings.weight', [shape.maxPositions, hidden], weights.positionEmbeddings);
  put('embeddings.token_type_embeddings.weight', [2, hidden], weights.tokenTypeEmbeddings);
  norm('embeddings.LayerNorm', weights.embeddingNorm);
  weights.layers.forEach((layer, i) => {
    const p = `encoder.layer.${i}`;
    linear(`${p}.attention.self.query`, layer.query);
    linear(`${p}.attention.self.key`, layer.key);
    linear(`${p}.attention.self.value`, layer.value);
    linear(`${p}.attention.output.dense`, layer.attentionOut);
    norm(`${p}.attention.output.LayerNorm`, layer.attentionNorm);
    linear(`${p}.intermediate.dense`, layer.intermediate);
    linear(`${p}.output.dense`, layer.output);
    norm(`${p}.output.LayerNorm`, layer.outputNorm);
  });
  return out;
}

/** Files of a checkpoint by relative path (to write as a folder or pack into a wheel). */
export function checkpointFiles(shape: BertShape, options: CheckpointOptions = {}): Record<string, Buffer | string> {
  const tensors = checkpointTensors(shape, generateWeights(shape, options.seed ?? 42));
  const prefixed: typeof tensors = {};
  for (const [name, tensor] of Object.entries(tensors)) {
    if (options.omit?.includes(name)) continue;
    const dims = options.reshape?.[name];
    prefixed[(options.prefix ?? '') + name] = dims ? { shape: dims, data: new Float32Array(dims.reduce((a, b) => a * b, 1)) } : tensor;
  }
  const pooling = options.pooling ?? 'mean';
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'config.json': json({ ...bertConfig(shape), ...options.config }),
    'tokenizer.json': json({
      ...tokenizerJson(buildVocab(shape.vocabSize)),
      padding: { strategy: { Fixed: 128 } },
      truncation: { max_length: 128 },
    }),
    'tokenizer_config.json': json(tokenizerConfig(shape)),
    'sentence_bert_config.json': json({ max_seq_length: 64, do_lower_case: false }),
    'modules.json': json([
      { idx: 0, name: '0', path: '', type: 'sentence_transformers.models.Transformer' },
      { idx: 1, name: '1', path: '1_Pooling', type: 'sentence_transformers.models.Pooling' },
      { idx: 2, name: '2', path: '2_Normalize', type: 'sentence_transformers.models.Normalize' },
    ]),
    '1_Pooling/config.json': json({
      word_embedding_dimension: shape.hidden,
      pooling_mode_cls_token: pooling === 'cls',
      pooling_mode_mean_tokens: pooling === 'mean',
      pooling_mode_max_tokens: pooling === 'max',
      pooling_mode_mean_sqrt_len_tokens: false,
    }),
    'model.safetensors': safetensorsBytes(prefixed),
  };
}

export async function writeCheckpoint(dir: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), content);
  }
}
