import { describe, expect, it } from 'vitest';
import { relaysAReason } from '../../src/classify/relayed.js';

const silence = (text: string) => /\b(?:no answer|never did|went quiet)\b/i.test(text);

describe('relaysAReason', () => {
  it.each([
    "Heard nothing for six weeks, then a one-line email saying the role needs a counterbalance licence and I don't have one.",
    'Nobody replied to me for about a month, then finally the agency said the client wants someone who can start in January.',
    'They never replied to my two follow-ups, but the HR person did say my presentation ran long and they had to cut their questions.',
    'Got an automated email saying I did not pass the personality questionnaire so there is no interview.',
  ])('"%s" passes on a reason', (text) => {
    expect(relaysAReason(text, silence)).toBe(true);
  });

  it.each([
    // A decline, its verdict, a refusal to say, a promise.
    "Today got an automated email saying I've been unsuccessful.",
    "Chased twice; hiring manager says only that they have 'decided not to proceed at this time'.",
    "Asked for feedback and got a one-line reply saying they don't give it.",
    "The recruiter ghosted me after saying she'd call Friday with feedback.",
    'I chased twice and all I got was an automated email saying the position had been filled.',
    'Chased, and the agency said they had gone with another candidate.',
    // What is relayed is silence, the employer's side acting, or nothing is relayed.
    "HR told me on the call-back that the pay band had changed - then said they'd let me know, and never did.",
    'nobody answered the intercom, and the email saying the interview had been moved arrived while I was standing outside',
    'no one explained what the second stage involved',
    'Ghosted for a month, they just said no.',
  ])('"%s" does not', (text) => {
    expect(relaysAReason(text, silence)).toBe(false);
  });
});
