// Options arrive from three places: defaults, an optional config file (YAML or JSON), and flags.
// They are merged as a partial spec and normalised once into a fully defaulted `RunConfig`, so no
// stage ever checks for a missing option.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { usageError } from './errors.js';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole, type EngineChoice } from './types.js';
import { emptyTable } from './own.js';

export type Dtype = 'fp32' | 'q8';

/** Engine options shared by `run`, `classify` and `evaluate`. */
export interface EngineConfig {
  engine: EngineChoice;
  model: string;
  offline: boolean;
  cacheDir: string;
  dtype: Dtype;
  batchSize?: number;
  taxonomy?: string;
  thresholds?: string;
}

export interface RunConfig extends EngineConfig {
  inputs: string[];
  out: string;
  /** null: no store (`--no-store`). */
  store: string | null;
  columns: ColumnMapping;
  fileColumns: Record<string, ColumnMapping>;
  delimiter?: string;
  encoding?: string;
  skipRows?: number;
  dateOrder: 'dmy' | 'mdy';
  maxTextChars: number;
  minGroup: number;
  redact: boolean;
  showIds: boolean;
  json: boolean;
  quiet: boolean;
}

/** Everything optional: the shape of a config file and of parsed flags. */
export type RunConfigSpec = Partial<Omit<RunConfig, 'columns' | 'fileColumns'>> & {
  columns?: ColumnMapping;
  fileColumns?: Record<string, ColumnMapping>;
};

export const DEFAULTS = {
  out: './feedback-report',
  store: './feedback-themes.duckdb',
  engine: 'auto' as EngineChoice,
  dtype: 'fp32' as Dtype,
  minGroup: 5,
  maxTextChars: 20_000,
  dateOrder: 'dmy' as const,
};

const CONFIG_KEYS = [
  'out', 'store', 'engine', 'model', 'offline', 'cacheDir', 'dtype', 'batchSize', 'taxonomy', 'thresholds',
  'columns', 'files', 'delimiter', 'encoding', 'skipRows', 'dateOrder', 'maxTextChars', 'minGroup', 'redact',
  'showIds',
] as const;

