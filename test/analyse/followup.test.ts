import { describe, expect, it } from 'vitest';
import { NO_REASON_SUGGESTION, SINGLE_SUGGESTION, UNCONFIRMED_CHECK, shortAdvice } from '../../src/analyse/followup.js';
import { analyse } from '../../src/analyse/index.js';
import { TAXONOMY } from '../fixtures/analyse/build.js';
import { handMadeCandidates } from '../fixtures/analyse/candidates.js';
import { lexicalAnalysisInput } from '../helpers/analysis-input.js';
import { referenceOf } from '../helpers/references.js';
import { referenceCode } from '../../src/analyse/references.js';
import { classifiedItem } from '../fixtures/analyse/build.js';

const STUDENT = ['', 'ADA-01', 'BEN-02', 'DEV-04', 'CARA-03', '', 'FAY-06'];
const ref = (n: number) => referenceOf(STUDENT[n]);
const page = (n: number) => `candidates/candidate-${referenceCode(ref(n))}.html`;

/** A theme head decided (calibrated confidence), unless `head` is null: the lexical engine's run as it is. */
const HEAD = { source: 'built-in', assignAt: 0.6, confidentAt: 0.6 };

function model(digests = true, showIds = false, classified = handMadeCandidates(), head: typeof HEAD | null = HEAD) {
  return analyse({ ...lexicalAnalysisInput(classified, { showIds, generatedAt: '2026-06-01T09:00:00.000Z', digests }), head });
}

const advice = (id: string) => TAXONOMY.themes.find((theme) => theme.id === id)!.advice;

