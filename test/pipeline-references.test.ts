// Two scheduled runs over a growing, reordered export, as an adviser would see them: each student
// keeps their reference and page, every page is on the follow-up list, blank replies put a
// student on the phone list, and no student number or name reaches a shareable output.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv.js';
import { runCli } from './helpers/run-cli.js';

const HEADER = 'Student number,Student name,Programme,Stage,Employer,Recorded By,Date,Feedback';
const FIRST = [
  '24004478,Sam Reid,BSc Biology,Interview,Acme,Tom Baker,2026-01-10,"Thank you for coming in, Sam. Your answers lacked specific examples."',
  '24004478,Sam Reid,BSc Biology,Interview,Globex,Tom Baker,2026-02-10,You gave few specific examples of your own work.',
  "24009001,Priya Nair,Priya Nair's BSc,CV screening,Initech,Jo Smith,2026-01-12,Your CV was not tailored to the role.",
  '24009001,Priya Nair,BSc Law,CV screening,Umbrella,Jo Smith,2026-02-12,Your CV did not match the job description.',
  '24007777,Lee Chan,MEng,Interview,Hooli,Jo Smith,2026-01-15,',
  '24007777,Lee Chan,MEng,Assessment centre,Hooli,Jo Smith,2026-02-15,',
  '24005555,Doe, Janeway,MEng,Interview,Acme,Tom Baker,2026-03-01,Weak answers.',
  '24006666,Ann Lee,BSc Law,Interview,Acme,Tom Baker,Ann Lee,"Dear Ann, your answers were too short."',
];
const ADDED = [
  '24008888,Kim Park,BSc Maths,Online test,Hooli,Jo Smith,2026-03-05,Your numerical test score was below the cut-off.',
  '24008888,Kim Park,BSc Maths,Online test,Initech,Jo Smith,2026-03-09,"Hi Kim, you did not reach the pass mark in the numerical test."',
];
/** Nothing from these may reach a shareable output. */
const PERSONAL = [
  /2400\d{4}/,
  /\bSam\b/,
  /\bReid\b/,
  /\bPriya\b/,
  /\bNair\b/,
  /\bJaneway\b/,
  /\bTom\b/,
  /\bBaker\b/,
  /\bJo Smith\b/,
  /\bAnn\b/,
  /\bKim\b/,
  /\bLee Chan\b/,
];

let work: string;
let store: string;

async function run(name: string, rows: string[]) {
  const input = path.join(work, `${name}.csv`);
  await writeFile(input, `${[HEADER, ...rows].join('\n')}\n`);
  const out = path.join(work, name);
  const result = await runCli(['run', input, '--out', out, '--store', store, '--engine', 'lexical', '--digests', '--min-group', '1'], {
    FEEDBACK_THEMES_CACHE: path.join(work, 'cache'),
  });
  expect(result.code, result.stderr).toBe(0);
  const followUp = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
  return { out, followUp, stderr: result.stderr };
}

function referenceById(rows: Record<string, string>[]): Map<string, string> {
  return new Map(rows.map((row) => [row.candidate!, row.pseudonym!]));
}

let first: Awaited<ReturnType<typeof run>>;
let second: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-references-'));
  store = path.join(work, 'history.duckdb');
  first = await run('january', FIRST);
  // A month later: rows added, one removed, the rest in another order.
  second = await run('february', [...ADDED, ...FIRST.filter((row) => !row.startsWith('24006666'))].reverse());
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('two runs over a growing, reordered export', () => {
  it('keeps every student’s reference and page name', () => {
    const before = referenceById(first.followUp);
    const after = referenceById(second.followUp);
    expect(before.size).toBeGreaterThanOrEqual(3);
    for (const [id, reference] of before) if (after.has(id)) expect(after.get(id), id).toBe(reference);
    const pageOf = (rows: Record<string, string>[], id: string) => rows.find((row) => row.candidate === id && row.digest)?.digest;
    for (const id of ['24004478', '24009001', '24007777']) {
      expect(pageOf(second.followUp, id), id).toBe(pageOf(first.followUp, id));
      expect(pageOf(first.followUp, id)).toMatch(/^candidates\/candidate-[0-9A-Z]{6,}\.html$/);
    }
    expect(new Set(after.values()).size).toBe(after.size);
    // The private list is the calling list: it keeps the export's contact details.
    expect(second.followUp.find((row) => row.candidate === '24007777')).toMatchObject({ name: 'Lee Chan' });
  });

  it('lists every student page in followup.csv', async () => {
    for (const { out, followUp } of [first, second]) {
      const pages = (await readdir(path.join(out, 'candidates'))).map((page) => `candidates/${page}`);
      expect(pages.length).toBeGreaterThan(0);
      expect(new Set(followUp.map((row) => row.digest).filter(Boolean))).toEqual(new Set(pages));
    }
  });

  it('puts the student with two blank replies on the phone list, not in rejects.csv', async () => {
    for (const { out, followUp } of [first, second]) {
      expect(followUp.filter((row) => row.candidate === '24007777')).toEqual([
        expect.objectContaining({
          kind: 'no-reason',
          theme_id: 'uninformative',
          rejections: '2',
          of: '2',
          suggestion: expect.stringMatching(/phone/),
        }),
      ]);
      const rejects = await readFile(path.join(out, 'rejects.csv'), 'utf8');
      expect(rejects.split('\n').filter((line) => line.includes('expected 8 fields'))).toHaveLength(1); // the ragged row only
    }
  });

  it('lets no student number, student name or staff name into a shareable output', async () => {
    for (const { out } of [first, second]) {
      const pages = (await readdir(path.join(out, 'candidates'))).map((page) => path.join('candidates', page));
      for (const file of ['report.html', 'items.csv', 'summary.json', 'segments.csv', 'rejects.csv', ...pages]) {
        let text = await readFile(path.join(out, file), 'utf8');
        // The report's bundled code and styles are not data; its data and markup are.
        text = text.replace(/<script(?![^>]*application\/json)[^>]*>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '');
        for (const personal of PERSONAL) expect(text, `${file}: ${personal}`).not.toMatch(personal);
      }
    }
    expect(first.stderr).toMatch(/followup\.csv alone holds real ids and contact details/);
  });
});
