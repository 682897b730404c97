import { describe, expect, it } from 'vitest';
import { employerActs, ownPeopleActOn } from '../../src/classify/employer-acts.js';
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
    // A numbered interviewer labels the line that follows.
    "Interviewer 2 free text: 'Nice guy.",
    // The employer's side only sets the scene of the candidate's own act.
    'When our receptionist asked him to take a seat, he told her he did not have all day.',
    'While the interviewer was talking to you, you checked your phone twice.',
  ])('"%s" does not', (text) => {
    expect(employerActs(text)).toBe(false);
  });

  it.each([
    ['When our receptionist asked you to take a seat, you told her you did not have all day.', false],
    // A scene the employer's side acts in, with someone else as the main clause's subject.
    ['When our receptionist asked you to take a seat, she showed you to the wrong room.', true],
    ['Our receptionist told you to wait outside.', true],
  ] as const)('"%s": the employer’s own people acting on the candidate, %s', (text, acted) => {
    expect(ownPeopleActOn(text)).toBe(acted);
    expect(readSegment(text, DEFAULT_THEME_IDS).ruledOut.includes('conduct')).toBe(acted);
  });
});
