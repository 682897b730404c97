// The encoder's shape from a checkpoint's config.json, checked against limits before any weights
// are read: a config is untrusted, and one claiming 100,000,000 layers would otherwise have the
// import allocate until the process dies. The limits cover the BERT-family encoders this tool
// supports (all-MiniLM-L6-v2 has 22.7 million parameters; BERT-base 110 million).

import type { BertShape } from './bert-onnx.js';
import { importError } from './checkpoint.js';

export const MODEL_LIMITS = {
  layers: 48,
  hidden: 4096,
  heads: 128,
  intermediate: 16_384,
  vocabSize: 512_000,
  maxPositions: 16_384,
  typeVocabSize: 16,
  parameters: 120_000_000,
  /** Largest model.safetensors read (it is read whole). */
  weightsBytes: 1024 ** 3,
} as const;

/** The shape config.json describes, or exit 2 naming the key that is missing or over its limit. */
export function bertShape(source: string, config: Record<string, unknown>): BertShape {
  const modelType = String(config.model_type ?? '');
  if (modelType !== 'bert') {
    throw importError(
      source,
      `model_type "${modelType || '(none)'}" is not supported. Supported: BERT-family encoders (model_type "bert"), e.g. all-MiniLM-L6-v2, all-MiniLM-L12-v2, bge-small-en.`,
    );
  }
  const act = String(config.hidden_act ?? 'gelu');
  if (act !== 'gelu') throw importError(source, `hidden_act "${act}" is not supported; supported: gelu.`);
  const positions = String(config.position_embedding_type ?? 'absolute');
  if (positions !== 'absolute') throw importError(source, `position_embedding_type "${positions}" is not supported; supported: absolute.`);
  const whole = (key: string, limit: number, fallback?: number): number => {
    const value = config[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw importError(source, `config.json: ${key} must be a positive whole number, got ${JSON.stringify(config[key])?.slice(0, 40)}.`);
    }
    if (value > limit) throw importError(source, `config.json: ${key} is ${value}, over the limit of ${limit} for an importable model.`);
    return value;
  };
  const shape: BertShape = {
    layers: whole('num_hidden_layers', MODEL_LIMITS.layers),
    hidden: whole('hidden_size', MODEL_LIMITS.hidden),
    heads: whole('num_attention_heads', MODEL_LIMITS.heads),
    intermediate: whole('intermediate_size', MODEL_LIMITS.intermediate),
    vocabSize: whole('vocab_size', MODEL_LIMITS.vocabSize),
    maxPositions: whole('max_position_embeddings', MODEL_LIMITS.maxPositions),
    typeVocabSize: whole('type_vocab_size', MODEL_LIMITS.typeVocabSize, 2),
    layerNormEps: typeof config.layer_norm_eps === 'number' ? config.layer_norm_eps : 1e-12,
  };
  if (shape.hidden % shape.heads !== 0)
    throw importError(source, `config.json: hidden_size ${shape.hidden} is not divisible by num_attention_heads ${shape.heads}.`);
  const parameters = parameterCount(shape);
  if (parameters > MODEL_LIMITS.parameters) {
    throw importError(
      source,
      `config.json describes ${millions(parameters)} million parameters, over the limit of ${millions(MODEL_LIMITS.parameters)} million for an importable model.`,
    );
  }
  return shape;
}

/** Weights the encoder holds, as safetensors stores them (biases and norms included). */
export function parameterCount(shape: BertShape): number {
  const { hidden: h, intermediate: i } = shape;
  const embeddings = (shape.vocabSize + shape.maxPositions + shape.typeVocabSize) * h + 2 * h;
  const layer = 4 * (h * h + h) + (h * i + i) + (i * h + h) + 4 * h;
  return embeddings + shape.layers * layer;
}

/**
 * Checks the size of model.safetensors against the shape before reading it: it must be within the
 * limit, and hold the config's parameters at 2 to 8 bytes each (half to double precision) plus a
 * header, so a config and weights that disagree fail before anything is allocated.
 */
export function checkWeightsSize(source: string, shape: BertShape, bytes: number): void {
  if (bytes > MODEL_LIMITS.weightsBytes) {
    throw importError(
      source,
      `model.safetensors is ${mb(bytes)}, over the limit of ${mb(MODEL_LIMITS.weightsBytes)} for an importable model.`,
    );
  }
  const parameters = parameterCount(shape);
  const headerAllowance = 16 * 1024 ** 2;
  if (bytes < parameters * 2 || bytes > parameters * 8 + headerAllowance) {
    throw importError(
      source,
      `model.safetensors is ${mb(bytes)}, but config.json describes ${millions(parameters)} million parameters (${mb(parameters * 2)} to ${mb(parameters * 8)}): the weights do not belong to this config.`,
    );
  }
}

function millions(n: number): string {
  return (n / 1e6).toFixed(1);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
