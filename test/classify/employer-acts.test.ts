import { describe, expect, it } from 'vitest';
import { employerActs } from '../../src/classify/employer-acts.js';
import { readSegment } from '../../src/classify/reading.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

describe('employerActs: the employer’s side as the one acting', () => {
  it.each([
    'The interviewer was late.',
    // The employer's people as agency and candidates' notes name them, with no article.
    "client no-showed the teams call. rebooked. then 'decided not to proceed'.",
    'Owner rocked up half an hour late and ran the interview from his ute.',
    'HM cancelled the second interview twice.',
    'Director kept me waiting forty minutes.',
  ])('"%s" has the employer’s side acting, so no conduct of the candidate’s', (text) => {
    expect(employerActs(text)).toBe(true);
    expect(readSegment(text, DEFAULT_THEME_IDS).ruledOut).toContain('conduct');
  });

  it.each([
    // What the employer's side judged or said is not its own act.
    'Client said you were late and scruffy.',
    'Director felt he lacked depth on budgets.',
    // A label naming who gave the feedback.
    'Client feedback: late and scruffy.',
    'Client feedback (retail head office, Toronto): he yawned repeatedly and checked his phone under the table.',
    'HM at the Dublin software firm came back.',
  ])('"%s" does not', (text) => {
    expect(employerActs(text)).toBe(false);
  });
});
