import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { STORE_SCHEMA_VERSION, hashText, newRunId, openStore, type RunRecord, type Store } from '../../src/store/store.js';
import type { FeedbackItem } from '../../src/types.js';
import { feedbackItem } from '../../support/feedback-item.js';

let dir: string;
const opened: Store[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-store-'));
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(path = join(dir, 'store.duckdb')): Promise<Store> {
  const store = await openStore(path);
  opened.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of opened.splice(0)) await store.close();
}

/** Reads a store file with plain SQL, as an adviser would. */
async function query(path: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function item(id: string, text: string, extra: Partial<FeedbackItem> = {}): FeedbackItem {
  return feedbackItem({ id, text, source: 'export.csv', ...extra });
}

function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    startedAt: '2026-03-01T10:00:00.000Z',
    finishedAt: '2026-03-01T10:00:05.000Z',
    engine: { name: 'lexical', model: null, fallbackReason: 'model not found' },
    taxonomySource: 'built-in',
    options: { minGroup: 5, redact: true },
    inputs: [{ path: 'export.csv', bytes: 1234, sha256: 'ab'.repeat(32), rows: 3 }],
    counts: { items: 3, segments: 5, candidates: 2, rejectedRows: 1 },
    followUp: [{ reference: 'Candidate AAAAAA', kind: 'repeat', themeId: 'examples' }],
    items: [
      {
        item: item('r1', 'Lacked specific examples.', { candidate: 'c1', cohort: '2026', stage: 'interview', date: '2026-02-03', line: 2 }),
        themes: [{ themeId: 'examples', score: 0.71 }],
      },
      {
        item: item('r2', 'Too little experience; answers sounded rehearsed.', { candidate: 'c1', line: 3 }),
        themes: [
          { themeId: 'experience', score: 0.6 },
          { themeId: 'delivery', score: 0.55 },
        ],
      },
      {
        item: item('r3', 'Unfortunately we will not progress.', { candidate: 'c2', line: 4 }),
        themes: [{ themeId: 'uninformative', score: 0.9 }],
      },
    ],
    ...overrides,
  };
}

describe('hashText', () => {
  it('is the sha256 hex digest of the exact UTF-8 text', () => {
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashText('abc ')).not.toBe(hashText('abc'));
    expect(hashText('café')).toBe(hashText('café'));
  });
});

describe('newRunId', () => {
  it('sorts by time and is unique', () => {
    const early = newRunId(new Date('2026-03-01T09:59:59.999Z'));
    const late = newRunId(new Date('2026-03-01T10:00:00.000Z'));
    expect([late, early].sort()).toEqual([early, late]);
    expect(newRunId(new Date(0))).not.toBe(newRunId(new Date(0)));
    expect(early).toMatch(/^2026-03-01T095959\.999Z-[0-9a-f]{6}$/);
  });
});

