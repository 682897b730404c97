import { describe, expect, it } from 'vitest';
import { writerStatesOwnPart } from '../../../src/classify/roles/writer-part.js';

describe('writerStatesOwnPart', () => {
  it('reads a note in which the writer states their own part', () => {
    for (const text of [
      "I'm on three months and they need someone in four weeks.",
      'Recruiter was honest: I failed the typing test and they also didn’t like that I argued with the invigilator.',
      'my presentation didn’t answer the brief - I talked about the whole company strategy',
      'they need me every other weekend and I said no to that in the interview.',
      'my minimum was above their band.',
      'I was too quiet',
      'I think they wanted more experience',
      'Traffic was awful but I should have called.',
    ])
      expect(writerStatesOwnPart(text), text).toBe(true);
  });

  it('does not read the writer seeking news, waiting for it or being told it', () => {
    for (const text of [
      'Phoned up because I’d heard nothing.',
      'I chased twice and got nothing',
      'They moved my interview three times, then told me the role was no longer open',
      'I waited 40 minutes in reception and nobody came.',
      'After a month of silence I chased and got a very sweet reply.',
      'I was told the role had been filled',
      'My emails went unanswered for weeks.',
      'So I guess that’s it.',
      'My note: rang the school office on 3 Nov and 10 Nov asking about the outcome, was told the head would call me.',
      'list of things it wasn’t: my experience, my notice period, my interview.',
    ])
      expect(writerStatesOwnPart(text), text).toBe(false);
  });

  it('does not read an employer writing in the first person of its own side', () => {
    for (const text of [
      'Interviewer’s manners aside - and I’ve raised that with him - the panel found your answers too brief to score.',
      'A member of our team was curt with you at the sign-in desk, and I apologise for it.',
      'I’m sorry to say the post has been filled.',
    ])
      expect(writerStatesOwnPart(text), text).toBe(false);
  });
});
