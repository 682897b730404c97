// The neural embedder: a sentence-embedding model run by @huggingface/transformers
// (`feature-extraction`, mean pooling, L2-normalised; loading in load.ts), from a local folder or a
// hub id kept in the model cache. Texts are sorted by length and cut into batches here; a model on
// disk runs the batches in worker threads (worker-pool.ts).

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Embedder, ModelDtype } from '../types.js';
import { readModelPooling, readRowScaledQ8 } from './meta.js';
import { DIGEST_MEMO_FILE, fileDigest } from './digest.js';
import { ModelUnavailableError } from './unavailable.js';
import type { Pooling } from './pooling.js';
import {
  cachedModelPath,
  hasModelFiles,
  isHubModelId,
  isLocalModelPath,
  modelFolder,
  onnxFileFor,
  preferredDtype,
  resolveLocalModelPath,
} from './catalog.js';
import { checkModelFolder, embedBatches, loadFeatureExtractionPipeline, shortReason, type LoadedModel, type LoadOptions } from './load.js';
import { tokenKeyFor } from './token-key.js';
import type { EmbedWorkerSetup } from './embed-worker.js';
import { createEmbedWorkerPool, type EmbedWorkerPool } from './worker-pool.js';

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
  /** Batches go to a model worker in jobs of about this many characters of text (default WORKER_JOB_CHARS). */
  jobChars?: number;
  /** Cores the model may use (default os.availableParallelism()): that many worker threads (at most
   * MAX_MODEL_WORKERS, sharing the cores), or ONNX Runtime's intra-op threads for a model loaded here. */
  threads?: number;
  /** Sort texts by length so each batch pads little (default true; false keeps the caller's order). */
  sortByLength?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Load the model now even when it is on disk (default: at the first text not already cached). */
  eager?: boolean;
}

/**
 * One text per model call. The quantised model sets its activation scales per batch (and padding
 * takes part in them), so in a batch a text's vector depended on its batch mates: on which texts
 * the store already held, on the rows beside it, on the exemplars. Alone, a text's vector depends
 * on the text only. It costs nothing: length-sorted batches of 16 padded 12% and run in two
 * single-threaded workers as fast as texts one at a time (2,000 cold rows: 20.6 s user CPU
 * against 19.7-21.1 s at 16; 2,000 sentences 4.6-6.8 s against 7.3-9.6 s).
 */
export const MODEL_BATCH_SIZE = 1;

/**
 * Texts per call for a q8 model whose file scales each token row on its own (`model import`
 * records it): a text's vector is then the same byte for byte in any batch, padded or not, and
 * batches of 8 neighbours in length read the weights once for eight texts (the bench's cold-run
 * texts: about a fifth less of the model's CPU than one text per call through the older graph).
 */
export const ROW_SCALED_BATCH_SIZE = 8;

/**
 * Batches go to a model worker in jobs of whole batches, up to about this many characters of text
 * (at least one batch): with one text per call, a message per text cost the main thread a turn
 * per text, and a worker waited whenever the main thread was busy. Texts are sorted by length, so
 * long texts come in short jobs and the workers finish close together.
 */
export const WORKER_JOB_CHARS = 2_000;

/** Each worker holds its own copy of the model; beyond a few, cores go to intra-op threads instead. */
export const MAX_MODEL_WORKERS = 4;

/**
 * What can be known about a model without loading the inference library: its name, ONNX file and
 * width. Null when the files are not all on disk yet (a hub model that still has to be downloaded).
 */
async function describeModelOnDisk(options: LoadOptions & { dtype: ModelDtype }): Promise<{
  name: string;
  onnxPath: string;
  dims: number;
  pooling: Pooling;
  rowScaled: boolean;
  tokenKey: (text: string) => string;
} | null> {
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
    if (!hasModelFiles(dir, options.dtype)) return null;
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
  return {
    name,
    onnxPath: path.join(dir, onnxFile),
    dims: hidden,
    pooling: await readModelPooling(dir),
    rowScaled: options.dtype === 'q8' && (await readRowScaledQ8(dir)),
    tokenKey: tokenKeyFor(await readTokenizer(dir)),
  };
}

