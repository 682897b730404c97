import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FollowUpRow } from '../../src/analyse/model.js';
import { FOLLOWUP_COLUMNS, followUpCsv } from '../../src/report/followup-csv.js';

const row = (overrides: Partial<FollowUpRow> = {}): FollowUpRow => ({
  candidate: 'S1042',
  pseudonym: 'Candidate 3',
  kind: 'repeat',
  themeId: 'delivery',
  label: 'Interview delivery',
  rejections: 4,
  of: 5,
  firstDate: '2026-01-20',
  lastDate: '2026-08-03',
  stages: ['Telephone interview', 'Final interview'],
  employers: ['Kestrel Software Ltd', 'Marlowe & Finch, Communications'],
  suggestion: 'Practise interview technique in mock interviews.',
  digest: 'candidates/candidate-3.html',
  name: 'Sam Reid',
  email: 'sam.reid@example.ac.uk',
  phone: null,
  isNew: true,
  possibly: ['Work experience ×2', 'Strong competition'],
  items: ['R0012', 'export.csv:41'],
  ...overrides,
});

describe('followup.csv', () => {
  it('starts with a UTF-8 byte-order mark and the documented header, with CRLF records', () => {
    const text = followUpCsv([row()]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(FOLLOWUP_COLUMNS.join(','));
    expect(FOLLOWUP_COLUMNS.slice(0, 3)).toEqual(['candidate', 'pseudonym', 'theme']);
    expect(lines).toHaveLength(3); // header, one row, and the empty string after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('round-trips every value, lists joined with "; "', () => {
    const parsed = Papa.parse<Record<string, string>>(followUpCsv([row()]).slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toEqual([
      {
        candidate: 'S1042',
        pseudonym: 'Candidate 3',
        theme: 'Interview delivery',
        theme_id: 'delivery',
        kind: 'repeat',
        rejections: '4',
        of: '5',
        first_date: '2026-01-20',
        last_date: '2026-08-03',
        stages: 'Telephone interview; Final interview',
        employers: 'Kestrel Software Ltd; Marlowe & Finch, Communications',
        suggestion: 'Practise interview technique in mock interviews.',
        digest: 'candidates/candidate-3.html',
        name: 'Sam Reid',
        email: 'sam.reid@example.ac.uk',
        phone: '',
        new: 'yes',
        possibly: 'Work experience ×2; Strong competition',
        items: 'R0012; export.csv:41',
      },
    ]);
    // Without an earlier list to compare with, the column is empty rather than a guess.
    const [unknown, known] = Papa.parse<Record<string, string>>(followUpCsv([row({ isNew: null }), row({ isNew: false })]).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect([unknown.new, known.new]).toEqual(['', 'no']);
  });

  it('keeps spreadsheet formulas in ids and names from running', () => {
    const text = followUpCsv([
      row({ candidate: '=HYPERLINK("http://x.invalid","click")', employers: ['+44 Ltd', '@corp'], digest: null, firstDate: null }),
    ]);
    const [parsed] = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(parsed.candidate).toBe('\'=HYPERLINK("http://x.invalid","click")');
    expect(parsed.employers).toBe("'+44 Ltd; @corp");
    expect(parsed.digest).toBe('');
    expect(parsed.first_date).toBe('');
  });

  it('is only a header when nobody needs following up', () => {
    expect(followUpCsv([])).toBe(`\uFEFF${FOLLOWUP_COLUMNS.join(',')}\r\n`);
  });
});
