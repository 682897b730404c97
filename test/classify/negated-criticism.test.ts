import { describe, expect, it } from 'vitest';
import { criticisesByNegation, negatesVerdict } from '../../src/classify/negated-criticism.js';

describe('criticisesByNegation', () => {
  it('finds an act or a virtue of the candidate’s denied', () => {
    for (const text of [
      'kept asking about the bonus and the car, zero questions about the patients',
      'The practical test with the sewing machine was not good enough, the seams were not straight.',
      "You told us you're great under pressure but couldn't give us one single instance where that was true.",
      'no questions for us, didnt know what we do',
      "kept saying it'd be good for the CV. never said why nursing",
      'went off on tangents and never really came back to the question.',
      'Your dress and manner on the day were not right for a client-facing role',
      "They reckon you weren't that keen",
      "they said you were really nervy on the day and you didn't really look at anyone.",
    ])
      expect(criticisesByNegation(text), text).toBe(true);
  });

  it('leaves a rule-out: the decision or its weight denied, or the employer or nobody denying, or a fault denied', () => {
    for (const text of [
      'Your degree was never an issue',
      "Salary wasn't why, and it didn't come up",
      'There were no questions about your ability',
      "you didn't lose any marks for it, it didn't count against you",
      'We could not meet your salary expectations.',
      'The panel never asked about your degree',
      'Nobody said you were unprepared',
      "I wouldn't say your nerves were any worse than anyone else's on the day",
      "you didn't say anything wrong",
      'Not your fault at all.',
    ])
      expect(criticisesByNegation(text), text).toBe(false);
  });
});

describe('negatesVerdict', () => {
  it('finds a negation within a few words of the decision', () => {
    expect(negatesVerdict('had zero bearing on the outcome')).toBe(true);
    expect(negatesVerdict("didn't come up in our discussion")).toBe(true);
    expect(negatesVerdict('your answers lacked examples')).toBe(false);
  });
});
