import { describe, expect, it } from 'vitest';
import { clausesOf, MAX_SEGMENT_CHARS, segmentText } from '../../src/classify/segment.js';

const texts = (input: string) => segmentText('item-1', input).map((s) => s.text);

describe('segmentText', () => {
  it('splits sentences and keeps offsets into the original text', () => {
    const input = '  Your answers felt scripted.  You also lacked examples! ';
    const segments = segmentText('item-1', input);
    expect(segments.map((s) => s.text)).toEqual(['Your answers felt scripted.', 'You also lacked examples!']);
    for (const s of segments) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(segments.map((s) => s.index)).toEqual([0, 1]);
    expect(segments.every((s) => s.itemId === 'item-1')).toBe(true);
  });

  it('splits on line breaks and bullet markers, dropping the markers', () => {
    const input = 'Feedback:\n- Too little research on us\r\n* Answers were too long\n• Nervous throughout\n2) Late application';
    const segments = segmentText('x', input);
    expect(segments.map((s) => s.text)).toEqual([
      'Feedback:',
      'Too little research on us',
      'Answers were too long',
      'Nervous throughout',
      'Late application',
    ]);
    for (const s of segments) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('never ends a sentence at a title before a name, however long the fragment', () => {
    expect(texts('Candidate said the interviewer Mr. Verma was eating throughout. Their feedback is IFRS.')).toEqual([
      'Candidate said the interviewer Mr. Verma was eating throughout.',
      'Their feedback is IFRS.',
    ]);
  });

  it('splits inline bullets', () => {
    expect(texts('Strong CV • Weak research • Poor eye contact')).toEqual(['Strong CV', 'Weak research', 'Poor eye contact']);
  });

  it('drops empty and punctuation-only pieces', () => {
    expect(texts('...\n\n  -- \n?!')).toEqual([]);
    expect(texts('')).toEqual([]);
  });

  it('joins a fragment cut after an abbreviation to the next sentence, but keeps short complete sentences', () => {
    expect(texts('Dr. Smith felt you were nervous. Thanks.')).toEqual(['Dr. Smith felt you were nervous.', 'Thanks.']);
    expect(texts('Too junior. Sorry.')).toEqual(['Too junior.', 'Sorry.']);
  });

  it('cuts an over-long sentence at semicolons and commas, keeping every part bounded', () => {
    const clause = 'your answers were long and we could not follow the thread of what you were telling us';
    const long = `${Array.from({ length: 12 }, () => clause).join(', ')}.`;
    expect(long.length).toBeGreaterThan(MAX_SEGMENT_CHARS * 2);
    const segments = segmentText('x', long);
    expect(segments.length).toBeGreaterThan(2);
    for (const s of segments) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SEGMENT_CHARS);
      expect(long.slice(s.start, s.end)).toBe(s.text);
    }
    // Nothing lost but the separators.
    expect(
      segments
        .map((s) => s.text)
        .join(' ')
        .replace(/,/g, ''),
    ).toBe(long.replace(/,/g, ''));
  });

  it('hard-cuts a run with no boundaries at all', () => {
    const run = 'x'.repeat(MAX_SEGMENT_CHARS * 2 + 10);
    const segments = segmentText('x', run);
    expect(segments.map((s) => s.text.length)).toEqual([MAX_SEGMENT_CHARS, MAX_SEGMENT_CHARS, 10]);
  });
});

describe('clausesOf', () => {
  it('splits a sentence with two reasons at a comma + conjunction', () => {
    expect(clausesOf("You're short of the experience we need, and your salary expectation is above our budget.")).toEqual([
      "You're short of the experience we need",
      'and your salary expectation is above our budget.',
    ]);
  });

  it('splits where a sentence turns from praise to the reason after a comma', () => {
    expect(clausesOf('ur answers were detailed n backed up w/ examples, just dont have the 2 yrs we need')).toEqual([
      'ur answers were detailed n backed up w/ examples',
      'just dont have the 2 yrs we need',
    ]);
    expect(clausesOf('The panel liked your presentation a lot, unfortunately the hours do not suit the rota.')).toEqual([
      'The panel liked your presentation a lot',
      'unfortunately the hours do not suit the rota.',
    ]);
    expect(clausesOf('Your research was very good, only thing is the night shifts do not suit you.')).toEqual([
      'Your research was very good',
      'only thing is the night shifts do not suit you.',
    ]);
    // "But" turns a sentence without a comma too; not in "anything but", "nothing but" or "not only… but also".
    expect(clausesOf('Candidate was on time for the video round but had clearly not read the job description.')).toEqual([
      'Candidate was on time for the video round',
      'but had clearly not read the job description.',
    ]);
    expect(clausesOf('You were anything but prepared for the case study questions today.')).toEqual([]);
    expect(clausesOf('Not only was the test weak but also the interview answers were vague.')).toEqual([]);
    // "re:" is "regarding": no clause ends there.
    expect(clausesOf('No concerns re: punctuality or dress on the day.')).toEqual([]);
  });

  it('returns nothing for a single clause, and keeps short fragments attached', () => {
    expect(clausesOf('Your answers felt scripted.')).toEqual([]);
    expect(clausesOf('Nervous; sorry.')).toEqual([]);
    expect(clausesOf('You were late to the interview; the panel noticed and it set a poor tone; sadly.')).toEqual([
      'You were late to the interview',
      'the panel noticed and it set a poor tone sadly.',
    ]);
  });
});
