import { describe, expect, it } from 'vitest';
import { readingOf } from '../../../src/classify/head/features.js';
import { CLAUSE_ROLES } from '../../../src/classify/roles/model.js';
import { segmentItems, type ScoredItem } from '../../../src/classify/units.js';
import { DEFAULT_THEME_IDS } from '../../../src/types.js';

const ids = [...DEFAULT_THEME_IDS];
const PRAISED = 'You were friendly and well prepared, and the panel really enjoyed meeting you.';

/** An item whose sentences the clause-role reader read with these role probabilities (CLAUSE_ROLES order). */
function read(text: string, roles: number[]): ScoredItem {
  const item = segmentItems([{ id: 'a', text }], ids)[0]!;
  for (const s of item.segments) s.units = [{ text: s.scoredText, scores: [], nearest: [], roles }];
  return item;
}
const asPraise = CLAUSE_ROLES.map((role) => (role === 'praise' ? 0.8 : 0.05));
const asReason = CLAUSE_ROLES.map((role) => (role === 'reason' ? 0.6 : 0.1));

describe('readingOf', () => {
  it('allows an item that is all praise only `uninformative`', () => {
    const reading = readingOf(read(PRAISED, asPraise), ids);
    expect(read(PRAISED, asPraise).segments.every((s) => s.praiseOnly)).toBe(true);
    expect(ids.filter((_, t) => reading.allowed[t])).toEqual(['uninformative']);
    expect(reading.setAside).toBeUndefined();
  });

  it('sets its reasons aside for the head to weigh when the clause-role reader reads a sentence likeliest as a reason', () => {
    const reading = readingOf(read(PRAISED, asReason), ids);
    expect(ids.filter((_, t) => reading.allowed[t])).toEqual(['uninformative']);
    expect(ids.filter((_, t) => reading.setAside?.[t])).toEqual(ids.filter((id) => id !== 'uninformative'));
  });

  it('offers the reasons of sentences the reader, not the word rules, set aside though it found them possibly a reason', () => {
    const possibly = CLAUSE_ROLES.map((role) => (role === 'reason' ? 0.3 : role === 'rule_out' ? 0.6 : 0.05));
    const byReader = (roles: number[]) => {
      const item = read('You rambled and lost the question halfway through.', roles);
      for (const s of item.segments) Object.assign(s, { praiseOnly: true, setAsideByReader: true });
      return readingOf(item, ids);
    };
    expect(ids.filter((_, t) => byReader(possibly).praised?.[t])).toEqual(ids.filter((id) => id !== 'uninformative'));
    // Surely no reason, or praise by the word rules: nothing is offered.
    const surely = CLAUSE_ROLES.map((role) => (role === 'reason' ? 0.1 : role === 'rule_out' ? 0.8 : 0.025));
    expect(byReader(surely).praised?.some(Boolean)).toBe(false);
    expect(readingOf(read(PRAISED, possibly), ids).praised?.some(Boolean)).toBe(false);
  });

  it('says when a reason states the field as the ground, so its `competition` is a reason given', () => {
    expect(
      readingOf(read('Thanks for applying. It was an unusually strong field and yours did not go through.', asReason), ids).fieldStated,
    ).toBe(true);
    expect(readingOf(read('Thanks for applying. We have chosen another candidate.', asReason), ids).fieldStated).toBeUndefined();
  });

  it('sets nothing aside in an item with a reason', () => {
    const reading = readingOf(read('You were friendly, but you had not researched the company at all.', asReason), ids);
    expect(reading.allowed.filter(Boolean).length).toBeGreaterThan(1);
    expect(reading.setAside).toBeUndefined();
  });
});
