import { describe, expect, it } from 'vitest';
import { featureNames, itemFeatures, readingOf } from '../../../src/classify/head/features.js';
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

  it('keeps a rule-out said in so many words set aside, however likely a reason the reader finds it', () => {
    const ruledOut = "Whatever you may be thinking about the group task, that's not where this came from.";
    expect(read(ruledOut, asReason).segments.every((s) => s.praiseOnly)).toBe(true);
    const reading = readingOf(read(ruledOut, asReason), ids);
    expect(ids.filter((_, t) => reading.allowed[t])).toEqual(['uninformative']);
    expect(reading.setAside).toBeUndefined();
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

describe('itemFeatures: the probe', () => {
  const names = featureNames(true);
  const probeMax = names.indexOf('probe_max');
  const motivation = ids.indexOf('motivation');
  const uninformative = ids.indexOf('uninformative');
  const cues = ids.map(() => []);
  /** One reason whose whole reads as a reason and whose second clause reads as `roles`, with the probe high there. */
  function withClause(roles: number[]): ScoredItem {
    const item = segmentItems(
      [{ id: 'a', text: 'We have appointed someone with the licence; you said you would like to train for it.' }],
      ids,
    )[0]!;
    const scores = ids.map(() => 0.2);
    const probe = (p: number) => ids.map(() => p);
    item.segments[0]!.units = [
      { text: item.segments[0]!.scoredText, scores, nearest: [], roles: asReason, probe: probe(0.1) },
      { text: 'you said you would like to train for it.', scores, nearest: [], roles, probe: probe(0.7) },
    ];
    return item;
  }
  const boilerplate = CLAUSE_ROLES.map((role) => (role === 'boilerplate' ? 0.6 : 0.1));

  it('takes its best over the clauses read as reasons', () => {
    const features = itemFeatures(withClause(asReason), ids, cues, 0.05, true);
    expect(features[motivation]![probeMax]).toBeCloseTo(0.7, 5);
  });

  it('reads a clause of praise or boilerplate as evidence of no reason only, not of the theme its words lie near', () => {
    for (const roles of [boilerplate, asPraise]) {
      const features = itemFeatures(withClause(roles), ids, cues, 0.05, true);
      expect(features[motivation]![probeMax]).toBeCloseTo(0.1, 5);
      expect(features[uninformative]![probeMax]).toBeCloseTo(0.7, 5);
    }
  });
});
