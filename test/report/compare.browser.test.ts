// "Side by side" in a real browser, checked against summary.json: for two months, two cohorts
// and two stages of the sample report, each theme's count and share in both groups is the one
// summary.json gives for that group, the difference is theirs, and "beyond chance" is the verdict
// of the same guard as "since the last run". Only groups with enough candidates are offered.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupBreakdown, StageDiagnosis } from '../../src/analyse/model.js';
import { PHASE_LABELS } from '../../src/analyse/phases.js';
import { compareProportions } from '../../src/analyse/significance.js';
import { formatCount, formatShare } from '../../src/report/format.js';
import type { Summary } from '../../src/report/summary.js';
import { launchBrowser, openReport, type OpenedReport, testOutputPath } from '../helpers/browser.js';
import { sampleReport, type SampleReport } from '../helpers/sample-report.js';

let browser: Browser;
let sample: SampleReport;
let report: OpenedReport;

beforeAll(async () => {
  [browser, sample] = await Promise.all([launchBrowser(), sampleReport('lexical')]);
  report = await openReport(browser, testOutputPath('sample-compare.html'), sample.html, { width: 1280, height: 900 });
});

afterAll(async () => {
  await report?.page.close();
  await browser?.close();
});

const summary = () => sample.summary as unknown as Summary;

async function options(page: Page, name: string): Promise<{ value: string; label: string }[]> {
  return page.$$eval(`#compare select[name="${name}"] option`, (nodes) =>
    nodes.map((node) => ({ value: (node as HTMLOptionElement).value, label: (node.textContent ?? '').replace(/ \([\d,]+\)$/, '') })),
  );
}

async function compare(page: Page, by: string, a: string, b: string): Promise<string[][]> {
  await page.selectOption('#compare select[name="by"]', by);
  await page.selectOption('#compare select[name="a"]', a);
  await page.selectOption('#compare select[name="b"]', b);
  return page.$$eval('#compare .compare-table tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim())),
  );
}

/** The rows summary.json implies for two groups. */
function expectedRows(a: GroupBreakdown, b: GroupBreakdown): string[][] {
  const themes = summary().themes.filter((theme) => (a.themes![theme.id] ?? 0) + (b.themes![theme.id] ?? 0) > 0);
  const rows = themes.map((theme) => {
    const sideA = { items: a.themes![theme.id], of: a.items };
    const sideB = { items: b.themes![theme.id], of: b.items };
    const shareA = sideA.items / sideA.of;
    const shareB = sideB.items / sideB.of;
    const outcome = compareProportions(sideA, sideB, themes.length);
    const points = Math.round((shareB - shareA) * 1000) / 10;
    return {
      order: shareA + shareB,
      id: theme.id,
      cells: [
        theme.label,
        `${formatShare(shareA)} (${formatCount(sideA.items)})`,
        `${formatShare(shareB)} (${formatCount(sideB.items)})`,
        points === 0 ? '±0 pts' : `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`,
        outcome.significant ? 'Yes, beyond chance' : outcome.reason === 'too-few' ? 'Too few to tell' : 'No',
      ],
    };
  });
  return rows.sort((x, y) => y.order - x.order || (x.id < y.id ? -1 : 1)).map((row) => row.cells);
}

describe('side by side', () => {
  it('offers periods, cohorts and stages, and only groups with enough candidates', async () => {
    const { page } = report;
    expect((await options(page, 'by')).map((option) => option.value)).toEqual(['period', 'cohort', 'stage']);
    const minGroup = 5;
    await page.selectOption('#compare select[name="by"]', 'cohort');
    for (const option of await options(page, 'a')) {
      const group = summary().breakdowns.byCohort.find((entry) => entry.key === option.label)!;
      expect(group.suppressed, option.label).toBe(false);
      expect(group.candidates).toBeGreaterThanOrEqual(minGroup);
    }
    const suppressed = summary()
      .breakdowns.byCohort.filter((group) => group.suppressed)
      .map((group) => group.key);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const key of suppressed) expect((await options(page, 'a')).map((option) => option.label)).not.toContain(key);
  });

  it('matches summary.json for two months', async () => {
    const { page } = report;
    await page.selectOption('#compare select[name="by"]', 'period');
    const months = (await options(page, 'a')).filter((option) => !option.value.includes('Q'));
    const [a, b] = [months[0], months[months.length - 1]];
    const group = (key: string) => summary().breakdowns.byMonth.find((entry) => entry.key === key)!;
    const rows = await compare(page, 'period', a.value, b.value);
    expect(rows).toEqual(expectedRows(group(a.value), group(b.value)));
    expect(await page.textContent('#compare caption')).toBe(
      `${a.label} (${formatCount(group(a.value).items)} items) against ${b.label} (${formatCount(group(b.value).items)} items)`,
    );
  });

  it('matches summary.json for two cohorts', async () => {
    const { page } = report;
    await page.selectOption('#compare select[name="by"]', 'cohort');
    const cohorts = await options(page, 'a');
    const group = (label: string) => summary().breakdowns.byCohort.find((entry) => entry.key === label)!;
    const rows = await compare(page, 'cohort', cohorts[0].value, cohorts[1].value);
    expect(rows).toEqual(expectedRows(group(cohorts[0].label), group(cohorts[1].label)));
  });

  it('matches summary.json for two stages, and some difference is beyond chance', async () => {
    const { page } = report;
    await page.selectOption('#compare select[name="by"]', 'stage');
    const phases = await options(page, 'a');
    const phaseOf = (key: string) => (summary().stageDiagnosis as StageDiagnosis).phases.find((phase) => phase.key === key)!;
    const application = phases.find((phase) => phase.value === 'application')!;
    const interview = phases.find((phase) => phase.value === 'interview')!;
    expect(application.label).toBe(PHASE_LABELS.application);
    const rows = await compare(page, 'stage', application.value, interview.value);
    expect(rows).toEqual(expectedRows(phaseOf('application'), phaseOf('interview')));
    expect(rows.some((row) => row[4] === 'Yes, beyond chance')).toBe(true);
    expect(report.pageErrors).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.foreignRequests).toEqual([]);
  });
});
