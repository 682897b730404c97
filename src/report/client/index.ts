// Entry of the report's chart script: reads the figures embedded in the page and draws every
// chart at its figure's width, again when the width changes (phone rotation, print). Text reaches
// the page only through textContent; nothing is fetched.

import type { ChartData } from '../chart-data.js';
import type { FilterData } from '../filter-data.js';
import { drawCharts } from './charts.js';
import { setUpComparison } from './compare.js';
import { setUpExports } from './export.js';
import { setUpFilters } from './filters.js';

/** Shows the "scroll sideways" cue above each table box whose table is wider than the box. */
function markOverflowingTables(): void {
  document.querySelectorAll<HTMLElement>('.table-scroll').forEach((box) => {
    const cue = box.previousElementSibling;
    if (cue instanceof HTMLElement && cue.classList.contains('scroll-cue')) cue.hidden = box.scrollWidth <= box.clientWidth + 1;
  });
}

/** Content width of an A4 page with the print stylesheet's margins, in CSS px (186 mm). */
const PAPER_WIDTH = 700;

function start(): void {
  markOverflowingTables();
  // Toggle events do not bubble, but they can be caught on the way down: one listener for every
  // data table, including those the filters render later.
  document.addEventListener('toggle', markOverflowingTables, true);
  const source = document.getElementById('report-data');
  if (!source) return;
  let data = JSON.parse(source.textContent ?? '{}') as ChartData;
  drawCharts(document, data);
  setUpExports(() => data);
  const filters = document.getElementById('report-filters');
  if (filters) {
    const initial = data;
    const facts = JSON.parse(filters.textContent ?? '{}') as FilterData;
    setUpComparison(facts, markOverflowingTables);
    setUpFilters(
      facts,
      (chart) => {
        data = chart;
        drawCharts(document, data);
        markOverflowingTables();
      },
      initial,
    );
  }
  let lastWidth = document.documentElement.clientWidth;
  let pending = 0;
  const redraw = () => {
    pending = 0;
    lastWidth = document.documentElement.clientWidth;
    drawCharts(document, data);
    markOverflowingTables();
  };
  window.addEventListener('resize', () => {
    if (document.documentElement.clientWidth === lastWidth || pending) return;
    pending = window.setTimeout(redraw, 120);
  });
  // Paper is narrower than most screens: lay the charts out for it, and back after printing.
  window.addEventListener('beforeprint', () => drawCharts(document, data, PAPER_WIDTH));
  window.addEventListener('afterprint', () => drawCharts(document, data));
  window.matchMedia('print').addEventListener('change', () => drawCharts(document, data));
}

start();
