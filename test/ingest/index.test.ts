import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import { ExitCode } from '../../src/errors.js';
import { createMemoryLogger } from '../../src/logger.js';
import type { IngestResult } from '../../src/types.js';
import { cliErrorOf, defaultOptions, fixture, tempFiles } from './helpers.js';
import { finishRejects, namesBySource, redactFreeText } from '../../src/redact/index.js';
import { RAW_CHARS } from '../../src/ingest/rows.js';

const files = tempFiles();

function expectInvariant(result: IngestResult) {
  expect(result.dataRows).toBe(result.items.length + result.rejects.length);
  for (const file of result.files) expect(file.dataRows).toBe(file.items + file.rejected);
  expect(new Set(result.items.map((i) => i.id)).size).toBe(result.items.length);
}

describe('ingestFiles: columns', () => {
  it('reads a plain export with every column auto-detected', async () => {
    const logger = createMemoryLogger();
    const path = fixture('basic.csv');
    const result = await ingestFiles([path], defaultOptions(), logger);
    expectInvariant(result);
    expect(result.items).toHaveLength(3);
    expect(result.items[0]).toEqual({
      id: 'R1',
      candidate: 'S001',
      cohort: 'BSc Computer Science',
      stage: 'Interview',
      employer: 'Acme Ltd',
      role: 'Graduate Analyst',
      date: '2026-03-04',
      rawDate: '04/03/2026',
      text: 'Your answers lacked specific examples, and you did not say what you did yourself.',
      source: path,
      line: 2,
    });
    expect(result.items[2].text).toBe('The case study presentation ran over time; "too much detail" was the panel\'s view.');
    expect(result.items[2].date).toBe('2026-03-05');
    expect(result.files[0]).toMatchObject({ encoding: 'utf-8', delimiter: ',', skippedRows: 0, dataRows: 3, items: 3, rejected: 0 });
    // The file's identity is taken from the same read: size and SHA-256 of its bytes.
    const bytes = readFileSync(path);
    expect(result.files[0]!.bytes).toBe(bytes.length);
    expect(result.files[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(logger.lines).toEqual([
      `read ${path}: 3 rows, utf-8, ",", 0 rejected; columns text="Employer feedback" id="Response ID" candidate="Student ID" ` +
        'cohort="Programme" stage="Application stage" date="Feedback date" employer="Company" role="Job title"',
    ]);
  });

  it('obeys --text-column and the other flags, and per-file overrides by basename', async () => {
    const path = fixture('basic.csv');
    const flagged = await ingestFiles([path], defaultOptions({ columns: { text: 'job title', candidate: 'Company' } }));
    expect(flagged.items[0].text).toBe('Graduate Analyst');
    expect(flagged.items[0].candidate).toBe('Acme Ltd');
    expect(flagged.files[0].columns.role).toBeUndefined();

    const perFile = await ingestFiles(
      [path],
      defaultOptions({ columns: { text: 'Nope' }, fileColumns: { 'basic.csv': { text: 'Programme' } } }),
    );
    expect(perFile.items[0].text).toBe('BSc Computer Science');
  });

  it('fails with exit 2 when a forced column does not exist, listing the columns', async () => {
    const path = fixture('basic.csv');
    const error = await cliErrorOf(() => ingestFiles([path], defaultOptions({ columns: { text: 'Feedbak' } })));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${path}: no column "Feedbak" (--text-column). Columns found: "Response ID", "Student ID", "Programme", "Application stage", "Feedback date", "Company", "Job title", "Employer feedback". Check the spelling or run without --text-column to auto-detect.`,
    );
  });

  it('fails with exit 2 when no text column can be found', async () => {
    const error = await cliErrorOf(() => ingestFiles([fixture('no-text.csv')], defaultOptions()));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(
      /no feedback text column found\. Columns found: A "Response ID", B "Student ID", C "Score"\..*--text-column NAME/,
    );
  });

  it('fails with exit 3 (no input) when every row is rejected, quoting the reasons as the outputs would show them', async () => {
    // Title rows quote their first cell; with redaction on, a student's name there is hidden in
    // the error as in rejects.csv and the per-file warning.
    const path = files.write('titles-only.csv', 'Employer,Stage,Feedback\nPriya Patel,,\nChidi Okafor,,\n');
    const error = await cliErrorOf(() => ingestFiles([path], defaultOptions({ prepareText: redactFreeText })));
    expect(error.exitCode).toBe(ExitCode.noInput);
    expect(error.message).toMatch(/no usable feedback rows in .*\(2 rows rejected: .*a title row \("\[name\] \[name\]"\)/);
    expect(error.message).not.toMatch(/Priya|Patel|Chidi|Okafor/);
    const plain = await cliErrorOf(() => ingestFiles([path], defaultOptions()));
    expect(plain.message).toContain('a title row ("Priya Patel")');
  });

  it('fails with exit 2 naming a file that does not exist', async () => {
    const error = await cliErrorOf(() => ingestFiles(['missing/nowhere.csv'], defaultOptions()));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('missing/nowhere.csv: cannot read the export: no such file. Give the path of a readable CSV export.');
    const dir = await cliErrorOf(() => ingestFiles([files.dir], defaultOptions()));
    expect(dir.exitCode).toBe(2);
    expect(dir.message).toMatch(/: cannot read the export: it is a folder, not a file\./);
  });
});

describe('ingestFiles: encodings', () => {
  const text =
    'ID,Feedback\r\n1,Your CV was “good” but the café role needed £ and € figures – sorry\r\n2,Naïve answers; résumé too long\r\n';

  it.each([
    ['utf-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
    ['windows-1252', iconv.encode(text, 'windows-1252'), 'windows-1252'],
  ])('reads %s', async (name, bytes, encoding) => {
    const path = files.write(`enc-${name.replace(/\W+/g, '-')}.csv`, bytes);
    const result = await ingestFiles([path], defaultOptions());
    expect(result.files[0].encoding).toBe(encoding);
    expect(result.items.map((i) => i.text)).toEqual([
      'Your CV was “good” but the café role needed £ and € figures – sorry',
      'Naïve answers; résumé too long',
    ]);
    expect(result.files[0].headers).toEqual(['ID', 'Feedback']);
    expect(JSON.stringify(result)).not.toContain('\uFFFD');
  });

  it('reads Excel "Unicode Text" (UTF-16LE, tab-delimited)', async () => {
    const tsv = 'Student\tFeedback\tDate\r\nS1\tNo examples of teamwork.\t04/03/2026\r\n';
    const path = files.write('unicode-text.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf-16le')]));
    const result = await ingestFiles([path], defaultOptions());
    expect(result.files[0]).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(result.items[0]).toMatchObject({ candidate: 'S1', text: 'No examples of teamwork.', date: '2026-03-04', line: 2 });
  });

  it('reads Latin-1 text and obeys a forced encoding', async () => {
    const latin = 'id,feedback\n1,"Trop timide à l\'entretien, manque de préparation"\n';
    const path = files.write('latin1.csv', iconv.encode(latin, 'latin1'));
    const detected = await ingestFiles([path], defaultOptions());
    expect(detected.items[0].text).toBe("Trop timide à l'entretien, manque de préparation");
    const forced = await ingestFiles([path], defaultOptions({ encoding: 'latin1' }));
    expect(forced.files[0].encoding).toBe('latin1');
    expect(forced.items[0].text).toBe("Trop timide à l'entretien, manque de préparation");
  });

  it('fails with exit 2 on an unknown --encoding', async () => {
    const error = await cliErrorOf(() => ingestFiles([fixture('basic.csv')], defaultOptions({ encoding: 'utf-9' })));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/unknown encoding "utf-9"/);
  });

  it('switches encoding when non-UTF-8 bytes first appear after the 64 KB sample', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `${i},Plain ascii feedback number ${i}.`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`id,feedback\n${filler}\n`), iconv.encode('late,Café “late” row\n', 'windows-1252')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const result = await ingestFiles([files.write('late-cp1252.csv', bytes)], defaultOptions());
    expect(result.items.at(-1)!.text).toBe('Café “late” row');
    expect(result.files[0].encoding).toBe('windows-1252');
    expect(result.files[0].notes.join('\n')).toMatch(/after the first 64 KB/);
  });
});

describe('ingestFiles: delimiters and line endings', () => {
  it('reads a semicolon file whose text has many commas', async () => {
    const result = await ingestFiles([fixture('semicolon.csv')], defaultOptions());
    expect(result.files[0].delimiter).toBe(';');
    expect(result.items).toHaveLength(4);
    expect(result.items[0].text).toBe('Strong field, many applicants, and an internal candidate, so we went another way, sorry.');
  });

  it('reads tab and pipe files, and obeys --delimiter', async () => {
    const tab = await ingestFiles([fixture('tab.tsv')], defaultOptions());
    expect(tab.files[0].delimiter).toBe('\t');
    expect(tab.items[1].text).toBe('Did not research the company, or the role.');
    const pipe = await ingestFiles([fixture('pipe.txt')], defaultOptions());
    expect(pipe.files[0].delimiter).toBe('|');
    expect(pipe.items[1].text).toBe('Did not research the company; or the role.');
    // A forced delimiter is obeyed even when wrong; the error then shows how the file split.
    const forced = await cliErrorOf(() =>
      ingestFiles([fixture('semicolon.csv')], defaultOptions({ delimiter: 'comma', columns: { text: 'feedback' } })),
    );
    expect(forced.message).toMatch(/Columns found: "1;S1;2026;Strong field", "many applicants"/);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('reads %s line endings with quoted line breaks and names each row as a spreadsheet shows it', async (name, eol) => {
    const content = ['id,feedback', '1,"First line', 'second line"', '2,"He said ""no"""', '3,plain', '', ''].join(eol);
    const result = await ingestFiles([files.write(`eol-${name}.csv`, content)], defaultOptions());
    expect(result.items.map((i) => [i.id, i.line, i.text])).toEqual([
      ['1', 2, 'First line\nsecond line'],
      ['2', 3, 'He said "no"'],
      ['3', 4, 'plain'],
    ]);
    expect(result.rejects).toEqual([]);
  });
});

describe('ingestFiles: survey exports', () => {
  it('skips the extra Qualtrics header rows and finds columns from question text', async () => {
    const result = await ingestFiles([fixture('qualtrics.csv')], defaultOptions());
    expectInvariant(result);
    expect(result.files[0].skippedRows).toBe(2);
    expect(result.files[0].notes.join('\n')).toMatch(/Qualtrics/);
    expect(result.files[0].columns).toMatchObject({ id: 'ResponseId', text: 'Q3', candidate: 'Q1', cohort: 'Q2', date: 'EndDate' });
    expect(result.items.map((i) => [i.id, i.line, i.date])).toEqual([
      ['R_1a2b3c', 4, '2026-03-01'],
      ['R_4d5e6f', 5, '2026-03-02'],
    ]);
  });

  it('skips the SurveyMonkey sub-header row', async () => {
    const result = await ingestFiles([fixture('surveymonkey.csv')], defaultOptions({ dateOrder: 'mdy' }));
    expect(result.files[0].skippedRows).toBe(1);
    expect(result.files[0].columns).toMatchObject({
      id: 'Respondent ID',
      candidate: 'Student number',
      text: 'What feedback did the employer give you?',
    });
    expect(result.items.map((i) => [i.id, i.line, i.date])).toEqual([
      ['11800000001', 3, '2026-03-04'],
      ['11800000002', 4, '2026-03-05'],
    ]);
  });

  it('obeys skipRows', async () => {
    const result = await ingestFiles([fixture('title-row.csv')], defaultOptions({ skipRows: 2 }));
    expect(result.files[0]).toMatchObject({ skippedRows: 2, headers: ['Student', 'Feedback', 'Employer'] });
    expect(result.items[0]).toMatchObject({ candidate: 'S1', employer: 'Acme', line: 5 });
  });
});

describe('ingestFiles: headers and rows', () => {
  it('renames empty and duplicate headers and keeps every value', async () => {
    const result = await ingestFiles([fixture('headers.csv')], defaultOptions());
    expect(result.files[0].headers).toEqual(['Feedback', 'column_2', 'Name', 'Name_2', 'name_3', 'column_6']);
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toMatchObject({ text: 'Lacked examples.', candidate: 'Ann' });
    const byName = await ingestFiles([fixture('headers.csv')], defaultOptions({ columns: { candidate: 'Name_2', cohort: 'column_6' } }));
    expect(byName.items[1]).toMatchObject({ candidate: 'Bobby', cohort: 'more' });
  });

  it('rejects ragged rows, reads one that stops early with its last cells empty, keeps a blank text as no feedback given, tolerates a trailing delimiter, ignores blank lines', async () => {
    const path = fixture('ragged.csv');
    const logger = createMemoryLogger();
    const result = await ingestFiles([path], defaultOptions(), logger);
    expectInvariant(result);
    expect(result.items.map((i) => [i.id, i.line, i.noText ?? false])).toEqual([
      ['1', 2, false],
      ['3', 4, false],
      ['4', 5, true],
      ['5', 6, false],
      ['6', 8, false],
    ]);
    expect(result.items[1]).toMatchObject({ text: 'No keywords in the CV.', stage: null });
    expect(result.items[2]).toMatchObject({ text: '', stage: 'Application' });
    expect(result.rejects).toEqual([
      { source: path, line: 3, reason: 'expected 3 fields, found 4', raw: '2,Too short,Interview,unexpected' },
    ]);
    expect(result.files[0]).toMatchObject({ dataRows: 6, items: 5, rejected: 1 });
    expect(result.files[0].notes).toContain('1 blank row ignored');
    expect(result.files[0].notes).toContain(
      '1 row with a blank "feedback" counted as "no feedback given" (the no-reason theme, worth a call)',
    );
    expect(logger.lines[1]).toMatch(/^warning: .*ragged\.csv: 1 of 6 rows rejected \(1 × expected 3 fields, found 4\)/);
  });

  it('keeps ids from the id column, makes repeats unique and uses <file>:<line> when missing', async () => {
    const result = await ingestFiles([fixture('dup-ids.csv'), fixture('dup-ids-2.csv')], defaultOptions());
    expectInvariant(result);
    expect(result.items.map((i) => i.id)).toEqual(['A1', 'A2', 'A1#2', 'dup-ids.csv:5', 'A1#3', 'dup-ids-2.csv:A1', 'A3']);
    expect(result.files[0].notes).toContain('2 repeated ids made unique (e.g. A1 → A1#2)');
    expect(result.files[1].notes.join('\n')).toMatch(/prefixed with "dup-ids-2.csv:"/);
  });

  it('parses dates, keeps unparseable ones raw, and notes them', async () => {
    const result = await ingestFiles([fixture('dates.csv')], defaultOptions());
    expect(result.items.map((i) => i.date)).toEqual([
      '2026-03-04',
      '2026-03-04',
      '2026-03-04',
      '2026-03-04',
      '2026-03-04',
      '2026-03-04',
      '2026-03-01',
      null,
      null,
      null,
    ]);
    expect(result.items[7].rawDate).toBe('next Tuesday');
    expect(result.items[8].rawDate).toBeNull();
    // Named by line, so each can be found and corrected.
    expect(result.files[0].notes).toContain(
      '2 dates in column "date" not recognised (e.g. "next Tuesday", "31/02/2026"; lines 9, 11); left empty',
    );
    const mdy = await ingestFiles([fixture('dates.csv')], defaultOptions({ dateOrder: 'mdy' }));
    expect(mdy.items[3].date).toBe('2026-04-03');
  });

  it('leaves empty, naming rows and column, a date after the day of the run or years before the rest of the file', async () => {
    const path = files.write(
      'implausible-dates.csv',
      ['id,feedback,date', '1,a,2026-03-04', '2,b,2031-05-01', '3,c,1999-01-01', '4,d,2026-12-07', '5,e,2021-06-01', '6,f,2027-01-02'].join(
        '\n',
      ),
    );
    const result = await ingestFiles([path], defaultOptions({ today: '2026-12-06' }));
    // A day's grace for time zones; 2021-06-01 is within five years of the middle date left.
    expect(result.items.map((item) => item.date)).toEqual(['2026-03-04', null, null, '2026-12-07', '2021-06-01', null]);
    expect(result.items[1]!.rawDate).toBe('2031-05-01');
    const notes = result.files[0]!.notes;
    expect(notes).toContain(
      '2 dates in column "date" after the day of this run (e.g. "2031-05-01", "2027-01-02"; lines 3, 7): left empty, as feedback comes after a rejection; correct them in the export',
    );
    expect(notes.find((note) => note.startsWith('1 date in column "date" 5 years or more before'))).toContain('"1999-01-01"; line 4)');
    // Without the day of the run (a library caller), only the early date is set aside.
    const undated = await ingestFiles([path], defaultOptions());
    expect(undated.items.map((item) => item.date)).toEqual(['2026-03-04', '2031-05-01', null, '2026-12-07', '2021-06-01', '2027-01-02']);
  });

  it('truncates very long texts at a boundary, marks them and notes it', async () => {
    const long = 'The panel felt the answer lacked a clear result. '.repeat(100_000); // ~5 MB
    const path = files.write('long.csv', `id,feedback,stage\n1,"${long}",Interview\n2,short one,CV\n`);
    const result = await ingestFiles([path], defaultOptions({ maxTextChars: 500 }));
    expect(result.items[0].truncated).toBe(true);
    expect(result.items[0].text.length).toBeLessThanOrEqual(500);
    expect(result.items[0].text.endsWith('result.')).toBe(true);
    expect(result.items[0].stage).toBe('Interview');
    expect(result.items[1]).toMatchObject({ text: 'short one', line: 3 });
    expect(result.items[1].truncated).toBeUndefined();
    expect(result.files[0].notes).toContain('1 text longer than 500 characters truncated');
  });

  it('keeps enough of a rejected row to redact it whole; the output keeps at most 500 characters', async () => {
    const path = files.write('long-reject.csv', `id,feedback,stage\n1,${'z'.repeat(5000)},Interview,extra\n`);
    const error = await cliErrorOf(() => ingestFiles([path], defaultOptions()));
    expect(error.exitCode).toBe(3);
    const result = await ingestFiles([path, fixture('basic.csv')], defaultOptions());
    expect(result.rejects[0].raw).toHaveLength(RAW_CHARS);
    expect(finishRejects(result.rejects, true)[0].raw).toHaveLength(500);
  });
});

describe('ingestFiles: broken input', () => {
  it('fails with exit 3 on an empty or header-only file given alone', async () => {
    const empty = await cliErrorOf(() => ingestFiles([fixture('empty.csv')], defaultOptions()));
    expect(empty.exitCode).toBe(3);
    expect(empty.message).toMatch(/empty\.csv: the file is empty/);
    const headerOnly = await cliErrorOf(() => ingestFiles([fixture('header-only.csv')], defaultOptions()));
    expect(headerOnly.exitCode).toBe(3);
    expect(headerOnly.message).toMatch(/header-only\.csv: the file has a header but no data rows/);
  });

  it('warns and continues past an empty file among several', async () => {
    const logger = createMemoryLogger();
    const result = await ingestFiles([fixture('empty.csv'), fixture('basic.csv')], defaultOptions(), logger);
    expect(result.items).toHaveLength(3);
    expect(result.files).toHaveLength(2);
    expect(logger.lines[0]).toMatch(/^warning: .*empty\.csv: the file is empty; skipped$/);
  });

  it('keeps apart, and warns naming the rows, a student written by id in one export and by address in another', async () => {
    const byId = files.write(
      'cohort-ids.csv',
      [
        'Response ID,Student ID,Student Name,Email,Feedback',
        'A1,00123,Sam Patel,sam.patel@uni.ac.uk,Your CV was not tailored.',
        'A2,S90,Chris Lee,chris.lee@uni.ac.uk,You gave no examples.',
        'A3,S91,Ana Ruiz,ana@uni.ac.uk,You gave no examples.',
      ].join('\n'),
    );
    const mixed = files.write(
      'cohort-mixed.csv',
      [
        'Response ID,Student,Feedback',
        'B1,Chris.Lee@uni.ac.uk,Again no examples.',
        'B2,123,Spelling errors in the CV.',
        'B3,S91,Too vague.',
      ].join('\n'),
    );
    const logger = createMemoryLogger();
    const result = await ingestFiles([byId, mixed], defaultOptions(), logger);
    expect(result.items.map((item) => item.candidate)).toEqual(['00123', 'S90', 'S91', 'Chris.Lee@uni.ac.uk', '123', 'S91']);
    const warnings = logger.lines.filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("another's but for leading zeros");
    expect(warnings[0]).toContain('(rows cohort-ids.csv line 2 and cohort-mixed.csv line 3)');
    expect(warnings[1]).toContain('(rows cohort-ids.csv line 3 and cohort-mixed.csv line 2)');
    expect(result.files[0]!.notes).toEqual(expect.arrayContaining(warnings.map((line) => line.slice('warning: '.length))));
    expect(warnings.join('\n')).not.toMatch(/Chris|Lee@|S90|Patel/);
  });

  it('fails with exit 3 when no file yields an item, listing files and reasons', async () => {
    const allRejected = files.write('all-rejected.csv', 'id,feedback\n1,\n2,  \n');
    const error = await cliErrorOf(() => ingestFiles([fixture('header-only.csv'), allRejected], defaultOptions()));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('header-only.csv');
    expect(error.message).toContain('all-rejected.csv');
    expect(error.message).toContain('2 × empty feedback text in column "feedback"');
  });

  it('fails with exit 2 on a quote that is never closed, naming the line', async () => {
    const path = fixture('unclosed.csv');
    const error = await cliErrorOf(() => ingestFiles([path], defaultOptions()));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${path}:4: a quoted field starting on line 4 is never closed. Close the quote or re-export the file.`);
  });

  it('needs at least one path', async () => {
    const error = await cliErrorOf(() => ingestFiles([], defaultOptions()));
    expect(error.exitCode).toBe(2);
  });
});

describe('ingestFiles: large files', () => {
  it('streams a file larger than the sample with correct rows across chunk boundaries', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      i % 1000 === 0 ? `${i},"Multi\nline ${i}",S${i % 50}` : `${i},Feedback text for row ${i},S${i % 50}`,
    );
    const path = files.write('big.csv', `id,feedback,candidate\r\n${rows.join('\r\n')}\r\n`);
    const result = await ingestFiles([path], defaultOptions());
    expectInvariant(result);
    expect(result.items).toHaveLength(30_000);
    // A multi-line cell adds a physical line to every row after it, but not a row of the sheet.
    const line = (i: number) => 2 + i;
    for (const i of [0, 1, 999, 1000, 1001, 29_999]) expect(result.items[i].line).toBe(line(i));
    expect(result.items[1000].text).toBe('Multi\nline 1000');
  });
});

