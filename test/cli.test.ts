import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBertModel, TINY_SHAPE } from './helpers/bert-model.js';
import { runCli, type CliResult } from './helpers/run-cli.js';

const SAMPLE = path.resolve('data/sample-feedback.csv');
const PINNED = new Date('2026-11-01T09:00:00Z');

let work: string;
let emptyCache: string;

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(args, { FEEDBACK_THEMES_CACHE: emptyCache, ...env }, PINNED);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-cli-'));
  emptyCache = path.join(work, 'empty-cache');
  await mkdir(emptyCache);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('run', () => {
  it('falls back to the lexical engine offline, warns, and writes every output', async () => {
    const out = path.join(work, 'auto');
    const result = await cli(['run', SAMPLE, '--out', out, '--store', path.join(work, 'auto.duckdb'), '--offline']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*could not be loaded/);
    expect(result.stderr).toMatch(/Falling back to the lexical engine/);
    expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    const files = (await readdir(out)).sort();
    // The sample's two blank replies are "no feedback given", not rejects: nothing to list.
    expect(files).toEqual(['current', 'followup.csv', 'items.csv', 'report.html', 'runs', 'segments.csv', 'summary.json']);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.schemaVersion).toBe(1);
    expect(summary.engine.name).toBe('lexical');
    expect(summary.engine.fallbackReason).toMatch(/Xenova\/all-MiniLM-L6-v2/);
    expect(summary.counts.items + summary.counts.rejectedRows).toBe(summary.counts.dataRows);
    expect(summary.themes.map((t: { id: string }) => t.id)).toHaveLength(13);
    expect(summary.taxonomy).toEqual({ source: 'built-in', themes: 13 });
    const report = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(report).toMatch(/Lower accuracy:/);
    expect(report).toContain('model import');
    // The report, summary.json and the store all name the run by its folder under runs/.
    const [runId, ...others] = await readdir(path.join(out, 'runs'));
    expect(others).toEqual([]);
    expect(summary.runId).toBe(runId);
    expect(report).toContain(`This report is run <code>${runId}</code>`);
    const instance = await DuckDBInstance.create(path.join(work, 'auto.duckdb'));
    const connection = await instance.connect();
    const stored = (await connection.runAndReadAll('SELECT run_id FROM runs')).getRowsJS();
    connection.closeSync();
    expect(stored).toEqual([[runId]]);
  });

  it('prints only the summary JSON on stdout with --json', async () => {
    const out = path.join(work, 'json');
    const result = await cli(['run', SAMPLE, '--out', out, '--no-store', '--engine', 'lexical', '--json', '--quiet']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.engine).toEqual({ name: 'lexical', model: null, fallbackReason: null });
    expect(result.stderr).not.toMatch(/classifying/); // --quiet keeps info lines off stderr
  });

  it('redacts emails and phone numbers in every output unless --no-redact', async () => {
    const input = path.join(work, 'pii.csv');
    await writeFile(
      input,
      'Feedback,Student ID\n"Your answers were rambling. Call jane.doe@example.com or 07700 900123.",S1\n"Your CV had typos.",S2\n',
    );
    const redacted = path.join(work, 'pii-out');
    expect((await cli(['run', input, '--out', redacted, '--no-store', '--engine', 'lexical'])).code).toBe(0);
    for (const name of ['items.csv', 'segments.csv', 'summary.json', 'report.html']) {
      const text = await readFile(path.join(redacted, name), 'utf8');
      expect(text, name).not.toContain('jane.doe@example.com');
      expect(text, name).not.toContain('07700 900123');
    }
    expect(await readFile(path.join(redacted, 'items.csv'), 'utf8')).toContain('[email]');
    const kept = path.join(work, 'pii-kept');
    expect((await cli(['run', input, '--out', kept, '--no-store', '--engine', 'lexical', '--no-redact'])).code).toBe(0);
    expect(await readFile(path.join(kept, 'items.csv'), 'utf8')).toContain('jane.doe@example.com');
  });

  it('records runs in the store: the second run compares with the first', async () => {
    const store = path.join(work, 'history.duckdb');
    const first = await cli(['run', SAMPLE, '--out', path.join(work, 'h1'), '--store', store, '--engine', 'lexical', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).previousRun).toBeNull();
    const second = await cli(['run', SAMPLE, '--out', path.join(work, 'h2'), '--store', store, '--engine', 'lexical', '--json']);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout);
    expect(summary.previousRun).not.toBeNull();
    expect(summary.themes.every((t: { change: unknown }) => t.change !== null)).toBe(true);
    // Lexical vectors are recomputed rather than cached: they are large and cheap.
    expect(summary.cache).toBeNull();
    // An unrelated export (another file name, no shared cohort) is not compared with either run.
    const other = path.join(work, 'unrelated.csv');
    await writeFile(other, 'Feedback\n"Your CV had typos."\n"Answers were too short."\n');
    const third = await cli(['run', other, '--out', path.join(work, 'h3'), '--store', store, '--engine', 'lexical', '--json']);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout).previousRun).toBeNull();
    const since = await cli([
      'run',
      other,
      '--out',
      path.join(work, 'h4'),
      '--store',
      store,
      '--engine',
      'lexical',
      '--json',
      '--since',
      summary.previousRun.runId,
    ]);
    expect(since.code).toBe(0);
    expect(JSON.parse(since.stdout).previousRun.runId).toBe(summary.previousRun.runId);
    const unknown = await cli([
      'run',
      other,
      '--out',
      path.join(work, 'h5'),
      '--store',
      store,
      '--engine',
      'lexical',
      '--since',
      '1999-01-01',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--since 1999-01-01');
    // A --since that names nothing is refused before the model loads: a missing model (exit 4)
    // is never reached, and nothing is classified.
    const missingModel = ['--engine', 'transformers', '--model', path.join(work, 'no-such-model'), '--offline'];
    for (const since of ['no-such-run', '1999-01-01', '2026-02-30']) {
      const early = await cli(['run', other, '--out', path.join(work, 'h6'), '--store', store, ...missingModel, '--since', since]);
      expect(early.code, early.stderr).toBe(2);
      expect(early.stderr).toContain(`--since ${since}`);
      expect(early.stderr).not.toMatch(/classifying|no-such-model/);
    }
    const known = await cli([
      'run',
      other,
      '--out',
      path.join(work, 'h6'),
      '--store',
      store,
      ...missingModel,
      '--since',
      summary.previousRun.runId,
    ]);
    expect(known.code).toBe(4); // a known run id passes the check; then the missing model stops the run
  });

  it('writes byte-identical CSVs and report for the same input and options, but for the run id', async () => {
    const a = path.join(work, 'same-a');
    const b = path.join(work, 'same-b');
    for (const out of [a, b]) expect((await cli(['run', SAMPLE, '--out', out, '--no-store', '--engine', 'lexical'])).code).toBe(0);
    // Each run is named by its own folder under runs/; that name is the only difference.
    const withoutRunId = async (out: string, name: string) => {
      const [runId] = await readdir(path.join(out, 'runs'));
      return (await readFile(path.join(out, name), 'utf8')).replaceAll(runId!, 'RUN');
    };
    for (const name of ['items.csv', 'segments.csv', 'report.html', 'summary.json']) {
      expect(await withoutRunId(a, name), name).toBe(await withoutRunId(b, name));
    }
  });

  it('names the missing column and lists the columns that exist (exit 2)', async () => {
    const result = await cli(['run', SAMPLE, '--out', path.join(work, 'nocol'), '--no-store', '--text-column', 'Feedbak']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Feedbak');
    expect(result.stderr).toContain('Employer Feedback');
  });

  it('exits 3 when there are no usable rows', async () => {
    const input = path.join(work, 'header-only.csv');
    await writeFile(input, 'Feedback,Student ID\n');
    const result = await cli(['run', input, '--out', path.join(work, 'empty'), '--no-store']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('header-only.csv');
  });

  it('exits 2 for a missing input file, naming it', async () => {
    const result = await cli(['run', path.join(work, 'nope.csv'), '--out', path.join(work, 'nope'), '--no-store']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.csv');
  });

  it('a missing second input or a bad --encoding exits 2 before the store is made or the model loads', async () => {
    const store = path.join(work, 'never-made.duckdb');
    const missingModel = ['--engine', 'transformers', '--model', path.join(work, 'no-such-model'), '--offline', '--store', store];
    for (const [args, said] of [
      [[SAMPLE, path.join(work, 'second-nope.csv')], 'second-nope.csv: cannot read the export: no such file'],
      [[SAMPLE, '--encoding', 'klingon'], 'unknown encoding "klingon"'],
    ] as const) {
      const early = await cli(['run', ...args, '--out', path.join(work, 'early'), ...missingModel]);
      // A missing model would exit 4: the input is checked first, and nothing is read or classified.
      expect(early.code, early.stderr).toBe(2);
      expect(early.stderr).toContain(said);
      expect(early.stderr).not.toMatch(/no-such-model|read .*sample-feedback|classifying/);
      expect((await readdir(work)).filter((name) => name.startsWith('never-made.duckdb'))).toEqual([]);
    }
  });

  it('exits 2 on an unknown flag or a bad engine name', async () => {
    expect((await cli(['run', SAMPLE, '--colour'])).code).toBe(2);
    const bad = await cli(['run', SAMPLE, '--engine', 'gpt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/auto, hybrid, transformers, lexical/);
  });

  it('exits 5 when another run holds the output folder', async () => {
    const out = path.join(work, 'locked');
    await mkdir(out, { recursive: true });
    // The parent process (vitest's runner) is alive, so this lock is not stale.
    await writeFile(
      path.join(out, '.feedback-themes.lock'),
      JSON.stringify({
        pid: process.ppid,
        hostname: (await import('node:os')).hostname(),
        startedAt: '2026-11-01T08:00:00Z',
        command: 'run',
      }),
    );
    const result = await cli(['run', SAMPLE, '--out', out, '--no-store', '--engine', 'lexical']);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`pid ${process.ppid}`);
  });

  it('reads options from a config file, with flags winning', async () => {
    const input = path.join(work, 'renamed.csv');
    await writeFile(input, 'Learner,Remarks\nL1,"You interrupted the panel several times."\nL2,"We could not sponsor a visa."\n');
    const config = path.join(work, 'config.yaml');
    await writeFile(
      config,
      'engine: lexical\nstore: history-from-config.duckdb\ncolumns:\n  text: Remarks\n  candidate: Learner\nminGroup: 1\n',
    );
    const result = await cli(['run', input, '--config', config, '--no-store', '--out', path.join(work, 'cfg'), '--json', '--quiet']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts.items).toBe(2);
    expect(summary.counts.candidates).toBe(2);
    expect(summary.engine.name).toBe('lexical');
  });

  it('rejects an unknown config key, naming the file and the key', async () => {
    const config = path.join(work, 'bad-config.yaml');
    await writeFile(config, 'engin: lexical\n');
    const result = await cli(['run', SAMPLE, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad-config.yaml: engin: unknown option');
  });
});

describe('run with a local transformers model', () => {
  let modelDir: string;

  beforeAll(async () => {
    modelDir = path.join(work, 'tiny-model');
    await buildBertModel(modelDir, TINY_SHAPE, { seed: 7, quantized: true });
  });

  it('classifies with the model folder offline', async () => {
    const out = path.join(work, 'tfx');
    const result = await cli([
      'run',
      SAMPLE,
      '--out',
      out,
      '--no-store',
      '--engine',
      'transformers',
      '--model',
      modelDir,
      '--offline',
      '--json',
    ]);
    expect(result.stderr).not.toMatch(/warning: .*could not be loaded/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.engine.name).toBe('transformers');
    expect(summary.engine.model).toBe(modelDir);
    expect(summary.engine.fallbackReason).toBeNull();
    expect(summary.counts.items).toBe(242);
  });

  it('runs a folder with only the fp32 weights at fp32, with a note; --dtype q8 names what is missing', async () => {
    const fp32Only = path.join(work, 'fp32-only');
    await buildBertModel(fp32Only, TINY_SHAPE, { seed: 7 });
    const run = (extra: string[]) =>
      cli([
        'run',
        SAMPLE,
        '--out',
        path.join(work, `fp32-${extra.length}`),
        '--no-store',
        '--engine',
        'transformers',
        '--model',
        fp32Only,
        '--offline',
        '--json',
        ...extra,
      ]);
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('onnx/model_quantized.onnx'))).toEqual([
      `model ${fp32Only} has no onnx/model_quantized.onnx: running its fp32 weights (onnx/model.onnx); same themes, slower.`,
    ]);
    expect(JSON.parse(result.stdout).engine).toMatchObject({ name: 'transformers', fallbackReason: null });

    const strict = await run(['--dtype', 'q8']);
    expect(strict.code).toBe(4);
    expect(strict.stderr).toContain(
      `onnx/model_quantized.onnx missing in the folder ${fp32Only}. It has onnx/model.onnx: run with --dtype fp32`,
    );

    const missing = await cli([
      'run',
      SAMPLE,
      '--out',
      path.join(work, 'no-model'),
      '--no-store',
      '--engine',
      'transformers',
      '--model',
      path.join(work, 'no-such-model'),
      '--offline',
    ]);
    expect(missing.code).toBe(4);
  });

  it('caches sentence vectors in the store: a re-run embeds nothing new', async () => {
    const store = path.join(work, 'tfx-cache.duckdb');
    const args = ['run', SAMPLE, '--store', store, '--engine', 'transformers', '--model', modelDir, '--offline', '--json'];
    const first = await cli([...args, '--out', path.join(work, 'tfx-c1')]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).cache.misses).toBeGreaterThan(0);
    const second = await cli([...args, '--out', path.join(work, 'tfx-c2')]);
    expect(second.code).toBe(0);
    const cache = JSON.parse(second.stdout).cache;
    expect(cache.misses).toBe(0);
    expect(cache.hits).toBeGreaterThan(0);
    expect(second.stderr).toMatch(/embedding cache: \d+ hit\(s\), 0 miss\(es\)/);
    // Scores read back from the cache are the ones computed: the same themes, to the digit.
    for (const name of ['items.csv', 'segments.csv']) {
      expect(await readFile(path.join(work, 'tfx-c2', name), 'utf8'), name).toBe(await readFile(path.join(work, 'tfx-c1', name), 'utf8'));
    }
  });

  it('with corrections, counts each text once: a cold store has no hits, a warm one hits what the cold run missed', async () => {
    const store = path.join(work, 'tfx-corrections.duckdb');
    const fixes = path.join(work, 'tfx-fixes.csv');
    await writeFile(
      fixes,
      'text,themes\n"Your CV had several typos and no cover letter.",application\n"We went with someone more experienced.",experience|competition\n',
    );
    const args = [
      'run',
      SAMPLE,
      '--store',
      store,
      '--engine',
      'transformers',
      '--model',
      modelDir,
      '--offline',
      '--json',
      '--corrections',
      fixes,
    ];
    const first = await cli([...args, '--out', path.join(work, 'tfx-k1')]);
    expect(first.code, first.stderr).toBe(0);
    const cold = JSON.parse(first.stdout).cache;
    expect(cold.hits).toBe(0);
    expect(cold.misses).toBeGreaterThan(0);
    const second = await cli([...args, '--out', path.join(work, 'tfx-k2')]);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).cache).toEqual({ hits: cold.misses, misses: 0 });
  });

  it('exits 4 with how to get the model when the model is missing', async () => {
    const result = await cli([
      'run',
      SAMPLE,
      '--out',
      path.join(work, 'tfx-missing'),
      '--no-store',
      '--engine',
      'transformers',
      '--model',
      path.join(work, 'no-such-model'),
      '--offline',
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/model pull/);
    expect(result.stderr).toMatch(/no-such-model/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 4 for a hub model that is not cached when offline', async () => {
    const result = await cli(['classify', 'Your CV had typos.', '--engine', 'transformers', '--offline']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/feedback-themes model pull Xenova\/all-MiniLM-L6-v2/);
  });
});

describe('classify', () => {
  it('shows themes, scores and evidence as JSON', async () => {
    const result = await cli([
      'classify',
      'Your answers sounded robotic and over-rehearsed, and you rarely made eye contact.',
      '--engine',
      'lexical',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    const delivery = parsed.themes.find((t: { id: string }) => t.id === 'delivery');
    expect(delivery).toBeDefined();
    expect(delivery.evidence.segment).toContain('robotic');
    expect(delivery.evidence.cues.length).toBeGreaterThan(0);
    expect(parsed.engine.name).toBe('lexical');
  });

  it('prints a readable listing by default', async () => {
    const result = await cli(['classify', 'We cannot sponsor a work visa for this role.', '--engine', 'lexical']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[logistics\]\s+score \d\.\d\d/);
    expect(result.stdout).toMatch(/evidence: "We cannot sponsor a work visa for this role\."/);
  });
});

describe('evaluate', () => {
  let gold: string;

  beforeAll(async () => {
    gold = path.join(work, 'gold.csv');
    await writeFile(
      gold,
      [
        'text,themes,notes',
        '"You came across as nervous and kept looking at your notes.",delivery,x',
        '"We cannot offer sponsorship for a visa.",logistics,',
        '"Your CV was not tailored to the role and had spelling mistakes.",application,',
        '"We went with an internal candidate.",competition,',
        '"Unfortunately you were unsuccessful on this occasion.",uninformative,',
        '"You did not give specific examples of what you personally did, and seemed unsure why you wanted the job.",examples|motivation,',
      ].join('\n'),
    );
  });

  it('reports per-theme precision, recall and F1 as JSON', async () => {
    const result = await cli(['evaluate', gold, '--engine', 'lexical', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.engine).toBe('lexical');
    expect(report.items).toBe(6);
    expect(report.themes).toHaveLength(13);
    expect(report.microF1).toBeGreaterThanOrEqual(0);
    expect(report.microF1).toBeLessThanOrEqual(1);
    const logistics = report.themes.find((t: { id: string }) => t.id === 'logistics');
    expect(logistics.support).toBe(1);
  });

  it('calibrates thresholds that run --thresholds then uses', async () => {
    const file = path.join(work, 'thresholds.json');
    const result = await cli(['evaluate', gold, '--engine', 'lexical', '--calibrate', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`run --thresholds ${file}`);
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.engine).toBe('lexical');
    const run = await cli([
      'run',
      SAMPLE,
      '--out',
      path.join(work, 'calibrated'),
      '--no-store',
      '--engine',
      'lexical',
      '--thresholds',
      file,
      '--json',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).thresholds.source).toBe(file);
  });

  it('names the file, line and valid ids for an unknown theme', async () => {
    const bad = path.join(work, 'bad-gold.csv');
    await writeFile(bad, 'text,themes\n"Fine.",delivery\n"Odd.",charisma\n');
    const result = await cli(['evaluate', bad, '--engine', 'lexical']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad-gold\.csv:3/);
    expect(result.stderr).toContain('charisma');
    expect(result.stderr).toContain('delivery');
  });
});

describe('taxonomy and model commands', () => {
  it('validates the built-in taxonomy', async () => {
    const result = await cli(['taxonomy', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/valid — 13 themes/);
  });

  it('lists every problem of a broken taxonomy as path: message (exit 2)', async () => {
    const file = path.join(work, 'broken.yaml');
    await writeFile(file, 'themes:\n  - id: Bad Id\n    label: x\n    exemples: []\n');
    const result = await cli(['taxonomy', 'validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/themes\[0\]\.id: /);
    expect(result.stderr).toMatch(/exemples/);
  });

  it('shows the themes', async () => {
    const result = await cli(['taxonomy', 'show']);
    expect(result.code).toBe(0);
    for (const id of ['qualifications', 'delivery', 'uninformative']) expect(result.stdout).toContain(id);
  });

  it('model info says where models are and that none are cached', async () => {
    const result = await cli(['model', 'info']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(emptyCache);
    expect(result.stdout).toMatch(/no models cached/);
  });
});
