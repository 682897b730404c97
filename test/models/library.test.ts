import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedBatch, type FeatureExtractor } from '../../src/models/load.js';
import { bundleInferenceLibrary, currentBundle, installedLibrary, type TransformersModule } from '../../src/models/library.js';
import { buildBertModel, TINY_SHAPE } from '../helpers/bert-model.js';

// The bundle imports ONNX Runtime from node_modules, so it is written inside the project.
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
let work: string;
let modelDir: string;
let bundle: string;
let code: string;

beforeAll(async () => {
  await mkdir(path.join(PROJECT, 'test-output'), { recursive: true });
  work = await mkdtemp(path.join(PROJECT, 'test-output', 'library-'));
  modelDir = path.join(work, 'tiny-bert');
  await buildBertModel(modelDir, TINY_SHAPE, { seed: 5, quantized: true });
  const built = await bundleInferenceLibrary();
  code = built.code;
  bundle = path.join(work, 'inference-library.js');
  await writeFile(bundle, code);
  await writeFile(path.join(work, 'inference-library.json'), JSON.stringify(built.note));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function extractor(library: TransformersModule, dtype: 'fp32' | 'q8'): Promise<FeatureExtractor> {
  library.env.allowLocalModels = true;
  library.env.allowRemoteModels = false;
  library.env.logLevel = library.LogLevel.ERROR;
  return (await library.pipeline('feature-extraction', modelDir, {
    dtype,
    local_files_only: true,
    session_options: { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' },
  })) as unknown as FeatureExtractor;
}

const TEXTS = [
  'Too nervous.',
  'The panel felt your answers lacked specific examples.',
  'CV not tailored, and the role was filled internally.',
  'ok',
];

describe('the inference library bundled without the image library', () => {
  it('leaves sharp out and ONNX Runtime to node_modules', () => {
    expect(code).not.toMatch(/from\s*["']sharp["']/);
    expect(code).toMatch(/from\s*["']onnxruntime-common["']/);
    expect(code).toMatch(/require\w*\(\s*["']onnxruntime-node["']\s*\)/);
  });

  it('gives the package its byte-identical vectors, text by text, fp32 and q8', async () => {
    const bundled = (await import(pathToFileURL(bundle).href)) as TransformersModule;
    const packaged = await import('@huggingface/transformers');
    expect(bundled.pipeline).not.toBe(packaged.pipeline);
    for (const dtype of ['fp32', 'q8'] as const) {
      const [mine, theirs] = [await extractor(bundled, dtype), await extractor(packaged, dtype)];
      for (const text of TEXTS) {
        const [a] = await embedBatch(mine, [text], TINY_SHAPE.hidden, 'mean');
        const [b] = await embedBatch(theirs, [text], TINY_SHAPE.hidden, 'mean');
        expect(Buffer.from(a!.buffer).equals(Buffer.from(b!.buffer)), `${dtype}: ${text}`).toBe(true);
      }
      await Promise.all([mine.dispose(), theirs.dispose()]);
    }
  }, 60_000);

  it('refuses images with a clear error instead of failing to load', async () => {
    const bundled = (await import(pathToFileURL(bundle).href)) as TransformersModule;
    await expect(bundled.RawImage.read(new Blob([new Uint8Array(8)]))).rejects.toThrow(/images are not supported/);
  });

  it('is used only while the installed library is the one it was built from', async () => {
    const note = path.join(work, 'inference-library.json');
    expect(currentBundle(bundle, note)).toBe(bundle);
    const installed = installedLibrary();
    await writeFile(note, JSON.stringify({ ...installed, version: `${installed.version}-other` }));
    expect(currentBundle(bundle, note)).toBeNull();
    await writeFile(note, JSON.stringify({ ...installed, entryBytes: installed.entryBytes + 1 }));
    expect(currentBundle(bundle, note)).toBeNull();
    await writeFile(note, 'not json');
    expect(currentBundle(bundle, note)).toBeNull();
    expect(currentBundle(path.join(os.tmpdir(), 'no-such-bundle.js'), note)).toBeNull();
  });
});
