// How long a large report takes to open in Chromium (until every chart is drawn and the filters
// are ready), and to redraw for one filter choice. A benchmark, never a test assertion.

import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export interface ReportOpenResults {
  /** Navigation start to every chart drawn and the filter form shown. */
  openSeconds: number;
  /** Choosing the first cohort offered until the item count and charts are updated. */
  filterSeconds: number | null;
}

export async function measureReportOpen(file: string): Promise<ReportOpenResults> {
  const browser = await chromium.launch({
    executablePath: process.env.FEEDBACK_THEMES_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        document.querySelectorAll('figure.chart svg, figure.chart .chart-empty').length >= 6 && !document.getElementById('filters')?.hidden,
    );
    const openMs = await page.evaluate(() => performance.now());
    const option = await page.$eval('select[name="cohort"]', (select) => (select as HTMLSelectElement).options[1]?.value ?? null);
    let filterSeconds: number | null = null;
    if (option !== null) {
      const before = await page.textContent('[data-count="items"]');
      const started = await page.evaluate(() => performance.now());
      await page.selectOption('select[name="cohort"]', option);
      await page.waitForFunction((previous) => document.querySelector('[data-count="items"]')?.textContent !== previous, before);
      filterSeconds = ((await page.evaluate(() => performance.now())) - started) / 1000;
    }
    return { openSeconds: openMs / 1000, filterSeconds };
  } finally {
    await browser.close();
  }
}

export interface ReportScaleResults {
  items: number;
  reportHtmlMiB: number;
  /** Of which the per-item facts the filters redraw from. */
  factsMiB: number;
  buildSeconds: number;
  open: ReportOpenResults;
}

/** A report of `items` synthetic classified items (30 cohorts, 12 months, 7 stages), written and opened. */
export async function benchReportScale(items: number, file: string): Promise<ReportScaleResults> {
  const { writeFileSync } = await import('node:fs');
  const { modelFrom, syntheticClassified } = await import('../test/fixtures/report/models.js');
  const { renderReport } = await import('../src/report/render.js');
  const started = performance.now();
  const page = renderReport(modelFrom(syntheticClassified(items), { options: { minGroup: 5 } }));
  const buildSeconds = (performance.now() - started) / 1000;
  writeFileSync(file, page);
  const facts = /<script type="application\/json" id="report-filters">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
  return {
    items,
    reportHtmlMiB: Buffer.byteLength(page) / 2 ** 20,
    factsMiB: Buffer.byteLength(facts) / 2 ** 20,
    buildSeconds,
    open: await measureReportOpen(file),
  };
}
