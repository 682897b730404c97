// Entry of the report's chart script: reads the figures embedded in the page and draws every
// chart at its figure's width, again when the width changes (phone rotation, print). Text reaches
// the page only through textContent; nothing is fetched.

import type { ChartData } from '../chart-data.js';
import { drawCharts } from './charts.js';
import { d3 } from './d3.js';

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
  document.querySelectorAll('details').forEach((details) => details.addEventListener('toggle', markOverflowingTables));
  const source = document.getElementById('report-data');
  if (!source || typeof d3 === 'undefined') return;
  const data = JSON.parse(source.textContent ?? '{}') as ChartData;
  drawCharts(document, data);
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
