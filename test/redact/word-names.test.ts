// Given names that are everyday words are hidden beside a person cue, and wherever the text writes
// them again; the same words with nothing marking a person stay.
import { describe, expect, it } from 'vitest';
import { redactPeople } from '../../src/redact/people.js';

describe('names that are everyday words', () => {
  it.each([
    ['You rambled. Noted by Grace (interviewer).', 'You rambled. Noted by [name] (interviewer).'],
    ['Interviewer: Grace. You rambled.', 'Interviewer: [name]. You rambled.'],
    ['Mark said your examples were thin.', '[name] said your examples were thin.'],
    ['Hope, the interviewer, said you were late.', '[name], the interviewer, said you were late.'],
    ['Faith (panel chair) felt you were unprepared.', '[name] (panel chair) felt you were unprepared.'],
    ['Grace from HR said you rambled.', '[name] from HR said you rambled.'],
    ['Hi Jade, thanks for your time.', 'Hi [name], thanks for your time.'],
    [
      'Spoke to Grace. Grace thanked us and asked to stay on the books.',
      'Spoke to [name]. [name] thanked us and asked to stay on the books.',
    ],
  ])('"%s" hides the name', (text, redacted) => {
    expect(redactPeople(text)).toBe(redacted);
  });

  it.each([
    'There is a grace period before the next round.',
    'The Mark scheme was tough.',
    'Will you apply again next year?',
    'Grace Foods were impressed by your CV.',
    'We hope you will apply again.',
  ])('"%s" hides nothing', (text) => {
    expect(redactPeople(text)).toBe(text);
  });
});

describe('names that are everyday words, reached by phone or in person', () => {
  it.each([
    ['Please call Hope on [phone] for more.', 'Please call [name] on [phone] for more.'],
    ['Any questions, speak to Will Brown.', 'Any questions, speak to [name] [name].'],
    ['Contact Mark for details of the next intake.', 'Contact [name] for details of the next intake.'],
    // The surname was hidden already, from the student's name column: the given name goes with it.
    ['Your interviewer was Hope [name].', 'Your interviewer was [name] [name].'],
  ])('"%s" hides the name', (text, redacted) => {
    expect(redactPeople(text)).toBe(redacted);
  });

  it.each(['You applied for the Will Writer post.', 'Call us if you would like to discuss it.', 'Please call the Grace Period team.'])(
    '"%s" hides nothing',
    (text) => {
      expect(redactPeople(text)).toBe(text);
    },
  );
});
