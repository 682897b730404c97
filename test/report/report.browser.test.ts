// Opens real reports in headless Chromium: no console errors, no requests, charts drawn with the
// right number of marks, tables present, hostile feedback inert. Screenshots go to test-output/.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/analyse/model.js';
import { chartData, renderReport } from '../../src/report/render.js';
import { launchBrowser, openReport, testOutputPath, type OpenedReport } from '../helpers/browser.js';
import { HOSTILE_TEXTS, cohortModel, hostileModel, modelFrom, syntheticClassified } from '../fixtures/report/models.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Marks each chart should draw, derived from the same data the page embeds. */
function expectedMarks(model: ReportModel) {
  const data = chartData(model);
  const themedColumns = data.themes.filter((theme) => theme.items > 0).length;
  const shownPhases = data.phases.filter((phase) => !phase.suppressed);
  const reportableMonths = data.months.filter((month) => !month.suppressed).length;
  return {
    prevalenceBars: data.themes.length,
    stageCells: shownPhases.length * themedColumns,
    stageSuppressed: data.phases.length - shownPhases.length,
    lines: data.trendThemes.length,
    points: data.trendThemes.length * reportableMonths,
    recurrenceBars: data.themes.filter((theme) => theme.recurringCandidates > 0).length,
    cooccurrenceCells: data.cooccurrence.length,
    cohortCells: data.cohorts.filter((cohort) => !cohort.suppressed).length * data.cohortThemes.length,
    cohortSuppressed: data.cohorts.filter((cohort) => cohort.suppressed).length,
  };
}

async function countMarks(report: OpenedReport) {
  return report.page.evaluate(() => {
    const count = (chart: string, selector: string) => document.querySelectorAll(`figure[data-chart="${chart}"] svg ${selector}`).length;
    return {
      prevalenceBars: count('prevalence', 'rect.bar'),
      stageCells: count('stages', 'rect.cell'),
      stageSuppressed: count('stages', 'rect.suppressed-row'),
      lines: count('over-time', 'path.line'),
      points: count('over-time', 'path.point'),
      recurrenceBars: count('recurrence', 'rect.bar'),
      cooccurrenceCells: count('cooccurrence', 'rect.cell'),
      cohortCells: count('cohorts', 'rect.cell'),
      cohortSuppressed: count('cohorts', 'rect.suppressed-row'),
    };
  });
}

function expectClean(report: OpenedReport) {
  expect(report.consoleErrors).toEqual([]);
  expect(report.pageErrors).toEqual([]);
  expect(report.foreignRequests).toEqual([]);
}

