import { describe, expect, it } from 'vitest';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { unexplainedSegments } from '../../src/discover/select.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import type { ClassifiedItem } from '../../src/types.js';
import { feedbackItem } from '../../support/feedback-item.js';

const taxonomy = await loadTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);
const thresholds = defaultThresholds('lexical', null);

/** One item with one sentence whose only non-zero score is `score` for `themeId`. */
function itemScoring(id: string, text: string, themeId: string, score: number): ClassifiedItem {
  const scores = ids.map((theme) => (theme === themeId ? score : 0));
  return {
    item: feedbackItem({ id, candidate: `c-${id}`, text, source: 'x.csv' }),
    themes: [],
    segments: [{ itemId: id, index: 0, text, start: 0, end: text.length, scores, themes: [], favourable: false }],
  };
}

describe('which sentences discovery looks at', () => {
  const text = 'Your posts about former colleagues on social media worried us.';
  const { floor } = thresholds;

  it('takes sentences whose best theme is under its threshold plus the weak band, and no others', () => {
    const items = [
      itemScoring('under-floor', text, 'delivery', floor - 0.05),
      itemScoring('in-band', text, 'delivery', floor + 0.03),
      itemScoring('over-band', text, 'delivery', floor + 0.08),
    ];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05).map((s) => s.itemId)).toEqual(['under-floor', 'in-band']);
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.1).map((s) => s.itemId)).toEqual(['under-floor', 'in-band', 'over-band']);
    expect(unexplainedSegments(items, taxonomy, thresholds, 0).map((s) => s.itemId)).toEqual(['under-floor']);
  });

  it('leaves out boilerplate, praise and sentences too short to group', () => {
    const items = [
      itemScoring('boilerplate', 'We will keep your details on file for future roles.', 'uninformative', 0.9),
      itemScoring('praise', 'Your presentation was excellent.', 'delivery', 0),
      itemScoring('short', 'Thanks again.', 'delivery', 0),
      itemScoring('reason', text, 'delivery', 0),
    ];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05).map((s) => s.itemId)).toEqual(['reason']);
  });

  it("keeps boilerplate, marked, only when asked (a reason in a decline's words reads as boilerplate)", () => {
    const decline = 'We cannot proceed without two references from your recent employers.';
    const items = [
      itemScoring('boilerplate', decline, 'uninformative', 0.9),
      itemScoring('praise', 'Your presentation was excellent.', 'uninformative', 0.9),
      itemScoring('reason', text, 'delivery', 0),
    ];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05).map((s) => [s.itemId, s.boilerplate])).toEqual([['reason', undefined]]);
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, null, null, true).map((s) => [s.itemId, s.boilerplate])).toEqual([
      ['boilerplate', true],
      ['reason', undefined],
    ]);
  });

  it('leaves out items an adviser has corrected: their themes are known', () => {
    const corrected = { ...itemScoring('corrected', text, 'delivery', 0), corrected: true as const };
    expect(
      unexplainedSegments([corrected, itemScoring('open', text, 'delivery', 0)], taxonomy, thresholds, 0.05).map((s) => s.itemId),
    ).toEqual(['open']);
  });
});

describe('which sentences discovery looks at, with a theme head', () => {
  const text = 'Your posts about former colleagues on social media worried us.';
  const { floor } = thresholds;
  /** The item with `themeId` assigned on its sentence by a head, at `confidence`, sure or not. */
  const decided = (id: string, themeId: string, score: number, confidence: number, tentative: boolean): ClassifiedItem => {
    const item = itemScoring(id, text, themeId, score);
    const evidence = { segmentIndex: 0, segment: text, exemplar: '', cues: [], cueRanges: [], score };
    return {
      ...item,
      themes: [{ themeId, score, confidence, ...(tentative ? { tentative: true as const } : {}), evidence }],
      segments: [{ ...item.segments[0]!, themes: [themeId] }],
    };
  };

  it('takes a sentence the head only says "possibly" of, however high its similarity, and leaves one it is sure of', () => {
    const items = [decided('possibly', 'delivery', floor + 0.2, 0.45, true), decided('sure', 'delivery', floor + 0.2, 0.9, false)];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, ids).map((s) => s.itemId)).toEqual(['possibly']);
    // Without a head the similarity band decides: both are explained.
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05).map((s) => s.itemId)).toEqual([]);
  });

  it('takes a sentence the head is sure of when the sentence itself is not similar enough to the theme', () => {
    const items = [decided('elsewhere', 'delivery', floor - 0.05, 0.9, false), decided('here', 'delivery', floor + 0.01, 0.9, false)];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, ids).map((s) => s.itemId)).toEqual(['elsewhere']);
  });

  it('with `explainedFrom`, counts a head theme as explaining only from that probability', () => {
    const items = [decided('likely', 'delivery', floor + 0.2, 0.75, false), decided('very likely', 'delivery', floor + 0.2, 0.85, false)];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, ids, 0.8).map((s) => s.itemId)).toEqual(['likely']);
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, ids).map((s) => s.itemId)).toEqual([]);
  });

  it('takes a sentence with no stated theme even when its similarity passes the band, for the themes the head decides', () => {
    const items = [itemScoring('claimed', text, 'delivery', floor + 0.2)];
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, ids).map((s) => s.itemId)).toEqual(['claimed']);
  });

  it('lets a theme the head does not decide explain a sentence by the similarity band', () => {
    const items = [itemScoring('claimed', text, 'delivery', floor + 0.2)];
    const others = ids.filter((id) => id !== 'delivery');
    expect(unexplainedSegments(items, taxonomy, thresholds, 0.05, others).map((s) => s.itemId)).toEqual([]);
  });
});
