import { describe, expect, it } from 'vitest';
import { isPreamble, namesTheReason } from '../../src/classify/preamble.js';

describe('a sentence before one that names the reason', () => {
  it.each([
    'The problem is the in-tray, which you did not finish.',
    'What we missed was the conversation.',
    'Where we hesitated was your commitment.',
    "It's that the role is based in Aberdeen.",
    'Only thing is u need the C+E licence.',
  ])('"%s" names the reason', (text) => {
    expect(namesTheReason(text)).toBe(true);
  });

  it('is a preamble unless it states a shortfall, is a question, or is pointed back at', () => {
    const next = 'The problem is the in-tray, which you did not finish.';
    expect(isPreamble('Your answers had real structure and you clearly know your numbers.', next)).toBe(true);
    expect(isPreamble('Thanks for coming in on Tuesday.', next)).toBe(true);
    expect(isPreamble('Your answers lacked structure.', next)).toBe(false);
    expect(isPreamble('You had too few examples.', next)).toBe(false);
    expect(isPreamble('Your knowledge of safeguarding law?', 'That is where we had doubts.')).toBe(false);
    expect(isPreamble('Your answers had real structure.', 'You did not finish the in-tray.')).toBe(false);
  });
});

describe('a sentence the next turns from', () => {
  it('names the reason by "the reason" too', () => {
    expect(namesTheReason("The reason we've said no is the rota.")).toBe(true);
    expect(namesTheReason('Reasons to be cheerful.')).toBe(false);
  });

  it('is a preamble to a turn set after the next subject, or with praise in it to one that opens the next', () => {
    expect(isPreamble('You spoke with real feeling about nursing.', 'Your maths test, however, was below the pass mark.')).toBe(true);
    expect(isPreamble('Your manner with the children was lovely.', 'However, the DBS check came back with a gap.', true)).toBe(true);
    // A statement that may carry the reason stays, and so does a turn to praise.
    expect(isPreamble('We note your registration is under review.', 'Unfortunately we cannot engage anyone unregistered.', false)).toBe(
      false,
    );
    expect(isPreamble('Your registration is under review.', 'However, we cannot engage anyone unregistered.', false)).toBe(false);
    expect(isPreamble('Your CV was thin on detail.', 'Your interview, though, was excellent.')).toBe(false);
    expect(isPreamble('You had too few examples.', 'Your tone, though, was fine.')).toBe(false);
  });
});
