// A worker thread holding one single-threaded session of the sentence model (worker-pool.ts starts
// it): it loads the model from disk, then turns each batch of texts it is sent into vectors
// (tokenise, run, pool), one batch at a time.

import { parentPort, workerData } from 'node:worker_threads';
import { embedBatches, embedByTokenCount, loadFeatureExtractionPipeline, shortReason, type LoadedModel, type LoadOptions } from './load.js';
import type { Pooling } from './pooling.js';
import { ModelUnavailableError } from './unavailable.js';

export interface EmbedWorkerSetup {
  load: LoadOptions;
  pooling: Pooling;
  /** A model whose vectors do not depend on the batch: each job's texts are run in batches of up
   * to this many, regrouped by token count (embedByTokenCount) rather than as the embedder formed them. */
  tokenCountBatch?: number;
}

/** What the pool sends: a job of batches, each exactly as the embedder formed it and run as one model call. */
export interface EmbedWorkerJob {
  job: number;
  batches: string[][];
}

/**
 * Asks the worker to end: after the jobs sent before it, it releases its session and closes its
 * port, and the thread ends on its own. Terminating it instead stops its JavaScript wherever it is,
 * and ONNX Runtime's binding, caught in a call or releasing a session as the thread is torn down,
 * throws a C++ `Napi::Error` nothing catches: the whole process aborts (exit 134).
 */
export interface EmbedWorkerClose {
  close: true;
}

export type EmbedWorkerReply =
  | { type: 'ready'; dims: number }
  /** The model did not load: `unavailable` carries a ModelUnavailableError's reason. */
  | { type: 'failed'; unavailable: string | null; message: string }
  | { type: 'done'; job: number; vectors: Float32Array[] }
  | { type: 'error'; job: number; message: string };

async function serve(): Promise<void> {
  const port = parentPort!;
  const setup = workerData as EmbedWorkerSetup;
  const reply = (message: EmbedWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let loaded: LoadedModel | null = null;
  // Everything runs in the order sent, after the load: jobs one at a time (one session on one
  // core), and a close, which may come while the model still loads, last.
  let previous: Promise<void> = loadFeatureExtractionPipeline(setup.load).then(
    (model) => {
      loaded = model;
      reply({ type: 'ready', dims: model.dims });
    },
    (error: unknown) => {
      const unavailable = error instanceof ModelUnavailableError ? error.reason : null;
      reply({ type: 'failed', unavailable, message: shortReason(error) });
    },
  );
  port.on('message', (message: EmbedWorkerJob | EmbedWorkerClose) => {
    previous = previous.then(async () => {
      if ('close' in message) {
        const model = loaded;
        loaded = null;
        await model?.pipeline.dispose().catch(() => undefined);
        port.close();
        return;
      }
      // A worker whose model did not load has failed the pool, which rejected these jobs itself.
      if (!loaded) return;
      try {
        const vectors = setup.tokenCountBatch
          ? await embedByTokenCount(loaded.pipeline, message.batches.flat(), setup.tokenCountBatch, loaded.dims, setup.pooling)
          : await embedBatches(loaded.pipeline, message.batches, loaded.dims, setup.pooling);
        // Each vector owns its buffer (poolRows), so all of them move without a copy.
        reply(
          { type: 'done', job: message.job, vectors },
          vectors.map((vector) => vector.buffer as ArrayBuffer),
        );
      } catch (error) {
        reply({ type: 'error', job: message.job, message: shortReason(error) });
      }
    });
  });
}

// Imported in the main thread (for its types, say) it does nothing.
if (parentPort) void serve();