describe('applicant-tracking exports', () => {
  const files = tempFiles();

  it('keeps two students of the same name apart by their reference, and one student whose name is written three ways together', async () => {
    const path = files.write(
      'ats.csv',
      [
        'Cand. Ref,Applicant Name,Stage reached,Outcome notes',
        'C-1,John Smith,Online tests,Numerical score below the benchmark.',
        'C-1,J. Smith,Interview,Answers lacked structure.',
        'C-1,"SMITH, John",Assessment centre,Numerical test below the threshold.',
        'C-2,john smith ,Application,CV not tailored.',
      ].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expect(result.files[0].columns.candidate).toBe('Cand. Ref');
    expect(result.items.map((i) => i.candidate)).toEqual(['C-1', 'C-1', 'C-1', 'C-2']);
    expect(result.items.map((i) => i.contact?.name)).toEqual(['John Smith', 'J. Smith', 'SMITH, John', 'john smith']);
  });

  it('takes a "Student" column of names for a name column: hidden in a rejected row, kept as the contact name', async () => {
    const path = files.write(
      'student-names.csv',
      [
        'Student No,Student,Stage,Feedback',
        '20240101,Tom Baker,Interview,Answers were vague.',
        '20240202,Fatima Ali,Application,CV not tailored,extra,fields',
      ].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expect(result.files[0].nameColumns).toEqual(['Student']);
    expect(result.items[0]!.contact?.name).toBe('Tom Baker');
    const [reject] = finishRejects(result.rejects, true);
    expect(reject!.raw).not.toMatch(/Fatima|Ali\b/);
  });

  it('takes a feedback cell of punctuation alone ("-", ".") for a blank one: no feedback given', async () => {
    const path = files.write(
      'dashes.csv',
      ['Student ID,Feedback,Comments', 'S1,-,', 'S1,.,', 'S2,–,Did not research the firm.', 'S3,:-),'].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expect(result.items.map((i) => [i.text, i.noText ?? false])).toEqual([
      ['', true],
      ['', true],
      ['Did not research the firm.', false],
      ['', true],
    ]);
  });

  it('reads the feedback from "Comments" in rows where "Feedback" is blank, and says so', async () => {
    const path = files.write(
      'comments.csv',
      [
        'Student ID,Feedback,Comments,Stage',
        'S1,Answers were vague.,,Interview',
        'S1,,Knew nothing about our products.,Interview',
        'S2,,,Application',
      ].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expectInvariant(result);
    expect(result.files[0].columns.text).toBe('Feedback');
    expect(result.items.map((i) => [i.text, i.noText ?? false])).toEqual([
      ['Answers were vague.', false],
      ['Knew nothing about our products.', false],
      ['', true],
    ]);
    expect(result.files[0].notes).toContain('1 row with a blank "Feedback" read the feedback from "Comments"');
    expect(result.files[0].notes).toContain(
      '1 row with a blank "Feedback" counted as "no feedback given" (the no-reason theme, worth a call)',
    );
  });
});

describe('rows a spreadsheet adds under the table', () => {
  const files = tempFiles();

  it('rejects a note the export tool wrote under the table instead of making it a candidate to phone', async () => {
    const path = files.write(
      'footer.csv',
      [
        'Student ID,Stage,Date,Feedback',
        'S-1,Interview,01/03/2026,Answers were too generic.',
        'S-2,Application,02/03/2026,',
        ',,,',
        'Report generated by CareerHub on 05/06/2026,,,',
        'Page 1 of 1,,,',
      ].join('\r\n'),
    );
    // Feedback alone in the first column is feedback, whatever its first word.
    const feedbackOnly = files.write(
      'feedback-first.csv',
      'Feedback,Student ID\r\nPrinted the wrong CV at the interview on 05/06/2026,\r\n',
    );
    expect((await ingestFiles([feedbackOnly], defaultOptions())).items).toHaveLength(1);
    const result = await ingestFiles([path], defaultOptions());
    expectInvariant(result);
    expect(result.items.map((i) => i.candidate)).toEqual(['S-1', 'S-2']);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [5, 'a note the export added under or above the table, not feedback'],
      [6, 'a note the export added under or above the table, not feedback'],
    ]);
  });

  it('rejects a trailing total row with its reason instead of counting it as feedback', async () => {
    const path = files.write(
      'totals.csv',
      [
        'Student Number,Feedback,Stage',
        '',
        'S-501,Lacked motivation for the role.,Interview',
        'S-502,Totally unprepared for the case study.,Assessment',
        '',
        'Total,2 candidates,',
        'Grand total:,,2',
      ].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expectInvariant(result);
    expect(result.items.map((i) => i.candidate)).toEqual(['S-501', 'S-502']);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [6, 'a summary row ("Total"), not feedback'],
      [7, 'a summary row ("Grand total:"), not feedback'],
    ]);
    // Redacted for rejects.csv and the report, the label in the student number's column is no student's number.
    expect(finishRejects(result.rejects, true).map((r) => [r.reason, r.raw])).toEqual([
      ['a summary row ("Total"), not feedback', 'Total,2 candidates,'],
      ['a summary row ("Grand total:"), not feedback', 'Grand total:,,2'],
    ]);
  });

  it("does not hide a summary row's label in a column of names as a name", async () => {
    const path = files.write(
      'named.csv',
      [
        'Student,Student No,Feedback',
        'Amara Osei,0010021,You did not research our clients.',
        'Ben Carter,0010022,You arrived 20 minutes late.',
        'Total,,2',
      ].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expect(finishRejects(result.rejects, true).map((r) => [r.reason, r.raw])).toEqual([
      ['a summary row ("Total"), not feedback', 'Total,,2'],
    ]);
  });

  it('rejects a totals row with no "Total" label (a count under the feedback, "Rows:"), and keeps a student number with nothing else', async () => {
    const path = files.write(
      'unlabelled-totals.csv',
      ['Student Number,Stage,Date,Feedback', '20231187,Interview,2027-01-05,You rambled.', '20231188,,,', ',,,2', ',,Rows:,2'].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expectInvariant(result);
    // A student number alone is a rejection with no feedback given (worth a call), not a total.
    expect(result.items.map((i) => [i.candidate, i.noText ?? false])).toEqual([
      ['20231187', false],
      ['20231188', true],
    ]);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'a summary row ("2"), not feedback'],
      [5, 'a summary row ("Rows: 2"), not feedback'],
    ]);
  });
});

