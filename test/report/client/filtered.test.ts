// The report a filter redraws: computed in the browser from the embedded facts alone, it must count
// as the page did, including who keeps meeting a reason only where the tool was sure each time.

import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/analyse/index.js';
import { filteredModel } from '../../../src/report/client/filtered.js';
import { filterData } from '../../../src/report/filter-data.js';
import type { ClassifiedItem } from '../../../src/types.js';
import { classifiedItem } from '../../fixtures/analyse/build.js';
import { lexicalAnalysisInput } from '../../helpers/analysis-input.js';

/** An item whose themes are sure, except those listed as only possible. */
function item(id: string, candidate: string, themes: string[], possible: string[] = []): ClassifiedItem {
  // A month each: the facts date an item by its month alone.
  const entry = classifiedItem({ id, candidate, themes: [...themes, ...possible], line: 2, date: `2026-0${id.at(-1)}-15` });
  for (const assignment of entry.themes) {
    if (possible.includes(assignment.themeId)) Object.assign(assignment, { tentative: true, confidence: 0.4 });
    else Object.assign(assignment, { confidence: 0.95 });
  }
  return entry;
}

describe('a filtered view', () => {
  it('counts a student as meeting a reason again only where the tool was sure each time, as the page does', () => {
    const rows = [
      // Ada: examples sure twice; experience sure once and only possible once more.
      item('a1', 'ADA', ['examples', 'experience']),
      item('a2', 'ADA', ['examples'], ['experience']),
      // Ben: tests only possible both times.
      item('b1', 'BEN', ['delivery'], ['assessment']),
      item('b2', 'BEN', [], ['assessment']),
    ];
    const model = analyse(lexicalAnalysisInput(rows, { generatedAt: '2026-06-01T09:00:00.000Z' }));
    const repeats = (view: typeof model) => view.themes.filter((theme) => theme.recurringCandidates > 0).map((theme) => theme.id);
    expect(repeats(model)).toEqual(['examples']);
    const everything = filteredModel(filterData(model)!, [0, 1, 2, 3]);
    expect(repeats(everything)).toEqual(['examples']);
    expect(everything.recurrence.map((candidate) => candidate.themes.map((theme) => theme.id))).toEqual([['examples']]);
    // The share of items still counts what was only possible.
    expect(everything.themes.find((theme) => theme.id === 'assessment')!.items).toBe(2);
  });

  it('counts rejections as the page does: two in one month are two, rows of one rejection are one', () => {
    const row = (id: string, date: string, employer: string, theme: string) =>
      classifiedItem({ id, candidate: 'CY', date, employer, stage: 'Interview', themes: [theme], line: 2 });
    const rows = [
      // Two employers in one month, each the same reason: a repeat.
      row('c1', '2026-03-03', 'Acme', 'delivery'),
      row('c2', '2026-03-24', 'Globex', 'delivery'),
      // One rejection written over two rows, each the same reason: not a repeat.
      row('d1', '2026-04-02', 'Initech', 'examples'),
      row('d2', '2026-04-02', 'Initech', 'examples'),
    ];
    const model = analyse(lexicalAnalysisInput(rows, { generatedAt: '2026-06-01T09:00:00.000Z' }));
    const repeats = (view: typeof model) => view.recurrence.map((candidate) => candidate.themes.map((theme) => [theme.id, theme.items]));
    expect(repeats(model)).toEqual([[['delivery', 2]]]);
    expect(repeats(filteredModel(filterData(model)!, [0, 1, 2, 3]))).toEqual([[['delivery', 2]]]);
  });

  it('carries no doubt when the tool was sure of everything', () => {
    const model = analyse(
      lexicalAnalysisInput([item('a1', 'ADA', ['examples']), item('a2', 'ADA', ['examples'])], { generatedAt: '2026-06-01T09:00:00.000Z' }),
    );
    expect(model.facts!.unsure).toBeUndefined();
  });
});
