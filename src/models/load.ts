// Loading the sentence model with @huggingface/transformers (`feature-extraction`, from a local
// folder or a hub id kept in the model cache) and running one batch through it. Every loading
// failure becomes a ModelUnavailableError that says how to get the model. The embedder
// (transformers.ts) runs batches here in its own thread or in worker threads (embed-worker.ts).

import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelDtype } from '../types.js';
import { ModelUnavailableError } from './unavailable.js';
import { poolRows, type Pooling } from './pooling.js';
import { cachedModelPath, isHubModelId, isLocalModelPath, onnxFileFor, REQUIRED_MODEL_FILES, resolveLocalModelPath } from './catalog.js';
import { importInferenceLibrary, type TransformersModule } from './library.js';
import { shortcutTokenizer } from './tokenizer-shortcuts.js';

/** Give up on the hub when it has not answered (headers) within this time. */
const HUB_RESPONSE_TIMEOUT_MS = 30_000;

/** A tensor as the library returns it: flat data in row-major order. */
interface TensorLike {
  data: ArrayLike<number | bigint>;
  dims: number[];
  dispose?(): void;
}

/** The slice of the feature-extraction pipeline this module uses. */
export interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: true }): Promise<TensorLike>;
  tokenizer: {
    (texts: string[], options: { padding: true; truncation: true }): { attention_mask: TensorLike } & Record<string, unknown>;
    (texts: string[], options: { padding: true; truncation: true; return_tensor: false }): Record<string, number[][]>;
    pad_token_id?: unknown;
    padding_side?: unknown;
  };
  model: ((inputs: Record<string, unknown>) => Promise<Record<string, TensorLike | undefined>>) & {
    config: Record<string, unknown>;
    sessions?: { model?: ModelSession };
  };
  dispose(): Promise<void>;
}

/** One batch through the model, then pooling and L2 normalisation (pooling.ts). */
export function embedBatch(pipe: FeatureExtractor, texts: string[], dims: number, pooling: Pooling): Promise<Float32Array[]> {
  return embedInputs(pipe, pipe.tokenizer(texts, { padding: true, truncation: true }), texts.length, dims, pooling);
}

/** A tokenised batch of `count` texts through the model, then pooling and L2 normalisation. */
async function embedInputs(
  pipe: FeatureExtractor,
  inputs: { attention_mask: TensorLike } & Record<string, unknown>,
  count: number,
  dims: number,
  pooling: Pooling,
): Promise<Float32Array[]> {
  const outputs = await runModel(pipe, inputs);
  const hidden = outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings;
  if (hidden?.dims.length !== 3 || hidden.dims[0] !== count || hidden.dims[2] !== dims) {
    throw new Error(`model output has shape [${hidden?.dims.join(', ') ?? ''}], expected [${count}, tokens, ${dims}]`);
  }
  const [rows, tokens] = hidden.dims as [number, number, number];
  const vectors = poolRows(hidden.data as Float32Array, inputs.attention_mask.data, { rows, tokens, dims }, pooling);
  hidden.dispose?.();
  return vectors;
}

/**
 * The tensors the tokenizer gives a batch (`padding`, `truncation`), from its texts each tokenised
 * alone, as the tokenizer builds them: every text is truncated alone to the model's length, then
 * padded to the batch's longest, its ids with the pad token, its other rows with 0, on the
 * tokenizer's side; int64 rows in text order. A tokenizer that pads otherwise than on the right
 * or left, or has no pad token, tokenises the batch itself (`tokenize`).
 */
function paddedBatch(
  pipe: FeatureExtractor,
  texts: readonly Record<string, number[][]>[],
  tokenize: () => { attention_mask: TensorLike } & Record<string, unknown>,
): { attention_mask: TensorLike } & Record<string, unknown> {
  const { pad_token_id: padId, padding_side: side } = pipe.tokenizer;
  const Tensor = tensorClass(pipe);
  if (typeof padId !== 'number' || (side !== 'right' && side !== 'left') || !Tensor || texts.length === 0) return tokenize();
  const keys = Object.keys(texts[0]!);
  const length = Math.max(...texts.map((text) => text.input_ids?.[0]?.length ?? 0));
  const batch: Record<string, unknown> = {};
  for (const key of keys) {
    const pad = BigInt(key === 'input_ids' ? padId : 0);
    const data = new BigInt64Array(texts.length * length).fill(pad);
    texts.forEach((text, row) => {
      const values = text[key]?.[0] ?? [];
      const at = row * length + (side === 'left' ? length - values.length : 0);
      for (let j = 0; j < values.length; j++) data[at + j] = BigInt(values[j]!);
    });
    batch[key] = new Tensor('int64', data, [texts.length, length]);
  }
  return batch as { attention_mask: TensorLike } & Record<string, unknown>;
}

