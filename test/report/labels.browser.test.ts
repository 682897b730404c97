// No chart label printed over another, at phone, tablet and desktop widths and on A4 paper: on
// the sample report, on a report with suppressed stages, and on one with long, hostile labels.
// Rotated labels are compared by their real quadrilaterals (labelOverlaps below).

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { launchBrowser, openReport, testOutputPath } from '../helpers/browser.js';
import { sampleReport } from '../helpers/sample-report.js';
import { cohortModel, hostileModel } from '../fixtures/report/models.js';

const WIDTHS = [390, 768, 1280];

// labelOverlaps finds chart labels printed over each other. Each SVG text is measured by its real quadrilateral
// on screen: its box in its own coordinates (getBBox) mapped through getScreenCTM, so rotated
// labels are compared as the turned rectangles they are (Chromium has no getBoxQuads). Two quads
// overlap when no edge of either separates them (separating axis test).
interface LabelOverlap {
  chart: string;
  a: string;
  b: string;
  /** How far the two quads reach into each other, in CSS px. */
  depth: number;
}

/** Overlaps deeper than `tolerance` px between any two texts of the same chart. */
function labelOverlaps(page: Page, tolerance = 1): Promise<LabelOverlap[]> {
  return page.evaluate((slack) => {
    type Point = { x: number; y: number };
    const quadOf = (node: SVGGraphicsElement): Point[] => {
      const box = node.getBBox();
      const m = node.getScreenCTM()!;
      const map = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      return [map(box.x, box.y), map(box.x + box.width, box.y), map(box.x + box.width, box.y + box.height), map(box.x, box.y + box.height)];
    };
    /** Smallest overlap of the two quads' projections over every edge normal (negative: apart). */
    const depth = (p: Point[], q: Point[]): number => {
      let smallest = Number.POSITIVE_INFINITY;
      for (const quad of [p, q]) {
        for (let i = 0; i < quad.length; i += 1) {
          const a = quad[i];
          const b = quad[(i + 1) % quad.length];
          const length = Math.hypot(b.x - a.x, b.y - a.y);
          if (length === 0) continue;
          const axis = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
          const project = (points: Point[]) => points.map((point) => point.x * axis.x + point.y * axis.y);
          const pp = project(p);
          const qq = project(q);
          const overlap = Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq));
          smallest = Math.min(smallest, overlap);
        }
      }
      return smallest;
    };
    const found: { chart: string; a: string; b: string; depth: number }[] = [];
    document.querySelectorAll('figure.chart svg').forEach((svg) => {
      const chart = svg.closest('figure')!.getAttribute('data-chart') ?? '';
      const texts = Array.from(svg.querySelectorAll<SVGTextElement>('text')).filter(
        (node) => (node.textContent ?? '').trim() !== '' && node.getBBox().width > 0,
      );
      const quads = texts.map(quadOf);
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) {
          const reach = depth(quads[i], quads[j]);
          if (reach > slack)
            found.push({ chart, a: texts[i].textContent ?? '', b: texts[j].textContent ?? '', depth: Math.round(reach * 10) / 10 });
        }
      }
    });
    return found;
  }, tolerance);
}

let browser: Browser;
const pages: Record<string, string> = {};

beforeAll(async () => {
  const [launched, sample] = await Promise.all([launchBrowser(), sampleReport('auto')]);
  browser = launched;
  pages.sample = sample.html;
  // Small groups: three of five phases suppressed, so suppressed labels sit side by side.
  pages.suppressed = renderReport(cohortModel({ options: { minGroup: 2 } }).model);
  pages.hostile = renderReport(hostileModel().model);
});

afterAll(async () => {
  await browser?.close();
});

describe.each(['sample', 'suppressed', 'hostile'])('chart labels of the %s report', (name) => {
  it.each(WIDTHS)(
    'never overlap at %i px',
    async (width) => {
      const report = await openReport(browser, testOutputPath(`labels-${name}-${width}.html`), pages[name], { width, height: 900 });
      try {
        const charts = await report.page.locator('figure.chart svg').count();
        expect(charts).toBeGreaterThan(3);
        expect(await labelOverlaps(report.page)).toEqual([]);
        expect(report.pageErrors).toEqual([]);
      } finally {
        await report.page.close();
      }
    },
    60_000,
  );

  it('never overlap on paper', async () => {
    const report = await openReport(browser, testOutputPath(`labels-${name}-print.html`), pages[name], { width: 1280, height: 900 });
    try {
      await report.page.emulateMedia({ media: 'print' });
      // What the page does just before printing: lay the charts out for the paper's width.
      await report.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await report.page.locator('figure.chart svg.paper').count()).toBeGreaterThan(3);
      expect(await labelOverlaps(report.page)).toEqual([]);
    } finally {
      await report.page.close();
    }
  }, 60_000);
});
