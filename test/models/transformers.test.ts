import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { env as transformersEnv } from '@huggingface/transformers';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileDigest } from '../../src/models/digest.js';
import { MODEL_META_FILE } from '../../src/models/meta.js';
import { ModelUnavailableError } from '../../src/models/unavailable.js';
import { embedBatch, type FeatureExtractor, loadFeatureExtractionPipeline } from '../../src/models/load.js';
import { createTransformersEmbedder, releaseEarlyModel, startModelEarly, type TransformersOptions } from '../../src/models/transformers.js';
import { ExitCode } from '../../src/errors.js';
import type { Embedder } from '../../src/types.js';
import { buildBertModel, TINY_SHAPE } from '../helpers/bert-model.js';

let root: string;
let modelDir: string;
let emptyCache: string;
const open: Embedder[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'transformers-embedder-'));
  modelDir = path.join(root, 'tiny-bert');
  emptyCache = path.join(root, 'empty-cache');
  await mkdir(emptyCache);
  await buildBertModel(modelDir, TINY_SHAPE, { seed: 11, quantized: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

afterAll(async () => {
  await Promise.all(open.map((e) => e.dispose?.()));
  await rm(root, { recursive: true, force: true });
});

async function load(overrides: Partial<TransformersOptions> = {}): Promise<Embedder> {
  const embedder = await createTransformersEmbedder({
    model: modelDir,
    cacheDir: emptyCache,
    offline: true,
    threads: 1,
    ...overrides,
  });
  open.push(embedder);
  return embedder;
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i], 0);
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

const TEXTS = [
  'Unfortunately you were not successful.',
  'The panel felt your answers lacked specific examples of your own contribution and the results you achieved.',
  'Too nervous.',
  'We went with a candidate who had more experience in a client-facing role, and your knowledge of our sector ' +
    'seemed limited; you had not researched the company, its products or its recent news before the interview, ' +
    'and several answers sounded rehearsed rather than natural, which made it hard to judge your motivation.',
  'Salary expectations were above the budget.',
  'CV not tailored.',
  'Strong application, but the role was filled internally.',
  'ok',
];

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createTransformersEmbedder with a local folder', () => {
  it('reports dims from the model and an id naming folder, dtype and file digest', async () => {
    const embedder = await load();
    expect(embedder.dims).toBe(TINY_SHAPE.hidden);
    expect(embedder.id).toMatch(/^transformers:tiny-bert:fp32:[0-9a-f]{12}$/);
  });

  it('returns unit-norm vectors of the right size, deterministically', async () => {
    const embedder = await load();
    const first = await embedder.embed(TEXTS);
    const second = await embedder.embed(TEXTS);
    expect(first).toHaveLength(TEXTS.length);
    for (const [i, vector] of first.entries()) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector.length).toBe(TINY_SHAPE.hidden);
      expect(Math.abs(Math.sqrt(dot(vector, vector)) - 1)).toBeLessThan(1e-4);
      expect(Array.from(second[i])).toEqual(Array.from(vector));
    }
  });

  it('gives the same vectors, in the caller order, whatever the batch size or sorting', async () => {
    const one = await load({ batchSize: 1 });
    const three = await load({ batchSize: 3 });
    const sixteen = await load({ batchSize: 16 });
    const unsorted = await load({ batchSize: 3, sortByLength: false });
    // Each text alone: the reference, with no padding at all.
    const alone = await Promise.all(TEXTS.map(async (t) => (await one.embed([t]))[0]));
    for (const embedder of [one, three, sixteen, unsorted]) {
      const vectors = await embedder.embed(TEXTS);
      vectors.forEach((v, i) => {
        expect(maxAbsDiff(v, alone[i]), `text ${i}`).toBeLessThan(1e-5);
      });
    }
    // Reversed input, reversed output.
    const reversed = await three.embed([...TEXTS].reverse());
    reversed.forEach((v, i) => {
      expect(maxAbsDiff(v, alone[TEXTS.length - 1 - i])).toBeLessThan(1e-5);
    });
  });

  it('gives the same vectors, bit for bit, whether one worker thread or several run the batches', async () => {
    // q8: its activation scales are set per batch, so a batch run with other texts would show.
    const single = await load({ dtype: 'q8', batchSize: 2, threads: 1 });
    // One batch per job, so that the batches spread over the workers.
    const several = await load({ dtype: 'q8', batchSize: 2, threads: 3, jobChars: 1 });
    const texts = [...TEXTS, ...TEXTS.map((t) => `${t} Again.`)];
    const expected = await single.embed(texts);
    const [first, second] = await Promise.all([several.embed(texts), several.embed([...texts].reverse())]);
    expect(first).toEqual(expected);
    expect(second).toEqual([...expected].reverse());
  });

  it('runs texts that differ only in case once, each getting the vector it gets alone, in its own array', async () => {
    const embedder = await load({ dtype: 'q8' });
    const texts = [
      'The panel felt you were nervous.',
      'Too nervous.',
      'the panel felt you were nervous.',
      'THE PANEL FELT YOU WERE NERVOUS.',
    ];
    const alone = await Promise.all(texts.map(async (text) => (await embedder.embed([text]))[0]!));
    const progress: number[] = [];
    const together = await load({ dtype: 'q8', jobChars: 1, onProgress: (done) => progress.push(done) });
    const vectors = await together.embed(texts);
    for (const [i, vector] of vectors.entries()) expect(vector, texts[i]).toEqual(alone[i]);
    expect(new Set(vectors.map((vector) => vector.buffer)).size).toBe(texts.length);
    // Two model calls (one a job): the two copies count as done from the start.
    expect(progress).toEqual([3, 4]);
  });

  it("matches the library pipeline's own mean pooling and normalisation", async () => {
    const embedder = await load({ batchSize: 3 });
    const ours = await embedder.embed(TEXTS);
    const loaded = await loadFeatureExtractionPipeline({ model: modelDir, cacheDir: emptyCache, offline: true, threads: 1 });
    try {
      const reference = await loaded.pipeline(TEXTS, { pooling: 'mean', normalize: true });
      const width = reference.dims[1]!;
      TEXTS.forEach((_, i) => {
        const expected = Float32Array.from(reference.data as Float32Array).slice(i * width, (i + 1) * width);
        expect(maxAbsDiff(ours[i]!, expected)).toBeLessThan(1e-5);
      });
    } finally {
      await loaded.pipeline.dispose();
    }
  });

  it.each(['fp32', 'q8'] as const)("runs the library's session directly, with the library model call's exact bytes (%s)", async (dtype) => {
    const loaded = await loadFeatureExtractionPipeline({ model: modelDir, cacheDir: emptyCache, offline: true, dtype, threads: 1 });
    const pipe = loaded.pipeline;
    try {
      const session = pipe.model.sessions!.model!;
      const direct = vi.spyOn(session, 'run');
      // The same pipeline with no session in sight: embedBatch falls back to the library's model call.
      const libraryCall = Object.assign((inputs: Record<string, unknown>) => pipe.model(inputs), { config: pipe.model.config });
      const viaLibrary = { ...pipe, tokenizer: pipe.tokenizer, model: libraryCall } as unknown as FeatureExtractor;
      const bytes = (vectors: Float32Array[]) => Buffer.concat(vectors.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)));
      for (const texts of [[TEXTS[0]!], TEXTS.slice(0, 3)]) {
        const calls = direct.mock.calls.length;
        const ours = await embedBatch(pipe, texts, loaded.dims, 'mean');
        expect(direct.mock.calls.length).toBe(calls + 1);
        const library = await embedBatch(viaLibrary, texts, loaded.dims, 'mean');
        expect(bytes(ours).equals(bytes(library))).toBe(true);
      }
    } finally {
      await pipe.dispose();
    }
  });

  it('gives different texts different vectors', async () => {
    const embedder = await load();
    const vectors = await embedder.embed(TEXTS);
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        expect(dot(vectors[i], vectors[j]), `${i} vs ${j}`).toBeLessThan(0.9999);
      }
    }
  });

  it('reports progress up to the total', async () => {
    const calls: [number, number][] = [];
    // Progress comes per job; one batch per job here.
    const embedder = await load({ batchSize: 3, jobChars: 1, onProgress: (done, total) => calls.push([done, total]) });
    await embedder.embed(TEXTS);
    expect(calls).toEqual([
      [3, 8],
      [6, 8],
      [8, 8],
    ]);
  });

  it('keeps the process alive while its workers load: a script that only embeds gets its vectors', async () => {
    const script = fileURLToPath(new URL('./fixtures/embed-alone.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, modelDir, emptyCache], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    expect(stdout).toBe('embedded 3\n');
  });

  it('hands a pool started early to the embedder made with the same plan, and closes one no embedder took', async () => {
    const options = { model: modelDir, cacheDir: emptyCache, offline: true, dtype: 'q8' as const };
    await startModelEarly(options);
    const taking = await createTransformersEmbedder(options);
    const [vector] = await taking.embed([TEXTS[0]!]);
    await taking.dispose?.();
    expect(await releaseEarlyModel()).toBe(false);
    // The same vector as from a pool of its own.
    const own = await load({ dtype: 'q8' });
    expect(Array.from((await own.embed([TEXTS[0]!]))[0]!)).toEqual(Array.from(vector!));

    // Another plan (one thread) makes its own pool; the early one is closed at the end, unused.
    await startModelEarly(options);
    const other = await load({ dtype: 'q8' });
    await other.embed([TEXTS[0]!]);
    expect(await releaseEarlyModel()).toBe(true);
    // Nothing is started for a folder that is not there: the run says what is missing.
    await startModelEarly({ ...options, model: path.join(root, 'no-such-model') });
    expect(await releaseEarlyModel()).toBe(false);
  });

  it('handles an empty list and refuses to embed after dispose', async () => {
    const embedder = await load();
    expect(await embedder.embed([])).toEqual([]);
    await embedder.dispose?.();
    await expect(embedder.embed(['x'])).rejects.toThrow(/dispose/);
  });

  it('ends a batch still running when disposed, so nothing awaits it for ever', async () => {
    let embedder: Embedder | null = null;
    let disposing: Promise<void> | undefined;
    embedder = await load({
      batchSize: 1,
      jobChars: 1,
      // After the first batch the second, the last, is running on the one worker.
      onProgress: (done) => {
        if (done === 1) disposing = embedder!.dispose?.();
      },
    });
    await expect(embedder.embed(TEXTS.slice(0, 2))).rejects.toThrow(/disposed/);
    await disposing;
  });

  it('loads a relative folder path', async () => {
    const relative = path.relative(process.cwd(), modelDir);
    const embedder = await load({ model: relative.startsWith('.') ? relative : `./${relative}` });
    expect(embedder.id).toMatch(/^transformers:tiny-bert:fp32:/);
  });

  it('loads the q8 model, which agrees with fp32', async () => {
    const fp32 = await load();
    const q8 = await load({ dtype: 'q8' });
    expect(q8.id).toMatch(/^transformers:tiny-bert:q8:[0-9a-f]{12}:batch1$/);
    expect(q8.id.split(':')[3]).not.toBe(fp32.id.split(':')[3]);
    const [a, b] = [await fp32.embed(TEXTS), await q8.embed(TEXTS)];
    const cosines = a.map((v, i) => dot(v, b[i]));
    // Measured about 0.9999 on this model: quantization error is small next to the residual stream.
    expect(Math.min(...cosines)).toBeGreaterThan(0.99);
    expect(Math.min(...cosines)).toBeLessThan(1);
  });

  it('gives a q8 text the same vector whatever texts it is embedded with, in a call of its own or in a batch', async () => {
    const q8 = await load({ dtype: 'q8' });
    const [alone] = await q8.embed([TEXTS[0]!]);
    const amongOthers = await q8.embed([...TEXTS].reverse());
    expect(Array.from(amongOthers[TEXTS.length - 1]!)).toEqual(Array.from(alone!));
    expect(q8.textAlone).toBe(true);
    // A folder that does not say its q8 file scales each row (imported before) keeps one text per
    // call, and its batched ids name the batch size.
    const batched = await load({ dtype: 'q8', batchSize: 16 });
    expect(batched.id).toBe(q8.id.replace(/:batch1$/, ':batch16'));
    expect(batched.textAlone).toBe(false);
    // The graph scales each token row on its own: padded in a batch of 16, the same bytes.
    const batchedAmongOthers = await batched.embed([...TEXTS].reverse());
    expect(Array.from(batchedAmongOthers[TEXTS.length - 1]!)).toEqual(Array.from(alone!));
  });

  it('batches a row-scaled q8 model by default, each text still its own', async () => {
    const rowScaledDir = path.join(path.dirname(modelDir), 'tiny-bert-rows');
    await cp(modelDir, rowScaledDir, { recursive: true });
    await writeFile(
      path.join(rowScaledDir, MODEL_META_FILE),
      JSON.stringify({
        format: 1,
        architecture: 'bert',
        pooling: 'mean',
        normalize: true,
        maxSeqLength: null,
        source: 'test',
        q8ActivationScale: 'row',
      }),
    );
    const q8 = await load({ model: rowScaledDir, dtype: 'q8' });
    expect(q8.id).toMatch(/^transformers:tiny-bert-rows:q8:[0-9a-f]{12}:rows$/);
    expect(q8.textAlone).toBe(true);
    const one = await load({ dtype: 'q8' });
    const [rows, single] = [await q8.embed([...TEXTS]), await one.embed([...TEXTS])];
    expect(rows.map((vector) => Array.from(vector))).toEqual(single.map((vector) => Array.from(vector)));
  });
});