describe('follow-up rows', () => {
  it('lists each repeating theme and each candidate who heard no reason, most repeated first', () => {
    const rows = model().followUp;
    expect(rows.map((row) => [row.candidate, row.pseudonym, row.themeId, row.kind, row.rejections, row.of])).toEqual([
      ['ADA-01', ref(1), 'delivery', 'repeat', 3, 4],
      ['BEN-02', ref(2), 'application', 'repeat', 3, 3],
      ['ADA-01', ref(1), 'examples', 'repeat', 2, 4],
      ['DEV-04', ref(3), 'competition', 'repeat', 2, 2],
      ['CARA-03', ref(4), 'uninformative', 'no-reason', 1, 2],
      ['FAY-06', ref(6), 'uninformative', 'no-reason', 1, 1],
    ]);
  });

  it('names the rows of items.csv each row rests on, so every count and suggestion can be checked', () => {
    expect(model().followUp.map((row) => [row.candidate, row.themeId, row.items])).toEqual([
      ['ADA-01', 'delivery', ['a1', 'a2', 'a3']],
      ['BEN-02', 'application', ['b1', 'b2', 'b3']],
      ['ADA-01', 'examples', ['a1', 'a3']],
      ['DEV-04', 'competition', ['d1', 'd2']],
      ['CARA-03', 'uninformative', ['c1']],
      ['FAY-06', 'uninformative', ['f1']],
    ]);
  });

  it('uses exactly the pseudonyms the report shows for the same candidates and counts', () => {
    const analysed = model();
    for (const repeater of analysed.recurrence) {
      const rows = analysed.followUp.filter((row) => row.pseudonym === repeater.candidate && row.kind === 'repeat');
      expect(rows.map((row) => [row.themeId, row.rejections, row.of])).toEqual(
        repeater.themes.map((theme) => [theme.id, theme.items, repeater.items]),
      );
    }
    // Quotes name candidates the same way: Dev's and Cara's competition items (the same words,
    // so quoted once).
    const quoted = analysed.quotes.competition.map((quote) => quote.candidate);
    expect(quoted).toHaveLength(1);
    expect([ref(3), ref(4)]).toContain(quoted[0]);
  });

  it('gives dates, stages and employers of the items with that theme only', () => {
    const [delivery] = model().followUp;
    expect(delivery).toMatchObject({
      firstDate: '2026-01-10',
      lastDate: '2026-03-12',
      stages: ['Telephone interview', 'First interview'],
      employers: ['Northwind', 'Contoso'],
    });
    const ben = model().followUp.find((row) => row.candidate === 'BEN-02')!;
    expect(ben).toMatchObject({
      firstDate: '2026-01-20',
      lastDate: '2026-03-02',
      stages: ['CV screening', 'Online application'],
      employers: ['Tailspin', 'Litware'],
    });
  });

  it('suggests the theme’s advice, short, and a phone call where no reason was given', () => {
    const rows = model().followUp;
    expect(rows[0].suggestion).toBe(shortAdvice(advice('delivery')));
    expect(rows.filter((row) => row.kind === 'no-reason').map((row) => row.suggestion)).toEqual([
      NO_REASON_SUGGESTION,
      NO_REASON_SUGGESTION,
    ]);
    expect(NO_REASON_SUGGESTION).toMatch(/phone/);
  });

  it('asks the adviser to confirm a repeat before its advice when no theme carries a calibrated confidence', () => {
    const rows = model(true, false, handMadeCandidates(), null).followUp;
    const repeats = rows.filter((row) => row.kind === 'repeat');
    expect(repeats.length).toBeGreaterThan(0);
    // The same rows as with a head: who to see does not change, only that the reason is checked first.
    expect(rows.map((row) => [row.candidate, row.themeId])).toEqual(model().followUp.map((row) => [row.candidate, row.themeId]));
    expect(repeats[0]!.suggestion).toBe(`${UNCONFIRMED_CHECK}${shortAdvice(advice('delivery'))}`);
    for (const row of repeats) expect(row.suggestion.startsWith(UNCONFIRMED_CHECK)).toBe(true);
    // Asking the employer again by phone needs no theme to be right.
    for (const row of rows.filter((entry) => entry.kind === 'no-reason')) expect(row.suggestion).toBe(NO_REASON_SUGGESTION);
    expect(model().followUp.some((row) => row.suggestion.includes(UNCONFIRMED_CHECK))).toBe(false);
  });

  it('links the candidate page only when pages are written and the candidate has two or more rejections', () => {
    const withPages = model(true).followUp;
    expect(withPages.map((row) => row.digest)).toEqual([page(1), page(2), page(1), page(3), page(4), null]);
    expect(model(false).followUp.every((row) => row.digest === null)).toBe(true);
  });

  it('names the page and the reference after the reference’s code even when ids are shown', () => {
    const shown = model(true, true);
    expect(shown.followUp[0]).toMatchObject({ candidate: 'ADA-01', pseudonym: ref(1), digest: page(1) });
    expect(shown.digests!.map((digest) => digest.file).join(' ')).not.toMatch(/ADA|BEN|CARA|DEV/);
  });

  it('lists every page, with a row of kind single for a student whose reasons neither repeat nor are missing', () => {
    const gil = [
      classifiedItem({ id: 'g1', candidate: 'GIL-07', themes: ['delivery'], stage: 'First interview', date: '2026-02-01', line: 60 }),
      classifiedItem({ id: 'g2', candidate: 'GIL-07', themes: ['application'], stage: 'CV screening', date: '2026-03-01', line: 61 }),
    ];
    const analysed = model(true, false, [...handMadeCandidates(), ...gil]);
    const listed = new Set(analysed.followUp.map((row) => row.digest));
    for (const digest of analysed.digests!) expect(listed.has(digest.file), digest.file).toBe(true);
    const single = analysed.followUp.filter((row) => row.kind === 'single');
    expect(single).toEqual([
      expect.objectContaining({
        candidate: 'GIL-07',
        pseudonym: referenceOf('GIL-07'),
        themeId: '',
        rejections: 2,
        of: 2,
        firstDate: '2026-02-01',
        lastDate: '2026-03-01',
        suggestion: SINGLE_SUGGESTION,
      }),
    ]);
    // The employers gave reasons: the row must not read like the "No reason given" phone row.
    expect(single[0]!.suggestion).not.toMatch(/^no reason/i);
    expect(model(false, false, [...handMadeCandidates(), ...gil]).followUp.some((row) => row.kind === 'single')).toBe(false);
  });

  it('leaves out items with no candidate: nobody to follow up', () => {
    expect(model().followUp.every((row) => row.candidate !== '' && row.candidate !== null)).toBe(true);
    expect(
      model()
        .followUp.filter((row) => row.themeId === 'delivery')
        .map((row) => row.candidate),
    ).toEqual(['ADA-01']);
  });
});

describe('shortAdvice', () => {
  it('takes the first sentence', () => {
    expect(shortAdvice('Practise out loud. Then record yourself.')).toBe('Practise out loud.');
    expect(shortAdvice('Use the STAR structure: situation, task, action, result. Say "I".')).toBe(
      'Use the STAR structure: situation, task, action, result.',
    );
  });

  it('cuts a very long first sentence at a word', () => {
    const long = `${'word '.repeat(80)}end.`;
    const short = shortAdvice(long);
    expect(short.length).toBeLessThanOrEqual(221);
    expect(short).toMatch(/word…$/);
  });
});

