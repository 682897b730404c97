// From report to action, end to end on an export the project has not otherwise seen
// (test/fixtures/followup: a fictional placement office's spring and summer exports).

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { phaseOfStage } from '../src/analyse/phases.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/report/html.js';
import { parseCsv } from './helpers/csv.js';
import { runCli } from './helpers/run-cli.js';

const SPRING = path.resolve('test/fixtures/followup/placement-office-spring.csv');
const SUMMER = path.resolve('test/fixtures/followup/placement-office-summer.csv');

let work: string;
let out: string;
let store: string;

async function cli(args: string[], target = { out: () => out, store: () => store }): Promise<{ code: number; stderr: string }> {
  const runArgs = ['run', ...args, '--out', target.out(), '--store', target.store(), '--engine', 'lexical'];
  return runCli(runArgs, { FEEDBACK_THEMES_CACHE: path.join(work, 'no-models') }, new Date('2027-07-15T09:00:00Z'));
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');

/** The report's "Top repeaters" table: pseudonym → { items, themes: label → count }. */
function reportRepeaters(page: string) {
  const table = /<caption>Candidates whose rejections repeat the same theme<\/caption>([\s\S]*?)<\/table>/.exec(page)![1];
  const rows = [...table.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>(\d+)<\/td><td>([^<]*)<\/td><\/tr>/g)];
  return new Map(
    rows.map(([, who, items, themes]) => [
      unescapeHtml(who),
      {
        items: Number(items),
        themes: new Map([...unescapeHtml(themes).matchAll(/(.+?) ×(\d+)(?:, |$)/g)].map(([, label, n]) => [label, Number(n)])),
      },
    ]),
  );
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-followup-'));
  await mkdir(path.join(work, 'no-models'));
  out = path.join(work, 'report');
  store = path.join(work, 'history.duckdb');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('from report to action', () => {
  let firstStderr = '';

  it('writes the private follow-up list and a page per student with two or more rejections', async () => {
    const { code, stderr } = await cli([SPRING, '--digests']);
    firstStderr = stderr;
    expect(code, stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'candidates',
      'current',
      'followup.csv',
      'items.csv',
      'report.html',
      'runs',
      'segments.csv',
      'summary.json',
    ]);
    expect(stderr).toMatch(/followup\.csv names \d+ candidate\(s\) to follow up: it is personal data/);
    expect(stderr).not.toMatch(/since the last run/); // nothing to compare with yet
  });

  it('lists exactly the repeats and the no-reason rejections that items.csv shows, most repeated first', async () => {
    const items = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    for (const item of items) {
      totals.set(item.candidate, (totals.get(item.candidate) ?? 0) + 1);
      const mine = counts.get(item.candidate) ?? new Map<string, number>();
      counts.set(item.candidate, mine);
      for (const theme of item.themes.split('|').filter(Boolean)) mine.set(theme, (mine.get(theme) ?? 0) + 1);
    }
    const expected: string[] = [];
    for (const [candidate, themes] of counts) {
      for (const [theme, n] of themes)
        if (n >= (theme === 'uninformative' ? 1 : 2)) expected.push(`${candidate}/${theme}/${n}/${totals.get(candidate)}`);
    }
    // items.csv names students by reference, as the follow-up list's pseudonym column does.
    const themed = rows.filter((row) => row.kind !== 'single');
    expect(themed.map((row) => `${row.pseudonym}/${row.theme_id}/${row.rejections}/${row.of}`).sort()).toEqual(expected.sort());
    // Who to call first (a reason back three times, an employer silent after meeting the student), then
    // the rest, each most repeated first.
    const callFirst = (row: (typeof rows)[number]) =>
      row.kind === 'repeat'
        ? Number(row.rejections) >= 3
        : row.kind === 'no-reason' && row.stages.split('; ').some((stage) => ['interview', 'assessment'].includes(phaseOfStage(stage)));
    const first = rows.map(callFirst);
    expect([...first].sort((a, b) => Number(b) - Number(a))).toEqual(first);
    for (const flag of [true, false]) {
      const repeated = rows.filter((row) => callFirst(row) === flag).map((row) => Number(row.rejections));
      expect([...repeated].sort((a, b) => b - a)).toEqual(repeated);
    }
    expect(rows.filter((row) => row.kind === 'no-reason').every((row) => /phone/i.test(row.suggestion))).toBe(true);
    expect(rows.length).toBeGreaterThan(3);
  });

  it('uses the pseudonyms the report shows, so "Candidate N" in the report leads to the right student', async () => {
    const page = await readFile(path.join(out, 'report.html'), 'utf8');
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    const repeaters = reportRepeaters(page);
    expect(repeaters.size).toBeGreaterThan(2);
    for (const [pseudonym, shown] of repeaters) {
      const mine = rows.filter((row) => row.pseudonym === pseudonym && Number(row.rejections) >= 2);
      expect(new Map(mine.map((row) => [row.theme, Number(row.rejections)])), pseudonym).toEqual(shown.themes);
      expect(mine.every((row) => Number(row.of) === shown.items)).toBe(true);
      expect(new Set(mine.map((row) => row.candidate)).size).toBe(1);
    }
    // The shareable outputs never name anyone; the report points to the private list.
    const summary = await readFile(path.join(out, 'summary.json'), 'utf8');
    for (const id of new Set(rows.map((row) => row.candidate))) {
      expect(page).not.toContain(id);
      expect(summary).not.toContain(id);
    }
    expect(page).toMatch(/followup\.csv<\/strong>[^<]*names the students behind the pseudonyms: it is personal data/);
  });

  it('hands each student a page with their own feedback and nobody else’s', async () => {
    const items = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    const pages = await readdir(path.join(out, 'candidates'));
    const perCandidate = new Map<string, number>();
    for (const item of items) perCandidate.set(item.candidate, (perCandidate.get(item.candidate) ?? 0) + 1);
    expect(pages).toHaveLength([...perCandidate.values()].filter((n) => n >= 2).length);
    // Every page is on the follow-up list.
    expect(new Set(rows.map((row) => row.digest).filter(Boolean))).toEqual(new Set(pages.map((page) => `candidates/${page}`)));
    for (const row of rows.filter((r) => r.digest !== '')) {
      const page = await readFile(path.join(out, row.digest), 'utf8');
      expect(page).toContain(`Reference: ${row.pseudonym}`);
      const words = page.replace(/<[^>]+>/g, ''); // highlights split the text into marks
      for (const item of items) {
        const excerpt = escapeHtml(item.text.split(/(?<=[.;:])\s/)[0]).slice(0, 50);
        if (item.text === '') continue; // no feedback given: nothing to find
        expect(words.includes(excerpt), `${row.digest} / ${item.id}`).toBe(item.candidate === row.pseudonym);
      }
      expect(page).not.toContain(row.candidate);
    }
  });

  it('says nothing moved on an identical re-run', async () => {
    const { code, stderr } = await cli([SPRING, '--digests']);
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.changes).toEqual([]);
    expect(summary.newSincePrevious).toEqual({
      items: 0,
      students: 0,
      followUp: [],
      itemsGone: 0,
      itemsEdited: 0,
      studentsGone: 0,
      leftFollowUp: [],
    });
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.new).toBe(row.kind === 'single' ? '' : 'no');
    // The store keeps the same list as followup.csv, by reference only, under the run's id.
    const instance = await DuckDBInstance.create(store);
    const connection = await instance.connect();
    const kept = (
      await connection.runAndReadAll(`SELECT reference, kind, theme_id FROM followup WHERE run_id = $1`, [summary.runId])
    ).getRowsJS();
    connection.closeSync();
    instance.closeSync();
    const listed = rows.filter((row) => row.kind !== 'single').map((row) => [row.pseudonym, row.kind, row.theme_id]);
    const sorted = (list: unknown[][]) => list.map((row) => row.join('\u0000')).sort();
    expect(sorted(kept)).toEqual(sorted(listed));
    expect(kept.length).toBeGreaterThan(0);
    expect(JSON.stringify(kept)).not.toMatch(/AP-\d/);
    expect(summary.changeTest).toMatchObject({ method: expect.stringMatching(/two-proportion/), themesTested: summary.themes.length });
    expect(stderr).toMatch(/^since the last run: no theme changed beyond noise$/m);
    expect(firstStderr).not.toBe(stderr);
  });

  it('says what moved after a summer of feedback about delivery, on stderr and in the key findings', async () => {
    const { code, stderr } = await cli([SPRING, SUMMER]);
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.changes[0]).toMatchObject({ theme: 'delivery', direction: 'up', before: { of: 40 }, after: { of: 69 } });
    expect(summary.changes[0].after.share).toBeGreaterThan(summary.changes[0].before.share + 0.2);
    const line = stderr.split('\n').filter((l) => l.startsWith('since the last run'));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/^since the last run: Interview delivery up from \d+% to \d+% of items/);
    const page = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(page).toMatch(
      /<li><strong>Since the last run:<\/strong> 29 new items and \d+ new students? since [\d-]{10}; [^<]*?\. Interview delivery up from \d+% to \d+% of items/,
    );
    // The same counts, as fields, for scripts.
    const students = /29 new items and (\d+) new student/.exec(page)![1];
    expect(summary.newSincePrevious).toMatchObject({ items: 29, students: Number(students) });
    // Who newly needs a follow-up: named by reference in the report and summary.json, marked in followup.csv.
    const newcomers: string[] = summary.newSincePrevious.followUp;
    expect(newcomers.length).toBeGreaterThan(0);
    for (const reference of newcomers) expect(reference).toMatch(/^Candidate [0-9A-Z]+$/);
    expect(page).toContain(
      `newly need${newcomers.length === 1 ? 's' : ''} a follow-up: ${newcomers.slice(0, 10).map(escapeHtml).join(', ')}`,
    );
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    const marked = new Set(rows.filter((row) => row.new === 'yes').map((row) => row.pseudonym));
    for (const reference of newcomers) expect(marked.has(reference)).toBe(true);
    // A student on the earlier list keeps no-marked rows for the reasons already there.
    expect(rows.some((row) => row.new === 'no')).toBe(true);
    for (const row of rows.filter((r) => newcomers.includes(r.pseudonym))) expect(row.new).toBe('yes');
  });

  it('removes the pages of an earlier run when pages are not asked for: their numbers may belong to someone else now', async () => {
    expect(existsSync(path.join(out, 'candidates'))).toBe(false); // the last run had no --digests
    const rows = parseCsv(await readFile(path.join(out, 'followup.csv'), 'utf8'));
    expect(rows.every((row) => row.digest === '')).toBe(true);
  });
});

