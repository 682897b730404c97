import { describe, expect, it } from 'vitest';
import { cleanText, normaliseText, normaliseValue, truncateAtBoundary } from '../../src/ingest/text.js';

describe('normaliseText', () => {
  it('trims, collapses spaces, keeps punctuation and at most one blank line', () => {
    expect(normaliseText('  Too   quiet;\tno\u00A0eye contact!  \r\n\r\n\r\n\r\nNext:  ok? \u200B')).toBe(
      'Too quiet; no eye contact!\n\nNext: ok?',
    );
  });

  it('drops control characters, and a terminal colour code pasted with the text whole', () => {
    expect(normaliseText('Nervous\u0007 and\u0000 rambling\u001b[31m in the \u001b[0;1mgroup\u001b[0m exercise')).toBe(
      'Nervous and rambling in the group exercise',
    );
  });

  it('normalises optional values to one line or null', () => {
    expect(normaliseValue('  BSc \n CS ')).toBe('BSc CS');
    expect(normaliseValue('   ')).toBeNull();
    expect(normaliseValue(undefined)).toBeNull();
    expect(normaliseValue(null)).toBeNull();
  });
});

describe('truncateAtBoundary', () => {
  it('cuts after the last sentence that fits', () => {
    const text = 'First sentence here. Second sentence is here. Third one runs long past the limit';
    expect(truncateAtBoundary(text, 50)).toBe('First sentence here. Second sentence is here.');
  });

  it('cuts at a word when no sentence ends near the limit', () => {
    const text = 'word '.repeat(30);
    const cut = truncateAtBoundary(text, 52);
    expect(cut.length).toBeLessThanOrEqual(52);
    expect(cut.endsWith('word')).toBe(true);
  });

  it('cuts exactly at the limit in a text without spaces, never inside a surrogate pair', () => {
    expect(truncateAtBoundary('x'.repeat(100), 10)).toBe('x'.repeat(10));
    const emoji = `a${'😀'.repeat(10)}`;
    const cut = truncateAtBoundary(emoji, 4);
    expect(cut).toBe('a😀');
  });
});

describe('cleanText', () => {
  it('leaves short texts alone', () => {
    expect(cleanText(' Fine. ', 100)).toEqual({ text: 'Fine.', truncated: false });
  });

  it('shortens a multi-megabyte text looking only at a bounded prefix, and marks it', () => {
    const huge = 'This answer went on. '.repeat(200_000);
    // Normalising and redacting are the costly steps: they see a few times the limit, not 4 MB.
    const prepared: number[] = [];
    const { text, truncated } = cleanText(huge, 1000, (t) => {
      prepared.push(t.length);
      return t;
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toBeLessThanOrEqual(4096);
    expect(prepared[0]).toBeGreaterThan(1000);
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text.endsWith('on.')).toBe(true);
  });
});

describe('characters nobody sees', () => {
  it('are gone from values and texts: a zero-width space in an id, a right-to-left override in a stage', () => {
    expect(normaliseValue('S\u200B77')).toBe('S77');
    expect(normaliseValue('Interview\u202E')).toBe('Interview');
    expect(normaliseValue('\uFEFFAcme\u2066 Ltd\u2069')).toBe('Acme Ltd');
    expect(normaliseValue('Acme\u0000Corp\u0007')).toBe('Acme Corp');
    expect(normaliseText('You were late\u202E and rude.\u200F')).toBe('You were late and rude.');
  });
});