describe('suggestions matched to the evidence', () => {
  const tests = (texts: string[]) =>
    texts.map((text, i) =>
      classifiedItem({ id: `n${i}`, candidate: 'NUM-09', themes: ['assessment'], stage: 'Online test', text, line: 80 + i }),
    );

  it('tells a student who failed numerical tests to practise such tests, on the list and on their page', () => {
    const analysed = model(
      true,
      false,
      tests([
        'Your numerical reasoning score was below the cut-off.',
        'You did not reach the pass mark in the numerical test.',
        'The verbal reasoning test let you down.',
      ]),
    );
    const row = analysed.followUp.find((entry) => entry.themeId === 'assessment')!;
    expect(row.suggestion).toMatch(/^Practise timed numerical reasoning tests/);
    expect(analysed.digests![0]!.advice.find((advice) => advice.themeId === 'assessment')!.text).toBe(row.suggestion);
  });

  it('keeps the theme’s own advice when no one shortfall is clear', () => {
    const analysed = model(true, false, tests(['The group exercise did not go well.', 'Your in-tray exercise was incomplete.']));
    expect(analysed.followUp.find((entry) => entry.themeId === 'assessment')!.suggestion).toBe(shortAdvice(advice('assessment')));
  });
});

describe('doubt on the follow-up list', () => {
  /** An item whose themes are sure, except those listed as only possible (below the head's confidentAt). */
  const item = (id: string, candidate: string, themes: string[], possible: string[] = [], text?: string) => {
    const entry = classifiedItem({ id, candidate, themes: [...themes, ...possible], line: 2, text });
    for (const assignment of entry.themes) {
      if (possible.includes(assignment.themeId)) Object.assign(assignment, { tentative: true, confidence: 0.4 });
      else Object.assign(assignment, { confidence: 0.95 });
    }
    return entry;
  };

  it('rests rows and suggestions on sure themes only, and lists the unsure ones as possibly', () => {
    const numerical = 'You did not reach the pass mark in the numerical test.';
    const rows = model(true, false, [
      // Ada: examples sure twice (a row); experience only possible twice, competition once.
      item('a1', 'ADA-01', ['examples'], ['experience', 'competition']),
      item('a2', 'ADA-01', ['examples'], ['experience']),
      // ... and examples only possible in a third: asserted already, so not "possibly".
      item('a3', 'ADA-01', [], ['examples']),
      // Ben: numerical tests twice, but the tool is unsure both times: no assessment row, no test advice.
      item('b1', 'BEN-02', ['delivery'], ['assessment'], numerical),
      item('b2', 'BEN-02', [], ['assessment'], numerical),
    ]).followUp;
    const ada = rows.filter((row) => row.candidate === 'ADA-01');
    expect(ada.map((row) => [row.themeId, row.kind, row.possibly])).toEqual([
      ['examples', 'repeat', ['Experience ×2', 'Strong competition']],
    ]);
    const ben = rows.filter((row) => row.candidate === 'BEN-02');
    expect(ben.map((row) => [row.kind, row.themeId, row.possibly])).toEqual([['single', '', ['Tests and assessments ×2']]]);
    for (const row of rows) expect(row.suggestion).not.toMatch(/aptitude|numerical/i);
    // Had the tool been sure, Ben would have been told to practise such tests: the doubt is what changed it.
    const sure = model(true, false, [
      item('b1', 'BEN-02', ['delivery', 'assessment'], [], numerical),
      item('b2', 'BEN-02', ['assessment'], [], numerical),
    ]);
    expect(sure.followUp.find((row) => row.themeId === 'assessment')?.suggestion).toMatch(/^Practise timed numerical reasoning tests/);
    expect(sure.followUp.every((row) => row.possibly.length === 0)).toBe(true);
  });
  it('lists as possibly nothing guessed from feedback the model could not read', () => {
    // Ada: a French reply the classifier guessed delivery for, and an English one only possibly experience.
    const french = {
      ...item('a1', 'ADA-01', [], ['delivery'], 'Votre profil ne correspond pas au poste.'),
      unread: 'other-language' as const,
    };
    const rows = model(true, false, [french, item('a2', 'ADA-01', [], ['experience'])]).followUp;
    expect(rows.map((row) => [row.kind, row.possibly])).toEqual([['single', ['Experience']]]);
  });

  it('counts a student as meeting a problem again in the report only where it was sure each time', () => {
    const analysed = model(true, false, [
      // Ada: examples sure twice; experience sure once and only possible once more.
      item('a1', 'ADA-01', ['examples', 'experience']),
      item('a2', 'ADA-01', ['examples'], ['experience']),
      // Ben: assessment only possible both times.
      item('b1', 'BEN-02', ['delivery'], ['assessment']),
      item('b2', 'BEN-02', [], ['assessment']),
    ]);
    expect(analysed.recurrence.map((candidate) => [candidate.candidate, candidate.themes.map((theme) => [theme.id, theme.items])])).toEqual(
      [[ref(1), [['examples', 2]]]],
    );
    const repeating = (id: string) => analysed.themes.find((theme) => theme.id === id)!;
    expect([
      repeating('examples').recurringCandidates,
      repeating('experience').recurringCandidates,
      repeating('assessment').recurringCandidates,
    ]).toEqual([1, 0, 0]);
    // The cohort's counts still include what was only possible.
    expect([repeating('experience').items, repeating('assessment').items]).toEqual([2, 2]);
  });
});

