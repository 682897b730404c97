import { describe, expect, it } from 'vitest';
import {
  candidateKind,
  contactColumns,
  emailAddressOf,
  holdsNamesWithIds,
  isPersonNameHeader,
  looksLikeEmails,
  nameAndIdOf,
  personNameColumns,
} from '../../src/ingest/people.js';
import { COLUMN_SYNONYMS } from '../../src/ingest/synonyms.js';

describe('isPersonNameHeader', () => {
  it('reads a header naming a person as a name column', () => {
    for (const header of ['Name', 'Student name', 'Nombre', 'Naam']) expect(isPersonNameHeader(header), header).toBe(true);
  });

  it('never reads the name of an employer, in any language an employer column is read in, as a person', () => {
    const oneWord = COLUMN_SYNONYMS.employer.filter((synonym) => !synonym.includes(' '));
    expect(oneWord.length).toBeGreaterThan(5);
    for (const word of oneWord) expect(isPersonNameHeader(`${word} name`), word).toBe(false);
    expect(isPersonNameHeader('Nombre del empleador')).toBe(false);
  });

  it('never reads the name of a programme, file or site as a person', () => {
    for (const header of ['Programme name', 'File name', 'Site name', 'Course name'])
      expect(isPersonNameHeader(header), header).toBe(false);
  });
});

describe('email addresses in a column', () => {
  it('takes an address bare, after mailto: or after a display name, and nothing else', () => {
    expect(emailAddressOf('jo@example.com')).toBe('jo@example.com');
    expect(emailAddressOf(' mailto:Jo@Example.co.uk ')).toBe('Jo@Example.co.uk');
    expect(emailAddressOf('"Smith, Jo" <jo.smith@example.com>')).toBe('jo.smith@example.com');
    expect(emailAddressOf('Smith, Jo (jo.smith@example.com)')).toBe('jo.smith@example.com');
    expect(emailAddressOf('Jo Smith ( jo.smith@example.com )')).toBe('jo.smith@example.com');
    for (const value of ['anonymous', 'emailed jo@example.com on Monday', 'jo@example', 'S1234', '@jsmith'])
      expect(emailAddressOf(value), value).toBeNull();
  });

  it('judges a candidate column of addresses the way column detection does (one concept)', () => {
    const rows = [['Jo Smith <jo@example.com>'], ['ann@example.com'], ['mailto:li@example.org']];
    expect(looksLikeEmails(rows.map((r) => r[0]!))).toBe(true);
    expect(candidateKind('Applicant', ['Applicant'], rows)).toBe('email');
    // Notes that mention an address are no address column, by either judgement.
    const notes = [['rang, then emailed jo@example.com'], ['see ann@example.com'], ['S1234']];
    expect(looksLikeEmails(notes.map((r) => r[0]!))).toBe(false);
    expect(candidateKind('Applicant', ['Applicant'], notes)).toBe('id');
  });
});

describe('a name and a student number in one cell', () => {
  it('splits "Surname, First (ID)", "First Surname - ID", "ID - Name" and "Name [ID]", in any script', () => {
    expect(nameAndIdOf('Okafor, Chidi (S1001)')).toEqual({ name: 'Okafor, Chidi', id: 'S1001' });
    expect(nameAndIdOf('王小明 (S1004)')).toEqual({ name: '王小明', id: 'S1004' });
    expect(nameAndIdOf('محمد العلي (S1003)')).toEqual({ name: 'محمد العلي', id: 'S1003' });
    expect(nameAndIdOf('S1001 - Chidi Okafor')).toEqual({ name: 'Chidi Okafor', id: 'S1001' });
    expect(nameAndIdOf('Chidi Okafor – AP-7731')).toEqual({ name: 'Chidi Okafor', id: 'AP-7731' });
    expect(nameAndIdOf('Anne-Marie O’Neill [20231187]')).toEqual({ name: 'Anne-Marie O’Neill', id: '20231187' });
    for (const value of ['AP-7731', 'C-0042', '20231187', 'Jo Smith', 'Jo Smith <jo@example.com>', 'Year 2 (2026)', 'Student 12 - group B'])
      expect(nameAndIdOf(value), value).toBeNull();
  });

  it('is how a candidate column is read only when most of its values are written so', () => {
    const rows = (values: string[]) => values.map((value) => [value]);
    expect(holdsNamesWithIds('Candidate', ['Candidate'], rows(['Okafor, Chidi (S1001)', 'S1002', 'S1003']))).toBe(false);
    expect(holdsNamesWithIds('Candidate', ['Candidate'], rows(['Okafor, Chidi (S1001)', 'Jo Smith (S1005)', 'S1002']))).toBe(true);
    expect(holdsNamesWithIds(undefined, ['Candidate'], rows(['Okafor, Chidi (S1001)']))).toBe(false);
  });
});

describe('contactColumns', () => {
  it('gives the follow-up list the address of a candidate column of addresses under another name (a mail log\'s "To")', () => {
    const headers = ['From', 'To', 'Body'];
    const rows = [['careers@uni.ac.uk', 'Amara Mensah <amara@uni.ac.uk>', 'CV not tailored.']];
    expect(contactColumns(headers, { text: 'Body', candidate: 'To' }, rows).email).toEqual([1]);
    // Not the sender's, and not a candidate column of student numbers.
    expect(contactColumns(['Student', 'Body'], { text: 'Body', candidate: 'Student' }, [['S1', 'x']]).email).toEqual([]);
  });

  it('writes a name kept in two columns given name first, whichever comes first in the sheet', () => {
    const rows = [['4040', 'Patel', 'Priya', 'CV not tailored.']];
    const name = (headers: string[]) => contactColumns(headers, { text: 'Feedback', candidate: headers[0] }, rows).name;
    expect(name(['Student No', 'Surname', 'Forename', 'Feedback'])).toEqual([2, 1]);
    expect(name(['Student No', 'Last name', 'First name', 'Feedback'])).toEqual([2, 1]);
    expect(name(['Matrikelnummer', 'Nachname', 'Vorname', 'Feedback'])).toEqual([2, 1]);
    expect(name(['Student No', 'First name', 'Last name', 'Feedback'])).toEqual([1, 2]);
  });
});

describe('personNameColumns and staff columns', () => {
  it('reads a staff column of names ("Interviewer", "Recorded by") as names, and one of their notes ("Interviewer 1 notes") not', () => {
    const headers = ['Student ID', 'Feedback', 'Interviewer', 'Recorded by', 'Interviewer 1 notes', 'Assessor comments'];
    const sampleRows = [['S1', 'Too vague.', 'Sarah Jones', 'Dave Brown', 'candidate spoke too fast', 'no examples given']];
    expect(personNameColumns(headers, { text: 'Feedback', candidate: 'Student ID' }, sampleRows).map((index) => headers[index])).toEqual([
      'Interviewer',
      'Recorded by',
    ]);
  });
});
