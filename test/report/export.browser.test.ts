// "Save this chart" in a real browser: every chart of the sample report has an SVG and a PNG
// control; the saved SVG is a valid standalone document carrying the chart's title and the
// data's date range, the PNG is a real image in the SVG's proportions, suppressed groups stay
// suppressed, and nothing is fetched (the files are made from blob and data URLs).

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { launchBrowser, openReport, testOutputPath, type OpenedReport } from '../helpers/browser.js';
import { sampleReport, type SampleReport } from '../helpers/sample-report.js';
import { cohortModel } from '../fixtures/report/models.js';

const CHARTS = ['prevalence', 'stages', 'over-time', 'recurrence', 'cooccurrence', 'cohorts'];

let browser: Browser;
let sample: SampleReport;

beforeAll(async () => {
  [browser, sample] = await Promise.all([launchBrowser(), sampleReport('lexical')]);
});

afterAll(async () => {
  await browser?.close();
});

async function save(page: Page, chart: string, kind: 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
  const button = page.locator(`section:has(figure[data-chart="${chart}"]) button[data-export="${kind}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = testOutputPath(`export-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/** Parses the SVG in the page: well-formed, its size, its title and what it draws. */
async function readSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const svg = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: svg.nodeName,
      width: Number(svg.getAttribute('width')),
      height: Number(svg.getAttribute('height')),
      title: doc.querySelector('title')?.textContent ?? '',
      texts: Array.from(doc.querySelectorAll('text')).map((node) => node.textContent ?? ''),
      marks: doc.querySelectorAll('rect, path').length,
      cohortCells: Array.from(doc.querySelectorAll('rect[data-row]')).map((node) => node.getAttribute('data-row')),
      styleAttributes: doc.querySelectorAll('[style]').length,
    };
  }, text);
}

/** Width and height from the PNG's IHDR chunk, and how many of its pixels are not white. */
async function readPng(page: Page, bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const inked = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) count += 1;
    return count;
  }, bytes.toString('base64'));
  return { width, height, inked };
}

describe('saving the sample report’s charts', () => {
  let report: OpenedReport;

  beforeAll(async () => {
    report = await openReport(browser, testOutputPath('sample-export.html'), sample.html, { width: 1280, height: 900 });
  });

  afterAll(async () => {
    await report?.page.close();
  });

  it('offers SVG and PNG for every chart', async () => {
    const controls = await report.page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
        const section = figure.closest('section')!;
        return {
          chart: figure.getAttribute('data-chart'),
          svg: section.querySelectorAll('button[data-export="svg"]').length,
          png: section.querySelectorAll('button[data-export="png"]').length,
          visible: (section.querySelector('button[data-export="svg"]') as HTMLElement).offsetHeight > 0,
        };
      }),
    );
    expect(controls.map((control) => control.chart).sort()).toEqual([...CHARTS].sort());
    for (const control of controls) expect(control, control.chart!).toMatchObject({ svg: 1, png: 1, visible: true });
  });

  it.each(CHARTS)(
    'saves the %s chart as a titled, dated SVG and a PNG in proportion',
    async (chart) => {
      const { page } = report;
      const title = (await page.textContent(`section:has(figure[data-chart="${chart}"]) h2`))!.trim();
      const svg = await save(page, chart, 'svg');
      expect(svg.name).toMatch(/^[a-z0-9-]+_\d{4}-\d{2}-\d{2}_to_\d{4}-\d{2}-\d{2}\.svg$/);
      expect(
        svg.name.startsWith(
          title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/-$/, ''),
        ),
      ).toBe(true);
      const parsed = await readSvg(page, svg.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      expect(parsed.root).toBe('svg');
      expect(parsed.title).toContain(title);
      expect(parsed.texts).toContain(title);
      expect(parsed.texts.some((text) => /^Feedback dated \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/.test(text))).toBe(true);
      expect(parsed.marks).toBeGreaterThan(5);
      expect(parsed.width).toBeGreaterThan(300);
      expect(parsed.height).toBeGreaterThan(100);
      // Styled by attributes: a standalone file has no stylesheet, and the page's CSP forbids style attributes.
      expect(parsed.styleAttributes).toBe(0);

      const png = await save(page, chart, 'png');
      expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
      const image = await readPng(page, png.bytes);
      expect(image.width).toBe(parsed.width * 2);
      expect(image.height).toBe(parsed.height * 2);
      expect(image.inked).toBeGreaterThan(image.width * image.height * 0.01);

      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
      expect(report.foreignRequests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    },
    60_000,
  );
});

describe('saving a chart with suppressed groups', () => {
  it('keeps small cohorts suppressed in the saved file', async () => {
    const { model } = cohortModel({ options: { minGroup: 5 } });
    const suppressed = model.breakdowns.byCohort.filter((group) => group.suppressed && group.key !== null).map((group) => group.key);
    expect(suppressed.length).toBeGreaterThan(0);
    const report = await openReport(browser, testOutputPath('suppressed-export.html'), renderReport(model), { width: 1280, height: 900 });
    try {
      const saved = await save(report.page, 'cohorts', 'svg');
      const parsed = await readSvg(report.page, saved.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      expect(parsed.texts.join(' ')).toMatch(/[Ss]uppressed/);
      for (const key of suppressed) expect(parsed.cohortCells).not.toContain(key);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await report.page.close();
    }
  }, 60_000);
});
