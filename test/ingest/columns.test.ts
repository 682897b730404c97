import { describe, expect, it } from 'vitest';
import {
  detectColumns,
  headerWords,
  listColumns,
  columnLetter,
  noTextColumnError,
  resolveOverrides,
  spareTextColumns,
  stageTextColumns,
} from '../../src/ingest/columns.js';

describe('headerWords', () => {
  it('splits camelCase and punctuation', () => {
    expect(headerWords('ResponseId')).toEqual(['response', 'id']);
    expect(headerWords('EndDate')).toEqual(['end', 'date']);
    expect(headerWords('Feedback (text)')).toEqual(['feedback', 'text']);
    expect(headerWords('student_number')).toEqual(['student', 'number']);
  });
});

describe('detectColumns', () => {
  it('maps common export headers, whatever their case and punctuation', () => {
    const headers = [
      'ResponseId',
      'STUDENT-NUMBER',
      'Programme',
      'Application Stage',
      'EndDate',
      'Organisation',
      'Job title',
      'Employer feedback',
    ];
    expect(detectColumns({ headers })).toEqual({
      id: 'ResponseId',
      candidate: 'STUDENT-NUMBER',
      cohort: 'Programme',
      stage: 'Application Stage',
      date: 'EndDate',
      employer: 'Organisation',
      role: 'Job title',
      text: 'Employer feedback',
    });
  });

  it('prefers an exact synonym to a header that only contains one', () => {
    const mapping = detectColumns({ headers: ['Feedback received?', 'Feedback date', 'Comments'] });
    expect(mapping.text).toBe('Comments');
    expect(mapping.date).toBe('Feedback date');
  });

  it('prefers the earlier synonym among exact matches (recorded date over start date)', () => {
    expect(detectColumns({ headers: ['StartDate', 'RecordedDate', 'Feedback'] }).date).toBe('RecordedDate');
  });

  it("takes the date of the outcome over a form's submission time (the timeline is of rejections, not of forms filled in)", () => {
    for (const outcome of ['Date of outcome', 'Outcome date', 'Rejection date', 'Date rejected', 'Decision date'])
      expect(detectColumns({ headers: ['Timestamp', 'Student number', outcome, 'Feedback'] }).date).toBe(outcome);
    expect(detectColumns({ headers: ['Submitted', 'Date of rejection', 'Feedback'] }).date).toBe('Date of rejection');
    expect(detectColumns({ headers: ['Completion time', 'Date of decision', 'Feedback'] }).date).toBe('Date of decision');
  });

  it('among headers that only mention feedback, takes the one with the longest values', () => {
    const headers = ['Did you get feedback?', 'What feedback did the employer give you?'];
    const sampleRows = [
      ['Yes', 'They wanted more experience with SQL and stakeholder work.'],
      ['No', ''],
    ];
    expect(detectColumns({ headers, sampleRows }).text).toBe('What feedback did the employer give you?');
  });

  it('uses survey question text to find the text column', () => {
    const mapping = detectColumns({
      headers: ['ResponseId', 'Q1', 'Q2'],
      questions: ['Response ID', 'Your course', 'What reasons did the employer give?'],
    });
    expect(mapping.text).toBe('Q2');
    expect(mapping.cohort).toBe('Q1');
  });

  it('does not use generic words inside other headers ("Job ID" is not the id)', () => {
    const mapping = detectColumns({ headers: ['Job ID', 'Feedback'] });
    expect(mapping.id).toBeUndefined();
  });

  it("reads an ATS's application code beside the feedback as the id, never a postcode or a job's code", () => {
    const headers = ['Candidate Name', 'Candidate Email', 'Requisition', 'Application Code', 'Recruiter Feedback'];
    const sampleRows = [
      ['Amara Okafor', 'amara@uni.example', 'Graduate Analyst', 'APP-7F3K29', 'Answers felt rehearsed.'],
      ['Amara Okafor', 'amara@uni.example', 'Trainee Accountant', 'APP-8Q2M11', 'Did not pass the numerical test.'],
    ];
    const mapping = detectColumns({ headers, sampleRows });
    expect(mapping).toMatchObject({ id: 'Application Code', candidate: 'Candidate Email', text: 'Recruiter Feedback' });
    for (const header of ['Application ID', 'Application Ref', 'Application No.', 'Submission ID', 'Code', 'Ref No'])
      expect(detectColumns({ headers: [header, 'Feedback'] }).id, header).toBe(header);
    expect(detectColumns({ headers: ['Postcode', 'Post code', 'Job Code', 'Feedback'] }).id).toBeUndefined();
    // A row per sentence of one application repeats its code: still the id, not the student.
    const repeated = detectColumns({ headers, sampleRows: [sampleRows[0]!, sampleRows[0]!] });
    expect(repeated).toMatchObject({ id: 'Application Code', candidate: 'Candidate Email' });
  });

  it('never gives one column two roles and keeps fixed roles', () => {
    const mapping = detectColumns({ headers: ['Notes', 'Comments'], fixed: { text: 'Comments' } });
    expect(mapping.text).toBe('Comments');
    expect(Object.values(mapping).filter((v) => v === 'Comments')).toHaveLength(1);
  });

  it('finds nothing in headers it does not know', () => {
    expect(detectColumns({ headers: ['Score', 'Mark'] }).text).toBeUndefined();
  });
});

