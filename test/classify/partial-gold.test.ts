import { describe, expect, it } from 'vitest';
import { isPartialHeader, parsePartialGold } from '../../src/classify/partial-gold.js';
import { CliError } from '../../src/errors.js';

const IDS = ['qualifications', 'conduct', 'competition', 'uninformative'];

describe('isPartialHeader', () => {
  it('is a file with required or forbidden columns and no themes column', () => {
    expect(isPartialHeader(['id', 'text', 'forbidden', 'required'])).toBe(true);
    expect(isPartialHeader(['text', 'forbidden'])).toBe(true);
    expect(isPartialHeader(['text', 'themes'])).toBe(false);
    expect(isPartialHeader(['text', 'themes', 'required'])).toBe(false);
    expect(isPartialHeader(['text'])).toBe(false);
  });
});

describe('parsePartialGold', () => {
  it('reads required and forbidden theme lists, and leaves out held-out rows, counting them', () => {
    const csv = [
      'id,text,forbidden,required',
      'traps-dev-001,We were not worried about your degree.,qualifications,',
      'mine-7,"You were polite, but another candidate had the licence.",conduct|uninformative,competition',
      'traps-test-001,A held-out sentence.,conduct,',
    ].join('\n');
    const { items, heldOut } = parsePartialGold(csv, 'corr.csv', IDS);
    expect(heldOut).toBe(1);
    expect(items).toEqual([
      { text: 'We were not worried about your degree.', required: [], forbidden: ['qualifications'], line: 2 },
      {
        text: 'You were polite, but another candidate had the licence.',
        required: ['competition'],
        forbidden: ['conduct', 'uninformative'],
        line: 3,
      },
    ]);
  });

  it('names every row that cannot teach, with its line (exit 2)', () => {
    const csv = [
      'id,text,forbidden,required',
      'a,Late again.,punctuality,',
      'b,You were rude.,conduct,conduct',
      'c,,conduct,',
      'd,Nothing to say.,,',
    ].join('\n');
    let error: unknown;
    try {
      parsePartialGold(csv, 'corr.csv', IDS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    const message = (error as CliError).message;
    expect((error as CliError).exitCode).toBe(2);
    expect(message).toContain('corr.csv:2: unknown theme id "punctuality"');
    expect(message).toContain('corr.csv:3: "conduct" both required and forbidden');
    expect(message).toContain('corr.csv:4: empty text');
    expect(message).toContain('corr.csv:5: neither required nor forbidden themes');
    expect(message).toContain('Valid ids: qualifications, conduct, competition, uninformative.');
  });

  it('needs a text column', () => {
    expect(() => parsePartialGold('id,forbidden\na,conduct\n', 'corr.csv', IDS)).toThrow(/corr\.csv:1: missing column text/);
  });
});
