import { describe, expect, it } from 'vitest';
import { logisticsOnlyApproved } from '../../src/classify/logistics-approved.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('logisticsOnlyApproved: pay, place, hours or dates named only to say they suited', () => {
  it.each([
    're salary - you were under budget if anything.',
    'Your spring start date would have suited us perfectly well.',
    "Re the three-week holiday you've booked - we can work round that, no bother at all.",
    'As for your salary expectations, they sat right in the middle of the band.',
    "Your salary ask sat comfortably inside what we'd budgeted - that was never going to be where it fell down.",
    'Your three-month notice was agreed to by the hiring manager at first stage, so it was settled before the panel.',
    // Another reason beside it stays that reason; only `logistics` goes.
    'Salary agreed, but the panel felt you lacked experience.',
  ])('"%s" is no logistics', (text) => {
    expect(logisticsOnlyApproved(text)).toBe(true);
    expect(readSegment(text, DEFAULT_THEME_IDS).ruledOut).toContain('logistics');
  });

  it.each([
    'Your salary expectations were above our band.',
    'Salary within band, but you live too far away.',
    "Salary in range. Can't start until June.",
    'Your notice period of three months is too long for us.',
    'We could not agree on salary.',
    'Start date confirmed for May, but we need someone now.',
    'The hours are fine by us but you said you wanted part-time.',
    // Nothing of pay, place, hours or dates.
    'We were happy with your experience.',
  ])('"%s" is not', (text) => {
    expect(logisticsOnlyApproved(text)).toBe(false);
  });
});