/** tokenizer.json, parsed; null when it cannot be read (the model's load then says why). */
async function readTokenizer(dir: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'tokenizer.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** The worker threads a model on disk runs in: how many, and what each loads (one plan for the embedder and an early start). */
export interface ModelWorkerPlan {
  size: number;
  setup: EmbedWorkerSetup;
}

export function modelWorkerPlan(
  options: Pick<TransformersOptions, 'model' | 'cacheDir' | 'offline' | 'batchSize' | 'threads'> & { dtype: ModelDtype },
  onDisk: { pooling: Pooling; rowScaled: boolean },
): ModelWorkerPlan {
  const threads = Math.max(1, Math.floor(options.threads ?? os.availableParallelism()));
  const size = Math.min(threads, MAX_MODEL_WORKERS);
  const batchSize = modelBatchSize(options.batchSize, onDisk.rowScaled);
  return {
    size,
    setup: {
      load: {
        model: options.model,
        cacheDir: options.cacheDir,
        offline: options.offline,
        dtype: options.dtype,
        threads: Math.floor(threads / size),
      },
      pooling: onDisk.pooling,
      ...(onDisk.rowScaled ? { tokenCountBatch: batchSize } : {}),
    },
  };
}

/**
 * A pool started before its embedder was made (startModelEarly), with the plan it was started on:
 * the embedder made with that plan takes it; otherwise releaseEarlyModel closes it.
 */
let early: { model: string; plan: string; pool: EmbedWorkerPool } | null = null;

/**
 * Starts loading a model on disk in its first worker thread now, for a run that will embed with it
 * whatever it reads (nothing stored yet): the worker loads while this thread loads the run's own
 * modules, reads and redacts, instead of only once the engine is chosen. The embedder made later
 * with the same model, dtype and batch size takes the pool (createTransformersEmbedder); whatever
 * happens, releaseEarlyModel must be awaited before the process ends. A model not (all) on disk
 * is left to the run, which says what is missing.
 */
export async function startModelEarly(
  options: Pick<TransformersOptions, 'model' | 'cacheDir' | 'offline' | 'batchSize' | 'dtype'>,
): Promise<void> {
  if (early) return;
  const dtype = options.dtype ?? preferredDtype(options.model, options.cacheDir).dtype;
  const dir = modelFolder(options.model, options.cacheDir);
  if (!dir || !hasModelFiles(dir, dtype)) return;
  const rowScaled = dtype === 'q8' && (await readRowScaledQ8(dir));
  const plan = modelWorkerPlan({ ...options, dtype }, { pooling: await readModelPooling(dir), rowScaled });
  const pool = createEmbedWorkerPool(options.model, plan.setup, plan.size);
  // A model that fails to load fails the run when its embedder is first used, as it would have then.
  pool.ready().catch(() => undefined);
  early = { model: options.model, plan: JSON.stringify(plan), pool };
}

/** The early pool, when it was started on exactly this plan (else null: the embedder makes its own). */
function takeEarlyPool(model: string, plan: ModelWorkerPlan): EmbedWorkerPool | null {
  if (!early || early.model !== model || early.plan !== JSON.stringify(plan)) return null;
  const { pool } = early;
  early = null;
  return pool;
}

/**
 * Closes an early pool no embedder took (the run failed first, or chose another engine), resolving
 * once its worker has ended with whether there was one.
 */
export async function releaseEarlyModel(): Promise<boolean> {
  const pool = early?.pool;
  early = null;
  await pool?.dispose();
  return pool !== undefined;
}

/** Texts per model call: as asked, else by the model's graph (see ROW_SCALED_BATCH_SIZE). */
function modelBatchSize(asked: number | undefined, rowScaled: boolean): number {
  return Math.max(1, Math.floor(asked ?? (rowScaled ? ROW_SCALED_BATCH_SIZE : MODEL_BATCH_SIZE)));
}

export async function createTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  const dtype = options.dtype ?? 'fp32';
  const jobCharLimit = Math.max(1, options.jobChars ?? WORKER_JOB_CHARS);
  const sortByLength = options.sortByLength ?? true;
  const threads = Math.max(1, Math.floor(options.threads ?? os.availableParallelism()));

  // With the model on disk, its identity (name, dtype, file digest) and width need no inference
  // library, so loading is deferred to the first text that is not in the embedding cache: a
  // re-run over unchanged data never loads the model at all. Otherwise load (download) now, so a
  // missing model is known before any work starts.
  const onDisk = options.eager ? null : await describeModelOnDisk({ ...options, dtype });
  // A row-scaled q8 model gives a text the same vector in any batch (see ROW_SCALED_BATCH_SIZE).
  const rowScaled = onDisk?.rowScaled ?? false;
  const batchSize = modelBatchSize(options.batchSize, rowScaled);
  const textAlone = batchSize === 1 || rowScaled;
  let loading: Promise<LoadedModel> | null = onDisk ? null : Promise.resolve(await loadFeatureExtractionPipeline({ ...options, dtype }));
  const identity = onDisk ?? (await loading!);
  const onnxPath = onDisk ? onDisk.onnxPath : (await loading!).onnxPath;
  const digest = onnxPath ? await fileDigest(onnxPath, path.join(options.cacheDir, DIGEST_MEMO_FILE)) : 'unknown';
  const dims = identity.dims;
  const pooling: Pooling = onDisk ? onDisk.pooling : onnxPath ? await readModelPooling(path.dirname(path.dirname(onnxPath))) : 'mean';
  // One text per call: a text's vector depends on its token ids alone, so texts the tokenizer
  // cannot tell apart share one call (token-key.ts). In batches of several it would change batches.
  const tokenKey = onDisk && textAlone ? onDisk.tokenKey : (text: string) => text;
  const checkDims = (loadedDims: number) => {
    if (loadedDims !== dims) {
      throw new ModelUnavailableError(options.model, `the model outputs ${loadedDims} dimensions but config.json says ${dims}.`);
    }
  };
  let disposed = false;

  // A model on disk runs in worker threads (worker-pool.ts), perhaps already loading since the run
  // began (startModelEarly); one loaded here (just downloaded) runs in this thread, a batch at a time.
  const plan = onDisk ? modelWorkerPlan({ ...options, dtype }, onDisk) : null;
  const pool = plan ? (takeEarlyPool(options.model, plan) ?? createEmbedWorkerPool(options.model, plan.setup, plan.size)) : null;
  let inThread: Promise<unknown> = Promise.resolve();
  const runJob = async (batches: string[][]): Promise<Float32Array[]> => {
    if (pool) {
      // Queued at once, so that a second worker starts while the first loads.
      const [loadedDims, vectors] = await Promise.all([pool.ready(), pool.run(batches)]);
      checkDims(loadedDims);
      return vectors;
    }
    const run = inThread.then(async () => {
      loading ??= loadFeatureExtractionPipeline({ ...options, dtype, threads });
      const loaded = await loading;
      checkDims(loaded.dims);
      return embedBatches(loaded.pipeline, batches, dims, pooling);
    });
    inThread = run.catch(() => undefined);
    return run;
  };

  return {
    // Mean pooling keeps the ids vectors were cached under; another pooling is another embedder.
    // Quantised vectors depend on the batch size (see MODEL_BATCH_SIZE), so q8 ids name it, unless
    // the model scales each row on its own.
    id: `transformers:${identity.name}:${dtype}:${digest}${pooling === 'mean' ? '' : `:${pooling}`}${dtype === 'q8' ? (rowScaled ? ':rows' : `:batch${batchSize}`) : ''}`,
    dims,
    ...(onnxPath ? { weights: digest } : {}),
    // One text per call, or a row-scaled model: a text's vector is its own (see MODEL_BATCH_SIZE).
    textAlone,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (disposed) throw new Error('embed() called after dispose()');
      if (texts.length === 0) return [];
      // The first text of each key is embedded; the others take a copy of its vector.
      const firstOfKey = new Map<string, number>();
      const sameAs = texts.map((text, i) => {
        const key = tokenKey(text);
        const first = firstOfKey.get(key);
        if (first === undefined) firstOfKey.set(key, i);
        return first ?? i;
      });
      const order = texts.flatMap((_, i) => (sameAs[i] === i ? [i] : []));
      // Character length is a cheap stand-in for token count; ties keep the caller's order.
      if (sortByLength) order.sort((a, b) => texts[a].length - texts[b].length || a - b);
      const jobs: number[][][] = [[]];
      let jobChars = 0;
      for (let start = 0; start < order.length; start += batchSize) {
        if (jobChars >= jobCharLimit) {
          jobs.push([]);
          jobChars = 0;
        }
        const batch = order.slice(start, start + batchSize);
        jobs[jobs.length - 1]!.push(batch);
        for (const i of batch) jobChars += texts[i].length;
      }
      const vectors = new Array<Float32Array>(texts.length);
      let done = texts.length - order.length;
      // All jobs are handed over at once: the pool keeps every worker busy, in job order.
      await Promise.all(
        jobs.map(async (job) => {
          const jobVectors = await runJob(job.map((batch) => batch.map((i) => texts[i])));
          job.flat().forEach((original, row) => {
            vectors[original] = jobVectors[row]!;
          });
          done += jobVectors.length;
          options.onProgress?.(done, texts.length);
        }),
      );
      return sameAs.map((first, i) => (first === i ? vectors[i]! : vectors[first]!.slice()));
    },
    async dispose(): Promise<void> {
      disposed = true;
      await pool?.dispose();
      const current = loading;
      loading = null;
      if (current) await (await current.catch(() => null))?.pipeline.dispose();
    },
  };
}
