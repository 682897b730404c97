import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../src/classify/clauses.js';

const clausesOf = (text: string) => splitClauses(text).map((c) => ({ text: text.slice(c.start, c.end), conceded: c.conceded ?? false }));

describe('splitClauses', () => {
  it('splits at contrast markers without keeping them', () => {
    const text = 'Good CV but weak answers';
    expect(clausesOf(text).map((c) => c.text)).toEqual(['Good CV', 'weak answers']);
  });

  it('parts at a semicolon', () => {
    expect(clausesOf('Great eye contact throughout; the gap was the numbers.').map((c) => c.text)).toEqual([
      'Great eye contact throughout',
      'the gap was the numbers.',
    ]);
  });

  it('marks what "although" introduces as conceded, up to the next comma', () => {
    expect(clausesOf('Although your degree is relevant, you had no lab experience.')).toEqual([
      { text: 'your degree is relevant', conceded: true },
      { text: 'you had no lab experience.', conceded: false },
    ]);
  });

  it('parts sentences of shorthand that start in lower case, not after an abbreviation', () => {
    expect(clausesOf('product knowledge great. seemed bored tho, flat voice the whole time').map((c) => c.text)).toEqual([
      'product knowledge great',
      'seemed bored tho, flat voice the whole time',
    ]);
    expect(clausesOf('Strong on Excel, SQL etc. and clear answers.').map((c) => c.text)).toEqual([
      'Strong on Excel, SQL etc. and clear answers.',
    ]);
    expect(clausesOf('Great answers. The gap was the numbers.').map((c) => c.text)).toEqual(['Great answers. The gap was the numbers.']);
  });

  it('keeps a sentence with no marker whole', () => {
    expect(clausesOf('No lab experience.')).toEqual([{ text: 'No lab experience.', conceded: false }]);
  });
});
