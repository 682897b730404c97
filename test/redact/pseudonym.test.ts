// The pseudonym secret is state kept with the store: references survive a deleted model cache,
// an older key in the cache is carried over, and a lost or damaged secret stops the run (exit 2)
// rather than silently giving every student a new reference.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStateDir, secretPath } from '../../src/redact/pseudonym.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
let input: string;

const HEADER = 'Student number,Employer,Stage,Feedback';
const ROWS = [
  '24004478,Acme,Interview,Your answers lacked specific examples.',
  '24004478,Globex,Interview,You gave few specific examples of your own work.',
  '24009001,Initech,CV screening,Your CV was not tailored to the role.',
  '24009001,Umbrella,CV screening,Your CV did not match the job description.',
  '24007777,Hooli,Online test,Your numerical test score was below the cut-off.',
];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-secret-'));
  input = path.join(work, 'export.csv');
  await writeFile(input, `${[HEADER, ...ROWS].join('\n')}\n`);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function run(name: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const out = path.join(work, name);
  const result = await runCli(['run', input, '--out', out, '--engine', 'lexical', '--digests', ...extra], {
    FEEDBACK_THEMES_CACHE: path.join(work, 'cache'),
    ...env,
  });
  return { ...result, out };
}

/** Real id → reference, as the private list pairs them. */
async function references(out: string): Promise<Map<string, string>> {
  const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
  return new Map(rows.map((row) => [row.candidate, row.pseudonym]));
}

describe('the pseudonym secret', () => {
  it('lives beside the store, so deleting the model cache changes no reference', async () => {
    const store = path.join(work, 'history.duckdb');
    const first = await run('first', ['--store', store]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(`${store}.key`)).toBe(true);
    expect(existsSync(path.join(work, 'cache', 'pseudonym.key'))).toBe(false);
    const before = await references(first.out);
    expect(before.size).toBe(2);
    await rm(path.join(work, 'cache'), { recursive: true, force: true });
    const second = await run('second', ['--store', store]);
    expect(second.code, second.stderr).toBe(0);
    expect(await references(second.out)).toEqual(before);
  });

  it('is kept in the state folder without a store', async () => {
    const state = path.join(work, 'state');
    const result = await run('stateless', ['--no-store', '--state-dir', state]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(state, 'pseudonym.key'))).toBe(true);
    expect(secretPath(null, state)).toBe(path.join(state, 'pseudonym.key'));
    expect(defaultStateDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/u' })).toBe(path.join('/x/state', 'feedback-themes'));
    expect(defaultStateDir({ XDG_STATE_HOME: 'relative', HOME: '/home/u' })).toBe(
      path.join('/home/u', '.local', 'state', 'feedback-themes'),
    );
  });

  it('is copied from the model cache, where older versions kept it, keeping every reference', async () => {
    const cache = path.join(work, 'old-cache');
    await mkdir(cache, { recursive: true });
    const key = `${'ab'.repeat(32)}\n`;
    await writeFile(path.join(cache, 'pseudonym.key'), key);
    const store = path.join(work, 'migrated.duckdb');
    const migrated = await run('migrated', ['--store', store], { FEEDBACK_THEMES_CACHE: cache });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(await readFile(`${store}.key`, 'utf8')).toBe(key);
    // The same secret given directly yields the same references.
    const direct = path.join(work, 'direct.duckdb');
    await writeFile(`${direct}.key`, key);
    const again = await run('direct', ['--store', direct]);
    expect(await references(again.out)).toEqual(await references(migrated.out));
  });

  it('stops with exit 2 naming the path when it is missing next to a store with history, and creates none', async () => {
    const store = path.join(work, 'lost.duckdb');
    expect((await run('lost-1', ['--store', store])).code).toBe(0);
    await rm(`${store}.key`);
    const result = await run('lost-2', ['--store', store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${store}.key`);
    expect(result.stderr).toMatch(/missing.*Restore .* from a backup, or give a new --store/s);
    expect(existsSync(`${store}.key`)).toBe(false);
  });

  it.each([
    ['empty', '', /is empty/],
    ['of the wrong length', 'abcdef\n', /holds 6 characters; expected 64 hex digits/],
  ])('stops with exit 2 naming the path when it is %s, and leaves it as it was', async (name, content, message) => {
    const store = path.join(work, `${name.replace(/\W/g, '-')}.duckdb`);
    await writeFile(`${store}.key`, content);
    const result = await run(`bad-${name.replace(/\W/g, '-')}`, ['--store', store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${store}.key`);
    expect(result.stderr).toMatch(message);
    expect(await readFile(`${store}.key`, 'utf8')).toBe(content);
  });

  it('stops with exit 2 naming the path when it cannot be read', async () => {
    const store = path.join(work, 'unreadable.duckdb');
    await mkdir(`${store}.key`); // a folder where the file should be: unreadable even for root
    const result = await run('unreadable', ['--store', store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${store}.key: cannot read the pseudonym secret (EISDIR)`);
  });
});
