// Real-shaped exports (fictional rows; see test/fixtures/exports/README.md): the right column for
// each role, system columns never used as stage, cohort or candidate, id-like candidates preferred.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { createMemoryLogger } from '../../src/logger.js';
import { checkInputs, ingestFiles, parseDelimiterOption } from '../../src/ingest/index.js';
import { describeMapping, inputSummary } from '../../src/ingest/mapping.js';
import { detectColumnsExplained } from '../../src/ingest/columns.js';
import { finishRejects } from '../../src/redact/index.js';
import { tempFiles } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));
const temp = tempFiles();
const read = async (name: string) => ingestFiles([fixture(name)], { columns: {}, maxTextChars: 20_000 });

describe('column detection on survey and spreadsheet exports', () => {
  it('Qualtrics: question text picks the roles; Status, IPAddress and RecipientEmail are never used', async () => {
    const { files, items } = await read('qualtrics-survey-export.csv');
    expect(files[0].columns).toEqual({
      id: 'ResponseId',
      candidate: 'ExternalReference',
      date: 'RecordedDate',
      text: 'Q5',
      cohort: 'Q1',
      stage: 'Q4',
      employer: 'Q2',
      role: 'Q3',
    });
    expect(files[0].candidateKind).toBe('id');
    expect(files[0].nameColumns).toEqual(['RecipientLastName', 'RecipientFirstName']);
    expect(items.map((i) => i.stage)).toEqual(['Technical interview', 'Online Assessment', 'Assessment centre']);
    expect(items[0].candidate).toBe('S2031001');
  });

  it('a German ATS export: every role from German headers, the student id before the name, contacts kept for the follow-up list', async () => {
    const { files, items } = await read('german-ats-export.tsv');
    expect(files[0].columns).toMatchObject({
      text: 'Rückmeldung',
      candidate: 'Matrikel-Nr.',
      cohort: 'Studiengang',
      stage: 'Phase',
      date: 'Datum',
      employer: 'Arbeitgeber',
      role: 'Stelle',
    });
    expect(files[0].candidateKind).toBe('id');
    expect(files[0].nameColumns).toEqual(['Name', 'Erfasst durch Berater']);
    expect(items.map((i) => [i.candidate, i.date])).toEqual([
      ['4711001', '2026-02-03'],
      ['4711002', '2026-02-12'],
    ]);
    expect(items[0].contact).toEqual({ name: 'Anna Müller', email: 'anna.mueller@example.de', phone: '+49 151 23456789' });
  });

  it('a sheet of names with no id: "SMITH, John" and "John Smith" are one student, "J. Smith" stays apart, with notes', async () => {
    const { files, items } = await read('names-only-export.csv');
    expect(files[0].candidateKind).toBe('name');
    expect(items.map((i) => i.candidate)).toEqual(['John Smith', 'J. Smith', 'John Smith', 'Jane Smith', 'Patel, Priya', 'Patel, Priya']);
    expect(files[0].notes.join(' ')).toMatch(/1 student name written "Surname, Forename".*1 student name is an initial/);
  });

  it('applicants written as mail clients write them: one student whether bare, after mailto: or after a display name, in <> or ()', async () => {
    const { files, items } = await read('mail-client-applicants.csv');
    expect(files[0].candidateKind).toBe('email');
    expect(items.map((i) => i.candidate)).toEqual([
      'jo.smith@example.com',
      'jo.smith@example.com',
      'Jo.Smith@example.com',
      'ann.lee@example.co.uk',
      'jo.smith@example.com',
    ]);
  });

  it('a careers log writing "Surname, First (ID)": the number is the student, the name hidden and kept for the follow-up list', async () => {
    const { files, items, rejects } = await read('careers-log-name-and-id.csv');
    expect(files[0].columns).toMatchObject({ candidate: 'Candidate', date: 'Date', text: 'Feedback' });
    expect(files[0].candidateKind).toBe('id');
    // Three spellings of Chidi are one student; each script's name is the student's name.
    expect(items.map((i) => i.candidate)).toEqual([
      'S1001',
      'S1001',
      'S1001',
      'S1002',
      'S1002',
      'S1003',
      'S1003',
      'S1004',
      'S1004',
      'S1005',
      'S1005',
      'S1006',
      'S1006',
    ]);
    expect(items.map((i) => i.contact?.name)).toEqual([
      'Okafor, Chidi',
      'Okafor, Chidi',
      'Chidi Okafor',
      'Nguyen, Thi Lan',
      'Nguyen, Thi Lan',
      'محمد العلي',
      'محمد العلي',
      '王小明',
      '王小明',
      'Smith, Jo',
      'Smith, Jo',
      'Brown, Sam',
      'Brown, Sam',
    ]);
    expect(items.every((i) => i.names?.includes(i.contact!.name!))).toBe(true);
    // Excel serial dates (days since 1899-12-30).
    expect(items[0]!.date).toBe('2026-01-01');
    // The formula and the Total row are rejected, with the number (not the name) to take out of the raw row.
    expect(rejects.map((r) => [r.line, r.candidateIds])).toEqual([
      [17, ['S1005']],
      [20, undefined],
    ]);
    expect(rejects[0]!.names).toEqual(['Smith, Jo']);
  });

  it('two tables on one sheet: the second title and header are rejected as such, never read as students', async () => {
    const { items, rejects } = await read('two-intakes-one-sheet.csv');
    expect([...new Set(items.map((i) => i.candidate))]).toEqual(['S2001', 'S2002', 'S2003']);
    expect(items).toHaveLength(6);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [7, 'a title row ("Summer intake") with nothing else filled, not feedback'],
      [8, 'the header again (a second table on the sheet?), not feedback'],
    ]);
  });

  it('headings over groups of columns above the header: skipped, and a repeating ID column read as the student', async () => {
    const { files, items } = await read('grouped-headings.csv');
    expect(files[0].columns).toMatchObject({ candidate: 'ID', text: 'Feedback', employer: 'Employer', stage: 'Stage', date: 'Date' });
    expect(files[0].columns.id).toBeUndefined();
    expect(files[0].nameColumns).toEqual(['Name']);
    expect(files[0].notes).toContain('skipped a row of headings over groups of columns (merged cells) above the header');
    expect(items.map((i) => [i.candidate, i.contact?.name])).toEqual([
      ['S3001', 'Aisha Khan'],
      ['S3001', 'Aisha Khan'],
      ['S3002', 'Tom Baker'],
      ['S3002', 'Tom Baker'],
    ]);
  });

  it('a feedback column per stage: all of a row read as one application, its stage the last one with feedback, never a stage column', async () => {
    const { files, items } = await read('stage-columns-export.tsv');
    expect(files[0].columns).toMatchObject({ text: 'Stage 2 feedback', candidate: 'Student ID' });
    expect(files[0].columns.stage).toBeUndefined();
    expect(items.map((i) => [i.candidate, i.stage, i.text])).toEqual([
      ['S100', 'Stage 2', 'Good CV, invited to interview.\n\nYour answers were too rehearsed and you lacked examples.'],
      ['S100', 'Stage 1', 'CV lacked tailoring to the role.'],
      ['S101', 'Stage 2', 'Strong application.\n\nYou arrived 20 minutes late and were rude to reception.'],
      ['S101', 'Stage 2', 'You were late again and on your phone.'],
    ]);
    expect(files[0].notes.join(' ')).toContain('feedback written a column per stage ("Stage 1 feedback", "Stage 2 feedback")');
  });

  it('a round\'s outcome beside its reason ("Round 1", "Round 1 reason") is no stage column: the stage is the last round with a reason', async () => {
    const { files, items } = await read('interview-rounds-export.csv');
    expect(files[0]!.columns.stage).toBeUndefined();
    expect(items.map((item) => item.stage)).toEqual(['Round 2', 'Round 1', 'Round 3', 'Round 2']);
    expect(items.map((item) => item.text)).toEqual([
      'Your answers sounded scripted and over-rehearsed.',
      "Your CV didn't show the C++ we asked for.",
      'Rehearsed answers again; little eye contact with the panel.',
      'We appointed an internal candidate.',
    ]);
    expect(files[0]!.notes.join('\n')).toMatch(/"Round 1" names one of those stages/);
  });

  it("a mail merge's sent log: the message body is the feedback, the time it was sent its date", async () => {
    const { files, items } = await read('mail-merge-log.csv');
    expect(files[0].columns).toMatchObject({ text: 'Body', date: 'Sent' });
    expect(items.map((item) => item.date)).toEqual(['2026-03-04', '2026-03-12', '2026-03-13', '2026-03-20']);
    expect(items[0]!.text).toMatch(/^Dear Chidi,\n\nThank you for your application/);
  });

  it('SurveyMonkey: questions in the header, sub-header skipped, US dates proven by their values', async () => {
    const { files, items } = await read('surveymonkey-export.csv');
    expect(files[0].columns).toMatchObject({
      id: 'Respondent ID',
      candidate: 'What is your student number?',
      text: 'What reasons did the employer give?',
      stage: 'At which stage were you rejected?',
      cohort: 'Which course are you on?',
      employer: 'Which company rejected you?',
    });
    expect(files[0].notes.join('\n')).toMatch(/month first \(e\.g\. "03\/13\/2026.*contradicts the default \(day first\)/);
    expect(items.map((i) => i.date)).toEqual(['2026-03-10', '2026-03-13']);
  });

  it("SurveyMonkey: a multiple-choice question's answer is read from whichever of its columns holds it", async () => {
    const path = temp.write(
      'monkey.csv',
      [
        'Respondent ID,What is your student ID number?,At which stage of the process did your application end?,,,What feedback did the employer give?',
        ',Open-Ended Response,Application / CV,Online tests,Interview,Open-Ended Response',
        '1,U1,,,Interview,Came across as arrogant.',
        '2,U1,,Online tests,,Failed the verbal test.',
        '3,U2,Application / CV,,,No reply after the automated email.',
      ].join('\n'),
    );
    const { files, items } = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(files[0].columns.stage).toBe('At which stage of the process did your application end?');
    expect(items.map((i) => i.stage)).toEqual(['Interview', 'Online tests', 'Application / CV']);
    expect(files[0].notes.join('\n')).toMatch(
      /"At which stage of the process did your application end\?" \(3 columns, one per choice\) read as one column/,
    );
  });

  it("Microsoft Forms: an anonymous response's Email of 'anonymous' is no address for the follow-up list", async () => {
    const path = temp.write(
      'forms.csv',
      'ID,Email,Name,Your student number,What feedback did the employer give you?\n1,anonymous,,S1,Too quiet.\n2,jo@uni.example,Jo Bloggs,S2,Late.\n',
    );
    const { items } = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(items.map((i) => i.contact?.email ?? null)).toEqual([null, 'jo@uni.example']);
  });

  it('--encoding that the bytes contradict is an error naming the file and the fix, never the rows garbled', async () => {
    const text = 'Student ID,Name,Feedback\r\nS1,"EVANS, Gareth",You weren’t “commercially aware”: our £2m target.\r\n';
    const cp1252 = temp.write('log-1252.csv', iconv.encode(text, 'windows-1252'));
    const read = (path: string, encoding: string) => ingestFiles([path], { columns: {}, encoding, maxTextChars: 20_000 });
    const refused = await read(cp1252, 'utf-16le').catch((error: unknown) => error as CliError);
    expect(refused).toBeInstanceOf(CliError);
    expect((refused as CliError).exitCode).toBe(2);
    expect((refused as CliError).message).toContain(`${cp1252}: the file is not utf-16le (--encoding)`);
    expect((refused as CliError).message).toMatch(/Leave --encoding out/);
    const unicode = temp.write(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace(/,/g, '\t'), 'utf-16le')]),
    );
    await expect(read(unicode, 'windows-1252')).rejects.toThrow(`${unicode}: the file is utf-16le, not windows-1252 (--encoding)`);
    // Said when the inputs are checked, before the model loads.
    await expect(checkInputs([unicode, cp1252], { encoding: 'utf-16le' })).rejects.toThrow(
      `${cp1252}: the file is not utf-16le (--encoding)`,
    );
    await expect(checkInputs([unicode], { encoding: 'utf-16le' })).resolves.toBeUndefined();
    // What the bytes allow is read as asked.
    expect((await read(cp1252, 'windows-1252')).items[0]!.text).toContain('£2m');
    expect((await read(unicode, 'utf-16le')).items[0]!.text).toContain('£2m');
  });

  it('--sheet given for a CSV file: read whole, and said on stderr and in the notes', async () => {
    const path = temp.write('one-sheet.csv', 'Student ID,Feedback\nS1,Too quiet.\n');
    const logger = createMemoryLogger();
    const { files, items } = await ingestFiles([path], { columns: {}, sheet: 'MSc 2025', maxTextChars: 20_000 }, logger);
    expect(items).toHaveLength(1);
    const said = '--sheet "MSc 2025" is for workbooks (.xlsx): this file is CSV, saved from one sheet, and is read whole';
    expect(files[0]!.notes.join('\n')).toContain(said);
    expect(logger.lines.join('\n')).toContain(`warning: ${path}: ${said}`);
  });

  it('a tracker with an address typed in its Phone column: the address is for writing to, the numbers for calling', async () => {
    const path = temp.write(
      'tracker.csv',
      'Student number,Name,Email,Phone,Feedback\nS1,Mei Li,,mei.li@student.example.ac.uk,Salary above our band.\nS2,Jo Bloggs,jo@uni.example,07700 900123,Late.\n',
    );
    const { items } = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(items.map((i) => [i.contact?.email ?? null, i.contact?.phone ?? null])).toEqual([
      ['mei.li@student.example.ac.uk', null],
      ['jo@uni.example', '07700 900123'],
    ]);
  });

  it('dates written both day first and month first in one column: said, and the ambiguous ones read in the asked order', async () => {
    const path = temp.write(
      'pasted.csv',
      'Student ID,Date,Feedback\nS1,20/02/2026,No examples.\nS1,02/25/2026,No examples again.\nS1,03/04/2026,Still none.\n',
    );
    const { files, items } = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(files[0].notes.join('\n')).toMatch(
      /dates in column "Date" are written both day first \(e\.g\. "20\/02\/2026"\) and month first \(e\.g\. "02\/25\/2026"\).*read day first/,
    );
    expect(items.map((i) => i.date)).toEqual(['2026-02-20', '2026-02-25', '2026-04-03']);
  });

  it("a date column that reads either way takes the order the file's other dates prove (a survey's End Date beside its question)", async () => {
    const path = temp.write(
      'survey.csv',
      'Student ID,End Date,When did you hear back?,Feedback\nS1,03/05/2026 10:09:40 AM,02/28/2026,No examples.\nS1,03/06/2026 01:20:00 PM,03/04/2026,Too quiet.\n',
    );
    const { files, items } = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(files[0].columns.date).toBe('End Date');
    expect(items.map((i) => i.date)).toEqual(['2026-03-05', '2026-03-06']);
    expect(files[0].notes.join('\n')).toMatch(
      /dates in column "End Date" read either way, and column "When did you hear back\?" of the same file has "02\/28\/2026", month first: the file was read month first/,
    );
    // Nothing in the file to tell: read day first, and said.
    writeFileSync(path, 'Student ID,Date,Feedback\nS1,03/05/2026 9:05:12 AM,No examples.\nS1,04/04/2026,Late.\n');
    const unsure = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(unsure.items.map((i) => i.date)).toEqual(['2026-05-03', '2026-04-04']);
    expect(unsure.files[0].notes.join('\n')).toMatch(
      /dates in column "Date" read either way \(e\.g\. "03\/05\/2026 9:05:12 AM"\) and no date in the file says which: read day first; .*--date-order mdy/,
    );
    // A date of birth is never quoted, nor read for the order.
    writeFileSync(path, 'Student ID,Date,Date of birth,Feedback\nS1,03/05/2026,01/13/2004,No examples.\n');
    const born = await ingestFiles([path], { columns: {}, maxTextChars: 20_000 });
    expect(born.items.map((i) => i.date)).toEqual(['2026-05-03']);
    expect(born.files[0].notes.join('\n')).not.toContain('2004');
  });

  it('--date-order contradicted by the values: said, and the file read in the proven order', async () => {
    const { files, items } = await ingestFiles([fixture('excel-semicolon-export.csv')], {
      columns: {},
      maxTextChars: 20_000,
      dateOrder: 'mdy',
    });
    expect(files[0].notes.join('\n')).toMatch(/day first \(e\.g\. "13\/01\/2026"\), which contradicts --date-order mdy/);
    expect(items.map((i) => i.date)).toEqual(['2026-01-13', '2026-01-14']);
  });

  it('Excel semicolon export: Student No is the candidate, Candidate Name a name column', async () => {
    const { files, items } = await read('excel-semicolon-export.csv');
    expect(files[0].delimiter).toBe(';');
    expect(files[0].columns.candidate).toBe('Student No');
    expect(files[0].nameColumns).toEqual(['Candidate Name']);
    expect(items.map((i) => i.candidate)).toEqual(['20231187', '20231188']);
    expect(items[0].names).toEqual(['Jo Bloggs']);
  });

  it('Microsoft Forms: a name or email is the only candidate, so it is marked for a pseudonym', async () => {
    const { files } = await read('microsoft-forms-export.csv');
    expect(files[0].columns).toMatchObject({
      id: 'ID',
      date: 'Completion time',
      text: 'Feedback you received',
      stage: 'Stage you reached',
      cohort: 'Your programme',
    });
    expect(['name', 'email']).toContain(files[0].candidateKind);
  });

  it('a header with empty cells is the header, not a title row', async () => {
    const { files, items } = await read('header-with-empty-cells.csv');
    expect(files[0].columns.text).toBe('Feedback');
    expect(items.map((i) => i.text)).toEqual(['Your examples lacked results.', 'You were late to the interview.']);
  });

  it('says which column it chose when two fit equally, and how to choose another', () => {
    const { mapping, notes } = detectColumnsExplained({
      headers: ['Feedback (interview)', 'Feedback (CV)'],
      sampleRows: [['long text here', 'x']],
    });
    expect(mapping.text).toBe('Feedback (interview)');
    expect(notes).toEqual(['text column: chose "Feedback (interview)" over "Feedback (CV)"; use --text-column NAME to choose another']);
  });

  it('reports the mapping for summary.json and stderr, with null for unused roles', async () => {
    const { files } = await read('header-with-empty-cells.csv');
    expect(inputSummary(files[0])).toEqual({
      source: fixture('header-with-empty-cells.csv'),
      format: 'csv',
      sheet: null,
      rows: 2,
      encoding: 'utf-8',
      delimiter: ',',
      columns: { text: 'Feedback', id: null, candidate: null, cohort: null, stage: null, date: null, employer: null, role: null },
    });
    expect(describeMapping(files[0])).toBe('text="Feedback" id=- candidate=- cohort=- stage=- date=- employer=- role=-');
  });

  it('--delimiter takes only , ; tab |', () => {
    expect(parseDelimiterOption(';')).toBe(';');
    expect(() => parseDelimiterOption(':')).toThrow(/Use one of , ; tab \|/);
  });
});

