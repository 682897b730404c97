import { describe, expect, it } from 'vitest';
import { excludesCodesOnly, readCodeFields } from '../../src/classify/code-fields.js';
import { analysePraise } from '../../src/classify/favourable.js';

describe('readCodeFields', () => {
  it('sets aside a field marked in brackets as set aside, and keeps the others', () => {
    const line = 'RSN_REVIEWED: SALARY (within range, excluded) | RSN_FINAL: NO_ICU_CLINICAL_EXP';
    expect(readCodeFields(line)).toEqual({ setAside: [[0, 46]], kept: 'RSN_FINAL: NO_ICU_CLINICAL_EXP' });
    expect(readCodeFields('RSN_1: NOT_QUALS (cleared) | RSN_2: FAILED_PSYCHOMETRIC (verbal 18th pct)')?.kept).toBe(
      'RSN_2: FAILED_PSYCHOMETRIC (verbal 18th pct)',
    );
    expect(analysePraise('RSN_X: LOCATION (waived) | RSN_PRIMARY: FAILED_DRUG_CALC_TEST').reasonText).toBe(
      'RSN_PRIMARY: FAILED_DRUG_CALC_TEST',
    );
  });

  it('reads nothing where no field is set aside, or every field is', () => {
    expect(readCodeFields('RSN_1: NOT_QUALS | RSN_2: FAILED_PSYCHOMETRIC (verbal 18th pct)')).toBeNull();
    expect(readCodeFields('RSN_1: NOT_QUALS (cleared) | RSN_2: LOCATION (waived)')).toBeNull();
    expect(readCodeFields('Salary (excluded)')).toBeNull();
  });
});

describe('excludesCodesOnly', () => {
  it('reads a line of codes that only exclude reasons, or leave fields empty, as a rule-out', () => {
    expect(excludesCodesOnly('RSN_NA: SALARY_EXPECT | RSN_NA: NOTICE_PERIOD')).toBe(true);
    expect(excludesCodesOnly('RSN_EXCL: QUAL, EXP | RSN_PRIMARY: (blank) | NOTES: -')).toBe(true);
    expect(excludesCodesOnly('RSN: QUAL | RSN_NA: SALARY')).toBe(false);
    expect(excludesCodesOnly('Notes: n/a')).toBe(false);
    expect(analysePraise('RSN_NA: SALARY_EXPECT | RSN_NA: NOTICE_PERIOD').praiseOnly).toBe(true);
  });

  it('reads a field of cleared codes as excluding them', () => {
    expect(excludesCodesOnly('DECLINE_FACTORS_CLEARED: dress, timekeeping')).toBe(true);
    expect(excludesCodesOnly('DECLINE_FACTORS: dress, timekeeping')).toBe(false);
  });
});