type TensorClass = new (type: string, data: BigInt64Array, dims: number[]) => TensorLike;
const tensorClasses = new WeakMap<FeatureExtractor, TensorClass | null>();

/** The library's Tensor class, as its tokenizer makes them (null if it makes none). */
function tensorClass(pipe: FeatureExtractor): TensorClass | null {
  if (!tensorClasses.has(pipe)) {
    const mask = pipe.tokenizer([''], { padding: true, truncation: true }).attention_mask as unknown;
    const made = (mask as { constructor?: unknown } | null)?.constructor;
    tensorClasses.set(pipe, typeof made === 'function' && made !== Object ? (made as TensorClass) : null);
  }
  return tensorClasses.get(pipe)!;
}

/** Batches in order, one model call each (embedBatch), their vectors in one list. */
export async function embedBatches(
  pipe: FeatureExtractor,
  batches: readonly string[][],
  dims: number,
  pooling: Pooling,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (const texts of batches) vectors.push(...(await embedBatch(pipe, texts, dims, pooling)));
  return vectors;
}

/** The ONNX Runtime session the library created for the model (same file, same session options). */
interface ModelSession {
  inputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, TensorLike | undefined>>;
}

/**
 * The tokenizer's tensors straight into the library's own session: the same call the library makes,
 * without its input checks and output re-wrapping (0.02-0.03 ms of a 1.5 ms q8 call on MiniLM, the
 * same bytes out). When the session or an input it needs is not there (the library fills in
 * missing token_type_ids), the library's model call runs instead.
 */
function runModel(pipe: FeatureExtractor, inputs: Record<string, unknown>): Promise<Record<string, TensorLike | undefined>> {
  const session = pipe.model.sessions?.model;
  if (typeof session?.run !== 'function' || !Array.isArray(session.inputNames)) return pipe.model(inputs);
  const feeds: Record<string, unknown> = {};
  for (const name of session.inputNames) {
    const tensor = (inputs[name] as { ort_tensor?: unknown } | undefined)?.ort_tensor;
    if (tensor === undefined) return pipe.model(inputs);
    feeds[name] = tensor;
  }
  return session.run(feeds);
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

/**
 * A job's texts in batches of up to `batchSize` texts of neighbouring token counts (fewest padded
 * tokens), for a model whose vectors do not depend on the batch; the vectors come back in the
 * texts' order. Character length, by which the embedder sorts, pads about four times as much.
 */
export async function embedByTokenCount(
  pipe: FeatureExtractor,
  texts: readonly string[],
  batchSize: number,
  dims: number,
  pooling: Pooling,
): Promise<Float32Array[]> {
  // Each text is tokenised once: its count orders the batches, and its ids are padded into them.
  const encoded = texts.map((text) => pipe.tokenizer([text], { padding: true, truncation: true, return_tensor: false }));
  const tokens = encoded.map((text) => text.attention_mask[0]?.length ?? 0);
  const order = texts.map((_, i) => i).sort((a, b) => tokens[a]! - tokens[b]! || a - b);
  const vectors = new Array<Float32Array>(texts.length);
  for (let start = 0; start < order.length; start += batchSize) {
    const batch = order.slice(start, start + batchSize);
    const batchVectors = await embedInputs(
      pipe,
      paddedBatch(
        pipe,
        batch.map((i) => encoded[i]!),
        () =>
          pipe.tokenizer(
            batch.map((i) => texts[i]!),
            { padding: true, truncation: true },
          ),
      ),
      batch.length,
      dims,
      pooling,
    );
    batch.forEach((i, row) => {
      vectors[i] = batchVectors[row]!;
    });
  }
  return vectors;
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
    transformers = await importInferenceLibrary();
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

  // The same ids with less work for a BERT tokenizer (tokenizer-shortcuts.ts).
  shortcutTokenizer(pipe.tokenizer);
  const hidden = Number(pipe.model.config.hidden_size);
  if (!Number.isInteger(hidden) || hidden <= 0) {
    await pipe.dispose();
    throw new ModelUnavailableError(options.model, 'config.json has no usable hidden_size.');
  }
  return { pipeline: pipe, name, onnxPath: onnxPath && existsSync(onnxPath) ? onnxPath : null, dims: hidden };
}

export function checkModelFolder(model: string, dir: string, onnxFile: string, where: string): void {
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

export function shortReason(error: unknown): string {
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
