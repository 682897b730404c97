import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/dates.js';

describe('parseDate', () => {
  it.each([
    ['2026-03-04', '2026-03-04'],
    ['2026-3-4', '2026-03-04'],
    ['2026/03/04', '2026-03-04'],
    ['2026-03-04T10:00:00Z', '2026-03-04'],
    ['2026-03-04T23:30:00-05:00', '2026-03-04'],
    ['2026-03-04 10:00', '2026-03-04'],
    ['2026-03-04 10:00:00.123', '2026-03-04'],
    ['04/03/2026', '2026-03-04'],
    ['4/3/26', '2026-03-04'],
    ['04.03.2026', '2026-03-04'],
    ['04/03/2026 10:05', '2026-03-04'],
    ['04/03/2026 10:05 PM', '2026-03-04'],
    ['25/12/2026', '2026-12-25'],
    ['4 March 2026', '2026-03-04'],
    ['4th March 2026', '2026-03-04'],
    ['04-Mar-2026', '2026-03-04'],
    ['Wednesday, 4 March 2026', '2026-03-04'],
    ['March 4, 2026', '2026-03-04'],
    ['Mar 4 2026', '2026-03-04'],
    ['Sept 30, 2026', '2026-09-30'],
    ['Mar 2026', '2026-03-01'],
    ['March 2026', '2026-03-01'],
    ['46085', '2026-03-04'],
    ['04-Mar-26', '2026-03-04'],
    ['4 Mar 26', '2026-03-04'],
    ['2026-03', '2026-03-01'],
    ['20260304', '2026-03-04'],
    ['4. März 2026', '2026-03-04'],
    ['4. MÄRZ 2026', '2026-03-04'],
    ['4 mars 2026', '2026-03-04'],
    ['12 décembre 2026', '2026-12-12'],
    ['4 de marzo de 2026', '2026-03-04'],
    ['4 maart 2026', '2026-03-04'],
    ['Oktober 2026', '2026-10-01'],
    // An Excel serial with its time of day after a decimal comma, as European locales write it.
    ['46085,5', '2026-03-04'],
    ['46085,75', '2026-03-04'],
    // Word dates with a time after them: a mail log, Google Forms and Outlook, JavaScript's Date.
    ['Wed, 4 Mar 2026 14:05:33 +0000', '2026-03-04'],
    ['04-Mar-2026 14:05', '2026-03-04'],
    ['4 March 2026, 14:05', '2026-03-04'],
    ['March 4, 2026 at 2:05 PM', '2026-03-04'],
    ['Mar 4, 2026, 2:05:33 PM', '2026-03-04'],
    ['4. März 2026 um 14:05', '2026-03-04'],
    ['Thu Mar 04 2026 14:05:33 GMT+0000 (Coordinated Universal Time)', '2026-03-04'],
    // Times written the Spanish and Nordic ways.
    ['04/03/2026 2:05 p. m.', '2026-03-04'],
    ['4/3/2026 14.05', '2026-03-04'],
    // Chinese, Japanese and Korean; Korean and Hungarian dotted year-first dates.
    ['2026年3月4日', '2026-03-04'],
    ['2026年03月04日 14:05', '2026-03-04'],
    ['2026년 3월 4일', '2026-03-04'],
    ['2026. 03. 04.', '2026-03-04'],
    ['2026.03.04.', '2026-03-04'],
    // Italian and Portuguese month names.
    ['4 maggio 2026', '2026-05-04'],
    ['4 de março de 2026', '2026-03-04'],
    ['4 de outubro de 2026', '2026-10-04'],
    ['dicembre 2026', '2026-12-01'],
  ])('%s → %s (day first)', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('reads month first when told', () => {
    expect(parseDate('04/03/2026', 'mdy')).toBe('2026-04-03');
    expect(parseDate('03/25/2026', 'mdy')).toBe('2026-03-25');
  });

  it('uses the only valid reading of an unambiguous date', () => {
    expect(parseDate('03/25/2026', 'dmy')).toBe('2026-03-25');
  });

  it.each([
    '',
    '   ',
    'next Tuesday',
    '31/02/2026',
    '2026-13-01',
    '2026-02-30',
    'Smarch 4, 2026',
    '12',
    '1234567',
    '20261304',
    '2026-13',
    '4 Smarch 26',
    '46085,5,5',
    '2026年13月4日',
    'March 2026 at noon',
  ])('rejects %j', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});