describe('createTransformersEmbedder failures', () => {
  it('names the missing folder and says how to get a model (exit code 4)', async () => {
    const missing = path.join(root, 'no-such-model');
    const error = await catchError(load({ model: missing }));
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).exitCode).toBe(ExitCode.modelUnavailable);
    const message = (error as Error).message;
    expect(message).toContain('model pull');
    expect(message).toContain('--engine lexical');
    expect(message.split('\n')[1]).toContain(missing);
  });

  it('names the files a folder lacks', async () => {
    const partial = path.join(root, 'partial');
    await cp(modelDir, partial, { recursive: true });
    await rm(path.join(partial, 'tokenizer.json'));
    const error = await catchError(load({ model: partial, dtype: 'fp32' }));
    expect((error as ModelUnavailableError).exitCode).toBe(4);
    expect((error as Error).message.split('\n')[1]).toContain('tokenizer.json');
    const q8Missing = path.join(root, 'no-q8');
    await buildBertModel(q8Missing, TINY_SHAPE, { seed: 11 });
    const q8Error = await catchError(load({ model: q8Missing, dtype: 'q8' }));
    expect((q8Error as Error).message).toContain('onnx/model_quantized.onnx');
  });

  it('fails fast for a hub id that is not cached when offline, without touching the network', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', fetchSpy);
    const savedFetch = transformersEnv.fetch;
    transformersEnv.fetch = fetchSpy;
    try {
      const error = await catchError(load({ model: 'Xenova/all-MiniLM-L6-v2', cacheDir: emptyCache, offline: true }));
      expect((error as ModelUnavailableError).exitCode).toBe(4);
      expect((error as Error).message).toContain('feedback-themes model pull Xenova/all-MiniLM-L6-v2');
      expect((error as Error).message.split('\n')[1]).toContain(emptyCache);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      transformersEnv.fetch = savedFetch;
    }
  });

  it('loads a hub id offline from the cache dir layout <cache>/<owner>/<name>', async () => {
    const cache = path.join(root, 'filled-cache');
    await cp(modelDir, path.join(cache, 'test-org', 'tiny-bert'), { recursive: true });
    const embedder = await load({ model: 'test-org/tiny-bert', cacheDir: cache, offline: true });
    expect(embedder.id).toMatch(/^transformers:test-org\/tiny-bert:fp32:[0-9a-f]{12}$/);
    const local = await load();
    // Same bytes, same identity hash and the same vectors.
    expect(embedder.id.split(':')[3]).toBe(local.id.split(':')[3]);
    const [a] = await embedder.embed([TEXTS[1]]);
    const [b] = await local.embed([TEXTS[1]]);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
  });

  it('reports an unreachable hub when online and the download fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }))),
    );
    const error = await catchError(load({ model: 'test-org/absent-model', cacheDir: emptyCache, offline: false }));
    expect((error as ModelUnavailableError).exitCode).toBe(4);
    expect((error as Error).message.split('\n')[1]).toMatch(/hub could not be reached/);
  });

  it('defers loading an on-disk model to the first embed, and then reports a damaged file as unavailable', async () => {
    const damaged = path.join(root, 'damaged');
    await cp(modelDir, damaged, { recursive: true });
    await writeFile(path.join(damaged, 'onnx', 'model.onnx'), 'not an onnx graph');
    const embedder = await load({ model: damaged });
    expect(embedder.dims).toBe(TINY_SHAPE.hidden);
    expect(embedder.id).toMatch(/^transformers:damaged:fp32:[0-9a-f]{12}$/);
    const error = await catchError(embedder.embed(['Too nervous.']));
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).exitCode).toBe(ExitCode.modelUnavailable);
    const eagerError = await catchError(load({ model: damaged, eager: true }));
    expect(eagerError).toBeInstanceOf(ModelUnavailableError);
  });

  it('rejects something that is neither a folder nor a hub id', async () => {
    const error = await catchError(load({ model: 'not a model!', offline: false }));
    expect((error as ModelUnavailableError).exitCode).toBe(4);
    expect((error as Error).message).toContain('neither an existing folder nor a hub model id');
  });
});

