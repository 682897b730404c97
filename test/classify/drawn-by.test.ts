import { describe, expect, it } from 'vitest';
import { drawnByOtherThanWork } from '../../src/classify/drawn-by.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('drawnByOtherThanWork', () => {
  it('reads a job wanted for something other than the work', () => {
    for (const text of [
      'Not progressed. Written task never submitted, and said the short commute was the main draw',
      'only after the free gym membership tbh',
      'We had the feeling the main reason for you is the visa and not the work in the laboratory.',
      'It seemed to us you are more interested in the home office than in the job itself, you asked many times about it.',
      'Felt like you were mostly keen on the FIFO money rather than the job itself.',
      'Manager felt you are applying only for the onsite opportunity and not interested in the actual work profile.',
      'HR felt you are only interested in the Bangalore location and not in the role as such.',
    ])
      expect(drawnByOtherThanWork(text), text).toBe(true);
  });

  it('does not read a term the candidate cannot meet, a reason named as the main one, or other comparisons', () => {
    for (const text of [
      'The hours are the problem – we need early starts in the bakery and you said mornings don’t suit.',
      'The manager said you showed up about 25 minutes late. That was honestly the main reason.',
      'Main thing is it’s a live-in job on the property and you need to be home nights.',
      'You seemed more interested in talking than listening.',
      'The salary you asked for is above the band for this role.',
    ])
      expect(drawnByOtherThanWork(text), text).toBe(false);
  });

  it('asserts `motivation` in the reading of the sentence', () => {
    expect(readSegment('said the staff discount was the main draw', DEFAULT_THEME_IDS).asserted).toContain('motivation');
    expect(readSegment('The staff discount does not apply to agency workers.', DEFAULT_THEME_IDS).asserted).not.toContain('motivation');
  });
});
