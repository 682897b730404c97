import { describe, expect, it } from 'vitest';
import {
  finishRejects,
  labelledTextsAsRead,
  namesBySource,
  pseudonymiser,
  redactFileReports,
  redactItems,
  redactItemsInTurns,
  redactSource,
  REJECT_RAW_CHARS,
} from '../../src/redact/index.js';
import type { FeedbackItem, IngestFileReport } from '../../src/types.js';

const pseudonymise = pseudonymiser(new Uint8Array(32).fill(7));

function file(source: string, candidateKind: IngestFileReport['candidateKind']): IngestFileReport {
  return {
    source,
    bytes: 0,
    sha256: '',
    encoding: 'utf-8',
    delimiter: ',',
    skippedRows: 0,
    headers: [],
    columns: {},
    candidateKind,
    nameColumns: [],
    dataRows: 1,
    items: 1,
    rejected: 0,
    notes: [],
  };
}

const item: FeedbackItem = {
  id: 'R1',
  candidate: 'S1',
  cohort: 'BSc (ask jo@uni.ac.uk)',
  stage: 'Interview',
  employer: 'Acme 07700 900123',
  role: 'Analyst',
  date: null,
  text: 'Write to hr@acme.co.uk, Jane.',
  source: 'a.csv',
  line: 2,
  names: ['Jane Doe'],
};

describe('labelledTextsAsRead', () => {
  const texts = ['Dear Grace, your answers lacked examples.', 'Fiifi felt the answers were short.', 'asked fiifi about the rota.'];

  it('redacts labelled texts as a run reads them, a name found in one hidden in all', () => {
    expect(labelledTextsAsRead(texts)).toEqual([
      'Dear [name], your answers lacked examples.',
      '[name] felt the answers were short.',
      'asked [name] about the rota.',
    ]);
  });

  it('gives them as written for a run that does not redact', () => {
    expect(labelledTextsAsRead(texts, false)).toEqual(texts);
  });
});

describe('redactItems', () => {
  it('redacts every text column, names from name columns, and keeps ids that are ids', () => {
    const [out] = redactItems([item], { pseudonymise, files: [file('a.csv', 'id')] });
    expect(out.text).toBe('Write to [email], [name].');
    expect(out.cohort).toBe('BSc (ask [email])');
    expect(out.employer).toBe('Acme [phone]');
    expect(out.candidate).toBe('S1');
    expect(out.id).toBe('R1');
    expect(out).not.toHaveProperty('names');
    expect(item.text).toBe('Write to hr@acme.co.uk, Jane.');
  });

  it('gives a candidate known by email or name a stable pseudonym, keeping the real one aside', () => {
    const byEmail = { ...item, candidate: 'Jane.Doe@example.com', id: 'jane.doe@example.com' };
    const [a] = redactItems([byEmail], { pseudonymise, files: [file('a.csv', 'email')] });
    const [b] = redactItems([{ ...byEmail, candidate: ' jane.doe@EXAMPLE.com ' }], { pseudonymise, files: [file('a.csv', 'email')] });
    expect(a.candidate).toMatch(/^p-[0-9a-f]{12}$/);
    expect(b.candidate).toBe(a.candidate);
    expect(a.id).toMatch(/^p-[0-9a-f]{12}$/);
    expect(a.candidateRaw).toBe('Jane.Doe@example.com');
    const [named] = redactItems([{ ...item, candidate: 'Jane Doe' }], { pseudonymise, files: [file('a.csv', 'name')] });
    expect(named.candidate).toMatch(/^p-/);
    expect(pseudonymiser(new Uint8Array(32).fill(8))('Jane Doe')).not.toBe(named.candidate);
  });

  it("keeps the row's own employer in its text even when named like a person, and hides the people beside it", () => {
    const text = 'Spoke to Hartwell re: the offer; Oluwaseun said the panel wanted more.';
    const [out] = redactItems([{ ...item, text, employer: 'Hartwell Ltd', names: [] }], { pseudonymise, files: [file('a.csv', 'id')] });
    expect(out.text).toBe('Spoke to Hartwell re: the offer; [name] said the panel wanted more.');
    const [other] = redactItems([{ ...item, text, employer: 'Acme', names: [] }], { pseudonymise, files: [file('a.csv', 'id')] });
    expect(other.text).toBe('Spoke to [name] re: the offer; [name] said the panel wanted more.');
  });

  it('keeps an employer named like people beside a student who shares a part of its name, and redacts the rest of the cell', () => {
    const named = { ...item, names: ['Siân Morgan'], text: 'Morgan, thank you for coming in.' };
    const [out] = redactItems([{ ...named, employer: 'Morgan Stanley' }], { pseudonymise, files: [file('a.csv', 'id')] });
    expect(out.employer).toBe('Morgan Stanley');
    expect(out.text).toBe('[name], thank you for coming in.');
    const [other] = redactItems([{ ...named, employer: 'Morgan Recruitment (Siân Morgan) 07700 900123' }], {
      pseudonymise,
      files: [file('a.csv', 'id')],
    });
    expect(other.employer).toBe('[name] Recruitment ([name]) [phone]');
  });

  it('keeps the row’s job title where the feedback names it, though its first word is a given name', () => {
    const titled = (role: string, text: string) =>
      redactItems([{ ...item, names: ['Riya Patel'], role, text }], { pseudonymise, files: [file('a.csv', 'id')] })[0]!;
    expect(titled('Mark Scheme Moderator', 'Riya, the Mark Scheme Moderator role needs more marking experience.').text).toBe(
      '[name], the Mark Scheme Moderator role needs more marking experience.',
    );
    expect(titled('Mark Scheme Moderator', 'Riya, the Mark Scheme Moderator role needs more marking experience.').role).toBe(
      'Mark Scheme Moderator',
    );
    // Another row's title is no exception: a person the recogniser finds is hidden as before.
    expect(titled('Data Analyst', 'Mark Ellis said you need more marking experience.').text).toBe(
      '[name] [name] said you need more marking experience.',
    );
  });
});

