import { describe, expect, it } from 'vitest';
import { cannotMeetTerms } from '../../src/classify/terms-not-met.js';

describe('cannotMeetTerms', () => {
  it('finds the employer unable to meet the pay, rate, notice or package', () => {
    for (const text of [
      'We could not meet your salary expectations.',
      "We can't meet your salary expectation of 68,000.",
      "client can't meet his day rate and won't go above 450",
      "Sadly we can't stretch to the salary you need.",
      "They couldn't match my notice period.",
    ])
      expect(cannotMeetTerms(text), text).toBe(true);
  });

  it('does not take meeting a bar or the candidate falling short for it', () => {
    for (const text of [
      'You met every one of our requirements.',
      "You didn't meet the standard we need in the written test.",
      'We could not offer you the role this time.',
    ])
      expect(cannotMeetTerms(text), text).toBe(false);
  });
});
