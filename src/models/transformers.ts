// The neural embedder: a sentence-embedding model run by @huggingface/transformers
// (`feature-extraction`, mean pooling, L2-normalised), from a local folder or a hub id kept in the
// model cache. Every loading failure becomes a ModelUnavailableError that says how to get the model.

import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Embedder, ModelDtype } from '../types.js';
import { readModelPooling } from './meta.js';
import { DIGEST_MEMO_FILE, fileDigest } from './digest.js';
import { ModelUnavailableError } from './unavailable.js';
import { poolRows, type Pooling } from './pooling.js';
import { cachedModelPath, isHubModelId, isLocalModelPath, onnxFileFor, REQUIRED_MODEL_FILES, resolveLocalModelPath } from './catalog.js';

export interface TransformersOptions {
  /** Hub id like "Xenova/all-MiniLM-L6-v2" or a local folder path (absolute or relative). */
  model: string;
  /** Where downloaded models live (see catalog.ts). */
  cacheDir: string;
  /** Never touch the network. */
  offline: boolean;
  /** q8 loads onnx/model_quantized.onnx, fp32 (the default) onnx/model.onnx. */
  dtype?: ModelDtype;
  batchSize?: number;
  /** intraOpNumThreads; default os.availableParallelism(). */
  threads?: number;
  /** Sort texts by length so each batch pads little (default true; false keeps the caller's order). */
  sortByLength?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Load the model now even when it is on disk (default: at the first text not already cached). */
  eager?: boolean;
}

/**
 * Measured on an all-MiniLM-L6-v2-shaped model, 500 feedback sentences (mean 183 chars), length-sorted,
 * one thread: 8.4 CPU ms/text at batch 8 and 16, 9.5 at 32, 12.3 at 64 (wider batches pad more and
 * attention grows with the square of the padded length), and memory grows with the batch; so 16.
 * Unsorted batches cost 2-3x as much (17-37 ms/text).
 */
export const MODEL_BATCH_SIZE = 16;

/** Give up on the hub when it has not answered (headers) within this time. */
const HUB_RESPONSE_TIMEOUT_MS = 30_000;

type TransformersModule = typeof import('@huggingface/transformers');

/** A tensor as the library returns it: flat data in row-major order. */
interface TensorLike {
  data: ArrayLike<number | bigint>;
  dims: number[];
  dispose?(): void;
}

/** The slice of the feature-extraction pipeline this module uses. */
export interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: true }): Promise<TensorLike>;
  tokenizer(texts: string[], options: { padding: true; truncation: true }): { attention_mask: TensorLike } & Record<string, unknown>;
  model: ((inputs: Record<string, unknown>) => Promise<Record<string, TensorLike | undefined>>) & { config: Record<string, unknown> };
  dispose(): Promise<void>;
}

/** One batch through the model, then pooling and L2 normalisation (pooling.ts). */
async function embedBatch(pipe: FeatureExtractor, texts: string[], dims: number, pooling: Pooling): Promise<Float32Array[]> {
  const inputs = pipe.tokenizer(texts, { padding: true, truncation: true });
  const outputs = await pipe.model(inputs);
  const hidden = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
  if (hidden?.dims.length !== 3 || hidden.dims[0] !== texts.length || hidden.dims[2] !== dims) {
    throw new Error(`model output has shape [${hidden?.dims.join(', ') ?? ''}], expected [${texts.length}, tokens, ${dims}]`);
  }
  const [rows, tokens] = hidden.dims as [number, number, number];
  const vectors = poolRows(hidden.data as Float32Array, inputs.attention_mask.data, { rows, tokens, dims }, pooling);
  hidden.dispose?.();
  return vectors;
}

export interface LoadedModel {
  pipeline: FeatureExtractor;
  /** Hub id, or the folder's name for a local model. */
  name: string;
  /** The ONNX file that was loaded (null when it cannot be located on disk). */
  onnxPath: string | null;
  dims: number;
}

export interface LoadOptions {
  model: string;
  cacheDir: string;
  offline: boolean;
  dtype?: ModelDtype;
  threads?: number;
}

// `env` of the library is global; loads are serialised so two embedders cannot interleave settings.
let loadQueue: Promise<unknown> = Promise.resolve();

export function loadFeatureExtractionPipeline(options: LoadOptions): Promise<LoadedModel> {
  const next = loadQueue.then(() => loadNow(options));
  loadQueue = next.catch(() => undefined);
  return next;
}

