import { describe, expect, it } from 'vitest';
import { passingThrough } from '../../src/classify/passing-through.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('passingThrough', () => {
  it('reads a job seen as a stop on the way elsewhere', () => {
    for (const text of [
      'Panel felt candidate is preparing for bank PO exams and will leave once result comes.',
      "Closed - R03: said openly role is 'something to do until the police intake in March'",
      'Not progressed - at interview said this would tide him over until his apprenticeship offer comes through',
      "she mentioned several times that she's waiting on training contract applications and would probably leave if one came through.",
      'Lab lead felt Chloe saw this as something to fill the months before her PhD starts.',
      'Your answers suggested that you see social work as a route into policy work in a year or two.',
      "told us he's interviewing for a PhD and would 'see what comes through first' = no hire",
      "Bit of a worry that you're only after the role till your working holiday visa runs out.",
      'Longer term: retraining as a paramedic next year. Panel view: unlikely to stay',
      "The panel weren't persuaded, though, that you see yourself staying in frontline work.",
    ])
      expect(passingThrough(text), text).toBe(true);
  });

  it('does not read a start the employer cannot wait for, the way to work, or a doubt waved away', () => {
    for (const text of [
      "it was that I can't start until my visa comes through in June",
      "You're not free until January and we need someone in three weeks.",
      'Our graduate scheme starts in September and you finish your course in December.',
      'The route to work would be over two hours each way.',
      'We had no concerns you would leave once your course finishes; it was the test.',
      'You clearly want to build a career here.',
    ])
      expect(passingThrough(text), text).toBe(false);
  });

  it('asserts `motivation` in the reading of the sentence', () => {
    const reading = readSegment('He said the job would tide him over until his PGCE place comes through.', DEFAULT_THEME_IDS);
    expect(reading.asserted).toContain('motivation');
    expect(readSegment('You cannot start until your visa comes through.', DEFAULT_THEME_IDS).asserted).not.toContain('motivation');
  });
});
