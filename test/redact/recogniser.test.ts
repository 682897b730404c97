import { describe, expect, it } from 'vitest';
import { forgetReadSentences, redactPeople } from '../../src/redact/people.js';
import { peopleIn, recogniser } from '../../src/redact/recogniser.js';

// "Fiifi" is in no list of names: only "felt" after it marks a person. Told it is a name for that
// sentence, compromise itself keeps it in its lexicon for every later sentence unless put back.
const TEACHES = 'Fiifi felt the case study was rushed.';
const LATER = 'I asked fiifi about the offer.';

describe('the name recogniser, read without memory', () => {
  it('keeps nothing of what one sentence told it', () => {
    const lexicon = recogniser().model().one.lexicon;
    const words = Object.keys(lexicon).length;
    expect(lexicon.fiifi).toBeUndefined();
    expect(peopleIn(TEACHES, { fiifi: 'FirstName' }).map((p) => p.terms[0]!.text)).toEqual(['Fiifi']);
    expect(lexicon.fiifi).toBeUndefined();
    expect(Object.keys(lexicon).length).toBe(words);
    expect(Object.keys(recogniser().model().one._multiCache)).not.toContain('fiifi');
  });

  it('puts back a word it already knew as it was', () => {
    const lexicon = recogniser().model().one.lexicon;
    const before = lexicon.owen;
    expect(before).toBeDefined();
    peopleIn('Owen felt the answers were thin.', { owen: 'FirstName' });
    expect(lexicon.owen).toEqual(before);
  });

  it('redacts a sentence the same whether or not another was redacted before it', () => {
    forgetReadSentences();
    const alone = redactPeople(LATER);
    expect(redactPeople(TEACHES)).toBe('[name] felt the case study was rushed.');
    forgetReadSentences();
    expect(redactPeople(LATER)).toBe(alone);
    expect(Object.keys(recogniser().model().one.lexicon)).not.toContain('fiifi');
  });
});
