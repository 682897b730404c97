import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csv, csvField, itemsCsv, neutraliseFormula, rejectsCsv, segmentsCsv } from '../../src/report/csv.js';
import { TAXONOMY, classifiedItem, recurrenceCohort } from '../fixtures/analyse/build.js';

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV writer', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
  });

  it('ends every record with CRLF', () => {
    expect(
      csv(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', null],
        ],
      ),
    ).toBe('a,b\r\n1,2\r\n3,\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['=1+1\nsecond line', `'=1+1\nsecond line`],
    ['Fine text = ok', 'Fine text = ok'],
  ])('neutralises formula-looking cell %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it('keeps numbers we computed as numbers, even negative ones', () => {
    expect(csvField(-0.05)).toBe('-0.05');
  });
});

const NO_NAMES = new Map<string, string>();

describe('items.csv', () => {
  it('names each candidate as the report does, never by the id it was read with', () => {
    const rows = parse(itemsCsv(recurrenceCohort(), TAXONOMY, new Map([['alice', 'Candidate 4K7QXM']])));
    const candidates = new Map(rows.slice(1).map((row) => [row[0], row[1]]));
    expect(candidates.get('a1')).toBe('Candidate 4K7QXM');
    expect(rows.slice(1).some((row) => row[1] === 'alice')).toBe(false);
  });

  it('has the documented columns and one row per item in file/line order', () => {
    const rows = parse(itemsCsv(recurrenceCohort().reverse(), TAXONOMY, NO_NAMES));
    expect(rows[0]).toEqual([
      'id',
      'candidate',
      'cohort',
      'stage',
      'employer',
      'role',
      'date',
      'themes',
      'scores',
      'confidence',
      'text',
      'source',
      'line',
      'emerging',
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['a1', 'b1', 'c1', 'a2', 'd1', 'b2', 'e1', 'a3', 'f1', 'g1', 'h1']);
    const b1 = rows[2];
    expect(b1[7]).toBe('qualifications|application'); // taxonomy order, not assignment order
    expect(b1[8]).toBe('qualifications:0.60|application:0.60');
    expect(b1[9]).toBe(''); // no theme head decided these themes
    expect(b1[12]).toBe('3');
    expect(rows[9][7]).toBe(''); // unthemed item
  });

  it('lists the emerging clusters of each item, |-joined, and nothing when it has none', () => {
    const [first, second] = recurrenceCohort();
    const rows = parse(
      itemsCsv(
        [
          { ...first!, emerging: ['E1', 'E3'] },
          { ...second!, emerging: [] },
        ],
        TAXONOMY,
        NO_NAMES,
      ),
    );
    const byId = new Map(rows.slice(1).map((row) => [row[0], row[13]]));
    expect(byId.get(first!.item.id)).toBe('E1|E3');
    expect(byId.get(second!.item.id)).toBe('');
  });

  it('neutralises injection in feedback and metadata but keeps the text otherwise exact', () => {
    const item = classifiedItem({
      id: '=cmd',
      candidate: '@evil',
      cohort: '+c',
      stage: '-s',
      themes: ['delivery'],
      text: '=HYPERLINK("x")\r\nline two, with "quotes"',
      line: 2,
    });
    const rows = parse(itemsCsv([item], TAXONOMY, NO_NAMES));
    expect(rows[1].slice(0, 4)).toEqual([`'=cmd`, `'@evil`, `'+c`, `'-s`]);
    expect(rows[1][10]).toBe(`'=HYPERLINK("x")\r\nline two, with "quotes"`);
  });

  it('is byte-identical for the same input in any order', () => {
    const forward = itemsCsv(recurrenceCohort(), TAXONOMY, NO_NAMES);
    expect(itemsCsv([...recurrenceCohort()].reverse(), TAXONOMY, NO_NAMES)).toBe(forward);
    expect(forward.endsWith('\r\n')).toBe(true);
  });
});

describe('segments.csv', () => {
  it('lists each segment with its themes, best theme and score', () => {
    const rows = parse(segmentsCsv(recurrenceCohort(), TAXONOMY));
    expect(rows[0]).toEqual(['item_id', 'segment', 'text', 'themes', 'best_theme', 'best_score', 'favourable']);
    expect(rows.length - 1).toBe(15);
    expect(rows[1]).toEqual(['a1', '0', 'Your answers sounded robotic and over-rehearsed.', 'delivery', 'delivery', '0.7', 'false']);
    const unthemed = rows.find((row) => row[0] === 'f1')!;
    expect(unthemed[3]).toBe('');
  });
});

describe('rejects.csv', () => {
  it('sorts by file and line and neutralises the raw row', () => {
    const text = rejectsCsv([
      { source: 'b.csv', line: 3, reason: 'empty text', raw: 'x,,' },
      { source: 'a.csv', line: 9, reason: 'empty text', raw: '=cmd|x' },
      { source: 'a.csv', line: 2, reason: 'too few columns', raw: 'y' },
    ]);
    expect(parse(text)).toEqual([
      ['source', 'line', 'reason', 'raw', 'sheet'],
      ['a.csv', '2', 'too few columns', 'y', ''],
      ['a.csv', '9', 'empty text', `'=cmd|x`, ''],
      ['b.csv', '3', 'empty text', 'x,,', ''],
    ]);
  });

  it("names a workbook's sheet in a last column, so a reader of the first four still reads them", () => {
    const text = rejectsCsv([
      { source: 'book.xlsx', sheet: '=Spring', line: 5, reason: 'a summary row ("Total"), not feedback', raw: 'Total,3' },
    ]);
    expect(parse(text)).toEqual([
      ['source', 'line', 'reason', 'raw', 'sheet'],
      ['book.xlsx', '5', 'a summary row ("Total"), not feedback', 'Total,3', `'=Spring`],
    ]);
  });
});
