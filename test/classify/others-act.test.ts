import { describe, expect, it } from 'vitest';
import { someoneElseActs } from '../../src/classify/others-act.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('someoneElseActs: a person other than the candidate acting, read from the grammar', () => {
  it.each([
    'One of our porters was vaping by the lift when you came up, apologies for that.',
    'The parking attendant at the gate was short with you about your pass, and we have spoken to him.',
    'A delivery driver barged through the room halfway through your presentation.',
    'She said a woman in reception was arguing with the guard the whole time she waited.',
    'He told us the barista at the client office was rude to him.',
    "The client's rep was eating through the whole panel while you were answering.",
    'The man who sat in with me left early to take a call, which was unfair on you.',
    "HM note: the candidate's brother, who drove him in, was rude to the parking staff.",
    'Told Priya the site rep swore twice during her tour.',
    // After an apology the candidate as a subject is what they went through.
    "A visitor was swearing at the guard as you came in, which we're sorry you had to hear.",
    'Spoke to the charge nurse - said the other applicant on the shift turned up late and was sent home.',
    // What someone else had, done or had out on the day.
    'Another applicant had a full-blown blue with our office manager in the car park before your interview, sorry you copped the tail end of it.',
  ])('"%s" is someone else acting', (text) => {
    expect(someoneElseActs(text)).toBe(true);
  });

  it.each([
    // The candidate is the subject of a clause: their own conduct, passed on.
    'The recruiter told me you were late.',
    'The manager said he turned up in trainers.',
    'The receptionist said you were rude to her.',
    'The trainer noticed you were on your phone.',
    // Someone reacting to the candidate, judging or recording: the candidate's conduct seen from outside.
    'Our receptionist was upset by his attitude.',
    'The interviewer noted poor timekeeping.',
    'The supervisor complained that he was rude.',
    // Not a person: the candidate's own manner, answers, the candidate themself.
    'The manner was abrupt with reception.',
    'Your answers were vague.',
    'The candidate arrived twenty minutes late.',
    'The applicant was on her phone in the waiting area.',
    // A later clause holds the candidate's own conduct, with no subject.
    'The other applicant was more fluent, and frankly arriving late did not help.',
    // No determiner: a note about the candidate.
    'Turned up late and was rude to the receptionist.',
  ])('"%s" is not', (text) => {
    expect(someoneElseActs(text)).toBe(false);
  });

  it('rules conduct out of the sentence, not the reason given in it', () => {
    const reading = readSegment('The cleaner who let you in was rude to you on the stairs, and we have raised it.', DEFAULT_THEME_IDS);
    expect(reading.ruledOut).toContain('conduct');
    expect(readSegment('The recruiter told me you were rude on the stairs.', DEFAULT_THEME_IDS).ruledOut).not.toContain('conduct');
  });
});