describe('a rejection written over several rows', () => {
  // One row per feedback sentence, as some applicant-tracking exports write it.
  const row = (id: string, date: string, employer: string, stage: string, theme: string) =>
    classifiedItem({ id, candidate: 'S001', stage, date, employer, themes: [theme], line: 2 });
  const analysed = (rows: ReturnType<typeof row>[]) => model(true, false, rows);

  it('is one rejection: a reason in three of its sentences did not come back three times', () => {
    const model = analysed([
      row('a1', '2026-02-03', 'Acme', 'Interview', 'delivery'),
      row('a2', '2026-02-03', 'Acme', 'Interview', 'delivery'),
      row('a3', '2026-02-03', 'ACME', 'interview', 'delivery'),
      row('b1', '2026-03-01', 'Globex', 'Application', 'application'),
    ]);
    expect(model.recurrence).toEqual([]);
    expect(model.followUp.map((r) => [r.kind, r.rejections, r.of])).toEqual([['single', 2, 2]]);
    expect(model.digests![0]!.items).toBe(2);
    expect(model.digests![0]!.entries).toHaveLength(4);
  });

  it('counts a possible reason by rejection too: three unsure rows of one rejection are "possibly" once', () => {
    const unsure = (entry: ReturnType<typeof row>) => {
      for (const assignment of entry.themes) Object.assign(assignment, { tentative: true, confidence: 0.4 });
      return entry;
    };
    const model = analysed([
      unsure(row('a1', '2026-02-03', 'Acme', 'Interview', 'experience')),
      unsure(row('a2', '2026-02-03', 'Acme', 'Interview', 'experience')),
      unsure(row('a3', '2026-02-03', 'Acme', 'Interview', 'experience')),
      row('b1', '2026-03-01', 'Globex', 'Application', 'application'),
      unsure(row('c1', '2026-04-01', 'Initech', 'Interview', 'competition')),
      unsure(row('d1', '2026-05-01', 'Umbrella', 'Interview', 'competition')),
    ]);
    expect(model.followUp.map((r) => [r.kind, r.of, r.possibly])).toEqual([['single', 4, ['Experience', 'Strong competition ×2']]]);
  });

  it('counts a reason that came back in two rejections as a repeat, however many rows each has', () => {
    const model = analysed([
      row('a1', '2026-02-03', 'Acme', 'Interview', 'delivery'),
      row('a2', '2026-02-03', 'Acme', 'Interview', 'examples'),
      row('b1', '2026-03-01', 'Globex', 'Interview', 'delivery'),
    ]);
    expect(model.followUp.map((r) => [r.kind, r.themeId, r.rejections, r.of])).toEqual([['repeat', 'delivery', 2, 2]]);
    expect(model.themes.find((t) => t.id === 'delivery')!.recurringCandidates).toBe(1);
  });
});