describe('an applicant-tracking export (test/fixtures/exports/ats-requisition.csv)', () => {
  it('keeps each applicant apart by the number beside the name, with the requisition as role and the disposition as stage', async () => {
    const { items, rejects, dataRows } = await ingestFiles([fixture('ats-requisition.csv')], { columns: {}, maxTextChars: 20_000 });
    expect(items.map((item) => [item.candidate, item.stage, item.role])).toEqual([
      ['S1001', 'Rejected - Not Qualified', 'REQ-1042 Graduate Analyst'],
      ['S1001', 'Rejected - Interview', 'REQ-1077 Data Intern'],
      ['S1002', 'Rejected - Other', 'REQ-1090 Junior PM'],
      ['S1001', 'Rejected - Interview', 'REQ-1101 BI Analyst'],
    ]);
    expect(rejects.map((reject) => reject.reason)).toEqual(['the candidate withdrew or declined: not a rejection']);
    expect(items.length + rejects.length).toBe(dataRows);
  });
});

describe('exports pasted together with hostile cells (test/fixtures/exports/pasted-hostile.csv)', () => {
  it('accounts for every row, keeps each student apart and joins one id written three ways', async () => {
    const { items, rejects, dataRows, files } = await read('pasted-hostile.csv');
    // A title row above, the header again, a totals row below and one withdrawal are not feedback.
    expect(rejects.map((reject) => reject.reason)).toEqual([
      'the header again (a second table on the sheet?), not feedback',
      'the candidate withdrew or declined: not a rejection',
      'a summary row ("Total"), not feedback',
    ]);
    expect(items.length + rejects.length).toBe(dataRows);
    // "S1001", "s1001 " and "S1001" with a zero-width space are one student; the others stay apart.
    const rejections = new Map<string, number>();
    for (const item of items) rejections.set(item.candidate!, (rejections.get(item.candidate!) ?? 0) + 1);
    expect([...rejections.values()]).toEqual([3, 2, 2, 2, 2]);
    expect(files[0]!.notes.join('\n')).toContain('skipped 1 title row above the header');
    // The header repeated mid-file gives no names: "Student" stays in what is said of the file.
    expect(rejects[0]!.names).toBeUndefined();
  });
});

