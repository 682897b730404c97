// End to end on an ATS export where some candidates withdrew or declined: they are not on the
// follow-up list's "ask the employer for a reason" rows, and the data-quality section counts them.

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv.js';
import { runCli } from './helpers/run-cli.js';

const EXPORT = path.resolve('test/fixtures/exports/ats-withdrawals.csv');
const WITHDREW = ['C-2002', 'C-2003', 'C-2004', 'C-2005', 'C-2006', 'C-2010', 'C-2012'];

let work: string;
let out: string;
let stderr = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-withdrawals-'));
  await mkdir(path.join(work, 'no-models'));
  out = path.join(work, 'report');
  const run = await runCli(['run', EXPORT, '--out', out, '--store', path.join(work, 'history.duckdb'), '--engine', 'lexical'], {
    FEEDBACK_THEMES_CACHE: path.join(work, 'no-models'),
  });
  expect(run.code, run.stderr).toBe(0);
  stderr = run.stderr;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('candidates who withdrew or declined', () => {
  it('are never on the follow-up list, while a rejection that gave no reason still is', async () => {
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    const listed = rows.map((row) => row.candidate);
    for (const candidate of WITHDREW) expect(listed).not.toContain(candidate);
    expect(rows.filter((row) => row.kind === 'no-reason').map((row) => row.candidate)).toContain('C-2001');
  });

  it('are listed in rejects.csv and counted in the data-quality section and on stderr', async () => {
    const rejects = parseCsv(await readFile(path.join(out, 'rejects.csv'), 'utf8'));
    expect(rejects.map((row) => row.line)).toEqual(['3', '4', '5', '6', '7', '11', '13']);
    expect(new Set(rejects.map((row) => row.reason))).toEqual(new Set(['the candidate withdrew or declined: not a rejection']));
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.counts).toMatchObject({ dataRows: 12, items: 5, rejectedRows: 7 });
    const page = await readFile(path.join(out, 'report.html'), 'utf8');
    const quality = /<section id="data-quality"[\s\S]*?<\/section>/.exec(page)![0];
    expect(quality).toContain('<th scope="row">the candidate withdrew or declined: not a rejection</th><td>7</td>');
    expect(quality).toContain('7 rows where the candidate withdrew or declined');
    expect(stderr).toMatch(/7 of 12 rows rejected \(.*the candidate withdrew or declined/);
  });
});
