// Per-item facts: compact, exact for the filters, and nothing personal in them.

import { describe, expect, it } from 'vitest';
import { OTHER_STAGES, themeMask, themesOfMask } from '../../src/analyse/facts.js';
import { phaseOfStage, PHASES } from '../../src/analyse/phases.js';
import { filterData } from '../../src/report/filter-data.js';
import { cohortModel, hostileModel } from '../fixtures/report/models.js';

describe('item facts', () => {
  it('round-trips theme sets through their bit masks, up to 52 themes', () => {
    const ids = Array.from({ length: 52 }, (_, index) => `t${index}`);
    const order = new Map(ids.map((id, index) => [id, index]));
    for (const chosen of [[], ['t0'], ['t3', 't7'], ['t0', 't31', 't32', 't51'], ids]) {
      expect(themesOfMask(themeMask(chosen, order), ids)).toEqual([...chosen].sort((a, b) => order.get(a)! - order.get(b)!));
    }
  });

  it('pools unlisted stages under a name of the same phase', () => {
    for (const phase of PHASES) expect(phaseOfStage(OTHER_STAGES[phase])).toBe(phase);
  });

  it('matches the model item for item: groups, candidates and themes', () => {
    const { classified, model } = cohortModel();
    const facts = model.facts!;
    expect(facts.themes.length).toBe(classified.length);
    const cohorts = facts.cohort.map((index) => (index === 0 ? null : facts.cohorts[index - 1]));
    for (const group of model.breakdowns.byCohort) expect(cohorts.filter((key) => key === group.key).length).toBe(group.items);
    const ids = model.taxonomy.themes.map((theme) => theme.id);
    for (const theme of model.themes)
      expect(facts.themes.filter((mask) => themesOfMask(mask, ids).includes(theme.id)).length).toBe(theme.items);
    const people = new Set(facts.candidate.filter((number) => number > 0));
    expect(people.size).toBe(model.counts.candidates - model.counts.itemsWithoutCandidate);
  });

  it('embeds no ids and no feedback text beyond the quotes, even when the report shows ids', () => {
    const { classified, model } = hostileModel();
    expect(model.options.showIds).toBe(true);
    const data = JSON.stringify(filterData(model));
    for (const entry of classified) {
      expect(data).not.toContain(entry.item.candidate!);
      expect(data).not.toContain(`"${entry.item.id}"`);
    }
    const quoted = Object.values(model.quotes)
      .flat()
      .flatMap((quote) => quote.parts.map((part) => part.text));
    const payload = filterData(model)!;
    const texts = Object.values(payload.quotes)
      .flat()
      .flatMap((entry) => entry.quote.parts.map((part) => part.text));
    for (const text of texts) expect(quoted).toContain(text);
    for (const entry of Object.values(payload.quotes).flat()) expect(entry.quote.candidate).toMatch(/^Candidate [0-9A-Z]{6,}$/);
  });
});
