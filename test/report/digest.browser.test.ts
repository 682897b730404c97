// A student's page in real Chromium: loads with no errors, no requests and no CSP violation,
// hostile feedback stays inert, highlights show, and it prints on a few A4 pages.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/index.js';
import { renderDigest } from '../../src/report/digest.js';
import { launchBrowser, openReport, testOutputPath } from '../helpers/browser.js';
import { classifiedItem } from '../fixtures/analyse/build.js';
import { HOSTILE_TEXTS } from '../fixtures/report/models.js';
import { lexicalAnalysisInput } from '../helpers/analysis-input.js';

let browser: Browser;
const STUDENT_PAGES = { generatedAt: '2026-06-01T09:00:00.000Z', digests: true };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function hostilePage(): string {
  const themes = ['delivery', 'examples', 'competition', 'motivation', 'application'];
  const classified = HOSTILE_TEXTS.map((text, index) =>
    classifiedItem({
      id: `h${index}`,
      candidate: 'same-student',
      stage: index % 2 === 0 ? 'Interview </style><script>window.__pwned = 10</script>' : 'CV <sift>',
      date: `2026-0${1 + index}-10`,
      // An employer of one unbroken string (a pasted URL, a spreadsheet's garbage) must wrap, not widen the page.
      employer: index === 1 ? `https://example.org/${'x'.repeat(300)}` : null,
      themes: [themes[index], 'delivery'],
      text,
      line: index + 2,
    }),
  );
  const model = analyse(lexicalAnalysisInput(classified, STUDENT_PAGES));
  expect(model.digests).toHaveLength(1);
  return renderDigest(model.digests![0], model);
}

describe('a candidate page in Chromium', () => {
  it('opens offline with no errors or requests, and hostile text stays text', async () => {
    const opened = await openReport(browser, testOutputPath('candidate-page.html'), hostilePage(), { width: 390, height: 844 });
    try {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
      const facts = await opened.page.evaluate(() => ({
        pwned: Object.keys(window).filter((key) => key.startsWith('__pwned')),
        scripts: document.scripts.length,
        iframes: document.querySelectorAll('iframe, img, svg').length,
        marks: document.querySelectorAll('blockquote mark').length,
        rows: document.querySelectorAll('tbody tr').length,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // Nothing drawn past the screen's edge, and no table scrolling sideways out of sight.
        widest: Math.max(...[...document.body.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right)),
        hiddenScroll: [...document.querySelectorAll('.table-wrap')].filter((wrap) => wrap.scrollWidth > wrap.clientWidth).length,
        stageLabelShown: getComputedStyle(document.querySelector('td[data-label="Stage"]')!, '::before').content,
      }));
      expect(facts).toMatchObject({
        pwned: [],
        scripts: 0,
        iframes: 0,
        rows: 5,
        overflow: 0,
        hiddenScroll: 0,
        stageLabelShown: '"Stage: "',
      });
      expect(facts.widest).toBeLessThanOrEqual(390);
      expect(facts.marks).toBeGreaterThan(0);
      await opened.page.screenshot({ path: testOutputPath('candidate-page-390.png'), fullPage: true });
    } finally {
      await opened.page.close();
    }
  });

  it('fits a desktop window too, whatever one unbroken value holds', async () => {
    const opened = await openReport(browser, testOutputPath('candidate-page-wide.html'), hostilePage(), { width: 1280, height: 800 });
    try {
      const overflow = await opened.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    } finally {
      await opened.page.close();
    }
  });

  it('prints on A4 in a few pages, with highlights kept', async () => {
    const opened = await openReport(browser, testOutputPath('candidate-page-print.html'), hostilePage());
    try {
      await opened.page.emulateMedia({ media: 'print' });
      const background = await opened.page.evaluate(() => getComputedStyle(document.querySelector('blockquote mark')!).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      const pdf = await opened.page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(4);
    } finally {
      await opened.page.close();
    }
  });

  it('never splits an ordinary word in the timeline to make room, on paper or on a desktop', async () => {
    const classified = [
      ['Application', 'application', '2026-02-05'],
      ['Application', 'conduct', '2026-02-20'],
    ].map(([stage, theme, date], index) =>
      classifiedItem({
        id: `w${index}`,
        candidate: 'wrap-student',
        stage,
        date,
        employer: index === 0 ? 'Hartwell Ltd' : 'Brightwave',
        role: 'Analyst',
        themes: [theme!, 'delivery'],
        line: index + 2,
      }),
    );
    const model = analyse(lexicalAnalysisInput(classified, STUDENT_PAGES));
    const page = renderDigest(model.digests![0]!, model);
    // A4 less its margins is about 680 CSS pixels wide.
    for (const [width, media] of [
      [680, 'print'],
      [1280, 'screen'],
    ] as const) {
      const opened = await openReport(browser, testOutputPath(`candidate-page-words-${media}.html`), page, { width, height: 900 });
      try {
        await opened.page.emulateMedia({ media });
        const lines = await opened.page.evaluate(() =>
          [...document.querySelectorAll('td[data-label="Role"]')].map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          }),
        );
        expect(lines, media).toEqual([1, 1]);
      } finally {
        await opened.page.close();
      }
    }
  });
});
