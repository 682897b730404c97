// The sample report on a phone (390 px) and a desktop (1280 px): no sideways page scroll, chart
// text at 11 CSS px or more, no label cut or outside its chart, and zero axe-core violations
// (WCAG 2.2 A/AA), the fallback banner included. axe-core comes from npm and is evaluated in the
// page under test.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openReport, testOutputPath } from '../helpers/browser.js';
import { sampleReport, type SampleReport } from '../helpers/sample-report.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [390, 1280];

let browser: Browser;
let sample: SampleReport;

beforeAll(async () => {
  [browser, sample] = await Promise.all([launchBrowser(), sampleReport('auto')]);
});

afterAll(async () => {
  await browser?.close();
});

interface ChartText {
  chart: string;
  text: string;
  size: number;
  inside: boolean;
}

/** Every text in every chart: its rendered size in CSS px and whether it lies within its SVG. */
async function chartTexts(page: Page): Promise<ChartText[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('figure.chart svg text')).map((node) => {
      const text = node as SVGTextElement;
      const svg = text.ownerSVGElement!;
      const box = svg.getBoundingClientRect();
      const own = text.getBoundingClientRect();
      const scale = svg.getScreenCTM()!.a;
      return {
        chart: svg.closest('figure')!.getAttribute('data-chart')!,
        text: text.textContent ?? '',
        size: parseFloat(getComputedStyle(text).fontSize) * scale,
        inside: own.left >= box.left - 0.5 && own.right <= box.right + 0.5 && own.top >= box.top - 0.5 && own.bottom <= box.bottom + 0.5,
      };
    }),
  );
}

async function axeViolations(page: Page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: unknown,
          ) => Promise<{ passes: { id: string }[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return {
      passed: result.passes.map((rule) => rule.id),
      violations: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      })),
    };
  });
}

describe('the sample report file', () => {
  it('weighs at most 300 KB: only the D3 modules the charts use, minified', () => {
    const bytes = Buffer.byteLength(sample.html, 'utf8');
    console.log(`sample report: ${Math.round(bytes / 1024)} KB`);
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
  });

  it('quotes different words in each theme card', () => {
    const cards = sample.html.split('<article class="theme-card"').slice(1);
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) {
      const quotes = [...card.split('</article>')[0].matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((match) =>
        match[1]
          .replace(/<[^>]*>/g, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim(),
      );
      expect(new Set(quotes).size, card.slice(0, 120)).toBe(quotes.length);
    }
  });
});

// Findings first: how far down "Key findings" starts with the fallback banner shown, at the
// screen sizes advisers use (the phone's limit is 1.25 screens).
describe.each([
  { width: 1280, height: 900, limit: 900 },
  { width: 390, height: 844, limit: 1055 },
])('the sample report at $width×$height', ({ width, height, limit }) => {
  it(`starts "Key findings" at most ${limit} px down, and keeps run details for the end`, async () => {
    const report = await openReport(browser, testOutputPath(`sample-top-${width}.html`), sample.html, { width, height });
    try {
      const place = await report.page.evaluate(() => {
        const top = (selector: string) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top + window.scrollY);
        return { findings: top('#findings-title'), banner: top('.banner'), about: top('#about'), data: top('#data-quality') };
      });
      console.log(`${width}×${height}: Key findings at ${place.findings} px`);
      expect(place.banner).toBeLessThan(place.findings);
      expect(place.findings).toBeLessThanOrEqual(limit);
      expect(place.about).toBeGreaterThan(place.data);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, without hidden elements
      const top = await report.page.evaluate(() => document.body.innerText.slice(0, document.body.innerText.indexOf('Key findings')));
      // No run jargon above the findings: the engine, thresholds and run ids are in "About this run".
      expect(top).not.toMatch(/hybrid|thresholds|Xenova|run 20\d\d-|cache|delimiter/i);
    } finally {
      await report.page.close();
    }
  }, 60_000);
});

describe.each(WIDTHS)('the sample report at %i px', (width) => {
  it('has no sideways page scroll, readable chart text, no cut labels, zero axe violations', async () => {
    const report = await openReport(browser, testOutputPath(`sample-${width}.html`), sample.html, { width, height: 900 });
    try {
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
      const page = report.page;
      expect(await page.locator('.banner').count()).toBe(1);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // Every table sits in a box that scrolls on its own.
        unboxedTables: Array.from(document.querySelectorAll('table')).filter(
          (table) => !table.parentElement!.classList.contains('table-scroll'),
        ).length,
        tables: document.querySelectorAll('table').length,
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.tables).toBeGreaterThan(5);
      expect(layout.unboxedTables).toBe(0);

      const texts = await chartTexts(page);
      expect(new Set(texts.map((text) => text.chart))).toEqual(
        new Set(['prevalence', 'stages', 'over-time', 'recurrence', 'cooccurrence', 'cohorts']),
      );
      expect(texts.filter((text) => text.size < 11)).toEqual([]);
      expect(texts.filter((text) => text.text.includes('…'))).toEqual([]);
      expect(texts.filter((text) => !text.inside)).toEqual([]);
      // Every theme's full name is in the prevalence chart, whatever the wrapping.
      const themeLabels = await page.evaluate(() =>
        Array.from(document.querySelectorAll('figure[data-chart="prevalence"] .row-label')).map((node) =>
          Array.from(node.querySelectorAll('tspan'))
            .map((line) => line.textContent)
            .join(' '),
        ),
      );
      const themes = (sample.summary.themes as { label: string }[]).map((theme) => theme.label);
      expect([...themeLabels].sort()).toEqual([...themes].sort());

      // A table wider than its box shows the written cue; the rest do not.
      const cues = await page.evaluate(() => {
        document.querySelectorAll('details').forEach((details) => {
          details.open = true;
        });
        return new Promise<{ overflowing: number; cued: number }>((resolve) =>
          setTimeout(() => {
            const boxes = Array.from(document.querySelectorAll<HTMLElement>('.table-scroll'));
            const overflowing = boxes.filter((box) => box.scrollWidth > box.clientWidth + 1);
            const cued = boxes.filter((box) => !(box.previousElementSibling as HTMLElement).hidden);
            resolve({ overflowing: overflowing.length, cued: cued.length });
          }, 100),
        );
      });
      expect(cues.cued).toBe(cues.overflowing);
      if (width === 390) expect(cues.overflowing).toBeGreaterThan(0);

      await page.screenshot({ path: testOutputPath(`sample-${width}.png`), fullPage: true });
      const axe = await axeViolations(page);
      expect(axe.violations).toEqual([]);
      // Not vacuous: the rules that matter here ran and passed.
      expect(axe.passed).toEqual(
        expect.arrayContaining(['color-contrast', 'scrollable-region-focusable', 'select-name', 'role-img-alt', 'target-size']),
      );
    } finally {
      await report.page.close();
    }
  }, 120_000);
});