async function loadNow(options: LoadOptions): Promise<LoadedModel> {
  const dtype = options.dtype ?? 'fp32';
  const onnxFile = onnxFileFor(dtype);
  const local = isLocalModelPath(options.model);

  let source: string;
  let onnxPath: string | null;
  let name: string;
  let allowRemote: boolean;
  if (local) {
    const dir = resolveLocalModelPath(options.model);
    checkModelFolder(options.model, dir, onnxFile, `in the folder ${dir}`);
    // An absolute path is never taken for a hub id by the library, so it is read as-is.
    source = dir;
    onnxPath = path.join(dir, onnxFile);
    name = path.basename(dir);
    allowRemote = false;
  } else {
    if (!isHubModelId(options.model)) {
      throw new ModelUnavailableError(options.model, 'it is neither an existing folder nor a hub model id like Xenova/all-MiniLM-L6-v2.');
    }
    const cachedDir = cachedModelPath(options.model, options.cacheDir);
    // Offline: decide from the cache alone, so a missing model fails at once with no network attempt.
    if (options.offline) {
      checkModelFolder(options.model, cachedDir, onnxFile, `in the model cache ${options.cacheDir} (offline)`);
    }
    source = options.model;
    onnxPath = path.join(cachedDir, onnxFile);
    name = options.model;
    allowRemote = !options.offline;
  }

  let transformers: TransformersModule;
  try {
    transformers = await import('@huggingface/transformers');
  } catch (error) {
    throw new ModelUnavailableError(options.model, `the inference library failed to load: ${shortReason(error)}`, {
      cause: error,
    });
  }
  const { env, LogLevel, pipeline } = transformers;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  env.cacheDir = options.cacheDir;
  // Hub models copied by hand into the cache dir (same layout) are found as local files too.
  env.localModelPath = options.cacheDir;
  // The library warns on stderr for every file it probes; our own messages say what matters.
  env.logLevel = LogLevel.ERROR;
  if (allowRemote) env.fetch = fetchWithResponseTimeout;

  const threads = Math.max(1, Math.floor(options.threads ?? os.availableParallelism()));
  let pipe: FeatureExtractor;
  try {
    pipe = (await pipeline('feature-extraction', source, {
      dtype,
      local_files_only: !allowRemote,
      session_options: {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        // Spinning worker threads burn a core while waiting; on a shared machine that cost more
        // than it saved (2 cores, busy: 2 spinning threads 137 texts/s, not spinning 200).
        extra: { session: { intra_op: { allow_spinning: '0' } } },
      },
    })) as unknown as FeatureExtractor;
  } catch (error) {
    throw new ModelUnavailableError(options.model, describeLoadFailure(error, allowRemote), { cause: error });
  }

  const hidden = Number(pipe.model.config.hidden_size);
  if (!Number.isInteger(hidden) || hidden <= 0) {
    await pipe.dispose();
    throw new ModelUnavailableError(options.model, 'config.json has no usable hidden_size.');
  }
  return { pipeline: pipe, name, onnxPath: onnxPath && existsSync(onnxPath) ? onnxPath : null, dims: hidden };
}

function checkModelFolder(model: string, dir: string, onnxFile: string, where: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    const reason = where.startsWith('in the folder') ? `the folder ${dir} does not exist.` : `it was not found ${where}.`;
    throw new ModelUnavailableError(model, reason);
  }
  const missing = [...REQUIRED_MODEL_FILES, onnxFile].filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length > 0) {
    // The other weights being there is worth saying: the fix is then a flag, not a download.
    const other = onnxFile === onnxFileFor('q8') ? onnxFileFor('fp32') : onnxFileFor('q8');
    const hint =
      missing.length === 1 && missing[0] === onnxFile && existsSync(path.join(dir, other))
        ? ` It has ${other}: run with --dtype ${other === onnxFileFor('fp32') ? 'fp32' : 'q8'} (or leave --dtype out).`
        : '';
    throw new ModelUnavailableError(model, `${missing.join(', ')} missing ${where}.${hint}`);
  }
}

