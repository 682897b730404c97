// Building blocks shared by the charts: an SVG drawn at the figure's real width (one unit is one
// CSS pixel, so font sizes are what the reader sees), wrapped labels, legends and patterns.

import type { Selection } from 'd3-selection';
import type { ChartData } from '../chart-data.js';
import { d3 } from './d3.js';
import { textWidth, wrapText } from './measure.js';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type Group = Selection<SVGGElement, unknown, null, undefined>;
export type Figure = Selection<HTMLElement, unknown, null, undefined>;
export type Palette = ChartData['palette'];

/** Font sizes and bar sizes in CSS px; nothing in a chart is smaller than 11 px. Paper gets a
 * denser set (11 px is 8.25 pt); the stylesheet's `svg.paper` rules use the same sizes. */
const SCREEN = { label: 13, small: 12, cell: 12, bar: 16, gap: 10 };
const PAPER = { label: 11, small: 11, cell: 11, bar: 11, gap: 5 };
export const TEXT = { ...SCREEN };

export function setPaper(paper: boolean): void {
  Object.assign(TEXT, paper ? PAPER : SCREEN);
}

export function isPaper(): boolean {
  return TEXT.bar === PAPER.bar;
}
export const LINE_HEIGHT = 1.25;
/** Below this width charts switch to their narrow layouts (labels above bars, fewer columns). */
export const NARROW = 560;

export const SYMBOLS = () => [d3.symbolCircle, d3.symbolSquare, d3.symbolTriangle, d3.symbolDiamond, d3.symbolCross];

export function figureWidth(figure: Figure): number {
  const node = figure.node();
  return Math.max(260, Math.floor(node?.clientWidth ?? 640));
}

export function newSvg(figure: Figure, width: number, height: number): Svg {
  figure.selectAll('svg, .chart-empty').remove();
  return figure
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', '100%')
    .attr('preserveAspectRatio', 'xMinYMin meet')
    .attr('aria-hidden', 'true')
    .attr('focusable', 'false')
    .classed('paper', isPaper());
}

export function setHeight(svg: Svg, width: number, height: number): void {
  svg.attr('viewBox', `0 0 ${width} ${Math.ceil(height)}`);
}

export function empty(figure: Figure, message: string): void {
  figure.selectAll('svg, .chart-empty').remove();
  figure.append('p').attr('class', 'chart-empty').text(message);
}

/** Multi-line text: each line a tspan. `anchor` applies to every line; `middle` centres the block on y. */
export function labelLines(
  parent: Group | Svg,
  lines: string[],
  options: { x: number; y: number; size: number; anchor?: 'start' | 'middle' | 'end'; className: string; valign?: 'top' | 'middle' },
) {
  const step = options.size * LINE_HEIGHT;
  const top = options.valign === 'top' ? options.y + options.size : options.y - ((lines.length - 1) * step) / 2 + options.size * 0.35;
  const text = parent
    .append('text')
    .attr('class', options.className)
    .attr('x', options.x)
    .attr('y', top)
    .attr('text-anchor', options.anchor ?? 'start');
  lines.forEach((line, index) => {
    text
      .append('tspan')
      .attr('x', options.x)
      .attr('dy', index === 0 ? 0 : step)
      .text(line);
  });
  return text;
}

export function linesHeight(lines: number, size: number): number {
  return lines * size * LINE_HEIGHT;
}

export function wrapped(text: string, width: number, size: number): string[] {
  return wrapText(text, width, size);
}

export function hatchPattern(svg: Svg, id: string, colour: string): void {
  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', id)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#ffffff');
  pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', colour).attr('stroke-width', 3);
}

/** Legend entries laid out left to right, wrapping onto new rows; returns the height used. */
export function swatchLegend(svg: Svg, width: number, entries: { label: string; draw: (group: Group) => void }[], top = 0): number {
  const legend = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(0,${top + 2})`);
  let x = 0;
  let y = 0;
  const size = TEXT.small;
  const rowHeight = size + 8;
  for (const entry of entries) {
    const lines = wrapText(entry.label, width - 24, size);
    const entryWidth = 24 + Math.max(...lines.map((line) => textWidth(line, size))) + 18;
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const group = legend.append('g').attr('transform', `translate(${x},${y})`);
    entry.draw(group);
    labelLines(group, lines, { x: 20, y: 0, size, className: 'legend-label', valign: 'top' });
    y += (lines.length - 1) * size * LINE_HEIGHT;
    x += entryWidth;
  }
  return y + rowHeight + 2;
}

/** Single-hue sequential blues: ordered by lightness, so readable without colour vision. */
export function heatColour(max: number): (value: number) => string {
  return (value) => d3.interpolateBlues(0.08 + 0.87 * (value / (max || 1)));
}