describe('openStore', () => {
  it('creates the file and every table with the schema version', async () => {
    const path = join(dir, 'nested', 'store.duckdb');
    const store = await open(path);
    expect(store.path).toBe(path);
    await closeAll();
    const tables = (await query(path, `SELECT table_name FROM duckdb_tables() ORDER BY 1`)).map((r) => r[0]);
    expect(tables).toEqual(['assignments', 'embeddings', 'followup', 'items', 'meta', 'run_inputs', 'runs']);
    expect(await query(path, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([[String(STORE_SCHEMA_VERSION)]]);
  });

  it('reopens an existing store and keeps its data', async () => {
    const path = join(dir, 'store.duckdb');
    await (await open(path)).recordRun(run());
    await closeAll();
    const again = await open(path);
    expect((await again.previousRun())?.items).toBe(3);
  });

  it('upgrades a version 2 store: its runs keep their history, with no follow-up list; new runs keep theirs', async () => {
    const path = join(dir, 'v2.duckdb');
    const old = await (await open(path)).recordRun(run());
    await closeAll();
    // What a version 2 store looked like: no followup table, no followup_recorded column.
    await query(path, `DROP TABLE followup`);
    await query(path, `ALTER TABLE runs DROP COLUMN followup_recorded`);
    await query(path, `UPDATE meta SET value = '2' WHERE key = 'schema_version'`);
    const store = await open(path);
    const previous = await store.previousRun();
    expect(previous).toMatchObject({ runId: old, items: 3, itemIds: ['r1', 'r2', 'r3'] });
    expect(previous).not.toHaveProperty('followUp');
    const next = await store.recordRun(run({ startedAt: '2026-03-02T10:00:00.000Z', finishedAt: '2026-03-02T10:00:05.000Z' }));
    expect(await store.previousRun()).toMatchObject({ runId: next, followUp: [{ reference: 'Candidate AAAAAA', themeId: 'examples' }] });
    await closeAll();
    expect(await query(path, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([[String(STORE_SCHEMA_VERSION)]]);
  });

  it('refuses a store written by a newer schema, naming the file and the version', async () => {
    const path = join(dir, 'store.duckdb');
    await open(path);
    await closeAll();
    await query(path, `UPDATE meta SET value = '${STORE_SCHEMA_VERSION + 41}' WHERE key = 'schema_version'`);
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain(path);
    expect((error as CliError).message).toContain(`version ${STORE_SCHEMA_VERSION + 41}`);
  });

  it('refuses a file that is not a DuckDB database, saying to move it aside or use --no-store', async () => {
    const path = join(dir, 'notes.duckdb');
    await writeFile(path, 'candidate,feedback\n'.repeat(500));
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain(path);
    expect((error as CliError).message).toMatch(/move it aside/i);
    expect((error as CliError).message).toContain('--no-store');
    // Nothing was written over the user's file.
    expect(await readFile(path, 'utf8')).toBe('candidate,feedback\n'.repeat(500));
  });

  it.each([
    ['history.csv', 'run_id,items\n1,2\n'],
    ['history.json', '{"runs": []}\n'],
    ['notes.txt', 'x'],
  ])('refuses an existing %s given as the store (exit 2, naming it), and leaves it untouched', async (name, content) => {
    const path = join(dir, name);
    await writeFile(path, content);
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toBe(
      `--store ${path}: it is an existing file of another kind, not a feedback-themes store (a DuckDB file); it was left untouched. ` +
        'Move it aside, or give another file with --store FILE (a new name starts a new store), or run with --no-store.',
    );
    expect(await readFile(path, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual([name]);
  });

  it('refuses a folder given as the store', async () => {
    const error = await openStore(dir).catch((e: unknown) => e);
    expect((error as CliError).message).toMatch(/^--store .*: it is a folder, not a feedback-themes store/);
  });

  it('refuses a DuckDB database that is not a feedback-themes store', async () => {
    const path = join(dir, 'other.duckdb');
    await query(path, `CREATE TABLE sales (id INTEGER)`);
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain(path);
    expect((error as CliError).message).toContain('not a feedback-themes store');
  });

  it('says the store is in use (exit 5) when another process holds it', async () => {
    const path = join(dir, 'store.duckdb');
    await open(path);
    await closeAll();
    // A child process keeps the file open until told to stop.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const instance = await DuckDBInstance.create(${JSON.stringify(path)});
         await instance.connect();
         console.log('held');
         process.stdin.on('data', () => process.exit(0));`,
      ],
      { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
      });
      const error = await openStore(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(5);
      expect((error as CliError).message).toContain(path);
    } finally {
      holder.stdin.write('stop\n');
      await new Promise((resolve) => holder.on('exit', resolve));
    }
  });
});

describe('run history', () => {
  it('has no previous run in a new store', async () => {
    const store = await open();
    expect(await store.previousRun()).toBeNull();
    expect(await store.hasRuns()).toBe(false);
  });

  it('holds runs once one is committed, not while it is pending', async () => {
    const store = await open();
    const pending = await store.recordRun(run(), { outDir: dir, files: [] });
    expect(await store.hasRuns()).toBe(false);
    await store.markCommitted(pending);
    expect(await store.hasRuns()).toBe(true);
  });

  it('records a run and reads back its theme counts', async () => {
    const store = await open();
    const runId = await store.recordRun(run());
    expect(runId).toMatch(/^2026-03-01T100000\.000Z-[0-9a-f]{6}$/);
    expect(await store.previousRun()).toEqual({
      runId,
      finishedAt: '2026-03-01T10:00:05.000Z',
      items: 3,
      candidates: 2,
      themes: { examples: 1, experience: 1, delivery: 1, uninformative: 1 },
      themeIds: null,
      itemIds: ['r1', 'r2', 'r3'],
      candidateIds: ['c1', 'c2'],
      // What each item held, by its text's hash only: a later run tells removed and edited rows by it.
      itemContents: [
        { id: 'r1', candidate: 'c1', textSha256: hashText('Lacked specific examples.') },
        { id: 'r2', candidate: 'c1', textSha256: hashText('Too little experience; answers sounded rehearsed.') },
        { id: 'r3', candidate: 'c2', textSha256: hashText('Unfortunately we will not progress.') },
      ],
      followUp: [{ reference: 'Candidate AAAAAA', kind: 'repeat', themeId: 'examples' }],
    });
  });

  it('keeps each run its own follow-up list, and knows when a run of an older store kept none', async () => {
    const path = join(dir, 'lists.duckdb');
    const store = await open(path);
    const empty = await store.recordRun(run({ followUp: [] }));
    expect((await store.previousRun())?.followUp).toEqual([]);
    // A pending run's list goes with it when the run is discarded.
    const pending = await store.recordRun(run({ startedAt: '2026-03-02T10:00:00.000Z' }), { outDir: dir, files: [] });
    await store.discardRun(pending);
    await closeAll();
    expect(await query(path, `SELECT count(*)::INTEGER FROM followup`)).toEqual([[0]]);
    // A run recorded before lists were kept (followup_recorded null) has no list, not an empty one.
    await query(path, `UPDATE runs SET followup_recorded = NULL WHERE run_id = '${empty}'`);
    const again = await open(path);
    const previous = await again.previousRun();
    expect(previous?.runId).toBe(empty);
    expect(previous).not.toHaveProperty('followUp');
  });

  it('returns the most recent run, optionally only over the same taxonomy', async () => {
    const store = await open();
    const first = await store.recordRun(run({ taxonomySource: 'mine.yaml', finishedAt: '2026-03-01T10:00:05.000Z' }));
    const second = await store.recordRun(
      run({
        startedAt: '2026-04-01T10:00:00.000Z',
        finishedAt: '2026-04-01T10:00:05.000Z',
        counts: { items: 1, segments: 1, candidates: 1, rejectedRows: 0 },
        items: [{ item: item('x', 'No reason given.'), themes: [{ themeId: 'uninformative', score: 1 }] }],
      }),
    );
    expect((await store.previousRun())?.runId).toBe(second);
    expect((await store.previousRun())?.themes).toEqual({ uninformative: 1 });
    expect((await store.previousRun({ taxonomySource: 'mine.yaml' }))?.runId).toBe(first);
    expect(await store.previousRun({ taxonomySource: 'elsewhere.yaml' })).toBeNull();
  });

  it('compares only with runs of the same engine and model, and reads back the theme ids recorded', async () => {
    const store = await open();
    const lexical = await store.recordRun(run({ options: { taxonomyThemes: ['examples', 'delivery'] } }));
    const neural = await store.recordRun(
      run({
        startedAt: '2026-04-01T10:00:00.000Z',
        finishedAt: '2026-04-01T10:00:05.000Z',
        engine: { name: 'transformers', model: 'Xenova/all-MiniLM-L6-v2', fallbackReason: null },
      }),
    );
    expect((await store.previousRun({ engine: { name: 'lexical', model: null } }))?.runId).toBe(lexical);
    expect((await store.previousRun({ engine: { name: 'lexical', model: null } }))?.themeIds).toEqual(['examples', 'delivery']);
    expect((await store.previousRun({ engine: { name: 'transformers', model: 'Xenova/all-MiniLM-L6-v2' } }))?.runId).toBe(neural);
    expect(await store.previousRun({ engine: { name: 'transformers', model: './my-model' } })).toBeNull();
  });

  it('compares only with a run over the same file names, else one with overlapping cohorts, else none', async () => {
    const store = await open();
    const april = { startedAt: '2026-04-01T10:00:00.000Z', finishedAt: '2026-04-01T10:00:05.000Z' };
    const sameFile = await store.recordRun(run({ inputs: [{ path: 'exports/export.csv', bytes: 1, sha256: 'ab'.repeat(32), rows: 3 }] }));
    const unrelated = await store.recordRun(
      run({
        ...april,
        inputs: [{ path: 'other.csv', bytes: 1, sha256: 'cd'.repeat(32), rows: 1 }],
        items: [{ item: item('x', 'No reason given.', { cohort: '1999' }), themes: [{ themeId: 'uninformative', score: 1 }] }],
      }),
    );
    expect((await store.previousRun())?.runId).toBe(unrelated);
    // The same file name from another folder is the same input; the newer unrelated run is skipped.
    expect((await store.previousRun({ inputs: { sources: ['/data/export.csv'], cohorts: [] } }))?.runId).toBe(sameFile);
    // Another file name: matched by an overlapping cohort (2026 is in the first run only).
    expect((await store.previousRun({ inputs: { sources: ['renamed.csv'], cohorts: ['2026', '2027'] } }))?.runId).toBe(sameFile);
    expect((await store.previousRun({ inputs: { sources: ['renamed.csv'], cohorts: ['1999'] } }))?.runId).toBe(unrelated);
    expect(await store.previousRun({ inputs: { sources: ['renamed.csv'], cohorts: ['2030'] } })).toBeNull();
    expect(await store.previousRun({ inputs: { sources: ['export.csv', 'more.csv'], cohorts: [] } })).toBeNull();
  });

  it('with since, compares with the run of that id or the last run on or before that date, and refuses others (exit 2)', async () => {
    const store = await open();
    const march = await store.recordRun(run());
    const april = await store.recordRun(
      run({
        startedAt: '2026-04-01T10:00:00.000Z',
        finishedAt: '2026-04-01T10:00:05.000Z',
        inputs: [{ path: 'other.csv', bytes: 1, sha256: 'cd'.repeat(32), rows: 3 }],
      }),
    );
    const inputs = { sources: ['export.csv'], cohorts: [] };
    expect((await store.previousRun({ inputs }))?.runId).toBe(march);
    expect((await store.previousRun({ inputs, since: april }))?.runId).toBe(april);
    expect((await store.previousRun({ since: '2026-03-31' }))?.runId).toBe(march);
    expect((await store.previousRun({ since: '2026-04-01' }))?.runId).toBe(april);
    await expect(store.previousRun({ since: '2026-02-28' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('2026-02-28'),
    });
    await expect(store.previousRun({ since: 'no-such-run' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('no-such-run'),
    });
    await expect(store.previousRun({ since: '2026-02-30' })).rejects.toMatchObject({ exitCode: 2 });
    // The same answers before any classification, from checkSince (taxonomy known, engine not yet).
    await expect(store.checkSince(april)).resolves.toBeUndefined();
    await expect(store.checkSince('2026-03-31', 'built-in')).resolves.toBeUndefined();
    for (const since of ['2026-02-28', 'no-such-run', '2026-02-30']) {
      await expect(store.checkSince(since)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`--since ${since}`) });
    }
    await expect(store.checkSince('2026-02-30')).rejects.toThrow(/not a day of the calendar/);
    await expect(store.checkSince('2026-03-31', 'other-taxonomy.yaml')).rejects.toMatchObject({ exitCode: 2 });
  });

  it('stores every column an adviser may query, and the text only as its hash', async () => {
    const path = join(dir, 'store.duckdb');
    const store = await open(path);
    const secret = 'Zephyrine Quaxley said her portfolio was thin';
    const record = run();
    record.items[0].item.text = secret;
    const runId = await store.recordRun(record);
    await closeAll();

    expect(
      await query(
        path,
        `SELECT engine, model, fallback_reason, taxonomy_source, options->>'minGroup', items, segments, candidates, rejected_rows FROM runs`,
      ),
    ).toEqual([['lexical', null, 'model not found', 'built-in', '5', 3, 5, 2, 1]]);
    expect(await query(path, `SELECT run_id, path, bytes, sha256, rows FROM run_inputs`)).toEqual([
      [runId, 'export.csv', 1234n, 'ab'.repeat(32), 3],
    ]);
    const items = await query(
      path,
      `SELECT item_id, candidate, cohort, stage, employer, role, strftime(date, '%Y-%m-%d'), source, line, text_sha256 FROM items ORDER BY item_id`,
    );
    expect(items[0]).toEqual(['r1', 'c1', '2026', 'interview', null, null, '2026-02-03', 'export.csv', 2, hashText(secret)]);
    expect(items.map((r) => r[0])).toEqual(['r1', 'r2', 'r3']);
    expect(await query(path, `SELECT item_id, theme_id, score FROM assignments ORDER BY item_id, theme_id`)).toEqual([
      ['r1', 'examples', 0.71],
      ['r2', 'delivery', 0.55],
      ['r2', 'experience', 0.6],
      ['r3', 'uninformative', 0.9],
    ]);
    // Privacy: the feedback text is nowhere in the file.
    const bytes = await readFile(path);
    expect(bytes.includes(Buffer.from('Zephyrine'))).toBe(false);
    expect(bytes.includes(Buffer.from('export.csv'))).toBe(true); // the scan itself can find strings
  });

  it('records a run in one transaction: a failure leaves no partial run', async () => {
    const store = await open();
    const broken = run();
    broken.items[2].item.date = '31/02/2026'; // not ISO: rejected by the DATE column after earlier rows were appended
    await expect(store.recordRun(broken)).rejects.toThrow();
    expect(await store.previousRun()).toBeNull();
    // The store still works afterwards.
    const runId = await store.recordRun(run());
    expect((await store.previousRun())?.runId).toBe(runId);
  });

  it('records 20k items with 30k assignments in one run', async () => {
    const store = await open();
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      item: item(`row-${i}`, `feedback ${i}`, { candidate: `c${i % 700}`, line: i + 2 }),
      themes:
        i % 2
          ? [
              { themeId: 'experience', score: 0.5 },
              { themeId: 'delivery', score: 0.4 },
            ]
          : [{ themeId: 'examples', score: 0.6 }],
    }));
    await store.recordRun(run({ items, counts: { items: items.length, segments: items.length, candidates: 700, rejectedRows: 0 } }));
    expect((await store.previousRun())?.themes).toEqual({ examples: 10_000, experience: 10_000, delivery: 10_000 });
  });
});

describe('embedding cache', () => {
  function vector(seed: number, dims = 8): Float32Array {
    return Float32Array.from({ length: dims }, (_, j) => Math.sin(seed * 13.7 + j) / 3);
  }

  it('round-trips vectors exactly, per embedder id', async () => {
    const store = await open();
    const a = { hash: hashText('a'), vector: vector(1) };
    const b = { hash: hashText('b'), vector: Float32Array.from([Math.PI, -0, 1e-38, -3.4e38, 0.1, 0.2, 0.3, Number.EPSILON]) };
    await store.putVectors('lexical:v1', [a, b]);
    const got = await store.getVectors('lexical:v1', [a.hash, b.hash, hashText('missing')]);
    expect([...got.keys()].sort()).toEqual([a.hash, b.hash].sort());
    expect(got.get(a.hash)).toEqual(a.vector);
    expect(Array.from(got.get(b.hash)!)).toEqual(Array.from(b.vector));
    expect(Object.is(got.get(b.hash)![1], -0)).toBe(true);
    expect((await store.getVectors('transformers:other', [a.hash])).size).toBe(0);
  });

  it('round-trips tiny vectors too (DuckDB stores blobs of 12 bytes or less inline)', async () => {
    const store = await open();
    const tiny = [Float32Array.from([1.5]), Float32Array.from([0.25, -7]), Float32Array.from([3, 2, 1e-7])];
    await store.putVectors(
      'm',
      tiny.map((vector, i) => ({ hash: `h${i}`, vector })),
    );
    const got = await store.getVectors('m', ['h0', 'h1', 'h2']);
    tiny.forEach((vector, i) => {
      expect(got.get(`h${i}`)).toEqual(vector);
    });
  });

  it('finds every vector put before a lookup, however the writes and lookups interleave, in a new store and a reopened one', async () => {
    const path = join(dir, 'store.duckdb');
    const [a, b, c] = [1, 2, 3].map((seed) => ({ hash: hashText(`t${seed}`), vector: vector(seed) }));
    const store = await open(path);
    // Neither awaited: the first lookup finds the embedder id empty, the put lands after it.
    const first = store.getVectors('m', [a.hash]);
    const put = store.putVectors('m', [a]);
    expect((await first).size).toBe(0);
    expect((await store.getVectors('m', [a.hash, b.hash])).get(a.hash)).toEqual(a.vector);
    await put;
    expect((await store.getVectors('m', [b.hash])).size).toBe(0);
    void store.putVectors('m', [b]);
    expect((await store.getVectors('m', [b.hash])).get(b.hash)).toEqual(b.vector);
    await closeAll();
    // Reopened, the id holds vectors from before: found, and so is one put now.
    const again = await open(path);
    void again.putVectors('m', [c]);
    const got = await again.getVectors('m', [a.hash, b.hash, c.hash]);
    expect([...got.keys()].sort()).toEqual([a.hash, b.hash, c.hash].sort());
  });

  it('fails every later operation, and its closing, with a write that failed, so a writer that did not wait learns of it', async () => {
    const store = await open();
    const a = { hash: hashText('a'), vector: vector(1) };
    const broken = store.putVectors('m', [{ hash: hashText('b'), vector: null as unknown as Float32Array }]);
    await expect(broken).rejects.toThrow();
    await expect(store.getVectors('m', [a.hash])).rejects.toThrow();
    await expect(store.putVectors('m', [a])).rejects.toThrow();
    await expect(store.close()).rejects.toThrow();
  });

  it('keeps the first vector for a hash and ignores repeats', async () => {
    const store = await open();
    const hash = hashText('same');
    await store.putVectors('m', [
      { hash, vector: vector(1) },
      { hash, vector: vector(2) },
    ]);
    await store.putVectors('m', [{ hash, vector: vector(3) }]);
    expect((await store.getVectors('m', [hash])).get(hash)).toEqual(vector(1));
  });

  it('survives reopening the file', async () => {
    const path = join(dir, 'store.duckdb');
    const entries = Array.from({ length: 500 }, (_, i) => ({ hash: hashText(`t${i}`), vector: vector(i, 384) }));
    await (await open(path)).putVectors('m', entries);
    await closeAll();
    const got = await (await open(path)).getVectors(
      'm',
      entries.map((e) => e.hash),
    );
    expect(got.size).toBe(500);
    expect(got.get(entries[123].hash)).toEqual(entries[123].vector);
  });

  it('returns an empty map for no hashes and accepts no entries', async () => {
    const store = await open();
    await store.putVectors('m', []);
    expect((await store.getVectors('m', [])).size).toBe(0);
  });
});
