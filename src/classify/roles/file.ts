// The clause-role reader as a file (data/roles/default.json): per role a logistic model over the
// features of model.ts, the standardisation they were fitted with, the probability from which a
// role is trusted, and what it is bound to: the sentence model's weight files (digests) and the
// labelled clauses it was fitted on (digest). It is only ever used with those weights.

import { fileURLToPath } from 'node:url';
import { CliError, ExitCode } from '../../errors.js';
import { parseFormatJson } from '../../io/json.js';
import { readUserText } from '../../io/user-file.js';
import type { Logger } from '../../logger.js';
import { CLAUSE_ROLES, LEXICAL_SIGNALS, type RoleModels } from './model.js';

export const ROLES_FORMAT = 'feedback-themes-clause-roles';
export const ROLES_VERSION = 1;
/** The reader fitted on data/eval/clause-roles.csv for all-MiniLM-L6-v2 (scripts/fit-clause-roles.ts). */
export const DEFAULT_ROLES_PATH: string = fileURLToPath(new URL('../../../data/roles/default.json', import.meta.url));
export const REFIT_ROLES =
  'npx tsx scripts/fit-clause-roles.ts data/eval/clause-roles.csv --reasons data/eval/dev.csv,data/eval/dev2.csv,data/eval/voices-dev.csv,data/eval/voices-dev2.csv --l2 0.03 --trust 0.7 --batches 1033,1488,2188,2788,3388,3788 --out data/roles/default.json';

export interface RolesFile extends RoleModels {
  format: typeof ROLES_FORMAT;
  version: typeof ROLES_VERSION;
  roles: Array<RoleModels['roles'][number] & { id: string }>;
  /** Names of the features after the vector's components (the word signals). */
  signals: string[];
  /** The sentence model it reads vectors of: its name and the digests of its weight files (every dtype). */
  model: { name: string; weights: string[] };
  /** A role read with at least this probability is trusted (chosen by cross-validation). */
  confidentAt: number;
  fitted: {
    /** The labelled clauses, then the theme-labelled sets whose one-sentence reasons were added. */
    files: string[];
    /** Digest of those files, so a changed set is known to need a refit. */
    digest: string;
    clauses: number;
    l2: number;
    folds: number;
    /** When the folds were the batches the clauses were written in: the last clause number of each. */
    batches?: number[];
    crossValidated: { accuracy: number; trustedPrecision: number; trustedShare: number };
  };
}

/** Checks every field a run relies on; a damaged or foreign file is refused with what to do. */
export function parseRolesFile(raw: string, path: string): RolesFile {
  const refuse = (why: string) =>
    new CliError(`${path}: not a usable clause-role file: ${why}. Refit it with \`${REFIT_ROLES}\`.`, ExitCode.usage);
  const file = parseFormatJson(raw, ROLES_FORMAT, refuse) as RolesFile;
  if (file.version !== ROLES_VERSION) throw refuse(`version ${String(file.version)} is not ${ROLES_VERSION}`);
  if (!Number.isInteger(file.dims) || file.dims <= 0) throw refuse('"dims" is not a positive whole number');
  const signals = LEXICAL_SIGNALS.map(([name]) => name);
  if (!Array.isArray(file.signals) || file.signals.join('|') !== signals.join('|'))
    throw refuse('its word signals are not the ones this version computes');
  if (!file.model || typeof file.model.name !== 'string' || !Array.isArray(file.model.weights) || file.model.weights.length === 0)
    throw refuse('"model" does not say which model weights it reads');
  const width = file.dims + signals.length;
  const numbers = (xs: unknown) => Array.isArray(xs) && xs.length === width && xs.every((x) => Number.isFinite(x));
  if (!numbers(file.standardise?.mean) || !numbers(file.standardise?.sd) || file.standardise.sd.some((x) => x <= 0))
    throw refuse('"standardise" is not one mean and one positive spread per feature');
  if (!Array.isArray(file.roles) || file.roles.map((r) => r?.id).join('|') !== CLAUSE_ROLES.join('|'))
    throw refuse(`"roles" does not hold one model per role (${CLAUSE_ROLES.join(', ')}), in order`);
  for (const role of file.roles) {
    if (!numbers(role.weights) || !Number.isFinite(role.bias)) throw refuse(`the model of role "${role.id}" is incomplete or not numeric`);
  }
  if (!(Number.isFinite(file.confidentAt) && file.confidentAt > 0 && file.confidentAt < 1))
    throw refuse('"confidentAt" is not a probability');
  return file;
}

export async function readRolesFile(path: string): Promise<RolesFile> {
  const raw = await readUserText(path, { what: 'the clause-role file', hint: `Refit it with \`${REFIT_ROLES}\`.` });
  return parseRolesFile(raw, path);
}

/**
 * The built-in reader when it reads this sentence model's vectors, else null: the lexical engine
 * and other models keep the word rules alone (an info line says so for another model).
 */
export async function resolveClauseRoles(
  weights: string | undefined,
  logger: Logger,
  path = DEFAULT_ROLES_PATH,
): Promise<RolesFile | null> {
  if (!weights) return null;
  const file = await readRolesFile(path);
  if (file.model.weights.includes(weights)) return file;
  logger.info(
    `the clause-role reader is not used: it was fitted for ${file.model.name}, not this model; rules of reading use word patterns alone`,
  );
  return null;
}

/** The file as the fitter writes it. */
export function serialiseRoles(file: RolesFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
