import { describe, expect, it } from 'vitest';
import { plainStatistics, plainStatisticsText } from '../../src/report/plain-words.js';

describe('plainStatistics', () => {
  it('says "beyond chance" and keeps the exact p-value in a tooltip', () => {
    const text = 'Delivery up from 10% to 36% of items (p < 0.001), compared with the run of 2026-04-01.';
    expect(plainStatisticsText(text)).toBe('Delivery up from 10% to 36% of items (beyond chance), compared with the run of 2026-04-01.');
    expect(plainStatistics(text).value).toContain(
      '<abbr class="exact" title="p &lt; 0.001 (two-proportion z-test): a difference this large would arise by chance less than 1 time in 1,000.">beyond chance</abbr>',
    );
    expect(plainStatisticsText('Delivery rose from 11% of items (2026-01) to 53% (2026-03); p = 0.004.')).toBe(
      'Delivery rose from 11% of items (2026-01) to 53% (2026-03), beyond chance.',
    );
  });

  it('moves the test’s conditions into the tooltip of "Too few"', () => {
    const text =
      'Too few dated items to call a trend in Delivery (33% of items in 2026-01, 33% in 2026-03; each period needs at least 30 items and 5 expected with and without the theme).';
    expect(plainStatisticsText(text)).toBe('Too few dated items to call a trend in Delivery (33% of items in 2026-01, 33% in 2026-03).');
    expect(plainStatistics(text).value).toMatch(
      /^<abbr class="exact" title="Each period needs at least 30 items and 5 expected with and without the theme before a change is tested.">Too few<\/abbr> dated/,
    );
  });

  it('escapes everything else and leaves plain text alone', () => {
    expect(plainStatistics('Most <b>common</b> theme.').value).toBe('Most &lt;b&gt;common&lt;/b&gt; theme.');
  });
});
