// Every option, declared once: its value type (or choices), default, help text, config-file key,
// CLI flag and the commands that take it. This table generates the commander options (cli.ts),
// validates config files (config.ts) and types RunConfig and EngineConfig. Adding an option is
// one entry here plus its use.

import { DEFAULT_MODEL, defaultCacheDir } from './models/catalog.js';
import { defaultStateDir } from './redact/pseudonym.js';
import { ENGINE_CHOICES, MODEL_DTYPES, type ColumnMapping } from './types.js';

export type CommandName = 'run' | 'classify' | 'evaluate' | 'train' | 'taxonomy suggest' | 'model pull' | 'model info' | 'model import';

/**
 * How a value is read and checked:
 * - `path`: a file or folder; relative paths in a config file resolve against the file's folder.
 * - `model`: a hub id, or a local folder (resolved like a path when it starts with `.`).
 * - `text`: any non-empty text. `count`: a whole number (at least `min` when given).
 * - `boolean`: a switch. `columns`: role → column name, one `--<role>-column` flag per role.
 * - `fileColumns`: file name → columns (config file only). A list of strings: one of these choices.
 */
export type OptionType = 'path' | 'model' | 'text' | 'count' | 'boolean' | 'columns' | 'fileColumns' | readonly string[];

export interface OptionDef {
  type: OptionType;
  help: string;
  commands: readonly CommandName[];
  /** The flag with its value placeholder (`--out <dir>`); absent: config file only. */
  flag?: string;
  /** The key in a config file; false: flags only. Absent: the option's own key. */
  configKey?: string | false;
  /** Absent: the option stays undefined unless given. A function: computed from the environment. */
  default?: string | number | boolean | Record<string, never> | ((env: NodeJS.ProcessEnv) => string);
  /** Smallest value accepted (counts only). */
  min?: number;
  /** A `--no-…` flag that turns the option off (its value becomes null). */
  negate?: { flag: string; help: string };
}

const ENGINE_COMMANDS = ['run', 'classify', 'evaluate', 'taxonomy suggest'] as const;
/** What computes the scores a theme head is fitted on: the engine commands' model options, and `train`. */
const MODEL_COMMANDS = [...ENGINE_COMMANDS, 'train'] as const;
/** Commands that read exports the way `run` does. */
const INPUT_COMMANDS = ['run', 'taxonomy suggest'] as const;

