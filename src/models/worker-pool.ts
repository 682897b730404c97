// Worker threads that run the sentence model side by side, one single-threaded session each
// (embed-worker.ts). ONNX Runtime runs a session synchronously on the calling thread, so in the
// main thread every batch stopped all other work; in workers the batches run while the main thread
// scores the texts already embedded. Two independent sessions also keep two cores busier than one
// session with two threads, which wait for each other at every operator. A batch's vectors do not
// depend on the thread or the number of threads that ran it: the pool only changes where it runs.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { EmbedWorkerClose, EmbedWorkerJob, EmbedWorkerReply, EmbedWorkerSetup } from './embed-worker.js';
import { ModelUnavailableError } from './unavailable.js';

export interface EmbedWorkerPool {
  /** Starts the workers (once) and resolves with the model's width when one has loaded it. */
  ready(): Promise<number>;
  /** One job of batches, each as the embedder formed it; jobs start in the order given, each on the least busy worker. */
  run(batches: string[][]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

interface Pending {
  batches: string[][];
  resolve(vectors: Float32Array[]): void;
  reject(error: unknown): void;
}

interface Member {
  worker: EmbedWorkerHandle;
  loaded: boolean;
  /** Jobs sent to this worker, in the order it runs them (one at a time). */
  running: Pending[];
  /** Settles when the thread has ended. */
  exited: Promise<void>;
}

/**
 * Jobs each worker holds at once: the one it runs and the next ones, so that it goes on while the
 * main thread is busy (scoring a chunk, reading the input) and cannot hand it a new job. More
 * would leave one worker with several jobs still to run at the end while the other has none.
 */
const JOBS_PER_WORKER = 3;

/** The part of a worker thread the pool uses (tests start fakes). */
export type EmbedWorkerHandle = Pick<Worker, 'on' | 'postMessage' | 'ref' | 'unref'>;

/** `model` names the model in errors; every worker loads `setup.load` from disk. */
export function createEmbedWorkerPool(
  model: string,
  setup: EmbedWorkerSetup,
  size: number,
  startWorker: (setup: EmbedWorkerSetup) => EmbedWorkerHandle = spawnEmbedWorker,
): EmbedWorkerPool {
  const queue: Pending[] = [];
  const members: Member[] = [];
  let failure: unknown = null;
  let started: Promise<number> | null = null;
  let jobs = 0;

  // A worker is never terminated (embed-worker.ts, EmbedWorkerClose): it is asked to close, and
  // held (ref) so that the process cannot end before it has, even if nothing else is left to do.
  // A process ending with a worker still open tears the thread down as terminate does.
  const close = (member: Member): Promise<void> => {
    member.worker.ref();
    member.worker.postMessage({ close: true } satisfies EmbedWorkerClose);
    return member.exited;
  };

  /** Rejects every batch waiting or running and closes every worker; resolves once all have ended. */
  const fail = (error: unknown): Promise<void> => {
    failure ??= error;
    for (const pending of queue.splice(0)) pending.reject(failure);
    for (const member of members) for (const pending of member.running.splice(0)) pending.reject(failure);
    return Promise.all(members.map(close)).then(() => undefined);
  };

  const dispatch = () => {
    // Once failed or disposed, the workers are closing and stay held until they have.
    if (failure !== null) return;
    // Each job to the worker holding the fewest, a loaded one first (the first of them on a tie). A
    // worker still loading takes jobs too: it runs them the moment its model is loaded, without
    // waiting for this thread, which may be busy reading the input just then.
    while (queue.length > 0) {
      let least: Member | null = null;
      for (const member of members) {
        if (member.running.length >= JOBS_PER_WORKER) continue;
        if (!least || (member.loaded && !least.loaded) || (member.loaded === least.loaded && member.running.length < least.running.length))
          least = member;
      }
      if (!least) break;
      const next = queue.shift()!;
      least.running.push(next);
      least.worker.postMessage({ job: jobs++, batches: next.batches } satisfies EmbedWorkerJob);
    }
    // An idle worker does not keep the process alive (an embedder nobody disposed, say); one still
    // loading does, as batches wait for it.
    for (const member of members) {
      if (member.loaded && member.running.length === 0 && queue.length === 0) member.worker.unref();
      else member.worker.ref();
    }
    // Another worker only when batches wait that the loaded workers cannot take (a few texts, a
    // test, a handful of corrections, do not pay for loading the model twice), and only once no
    // other is loading: ONNX Runtime for Node, creating sessions in two threads at the same moment,
    // now and then aborted the process (`Napi::Error`). The first loads while the input is read.
    const loading = members.some((member) => !member.loaded);
    if (members.length > 0 && members.length < size && !loading && queue.length > 0) spawn();
  };

  let resolveReady: (dims: number) => void = () => undefined;
  let rejectReady: (error: unknown) => void = () => undefined;
  /** Fails the pool and its start; resolves once every worker has ended. */
  const stop = (error: unknown): Promise<void> => {
    const closed = fail(error);
    rejectReady(failure);
    return closed;
  };

  const spawn = () => {
    const worker = startWorker(setup);
    const exited = new Promise<void>((resolve) => worker.on('exit', () => resolve()));
    const member: Member = { worker, loaded: false, running: [], exited };
    members.push(member);
    member.worker.on('message', (reply: EmbedWorkerReply) => {
      if (reply.type === 'ready') {
        member.loaded = true;
        resolveReady(reply.dims);
      } else if (reply.type === 'failed') {
        void stop(new ModelUnavailableError(model, reply.unavailable ?? reply.message));
      } else {
        // A worker answers its jobs in the order they were sent.
        const pending = member.running.shift();
        if (reply.type === 'done') pending?.resolve(reply.vectors);
        else pending?.reject(new Error(`the model failed on a job of ${pending.batches.flat().length} text(s): ${reply.message}`));
      }
      dispatch();
    });
    member.worker.on('error', stop);
    member.worker.on('exit', (code) => {
      if (failure === null) void stop(new Error(`a model worker thread stopped unexpectedly (exit code ${code})`));
    });
  };

  const start = (): Promise<number> => {
    if (!started) {
      started = new Promise<number>((resolve, reject) => {
        resolveReady = resolve;
        rejectReady = reject;
      });
      spawn();
    }
    return started;
  };

  return {
    ready: start,
    run(batches) {
      if (failure !== null) return Promise.reject(failure);
      const result = new Promise<Float32Array[]>((resolve, reject) => queue.push({ batches, resolve, reject }));
      // A failed start rejects every queued batch (fail); its own rejection needs no second handler.
      start().catch(() => undefined);
      dispatch();
      return result;
    },
    async dispose() {
      // Batches waiting or running end now: whoever awaits them (exemplars embedded while a run
      // that stopped early read its input, say) must not wait for ever. A worker still loading
      // ends once it has loaded: the model's load cannot be stopped part way without the abort.
      await stop(failure ?? new Error('the embedder was disposed'));
    },
  };
}

/** From the TypeScript sources (tests, scripts under tsx) the worker compiles them as the caller does. */
function spawnEmbedWorker(setup: EmbedWorkerSetup): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './embed-worker.ts' : './embed-worker.js', import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: setup });
  // tsx's ESM entry (require.resolve would give its CommonJS one).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}