describe('an employer who gave no reason, then called back with one', () => {
  // One student's year: a silent final interview at Northwind, the reason phoned through weeks later.
  const row = (id: string, date: string | null, employer: string, stage: string, themes: string[], role = 'Graduate Analyst') =>
    classifiedItem({ id, candidate: 'S001', stage, date, employer, role, themes, line: 2 });
  const analysed = (rows: ReturnType<typeof row>[]) => model(true, false, rows);
  const listed = (rows: ReturnType<typeof row>[]) => analysed(rows).followUp.map((r) => [r.kind, r.themeId, r.rejections, r.of]);

  it('is one rejection with the reason it was given: nobody is sent to ask again, nothing counts twice', () => {
    const rows = [
      row('a', '2026-01-10', 'Globex', 'Interview', ['examples'], 'Analyst'),
      row('b', '2026-03-25', 'Northwind', 'Final interview', ['uninformative']),
      row('c', '2026-05-02', 'NORTHWIND', 'final interview', ['examples']),
    ];
    expect(listed(rows)).toEqual([['repeat', 'examples', 2, 2]]);
    // Traceable to the rows the reason was read from: the call back, not the silent row.
    expect(analysed(rows).followUp[0]!.items).toEqual(['a', 'c']);
    const digest = analysed(rows).digests![0]!;
    expect(digest.items).toBe(2);
    // The page still shows every row the student was sent.
    expect(digest.entries).toHaveLength(3);
  });

  it('stays a call to make when the later row is for another role or stage, comes first, or is silent too', () => {
    const silent = row('b', '2026-03-25', 'Northwind', 'Final interview', ['uninformative']);
    const later = (role: string, stage: string, date: string) => row('c', date, 'Northwind', stage, ['examples'], role);
    for (const other of [
      later('Graduate Analyst', 'Application', '2026-05-02'),
      later('Risk Analyst', 'Final interview', '2026-05-02'),
      later('Graduate Analyst', 'Final interview', '2026-02-01'),
    ]) {
      expect(listed([silent, other])).toEqual([['no-reason', 'uninformative', 1, 2]]);
    }
    const twice = [silent, row('c', '2026-05-02', 'Northwind', 'Final interview', ['uninformative'])];
    expect(listed(twice)).toEqual([['no-reason', 'uninformative', 2, 2]]);
    expect(analysed(twice).followUp[0]!.items).toEqual(['b', 'c']);
  });

  it('a rejection written over rows gave a reason when any of its rows did', () => {
    const rows = [
      row('a1', '2026-02-03', 'Acme', 'Interview', ['uninformative']),
      row('a2', '2026-02-03', 'Acme', 'Interview', ['delivery']),
      row('b1', '2026-03-01', 'Globex', 'Interview', ['delivery']),
    ];
    expect(listed(rows)).toEqual([['repeat', 'delivery', 2, 2]]);
    expect(analysed(rows).followUp[0]!.items).toEqual(['a2', 'b1']);
  });
});