describe('sheets kept by hand, read as an adviser would want', () => {
  it('a shared sheet: notes typed under the table are rejected as notes, never students to phone', async () => {
    const { items, rejects } = await read('shared-sheet-notes.csv');
    expect(items.map((i) => [i.candidate, i.date])).toEqual([
      ['S3101', '2025-03-14'],
      ['S3101', '2025-03-24'],
      ['S3102', '2026-04-03'],
      ['S3103', '2026-04-03'],
    ]);
    const note = 'a note under or above the table (a sentence in its first cell, nothing else filled), not feedback';
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [8, note],
      [9, note],
    ]);
  });

  it('a German "Note" (a grade, 2,5) is not the feedback, nor read when the feedback is blank', async () => {
    const { files, items } = await read('german-grade-column.csv');
    expect(files[0]!.encoding).toBe('windows-1252');
    expect(files[0]!.columns.text).toBe('Rückmeldung');
    expect(items.map((i) => i.text)).toEqual([
      'Ihre Antworten wirkten einstudiert; zu wenig Beispiele.',
      'Der Lebenslauf war nicht auf die Stelle zugeschnitten – schade.',
      '',
    ]);
    expect(files[0]!.notes.join('\n')).not.toContain('"Note"');
  });

  it('a date of birth is never the date of a rejection, and personal-detail cells are hidden in a rejected row', async () => {
    const { files, items, rejects } = await read('personal-details-columns.csv');
    expect(files[0]!.columns.date).toBeUndefined();
    expect(items.map((i) => i.date)).toEqual([null, null]);
    const [raw] = finishRejects(rejects, true).map((r) => r.raw);
    expect(raw).toContain('[birth-date],[id-number],"[address]"');
    for (const detail of ['06/11/1998', 'AB 12 34 56 D', 'High St', 'YO1']) expect(raw).not.toContain(detail);
  });
});
