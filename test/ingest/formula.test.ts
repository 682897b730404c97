import { describe, expect, it } from 'vitest';
import { isSpreadsheetFormula } from '../../src/ingest/formula.js';

describe('isSpreadsheetFormula', () => {
  it('knows a formula: a call, a cell or sheet reference, a DDE link, arithmetic', () => {
    for (const cell of [
      '=HYPERLINK("http://ats.example/x"&A1,"Click")',
      '=A1&B1',
      '=SUM(1,2)',
      "=cmd|' /C calc'!A0",
      '=1+1',
      '=IF(A2>5,"Pass","Fail")',
      '=Sheet1!B2',
      '=$B$2',
      '=CONCATENATE("Too nervous", " and late")',
    ])
      expect(isSpreadsheetFormula(cell), cell).toBe(true);
  });

  it('reads words after "=" as words', () => {
    for (const cell of ['= good examples', '=== Feedback === rambled', '=Excellent', '=> see below', '= 5 stars', 'A1&B1', '='])
      expect(isSpreadsheetFormula(cell), cell).toBe(false);
  });
});