describe('resolveOverrides', () => {
  const headers = ['Response ID', 'Feedback', 'Stage'];

  it('matches exactly, then without case or punctuation', () => {
    expect(
      resolveOverrides('data.csv', headers, [
        { role: 'text', name: 'feedback', source: 'flag' },
        { role: 'id', name: 'response_id', source: 'flag' },
      ]),
    ).toEqual({ text: 'Feedback', id: 'Response ID' });
  });

  it('names the file, the missing column, the flag and the columns found', () => {
    expect(() => resolveOverrides('data.csv', headers, [{ role: 'text', name: 'Feedbak', source: 'flag' }])).toThrow(
      'data.csv: no column "Feedbak" (--text-column). Columns found: "Response ID", "Feedback", "Stage". Check the spelling or run without --text-column to auto-detect.',
    );
    expect(() => resolveOverrides('data.csv', headers, [{ role: 'date', name: 'When', source: 'file' }])).toThrow(/config file/);
  });

  it('lists long header rows shortly', () => {
    const many = Array.from({ length: 30 }, (_, i) => `c${i}`);
    expect(listColumns(many)).toMatch(/"c24", … \(5 more\)$/);
  });

  it('says how to name the text column when none is found', () => {
    const error = noTextColumnError('x.csv', ['A', 'B']);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'x.csv: no feedback text column found. Columns found: A "A", B "B". Name the column that holds the feedback with --text-column NAME.',
    );
  });
});