export const OPTIONS = {
  out: { type: 'path', flag: '--out <dir>', default: './feedback-report', help: 'output folder', commands: ['run'] },
  suggestOut: {
    type: 'path',
    flag: '--out <file>',
    configKey: false,
    commands: ['taxonomy suggest'],
    help: 'write the suggested taxonomy YAML here (default: print it)',
  },
  config: {
    type: 'path',
    flag: '--config <file>',
    configKey: false,
    commands: INPUT_COMMANDS,
    help: 'YAML/JSON file with any of these options (flags win)',
  },
  store: {
    type: 'path',
    flag: '--store <file>',
    default: './feedback-themes.duckdb',
    commands: ['run'],
    help: 'DuckDB file for run history and the embedding cache',
    negate: { flag: '--no-store', help: 'keep no history and no cache' },
  },
  engine: {
    type: ENGINE_CHOICES,
    flag: '--engine <engine>',
    default: 'auto',
    commands: MODEL_COMMANDS,
    help: 'auto: hybrid when the model loads, else lexical; hybrid: the model and lexical evidence together; transformers: the model alone',
  },
  model: {
    type: 'model',
    flag: '--model <id|dir>',
    default: DEFAULT_MODEL,
    commands: MODEL_COMMANDS,
    help: 'model id or local model folder',
  },
  offline: {
    type: 'boolean',
    flag: '--offline',
    default: false,
    commands: MODEL_COMMANDS,
    help: 'never touch the network; use only cached or local models',
  },
  cacheDir: {
    type: 'path',
    flag: '--cache-dir <dir>',
    default: defaultCacheDir,
    commands: [...MODEL_COMMANDS, 'model pull', 'model info', 'model import'],
    help: 'where downloaded models are kept',
  },
  stateDir: {
    type: 'path',
    flag: '--state-dir <dir>',
    default: defaultStateDir,
    commands: ['run'],
    help: 'where the pseudonym secret is kept when there is no store (with a store it sits beside it)',
  },
  dtype: {
    // q8 scores within 0.01 micro-F1 of fp32 on the development sets and embeds about twice as fast.
    type: MODEL_DTYPES,
    flag: '--dtype <dtype>',
    // Absent: q8 when the model has it, else fp32 with a note (a folder may hold only onnx/model.onnx).
    commands: [...MODEL_COMMANDS, 'model pull'],
    help: 'model weights: q8 (onnx/model_quantized.onnx) or fp32 (onnx/model.onnx); default q8, or fp32 for a model that has only that',
  },
  importOut: {
    type: 'path',
    flag: '--out <dir>',
    configKey: false,
    commands: ['model import'],
    help: 'write the model folder here instead of the model cache',
  },
  importName: {
    type: 'text',
    flag: '--name <id>',
    configKey: false,
    commands: ['model import'],
    help: 'register it in the cache under this model id (default: recognised from the checkpoint)',
  },
  // No default here: the transformers embedder's measured batch size applies (MODEL_BATCH_SIZE).
  batchSize: { type: 'count', flag: '--batch-size <n>', commands: MODEL_COMMANDS, help: 'texts per model batch' },
  taxonomy: { type: 'path', flag: '--taxonomy <file>', commands: MODEL_COMMANDS, help: 'theme taxonomy YAML (default: the built-in one)' },
  head: {
    type: 'path',
    flag: '--head <file>',
    commands: ENGINE_COMMANDS,
    help: 'theme head written by `train` (default: the built-in one, for the default engine, model and taxonomy)',
    negate: { flag: '--no-head', help: 'assign themes by similarity thresholds alone, without a theme head' },
  },
  headOut: {
    type: 'path',
    flag: '--out <file>',
    configKey: false,
    default: './feedback-themes-head.json',
    commands: ['train'],
    help: 'where to write the fitted head (use it with run/evaluate --head FILE)',
  },
  thresholds: {
    type: 'path',
    flag: '--thresholds <file>',
    commands: ENGINE_COMMANDS,
    help: 'per-theme thresholds written by `evaluate --calibrate`',
  },
  corrections: {
    type: 'path',
    flag: '--corrections <file>',
    commands: ENGINE_COMMANDS,
    help: 'CSV of text,themes (or id,themes with the ids of items.csv): corrected items the classifier learns from',
  },
  calibrate: {
    type: 'path',
    flag: '--calibrate <file>',
    configKey: false,
    commands: ['evaluate'],
    help: 'fit per-theme thresholds on these labels and write them to FILE (use with run --thresholds)',
  },
  columns: { type: 'columns', default: {}, commands: INPUT_COMMANDS, help: 'column holding the {role} (auto-detected when absent)' },
  fileColumns: {
    type: 'fileColumns',
    configKey: 'files',
    default: {},
    commands: INPUT_COMMANDS,
    help: 'per-file column names, by file name or path',
  },
  delimiter: {
    type: 'text',
    flag: '--delimiter <c>',
    commands: INPUT_COMMANDS,
    help: 'field delimiter: , ; tab | (auto-detected when absent)',
  },
  encoding: {
    type: 'text',
    flag: '--encoding <e>',
    commands: INPUT_COMMANDS,
    help: 'file encoding, e.g. utf-8, utf-16le, windows-1252 (auto-detected when absent)',
  },
  skipRows: {
    type: 'count',
    flag: '--skip-rows <n>',
    commands: INPUT_COMMANDS,
    help: 'rows above the header to skip (survey exports are detected)',
  },
  sheet: { type: 'text', flag: '--sheet <name>', commands: ['run'], help: 'sheet to read from .xlsx workbooks (default: the first)' },
  dateOrder: {
    type: ['dmy', 'mdy'],
    flag: '--date-order <order>',
    commands: INPUT_COMMANDS,
    help: "how to read 03/04/2026: day first (dmy) or month first (mdy) (default: what the file's dates prove, else dmy)",
  },
  maxTextChars: { type: 'count', default: 20_000, commands: INPUT_COMMANDS, help: 'longest feedback text read, in characters' },
  minGroup: {
    type: 'count',
    flag: '--min-group <n>',
    default: 5,
    min: 1,
    commands: ['run'],
    help: 'hide breakdown groups with fewer candidates than this',
  },
  keep: {
    type: 'count',
    flag: '--keep <n>',
    default: 12,
    min: 1,
    commands: ['run'],
    help: 'runs kept in DIR/runs/, one dated folder each, the newest shown (12: a year of monthly runs)',
  },
  showIds: {
    type: 'boolean',
    flag: '--show-ids',
    default: false,
    commands: ['run'],
    help: 'show real candidate ids in report.html, items.csv and summary.json instead of references',
  },
  since: {
    type: 'text',
    flag: '--since <run>',
    commands: ['run'],
    help: 'compare with this stored run (its id), or with the last run on or before this date (YYYY-MM-DD)',
  },
  digests: {
    type: 'boolean',
    flag: '--digests',
    default: false,
    commands: ['run'],
    help: 'also write candidates/*.html: one page per student with two or more rejections',
  },
  redact: {
    type: 'boolean',
    flag: '--no-redact',
    default: true,
    commands: [...INPUT_COMMANDS, 'evaluate', 'train'],
    help: 'keep emails, phone numbers and names (and real candidate ids) in the outputs; evaluate and train then classify labelled text as given, not redacted as a run reads it',
  },
  json: {
    type: 'boolean',
    flag: '--json',
    configKey: false,
    default: false,
    commands: ['run', 'classify', 'evaluate', 'model info'],
    help: 'print JSON to stdout',
  },
  quiet: {
    type: 'boolean',
    flag: '--quiet',
    configKey: false,
    default: false,
    commands: INPUT_COMMANDS,
    help: 'print only warnings and errors',
  },
} as const satisfies Record<string, OptionDef>;

