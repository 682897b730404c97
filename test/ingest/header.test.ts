import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/ingest/csv.js';
import { detectLayout, nameHeaders } from '../../src/ingest/header.js';
import { fixture } from './helpers.js';

const recordsOf = (name: string) => parseCsv(readFileSync(fixture(name), 'utf8'), { delimiter: ',' }).map((r) => r.fields);

describe('nameHeaders', () => {
  it('names empty headers column_<n> and suffixes duplicates _2, _3', () => {
    const { headers, notes } = nameHeaders(['Feedback', '', 'Name', 'Name', 'name', '']);
    expect(headers).toEqual(['Feedback', 'column_2', 'Name', 'Name_2', 'name_3', 'column_6']);
    expect(notes).toContain('duplicate header "Name" in column 4 renamed "Name_2"');
    expect(notes).toContain('empty header in column 2 named "column_2"');
  });

  it('never produces a name that another column already has', () => {
    expect(nameHeaders(['A', 'A_2', 'A']).headers).toEqual(['A', 'A_2', 'A_3']);
    expect(nameHeaders(['column_1', '']).headers).toEqual(['column_1', 'column_2']);
    expect(nameHeaders(['', 'column_1']).headers).toEqual(['column_1_2', 'column_1']);
  });

  it('trims names and drops a stray BOM', () => {
    expect(nameHeaders(['\uFEFFid', ' Feedback ']).headers).toEqual(['id', 'Feedback']);
  });
});

describe('detectLayout', () => {
  it('finds the plain header on the first row', () => {
    const layout = detectLayout(recordsOf('basic.csv'), undefined);
    expect(layout).toMatchObject({ headerIndex: 0, metadataIndexes: [], preambleRows: 0, survey: null });
  });

  it('skips the question-text and ImportId rows of a Qualtrics export', () => {
    const layout = detectLayout(recordsOf('qualtrics.csv'), undefined);
    expect(layout).toMatchObject({ headerIndex: 0, metadataIndexes: [1, 2], survey: 'qualtrics' });
    expect(layout.questions?.[7]).toMatch(/What feedback did the employer give/);
    expect(layout.notes[0]).toMatch(/Qualtrics/);
  });

  it('skips a Qualtrics question row even without the ImportId row', () => {
    const records = recordsOf('qualtrics.csv').filter((_, i) => i !== 2);
    expect(detectLayout(records, undefined)).toMatchObject({ metadataIndexes: [1], survey: 'qualtrics' });
  });

  it('skips the sub-header row of a SurveyMonkey export', () => {
    const layout = detectLayout(recordsOf('surveymonkey.csv'), undefined);
    expect(layout).toMatchObject({ headerIndex: 0, metadataIndexes: [1], survey: 'surveymonkey' });
  });

  it('does not take an ordinary data row for a sub-header', () => {
    const records = [
      ['id', 'feedback'],
      ['1', 'Response'],
      ['2', 'Other'],
    ];
    expect(detectLayout(records, undefined).metadataIndexes).toEqual([]);
  });

  it('skips title rows and blank lines above the header', () => {
    const layout = detectLayout(recordsOf('title-row.csv'), undefined);
    expect(layout.headerIndex).toBe(3);
    expect(layout.preambleRows).toBe(2);
  });

  it('skips title rows with a comma in them, narrower than the table and naming no column', () => {
    const records = [
      ['Employer feedback log', ' Spring term 2026'],
      ['Exported by: Janet Smith', ' 21/03/2026'],
      [''],
      ['Student ID', 'Stage', 'Date', 'Employer', 'Job Title', 'Feedback'],
      ['S1', 'Interview', '2026-03-01', 'Acme', 'Will Writer', 'You were late.'],
      ['S2', 'Application', '2026-03-02', 'Acme', 'Analyst', 'No feedback given.'],
    ];
    expect(detectLayout(records, undefined)).toMatchObject({ headerIndex: 3, preambleRows: 2 });
    // A short header that names its columns is the header, over rows with a trailing empty cell.
    const short = [
      ['Student ID', 'Feedback'],
      ['S1', 'Late.', '', ''],
      ['S2', 'Rambled.', '', ''],
      ['S3', 'Vague.', '', ''],
    ];
    expect(detectLayout(short, undefined)).toMatchObject({ headerIndex: 0, preambleRows: 0 });
  });

  it('obeys skipRows and does no detection', () => {
    const layout = detectLayout(recordsOf('qualtrics.csv'), 1);
    expect(layout).toMatchObject({ headerIndex: 1, metadataIndexes: [], preambleRows: 1, survey: null });
  });
});
