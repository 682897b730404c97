// Conduct said in other words than the conduct words is one list, read alike by the rule of conduct
// held elsewhere and by the rule of conduct only praised; each adds only what its own reading needs.
import { describe, expect, it } from 'vitest';
import { conductHeldElsewhere } from '../../src/classify/conduct.js';
import { conductOnlyPraised } from '../../src/classify/conduct-praised.js';
import { CONDUCT_IN_OTHER_WORDS, CONDUCT_NOT_JUDGED } from '../../src/classify/conduct-words.js';

describe('conduct in other words', () => {
  it.each([
    'the tone of your emails',
    'texting',
    'chewing gum',
    'a no-show',
    'two no-shows',
    'a no show',
    'swearing',
    'rescheduled twice',
    'poor attendance',
  ])('"%s" is conduct in other words to both rules', (words) => {
    expect(CONDUCT_NOT_JUDGED.test(words)).toBe(true);
    expect(CONDUCT_IN_OTHER_WORDS.test(words)).toBe(true);
  });

  it('a no-show is read alike in the singular and the plural', () => {
    const one = 'The interviewer ran late, and you were a no-show for the second stage.';
    const two = 'The interviewer ran late, and you were one of two no-shows for the second stage.';
    expect(conductHeldElsewhere(two)).toBe(conductHeldElsewhere(one));
    expect(conductOnlyPraised('Polite on the phone, but two no-shows.')).toBe(false);
  });
});
