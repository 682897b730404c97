import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCONFIRMED_CHECK } from '../../src/analyse/followup.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { SUGGESTED_ADVICE } from '../../src/taxonomy/suggest.js';
import { feedbackCsv, ORDINARY, SOCIAL_MEDIA } from '../fixtures/discover/feedback.js';
import Papa from 'papaparse';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
let input: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(args, { FEEDBACK_THEMES_CACHE: path.join(work, 'no-models') });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-suggest-'));
  input = path.join(work, 'export.csv');
  await writeFile(input, feedbackCsv([...SOCIAL_MEDIA, ...ORDINARY]));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('emerging themes in a run', () => {
  it('lists them in summary.json and marks their items in items.csv', async () => {
    const out = path.join(work, 'report');
    const result = await cli(['run', input, '--engine', 'lexical', '--no-store', '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.emerging).toHaveLength(1);
    expect(Object.keys(summary.emerging[0])).toEqual(['id', 'label', 'terms', 'items', 'candidates', 'examples']);
    expect(summary.emerging[0]).toMatchObject({ id: 'E1', items: 6, candidates: 6 });
    const rows = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
    const tagged = rows.filter((row) => row.emerging === 'E1').map((row) => row.text);
    expect(tagged.sort()).toEqual([...SOCIAL_MEDIA].sort());
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain('What the taxonomy may be missing');
  });
});

describe('taxonomy suggest', () => {
  it('writes the taxonomy plus a suggested theme that validates and then catches that feedback', async () => {
    const suggested = path.join(work, 'suggested.yaml');
    const result = await cli(['taxonomy', 'suggest', input, '--engine', 'lexical', '--out', suggested]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1 suggested theme/);
    const text = await readFile(suggested, 'utf8');
    // The built-in file's comments survive, and the suggestion says where it came from.
    expect(text).toContain('# Themes of rejection feedback used by feedback-themes.');
    expect(text).toMatch(/# Suggested by feedback-themes from emerging theme E1/);

    const validate = await cli(['taxonomy', 'validate', suggested]);
    expect(validate.code, validate.stderr).toBe(0);
    const taxonomy = await loadTaxonomy(suggested);
    const builtIn = await loadTaxonomy();
    expect(taxonomy.themes.slice(0, builtIn.themes.length)).toEqual(builtIn.themes);
    expect(taxonomy.themes).toHaveLength(builtIn.themes.length + 1);
    const added = taxonomy.themes[builtIn.themes.length]!;
    expect(added.id).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(added.id).toMatch(/social|media|posts/);
    expect(added.actionable).toBe(true);
    for (const example of added.examples) expect(SOCIAL_MEDIA).toContain(example);
    expect(added.cues).toEqual(expect.arrayContaining(['social', 'media']));

    const out = path.join(work, 'with-suggestion');
    const run = await cli(['run', input, '--engine', 'lexical', '--no-store', '--taxonomy', suggested, '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
    const caught = rows.filter((row) => row.themes.split('|').includes(added.id)).map((row) => row.text);
    expect(caught.sort()).toEqual([...SOCIAL_MEDIA].sort());
    // Nothing is left for the taxonomy to miss.
    expect(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')).emerging).toEqual([]);
  });

  it('prints the YAML when there is no --out, unchanged but for the suggestions', async () => {
    const plain = path.join(work, 'plain.csv');
    await writeFile(plain, feedbackCsv(ORDINARY));
    const result = await cli(['taxonomy', 'suggest', plain, '--engine', 'lexical']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/no emerging theme was large enough/);
    expect(result.stdout).toBe(await readFile(new URL('../../data/taxonomy.yaml', import.meta.url), 'utf8'));
  });

  it('used as written, gives a student who hears it twice advice written to them, on their page and the follow-up list', async () => {
    // Three students each told twice about their posts, at interview: each gets a page.
    const rows = [
      ...SOCIAL_MEDIA.map((text, i) => ({ student: `S${100 + (i % 3)}`, stage: 'Interview', employer: `Firm ${i}`, feedback: text })),
      ...ORDINARY.map((text, i) => ({ student: `T${200 + i}`, stage: 'Interview', employer: `Other ${i}`, feedback: text })),
    ];
    const repeated = path.join(work, 'repeated.csv');
    await writeFile(repeated, Papa.unparse(rows, { newline: '\n' }));
    const suggested = path.join(work, 'repeated.yaml');
    expect((await cli(['taxonomy', 'suggest', repeated, '--engine', 'lexical', '--out', suggested])).code).toBe(0);
    const out = path.join(work, 'repeated-report');
    const run = await cli([
      'run',
      repeated,
      '--engine',
      'lexical',
      '--no-store',
      '--taxonomy',
      suggested,
      '--digests',
      '--out',
      out,
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const added = (await loadTaxonomy(suggested)).themes.at(-1)!;
    const followup = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8')).filter((row) => row.theme_id === added.id);
    expect(followup.map((row) => row.candidate).sort()).toEqual(['S100', 'S101', 'S102']);
    for (const row of followup) {
      // A lexical run confirms no theme, so the advice waits on the adviser reading the feedback first.
      expect(row.suggestion!.startsWith(UNCONFIRMED_CHECK)).toBe(true);
      expect(SUGGESTED_ADVICE.startsWith(row.suggestion!.slice(UNCONFIRMED_CHECK.length))).toBe(true);
      const page = await readFile(path.join(out, row.digest!), 'utf8');
      expect(page).toContain(SUGGESTED_ADVICE);
      expect(page).not.toMatch(/adviser should suggest/);
    }
  });
});