describe('redactItemsInTurns', () => {
  it('gives what redactItems gives, in order, while letting the event loop turn between slices', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({
      ...item,
      id: `R${i}`,
      candidate: i % 3 === 0 ? `s${i}@example.com` : `S${i}`,
      text: `Row ${i}: write to hr${i}@acme.co.uk, Jane.`,
    }));
    const options = { pseudonymise, files: [file('a.csv', 'email')] };
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const redacted = await redactItemsInTurns(items, options);
    clearInterval(ticking);
    // Timers ran while it worked: it did not hold the thread for all 150 items.
    expect(turns).toBeGreaterThan(0);
    expect(redacted).toEqual(redactItems(items, options));
    expect(redacted.map((out) => out.text)).toEqual(items.map((_, i) => `Row ${i}: write to [email], [name].`));
    expect(await redactItemsInTurns([], options)).toEqual([]);
  });

  it('tells of each slice but the last as its first reading left it, before the names found later are hidden', async () => {
    // Row 0 names no one by itself; row 100 tells that Fiifi is a name, hidden in row 0 only at the end.
    const items = Array.from({ length: 150 }, (_, i) => ({ ...item, id: `R${i}`, text: `Row ${i} was read.` }));
    items[0] = { ...items[0]!, text: 'I asked fiifi about the offer.' };
    items[100] = { ...items[100]!, text: 'Fiifi felt the case study was rushed.' };
    const options = { pseudonymise, files: [file('a.csv', 'id')] };
    const told: string[][] = [];
    const redacted = await redactItemsInTurns(items, { ...options, onFirstReading: (slice) => told.push(slice.map((out) => out.text)) });
    expect(told.map((slice) => slice.length)).toEqual([64, 64]);
    expect(told[0]![0]).toBe('I asked fiifi about the offer.');
    expect(redacted[0]!.text).toBe('I asked [name] about the offer.');
    expect(redacted).toEqual(redactItems(items, options));
  });
});