export type OptionKey = keyof typeof OPTIONS;
type Options = typeof OPTIONS;

type ValueOf<T> = T extends 'path' | 'model' | 'text'
  ? string
  : T extends 'count'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'columns'
        ? ColumnMapping
        : T extends 'fileColumns'
          ? Record<string, ColumnMapping>
          : T extends readonly (infer C)[]
            ? C
            : never;

/** An option's value: its type, or null when its `--no-…` flag was given. */
export type OptionValue<K extends OptionKey> = ValueOf<Options[K]['type']> | (Options[K] extends { negate: object } ? null : never);

type KeysFor<C extends CommandName> = { [K in OptionKey]: C extends Options[K]['commands'][number] ? K : never }[OptionKey];
type WithDefault<K extends OptionKey> = K extends unknown ? (Options[K] extends { default: unknown } ? K : never) : never;

/** The resolved options of a command: every option with a default is set. */
export type OptionsOf<C extends CommandName> = { [K in WithDefault<KeysFor<C>>]: OptionValue<K> } & {
  [K in Exclude<KeysFor<C>, WithDefault<KeysFor<C>>>]?: OptionValue<K>;
};

/** Any options, each optional: what a config file or the given flags hold. */
export type OptionSpec = { [K in OptionKey]?: OptionValue<K> };

/** The table's entries as a plain list, in table order. */
export function optionEntries(): [OptionKey, OptionDef][] {
  return Object.entries(OPTIONS) as [OptionKey, OptionDef][];
}

export function optionsFor(command: CommandName): [OptionKey, OptionDef][] {
  return optionEntries().filter(([, def]) => def.commands.includes(command));
}

/** The key an option has in config files, or null when it has none. */
export function configKeyOf(key: OptionKey, def: OptionDef): string | null {
  return def.configKey === false ? null : (def.configKey ?? key);
}

/** Text for a help line or an error: `expected auto, transformers or lexical`. */
export function describeChoices(choices: readonly string[]): string {
  return choices.length === 1 ? choices[0]! : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}
