import { describe, expect, it } from 'vitest';
import { classTfIdf, labelTermsOf, termsOf } from '../../src/discover/terms.js';

describe('class-based TF-IDF', () => {
  it('weighs a term by its l1-normalised count in the class times log(1 + A / its count across all classes)', () => {
    const classes = [
      ['smoking', 'smoking', 'break'],
      ['salary', 'break', 'salary', 'salary', 'visa'],
    ];
    // A = int(mean words per class) = int((3 + 5) / 2) = 4; f(smoking) = 2, f(break) = 2, f(salary) = 3, f(visa) = 1.
    const [first, second] = classTfIdf(classes);
    expect(first!.map((t) => t.term)).toEqual(['smoking', 'break']);
    expect(first![0]!.weight).toBeCloseTo((2 / 3) * Math.log(1 + 4 / 2), 12);
    expect(first![1]!.weight).toBeCloseTo((1 / 3) * Math.log(1 + 4 / 2), 12);
    expect(second!.find((t) => t.term === 'salary')!.weight).toBeCloseTo((3 / 5) * Math.log(1 + 4 / 3), 12);
    expect(second!.find((t) => t.term === 'visa')!.weight).toBeCloseTo((1 / 5) * Math.log(1 + 4 / 1), 12);
  });

  it('truncates the average words per class to an integer, as BERTopic does', () => {
    // Words per class 1 and 2: A = int(1.5) = 1, not 1.5.
    const [first] = classTfIdf([['vape'], ['vape', 'car']]);
    expect(first![0]!.weight).toBeCloseTo(1 * Math.log(1 + 1 / 2), 12);
  });

  it('names no group after what redaction left of a phone number, an email address or a name', () => {
    expect(termsOf('Referee unreachable on [phone], emails to [email] bounced')).toEqual(['referee', 'unreachable', 'emails', 'bounced']);
    // Greetings and sign-offs are redacted in most warm emails: "name" would lead their group's label.
    expect(labelTermsOf('Dear [name], your referee never replied. Best wishes, [name]')).toEqual(['referee', 'replied', 'wishes']);
    expect(termsOf('Dear [name], your referee never replied. Best wishes, [name]')).toEqual([
      'name',
      'referee',
      'replied',
      'wishes',
      'name',
    ]);
  });

  it('reads content words only: no stop words, numbers or one-letter tokens', () => {
    expect(termsOf("You weren't on time for 3 of the 4 sessions, and you'd a vape.")).toEqual(['time', 'sessions', 'vape']);
  });
});