/** Reads a config file into a spec. Relative paths inside it resolve against the file's folder. */
export async function loadConfigFile(file: string): Promise<RunConfigSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw usageError(`${file}: cannot read the config file. Check the path given to --config.`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw usageError(`${file}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw usageError(`${file}: the config file must be a mapping of option: value.`);
  }
  const problems: string[] = [];
  const spec: RunConfigSpec = {};
  const base = path.dirname(file);
  const record = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      problems.push(`${key}: unknown option. Allowed: ${CONFIG_KEYS.join(', ')}.`);
      continue;
    }
    const problem = applyConfigValue(spec, key as (typeof CONFIG_KEYS)[number], value, base);
    if (problem) problems.push(`${key}: ${problem}`);
  }
  if (problems.length > 0) {
    throw usageError(problems.map((p) => `${file}: ${p}`).join('\n'));
  }
  return spec;
}

function applyConfigValue(spec: RunConfigSpec, key: (typeof CONFIG_KEYS)[number], value: unknown, base: string): string | null {
  const relative = (v: string) => (path.isAbsolute(v) ? v : path.join(base, v));
  switch (key) {
    case 'out': case 'store': case 'taxonomy': case 'thresholds': case 'cacheDir':
      if (typeof value !== 'string' || value === '') return 'expected a path';
      spec[key] = relative(value);
      return null;
    case 'model':
      if (typeof value !== 'string' || value === '') return 'expected a model id or folder';
      spec.model = value.startsWith('.') ? relative(value) : value;
      return null;
    case 'engine':
      if (value !== 'auto' && value !== 'transformers' && value !== 'lexical') return 'expected auto, transformers or lexical';
      spec.engine = value;
      return null;
    case 'dtype':
      if (value !== 'fp32' && value !== 'q8') return 'expected fp32 or q8';
      spec.dtype = value;
      return null;
    case 'dateOrder':
      if (value !== 'dmy' && value !== 'mdy') return 'expected dmy or mdy';
      spec.dateOrder = value;
      return null;
    case 'offline': case 'redact': case 'showIds':
      if (typeof value !== 'boolean') return 'expected true or false';
      spec[key] = value;
      return null;
    case 'batchSize': case 'minGroup': case 'maxTextChars': case 'skipRows':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 'expected a whole number';
      spec[key] = value;
      return null;
    case 'delimiter': case 'encoding':
      if (typeof value !== 'string' || value === '') return 'expected text';
      spec[key] = value;
      return null;
    case 'columns': {
      const mapping = parseColumnMapping(value);
      if (typeof mapping === 'string') return mapping;
      spec.columns = mapping;
      return null;
    }
    case 'files': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a mapping of file name to columns';
      const files = emptyTable<ColumnMapping>();
      for (const [name, columns] of Object.entries(value)) {
        const mapping = parseColumnMapping(columns);
        if (typeof mapping === 'string') return `${name}: ${mapping}`;
        files[name] = mapping;
      }
      spec.fileColumns = files;
      return null;
    }
  }
}

function parseColumnMapping(value: unknown): ColumnMapping | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `expected a mapping of ${COLUMN_ROLES.join('/')} to column names`;
  }
  const mapping: ColumnMapping = {};
  for (const [role, name] of Object.entries(value)) {
    if (!(COLUMN_ROLES as readonly string[]).includes(role)) {
      return `unknown column role "${role}". Allowed: ${COLUMN_ROLES.join(', ')}`;
    }
    if (typeof name !== 'string' || name === '') return `${role}: expected a column name`;
    mapping[role as ColumnRole] = name;
  }
  return mapping;
}

/** Later specs win; column mappings merge role by role. */
export function mergeSpecs(...specs: RunConfigSpec[]): RunConfigSpec {
  const merged: RunConfigSpec = {};
  for (const spec of specs) {
    for (const [key, value] of Object.entries(spec)) {
      if (value === undefined) continue;
      if (key === 'columns') merged.columns = { ...merged.columns, ...(value as ColumnMapping) };
      else if (key === 'fileColumns') merged.fileColumns = { ...merged.fileColumns, ...(value as Record<string, ColumnMapping>) };
      else (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

export function normalizeEngineConfig(spec: Partial<EngineConfig>, defaultModel: string, defaultCacheDir: string): EngineConfig {
  return {
    engine: spec.engine ?? DEFAULTS.engine,
    model: spec.model ?? defaultModel,
    offline: spec.offline ?? false,
    cacheDir: spec.cacheDir ?? defaultCacheDir,
    dtype: spec.dtype ?? DEFAULTS.dtype,
    batchSize: spec.batchSize,
    taxonomy: spec.taxonomy,
    thresholds: spec.thresholds,
  };
}

export function normalizeRunConfig(spec: RunConfigSpec, defaultModel: string, defaultCacheDir: string): RunConfig {
  const inputs = spec.inputs ?? [];
  if (inputs.length === 0) throw usageError('run: give at least one CSV file, e.g. feedback-themes run export.csv');
  const minGroup = spec.minGroup ?? DEFAULTS.minGroup;
  if (minGroup < 1) throw usageError(`--min-group: expected a whole number of at least 1, got ${minGroup}`);
  return {
    ...normalizeEngineConfig(spec, defaultModel, defaultCacheDir),
    inputs,
    out: spec.out ?? DEFAULTS.out,
    store: spec.store === undefined ? DEFAULTS.store : spec.store,
    columns: spec.columns ?? {},
    fileColumns: spec.fileColumns ?? {},
    delimiter: spec.delimiter,
    encoding: spec.encoding,
    skipRows: spec.skipRows,
    dateOrder: spec.dateOrder ?? DEFAULTS.dateOrder,
    maxTextChars: spec.maxTextChars ?? DEFAULTS.maxTextChars,
    minGroup,
    redact: spec.redact ?? true,
    showIds: spec.showIds ?? false,
    json: spec.json ?? false,
    quiet: spec.quiet ?? false,
  };
}
