import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { EmbedWorkerClose, EmbedWorkerJob, EmbedWorkerReply, EmbedWorkerSetup } from '../../src/models/embed-worker.js';
import { createEmbedWorkerPool, type EmbedWorkerHandle } from '../../src/models/worker-pool.js';

/** A worker thread stand-in: it records the jobs it is sent and answers when the test says so. */
class FakeWorker extends EventEmitter {
  jobs: EmbedWorkerJob[] = [];
  /** Whether the process would wait for this thread (ref) or not (unref). */
  held = true;
  closeAsked = false;
  /** Set by a test to end the thread itself, once it has finished what it was doing. */
  exitsOnClose = true;
  postMessage(message: EmbedWorkerJob | EmbedWorkerClose): void {
    if ('close' in message) {
      this.closeAsked = true;
      if (this.exitsOnClose) this.exit();
    } else this.jobs.push(message);
  }
  ref(): void {
    this.held = true;
  }
  unref(): void {
    this.held = false;
  }
  exit(): void {
    setImmediate(() => this.emit('exit', 0));
  }
  reply(message: EmbedWorkerReply): void {
    this.emit('message', message);
  }
  /** Answers its oldest job with one vector per text. */
  finishJob(): void {
    const job = this.jobs.shift()!;
    const vectors = job.batches.flat().map((text) => Float32Array.of(text.length));
    this.reply({ type: 'done', job: job.job, vectors });
  }
}

const SETUP: EmbedWorkerSetup = { load: { model: 'fake', cacheDir: '/nowhere', offline: true }, pooling: 'mean' };

function fakePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = createEmbedWorkerPool('fake', SETUP, size, () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as EmbedWorkerHandle;
  });
  return { pool, workers };
}

describe('createEmbedWorkerPool', () => {
  it('starts the next worker only once the one before has loaded its model', async () => {
    const { pool, workers } = fakePool(2);
    const results = Array.from({ length: 8 }, (_, i) => pool.run([[`text ${i}`]]));
    // The first worker, still loading, holds its first jobs, to run the moment it has loaded; the
    // rest wait, and no second worker loads beside it.
    expect(workers).toHaveLength(1);
    expect(workers[0]!.jobs).toHaveLength(3);
    workers[0]!.reply({ type: 'ready', dims: 1 });
    // Loaded: only now does the second start loading, and it too takes jobs while it loads.
    expect(workers).toHaveLength(2);
    workers[0]!.finishJob();
    expect(workers[1]!.jobs.length).toBeGreaterThan(0);
    workers[1]!.reply({ type: 'ready', dims: 1 });
    while (workers.some((worker) => worker.jobs.length > 0)) for (const worker of workers) if (worker.jobs.length > 0) worker.finishJob();
    expect((await Promise.all(results)).flat().map((vector) => vector[0])).toEqual(Array.from({ length: 8 }, (_, i) => `text ${i}`.length));
    await pool.dispose();
  });

  it('starts no second worker for jobs the first, once loaded, takes at once', async () => {
    const { pool, workers } = fakePool(2);
    const result = pool.run([['a few words']]);
    workers[0]!.reply({ type: 'ready', dims: 1 });
    workers[0]!.finishJob();
    expect(await result).toEqual([Float32Array.of(11)]);
    expect(workers).toHaveLength(1);
    await pool.dispose();
  });

  it('ends a worker still loading by asking it to close, and holds the process until it has', async () => {
    const { pool, workers } = fakePool(2);
    const result = pool.run([['a few words']]);
    const loading = workers[0]!;
    loading.exitsOnClose = false;
    let disposed = false;
    const disposing = pool.dispose().then(() => (disposed = true));
    await expect(result).rejects.toThrow(/disposed/);
    expect(loading.closeAsked).toBe(true);
    // The model loads after all; idle, the worker would no longer hold the process, but closing it does.
    loading.reply({ type: 'ready', dims: 1 });
    expect(loading.held).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(disposed).toBe(false);
    loading.exit();
    await disposing;
    expect(workers).toHaveLength(1);
  });
});