function describeLoadFailure(error: unknown, allowRemote: boolean): string {
  const reason = shortReason(error);
  if (allowRemote && /fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|abort|network/i.test(reason)) {
    return `the Hugging Face hub could not be reached (${reason}).`;
  }
  return reason;
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const causeCode = cause && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  const first = (message.split('\n')[0] ?? '').trim();
  const text = causeCode && !first.includes(causeCode) ? `${first}: ${causeCode}` : first;
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

/** fetch that aborts when the server has not answered within the timeout; the body then streams freely. */
async function fetchWithResponseTimeout(input: string | URL, init?: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('no response from the hub')), HUB_RESPONSE_TIMEOUT_MS);
  init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
  try {
    return await fetch(input, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What can be known about a model without loading the inference library: its name, ONNX file and
 * width. Null when the files are not all on disk yet (a hub model that still has to be downloaded).
 */
async function describeModelOnDisk(
  options: LoadOptions & { dtype: ModelDtype },
): Promise<{ name: string; onnxPath: string; dims: number; pooling: Pooling } | null> {
  const onnxFile = onnxFileFor(options.dtype);
  let dir: string;
  let name: string;
  if (isLocalModelPath(options.model)) {
    dir = resolveLocalModelPath(options.model);
    checkModelFolder(options.model, dir, onnxFile, `in the folder ${dir}`);
    name = path.basename(dir);
  } else {
    if (!isHubModelId(options.model)) return null;
    dir = cachedModelPath(options.model, options.cacheDir);
    if (![...REQUIRED_MODEL_FILES, onnxFile].every((file) => existsSync(path.join(dir, file)))) return null;
    name = options.model;
  }
  let hidden: number;
  try {
    const config = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')) as { hidden_size?: unknown };
    hidden = Number(config.hidden_size);
  } catch (error) {
    throw new ModelUnavailableError(options.model, `config.json in ${dir} is not valid JSON: ${shortReason(error)}`, { cause: error });
  }
  if (!Number.isInteger(hidden) || hidden <= 0) {
    throw new ModelUnavailableError(options.model, 'config.json has no usable hidden_size.');
  }
  return { name, onnxPath: path.join(dir, onnxFile), dims: hidden, pooling: await readModelPooling(dir) };
}

export async function createTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  const dtype = options.dtype ?? 'fp32';
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? MODEL_BATCH_SIZE));
  const sortByLength = options.sortByLength ?? true;

  // With the model on disk, its identity (name, dtype, file digest) and width need no inference
  // library, so loading is deferred to the first text that is not in the embedding cache: a
  // re-run over unchanged data never loads the model at all. Otherwise load (download) now, so a
  // missing model is known before any work starts.
  const onDisk = options.eager ? null : await describeModelOnDisk({ ...options, dtype });
  let loading: Promise<LoadedModel> | null = onDisk ? null : Promise.resolve(await loadFeatureExtractionPipeline({ ...options, dtype }));
  const identity = onDisk ?? (await loading!);
  const onnxPath = onDisk ? onDisk.onnxPath : (await loading!).onnxPath;
  const digest = onnxPath ? await fileDigest(onnxPath, path.join(options.cacheDir, DIGEST_MEMO_FILE)) : 'unknown';
  const dims = identity.dims;
  const pooling: Pooling = onDisk ? onDisk.pooling : onnxPath ? await readModelPooling(path.dirname(path.dirname(onnxPath))) : 'mean';
  let disposed = false;

  const pipeline = async (): Promise<FeatureExtractor> => {
    loading ??= loadFeatureExtractionPipeline({ ...options, dtype });
    const loaded = await loading;
    if (loaded.dims !== dims) {
      throw new ModelUnavailableError(options.model, `the model outputs ${loaded.dims} dimensions but config.json says ${dims}.`);
    }
    return loaded.pipeline;
  };

  return {
    // Mean pooling keeps the ids vectors were cached under; another pooling is another embedder.
    id: `transformers:${identity.name}:${dtype}:${digest}${pooling === 'mean' ? '' : `:${pooling}`}`,
    dims,
    ...(onnxPath ? { weights: digest } : {}),
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (disposed) throw new Error('embed() called after dispose()');
      if (texts.length === 0) return [];
      const pipe = await pipeline();
      const order = texts.map((_, i) => i);
      // Character length is a cheap stand-in for token count; ties keep the caller's order.
      if (sortByLength) order.sort((a, b) => texts[a].length - texts[b].length || a - b);
      const vectors = new Array<Float32Array>(texts.length);
      for (let start = 0; start < order.length; start += batchSize) {
        const batch = order.slice(start, start + batchSize);
        const batchVectors = await embedBatch(
          pipe,
          batch.map((i) => texts[i]),
          dims,
          pooling,
        );
        batch.forEach((original, row) => {
          vectors[original] = batchVectors[row]!;
        });
        options.onProgress?.(Math.min(start + batch.length, texts.length), texts.length);
      }
      return vectors;
    },
    async dispose(): Promise<void> {
      disposed = true;
      const current = loading;
      loading = null;
      if (current) await (await current.catch(() => null))?.pipeline.dispose();
    },
  };
}
