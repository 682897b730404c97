// A row that stops before the last columns: read with its missing cells empty when that is all it
// lost, rejected when it is half of a row split by a line break that is not in quotes.
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import { defaultOptions, tempFiles } from './helpers.js';

const files = tempFiles();

describe('rows that stop before the last columns', () => {
  it('a Google Sheets download whose rows leave out their trailing empty cells loses none of them', async () => {
    const path = files.write(
      'sheets.csv',
      [
        'Timestamp,Student number,Employer,Stage reached,What feedback did the employer give you?,Notes,',
        '7 Dec 2026 14:03,00123,Sage,Online tests,Your numerical score was below the threshold.,,',
        '7 Dec 2026 14:05,00123,Sage,Interview,You gave no specific examples.',
        '7 Dec 2026 14:09,00456,Morgan Sindall,Application',
        '',
      ].join('\r\n'),
    );
    const { items, rejects, files: read } = await ingestFiles([path], defaultOptions());
    expect(rejects).toEqual([]);
    expect(items.map((i) => [i.line, i.candidate, i.stage, i.text, i.noText ?? false])).toEqual([
      [2, '00123', 'Online tests', 'Your numerical score was below the threshold.', false],
      [3, '00123', 'Interview', 'You gave no specific examples.', false],
      [4, '00456', 'Application', '', true],
    ]);
    expect(read[0].notes).toContain(
      "2 rows (lines 3, 4) stopped before the last columns, as exports leave out a row's trailing empty cells: read with those cells empty",
    );
  });

  it('a tab-separated export whose last row stops early, at the end of the file', async () => {
    const path = files.write(
      'tabs.txt',
      'Student ID\tStage\tFeedback\tOutcome\n123\tInterview\tToo quiet.\tRejected\n456\tInterview\tLate.',
    );
    const { items, rejects } = await ingestFiles([path], defaultOptions());
    expect(rejects).toEqual([]);
    expect(items.map((i) => [i.candidate, i.text])).toEqual([
      ['123', 'Too quiet.'],
      ['456', 'Late.'],
    ]);
  });

  it('a row split by a line break outside quotes is rejected, both parts, and said', async () => {
    const path = files.write(
      'split.csv',
      'Student ID,Employer,Stage,Feedback,Outcome\nS1,Acme,Interview,Good answers.,Rejected\nS2,Beta,Interview,You rambled\nand gave no examples.,Rejected\nS3,Gamma,Interview,Late.,Rejected\n',
    );
    const { items, rejects, files: read } = await ingestFiles([path], defaultOptions());
    expect(items.map((i) => i.candidate)).toEqual(['S1', 'S3']);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'expected 5 fields, found 4: the row ends at column D'],
      [4, 'expected 5 fields, found 2: the row ends at column B'],
    ]);
    expect(read[0].notes.join('\n')).toMatch(/lines 3 and 4 look like one row split by a line break in a field that is not in quotes/);
  });

  it('the second part of a last field split by a line break is no row: it names no student to phone', async () => {
    const path = files.write(
      'tail.csv',
      'Student ID,Employer,Stage,Feedback\nS1,Acme,Interview,You rambled\nand gave no examples.\nS2,Beta,Interview,Late.\n',
    );
    const { items, rejects } = await ingestFiles([path], defaultOptions());
    expect(items.map((i) => i.candidate)).toEqual(['S1', 'S2']);
    expect(rejects.map((r) => r.line)).toEqual([3]);
  });
});
