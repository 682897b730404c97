import { describe, expect, it } from 'vitest';
import { columnMerges, fillColumnMerges, sheetParts, visibleSheets } from '../../src/ingest/workbook-layout.js';

describe('sheetParts', () => {
  it('lists sheets in order with their state and part, following the relationships', () => {
    const workbook =
      '<workbook><sheets><sheet name="Lookup &amp; codes" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/other.xml"/></Relationships>';
    const sheets = sheetParts(workbook, rels);
    expect(sheets).toEqual([
      { name: 'Lookup & codes', hidden: true, part: 'xl/worksheets/other.xml' },
      { name: 'Data', hidden: false, part: 'xl/worksheets/sheet1.xml' },
    ]);
    expect(visibleSheets(sheets)).toEqual(['Data']);
    expect(visibleSheets([{ name: 'A', hidden: true, part: null }])).toEqual([]);
  });
});

describe('column merges', () => {
  it('keeps ranges down one column and fills only the empty cells under their top value', () => {
    const merges = columnMerges('<mergeCells><mergeCell ref="A1:D1"/><mergeCell ref="B2:B4"/><mergeCell ref="$C$2:$C$3"/></mergeCells>');
    expect(merges).toEqual([
      { column: 1, firstRow: 1, lastRow: 3 },
      { column: 2, firstRow: 1, lastRow: 2 },
    ]);
    const rows = [['Title'], ['x', 'Tom', 'BSc'], ['y', '', 'kept'], ['z']];
    expect(fillColumnMerges(rows, merges)).toBe(2);
    expect(rows).toEqual([['Title'], ['x', 'Tom', 'BSc'], ['y', 'Tom', 'kept'], ['z', 'Tom']]);
  });
});
