import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { EmbedWorkerJob, EmbedWorkerReply, EmbedWorkerSetup } from '../../src/models/embed-worker.js';
import { createEmbedWorkerPool, type EmbedWorkerHandle } from '../../src/models/worker-pool.js';

/** A worker thread stand-in: it records the jobs it is sent and answers when the test says so. */
class FakeWorker extends EventEmitter {
  jobs: EmbedWorkerJob[] = [];
  postMessage(job: EmbedWorkerJob): void {
    this.jobs.push(job);
  }
  ref(): void {}
  unref(): void {}
  async terminate(): Promise<number> {
    return 0;
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
});
