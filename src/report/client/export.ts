// "Save as SVG / PNG" for every chart, for an adviser's slides. The chart is drawn afresh at a
// slide's width off screen (from the same figures, so suppressed groups stay suppressed), its
// styles are written onto each element (the file has no stylesheet), and a heading with the
// chart's title and the data's date range is added. Files are made in the page (blob and data
// URLs): nothing is fetched or sent.

import type { ChartData } from '../chart-data.js';
import { drawCharts } from './charts.js';
import { textWidth, wrapText } from './measure.js';
import { setPaper } from './svg.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Wide enough for a slide, narrow enough for the charts' wide layouts. */
export const EXPORT_WIDTH = 960;
/** PNG pixels per SVG unit: sharp on a projector. */
export const PNG_SCALE = 2;
const STYLES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'opacity',
] as const;
const TITLE_SIZE = 20;
const NOTE_SIZE = 13;

export interface SavedChart {
  name: string;
  svg: string;
  width: number;
  height: number;
}

/** "how-often-each-theme-comes-up_2026-01-05_to_2026-10-30" */
export function exportName(title: string, range: ChartData['dateRange']): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return range ? `${slug || 'chart'}_${range.from}_to_${range.to}` : slug || 'chart';
}

function rangeText(range: ChartData['dateRange']): string {
  return range ? `Feedback dated ${range.from} to ${range.to}` : 'Feedback with no dates';
}

/** Copies the computed presentation of each drawn element onto its clone, as presentation
 * attributes (the page's CSP forbids style attributes; the saved file has no stylesheet). */
function inlineStyles(drawn: SVGSVGElement, copy: SVGSVGElement): void {
  const from = drawn.querySelectorAll('*');
  const to = copy.querySelectorAll('*');
  from.forEach((node, index) => {
    const computed = getComputedStyle(node);
    const target = to[index];
    for (const property of STYLES) target.setAttribute(property, computed.getPropertyValue(property));
  });
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The chart named `chart` as a standalone SVG document, or null when it has nothing to draw. */
export function chartSvg(chart: string, data: ChartData, title: string, note: string): SavedChart | null {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:absolute;left:-20000px;top:0;width:${EXPORT_WIDTH}px;visibility:hidden`;
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.chart = chart;
  host.append(figure);
  document.body.append(host);
  try {
    drawCharts(host, data, EXPORT_WIDTH, false);
    const drawn = figure.querySelector('svg');
    if (!drawn) return null;
    const copy = drawn.cloneNode(true) as SVGSVGElement;
    inlineStyles(drawn, copy);
    const family = getComputedStyle(drawn).fontFamily;
    const [, , width, chartHeight] = (drawn.getAttribute('viewBox') ?? `0 0 ${EXPORT_WIDTH} 100`).split(' ').map(Number);
    const margin = 16;
    const titleLines = wrapText(title, width - 2 * margin, TITLE_SIZE, 700);
    const lines = [
      ...titleLines.map((text) => ({ text, size: TITLE_SIZE, weight: 700 })),
      { text: `${rangeText(data.dateRange)}${note ? ` · ${note}` : ''}`, size: NOTE_SIZE, weight: 400 },
    ];
    const svg = svgElement('svg', { xmlns: SVG_NS, width, viewBox: `0 0 ${width} 0` });
    const label = svgElement('title', {});
    label.textContent = `${title}. ${lines[lines.length - 1].text}`;
    svg.append(label, svgElement('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: '#ffffff' }));
    let y = margin;
    for (const line of lines) {
      y += line.size * 1.25;
      const text = svgElement('text', {
        x: margin,
        y,
        'font-family': family,
        'font-size': line.size,
        'font-weight': line.weight,
        fill: line.weight === 700 ? '#1f2328' : '#57606a',
      });
      text.textContent = line.text;
      // A line wider than the chart (one very long word) would be cut: shrink it to fit instead.
      if (textWidth(line.text, line.size, line.weight) > width - 2 * margin) text.setAttribute('textLength', String(width - 2 * margin));
      svg.append(text);
    }
    y += 12;
    copy.removeAttribute('aria-hidden');
    copy.removeAttribute('focusable');
    copy.removeAttribute('class');
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(chartHeight));
    svg.append(copy);
    const height = Math.ceil(y + chartHeight + margin);
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    return { name: exportName(title, data.dateRange), svg: new XMLSerializer().serializeToString(svg), width, height };
  } finally {
    host.remove();
    // Back to the type of the medium the page is shown on.
    setPaper(window.matchMedia('print').matches);
  }
}

function download(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function savePng(saved: SavedChart): Promise<void> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(saved.svg)}`;
  return image.decode().then(
    () =>
      new Promise<void>((resolve, reject) => {
        const canvas = document.createElement('canvas');
        canvas.width = saved.width * PNG_SCALE;
        canvas.height = saved.height * PNG_SCALE;
        const context = canvas.getContext('2d');
        if (!context) return reject(new Error('This browser cannot draw a PNG.'));
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob((blob) => {
          if (!blob) return reject(new Error('This browser cannot draw a PNG.'));
          download(blob, `${saved.name}.png`);
          resolve();
        }, 'image/png');
      }),
  );
}

/** "Only Evening, Interview" when the filters narrow the page, so a saved chart says so. */
function focusNote(): string {
  const chosen = Array.from(document.querySelectorAll<HTMLSelectElement>('#filters select'))
    .filter((select) => select.value !== '')
    .map((select) => (select.selectedOptions[0]?.textContent ?? '').replace(/ \([\d,]+\)$/, ''));
  return chosen.length > 0 ? `Only ${chosen.join(', ')}` : '';
}

/** One listener for every export button, including those the filters render later. */
export function setUpExports(current: () => ChartData): void {
  document.documentElement.classList.add('can-export');
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-export]');
    if (!button) return;
    const figure = button.closest('.chart-section')?.querySelector<HTMLElement>('figure.chart');
    const chart = figure?.dataset.chart;
    if (!figure || !chart) return;
    const title = figure.closest('section')?.querySelector('h2')?.textContent?.trim() ?? chart;
    const saved = chartSvg(chart, current(), title, focusNote());
    if (!saved) return;
    if (button.dataset.export === 'svg') download(new Blob([saved.svg], { type: 'image/svg+xml' }), `${saved.name}.svg`);
    else void savePng(saved);
  });
}