describe('finishRejects', () => {
  it('redacts the whole raw row first and only then cuts it', () => {
    const raw = `${'x'.repeat(REJECT_RAW_CHARS - 12)},jane.doe.long@example.com,+44 20 7946 0958,Jane Doe`;
    const [out] = finishRejects([{ source: 'a.csv', line: 3, reason: 'expected 4 fields, found 3', raw, names: ['Jane Doe'] }], true);
    expect(out.raw.length).toBeLessThanOrEqual(REJECT_RAW_CHARS);
    expect(out.raw).not.toMatch(/jane|\+44|@/i);
    expect(out.raw).toContain(',[email],[ph');
    expect(out).not.toHaveProperty('names');
  });

  it('reads the reason as the row: a sheet grouped under a row per student quotes that name', () => {
    const [out] = finishRejects(
      [
        {
          source: 'a.csv',
          line: 2,
          reason: 'a title row ("Priya Patel") with nothing else filled, not feedback',
          raw: 'Priya Patel,,,',
        },
      ],
      true,
    );
    expect(out!.reason).toBe('a title row ("[name] [name]") with nothing else filled, not feedback');
    expect(out!.raw).toBe('[name] [name],,,');
  });

  it("hides a student's name in the sheet a row is on, as in the file's path", () => {
    const [out] = finishRejects(
      [{ source: 'Priya Patel.xlsx', sheet: 'Priya Patel', line: 5, reason: 'a summary row ("Total"), not feedback', raw: 'Total,3' }],
      true,
      new Map([['Priya Patel.xlsx', ['Priya Patel']]]),
    );
    expect(out).toMatchObject({ source: '[name].xlsx', sheet: '[name]' });
  });

  it('only cuts with redaction off', () => {
    const [out] = finishRejects([{ source: 'a.csv', line: 3, reason: 'r', raw: 'a@b.com'.repeat(100) }], false);
    expect(out.raw).toBe('a@b.com'.repeat(100).slice(0, REJECT_RAW_CHARS));
  });
});

describe('a file or sheet named after a student', () => {
  const source = '/exports/Priya Patel - feedback.xlsx';
  const fromFile = (extra: Partial<FeedbackItem>): FeedbackItem => ({ ...item, source, names: ['Priya Patel'], ...extra });
  const items = [
    fromFile({ id: 'Priya Patel - feedback.xlsx:2' }),
    fromFile({ id: 'Priya Patel - feedback.xlsx:3', names: ['Tom Baker'] }),
  ];
  const rejects = [{ source, line: 4, reason: 'a summary row ("Total"), not feedback', raw: 'Total,,', names: ['Sam Jones'] }];
  const fileNames = namesBySource(items, rejects);

  it('hides the names of its rows in its path, its item ids and its sheet, wherever they are shown', () => {
    expect(fileNames.get(source)).toEqual(['Priya Patel', 'Tom Baker', 'Sam Jones']);
    const out = redactItems(items, { pseudonymise, files: [file(source, 'id')], fileNames });
    expect(out.map((o) => o.source)).toEqual(['/exports/[name] - feedback.xlsx', '/exports/[name] - feedback.xlsx']);
    // Ids made from the file name become pseudonyms, one per item as before (a row of Tom's included).
    expect(out.map((o) => o.id)).toEqual([pseudonymise(items[0]!.id), pseudonymise(items[1]!.id)]);
    expect(finishRejects(rejects, true, fileNames)[0]!.source).toBe('/exports/[name] - feedback.xlsx');
    const [report] = redactFileReports(
      [{ ...file(source, 'id'), sheet: 'Priya Patel', notes: ['sheet "Priya Patel" of the workbook'] }],
      fileNames,
    );
    expect(report).toMatchObject({ source: '/exports/[name] - feedback.xlsx', sheet: '[name]', notes: ['sheet "[name]" of the workbook'] });
  });

  it('leaves files whose rows name nobody as they are', () => {
    const [out] = redactItems([{ ...item, names: [] }], { pseudonymise, files: [file('a.csv', 'id')], fileNames });
    expect(out).toMatchObject({ source: 'a.csv', id: 'R1' });
  });
});