describe('detectColumns on applicant-tracking exports', () => {
  it('reads abbreviated candidate references ("Cand. Ref") as the candidate, before a name column', () => {
    const headers = ['Cand. Ref', 'Applicant Name', 'Stage reached', 'Date rejected', 'Outcome notes'];
    const sampleRows = [['C-1001', 'John Smith', 'Online tests', '03/02/26', 'Numerical score below benchmark.']];
    expect(detectColumns({ headers, sampleRows })).toMatchObject({ candidate: 'Cand. Ref', text: 'Outcome notes' });
  });

  it('prefers an id column to a bare "Student" column that holds names', () => {
    const headers = ['Student No', 'Student', 'Feedback'];
    const sampleRows = [
      ['20240101', 'Tom Baker', 'Vague answers.'],
      ['20240202', 'Fatima Ali', 'No examples.'],
    ];
    expect(detectColumns({ headers, sampleRows }).candidate).toBe('Student No');
    // Without values to judge, the list order still decides.
    expect(detectColumns({ headers }).candidate).toBe('Student');
  });

  it('keys students by their email rather than their name when there is no id, so two of one name stay apart', () => {
    const headers = ['Full Name', 'Email', 'Feedback'];
    const sampleRows = [
      ['Mike Johnson', 'mike.j@yahoo.com', 'Rambled.'],
      ['Mike Johnson', 'mjohnson2@gmail.com', 'Another candidate had more experience.'],
    ];
    expect(detectColumns({ headers, sampleRows }).candidate).toBe('Email');
    // An anonymous form's "anonymous" in every row is no address: the name stays the key.
    const anonymous = sampleRows.map(([name, , text]) => [name!, 'anonymous', text!]);
    expect(detectColumns({ headers, sampleRows: anonymous }).candidate).toBe('Full Name');
  });

  it('reads German, French, Spanish and Dutch headers, with ids before names', () => {
    const german = ['Name', 'Matrikelnummer', 'Studiengang', 'Phase', 'Datum', 'Arbeitgeber', 'Stelle', 'Rückmeldung', 'E-Mail', 'Telefon'];
    const row = [
      ['Anna Müller', '4711001', 'BWL', 'Interview', '03.02.2026', 'Siemens', 'Trainee', 'Zu nervös.', 'a@b.de', '0151 23456789'],
    ];
    expect(detectColumns({ headers: german, sampleRows: row })).toEqual({
      text: 'Rückmeldung',
      candidate: 'Matrikelnummer',
      cohort: 'Studiengang',
      stage: 'Phase',
      date: 'Datum',
      employer: 'Arbeitgeber',
      role: 'Stelle',
    });
    expect(detectColumns({ headers: ['Nom', 'Prénom', 'Étape', 'Date', 'Entreprise', 'Poste', 'Commentaires'] })).toMatchObject({
      text: 'Commentaires',
      stage: 'Étape',
      employer: 'Entreprise',
      role: 'Poste',
    });
    expect(detectColumns({ headers: ['Estudiante', 'Empresa', 'Puesto', 'Fecha', 'Motivo del rechazo'] })).toMatchObject({
      text: 'Motivo del rechazo',
      candidate: 'Estudiante',
      employer: 'Empresa',
      date: 'Fecha',
    });
    expect(detectColumns({ headers: ['Studentnummer', 'Werkgever', 'Functie', 'Datum', 'Opmerkingen'] })).toMatchObject({
      text: 'Opmerkingen',
      candidate: 'Studentnummer',
      employer: 'Werkgever',
      role: 'Functie',
    });
  });

  it('passes over a feedback column that is blank in every sampled row for one with words in it', () => {
    const headers = ['Student ID', 'Feedback', 'Comments'];
    const sampleRows = [
      ['S1', '', 'Did not research the company.'],
      ['S2', '', 'Another candidate had more experience.'],
    ];
    expect(detectColumns({ headers, sampleRows }).text).toBe('Comments');
    expect(detectColumns({ headers, sampleRows: [['S1', 'Too vague.', 'x']] }).text).toBe('Feedback');
  });

  it("passes over a tracker's reason code (a few set words) for the feedback a recruiter wrote out", () => {
    // A Workday or Greenhouse export: "Rejection Reason" is a dropdown, the feedback is beside it.
    const headers = ['Candidate ID', 'Stage', 'Rejection Reason', 'Recruiter Feedback'];
    const sampleRows = [
      ['C-1', 'Interview', 'Not Selected', 'Your answers on teamwork were vague and gave no results.'],
      ['C-2', 'Interview', 'Not Selected', 'Another candidate had more site experience.'],
      ['C-3', 'Application', 'Position Filled', ''],
    ];
    expect(detectColumns({ headers, sampleRows }).text).toBe('Recruiter Feedback');
    // Reasons written out are the feedback, and a code is read when nothing else is written.
    const written = sampleRows.map(([id, stage, , text]) => [id!, stage!, text || 'No reason given.', '']);
    expect(detectColumns({ headers, sampleRows: written }).text).toBe('Rejection Reason');
    expect(detectColumns({ headers: headers.slice(0, 3), sampleRows }).text).toBe('Rejection Reason');
  });
});

