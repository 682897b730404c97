import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile, mergeSpecs, resolveEngineConfig, resolveRunConfig } from '../src/config.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-config-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function configFile(name: string, text: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, text);
  return file;
}

async function problemsOf(text: string): Promise<string> {
  const file = await configFile('bad.yaml', text);
  const error = await loadConfigFile(file).then(
    () => null,
    (e: Error & { exitCode?: number }) => e,
  );
  expect(error?.exitCode).toBe(2);
  return error!.message;
}

describe('config files', () => {
  it('reads every kind of value, resolving paths against the file', async () => {
    const file = await configFile(
      'good.yaml',
      'out: reports\nstore: /abs/history.duckdb\nengine: lexical\nmodel: ./models/mini\ndtype: q8\noffline: true\n' +
        'minGroup: 3\ndelimiter: ";"\ndateOrder: mdy\ncolumns: { text: Remarks }\nfiles: { a.csv: { candidate: Learner } }\n',
    );
    expect(await loadConfigFile(file)).toEqual({
      out: path.join(work, 'reports'),
      store: '/abs/history.duckdb',
      engine: 'lexical',
      model: path.join(work, 'models/mini'),
      dtype: 'q8',
      offline: true,
      minGroup: 3,
      delimiter: ';',
      dateOrder: 'mdy',
      columns: { text: 'Remarks' },
      fileColumns: { 'a.csv': { candidate: 'Learner' } },
    });
  });

  it('lists every problem with the file and key, and the allowed keys for an unknown one', async () => {
    const message = await problemsOf('engin: lexical\nminGroup: -1\ndtype: q4\nredact: "no"\ncolumns: { title: X }\njson: true\n');
    const file = path.join(work, 'bad.yaml');
    expect(message.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^${file}: engin: unknown option\\. Allowed: out, store, engine, .*, showIds, since, digests, redact\\.$`),
      ),
      `${file}: minGroup: expected a whole number`,
      `${file}: dtype: expected fp32 or q8`,
      `${file}: redact: expected true or false`,
      `${file}: columns: unknown column role "title". Allowed: text, id, candidate, cohort, stage, date, employer, role`,
      expect.stringMatching(/json: unknown option/),
    ]);
    expect(message).not.toMatch(/Allowed: [^\n]*\bconfig\b/);
  });

  it('names a config file that cannot be read', async () => {
    const missing = path.join(work, 'nope.yaml');
    await expect(loadConfigFile(missing)).rejects.toThrow(
      `${missing}: cannot read the config file: no such file. Check the path given to --config.`,
    );
  });
});

describe('resolving options', () => {
  it('fills every default from the table', () => {
    const config = resolveRunConfig({ inputs: ['a.csv'] }, { FEEDBACK_THEMES_CACHE: '/models', FEEDBACK_THEMES_STATE: '/state' });
    expect(config).toEqual({
      inputs: ['a.csv'],
      out: './feedback-report',
      store: './feedback-themes.duckdb',
      engine: 'auto',
      model: 'Xenova/all-MiniLM-L6-v2',
      offline: false,
      cacheDir: '/models',
      stateDir: '/state',
      // No dtype: q8 is chosen when the model has it (models/catalog.ts preferredDtype).
      columns: {},
      fileColumns: {},
      // No dateOrder: day first unless the file's dates prove month first (ingest/reader.ts).
      maxTextChars: 20_000,
      keep: 12,
      minGroup: 5,
      showIds: false,
      digests: false,
      redact: true,
      json: false,
      quiet: false,
    });
    expect(resolveEngineConfig({ engine: 'lexical' }, { FEEDBACK_THEMES_CACHE: '/models' })).toEqual({
      engine: 'lexical',
      model: 'Xenova/all-MiniLM-L6-v2',
      offline: false,
      cacheDir: '/models',
    });
  });

  it('lets later specs win and merges column names role by role; null store means none', () => {
    const merged = mergeSpecs({ columns: { text: 'A', id: 'B' }, minGroup: 2 }, { columns: { text: 'C' }, store: null, inputs: ['x'] });
    expect(merged).toEqual({ columns: { text: 'C', id: 'B' }, minGroup: 2, store: null, inputs: ['x'] });
    expect(resolveRunConfig(merged).store).toBeNull();
  });

  it('rejects a value below an option minimum and a run without inputs', () => {
    expect(() => resolveRunConfig({ inputs: ['a.csv'], minGroup: 0 })).toThrow('--min-group: expected a whole number of at least 1, got 0');
    expect(() => resolveRunConfig({})).toThrow(/give at least one CSV file/);
  });
});