describe('candidates known only by email', () => {
  it('are named in followup.csv as exported, and nowhere else', async () => {
    const input = path.join(work, 'emails.csv');
    const emailsOut = path.join(work, 'emails-report');
    await writeFile(
      input,
      [
        'Email,Stage,Feedback',
        'morwenna.tregarthen@example.ac.uk,First interview,"Your answers sounded robotic and over-rehearsed."',
        'morwenna.tregarthen@example.ac.uk,Final interview,"You came across as nervous and rambled, with little eye contact."',
        'idris.pennant@example.ac.uk,Application,"We will not be taking your application further."',
        'idris.pennant@example.ac.uk,Application,"Your CV was not tailored to the role."',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await cli([input, '--digests'], { out: () => emailsOut, store: () => path.join(work, 'emails.duckdb') });
    expect(code, stderr).toBe(0);
    const rows = parseCsv(await readFile(path.join(emailsOut, 'followup.csv'), 'utf8'));
    expect(new Set(rows.map((row) => row.candidate))).toEqual(
      new Set(['morwenna.tregarthen@example.ac.uk', 'idris.pennant@example.ac.uk']),
    );
    const shared = [
      'report.html',
      'summary.json',
      'items.csv',
      'segments.csv',
      ...(await readdir(path.join(emailsOut, 'candidates'))).map((name) => `candidates/${name}`),
    ];
    for (const name of shared) {
      const text = await readFile(path.join(emailsOut, name), 'utf8');
      expect(text, name).not.toMatch(/tregarthen|pennant|@example/i);
    }
    expect(stderr).not.toMatch(/tregarthen|pennant/i);
  });
});

describe('one student written many ways over a year', () => {
  // S2001: six rejections at four stages, one withdrawal, a new email address from May, the name
  // written "Priya Sharma", "Sharma, Priya" and "SHARMA, Priya"; S2003 is another Priya Sharma.
  const MANY_WAYS = path.resolve('test/fixtures/followup/one-student-written-many-ways.csv');

  it('is one student, on one page in date order, reachable at the newest address first, and never merged with a namesake', async () => {
    const target = { out: () => path.join(work, 'many-ways'), store: () => path.join(work, 'many-ways.duckdb') };
    const { code, stderr } = await cli([MANY_WAYS, '--digests'], target);
    expect(code, stderr).toBe(0);
    const rows = parseCsv(await readFile(path.join(target.out(), 'followup.csv'), 'utf8'));
    const priya = rows.filter((row) => row.candidate === 'S2001');
    expect(new Set(priya.map((row) => row.pseudonym)).size).toBe(1);
    expect(priya.map((row) => `${row.kind}:${row.theme_id}`).sort()).toEqual([
      'no-reason:uninformative',
      'repeat:assessment',
      'repeat:examples',
    ]);
    expect(priya.every((row) => row.of === '6')).toBe(true); // the withdrawal is no rejection
    expect(priya.every((row) => row.name === 'Priya Sharma')).toBe(true);
    expect(priya.every((row) => row.email === 'p.sharma.career@gmail.com; priya.sharma@uni.ac.uk')).toBe(true);
    const namesake = rows.filter((row) => row.candidate === 'S2003');
    expect(namesake.map((row) => row.email)).toEqual(['priya.s.2@uni.ac.uk']);
    expect(namesake[0].pseudonym).not.toBe(priya[0].pseudonym);

    const page = await readFile(path.join(target.out(), priya[0].digest), 'utf8');
    const dates = [...page.matchAll(/<th scope="row">(2026-\d\d-\d\d)<\/th>/g)].map(([, date]) => date);
    expect(dates).toEqual(['2026-01-10', '2026-02-03', '2026-03-15', '2026-06-02', '2026-06-20', '2026-07-01']);
    expect(page).not.toMatch(/Millbrook|priya|Data Science|Sharma|gmail|@uni/i);
    const rejects = parseCsv(await readFile(path.join(target.out(), 'rejects.csv'), 'utf8'));
    expect(rejects.map((row) => `${row.line}: ${row.reason}`)).toEqual(['7: the candidate withdrew or declined: not a rejection']);
  });

  it('known only by email, the change of address is said in the report (counted, never named), as it splits the student', async () => {
    const input = path.join(work, 'many-ways-no-id.csv');
    const csv = await readFile(MANY_WAYS, 'utf8');
    await writeFile(input, csv.replace(/^(Student ID|S200\d),/gm, ''));
    const target = { out: () => path.join(work, 'many-ways-no-id'), store: () => path.join(work, 'many-ways-no-id.duckdb') };
    const { code, stderr } = await cli([input], target);
    expect(code, stderr).toBe(0);
    const page = await readFile(path.join(target.out(), 'report.html'), 'utf8');
    expect(page).toContain('1 student name is written beside more than one email address');
    expect(page).not.toMatch(/Sharma|@uni/);
  });
});

describe('a scheduled run with --quiet', () => {
  it('prints nothing when nothing moved, and the one line when something did', async () => {
    const target = { out: () => path.join(work, 'quiet-report'), store: () => path.join(work, 'quiet.duckdb') };
    expect((await cli([SPRING, '--quiet'], target)).stderr).toBe('');
    expect((await cli([SPRING, '--quiet'], target)).stderr).toBe('');
    const moved = await cli([SPRING, SUMMER, '--quiet'], target);
    expect(moved.code).toBe(0);
    expect(moved.stderr).toMatch(/^since the last run: Interview delivery up from \d+% to \d+% of items[^\n]*\n$/);
  });
});

describe('a second run on the export with rows removed and one edited', () => {
  it('counts them, and names by reference the student who left the list because their rows went', async () => {
    const dir = path.join(work, 'edited');
    await mkdir(dir);
    const target = { out: () => path.join(dir, 'report'), store: () => path.join(dir, 'history.duckdb') };
    const exported = path.join(dir, 'export.csv');
    const original = await readFile(SPRING, 'utf8');
    await writeFile(exported, original);
    expect((await cli([exported], target)).code).toBe(0);
    const before = parseCsv(await readFile(path.join(target.out(), 'followup.csv'), 'utf8'));
    const leaving = before.find((row) => row.kind === 'repeat')!;
    // The adviser's export a week later: that student's rows removed, another row removed, one rewritten.
    const lines = original.trimEnd().split('\n');
    const [header, ...rows] = lines;
    const kept = rows.filter((line) => !line.includes(`,${leaving.candidate},`));
    const removed = rows.length - kept.length + 1;
    const others = kept.filter((line) => !line.includes(`,${leaving.candidate},`));
    const dropped = others[others.length - 1]!;
    const rewritten = others[0]!;
    const edited = kept
      .filter((line) => line !== dropped)
      .map((line) =>
        line === rewritten ? `${line.slice(0, line.lastIndexOf(',') + 1)}"Your numerical test score was below our cut-off."` : line,
      );
    await writeFile(exported, `${[header, ...edited].join('\n')}\n`);
    // On a schedule (--quiet), a student off the list is news even when no theme moved.
    const { code, stderr } = await cli([exported, '--quiet'], target);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^since the last run: [^\n]*\d+ students? (is|are) no longer on the follow-up list \(see the report\)\n$/);
    const summary = JSON.parse(await readFile(path.join(target.out(), 'summary.json'), 'utf8'));
    expect(summary.newSincePrevious).toMatchObject({ items: 0, itemsGone: removed, itemsEdited: 1, studentsGone: 1 });
    expect(summary.newSincePrevious.leftFollowUp).toContainEqual({ reference: leaving.pseudonym, inExport: false });
    expect(summary.counts.items).toBe(rows.length - removed);
    const page = await readFile(path.join(target.out(), 'report.html'), 'utf8');
    expect(page).toContain(`${removed} items gone from the export (1 student no longer in it) and 1 item edited`);
    expect(page).toContain(`${escapeHtml(leaving.pseudonym)} (no longer in the export)`);
    expect(page).not.toContain(leaving.candidate);
  });
});

describe('feedback the model cannot read', () => {
  it('is never the reason for a follow-up row: its themes read "possibly", and its rows are named on stderr and in the report', async () => {
    const input = path.join(work, 'not-english.csv');
    await writeFile(
      input,
      [
        'Response ID,Student ID,Application Stage,Date,Employer,Feedback',
        'H1,S301,Application,2026-03-02,Acme,Aapka CV tailor nahi kiya gaya tha job description ke hisaab se.',
        'H2,S301,Application,2026-03-09,Beta,Aapke CV mein job description ke hisaab se koi tailoring nahi thi aur bahut generic laga.',
        'H3,S302,Application,2026-03-03,Acme,Your CV was not tailored to the job description.',
        'H4,S302,Application,2026-03-10,Beta,Your cover letter was generic and your CV was not tailored to the role.',
        'H5,S303,Application,2026-03-04,Gamma,see attached',
      ].join('\n'),
    );
    const target = { out: () => path.join(work, 'not-english'), store: () => path.join(work, 'not-english.duckdb') };
    const { code, stderr } = await cli([input], target);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('not-english.csv: 2 rows (lines 2, 3) of feedback not in English, which the model cannot read');
    expect(stderr).toContain('not-english.csv: 1 row (line 6) of feedback that only points elsewhere');
    const rows = parseCsv(await readFile(path.join(target.out(), 'followup.csv'), 'utf8'));
    expect(rows.filter((row) => row.candidate === 'S301' && row.kind === 'repeat')).toEqual([]);
    // Feedback in English repeating the same theme is still followed up.
    expect(rows.find((row) => row.candidate === 'S302')!.kind).toBe('repeat');
    const page = unescapeHtml(await readFile(path.join(target.out(), 'report.html'), 'utf8'));
    expect(page).toContain('2 rows (lines 2, 3) of feedback not in English');
    // Never quoted as a theme's words (the lexical engine finds the CV theme in it).
    expect(page).not.toContain('hisaab');
  });
});