describe('spareTextColumns', () => {
  it('lists the other feedback-like columns that took no role, never names, staff or system columns', () => {
    const headers = ['Student ID', 'Feedback', 'Comments', 'Interviewer notes', 'Outcome notes', 'Student name', 'Status'];
    const mapping = { candidate: 'Student ID', text: 'Feedback' };
    expect(spareTextColumns(headers, mapping).map((i) => headers[i])).toEqual(['Comments', 'Outcome notes']);
  });
});

describe('feedback written a column per stage', () => {
  it('finds the stage columns and the stage each names, only when the text column is one of two or more', () => {
    const headers = ['Student', 'Application feedback', 'Interview feedback', 'Notes'];
    expect(stageTextColumns(headers, { text: 'Interview feedback' })).toEqual([
      { column: 1, stage: 'Application' },
      { column: 2, stage: 'Interview' },
    ]);
    expect(stageTextColumns(['Round 1 comments', 'Round 2 comments'], { text: 'Round 1 comments' }).map((c) => c.stage)).toEqual([
      'Round 1',
      'Round 2',
    ]);
    expect(stageTextColumns(['Feedback', 'Comments'], { text: 'Feedback' })).toEqual([]);
    // Numbered alone, they are applications (each with its employer), not stages.
    expect(stageTextColumns(['Employer 1', 'Feedback 1', 'Employer 2', 'Feedback 2'], { text: 'Feedback 1' })).toEqual([]);
    expect(stageTextColumns(['Stage', 'Interview feedback'], { text: 'Interview feedback' })).toEqual([]);
  });

  it('never takes a feedback column for the stage', () => {
    const mapping = detectColumns({ headers: ['ID', 'Stage 1 feedback', 'Stage 2 feedback'] });
    expect(mapping.stage).toBeUndefined();
    expect(detectColumns({ headers: ['Stage reached', 'Interview feedback'] }).stage).toBe('Stage reached');
  });
});

describe('a mail merge log: the recipient is the student', () => {
  const mailLog = ['From', 'To', 'Cc', 'Subject', 'Date', 'Body'];
  const rows = [
    [
      'careers@uni.ac.uk',
      'Amara Mensah <amara.mensah@uni.ac.uk>',
      'adviser@uni.ac.uk',
      'Feedback',
      '2026-03-04',
      'The CV was not tailored.',
    ],
    ['careers@uni.ac.uk', 'ben.lee@uni.ac.uk', '', 'Feedback', '2026-03-05', 'You were late.'],
  ];

  it('reads a "To" or "Recipient" column of addresses as the candidate', () => {
    expect(detectColumns({ headers: mailLog, sampleRows: rows })).toMatchObject({ candidate: 'To', text: 'Body', date: 'Date' });
    const recipient = ['Recipient', 'Message'];
    expect(detectColumns({ headers: recipient, sampleRows: [['"Okafor, Chidi" <chidi@uni.ac.uk>', 'No examples.']] })).toMatchObject({
      candidate: 'Recipient',
    });
  });

  it('never takes a "To" column that holds no addresses (the end of a date range)', () => {
    const mapping = detectColumns({
      headers: ['Employer', 'From', 'To', 'Feedback'],
      sampleRows: [['Acme', '2025-01-01', '2025-06-30', 'Not enough experience.']],
    });
    expect(mapping.candidate).toBeUndefined();
  });
});

describe("a form's question of how far the application went is the stage", () => {
  it.each([
    'How far did you get?',
    'How far did you get in the process?',
    'Furthest point reached',
    'What was the last round you made it to?',
  ])('%s', (question) => {
    const headers = ['ID', 'Which employer did you apply to?', question, 'What feedback did they give you?'];
    const mapping = detectColumns({ headers, sampleRows: [['1', 'Acme', 'Final interview', 'Answers lacked examples.']] });
    expect(mapping).toMatchObject({ stage: question, text: 'What feedback did they give you?' });
  });
});

