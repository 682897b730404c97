import { describe, expect, it } from 'vitest';
import { compileThemeCues } from '../../src/classify/assign.js';
import { conductInPlay, fitHolder, gateConduct, holderProbabilityOf, type HolderRow } from '../../scripts/lib/conduct-holder.js';
import type { ScoredSegment } from '../../src/classify/units.js';
import { LEXICAL_SIGNALS } from '../../src/classify/roles/model.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const taxonomy = await loadTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);
const conduct = ids.indexOf('conduct');
const cues = compileThemeCues(taxonomy)[conduct]!;

/** The model's probability on each test segment's reason text. */
const holderOf = new Map<ScoredSegment, number>();

/** A reason segment with the given nearest theme and the model's probability on its reason text. */
function segment(text: string, nearestTheme: string, holder: number): ScoredSegment {
  const scores = ids.map((id) => (id === nearestTheme ? 0.6 : 0.2));
  const nearest = ids.map(() => 0);
  const made = {
    segment: { itemId: 'a', index: 0, text, start: 0, end: text.length },
    favourable: false,
    praiseOnly: false,
    scoredText: text,
    praise: [],
    units: [{ text, scores, nearest }],
    scores,
    nearest,
    // As a sentence the word rules find nothing in.
    reading: { silence: false, ruledOut: [], asserted: [], subject: null, employerSide: false },
  } as ScoredSegment;
  holderOf.set(made, holder);
  return made;
}

describe('conductInPlay: where the model of who holds the conduct is asked', () => {
  it('is a reason with a conduct cue, or one whose nearest theme is conduct', () => {
    expect(conductInPlay(segment('The receptionist was rude to him.', 'delivery', 1), conduct, cues)).toBe(true);
    expect(conductInPlay(segment('Kept everyone waiting.', 'conduct', 1), conduct, cues)).toBe(true);
    expect(conductInPlay(segment('Kept everyone waiting.', 'conduct', 1), conduct, cues, false)).toBe(false);
    expect(conductInPlay(segment('Your answers lacked examples.', 'examples', 1), conduct, cues)).toBe(false);
  });

  it('is not praise, nor a sentence that already rules conduct out', () => {
    const praised = { ...segment('You were late.', 'conduct', 1), praiseOnly: true };
    expect(conductInPlay(praised, conduct, cues)).toBe(false);
    const ruledOut = segment('Your lateness did not count against you at all.', 'conduct', 1);
    ruledOut.reading.ruledOut.push('conduct');
    expect(conductInPlay(ruledOut, conduct, cues)).toBe(false);
  });
});

describe('gateConduct', () => {
  it('rules conduct out where the model finds it unlikely the candidate’s, and only there', () => {
    const others = segment('The panel chair joined forty minutes late.', 'conduct', 0.1);
    const own = segment('You arrived forty minutes late.', 'conduct', 0.9);
    const gated = gateConduct([others, own], conduct, cues, (s) => holderOf.get(s), 0.4);
    expect(gated).toBe(1);
    expect(others.reading.ruledOut).toContain('conduct');
    expect(own.reading.ruledOut).not.toContain('conduct');
  });

  it('leaves a segment the model did not read', () => {
    const unread = segment('The panel chair joined forty minutes late.', 'conduct', 0.1);
    expect(gateConduct([unread], conduct, cues, () => undefined, 0.4)).toBe(0);
    expect(unread.reading.ruledOut).not.toContain('conduct');
  });
});

describe('fitHolder', () => {
  const width = 3 + LEXICAL_SIGNALS.length;
  const row = (x: number, own: boolean, weight = 1): HolderRow => ({
    features: Array.from({ length: width }, (_, j) => (j === 0 ? x : j === 1 ? (x * 7) % 3 : 0)),
    own,
    weight,
  });
  const rows = [row(1, true), row(0.9, true), row(0.8, true), row(-1, false), row(-0.9, false), row(-0.7, false), row(0.1, false)];

  it('learns the direction that tells the candidate’s conduct from others’, deterministically', () => {
    const model = fitHolder(rows, 3, 0.1, 0.4);
    expect(holderProbabilityOf(model, row(1.1, true).features)).toBeGreaterThan(0.5);
    expect(holderProbabilityOf(model, row(-1.1, false).features)).toBeLessThan(0.5);
    expect(fitHolder(rows, 3, 0.1, 0.4)).toEqual(model);
  });

  it('weighs the rows it is told to', () => {
    const light = fitHolder(rows, 3, 0.1, 0.4);
    const heavy = fitHolder([...rows.slice(0, 6), row(0.1, false, 10)], 3, 0.1, 0.4);
    expect(holderProbabilityOf(heavy, row(0.1, false).features)).toBeLessThan(holderProbabilityOf(light, row(0.1, false).features));
  });
});
