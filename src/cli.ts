// Thin CLI: parse flags into typed options, call one function per command, map errors to exit
// codes. No pipeline logic lives here.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL, defaultCacheDir } from './classify/models.js';
import { classifyCommand } from './commands/classify.js';
import { evaluateCommand } from './commands/evaluate.js';
import { modelInfoCommand, modelPullCommand } from './commands/model.js';
import { taxonomyShowCommand, taxonomyValidateCommand } from './commands/taxonomy.js';
import { loadConfigFile, mergeSpecs, normalizeEngineConfig, normalizeRunConfig, type RunConfigSpec } from './config.js';
import { ExitCode, isCliError } from './errors.js';
import { toEnvironmentError } from './io/environment.js';
import { createLogger } from './logger.js';
import { runJob } from './pipeline.js';
import type { ColumnMapping, ColumnRole } from './types.js';

export interface CliEffects {
  stdout: (text: string) => void;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

const defaultEffects = (): CliEffects => ({
  stdout: (text) => void process.stdout.write(text),
  stderr: process.stderr,
  now: () => new Date(),
  env: process.env,
});

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function wholeNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${flag} expects a whole number, got "${value}".`);
    return n;
  };
}

const engineOption = () =>
  new Option('--engine <engine>', 'embedding engine: auto uses the model when it loads, else lexical').choices(['auto', 'transformers', 'lexical']);
const dtypeOption = () => new Option('--dtype <dtype>', 'model weights: fp32, or q8 (onnx/model_quantized.onnx)').choices(['fp32', 'q8']);

function addEngineOptions(command: Command): Command {
  return command
    .addOption(engineOption())
    .option('--model <id|dir>', `model id or local model folder (default ${DEFAULT_MODEL})`)
    .option('--offline', 'never touch the network; use only cached or local models')
    .option('--cache-dir <dir>', 'where downloaded models are kept')
    .addOption(dtypeOption())
    .option('--batch-size <n>', 'texts per model batch', wholeNumber('--batch-size'))
    .option('--taxonomy <file>', 'theme taxonomy YAML (default: the built-in one)')
    .option('--thresholds <file>', 'per-theme thresholds written by `evaluate --calibrate`');
}

interface EngineFlags {
  engine?: 'auto' | 'transformers' | 'lexical';
  model?: string;
  offline?: boolean;
  cacheDir?: string;
  dtype?: 'fp32' | 'q8';
  batchSize?: number;
  taxonomy?: string;
  thresholds?: string;
}

function engineSpec(flags: EngineFlags): RunConfigSpec {
  return {
    engine: flags.engine,
    model: flags.model,
    offline: flags.offline,
    cacheDir: flags.cacheDir,
    dtype: flags.dtype,
    batchSize: flags.batchSize,
    taxonomy: flags.taxonomy,
    thresholds: flags.thresholds,
  };
}

const COLUMN_FLAGS: [ColumnRole, string][] = [
  ['text', 'textColumn'], ['id', 'idColumn'], ['candidate', 'candidateColumn'], ['cohort', 'cohortColumn'],
  ['stage', 'stageColumn'], ['date', 'dateColumn'], ['employer', 'employerColumn'], ['role', 'roleColumn'],
];

export function buildProgram(effects: CliEffects): Command {
  const program = new Command('feedback-themes')
    .description('Find the recurring reasons candidates are rejected, from the feedback employers give.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => effects.stdout(s), writeErr: (s) => void effects.stderr.write(s) })
    .exitOverride();

  // `classify` and `evaluate`: engine options from flags; with --json, stderr keeps only warnings.
  const engineContext = (flags: EngineFlags & { json?: boolean }) => ({
    config: normalizeEngineConfig(engineSpec(flags), DEFAULT_MODEL, defaultCacheDir(effects.env)),
    logger: createLogger({ stream: effects.stderr, quiet: Boolean(flags.json) }),
  });

  const run = program
    .command('run')
    .description('classify feedback CSV exports and write report.html, items.csv, segments.csv and summary.json')
    .argument('<input...>', 'CSV export(s) with one piece of feedback per row')
    .option('--out <dir>', 'output folder (default ./feedback-report)')
    .option('--config <file>', 'YAML/JSON file with any of these options (flags win)')
    .option('--store <file>', 'DuckDB file for run history and the embedding cache (default ./feedback-themes.duckdb)')
    .option('--no-store', 'keep no history and no cache');
  addEngineOptions(run);
  for (const [role] of COLUMN_FLAGS) run.option(`--${role}-column <name>`, `column holding the ${role} (auto-detected when absent)`);
  run
    .option('--delimiter <c>', 'field delimiter: , ; tab | (auto-detected when absent)')
    .option('--encoding <e>', 'file encoding, e.g. utf-8, utf-16le, windows-1252 (auto-detected when absent)')
    .option('--skip-rows <n>', 'rows above the header to skip (survey exports are detected)', wholeNumber('--skip-rows'))
    .addOption(new Option('--date-order <order>', 'how to read 03/04/2026: dmy (default) or mdy').choices(['dmy', 'mdy']))
    .option('--min-group <n>', 'hide breakdown groups with fewer candidates than this (default 5)', wholeNumber('--min-group'))
    .option('--show-ids', 'show candidate ids in the report instead of pseudonyms')
    .option('--no-redact', 'keep emails, phone numbers and names (and real candidate ids) in the outputs')
    .option('--json', 'print summary.json to stdout')
    .option('--quiet', 'print only warnings and errors')
    .action(async (inputs: string[], flags: Record<string, unknown>) => {
      const fileSpec = flags.config ? await loadConfigFile(flags.config as string) : {};
      const columns: ColumnMapping = {};
      for (const [role, key] of COLUMN_FLAGS) if (typeof flags[key] === 'string') columns[role] = flags[key] as string;
      const flagSpec: RunConfigSpec = {
        ...engineSpec(flags as EngineFlags),
        inputs,
        out: flags.out as string | undefined,
        store: flags.store === false ? null : (flags.store as string | undefined),
        columns,
        delimiter: flags.delimiter as string | undefined,
        encoding: flags.encoding as string | undefined,
        skipRows: flags.skipRows as number | undefined,
        dateOrder: flags.dateOrder as 'dmy' | 'mdy' | undefined,
        minGroup: flags.minGroup as number | undefined,
        showIds: flags.showIds as boolean | undefined,
        // commander sets redact=true by default for --no-redact; only an explicit flag overrides the file.
        redact: flags.redact === false ? false : undefined,
        json: flags.json as boolean | undefined,
        quiet: flags.quiet as boolean | undefined,
      };
      const config = normalizeRunConfig(mergeSpecs(fileSpec, flagSpec), DEFAULT_MODEL, defaultCacheDir(effects.env));
      const logger = createLogger({ quiet: config.quiet, stream: effects.stderr });
      const { summary, outDir } = await runJob(config, { logger, now: effects.now });
      if (config.json) effects.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      logger.info(`done: open ${outDir}/report.html in a browser`);
    });

  const classify = program
    .command('classify')
    .description('classify one piece of feedback and show the themes, scores and evidence')
    .argument('<text>', 'the feedback text (quote it)');
  addEngineOptions(classify)
    .option('--json', 'print JSON to stdout')
    .action(async (text: string, flags: EngineFlags & { json?: boolean }) => {
      const { config, logger } = engineContext(flags);
      effects.stdout(await classifyCommand(text, config, { logger, json: Boolean(flags.json) }));
    });

  const evaluate = program
    .command('evaluate')
    .description('measure precision, recall and F1 against labelled feedback (columns: text, themes as a|b)')
    .argument('<gold>', 'labelled CSV file');
  addEngineOptions(evaluate)
    .option('--calibrate <file>', 'fit per-theme thresholds on these labels and write them to FILE (use with run --thresholds)')
    .option('--json', 'print JSON to stdout')
    .action(async (gold: string, flags: EngineFlags & { json?: boolean; calibrate?: string }) => {
      const { config, logger } = engineContext(flags);
      effects.stdout(await evaluateCommand(gold, config, { logger, json: Boolean(flags.json), calibrate: flags.calibrate }));
    });

  const taxonomy = program.command('taxonomy').description('check or list the theme taxonomy');
  taxonomy
    .command('validate')
    .description('report every problem in a taxonomy file as path: message')
    .argument('[file]', 'taxonomy YAML (default: the built-in one)')
    .action(async (file?: string) => effects.stdout(await taxonomyValidateCommand(file)));
  taxonomy
    .command('show')
    .description('list the themes, their advice and how many exemplars each has')
    .argument('[file]', 'taxonomy YAML (default: the built-in one)')
    .action(async (file?: string) => effects.stdout(await taxonomyShowCommand(file)));

  const model = program.command('model').description('fetch or inspect sentence-embedding models');
  model
    .command('pull')
    .description('download a model into the cache so scheduled runs can use --offline')
    .argument('[id]', 'model id', DEFAULT_MODEL)
    .option('--cache-dir <dir>', 'where models are kept')
    .addOption(dtypeOption())
    .action(async (id: string, flags: { cacheDir?: string; dtype?: 'fp32' | 'q8' }) => {
      const logger = createLogger({ stream: effects.stderr });
      effects.stdout(await modelPullCommand(id, flags.cacheDir ?? defaultCacheDir(effects.env), flags.dtype ?? 'fp32', logger));
    });
  model
    .command('info')
    .description('show where models are cached and which are there')
    .option('--cache-dir <dir>', 'where models are kept')
    .option('--json', 'print JSON to stdout')
    .action(async (flags: { cacheDir?: string; json?: boolean }) => {
      effects.stdout(await modelInfoCommand(flags.cacheDir ?? defaultCacheDir(effects.env), Boolean(flags.json)));
    });

  return program;
}

/** Runs the CLI and returns the exit code; never calls process.exit so output is flushed. */
export async function main(argv: string[], effects: CliEffects = defaultEffects()): Promise<number> {
  const program = buildProgram(effects);
  try {
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse failure is a usage error (commander printed it).
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const environment = toEnvironmentError(error);
    if (environment) {
      effects.stderr.write(`feedback-themes: ${environment.message}\n`);
      return environment.exitCode;
    }
    if (isCliError(error)) {
      effects.stderr.write(`feedback-themes: ${error.message}\n`);
      return error.exitCode;
    }
    effects.stderr.write(
      `feedback-themes: unexpected error: ${(error as Error)?.stack ?? String(error)}\n` +
        'This is a bug in feedback-themes; please report it with the command you ran.\n',
    );
    return ExitCode.unexpected;
  }
}
