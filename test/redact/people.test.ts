import { describe, expect, it } from 'vitest';
import { mayNameSomeone, recogniserCalls, redactPeople } from '../../src/redact/people.js';

describe('names mentioned in passing', () => {
  it('hands the recogniser only sentences with a capitalised word that is not an everyday word', () => {
    expect(mayNameSomeone('The panel felt your Excel skills were weak.')).toBe(false);
    expect(mayNameSomeone('Unfortunately your Python answers lacked depth.')).toBe(false);
    expect(mayNameSomeone('Your CV and SQL test were fine, but I need more.')).toBe(false);
    expect(mayNameSomeone('Answers were rehearsed.')).toBe(false);
    expect(mayNameSomeone("Sam's answers were strong.")).toBe(true);
    expect(mayNameSomeone('We spoke to Liam about the role.')).toBe(true);
    expect(mayNameSomeone('The Leeds office said no.')).toBe(true);
  });

  it('leaves sentences of everyday words alone without calling the recogniser', () => {
    const before = recogniserCalls.sentences;
    const text = 'Your Excel skills were good. The panel wanted more examples.\nThank you for applying.';
    expect(redactPeople(text)).toBe(text);
    expect(recogniserCalls.sentences).toBe(before);
  });

  it('reads a sentence that recurs only once, and redacts it the same way each time', () => {
    const sentence = 'We spoke with Liam Carter about the delivery of your answers.';
    redactPeople(sentence);
    const before = recogniserCalls.sentences;
    const again = redactPeople(`${sentence} ${sentence}`);
    expect(recogniserCalls.sentences).toBe(before);
    expect(again).toBe(`${redactPeople(sentence)} ${redactPeople(sentence)}`);
    expect(again).not.toContain('Liam');
  });

  it('hides the names it finds, keeping titles, possessives and the places, companies and skills beside them', () => {
    expect(redactPeople("The panel thought Sam's Python examples were thin.")).toBe(
      "The panel thought [name]'s Python examples were thin.",
    );
    expect(redactPeople('Ms Patel noted that you did not ask about Leeds.')).toBe('Ms [name] noted that you did not ask about Leeds.');
    expect(redactPeople('Tom from our Bristol office said your Sage knowledge was thin. Deloitte agreed.')).toBe(
      '[name] from our Bristol office said your Sage knowledge was thin. Deloitte agreed.',
    );
    expect(redactPeople('Grace and Daniel both scored below the cut-off.')).toBe('[name] and [name] both scored below the cut-off.');
  });

  it('keeps a company named after people when only half of its hyphenated name looks like one', () => {
    expect(redactPeople('Rolls-Royce required security clearance.')).toBe('Rolls-Royce required security clearance.');
    expect(redactPeople('Anna Smith-Jones interviewed you.')).toBe('[name] [name]-[name] interviewed you.');
  });
});
