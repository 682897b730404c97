import { describe, expect, it } from 'vitest';
import { compareNatural, formatCount, ratio, round } from '../../src/analyse/util.js';

describe('analysis helpers', () => {
  it('orders numbered groups by value, then text by code unit', () => {
    const keys = ['Cohort 10', 'Cohort 2', 'Cohort 1', 'cohort 3', 'Cohort 02', 'Alpha', 'Cohort 2b'];
    expect([...keys].sort(compareNatural)).toEqual(['Alpha', 'Cohort 1', 'Cohort 02', 'Cohort 2', 'Cohort 2b', 'Cohort 10', 'cohort 3']);
    expect(['2026-10', '2026-02', '2025-12'].sort(compareNatural)).toEqual(['2025-12', '2026-02', '2026-10']);
  });

  it('formats counts with thousands separators independent of locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('rounds ratios to four places without negative zero', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(1, 0)).toBe(0);
    expect(Object.is(round(-0.00001), 0)).toBe(true);
  });
});