describe('report in a real browser', () => {
  it('draws every chart with marks matching the data, with tables, and makes no requests', async () => {
    const { model } = cohortModel();
    const report = await openReport(browser, testOutputPath('report.html'), renderReport(model));
    try {
      expectClean(report);
      const marks = await countMarks(report);
      const expected = expectedMarks(model);
      expect(marks).toEqual(expected);
      // Not vacuous: this fixture has something in every chart.
      for (const [name, value] of Object.entries(expected)) {
        if (!name.endsWith('Suppressed')) expect(value, name).toBeGreaterThan(0);
      }
      expect(expected.stageSuppressed).toBeGreaterThan(0);

      const figures = await report.page.evaluate(() =>
        Array.from(document.querySelectorAll('figure.chart')).map((figure) => ({
          chart: figure.getAttribute('data-chart'),
          svg: figure.querySelectorAll('svg').length,
          tables: figure.closest('section')!.querySelectorAll('table').length,
          title: figure.closest('section')!.querySelector('h2')?.textContent ?? '',
          takeaway: figure.closest('section')!.querySelector('.takeaway')?.textContent ?? '',
        })),
      );
      expect(figures.map((figure) => figure.chart)).toEqual(['prevalence', 'stages', 'over-time', 'recurrence', 'cooccurrence', 'cohorts']);
      for (const figure of figures) {
        expect(figure.svg, figure.chart!).toBe(1);
        expect(figure.tables, figure.chart!).toBeGreaterThan(0);
        expect(figure.title.length, figure.chart!).toBeGreaterThan(0);
        expect(figure.takeaway.length, figure.chart!).toBeGreaterThan(20);
      }

      // The longest prevalence bar belongs to the most common theme.
      const widest = await report.page.evaluate(() => {
        const bars = Array.from(document.querySelectorAll('figure[data-chart="prevalence"] rect.bar'));
        bars.sort((a, b) => Number(b.getAttribute('width')) - Number(a.getAttribute('width')));
        return bars[0].getAttribute('data-theme');
      });
      expect(widest).toBe('delivery');

      // Pattern, not only colour, for themes outside the candidate's control.
      const fills = await report.page.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('figure[data-chart="prevalence"] rect.bar')).map((bar) => [
            bar.getAttribute('data-theme'),
            bar.getAttribute('fill'),
          ]),
        ),
      );
      expect(fills.competition).toMatch(/^url\(#/);
      expect(fills.delivery).not.toMatch(/^url\(#/);

      await report.page.screenshot({ path: testOutputPath('report.png'), fullPage: true });
    } finally {
      await report.page.close();
    }
  });

  it('shows suppressed cohorts as suppressed in the chart', async () => {
    const { model } = cohortModel({ options: { minGroup: 5 } });
    const report = await openReport(browser, testOutputPath('report-suppressed.html'), renderReport(model));
    try {
      expectClean(report);
      expect(await countMarks(report)).toEqual(expectedMarks(model));
      const labels = await report.page.$$eval('figure[data-chart="cohorts"] .suppressed-label', (nodes) =>
        nodes.map((node) => node.textContent),
      );
      expect(labels).toEqual(['Suppressed: fewer than 5 candidates']);
    } finally {
      await report.page.close();
    }
  });

  it('keeps hostile feedback inert: shown as text, never run, never loaded', async () => {
    const { model } = hostileModel();
    const report = await openReport(browser, testOutputPath('report-hostile.html'), renderReport(model));
    try {
      await report.page.waitForTimeout(300);
      expectClean(report);
      const state = await report.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        images: document.querySelectorAll('img').length,
        iframes: document.querySelectorAll('iframe').length,
        handlers: Array.from(document.querySelectorAll('*')).filter((element) =>
          Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on')),
        ).length,
        scripts: document.scripts.length,
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, without hidden elements
        bodyText: document.body.innerText,
        quoteTexts: Array.from(document.querySelectorAll('.quote blockquote')).map((node) => node.textContent),
        // Wrapped labels are one tspan per line.
        cohortLabels: Array.from(document.querySelectorAll('figure[data-chart="cohorts"] .row-label')).map((node) =>
          Array.from(node.querySelectorAll('tspan'))
            .map((line) => line.textContent)
            .join(' '),
        ),
      }));
      expect(state.pwned).toBeNull();
      expect(state.images).toBe(0);
      expect(state.iframes).toBe(0);
      expect(state.handlers).toBe(0);
      expect(state.scripts).toBe(3);
      for (const text of HOSTILE_TEXTS) expect(state.quoteTexts).toContain(text);
      expect(state.bodyText).toContain('word matching only, because the language model could not be used: the model <b>could not</b> load');
      expect(state.cohortLabels[0]).toContain('<b onmouseover=');
      expect(await countMarks(report)).toEqual(expectedMarks(model));
    } finally {
      await report.page.close();
    }
  });

  it('highlights in each quote exactly the cues the classifier matched', async () => {
    const { model } = cohortModel();
    const report = await openReport(browser, testOutputPath('report-cues.html'), renderReport(model));
    try {
      const shown = await report.page.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('.theme-card')).map((card) => [
            card.id.replace(/^theme-/, ''),
            Array.from(card.querySelectorAll('.quote blockquote')).map((quote) =>
              Array.from(quote.querySelectorAll('mark.cue')).map((mark) => mark.textContent),
            ),
          ]),
        ),
      );
      const expected = Object.fromEntries(
        model.themes
          .filter((theme) => theme.items > 0)
          .map((theme) => [
            theme.id,
            (model.quotes[theme.id] ?? []).map((quote) => quote.parts.filter((part) => part.mark === 'cue').map((part) => part.text)),
          ]),
      );
      expect(shown).toEqual(expected);
      // Not vacuous: the fixture's quotes carry cues, and each came from the classifier's ranges.
      expect(Object.values(expected).flat(2).length).toBeGreaterThan(3);
    } finally {
      await report.page.close();
    }
  });

  // 20,000 items here; `npm run bench` times opening 200,000 (--report-scale).
  it('opens a report of 20,000 items and draws it', async () => {
    const model = modelFrom(syntheticClassified(20_000), { options: { minGroup: 5 } });
    const page = renderReport(model);
    const report = await openReport(browser, testOutputPath('report-large.html'), page);
    try {
      expectClean(report);
      expect(await countMarks(report)).toEqual(expectedMarks(model));
    } finally {
      await report.page.close();
    }
  }, 180_000);
});
