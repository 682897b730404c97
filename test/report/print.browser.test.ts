// The sample report on A4: printed to PDF by Chromium, its pages counted and read back as text
// (poppler's pdfinfo / pdftotext) to check that no page ends with a heading.

import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openReport, testOutputPath } from '../helpers/browser.js';
import { sampleReport, type SampleReport } from '../helpers/sample-report.js';

let browser: Browser;
let sample: SampleReport;

beforeAll(async () => {
  [browser, sample] = await Promise.all([launchBrowser(), sampleReport('auto')]);
});

afterAll(async () => {
  await browser?.close();
});

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

function pageText(file: string, page: number): string[] {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('the sample report on A4', () => {
  it('prints on 13 pages or fewer, nothing off the page, headings never last on a page, every section and theme card kept', async () => {
    const report = await openReport(browser, testOutputPath('sample-print.html'), sample.html);
    try {
      await report.page.emulateMedia({ media: 'print' });
      const expected = await report.page.evaluate(() => ({
        headings: Array.from(document.querySelectorAll('main h2, main h3')).map((node) => (node.textContent ?? '').trim()),
        cards: Array.from(document.querySelectorAll('.theme-card h3')).map((node) => (node.textContent ?? '').trim()),
        leads: Array.from(document.querySelectorAll('.chart-lead')).map((node) => getComputedStyle(node).breakInside),
        toc: getComputedStyle(document.querySelector('.toc')!).display,
        // Data tables print open: their figures are part of the paper report. The co-occurrence
        // table alone is left out, because its matrix prints every pair's count.
        hiddenTables: Array.from(document.querySelectorAll('.data-table table'))
          .filter((table) => (table as HTMLElement).offsetHeight === 0)
          .map((table) => table.closest('section')!.id),
        pairs: document.querySelectorAll('#cooccurrence .data-table tbody tr').length,
        pairCells: Array.from(document.querySelectorAll('figure[data-chart="cooccurrence"] rect.cell[data-pair]')).length,
      }));
      // Nothing runs off the paper: a table wider than its column is cut at the page's edge (the
      // side-by-side table's "Too few to tell" prints its explanation after it).
      const tooWide = await report.page.evaluate(() =>
        Array.from(document.querySelectorAll('table'))
          .filter((table) => table.offsetHeight > 0 && table.scrollWidth > (table.parentElement?.clientWidth ?? 0) + 1)
          .map((table) => table.className || table.closest('section')?.id),
      );
      expect(tooWide).toEqual([]);
      expect(expected.toc).toBe('none');
      expect(new Set(expected.leads)).toEqual(new Set(['avoid']));
      expect(expected.hiddenTables).toEqual(['cooccurrence']);
      expect(expected.pairCells).toBe(expected.pairs);
      expect(expected.cards.length).toBeGreaterThan(5);

      const file = testOutputPath('sample.pdf');
      await report.page.pdf({ path: file, format: 'A4' });
      const pages = pdfPages(file);
      console.log(`sample report: ${pages} A4 pages`);
      expect(pages).toBeGreaterThan(1);
      // 13 at full size: the 11 before were printed shrunk to 90%, as the side-by-side table ran off the page.
      expect(pages).toBeLessThanOrEqual(13);

      const printed = Array.from({ length: pages }, (_, index) => pageText(file, index + 1));
      const all = printed.flat().join('\n');
      for (const heading of expected.headings) expect(all, heading).toContain(heading);
      for (let index = 0; index < pages - 1; index += 1) {
        // A heading on either of a page's last two lines is stranded: what it heads starts overleaf.
        for (const line of printed[index].slice(-2)) expect(expected.headings, `page ${index + 1} ends with "${line}"`).not.toContain(line);
      }
      // No word or number broken inside a table ("Ite m s", "14 5"): printed again without the
      // charts (whose turned labels a PDF's text does not keep in reading order), every word of a
      // printed table is in the PDF's text as often as the page shows it.
      const shown = await report.page.evaluate(() => {
        document.querySelectorAll<HTMLElement>('figure.chart').forEach((figure) => {
          figure.style.display = 'none';
        });
        return {
          tables: Array.from(document.querySelectorAll<HTMLElement>('table'))
            .filter((table) => table.offsetHeight > 0)
            // biome-ignore lint/performance/useDomNodeTextContent: the printed text is what layout shows
            .map((table) => table.innerText)
            .join('\n'),
          // biome-ignore lint/performance/useDomNodeTextContent: the printed text is what layout shows
          page: document.body.innerText,
        };
      });
      const textOnly = testOutputPath('sample-text-only.pdf');
      await report.page.pdf({ path: textOnly, format: 'A4' });
      const pdfText = execFileSync('pdftotext', ['-layout', textOnly, '-'], { encoding: 'utf8' });
      const words = (text: string) => text.split(/[^\p{L}\p{N}%]+/u).filter((word) => word.length > 1);
      const count = (text: string) => {
        const counts = new Map<string, number>();
        for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
        return counts;
      };
      const inPdf = count(pdfText);
      const onPage = count(shown.page);
      const broken = [...new Set(words(shown.tables))].filter((word) => (inPdf.get(word) ?? 0) < (onPage.get(word) ?? 0));
      expect(words(shown.tables).length).toBeGreaterThan(100);
      expect(broken).toEqual([]);
      expect(report.pageErrors).toEqual([]);
    } finally {
      await report.page.close();
    }
  }, 120_000);
});
