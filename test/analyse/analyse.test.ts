import { prevalenceTakeaway } from '../../src/analyse/takeaways.js';
import { describe, expect, it } from 'vitest';
import { analyse, type AnalysisInput } from '../../src/analyse/index.js';
import type { PreviousRun } from '../../src/previous-run.js';
import type { ClassifiedItem } from '../../src/types.js';
import { TAXONOMY, classifiedItem, recurrenceCohort } from '../fixtures/analyse/build.js';
import { lexicalAnalysisInput } from '../helpers/analysis-input.js';
import { referenceOf } from '../helpers/references.js';

const GENERATED_AT = '2026-04-01T09:00:00.000Z';

const input = (
  classified: ClassifiedItem[],
  overrides: Partial<AnalysisInput['options']> = {},
  previous: PreviousRun | null = null,
): AnalysisInput => lexicalAnalysisInput(classified, { generatedAt: GENERATED_AT, ...overrides, previous });

const ALL_ZERO = Object.fromEntries(TAXONOMY.themes.map((theme) => [theme.id, 0]));

describe('analyse: recurrence', () => {
  it('lists exactly the candidate with delivery in three rejections and the one with CV problems in two', () => {
    const model = analyse(input(recurrenceCohort()));
    expect(model.recurrence).toEqual([
      { candidate: referenceOf('alice'), items: 3, themes: [{ id: 'delivery', items: 3 }] },
      { candidate: referenceOf('bob'), items: 2, themes: [{ id: 'application', items: 2 }] },
    ]);
  });

  it('shows real ids only when asked', () => {
    const model = analyse(input(recurrenceCohort(), { showIds: true }));
    expect(model.recurrence.map((entry) => entry.candidate)).toEqual(['alice', 'bob']);
  });

  it('does not depend on the order items arrive in', () => {
    const forward = analyse(input(recurrenceCohort()));
    const reversed = analyse(input(recurrenceCohort().reverse()));
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(forward));
  });

  it('orders by strength: a theme repeated three times beats two themes repeated twice', () => {
    const items = [
      classifiedItem({ id: 'x1', candidate: 'x', themes: ['examples', 'motivation'], line: 2 }),
      classifiedItem({ id: 'x2', candidate: 'x', themes: ['examples', 'motivation'], line: 3 }),
      classifiedItem({ id: 'y1', candidate: 'y', themes: ['delivery'], line: 4 }),
      classifiedItem({ id: 'y2', candidate: 'y', themes: ['delivery'], line: 5 }),
      classifiedItem({ id: 'y3', candidate: 'y', themes: ['delivery'], line: 6 }),
    ];
    const model = analyse(input(items, { showIds: true }));
    expect(model.recurrence).toEqual([
      { candidate: 'y', items: 3, themes: [{ id: 'delivery', items: 3 }] },
      {
        candidate: 'x',
        items: 2,
        themes: [
          { id: 'examples', items: 2 },
          { id: 'motivation', items: 2 },
        ],
      },
    ]);
  });

  it('names every candidate by their reference, repeaters or not', () => {
    const model = analyse(input(recurrenceCohort()));
    const quoteOf = (themeId: string) => model.quotes[themeId].map((quote) => quote.candidate);
    expect(quoteOf('assessment')).toEqual([referenceOf('carol')]);
    expect(quoteOf('uninformative')).toEqual([referenceOf('hank')]);
    expect(referenceOf('carol')).toMatch(/^Candidate [0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('keeps each candidate’s reference when rows are added, removed or reordered', () => {
    const cohort = recurrenceCohort();
    const namesOf = (classified: ClassifiedItem[]) => analyse(input(classified)).displayNames;
    const before = namesOf(cohort);
    const newcomers = [
      classifiedItem({ id: 'z1', candidate: 'zoe', themes: ['delivery'], line: 40 }),
      classifiedItem({ id: 'z2', candidate: 'zoe', themes: ['delivery'], line: 41 }),
      classifiedItem({ id: 'z3', candidate: 'zoe', themes: ['delivery'], line: 42 }),
      classifiedItem({ id: 'z4', candidate: 'zoe', themes: ['delivery'], line: 43 }),
    ];
    // zoe now repeats most strongly: under rank numbering she would take alice's number.
    const after = namesOf([...newcomers, ...cohort.filter((entry) => entry.item.candidate !== 'carol')].reverse());
    for (const [id, reference] of before) if (id !== 'carol') expect(after.get(id), id).toBe(reference);
    expect(after.has('carol')).toBe(false);
    expect([...after.values()]).not.toContain(before.get('carol'));
    expect(new Set(after.values()).size).toBe(after.size);
  });
});

describe('analyse: theme figures', () => {
  it('counts items, shares, candidates and repeaters per theme, every theme in taxonomy order', () => {
    const model = analyse(input(recurrenceCohort()));
    expect(model.themes.map((theme) => theme.id)).toEqual(TAXONOMY.themes.map((theme) => theme.id));
    const byId = Object.fromEntries(model.themes.map((theme) => [theme.id, theme]));
    expect(byId.delivery).toEqual({
      id: 'delivery',
      label: 'Delivery',
      actionable: true,
      items: 4,
      share: 0.3636,
      candidates: 2,
      recurringCandidates: 1,
      change: null,
    });
    expect(byId.application).toMatchObject({ items: 2, share: 0.1818, candidates: 1, recurringCandidates: 1 });
    expect(byId.competition).toMatchObject({ items: 1, actionable: false, recurringCandidates: 0 });
    expect(byId.culture_fit).toMatchObject({ items: 0, share: 0, candidates: 0 });
    expect(model.counts).toEqual({
      items: 11,
      segments: 15,
      candidates: 8,
      rejectedRows: 0,
      unthemedItems: 1,
      dataRows: 11,
      itemsWithoutCandidate: 0,
    });
    expect(model.inputs.dateRange).toEqual({ from: '2026-01-12', to: '2026-03-20' });
  });

  it('computes change against the previous run', () => {
    const previous: PreviousRun = {
      runId: 'r1',
      finishedAt: '2026-03-01T00:00:00Z',
      items: 20,
      candidates: 9,
      themes: { delivery: 2, application: 5 },
    };
    const model = analyse(input(recurrenceCohort(), {}, previous));
    const byId = Object.fromEntries(model.themes.map((theme) => [theme.id, theme]));
    expect(byId.delivery.change).toEqual({ items: 2, share: 0.2636 });
    expect(byId.application.change).toEqual({ items: -3, share: -0.0682 });
    expect(byId.culture_fit.change).toEqual({ items: 0, share: 0 });
    expect(model.previousRun).toEqual({ runId: 'r1', finishedAt: '2026-03-01T00:00:00Z' });
  });

  it('counts co-occurring theme pairs, in taxonomy order within a pair', () => {
    const model = analyse(input(recurrenceCohort()));
    expect(model.cooccurrence).toEqual([
      { a: 'qualifications', b: 'application', items: 1 },
      { a: 'experience', b: 'delivery', items: 1 },
      { a: 'delivery', b: 'examples', items: 1 },
      { a: 'delivery', b: 'preparation', items: 1 },
    ]);
    const doubled = analyse(
      input([...recurrenceCohort(), classifiedItem({ id: 'z', candidate: 'zed', themes: ['examples', 'delivery'], line: 20 })]),
    );
    expect(doubled.cooccurrence[0]).toEqual({ a: 'delivery', b: 'examples', items: 2 });
  });
});

describe('analyse: breakdowns and suppression', () => {
  it('suppresses a cohort of two candidates and shows the cohort of six', () => {
    const model = analyse(input(recurrenceCohort()));
    expect(model.breakdowns.byCohort).toEqual([
      {
        key: '2026 Spring',
        items: 9,
        candidates: 6,
        suppressed: false,
        themes: {
          ...ALL_ZERO,
          delivery: 4,
          examples: 1,
          application: 2,
          qualifications: 1,
          assessment: 1,
          competition: 1,
          experience: 1,
          preparation: 1,
        },
      },
      { key: 'Evening', items: 2, candidates: 2, suppressed: true, themes: null },
    ]);
  });

  it('buckets months by date and suppresses small months; undated items form their own group', () => {
    const model = analyse(input(recurrenceCohort(), { minGroup: 3 }));
    expect(model.breakdowns.byMonth).toEqual([
      {
        key: '2026-01',
        items: 3,
        candidates: 3,
        suppressed: false,
        themes: { ...ALL_ZERO, delivery: 1, examples: 1, application: 1, qualifications: 1, assessment: 1 },
      },
      {
        key: '2026-02',
        items: 4,
        candidates: 4,
        suppressed: false,
        themes: { ...ALL_ZERO, delivery: 2, application: 1, competition: 1, experience: 1 },
      },
      { key: '2026-03', items: 3, candidates: 3, suppressed: false, themes: { ...ALL_ZERO, delivery: 1, preparation: 1, motivation: 1 } },
      { key: null, items: 1, candidates: 1, suppressed: true, themes: null },
    ]);
    const strict = analyse(input(recurrenceCohort()));
    expect(strict.breakdowns.byMonth.every((month) => month.suppressed && month.themes === null)).toBe(true);
  });

  it('groups stage values case-insensitively and orders them by phase', () => {
    const items = recurrenceCohort();
    items.push(classifiedItem({ id: 'i1', candidate: 'ivy', stage: 'telephone  INTERVIEW', themes: ['delivery'], line: 13 }));
    items.push(classifiedItem({ id: 'j1', candidate: 'jon', stage: 'Telephone interview', themes: ['delivery'], line: 14 }));
    const model = analyse(input(items, { minGroup: 3 }));
    expect(model.breakdowns.byStage.map((group) => [group.key, group.items, group.suppressed])).toEqual([
      ['CV screening', 1, true],
      ['Online application', 1, true],
      ['sift', 1, true],
      ['Online test', 1, true],
      ['Telephone interview', 3, false],
      ['Final interview', 1, true],
      ['First interview', 1, true],
      ['Second interview', 1, true],
      ['Video interview', 1, true],
      ['Assessment centre', 1, true],
      [null, 1, true],
    ]);
    expect(model.breakdowns.byStage[4].themes).toEqual({ ...ALL_ZERO, delivery: 3, examples: 1 });
  });

  it('counts items without a candidate as people of their own', () => {
    const items = [1, 2, 3, 4, 5].map((n) =>
      classifiedItem({ id: `n${n}`, candidate: null, cohort: 'Open day', themes: ['delivery'], line: n + 1 }),
    );
    const model = analyse(input(items));
    expect(model.breakdowns.byCohort[0]).toMatchObject({ key: 'Open day', candidates: 5, suppressed: false });
    expect(model.recurrence).toEqual([]);
    expect(model.counts.itemsWithoutCandidate).toBe(5);
    expect(model.takeaways.recurrence).toMatch(/No candidate column/);
  });
});

describe('analyse: stage diagnosis', () => {
  it('places rejections before or at interview and names the leading themes on each side', () => {
    const model = analyse(input(recurrenceCohort(), { minGroup: 2 }));
    const diagnosis = model.stageDiagnosis;
    expect(diagnosis.phases.map((phase) => [phase.key, phase.items, phase.candidates])).toEqual([
      ['application', 3, 2],
      ['testing', 1, 1],
      ['interview', 5, 3],
      ['assessment', 1, 1],
      ['other', 1, 1],
    ]);
    expect(diagnosis.beforeInterview).toEqual({
      phases: ['application', 'testing'],
      items: 4,
      candidates: 3,
      suppressed: false,
      top: [
        { id: 'application', items: 2, share: 0.5 },
        { id: 'qualifications', items: 1, share: 0.25 },
        { id: 'assessment', items: 1, share: 0.25 },
      ],
    });
    expect(diagnosis.atInterview.top?.[0]).toEqual({ id: 'delivery', items: 4, share: 0.6667 });
    expect(diagnosis.atInterview.top).toHaveLength(5);
    expect(diagnosis.unstagedItems).toBe(1);
    expect(diagnosis.verdict).toBe('at-interview');
    expect(diagnosis.takeaway).toBe(
      'Most staged rejections (60%) come at interview or assessment: candidates get seen but lose in the room. ' +
        'Before interview: Application (CV, cover letter) (50%) and Qualifications (25%). At interview: Delivery (67%) and Experience (17%).',
    );
  });

  it('withholds the themes of a side with too few candidates', () => {
    const model = analyse(input(recurrenceCohort()));
    expect(model.stageDiagnosis.beforeInterview).toMatchObject({ suppressed: true, top: null });
    expect(model.stageDiagnosis.phases.every((phase) => phase.suppressed)).toBe(true);
  });

  it('says when no stage is known', () => {
    const items = [classifiedItem({ id: 'q', candidate: 'q', themes: ['delivery'], line: 2 })];
    expect(analyse(input(items)).stageDiagnosis.verdict).toBe('unknown');
  });
});

describe('analyse: quotes and takeaways', () => {
  it('picks the highest-scoring items, one per candidate first, and marks evidence and cues', () => {
    const model = analyse(input(recurrenceCohort()));
    const delivery = model.quotes.delivery;
    expect(delivery.map((quote) => quote.itemId)).toEqual(['a2', 'e1', 'a1']);
    const parts = delivery[0].parts;
    expect(parts).toEqual([
      { text: 'Your answers sounded ', mark: 'evidence' },
      { text: 'robotic', mark: 'cue' },
      { text: ' and ', mark: 'evidence' },
      { text: 'over-rehearsed', mark: 'cue' },
      { text: '.', mark: 'evidence' },
    ]);
    expect(delivery[1].parts[0]).toEqual({ text: 'Other candidates had more relevant experience. ', mark: 'none' });
  });

  it('quotes the same words once, however many candidates were sent them', () => {
    const stock = 'Unfortunately on this occasion you have not been successful.';
    const items = [
      classifiedItem({ id: 's1', candidate: 's1', text: stock, themes: [['uninformative', 0.9]], line: 2 }),
      classifiedItem({
        id: 's2',
        candidate: 's2',
        text: `  unfortunately on this occasion, you have NOT been successful `,
        themes: [['uninformative', 0.8]],
        line: 3,
      }),
      classifiedItem({ id: 's3', candidate: 's3', text: stock, themes: [['uninformative', 0.7]], line: 4 }),
      classifiedItem({
        id: 's4',
        candidate: 's4',
        text: 'We will not be taking your application further.',
        themes: [['uninformative', 0.6]],
        line: 5,
      }),
    ];
    const quotes = analyse(input(items)).quotes.uninformative;
    expect(quotes.map((quote) => quote.itemId)).toEqual(['s1', 's4']);
  });

  it('says "1 of the top 3 themes is" in the singular', () => {
    const theme = (id: string, items: number, actionable: boolean) =>
      ({ id, label: id, actionable, items, share: items / 10, candidates: items, recurringCandidates: 0, change: null }) as const;
    const takeaway = prevalenceTakeaway([theme('a', 5, false), theme('b', 3, true), theme('c', 2, false)], 10);
    expect(takeaway).toMatch(/ 1 of the top 3 themes is within the candidate's control\.$/);
  });

  it('writes takeaways from the figures', () => {
    const model = analyse(input(recurrenceCohort()));
    expect(model.takeaways.prevalence).toBe(
      "Delivery is the most common theme: 36% of items (4 of 11), from 2 candidates. 3 of the top 3 themes are within the candidate's control.",
    );
    expect(model.takeaways.recurrence).toBe(
      '2 of 8 candidates (25%) got the same theme in two or more rejections; the most repeated is Delivery (1 candidate).',
    );
    expect(model.takeaways.cohorts).toBe(
      'Of 1 reportable cohort, 2026 Spring has the highest share of Delivery (44% of its items). 1 cohort is suppressed (fewer than 5 candidates).',
    );
    expect(model.takeaways.cooccurrence).toBe('Qualifications and Application (CV, cover letter) appear together most often: in 1 item.');
    // Months of three or four items: far too few to call a trend.
    expect(analyse(input(recurrenceCohort(), { minGroup: 3 })).takeaways.overTime).toBe(
      'Too few dated items to call a trend in Delivery, the most common theme (33% of items in 2026-01, 33% in 2026-03; each period needs at least 30 items and 5 expected with and without the theme).',
    );
  });
});