describe('one application followed through its stages', () => {
  // Halden Bank's feedback on the CV, then on the interview, then on the final interview, for one role.
  const row = (
    id: string,
    date: string | null,
    employer: string,
    stage: string,
    themes: string[],
    role: string | null = 'Grace Period Analyst',
  ) => classifiedItem({ id, candidate: 'S3101', stage, date, employer, role, themes, line: 2 });
  const analysed = (rows: ReturnType<typeof row>[]) => model(true, false, rows);
  const listed = (rows: ReturnType<typeof row>[]) => analysed(rows).followUp.map((r) => [r.kind, r.themeId, r.rejections, r.of, r.stages]);
  const halden = [
    row('h1', '2026-02-03', 'Halden Bank', 'Application', ['qualifications']),
    row('h2', '2026-02-17', 'Halden Bank', 'Interview', ['delivery', 'examples']),
    row('h3', '2026-04-08', 'HALDEN BANK', 'Final interview', ['delivery']),
  ];

  it('is one rejection where the process ended: one employer saying it at two stages is no repeat', () => {
    expect(listed(halden)).toEqual([]);
    const other = row('o1', '2026-05-01', 'Corran Motors', 'Interview', ['delivery'], 'Graduate Engineer');
    expect(listed([...halden, other])).toEqual([['repeat', 'delivery', 2, 2, ['Final interview', 'Interview']]]);
    // Traceable to every row read with the theme, at every stage.
    expect(analysed([...halden, other]).followUp[0]!.items).toEqual(['h2', 'h3', 'o1']);
    const digest = analysed([...halden, other]).digests![0]!;
    expect(digest.items).toBe(2);
    expect(digest.entries).toHaveLength(4);
    // Both applications ended at interview: the page does not send the student back to the CV.
    expect(digest.diagnosis.join(' ')).not.toMatch(/before interview|CV/);
  });

  it('stays apart when the later stage is silent, comes earlier in the process, is months on, or for another role', () => {
    const cv = row('h1', '2026-02-03', 'Halden Bank', 'Application', ['qualifications']);
    // A final stage with no reason is still a call to make.
    expect(listed([cv, row('h2', '2026-02-17', 'Halden Bank', 'Interview', ['uninformative'])])).toEqual([
      ['no-reason', 'uninformative', 1, 2, ['Interview']],
    ]);
    for (const later of [
      row('h2', '2026-01-20', 'Halden Bank', 'Interview', ['qualifications']),
      row('h2', '2026-11-02', 'Halden Bank', 'Interview', ['qualifications']),
      row('h2', '2026-02-17', 'Halden Bank', 'Interview', ['qualifications'], 'Risk Analyst'),
      row('h2', '2026-02-17', 'Halden Bank', 'Interview', ['qualifications'], null),
      row('h2', null, 'Halden Bank', 'Interview', ['qualifications']),
    ]) {
      const first = later.item.role === null ? row('h1', '2026-02-03', 'Halden Bank', 'Application', ['qualifications'], null) : cv;
      expect(listed([first, later])).toEqual([['repeat', 'qualifications', 2, 2, ['Application', 'Interview']]]);
    }
    // An interview, then the application again: the role applied for a second time.
    expect(
      listed([
        row('h1', '2026-02-17', 'Halden Bank', 'Interview', ['qualifications']),
        row('h2', '2026-03-01', 'Halden Bank', 'Application', ['qualifications']),
      ]),
    ).toEqual([['repeat', 'qualifications', 2, 2, ['Interview', 'Application']]]);
  });
});

describe('who to call first', () => {
  const row = (id: string, candidate: string, date: string, employer: string, stage: string, theme: string) =>
    classifiedItem({ id, candidate, stage, date, employer, themes: [theme], line: 2 });

  it('a reason back three times, and an employer silent after an interview, come before a reason back twice', () => {
    const rows = model(true, false, [
      // Twice the same reason: worth a one-to-one, not first.
      row('a1', 'S-TWICE', '2026-01-10', 'Acme', 'Interview', 'delivery'),
      row('a2', 'S-TWICE', '2026-02-10', 'Globex', 'Interview', 'delivery'),
      // One silent employer after a final interview: phone them while they remember.
      row('b1', 'S-FINAL', '2026-03-01', 'Initech', 'Final interview', 'uninformative'),
      // One silent employer at the application stage: a call, not first.
      row('c1', 'S-APPLIED', '2026-03-02', 'Umbrella', 'Application', 'uninformative'),
      // Three times the same reason.
      row('d1', 'S-THRICE', '2026-01-05', 'Acme', 'Online test', 'assessment'),
      row('d2', 'S-THRICE', '2026-02-05', 'Globex', 'Online test', 'assessment'),
      row('d3', 'S-THRICE', '2026-03-05', 'Initech', 'Online test', 'assessment'),
    ]).followUp;
    expect(rows.map((r) => [r.candidate, r.kind, r.rejections])).toEqual([
      ['S-THRICE', 'repeat', 3],
      ['S-FINAL', 'no-reason', 1],
      ['S-TWICE', 'repeat', 2],
      ['S-APPLIED', 'no-reason', 1],
    ]);
  });
});

describe("a candidate's contact in the follow-up list", () => {
  it('gives an address written in two cases once, as the newest row wrote it, beside a different one', () => {
    const withEmail = (email: string) => (item: ReturnType<typeof handMadeCandidates>[number]) => ({
      ...item,
      item: { ...item.item, contact: { name: 'Ada Lovelace', email, phone: null } },
    });
    const emails: Record<string, string> = {
      a1: 'Ada.Lovelace@Uni.ac.uk',
      a2: 'ada.lovelace@uni.ac.uk',
      a3: 'ada.lovelace@uni.ac.uk ',
      a4: 'ada@example.org',
    };
    const classified = handMadeCandidates().map((item) => (item.item.id in emails ? withEmail(emails[item.item.id]!)(item) : item));
    const row = model(true, false, classified).followUp.find((r) => r.candidate === 'ADA-01')!;
    expect(row.email).toBe('ada@example.org; ada.lovelace@uni.ac.uk');
  });
});
