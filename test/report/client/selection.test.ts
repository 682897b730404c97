// The filters' suppression rule, attacked the way a reader could: every selection the form can
// reach, and every difference between a reachable view and its parent, holds either no candidates
// or at least --min-group of them.

import { describe, expect, it } from 'vitest';
import type { ItemFacts } from '../../../src/analyse/model.js';
import {
  DIMENSIONS,
  EVERYTHING,
  indexFacts,
  offeredOptions,
  selectedItems,
  settle,
  type FactIndex,
  type Selection,
} from '../../../src/report/client/selection.js';
import { seededRandom } from '../../../src/random.js';

const STAGES = ['CV screening', 'Online test', 'First interview', 'Assessment centre', 'Careers fair'];

/** Skewed groups so some are tiny: cohort sizes, months and stages all uneven. */
function randomFacts(seed: number, items: number, people: number): ItemFacts {
  const next = seededRandom(seed);
  const facts: ItemFacts = {
    cohorts: ['A', 'B', 'C', 'D', 'E'],
    stages: STAGES,
    months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-07'],
    references: [],
    cohort: [],
    stage: [],
    month: [],
    candidate: [],
    themes: [],
  };
  for (let i = 0; i < items; i += 1) {
    const person = 1 + Math.floor(next() ** 1.5 * people);
    facts.cohort.push(next() < 0.05 ? 0 : 1 + Math.floor(next() ** 2.5 * 5));
    facts.stage.push(next() < 0.1 ? 0 : 1 + Math.floor(next() ** 2 * 5));
    facts.month.push(next() < 0.05 ? 0 : 1 + Math.floor(next() ** 2 * 6));
    facts.candidate.push(next() < 0.1 ? 0 : person);
    facts.themes.push(Math.floor(next() * 8));
  }
  return facts;
}

function candidates(index: FactIndex, items: number[]): number {
  return new Set(items.map((i) => index.person[i])).size;
}

/** Every selection the form can show: start from everything, change one select at a time. */
function reachable(index: FactIndex, minGroup: number): Selection[] {
  const seen = new Map<string, Selection>();
  const queue: Selection[] = [{ ...EVERYTHING }];
  while (queue.length > 0) {
    const selection = queue.shift()!;
    const key = JSON.stringify(selection);
    if (seen.has(key)) continue;
    seen.set(key, selection);
    for (const dimension of DIMENSIONS) {
      for (const option of [{ value: '' }, ...offeredOptions(index, selection, dimension, minGroup)]) {
        queue.push(settle(index, { ...selection, [dimension]: option.value }, minGroup, dimension));
      }
    }
  }
  return [...seen.values()];
}

describe('filter suppression', () => {
  for (const [seed, minGroup] of [
    [1, 5],
    [3, 10],
    [4, 3],
  ] as const) {
    it(`never shows or implies a group below the minimum (seed ${seed}, min ${minGroup})`, () => {
      const index = indexFacts(randomFacts(seed, 900, 160));
      const views = reachable(index, minGroup);
      expect(views.length).toBeGreaterThan(10);
      let suppressedSomething = false;
      for (const view of views) {
        const items = selectedItems(index, view);
        const holds = candidates(index, items);
        expect(holds, JSON.stringify(view)).toBeGreaterThanOrEqual(minGroup);
        for (const dimension of DIMENSIONS) {
          const offered = offeredOptions(index, view, dimension, minGroup);
          for (const option of offered) expect(option.candidates).toBeGreaterThanOrEqual(minGroup);
          // The parent view (this filter back to "all") minus everything offered under it.
          const parent = selectedItems(index, { ...view, [dimension]: '' });
          const shown = new Set(offered.flatMap((option) => selectedItems(index, { ...view, [dimension]: option.value })));
          const rest = parent.filter((i) => !shown.has(i));
          const restCandidates = candidates(index, rest);
          expect(restCandidates === 0 || restCandidates >= minGroup, `${JSON.stringify(view)} ${dimension}: ${restCandidates}`).toBe(true);
          // And the parent minus any one child view.
          if (view[dimension] !== '') {
            const child = new Set(items);
            const difference = candidates(
              index,
              parent.filter((i) => !child.has(i)),
            );
            expect(difference === 0 || difference >= minGroup, `${JSON.stringify(view)} minus ${dimension}`).toBe(true);
          }
          if (
            offered.length <
            new Set(
              parent.map((i) => (dimension === 'cohort' ? index.facts.cohort[i] : dimension === 'stage' ? index.phase[i] : index.month[i])),
            ).size
          ) {
            suppressedSomething = true;
          }
        }
      }
      // Not vacuous: the skewed data has groups the rule must hold back.
      expect(suppressedSomething).toBe(true);
    });
  }

  it('falls back to every value when a combination is no longer offered', () => {
    const index = indexFacts(randomFacts(5, 600, 120));
    const cohort = offeredOptions(index, EVERYTHING, 'cohort', 5)[0].value;
    const settled = settle(index, { cohort, stage: 'other', period: '2025-07' }, 5, 'period');
    for (const dimension of DIMENSIONS) {
      if (settled[dimension] === '') continue;
      expect(offeredOptions(index, settled, dimension, 5).map((option) => option.value)).toContain(settled[dimension]);
    }
  });
});
