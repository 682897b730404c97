// Share of items by month for the most common themes: one line and marker shape per theme, a
// legend that wraps, and month ticks thinned so they never overlap.

import { d3 } from './d3.js';
import { textWidth } from './measure.js';
import { isPaper, newSvg, setHeight, swatchLegend, SYMBOLS, TEXT, type Figure, type Palette } from './svg.js';

export interface Series {
  id: string;
  label: string;
}

export interface MonthPoint {
  key: string;
  suppressed: boolean;
  share: (id: string) => number;
}

export function lineChart(figure: Figure, width: number, months: MonthPoint[], series: Series[], palette: Palette): void {
  const svg = newSvg(figure, width, 100);
  const symbols = SYMBOLS();
  const legendHeight = swatchLegend(
    svg,
    width,
    series.map((entry, index) => ({
      label: entry.label,
      draw: (group) =>
        void group
          .append('path')
          .attr('transform', 'translate(7,7)')
          .attr('d', d3.symbol(symbols[index % symbols.length], 70)())
          .attr('fill', palette.series[index % palette.series.length]),
    })),
  );
  const margin = { top: legendHeight + 16, right: 16, bottom: 40, left: 44 };
  const plotHeight = isPaper() ? 170 : width < 480 ? 200 : 240;
  const height = margin.top + plotHeight + margin.bottom;
  const x = d3
    .scalePoint()
    .domain(months.map((month) => month.key))
    .range([margin.left, width - margin.right])
    .padding(0.4);
  let max = 0;
  for (const month of months) if (!month.suppressed) for (const entry of series) max = Math.max(max, month.share(entry.id));
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(0.05, max)])
    .nice()
    .range([height - margin.bottom, margin.top]);
  // Show every n-th month so labels keep a gap between them.
  const labelWidth = textWidth('2026-12', TEXT.small) + 10;
  const every = Math.max(1, Math.ceil((labelWidth * months.length) / Math.max(1, width - margin.left - margin.right)));
  const ticks = months.filter((_, index) => index % every === 0).map((month) => month.key);
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).tickValues(ticks).tickSizeOuter(0));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
  for (const month of months) {
    if (!month.suppressed) continue;
    svg
      .append('text')
      .attr('class', 'suppressed-label')
      .attr('transform', `translate(${x(month.key)!},${height - margin.bottom - 8}) rotate(-90)`)
      .text('suppressed');
  }
  series.forEach((entry, index) => {
    const colour = palette.series[index % palette.series.length];
    const points = months.map((month) => ({ key: month.key, value: month.suppressed ? null : month.share(entry.id) }));
    const line = d3
      .line<{ key: string; value: number | null }>()
      .defined((d) => d.value !== null)
      .x((d) => x(d.key)!)
      .y((d) => y(d.value ?? 0));
    svg
      .append('path')
      .attr('class', 'line')
      .attr('data-theme', entry.id)
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 2.5)
      .attr('d', line(points));
    svg
      .append('g')
      .selectAll('path')
      .data(points.filter((d) => d.value !== null))
      .join('path')
      .attr('class', 'point')
      .attr('data-theme', entry.id)
      .attr('transform', (d) => `translate(${x(d.key)},${y(d.value!)})`)
      .attr('d', d3.symbol(symbols[index % symbols.length], 64)())
      .attr('fill', colour)
      .attr('stroke', '#ffffff');
  });
  setHeight(svg, width, height);
}
