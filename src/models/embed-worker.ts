// A worker thread holding one single-threaded session of the sentence model (worker-pool.ts starts
// it): it loads the model from disk, then turns each batch of texts it is sent into vectors
// (tokenise, run, pool), one batch at a time.

import { parentPort, workerData } from 'node:worker_threads';
import { embedBatches, loadFeatureExtractionPipeline, shortReason, type LoadedModel, type LoadOptions } from './load.js';
import type { Pooling } from './pooling.js';
import { ModelUnavailableError } from './unavailable.js';

export interface EmbedWorkerSetup {
  load: LoadOptions;
  pooling: Pooling;
}

/** What the pool sends: a job of batches, each exactly as the embedder formed it and run as one model call. */
export interface EmbedWorkerJob {
  job: number;
  batches: string[][];
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
  let loaded: LoadedModel;
  try {
    loaded = await loadFeatureExtractionPipeline(setup.load);
  } catch (error) {
    const unavailable = error instanceof ModelUnavailableError ? error.reason : null;
    reply({ type: 'failed', unavailable, message: shortReason(error) });
    return;
  }
  // The pool sends a few jobs ahead; they run one at a time, in the order sent (one session on one core).
  let previous: Promise<void> = Promise.resolve();
  port.on('message', ({ job, batches }: EmbedWorkerJob) => {
    previous = previous.then(async () => {
      try {
        const vectors = await embedBatches(loaded.pipeline, batches, loaded.dims, setup.pooling);
        // Each vector owns its buffer (poolRows), so all of them move without a copy.
        reply(
          { type: 'done', job, vectors },
          vectors.map((vector) => vector.buffer as ArrayBuffer),
        );
      } catch (error) {
        reply({ type: 'error', job, message: shortReason(error) });
      }
    });
  });
  reply({ type: 'ready', dims: loaded.dims });
}

// Imported in the main thread (for its types, say) it does nothing.
if (parentPort) void serve();
