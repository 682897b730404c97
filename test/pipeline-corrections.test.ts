// Corrections end to end, the way an adviser makes them: run, copy rows of items.csv into a sheet,
// fix their themes column, save as CSV, and run again with --corrections (or `corrections:` in the
// config file).

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv.js';
import { runCli } from './helpers/run-cli.js';

const SAMPLE = path.resolve('data/sample-feedback.csv');

let work: string;
let first: Record<string, string>[];

const cli = (args: string[]) => runCli(args, { FEEDBACK_THEMES_CACHE: path.join(work, 'no-models') });

async function run(out: string, extra: string[]): Promise<{ code: number; stderr: string; items: Record<string, string>[] }> {
  const result = await cli(['run', SAMPLE, '--engine', 'lexical', '--no-store', '--out', out, ...extra]);
  const items = existsSync(path.join(out, 'items.csv')) ? parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8')) : [];
  return { code: result.code, stderr: result.stderr, items };
}

const themesOf = (rows: Record<string, string>[], id: string) =>
  rows
    .find((row) => row.id === id)!
    .themes.split('|')
    .filter(Boolean)
    .sort();

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-corrections-'));
  const result = await run(path.join(work, 'first'), []);
  expect(result.code, result.stderr).toBe(0);
  first = result.items;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a run with corrections copied from items.csv', () => {
  it('gives the corrected items their corrected themes, and leaves the rest to the classifier', async () => {
    // Three rows the adviser disagrees with, whole rows as copied, themes fixed by hand.
    const themed = first.filter((row) => row.themes !== '' && row.themes !== 'uninformative');
    const [a, b] = themed;
    const c = first.find((row) => row.themes === 'uninformative')!;
    const fixes: Record<string, string>[] = [
      { ...a!, themes: a!.themes === 'conduct' ? 'delivery' : 'conduct' },
      { ...b!, themes: '' },
      { ...c, themes: 'motivation|experience' },
    ];
    const file = path.join(work, 'fixes.csv');
    await writeFile(file, Papa.unparse(fixes, { newline: '\r\n' }));

    const out = path.join(work, 'second');
    const second = await run(out, ['--corrections', file]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/corrections: 3 item\(s\) take their corrected themes/);
    for (const fix of fixes) expect(themesOf(second.items, fix.id!)).toEqual(fix.themes.split('|').filter(Boolean).sort());
    // Everything else was classified as before, bar feedback like the corrected items.
    const unchanged = second.items.filter(
      (row) => !fixes.some((fix) => fix.id === row.id) && row.themes === first.find((f) => f.id === row.id)!.themes,
    );
    expect(unchanged.length).toBeGreaterThan(second.items.length * 0.9);
  });

  it('takes text rows and the config key as well', async () => {
    const row = first.find((r) => r.themes.includes('logistics')) ?? first[0]!;
    const file = path.join(work, 'text-fixes.csv');
    await writeFile(file, Papa.unparse([{ text: row.text, themes: 'competition' }]));
    const config = path.join(work, 'config.yaml');
    await writeFile(config, `corrections: ${JSON.stringify(file)}\n`);
    const result = await run(path.join(work, 'third'), ['--config', config]);
    expect(result.code, result.stderr).toBe(0);
    expect(themesOf(result.items, row.id!)).toEqual(['competition']);
  });

  it('reads a file Excel saved as Windows-1252, and says which text rows match no feedback', async () => {
    const salary = first.find((r) => r.text.includes('£'))!;
    const csv = Papa.unparse(
      [
        { text: salary.text, themes: 'motivation' },
        { text: 'Feedback that is not in this export at all.', themes: 'delivery' },
      ],
      { newline: '\r\n' },
    );
    const file = path.join(work, 'excel-fixes.csv');
    await writeFile(file, iconv.encode(csv, 'windows-1252'));
    const result = await run(path.join(work, 'fourth'), ['--corrections', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(themesOf(result.items, salary.id!)).toEqual(['motivation']);
    expect(result.stderr).toContain(`${file}: 1 text row(s) match no feedback in this run (line 3).`);
  });

  it('lists unknown item ids and theme ids with their lines, exits 2 and writes nothing', async () => {
    const file = path.join(work, 'bad-fixes.csv');
    await writeFile(file, `id,themes\r\n${first[0]!.id},delivery\r\nR9999,delivery\r\n${first[1]!.id},delivry\r\n`);
    const out = path.join(work, 'bad');
    const result = await run(out, ['--corrections', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:4: unknown theme id "delivry"`);
    for (const file of ['report.html', 'items.csv', 'summary.json']) expect(existsSync(path.join(out, file))).toBe(false);

    await writeFile(file, `id,themes\r\n${first[0]!.id},delivery\r\nR9999,delivery\r\nnope,\r\n`);
    const unknown = await run(out, ['--corrections', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`${file}:3: unknown item id "R9999"`);
    expect(unknown.stderr).toContain(`${file}:4: unknown item id "nope"`);
    for (const file of ['report.html', 'items.csv', 'summary.json']) expect(existsSync(path.join(out, file))).toBe(false);
  });
});
