import { describe, expect, it } from 'vitest';
import {
  idSpellingNotes,
  joinIdSpellings,
  joinNameSpellings,
  keyedOtherwiseNotes,
  keyedOtherwiseThanById,
  nameSpellingNotes,
  namesUnderSeveralEmails,
  severalEmailsNotes,
  zeroPaddedIdNotes,
  zeroPaddedIds,
} from '../../src/ingest/name-spellings.js';
import type { FeedbackItem } from '../../src/types.js';

const row = (candidate: string, source = 'a.csv'): FeedbackItem => ({
  id: `${source}:${candidate}`,
  candidate,
  cohort: null,
  stage: null,
  employer: null,
  role: null,
  date: null,
  text: 'Too vague.',
  source,
  line: 2,
});

describe('joinNameSpellings', () => {
  it('reads "SMITH, John" as the "John Smith" of another row, and keeps an initial apart', () => {
    const items = ['SMITH, John', 'J. Smith', 'John  Smith', 'Smith, Jane', 'Patel, Priya', 'Patel, Priya'].map((name) => row(name));
    const counts = joinNameSpellings(items, new Set(['a.csv']));
    expect(items.map((item) => item.candidate)).toEqual([
      'John  Smith',
      'J. Smith',
      'John  Smith',
      'Smith, Jane',
      'Patel, Priya',
      'Patel, Priya',
    ]);
    expect(counts).toEqual({ joined: 1, apart: 1 });
    const notes = nameSpellingNotes(counts).join(' ');
    expect(notes).toMatch(/^1 student name written "Surname, Forename".*counted as one student/);
    expect(notes).toMatch(/1 student name is an initial and a surname .* kept apart/);
    expect(notes).not.toMatch(/Smith|John|Patel/);
  });

  it('joins across files of names, but leaves files keyed by ids alone', () => {
    const items = [row('Doe, Jane', 'a.csv'), row('Jane Doe', 'b.csv'), row('Doe, Jane', 'ids.csv')];
    expect(joinNameSpellings(items, new Set(['a.csv', 'b.csv']))).toEqual({ joined: 1, apart: 0 });
    expect(items.map((item) => item.candidate)).toEqual(['Jane Doe', 'Jane Doe', 'Doe, Jane']);
  });

  it('changes nothing, and says nothing, when every student is written one way', () => {
    const items = [row('Doe, Jane'), row('Doe, Jane'), row('Roe, Richard')];
    const counts = joinNameSpellings(items, new Set(['a.csv']));
    expect(items.map((item) => item.candidate)).toEqual(['Doe, Jane', 'Doe, Jane', 'Roe, Richard']);
    expect(nameSpellingNotes(counts)).toEqual([]);
  });
});

describe('joinIdSpellings', () => {
  it('reads ids that differ only in case or spacing as one, in the spelling most rows use', () => {
    const items = ['c-0042', 'C-0042', 'C-0042', 'C- 0042', 'C-0099', 'c-0100'].map((id) => row(id));
    expect(joinIdSpellings(items, new Set(['a.csv']))).toBe(1);
    expect(items.map((item) => item.candidate)).toEqual(['C-0042', 'C-0042', 'C-0042', 'C-0042', 'C-0099', 'c-0100']);
    expect(idSpellingNotes(1)).toEqual([
      '1 student id written in different case, spacing or punctuation in different rows counted as one student each',
    ]);
  });

  it('chooses the same spelling whatever the row order, and leaves other files alone', () => {
    const forwards = ['ab1', 'AB1'].map((id) => row(id));
    const backwards = ['AB1', 'ab1'].map((id) => row(id));
    joinIdSpellings(forwards, new Set(['a.csv']));
    joinIdSpellings(backwards, new Set(['a.csv']));
    expect(forwards.map((item) => item.candidate)).toEqual(['AB1', 'AB1']);
    expect(backwards.map((item) => item.candidate)).toEqual(['AB1', 'AB1']);
    const other = [row('ab1', 'names.csv'), row('AB1', 'names.csv')];
    expect(joinIdSpellings(other, new Set(['a.csv']))).toBe(0);
    expect(other.map((item) => item.candidate)).toEqual(['ab1', 'AB1']);
  });

  it('reads an id without its punctuation as the same id, unless the rows name two different students', () => {
    const named = (id: string, name?: string): FeedbackItem => ({
      ...row(id),
      ...(name ? { contact: { name, email: null, phone: null } } : {}),
    });
    const same = [named('C-0042', 'Aisha Khan'), named('c-0042 ', 'KHAN, Aisha'), named('C0042', 'Aisha Khan'), named('C.0042')];
    expect(joinIdSpellings(same, new Set(['a.csv']))).toBe(1);
    expect(same.map((item) => item.candidate)).toEqual(['C-0042', 'C-0042', 'C-0042', 'C-0042']);
    const two = [named('AB-12', 'Tom Baker'), named('AB12', 'Ann Lee'), named('ab-12', 'Tom Baker')];
    joinIdSpellings(two, new Set(['a.csv']));
    expect(two.map((item) => item.candidate)).toEqual(['AB-12', 'AB12', 'AB-12']);
    // A leading zero is no punctuation: 24004478 and 024004478 stay two.
    const zeros = [row('24004478'), row('024004478')];
    expect(joinIdSpellings(zeros, new Set(['a.csv']))).toBe(0);
  });
});

