// The #filters form on the sample report: every offered cohort, stage and period selects exactly
// the items summary.json counts for that group; groups below --min-group are never offered; the
// page redraws with no errors and no requests.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupBreakdown, PhaseBreakdown } from '../../src/analyse/model.js';
import { launchBrowser, openReport, testOutputPath, type OpenedReport } from '../helpers/browser.js';
import { sampleReport, type SampleReport } from '../helpers/sample-report.js';

let browser: Browser;
let sample: SampleReport;
let report: OpenedReport;

interface Summary {
  counts: { items: number };
  breakdowns: { byCohort: GroupBreakdown[]; byMonth: GroupBreakdown[] };
  stageDiagnosis: { phases: PhaseBreakdown[] };
}

beforeAll(async () => {
  [browser, sample] = await Promise.all([launchBrowser(), sampleReport()]);
  report = await openReport(browser, testOutputPath('sample-filters.html'), sample.html, { width: 1280, height: 900 });
});

afterAll(async () => {
  await report?.page.close();
  await browser?.close();
});

const summary = () => sample.summary as unknown as Summary;
const MIN_GROUP = 5;

async function options(page: Page, name: string): Promise<{ value: string; label: string }[]> {
  return page.$$eval(`#filters select[name="${name}"] option`, (nodes) =>
    nodes
      .map((node) => ({ value: (node as HTMLOptionElement).value, label: node.textContent ?? '' }))
      .filter((option) => option.value !== ''),
  );
}

async function choose(page: Page, selection: Partial<Record<'cohort' | 'stage' | 'period', string>>): Promise<number> {
  for (const name of ['cohort', 'stage', 'period'] as const) {
    const value = selection[name] ?? '';
    if ((await page.inputValue(`select[name="${name}"]`)) !== value) await page.selectOption(`select[name="${name}"]`, value);
  }
  return Number((await page.textContent('[data-count="items"]'))!.replace(/,/g, ''));
}

const labelName = (label: string) => label.replace(/ \([\d,]+\)$/, '');

describe('report filters', () => {
  it('shows every item and offers only groups with enough candidates', async () => {
    const { page } = report;
    expect(await page.isVisible('#filters')).toBe(true);
    expect(await choose(page, {})).toBe(summary().counts.items);
    const cohorts = (await options(page, 'cohort')).map((option) => labelName(option.label));
    const small = summary()
      .breakdowns.byCohort.filter((group) => group.key !== null && group.candidates < MIN_GROUP)
      .map((group) => group.key);
    expect(small.length).toBeGreaterThan(0);
    for (const key of small) expect(cohorts).not.toContain(key);
    expect(cohorts.length).toBeGreaterThan(2);
  });

  it('selects exactly the items summary.json counts for each cohort, phase and month', async () => {
    const { page } = report;
    for (const option of await options(page, 'cohort')) {
      const group = summary().breakdowns.byCohort.find((entry) => entry.key === labelName(option.label))!;
      expect(await choose(page, { cohort: option.value }), option.label).toBe(group.items);
      // The redraw reached the takeaways and the charts.
      expect(await page.textContent('#prevalence .takeaway')).toContain(`of ${group.items})`);
      expect(await page.locator('figure[data-chart="prevalence"] rect.bar').count()).toBe((sample.summary.themes as unknown[]).length);
    }
    await choose(page, {});
    for (const option of await options(page, 'stage')) {
      const phase = summary().stageDiagnosis.phases.find((entry) => entry.key === option.value)!;
      expect(await choose(page, { stage: option.value }), option.label).toBe(phase.items);
    }
    await choose(page, {});
    const periods = await options(page, 'period');
    expect(periods.some((option) => option.value.includes('Q'))).toBe(true);
    for (const option of periods) {
      const months = summary().breakdowns.byMonth.filter(
        (group) => group.key !== null && (option.value.includes('Q') ? quarterOf(group.key) === option.value : group.key === option.value),
      );
      expect(await choose(page, { period: option.value }), option.label).toBe(months.reduce((sum, group) => sum + group.items, 0));
    }
    await choose(page, {});
    expect(report.pageErrors).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  });

  it('combines filters only into selections whose counts the option labels promised', async () => {
    const { page } = report;
    await choose(page, {});
    const cohort = (await options(page, 'cohort'))[0];
    await choose(page, { cohort: cohort.value });
    const stages = await options(page, 'stage');
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) {
      const promised = Number(/\(([\d,]+)\)$/.exec(stage.label)![1].replace(/,/g, ''));
      expect(await choose(page, { cohort: cohort.value, stage: stage.value })).toBe(promised);
      // Within the selection, groups below the minimum stay suppressed in the stage table.
      const rows = await page.$$eval('#stages tbody tr', (nodes) => nodes.map((node) => node.textContent ?? ''));
      expect(rows.length).toBeGreaterThan(0);
    }
    await choose(page, {});
    await page.screenshot({ path: testOutputPath('sample-filtered.png') });
  });
});

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}
