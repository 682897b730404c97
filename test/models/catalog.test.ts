import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ModelUnavailableError } from '../../src/models/unavailable.js';
import { defaultCacheDir, isLocalModelPath, modelInfo } from '../../src/models/catalog.js';
import { pullModel } from '../../src/models/pull.js';
import { createTransformersEmbedder } from '../../src/models/transformers.js';
import { CliError, ExitCode } from '../../src/errors.js';
import { buildBertModel, TINY_SHAPE } from '../helpers/bert-model.js';

let root: string;
let modelDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'models-'));
  modelDir = path.join(root, 'source-model');
  await buildBertModel(modelDir, TINY_SHAPE, { seed: 3, quantized: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('defaultCacheDir', () => {
  it('prefers FEEDBACK_THEMES_CACHE, resolved and with ~ expanded', () => {
    expect(defaultCacheDir({ FEEDBACK_THEMES_CACHE: '/srv/models', XDG_CACHE_HOME: '/x', HOME: '/home/a' })).toBe('/srv/models');
    expect(defaultCacheDir({ FEEDBACK_THEMES_CACHE: '~/m', HOME: '/home/a' })).toBe('/home/a/m');
    expect(defaultCacheDir({ FEEDBACK_THEMES_CACHE: 'rel/m', HOME: '/home/a' })).toBe(path.resolve('rel/m'));
  });

  it('then $XDG_CACHE_HOME/feedback-themes/models, ignoring a relative XDG value', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/u', HOME: '/home/a' })).toBe('/var/cache/u/feedback-themes/models');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/a' })).toBe('/home/a/.cache/feedback-themes/models');
  });

  it('else ~/.cache/feedback-themes/models; blank values count as unset', () => {
    expect(defaultCacheDir({ HOME: '/home/b', FEEDBACK_THEMES_CACHE: ' ', XDG_CACHE_HOME: '' })).toBe(
      '/home/b/.cache/feedback-themes/models',
    );
  });
});

describe('isLocalModelPath', () => {
  it('treats path-like strings and existing folders as local, hub ids as remote', () => {
    expect(isLocalModelPath('./models/minilm')).toBe(true);
    expect(isLocalModelPath('../minilm')).toBe(true);
    expect(isLocalModelPath('/opt/models/minilm')).toBe(true);
    expect(isLocalModelPath('~/models/minilm')).toBe(true);
    expect(isLocalModelPath(modelDir)).toBe(true);
    expect(isLocalModelPath('Xenova/all-MiniLM-L6-v2')).toBe(false);
    expect(isLocalModelPath('bert-base-uncased')).toBe(false);
  });
});

describe('modelInfo', () => {
  it('lists cached models with their files and size, skipping folders that are not models', async () => {
    const cache = path.join(root, 'info-cache');
    await buildBertModel(path.join(cache, 'acme', 'tiny'), TINY_SHAPE, { seed: 1 });
    await mkdir(path.join(cache, 'acme', 'not-a-model'), { recursive: true });
    await writeFile(path.join(cache, 'acme', 'not-a-model', 'config.json'), '{}');
    await writeFile(path.join(cache, 'acme', 'tiny', 'onnx', 'model.onnx.tmp.123.abc'), 'partial');

    const info = await modelInfo(cache);
    expect(info.cacheDir).toBe(cache);
    expect(info.models.map((m) => m.id)).toEqual(['acme/tiny']);
    const [model] = info.models;
    expect(model.path).toBe(path.join(cache, 'acme', 'tiny'));
    expect(model.files).toEqual(['config.json', 'onnx/model.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json']);
    const sizes = await Promise.all(model.files.map(async (f) => (await stat(path.join(model.path, f))).size));
    expect(model.bytes).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  it('returns no models for a cache dir that does not exist', async () => {
    expect(await modelInfo(path.join(root, 'never-created'))).toEqual({
      cacheDir: path.join(root, 'never-created'),
      models: [],
    });
  });
});

/** A stand-in for the hub that serves `modelDir` at https://huggingface.co/<id>/resolve/main/<file>. */
function fakeHub(id: string, servedFrom: string) {
  const requested: string[] = [];
  const fetchStub = vi.fn(async (input: string | URL) => {
    const url = String(input);
    requested.push(url);
    const prefix = `https://huggingface.co/${id}/resolve/main/`;
    if (!url.startsWith(prefix)) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(path.join(servedFrom, decodeURIComponent(url.slice(prefix.length))));
      return new Response(body, { status: 200, headers: { 'content-length': String(body.length) } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  return { fetchStub, requested };
}

describe('pullModel', () => {
  it('downloads a hub model into the cache dir, after which it loads offline', async () => {
    const cache = path.join(root, 'pull-cache');
    const hub = fakeHub('acme/tiny-bert', modelDir);
    vi.stubGlobal('fetch', hub.fetchStub);
    const pulled = await pullModel('acme/tiny-bert', cache, 'fp32');
    expect(pulled.path).toBe(path.join(cache, 'acme', 'tiny-bert'));
    expect(pulled.files).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json', 'onnx/model.onnx']));
    expect(hub.requested.length).toBeGreaterThan(0);
    const original = await readFile(path.join(modelDir, 'onnx/model.onnx'));
    expect((await readFile(path.join(pulled.path, 'onnx/model.onnx'))).equals(original)).toBe(true);

    vi.unstubAllGlobals();
    const offlineFetch = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', offlineFetch);
    const embedder = await createTransformersEmbedder({ model: 'acme/tiny-bert', cacheDir: cache, offline: true });
    expect(embedder.dims).toBe(TINY_SHAPE.hidden);
    expect((await embedder.embed(['hello']))[0]).toHaveLength(TINY_SHAPE.hidden);
    await embedder.dispose?.();
    expect(offlineFetch).not.toHaveBeenCalled();
    expect((await modelInfo(cache)).models.map((m) => m.id)).toEqual(['acme/tiny-bert']);
  });

  it('pulls the q8 file when asked', async () => {
    const cache = path.join(root, 'pull-q8');
    vi.stubGlobal('fetch', fakeHub('acme/tiny-bert', modelDir).fetchStub);
    const pulled = await pullModel('acme/tiny-bert', cache, 'q8');
    expect(pulled.files).toContain('onnx/model_quantized.onnx');
    expect(pulled.files).not.toContain('onnx/model.onnx');
  });

  it('says the hub is unreachable when the download fails (exit code 4)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('fetch failed'))),
    );
    const error = await pullModel('acme/absent', path.join(root, 'pull-fail')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).exitCode).toBe(ExitCode.modelUnavailable);
    expect((error as Error).message).toMatch(/hub could not be reached/);
  });

  it('refuses a local folder or a malformed id as a usage error', async () => {
    for (const id of [modelDir, 'not a model id']) {
      const error = await pullModel(id, path.join(root, 'unused')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(ExitCode.usage);
      expect((error as Error).message).toContain(id);
    }
  });
});
