import { describe, expect, it } from 'vitest';
import { statesFieldAsGround } from '../../src/classify/field.js';

describe('statesFieldAsGround', () => {
  it.each([
    // The field's strength as its adjective or its predicate, with the decline or alone.
    'There was an exceptionally strong shortlist, so we are not offering you a place.',
    'Such a talented pool this year and yours did not make the interview list.',
    'We saw lots of really excellent candidates and cannot take you further.',
    'the field was very strong and he missed out',
    'The calibre of applicants was extremely high this round.',
    'It was a fiercely competitive intake.',
    // Its size against the places, and the candidate's place in it.
    '2,300 applications for 40 graduate places.',
    'Over 500 applied and we could only interview twelve.',
    'She was ranked fourth on the day.',
    'Scored just outside the top ten.',
  ])('reads the field as the ground in "%s"', (text) => {
    expect(statesFieldAsGround(text)).toBe(true);
  });

  it.each([
    // Others named without their strength, or a volume with no number: no reason by the conventions.
    'We have decided to pursue other applicants for this role.',
    'Owing to the very high volume of applications we cannot give individual feedback.',
    'We received a large number of applications.',
    // The writer's feelings about the people met, or the candidate's own strength.
    'We were so impressed by the calibre of people we met on the day.',
    'You are a strong candidate and we hope you apply again.',
    'Your application was strong but the statement missed two criteria.',
  ])('does not in "%s"', (text) => {
    expect(statesFieldAsGround(text)).toBe(false);
  });
});