describe('zeroPaddedIds', () => {
  it('counts ids that are another but for leading zeros, keeps them apart, and says why', () => {
    // One file kept its zeros, the other passed through Excel.
    const items = [row('00123'), row('123', 'b.csv'), row('0123', 'b.csv'), row('00456'), row('789'), row('S0123'), row('S123')];
    const groups = zeroPaddedIds(items, new Set(['a.csv', 'b.csv']));
    expect(groups.map((rows) => rows.map((item) => item.candidate))).toEqual([['00123', '123', '0123']]);
    expect(items.map((item) => item.candidate)).toEqual(['00123', '123', '0123', '00456', '789', 'S0123', 'S123']);
    expect(zeroPaddedIds(items, new Set(['a.csv']))).toEqual([]);
    const [note] = zeroPaddedIdNotes(groups);
    expect(note).toMatch(/^2 student ids are another's but for leading zeros .*kept apart.*as text/);
    // Where, by file and line, never who.
    expect(note).toContain('(rows a.csv line 2 and b.csv line 2)');
    expect(note.replace('("00123" beside "123")', '')).not.toMatch(/123/);
    expect(zeroPaddedIdNotes([])).toEqual([]);
  });
});

describe('namesUnderSeveralEmails', () => {
  const emailed = (address: string, name: string, source = 'a.csv'): FeedbackItem => ({
    ...row(address, source),
    contact: { name, email: address, phone: null },
  });

  it('counts a name beside two addresses once, written either way round, and a name beside one address not at all', () => {
    const items = [
      emailed('p.sharma@uni.ac.uk', 'Priya Sharma'),
      emailed('p.sharma@uni.ac.uk', 'Priya Sharma'),
      emailed('priya@gmail.com', 'SHARMA, Priya'),
      emailed('tom@uni.ac.uk', 'Tom Baker'),
    ];
    items.forEach((item, index) => {
      item.line = index + 2;
    });
    const groups = namesUnderSeveralEmails(items, new Set(['a.csv']));
    expect(groups.map((rows) => rows.map((item) => item.line))).toEqual([[2, 3, 4]]);
    const [note] = severalEmailsNotes(groups);
    expect(note).toMatch(/^1 student name is written beside more than one email address.*\(rows a\.csv lines 2, 3, 4\)/);
    expect(note).not.toMatch(/Sharma|@/);
    expect(severalEmailsNotes([])).toEqual([]);
  });

  it('looks only at files keyed by email', () => {
    const items = [emailed('p.sharma@uni.ac.uk', 'Priya Sharma'), emailed('priya@gmail.com', 'Priya Sharma', 'b.csv')];
    expect(namesUnderSeveralEmails(items, new Set(['a.csv']))).toEqual([]);
  });
});

describe('keyedOtherwiseThanById', () => {
  const at = (item: FeedbackItem, line: number, contact?: FeedbackItem['contact']): FeedbackItem => ({
    ...item,
    line,
    ...(contact ? { contact } : {}),
  });
  const byId = new Set(['ids.csv']);
  const byEmail = new Set(['emails.csv']);
  const byName = new Set(['names.csv']);

  it('names the rows of a student known by address in one file whom another file gives that address beside an id, and keeps them apart', () => {
    const items = [
      at(row('S90', 'ids.csv'), 8, { name: 'Chris Lee', email: 'Chris.Lee@uni.ac.uk', phone: null }),
      at(row('S90', 'ids.csv'), 9, { name: 'Chris Lee', email: 'chris.lee2@gmail.com', phone: null }),
      at(row('S91', 'ids.csv'), 10, { name: 'Ana Ruiz', email: 'ana@uni.ac.uk', phone: null }),
      at(row('chris.lee@uni.ac.uk', 'emails.csv'), 2),
      at(row('someone@uni.ac.uk', 'emails.csv'), 3),
      at(row('ANA RUIZ', 'names.csv'), 4),
      at(row('Tom Baker', 'names.csv'), 5),
    ];
    const groups = keyedOtherwiseThanById(items, byId, byEmail, byName);
    expect(groups.map((rows) => rows.map((item) => `${item.source}:${item.line}`))).toEqual([
      ['ids.csv:8', 'emails.csv:2'],
      ['ids.csv:10', 'names.csv:4'],
    ]);
    expect(items.map((item) => item.candidate)).toEqual([
      'S90',
      'S90',
      'S91',
      'chris.lee@uni.ac.uk',
      'someone@uni.ac.uk',
      'ANA RUIZ',
      'Tom Baker',
    ]);
    const [note] = keyedOtherwiseNotes(groups);
    expect(note).toMatch(
      /^2 students known by an email address or a name in some rows have that address or name beside a student id in others: kept apart/,
    );
    expect(note).toContain('(rows ids.csv line 8 and emails.csv line 2; rows ids.csv line 10 and names.csv line 4)');
    expect(note).not.toMatch(/S90|S91|Chris|Ruiz|@/i);
  });

  it('counts an address written in an id column as a student known by address', () => {
    const items = [
      at(row('S90', 'ids.csv'), 8, { name: 'Chris Lee', email: 'chris.lee@uni.ac.uk', phone: null }),
      at(row('Chris.Lee@uni.ac.uk', 'more-ids.csv'), 2),
      at(row('S90', 'more-ids.csv'), 3),
    ];
    const groups = keyedOtherwiseThanById(items, new Set(['ids.csv', 'more-ids.csv']), byEmail, byName);
    expect(groups.map((rows) => rows.map((item) => `${item.source}:${item.line}`))).toEqual([['ids.csv:8', 'more-ids.csv:2']]);
  });

  it('names a row whose id column holds an address when its name column gives the name another row gives beside an id', () => {
    // One sheet: "S3001" beside "Chidi Okafor" in one row, the address beside the same name in another.
    const items = [
      at(row('S3001', 'log.xlsx'), 4, { name: 'Chidi Okafor', email: null, phone: null }),
      at(row('chidi.okafor@uni.example.ac.uk', 'log.xlsx'), 5, { name: 'Chidi Okafor', email: null, phone: null }),
      at(row('S3002', 'log.xlsx'), 6, { name: 'Chidi Eze', email: null, phone: null }),
    ];
    const groups = keyedOtherwiseThanById(items, new Set(['log.xlsx']), byEmail, byName);
    expect(groups.map((rows) => rows.map((item) => `${item.source}:${item.line}`))).toEqual([['log.xlsx:4', 'log.xlsx:5']]);
    expect(items.map((item) => item.candidate)).toEqual(['S3001', 'chidi.okafor@uni.example.ac.uk', 'S3002']);
  });

  it('reads the address in an email column written as an address book writes it ("Name <address>", "mailto:")', () => {
    const items = [
      at(row('S90', 'ids.csv'), 8, { name: null, email: 'Chris Lee <Chris.Lee@uni.ac.uk>', phone: null }),
      at(row('S91', 'ids.csv'), 9, { name: null, email: 'mailto:ana@uni.ac.uk', phone: null }),
      at(row('chris.lee@uni.ac.uk', 'emails.csv'), 2),
      at(row('ana@uni.ac.uk', 'emails.csv'), 3),
    ];
    const groups = keyedOtherwiseThanById(items, byId, byEmail, byName);
    expect(groups.map((rows) => rows.map((item) => `${item.source}:${item.line}`))).toEqual([
      ['ids.csv:8', 'emails.csv:2'],
      ['ids.csv:9', 'emails.csv:3'],
    ]);
  });

  it('says nothing when every file is keyed the same way, or no address or name meets an id', () => {
    const items = [
      at(row('S90', 'ids.csv'), 2, { name: 'Chris Lee', email: 'chris@uni.ac.uk', phone: null }),
      at(row('jo@uni.ac.uk', 'emails.csv'), 2),
    ];
    expect(keyedOtherwiseThanById(items, byId, byEmail, byName)).toEqual([]);
    expect(keyedOtherwiseThanById(items, new Set(), byEmail, byName)).toEqual([]);
    expect(keyedOtherwiseNotes([])).toEqual([]);
  });
});
