import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSummary, summaryJson } from '../../src/report/index.js';
import { TAXONOMY } from '../fixtures/analyse/build.js';
import { cohortModel } from '../fixtures/report/models.js';
import { referenceOf } from '../helpers/references.js';

const GOLDEN = new URL('../fixtures/report/cohort.summary.json', import.meta.url);

describe('summary.json', () => {
  it('has the documented top-level keys in order', () => {
    const summary = buildSummary(cohortModel().model);
    expect(Object.keys(summary)).toEqual([
      'schemaVersion',
      'generatedAt',
      'runId',
      'engine',
      'taxonomy',
      'thresholds',
      'inputs',
      'counts',
      'themes',
      'recurrence',
      'breakdowns',
      'cooccurrence',
      'stageDiagnosis',
      'changes',
      'changeTest',
      'newSincePrevious',
      'cache',
      'confidence',
      'previousRun',
      'emerging',
    ]);
    expect(Object.keys(summary.counts)).toEqual(['items', 'segments', 'candidates', 'rejectedRows', 'unthemedItems', 'dataRows']);
    expect(Object.keys(summary.themes[0])).toEqual([
      'id',
      'label',
      'actionable',
      'items',
      'share',
      'candidates',
      'recurringCandidates',
      'change',
    ]);
    expect(Object.keys(summary.breakdowns)).toEqual(['byStage', 'byCohort', 'byMonth']);
  });

  it('lists every taxonomy theme in taxonomy order, even at zero', () => {
    const summary = buildSummary(cohortModel().model);
    expect(summary.themes.map((theme) => theme.id)).toEqual(TAXONOMY.themes.map((theme) => theme.id));
    expect(summary.taxonomy).toEqual({ source: 'built-in', themes: 12 });
    expect(summary.themes.find((theme) => theme.id === 'logistics')).toMatchObject({ items: 0, share: 0, change: { items: 0, share: 0 } });
  });

  it('lists exactly the delivery×3 and CV×2 repeaters and suppresses the two-person cohort', () => {
    const summary = buildSummary(cohortModel({ options: { minGroup: 5 } }).model);
    expect(summary.recurrence).toEqual([
      { candidate: referenceOf('alice'), items: 3, themes: [{ id: 'delivery', items: 3 }] },
      { candidate: referenceOf('bob'), items: 2, themes: [{ id: 'application', items: 2 }] },
    ]);
    expect(summary.breakdowns.byCohort.find((group) => group.key === 'Evening')).toEqual({
      key: 'Evening',
      items: 2,
      candidates: 2,
      suppressed: true,
      themes: null,
    });
  });

  it('carries no feedback text', () => {
    const text = summaryJson(cohortModel().model);
    expect(text).not.toContain('robotic');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('matches the reviewed golden file', () => {
    const text = summaryJson(cohortModel({ options: { minGroup: 3 } }).model);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
