import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES_PATH, parseRolesFile, resolveClauseRoles, type RolesFile } from '../../../src/classify/roles/file.js';
import { CLAUSE_ROLES } from '../../../src/classify/roles/model.js';
import { hashText } from '../../../src/hash.js';
import { createMemoryLogger } from '../../../src/logger.js';

const shipped = readFileSync(DEFAULT_ROLES_PATH, 'utf8');

// Labelled clauses appended to clause-roles.csv after the shipped reader was last fitted, from this id on:
// fitted on once the reader is refitted (then set to null), not before. The digest is of the file as fitted.
const FIRST_CLAUSE_NOT_YET_FITTED: string | null = 'clause-3789';

function asFitted(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (file !== 'data/eval/clause-roles.csv' || FIRST_CLAUSE_NOT_YET_FITTED === null) return text;
  const start = text.indexOf(`\n${FIRST_CLAUSE_NOT_YET_FITTED},`);
  if (start === -1) throw new Error(`${file} has no ${FIRST_CLAUSE_NOT_YET_FITTED}: set FIRST_CLAUSE_NOT_YET_FITTED to null`);
  return text.slice(0, start + 1);
}

describe('the built-in clause-role reader', () => {
  it('is a valid file, fitted on the labelled clauses as they are now (refit it after editing them)', () => {
    const file = parseRolesFile(shipped, DEFAULT_ROLES_PATH);
    expect(file.fitted.files[0]).toBe('data/eval/clause-roles.csv');
    expect(file.fitted.files.some((f) => f.includes('test'))).toBe(false);
    expect(file.fitted.digest).toBe(hashText(file.fitted.files.map(asFitted).join('\0')).slice(0, 16));
    expect(file.roles.map((r) => r.id)).toEqual([...CLAUSE_ROLES]);
    expect(file.model.weights.length).toBeGreaterThan(0);
  });
});

describe('parseRolesFile', () => {
  const valid = JSON.parse(shipped) as RolesFile;
  const refused = (value: unknown) => () => parseRolesFile(typeof value === 'string' ? value : JSON.stringify(value), 'roles.json');

  it('refuses a damaged or foreign file with exit code 2, naming it and how to refit', () => {
    expect(refused('{"format": "feedback-themes-clause-roles"')).toThrow(
      /roles\.json: not a usable clause-role file: it is not valid JSON.*scripts\/fit-clause-roles\.ts/,
    );
    let exitCode: number | undefined;
    try {
      refused('[]')();
    } catch (error) {
      exitCode = (error as { exitCode: number }).exitCode;
    }
    expect(exitCode).toBe(2);
    expect(refused([])).toThrow(/"format" is not "feedback-themes-clause-roles"/);
    expect(refused({ ...valid, version: 2 })).toThrow(/version 2 is not 1/);
    expect(refused({ ...valid, signals: valid.signals.slice(1) })).toThrow(/word signals are not the ones this version computes/);
    expect(refused({ ...valid, dims: valid.dims + 1 })).toThrow(/"standardise" is not one mean/);
    expect(refused({ ...valid, roles: valid.roles.slice(1) })).toThrow(/"roles" does not hold one model per role/);
    const truncated = valid.roles.map((r, i) => (i === 2 ? { ...r, weights: r.weights.slice(3) } : r));
    expect(refused({ ...valid, roles: truncated })).toThrow(/the model of role "rule_out" is incomplete/);
    expect(refused({ ...valid, confidentAt: 1.5 })).toThrow(/"confidentAt" is not a probability/);
    expect(refused({ ...valid, model: { name: 'x', weights: [] } })).toThrow(/which model weights/);
  });
});

describe('resolveClauseRoles', () => {
  const valid = JSON.parse(shipped) as RolesFile;

  it('reads for the sentence model it was fitted with, and steps aside for the lexical engine and other models', async () => {
    const logger = createMemoryLogger();
    expect(await resolveClauseRoles(valid.model.weights[0], logger)).not.toBeNull();
    expect(await resolveClauseRoles(undefined, logger)).toBeNull();
    expect(logger.lines).toEqual([]);
    expect(await resolveClauseRoles('another-model-digest', logger)).toBeNull();
    expect(logger.lines.join('\n')).toMatch(/clause-role reader is not used: it was fitted for all-MiniLM-L6-v2/);
  });

  it('refuses a missing file (exit 2) rather than reading without it', async () => {
    await expect(resolveClauseRoles('x', createMemoryLogger(), '/nonexistent/roles.json')).rejects.toMatchObject({ exitCode: 2 });
  });
});
