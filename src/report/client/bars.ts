// Horizontal bars with the value printed beside each bar. Wide: labels in a column on the left,
// wrapped onto two lines. Narrow: each label on its own line above its bar, full width.

import { d3 } from './d3.js';
import { longestWord, textWidth } from './measure.js';
import {
  hatchPattern,
  labelLines,
  linesHeight,
  NARROW,
  newSvg,
  setHeight,
  swatchLegend,
  TEXT,
  wrapped,
  type Figure,
  type Palette,
} from './svg.js';

export interface BarRow {
  id: string;
  label: string;
  value: number;
  /** Printed beside the bar. */
  valueLabel: string;
  /** Hatched instead of solid when false. */
  actionable: boolean;
}

export interface BarOptions {
  name: string;
  palette: Palette;
  tickFormat: (value: number) => string;
  integer?: boolean;
  /** Draw the solid / hatched key (themes in and outside the candidate's control). */
  actionLegend: boolean;
}

export interface BarGroup {
  title: string;
  /** Shown instead of bars when the group is suppressed. */
  note?: string;
  rows: BarRow[];
}

export function horizontalBars(figure: Figure, width: number, rows: BarRow[], options: BarOptions): void {
  groupedBars(figure, width, [{ title: '', rows }], options);
}

/** Bars in titled groups (small multiples when a grid is too wide for the screen); one scale. */
export function groupedBars(figure: Figure, width: number, groups: BarGroup[], options: BarOptions): void {
  const BAR = TEXT.bar;
  const GAP = TEXT.gap;
  const P = options.palette;
  const narrow = width < NARROW;
  const svg = newSvg(figure, width, 100);
  const hatchId = `${options.name}-hatch`;
  hatchPattern(svg, hatchId, P.notActionable);
  const fill = (row: BarRow) => (row.actionable ? P.actionable : `url(#${hatchId})`);
  let top = 0;
  if (options.actionLegend) {
    top =
      swatchLegend(svg, width, [
        {
          label: 'Within the candidate’s control',
          draw: (g) =>
            void g.append('rect').attr('width', 14).attr('height', 14).attr('fill', P.actionable).attr('stroke', P.notActionable),
        },
        {
          label: 'Outside their control',
          draw: (g) =>
            void g.append('rect').attr('width', 14).attr('height', 14).attr('fill', `url(#${hatchId})`).attr('stroke', P.notActionable),
        },
      ]) + 8;
  }
  const rows = groups.flatMap((group) => group.rows);
  const size = TEXT.label;
  const valueSize = TEXT.small;
  const valueRoom = Math.ceil(Math.max(0, ...rows.map((row) => textWidth(row.valueLabel, valueSize)))) + 8;
  // Wide: a label column as wide as the longest word needs, at most 40% of the chart.
  const labelWidth = narrow
    ? width
    : Math.min(Math.round(width * 0.4), Math.max(120, Math.ceil(Math.max(0, ...rows.map((row) => longestWord(row.label, size)))) + 4, 200));
  // Narrow: a little room on the left for the axis's first tick label, centred on zero.
  const barLeft = narrow ? Math.ceil(textWidth(options.tickFormat(0), TEXT.small) / 2) + 1 : labelWidth + 10;
  const barSpace = Math.max(40, width - barLeft - valueRoom);
  const max = d3.max(rows, (row) => row.value) || 1;
  const x = d3.scaleLinear().domain([0, max]).range([0, barSpace]);
  const axisHeight = 28;
  const axis = svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${barLeft},${top + axisHeight - 4})`);
  axis.call(
    d3
      .axisTop(x)
      .ticks(options.integer ? Math.min(narrow ? 3 : 5, max) : narrow ? 3 : 5)
      .tickFormat((value) => options.tickFormat(Number(value)))
      .tickSizeOuter(0),
  );
  let y = top + axisHeight + 4;
  for (const group of groups) {
    if (group.title !== '') {
      const lines = wrapped(group.title, width, size);
      labelLines(svg, lines, { x: 0, y: y + 4, size, className: 'group-title', valign: 'top' });
      y += linesHeight(lines.length, size) + 10;
    }
    if (group.note !== undefined) {
      const lines = wrapped(group.note, width - barLeft, TEXT.small);
      labelLines(svg, lines, { x: barLeft, y, size: TEXT.small, className: 'suppressed-label', valign: 'top' });
      y += linesHeight(lines.length, TEXT.small) + GAP;
    }
    for (const row of group.rows) {
      const lines = wrapped(row.label, narrow ? width - barLeft : labelWidth, size);
      const parent = svg.append('g').attr('class', 'row');
      let barTop: number;
      if (narrow) {
        labelLines(parent, lines, { x: barLeft, y, size, className: 'row-label', valign: 'top' });
        barTop = y + linesHeight(lines.length, size) + 2;
        y = barTop + BAR + GAP + 4;
      } else {
        const rowHeight = Math.max(BAR, linesHeight(lines.length, size));
        barTop = y + (rowHeight - BAR) / 2;
        labelLines(parent, lines, { x: labelWidth, y: y + rowHeight / 2, size, anchor: 'end', className: 'row-label' });
        y += rowHeight + GAP;
      }
      const length = Math.max(0, x(row.value));
      parent
        .append('rect')
        .attr('class', 'bar')
        .attr('data-theme', row.id)
        .attr('x', barLeft)
        .attr('y', barTop)
        .attr('height', BAR)
        .attr('width', length)
        .attr('fill', fill(row))
        .attr('stroke', row.actionable ? P.actionable : P.notActionable);
      parent
        .append('text')
        .attr('class', 'value-label')
        .attr('x', barLeft + length + 6)
        .attr('y', barTop + BAR / 2)
        .attr('dy', '0.35em')
        .text(row.valueLabel);
    }
  }
  setHeight(svg, width, y);
}
