// The privacy rule end to end: no email, phone number or name from a name column reaches any
// output, the logs or the store, whichever column it came from; pseudonyms are stable across runs.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SECRETS = [/\bjane\b/i, /\bdoe\b/i, /\bamir\b/i, /\bkhan\b/i, /@/, /07700/, /7946/, /555/, /0199/];

let work: string;
let input: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(args, { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') });
}

async function storeText(file: string): Promise<string> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const parts: string[] = [];
  for (const table of ['runs', 'run_inputs', 'items', 'assignments']) {
    parts.push(
      JSON.stringify((await connection.runAndReadAll(`SELECT * FROM ${table}`)).getRowsJS(), (_, v) =>
        typeof v === 'bigint' ? String(v) : v,
      ),
    );
  }
  connection.closeSync();
  instance.closeSync();
  return parts.join('\n');
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-privacy-'));
  input = path.join(work, 'careers-platform.csv');
  const long = 'Your answers lacked examples. '.repeat(20);
  await writeFile(
    input,
    `${[
      'Email,Candidate Name,Cohort,Employer,Job Title,Stage,Feedback',
      `jane.doe@example.com,Jane Doe,BSc (jane.doe@example.com),Acme 07700 900123,Analyst +1 212 555 0147,Interview,"Jane's answers were rambling. Call 07700 900123 07700 900124 or 1-800-555-0199."`,
      `amir.khan@example.org,Amir Khan,MSc,Globex,Engineer,Online test,"Amir, you could not explain what a constructor does; see +44 20 7946 0958 12345."`,
      `jane.doe@example.com,Jane Doe,BSc,Initech,Analyst,Assessment centre,"Ms Doe did not research the firm; mob07700900123."`,
      `amir.khan@example.org,Amir Khan,MSc,Globex,Engineer,Interview,"${long} Reach Amir on amir.khan.long.address@example.org or +44 20 7946 0958",extra field`,
    ].join('\n')}\n`,
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('privacy across every output, the logs and the store', () => {
  it('lets no email, phone number or name out, and keys people by a stable pseudonym', async () => {
    const out = path.join(work, 'out');
    const store = path.join(work, 'history.duckdb');
    const args = ['run', input, '--out', out, '--store', store, '--engine', 'lexical', '--min-group', '1', '--show-ids', '--json'];
    const first = await cli(args);
    expect(first.stderr).not.toMatch(/unexpected error/);
    expect(first.code).toBe(0);
    // followup.csv is the one output meant to name people (the adviser's private list).
    // The outputs shown (links through `current`), not the run folders behind them.
    const all = (await readdir(out)).filter((name) => name !== 'current' && name !== 'runs').sort();
    expect(all).toEqual(['followup.csv', 'items.csv', 'rejects.csv', 'report.html', 'segments.csv', 'summary.json']);
    const files = all.filter((name) => name !== 'followup.csv');
    const texts = await Promise.all(files.map((f) => readFile(path.join(out, f), 'utf8')));
    // The report's bundled code and styles are not data; its data and markup are.
    texts[2] = texts[2].replace(/<script(?![^>]*application\/json)[^>]*>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
    const everything = [...texts, first.stdout, first.stderr, await storeText(store)];
    for (const secret of SECRETS) for (const text of everything) expect(text).not.toMatch(secret);

    const items = texts[0];
    const keys = [...items.matchAll(/p-[0-9a-f]{12}/g)].map((m) => m[0]);
    expect(new Set(keys).size).toBe(2); // Jane twice, Amir once (his second row is rejected)
    expect(texts[1]).toMatch(/\[email\]/); // rejects.csv: redacted before cut

    const second = await cli([...args.slice(0, 3), path.join(work, 'out2'), ...args.slice(4)]);
    expect(second.code).toBe(0);
    const again = await readFile(path.join(work, 'out2', 'items.csv'), 'utf8');
    expect([...again.matchAll(/p-[0-9a-f]{12}/g)].map((m) => m[0])).toEqual(keys);
  });

  it('lets no name out of a careers log writing each student as "Surname, First (ID)", in any script', async () => {
    const log = path.resolve('test/fixtures/exports/careers-log-name-and-id.csv');
    const out = path.join(work, 'out-log');
    const store = path.join(work, 'log.duckdb');
    const run = await cli(['run', log, '--out', out, '--store', store, '--engine', 'lexical', '--digests', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const pages = (await readdir(path.join(out, 'candidates'))).map((page) => path.join('candidates', page));
    expect(pages.length).toBe(6);
    const shown = ['items.csv', 'segments.csv', 'rejects.csv', 'summary.json', 'report.html', ...pages];
    const texts = await Promise.all(shown.map((f) => readFile(path.join(out, f), 'utf8')));
    const markup = (text: string) =>
      text.replace(/<script(?![^>]*application\/json)[^>]*>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
    const everything = [...texts.map(markup), run.stdout, run.stderr, await storeText(store)];
    const names = [
      /Okafor/,
      /Chidi/,
      /Nguyen/,
      /Thi Lan/,
      /محمد/,
      /العلي/,
      /王小明/,
      /Smith/,
      /\bJo\b/,
      /Brown/,
      /\bSam\b/,
      /900123/,
      /123 456/,
    ];
    for (const name of names)
      for (const [i, text] of everything.entries()) expect(text, `${name} in ${shown[i] ?? 'logs or store'}`).not.toMatch(name);
    // The adviser's list has each student once by number, with the name beside it.
    const followUp = await readFile(path.join(out, 'followup.csv'), 'utf8');
    expect(followUp).toMatch(/^S1004,[^\n]*,王小明,/m);
  });

  it('lets no name or address out of a column header: a notes column named for its author, a column per student', async () => {
    const ats = path.resolve('test/fixtures/exports/ats-headers-naming-people.csv');
    const pivoted = path.join(work, 'pivoted.csv');
    // A tracker kept a column per student: the adviser reads one with --text-column.
    await writeFile(
      pivoted,
      'Employer,Chidi Okafor,Sam Lee\nAcme,Your answers sounded rehearsed.,Your CV was not tailored.\nGlobex,You rambled on several questions.,Your CV had spelling errors.\n',
    );
    const runs = [
      { input: ats, extra: ['--text-column', 'Recruiter notes - Priya Raman'] },
      { input: ats, extra: [] },
      { input: pivoted, extra: ['--text-column', 'Chidi Okafor'] },
    ];
    for (const [n, { input: file, extra }] of runs.entries()) {
      const out = path.join(work, `out-headers-${n}`);
      const store = path.join(work, `headers-${n}.duckdb`);
      const run = await cli(['run', file, '--out', out, '--store', store, '--engine', 'lexical', '--json', ...extra]);
      expect(run.code, run.stderr).toBe(0);
      const shown = ['items.csv', 'segments.csv', 'summary.json', 'report.html'];
      const texts = await Promise.all(shown.map((f) => readFile(path.join(out, f), 'utf8')));
      const markup = (text: string) =>
        text.replace(/<script(?![^>]*application\/json)[^>]*>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
      const everything = [...texts.map(markup), run.stdout, run.stderr, await storeText(store)];
      for (const name of [/Priya/, /Raman/, /Chidi/, /Okafor/, /Sam Lee/, /@/])
        for (const [i, text] of everything.entries())
          expect(text, `${name} in ${shown[i] ?? 'logs or store'} (run ${n})`).not.toMatch(name);
    }
  });

  it('keeps everything as written with --no-redact', async () => {
    const out = path.join(work, 'raw');
    const result = await cli(['run', input, '--out', out, '--no-store', '--engine', 'lexical', '--no-redact']);
    expect(result.code).toBe(0);
    const items = await readFile(path.join(out, 'items.csv'), 'utf8');
    expect(items).toMatch(/jane\.doe@example\.com/);
    expect(items).toMatch(/07700 900123 07700 900124/);
  });
});