describe('feedback cells that hold a spreadsheet formula', () => {
  const files = tempFiles();

  it('rejects the row with a reason that says how to export the values, and keeps feedback that starts with "="', async () => {
    const path = files.write(
      'formulas.csv',
      [
        'Student ID,Stage,Feedback',
        'S-1,Interview,"=HYPERLINK(""http://ats.example/letters/41"",""Feedback letter"")"',
        'S-1,Interview,=A1&B1',
        "S-2,Interview,=cmd|' /C calc'!A0",
        'S-2,Interview,= good examples but too nervous',
        'S-3,Interview,Answers were too generic.',
      ].join('\r\n'),
    );
    const result = await ingestFiles([path], defaultOptions());
    expectInvariant(result);
    expect(result.items.map((i) => [i.candidate, i.text])).toEqual([
      ['S-2', '= good examples but too nervous'],
      ['S-3', 'Answers were too generic.'],
    ]);
    expect(result.rejects.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(result.rejects[1]!.reason).toBe(
      'a spreadsheet formula in column "Feedback" (=A1&B1), not its value: save the sheet with values (copy, then Paste Special → Values) and export it again',
    );
    // The formula's quoted text, which may name someone, is not repeated.
    expect(result.rejects[0]!.reason).toContain('(=HYPERLINK("…","…")), not its value');
  });
});

describe('a row holding several applications', () => {
  const files = tempFiles();

  it('says, on stderr and in the notes, that a second feedback column was not read, rather than drop it silently', async () => {
    const path = files.write(
      'wide.csv',
      [
        'Student No,Employer 1,Feedback 1,Employer 2,Feedback 2',
        '4401,Acme,Your answers were rambling.,Beta,You rambled again.',
        '4402,Gamma,No experience of Excel modelling.,,',
      ].join('\n'),
    );
    const logger = createMemoryLogger();
    const result = await ingestFiles([path], defaultOptions(), logger);
    expectInvariant(result);
    // Numbered applications are not stages: each row stays the first application, as read.
    expect(result.items.map((i) => [i.candidate, i.employer, i.stage, i.text])).toEqual([
      ['4401', 'Acme', null, 'Your answers were rambling.'],
      ['4402', 'Gamma', null, 'No experience of Excel modelling.'],
    ]);
    const note = '1 row also has words in "Feedback 2", not read: one feedback column is read a row ("Feedback 1")';
    expect(result.files[0]!.notes.join(' ')).toContain(note);
    expect(logger.lines.filter((line) => line.startsWith('warning:')).join(' ')).toContain(note);
    expect(result.files[0]!.notes.join(' ')).toContain('write a row per application');
  });

  it('for a reason column beside the comments of the same application, says how to read it, not to write a row per application', async () => {
    const path = files.write(
      'ats-reason-and-comments.csv',
      [
        'Candidate ID,Company,Disposition Reason,Recruiter Comments',
        'C1,Acme,Insufficient experience,CV lacked relevant internship experience.',
        'C2,Beta,Not a culture fit,Answers felt scripted.',
      ].join('\n'),
    );
    const result = await ingestFiles([path], defaultOptions(), createMemoryLogger());
    const notes = result.files[0]!.notes.join(' ');
    expect(notes).toContain(
      '2 rows also have words in "Disposition Reason", not read: one feedback column is read a row ("Recruiter Comments")',
    );
    expect(notes).toContain('to read "Disposition Reason" instead, choose it with --text-column');
    expect(notes).not.toContain('write a row per application');
  });

  it('for a column named twice (the second renamed "Notes_2"), says how to read it, not to write a row per application', async () => {
    const path = files.write(
      'notes-twice.csv',
      ['Student number,Notes,Notes,Feedback', 'S1,Called twice,Keen,Your examples were vague.'].join('\n'),
    );
    const notes = (await ingestFiles([path], defaultOptions(), createMemoryLogger())).files[0]!.notes.join(' ');
    expect(notes).toContain('to read "Notes_2" instead, choose it with --text-column');
    expect(notes).not.toContain('write a row per application');
  });
});

describe('two exports pasted together, the header repeated mid-file', () => {
  const files = tempFiles();

  it('rejects the header again without taking its column names for people ("Student Name" would hide "Student" in the path)', async () => {
    const path = files.write(
      'student-name-list.csv',
      [
        'Student ID,Student Name,Employer,Feedback',
        'S1,Ann Lee,Acme,As a student you lacked examples.',
        'Student ID,Student Name,Employer,Feedback',
        'S2,Bo Chan,Beta,The student did not research the company.',
      ].join('\n'),
    );
    const { items, rejects } = await ingestFiles([path], defaultOptions());
    expect(items.map((item) => item.candidate)).toEqual(['S1', 'S2']);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.reason).toBe('the header again (a second table on the sheet?), not feedback');
    expect(rejects[0]!.names).toBeUndefined();
    expect(rejects[0]!.candidateIds).toBeUndefined();
    expect(namesBySource(items, rejects).get(path)).toEqual(['Ann Lee', 'Bo Chan']);
  });
});
