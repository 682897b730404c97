// Options arrive from three places: defaults, an optional config file (YAML or JSON), and flags.
// They are merged as a partial spec and resolved once into fully defaulted options, so no stage
// ever checks for a missing option. What each option is comes from the table in options.ts.

import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { usageError } from './errors.js';
import { readUserText } from './io/user-file.js';
import { emptyTable } from './own.js';
import {
  configKeyOf,
  describeChoices,
  optionEntries,
  optionsFor,
  type CommandName,
  type OptionDef,
  type OptionKey,
  type OptionSpec,
  type OptionsOf,
  type OptionType,
} from './options.js';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from './types.js';

/** Engine options shared by `run`, `classify` and `evaluate`. */
export type EngineConfig = Omit<OptionsOf<'classify'>, 'json'>;

export type RunConfig = Omit<OptionsOf<'run'>, 'config'> & { inputs: string[] };

/** Everything optional: the shape of a config file and of parsed flags. */
export type RunConfigSpec = OptionSpec & { inputs?: string[] };

/** Reads a config file into a spec. Relative paths inside it resolve against the file's folder. */
export async function loadConfigFile(file: string): Promise<OptionSpec> {
  const text = await readUserText(file, { what: 'the config file', hint: 'Check the path given to --config.' });
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
  const byConfigKey = new Map<string, [OptionKey, OptionDef]>();
  for (const [key, def] of optionEntries()) {
    const configKey = configKeyOf(key, def);
    if (configKey) byConfigKey.set(configKey, [key, def]);
  }
  const problems: string[] = [];
  const spec: Record<string, unknown> = {};
  const base = path.dirname(file);
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const option = byConfigKey.get(name);
    if (!option) {
      problems.push(`${name}: unknown option. Allowed: ${[...byConfigKey.keys()].join(', ')}.`);
      continue;
    }
    const parsed = parseConfigValue(option[1].type, value, base);
    if (typeof parsed === 'object' && 'problem' in parsed) problems.push(`${name}: ${parsed.problem}`);
    else spec[option[0]] = parsed.value;
  }
  if (problems.length > 0) {
    throw usageError(problems.map((p) => `${file}: ${p}`).join('\n'));
  }
  return spec as OptionSpec;
}

type Parsed = { value: unknown } | { problem: string };

/** Checks one config-file value against its option's type. */
function parseConfigValue(type: OptionType, value: unknown, base: string): Parsed {
  const relative = (v: string) => (path.isAbsolute(v) ? v : path.join(base, v));
  if (typeof type !== 'string') {
    return typeof value === 'string' && type.includes(value) ? { value } : { problem: `expected ${describeChoices(type)}` };
  }
  switch (type) {
    case 'path':
      return typeof value === 'string' && value !== '' ? { value: relative(value) } : { problem: 'expected a path' };
    case 'model':
      if (typeof value !== 'string' || value === '') return { problem: 'expected a model id or folder' };
      return { value: value.startsWith('.') ? relative(value) : value };
    case 'text':
      return typeof value === 'string' && value !== '' ? { value } : { problem: 'expected text' };
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : { problem: 'expected a whole number' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: 'expected true or false' };
    case 'columns': {
      const mapping = parseColumnMapping(value);
      return typeof mapping === 'string' ? { problem: mapping } : { value: mapping };
    }
    case 'fileColumns': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { problem: 'expected a mapping of file name to columns' };
      const files = emptyTable<ColumnMapping>();
      for (const [name, columns] of Object.entries(value)) {
        const mapping = parseColumnMapping(columns);
        if (typeof mapping === 'string') return { problem: `${name}: ${mapping}` };
        files[name] = mapping;
      }
      return { value: files };
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

const MAPPING_TYPES: readonly OptionType[] = ['columns', 'fileColumns'];

/** Later specs win; mappings (column names) merge key by key. */
export function mergeSpecs(...specs: RunConfigSpec[]): RunConfigSpec {
  const types = new Map<string, OptionType>(optionEntries().map(([key, def]) => [key, def.type]));
  const merged: Record<string, unknown> = {};
  for (const spec of specs) {
    for (const [key, value] of Object.entries(spec)) {
      if (value === undefined) continue;
      const mapping = MAPPING_TYPES.includes(types.get(key)!);
      merged[key] = mapping ? { ...(merged[key] as object | undefined), ...(value as object) } : value;
    }
  }
  return merged as RunConfigSpec;
}

/** A command's options with every default filled in and every minimum checked. */
export function resolveOptions<C extends CommandName>(command: C, spec: OptionSpec, env: NodeJS.ProcessEnv = process.env): OptionsOf<C> {
  const resolved: Record<string, unknown> = {};
  for (const [key, def] of optionsFor(command)) {
    const given = spec[key];
    const value = given !== undefined ? given : typeof def.default === 'function' ? def.default(env) : def.default;
    if (def.min !== undefined && typeof value === 'number' && value < def.min) {
      throw usageError(`${def.flag?.split(' ')[0] ?? key}: expected a whole number of at least ${def.min}, got ${value}`);
    }
    // Options without a default stay absent rather than present and undefined.
    if (value !== undefined) resolved[key] = typeof value === 'object' && value !== null ? { ...value } : value;
  }
  return resolved as OptionsOf<C>;
}

export function resolveEngineConfig(spec: OptionSpec, env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const { json: _json, ...engine } = resolveOptions('classify', spec, env);
  return engine;
}

export function resolveRunConfig(spec: RunConfigSpec, env: NodeJS.ProcessEnv = process.env): RunConfig {
  const inputs = spec.inputs ?? [];
  if (inputs.length === 0) throw usageError('run: give at least one CSV file, e.g. feedback-themes run export.csv');
  const { config: _config, ...options } = resolveOptions('run', spec, env);
  return { ...options, inputs };
}
