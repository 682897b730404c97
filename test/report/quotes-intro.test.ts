import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/analyse/model.js';
import { quotesIntro } from '../../src/report/quotes-intro.js';

const quote = (itemId: string, candidate: string | null): Quote => ({
  itemId,
  position: Number(itemId),
  candidate,
  stage: null,
  date: null,
  score: 0.5,
  parts: [{ text: `feedback ${itemId}`, mark: 'evidence' }],
});

describe('quotesIntro', () => {
  it('says "each from a different candidate" only when no theme quotes a candidate twice', () => {
    const text = quotesIntro({ delivery: [quote('1', 'Candidate A'), quote('2', 'Candidate B')], examples: [quote('3', 'Candidate A')] });
    expect(text).toContain('each from a different candidate');
  });

  it('says a theme heard from few candidates quotes one more than once, when one does', () => {
    const text = quotesIntro({
      delivery: [quote('1', 'Candidate A'), quote('2', 'Candidate B')],
      conduct: [quote('3', 'Candidate C'), quote('4', 'Candidate C')],
    });
    expect(text).not.toContain('each from a different candidate');
    expect(text).toContain('quotes one candidate more than once');
  });

  it('claims nothing about candidates when the export names none', () => {
    const text = quotesIntro({ delivery: [quote('1', null), quote('2', null)] });
    expect(text).not.toMatch(/candidate/);
  });
});