describe('an applicant-tracking export: Applicant, Requisition, Disposition, Notes', () => {
  it('reads the requisition as the role and the disposition as the stage, never its reason or date', () => {
    const headers = ['Applicant', 'Requisition', 'Disposition', 'Notes', 'Disposition Date', 'Disposition reason', 'Recruiter'];
    const row = [
      'Okafor, Chidi (S1001)',
      'REQ-1042 Graduate Analyst',
      'Rejected - Interview',
      'No SQL.',
      '2026-02-03',
      'Not qualified',
      'Jane Smith',
    ];
    expect(detectColumns({ headers, sampleRows: [row] })).toMatchObject({
      candidate: 'Applicant',
      role: 'Requisition',
      stage: 'Disposition',
      text: 'Notes',
      date: 'Disposition Date',
    });
    const withoutDisposition = detectColumns({ headers: ['Applicant', 'Notes', 'Disposition reason'], sampleRows: [['S1', 'x', 'y']] });
    expect(withoutDisposition.stage).toBeUndefined();
  });
});

describe('a file without a header row', () => {
  it("keeps its first row's people and feedback out of the message, and says to add a header row", () => {
    const error = noTextColumnError('x.csv', ['S1001', 'Chidi Okafor', 'Acme', 'Your answers lacked specific examples of results.']);
    expect(error.message).not.toContain('Chidi');
    expect(error.message).not.toContain('Okafor');
    expect(error.message).not.toContain('lacked');
    expect(error.message).toContain('the first row reads as feedback, not column names). Add a header row');
    expect(error.message).toContain('Columns found: A, B, C, D (cells not shown');
    expect(error.message).not.toContain('S1001');
  });

  it('still hides a first row of data that holds one value spelt like a column name ("Submitted")', () => {
    const error = noTextColumnError('x.csv', ['S1001', 'Submitted', 'Your answers lacked specific examples of results.']);
    expect(error.message).not.toContain('lacked');
    expect(error.message).toContain('Add a header row');
  });
});

describe('a form whose feedback question is not recognised', () => {
  const headers = [
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    'Which company?',
    'Please tell us in your own words why you were unsuccessful',
  ];
  const sampleRows = [
    [
      '1',
      '1/3/26 10:00',
      '1/3/26 10:05',
      'chidi.okafor@uni.ac.uk',
      'Chidi Okafor',
      'Acme',
      'Answers sounded rehearsed and lacked examples.',
    ],
    ['2', '1/3/26 11:00', '1/3/26 11:05', 'jo.bloggs@uni.ac.uk', 'Jo Bloggs', 'Beta', 'Not enough experience.'],
  ];

  it('names every column by letter and header (a question, not a cell), and the column of longest answers as the one to choose', () => {
    const error = noTextColumnError('forms.csv', headers, sampleRows);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(
      'A "ID", B "Start time", C "Completion time", D "Email", E "Name", F "Which company?", G "Please tell us in your own words why you were unsuccessful"',
    );
    expect(error.message).toContain(
      'if it is column G, whose answers are longest, --text-column "Please tell us in your own words why you were unsuccessful"',
    );
    expect(error.message).not.toMatch(/add a header row/i);
    for (const cell of sampleRows.flat().filter((cell) => cell.length > 2)) expect(error.message).not.toContain(cell);
  });

  it('never suggests the email or name column, however long its values', () => {
    const error = noTextColumnError(
      'forms.csv',
      ['Timestamp', 'Email address', 'Why?'],
      [['x', 'a.very.long.address.indeed@example.ac.uk', 'short']],
    );
    expect(error.message).not.toMatch(/column B/);
  });

  it('letters columns past Z as a spreadsheet does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it("keeps its first row's name and email out of the message when a column it was told to read is not there", () => {
    const firstRow = ['S1001', 'Chidi Okafor', 'chidi.okafor@uni.ac.uk', 'Your answers lacked specific examples of results.'];
    expect(() => resolveOverrides('x.csv', firstRow, [{ role: 'text', name: 'Feedback', source: 'flag' }])).toThrow(
      /^x\.csv: no column "Feedback" \(--text-column\)\. Columns found: "S1001", "\[name\] \[name\]", "\[email\]", /,
    );
  });
});
