import { describe, expect, it } from 'vitest';
import { waivesWhatWentBefore } from '../../src/classify/waived.js';

describe('waivesWhatWentBefore', () => {
  it.each(["Didn't trouble us.", 'Zero concern.', 'Not a factor.', 'That was no issue.'])('"%s" waves away the sentence before', (text) => {
    expect(waivesWhatWentBefore(text)).toBe(true);
  });

  it.each([
    // It names its own topic, speaks to the candidate, is no rule-out, or is too long to name none.
    'Salary no issue.',
    'Not a problem for you, we know.',
    'Not great.',
    'None of the panel thought that it was the deciding factor in the end.',
  ])('"%s" does not', (text) => {
    expect(waivesWhatWentBefore(text)).toBe(false);
  });
});