describe('fileDigest', () => {
  it('keeps digests in a memo file and hashes again when the file changes', async () => {
    const dir = path.join(root, 'digest');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'weights.bin');
    const memoFile = path.join(dir, 'memo', '.digests.json');
    await writeFile(file, 'some weights');
    const real = await fileDigest(file);
    expect(real).toMatch(/^[0-9a-f]{12}$/);
    expect(await fileDigest(file, memoFile)).toBe(real);
    const memo = JSON.parse(await readFile(memoFile, 'utf8')) as Record<string, string>;
    expect(Object.values(memo)).toEqual([real]);
    // A later run trusts the memo rather than reading the file again...
    const [key] = Object.keys(memo);
    await writeFile(memoFile, JSON.stringify({ [key!]: 'abcdefabcdef' }));
    expect(await fileDigest(file, memoFile)).toBe('abcdefabcdef');
    // ...until the file is touched, when it is hashed afresh.
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await fileDigest(file, memoFile)).toBe(real);
  });

  it('works without a writable memo location', async () => {
    const file = path.join(root, 'digest-ro.bin');
    await writeFile(file, 'other weights');
    const blocked = path.join(root, 'digest-ro.bin', 'memo.json'); // a path under a file: cannot be created
    expect(await fileDigest(file, blocked)).toBe(await fileDigest(file));
  });
});
