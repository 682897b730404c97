import { describe, expect, it } from 'vitest';
import { analysePraise } from '../../src/classify/favourable.js';
import { isPraiseWord, withoutPraiseIdioms } from '../../src/classify/praise-words.js';

describe('words of praise', () => {
  it('matches a praise word and its longer forms, not other words that share its stem', () => {
    expect(isPraiseWord('confidently')).toBe(true);
    expect(isPraiseWord('impressively')).toBe(true);
    expect(isPraiseWord('excellent')).toBe(true);
    for (const word of ['position', 'excel', 'knowledge', 'thought', 'accepted', 'competency', 'impression'])
      expect(isPraiseWord(word), word).toBe(false);
  });

  it('blanks the uses that are not praise: quantities, degrees of shortfall, hedges and interjections, keeping offsets', () => {
    const text = "You rambled a great deal, well over the time; you may well know it but said 'well, generally'.";
    const plain = withoutPraiseIdioms(text);
    expect(plain).toHaveLength(text.length);
    expect(plain).not.toMatch(/great|well/);
    expect(plain).toContain('rambled');
  });

  it('keeps praise: "did well", "well above the pass mark", "a great answer"', () => {
    for (const text of ['You did well on the test.', 'You scored well above the pass mark.', 'That was a great answer.'])
      expect(withoutPraiseIdioms(text)).toBe(text);
  });

  it('reads a criticism with such a word as a reason, not praise', () => {
    for (const text of [
      'Your answers wandered a great deal and, when they did land, they described what the team did rather than what you did.',
      "Honest feedback: you'd start an answer, head off down three side roads and the panel had lost the thread well before you finished.",
      "You rambled quite a bit, and when we pressed for a specific case you came back with 'well, generally I'd...' rather than something you'd actually done.",
    ])
      expect(analysePraise(text).praiseOnly, text).toBe(false);
    expect(analysePraise('Your presentation was excellent, but your answers lacked examples.').praise).toHaveLength(1);
  });
});