describe('a file or sheet named after a student no row names', () => {
  it('hides the name the recogniser finds in the file name, keeping its folder and extension', () => {
    const none = new Map<string, string[]>();
    expect(redactSource('/exports/Priya Sharma feedback.xlsx', none)).toBe('/exports/[name] [name] feedback.xlsx');
    expect(redactSource('Oluwaseun Adeyemi.csv', none)).toBe('[name] [name].csv');
    expect(redactSource('Tom Baker', none)).toBe('[name] [name]');
    expect(redactSource('Priya Sharma feedback.xlsx:2', none, 'Priya Sharma feedback.xlsx')).toBe('[name] [name] feedback.xlsx:2');
    for (const kept of ['/exports/March 2026 export.csv', 'Grant Thornton rejections.csv', 'Sheet1', 'export.csv:12', 'R_1a2B3c'])
      expect(redactSource(kept, none), kept).toBe(kept);
  });

  it('hides a name in a folder of the path too, on either kind of separator', () => {
    const none = new Map<string, string[]>();
    expect(redactSource('/exports/Tom Baker/feedback.csv', none)).toBe('/exports/[name] [name]/feedback.csv');
    expect(redactSource('C:\\Users\\Aisha Khan\\Documents\\feedback.xlsx', none)).toBe(
      'C:\\Users\\[name] [name]\\Documents\\feedback.xlsx',
    );
    for (const kept of [
      'data/Careers Service/2026 cohort/export.csv',
      'reports/Rolls-Royce/feedback.csv',
      'Downloads/Microsoft Forms/Feedback.csv',
    ])
      expect(redactSource(kept, none), kept).toBe(kept);
  });

  it('reads a file note whole for names, not only up to its first "." or from its last "/"', () => {
    const [report] = redactFileReports(
      [
        {
          ...file('a.csv', 'id'),
          notes: [
            'skipped 2 title rows above the header. Prepared by Margaret Okafor',
            'dates in column "Date" are day first (e.g. "03/04/2026"), as Tom Baker wrote them',
            'Qualtrics export: skipped the question-text row under the header',
          ],
        },
      ],
      new Map([['a.csv', ['Tom Baker']]]),
    );
    expect(report!.notes).toEqual([
      'skipped 2 title rows above the header. Prepared by [name] [name]',
      'dates in column "Date" are day first (e.g. "03/04/2026"), as [name] wrote them',
      'Qualtrics export: skipped the question-text row under the header',
    ]);
  });
});

describe('a reply that held only personal details', () => {
  it.each(['07700 900123', 'priya.patel@gmail.com', 'Priya Patel, +44 7700 900456', 'Priya Patel'])(
    '%s is no feedback given: blank text, never "[phone]"',
    (text) => {
      const [out] = redactItems([{ ...item, text, names: ['Priya Patel'] }], { pseudonymise, files: [file('a.csv', 'id')] });
      expect(out.text).toBe('');
      expect(out.noText).toBe(true);
    },
  );

  it('keeps a reply with words beside the details', () => {
    const [out] = redactItems([{ ...item, text: 'Too quiet; call 07700 900123.' }], { pseudonymise, files: [file('a.csv', 'id')] });
    expect(out.text).toBe('Too quiet; call [phone].');
    expect(out.noText).toBeUndefined();
  });
});

describe('the data-quality notes of a file with replies that held only personal details', () => {
  it('counts them as no feedback given, beside the blank ones ingest counted', () => {
    const read = [
      { ...item, text: '07700 900123' },
      { ...item, id: 'R2', text: 'Too quiet.' },
    ];
    const redacted = redactItems(read, { pseudonymise, files: [file('a.csv', 'id')] });
    const [report] = redactFileReports([{ ...file(item.source, 'id'), notes: ['1 row with a blank "Feedback"'] }], new Map(), {
      read,
      redacted,
    });
    expect(report!.notes).toEqual([
      '1 row with a blank "Feedback"',
      '1 row whose feedback held only personal details (a phone number, an address, a name) counted as "no feedback given" once they were hidden',
    ]);
  });
});
