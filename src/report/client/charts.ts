// The report's six charts, each drawn from ChartData at its figure's current width.

import type { ChartData, ChartTheme } from '../chart-data.js';
import { own } from '../../own.js';
import { formatShare } from '../format.js';
import { groupedBars, horizontalBars, type BarRow } from './bars.js';
import { d3 } from './d3.js';
import { fitGrid, heatmap, type GridColumn, type GridRow } from './heatmap.js';
import { lineChart } from './lines.js';
import { empty, figureWidth, setPaper, type Figure } from './svg.js';

interface Group {
  items: number;
  themes: Record<string, number> | null;
}

function shareIn(group: Group, id: string): number {
  return group.themes && group.items > 0 ? (own(group.themes, id) ?? 0) / group.items : 0;
}

/** Heatmap cells are narrow: whole percentages, "<1%" for small non-zero shares. */
function cellShare(value: number): string {
  if (value <= 0) return '·';
  if (value < 0.005) return '<1%';
  return `${Math.round(value * 100)}%`;
}

function compactCount(value: number): string {
  return value >= 1000 ? d3.format('.2~s')(value) : String(value);
}

function themeBar(theme: ChartTheme, value: number, valueLabel: string): BarRow {
  return {
    id: theme.id,
    label: theme.label,
    value,
    actionable: theme.actionable,
    valueLabel: valueLabel + (theme.actionable ? '' : ' · outside control'),
  };
}

/** `width` overrides the figures' own widths (paper before printing, or a saved chart); `paper`
 * picks the denser type and bars of print. */
export function drawCharts(
  root: ParentNode,
  data: ChartData,
  width?: number,
  paper = width !== undefined || window.matchMedia('print').matches,
): void {
  setPaper(paper);
  const labelOf = new Map(data.themes.map((theme) => [theme.id, theme.label]));
  const label = (id: string) => labelOf.get(id) ?? id;
  const P = data.palette;
  const figureOf = (name: string): Figure | null => {
    const node = root.querySelector<HTMLElement>(`figure.chart[data-chart="${name}"]`);
    return node ? (d3.select(node) as unknown as Figure) : null;
  };
  const draw = (name: string, painter: (figure: Figure, width: number) => void) => {
    const figure = figureOf(name);
    if (figure) painter(figure, width ?? figureWidth(figure));
  };

  draw('prevalence', (figure, width) => {
    const rows = [...data.themes].sort((a, b) => b.items - a.items);
    if (rows.length === 0) return empty(figure, 'No themes in the taxonomy.');
    horizontalBars(
      figure,
      width,
      rows.map((theme) => themeBar(theme, theme.share, `${formatShare(theme.share)} (${theme.items})`)),
      {
        name: 'prevalence',
        palette: P,
        tickFormat: d3.format('.0%'),
        actionLegend: true,
      },
    );
  });

  draw('recurrence', (figure, width) => {
    const rows = data.themes.filter((theme) => theme.recurringCandidates > 0).sort((a, b) => b.recurringCandidates - a.recurringCandidates);
    if (rows.length === 0) return empty(figure, 'No candidate has the same theme in two or more rejections.');
    horizontalBars(
      figure,
      width,
      rows.map((theme) =>
        themeBar(theme, theme.recurringCandidates, `${theme.recurringCandidates} candidate${theme.recurringCandidates === 1 ? '' : 's'}`),
      ),
      { name: 'recurrence', palette: P, tickFormat: d3.format('d'), integer: true, actionLegend: true },
    );
  });

  const shareGrid = (figure: Figure, width: number, rows: (GridRow & Group)[], columnIds: string[]) => {
    const columns: GridColumn[] = columnIds.map((id) => ({ id, label: label(id) }));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const options = {
      palette: P,
      minGroup: data.minGroup,
      value: (row: GridRow, column: GridColumn) => shareIn(byKey.get(row.key)!, column.id),
      text: cellShare,
      cellData: (row: GridRow, column: GridColumn) => ({ row: row.key, theme: column.id }),
      transposable: true,
    };
    const fitted = fitGrid(width, rows, columns, true);
    if (fitted !== null) return heatmap(figure, width, fitted, { rows, columns }, options);
    // Too narrow even transposed: one small block of bars per row (small multiples).
    groupedBars(
      figure,
      width,
      rows.map((row) => ({
        title: row.label,
        note: row.suppressed ? `Suppressed: fewer than ${data.minGroup} candidates` : undefined,
        rows: row.suppressed
          ? []
          : columns.map((column) => {
              const share = shareIn(row, column.id);
              return { id: column.id, label: column.label, value: share, valueLabel: formatShare(share), actionable: true };
            }),
      })),
      { name: figure.attr('data-chart'), palette: P, tickFormat: d3.format('.0%'), actionLegend: false },
    );
    figure.selectAll('rect.bar').attr('class', 'bar cell');
  };

  draw('stages', (figure, width) => {
    const columns = data.themes.filter((theme) => theme.items > 0).map((theme) => theme.id);
    if (data.phases.length === 0 || columns.length === 0) return empty(figure, 'No themed items to place by stage.');
    shareGrid(
      figure,
      width,
      data.phases.map((phase) => ({ ...phase, key: phase.key, label: phase.label })),
      columns,
    );
  });

  draw('cohorts', (figure, width) => {
    if (data.cohorts.length === 0) return empty(figure, 'No cohort column in the data.');
    if (data.cohortThemes.length === 0) return empty(figure, 'No themed items to compare.');
    shareGrid(
      figure,
      width,
      data.cohorts.map((cohort) => ({
        key: cohort.key!,
        label: cohort.key!,
        suppressed: cohort.suppressed,
        items: cohort.items,
        themes: cohort.themes,
      })),
      data.cohortThemes,
    );
  });

  draw('over-time', (figure, width) => {
    if (data.months.length === 0 || data.trendThemes.length === 0) return empty(figure, 'No dated, themed feedback.');
    lineChart(
      figure,
      width,
      data.months.map((month) => ({ key: month.key!, suppressed: month.suppressed, share: (id: string) => shareIn(month, id) })),
      data.trendThemes.map((id) => ({ id, label: label(id) })),
      P,
    );
  });

  draw('cooccurrence', (figure, width) => {
    const pairs = data.cooccurrence;
    if (pairs.length === 0) return empty(figure, 'No two themes appear together in the same item.');
    const order = data.themes.map((theme) => theme.id);
    const involved = order.filter((id) => pairs.some((pair) => pair.a === id || pair.b === id));
    // Pairs are stored with a before b in taxonomy order: a is the column, b the row.
    const rows: GridRow[] = involved.slice(1).map((id) => ({ key: id, label: label(id), suppressed: false }));
    const columns: GridColumn[] = involved.slice(0, -1).map((id) => ({ id, label: label(id) }));
    const counts = new Map(pairs.map((pair) => [`${pair.a}+${pair.b}`, pair.items]));
    const fitted = fitGrid(width, rows, columns, false);
    if (fitted === null) {
      // Too narrow for the matrix: the pairs as a ranked list of bars instead.
      horizontalBars(
        figure,
        width,
        pairs.slice(0, 12).map((pair) => ({
          id: `${pair.a}+${pair.b}`,
          label: `${label(pair.a)} + ${label(pair.b)}`,
          value: pair.items,
          valueLabel: `${pair.items} item${pair.items === 1 ? '' : 's'}`,
          actionable: true,
        })),
        { name: 'cooccurrence', palette: P, tickFormat: d3.format('d'), integer: true, actionLegend: false },
      );
      figure
        .selectAll('rect.bar')
        .attr('class', 'bar cell')
        .each(function () {
          const node = this as SVGRectElement;
          node.setAttribute('data-pair', node.getAttribute('data-theme') ?? '');
          node.removeAttribute('data-theme');
        });
      return;
    }
    heatmap(
      figure,
      width,
      fitted,
      { rows, columns },
      {
        palette: P,
        minGroup: data.minGroup,
        value: (row, column) => counts.get(`${column.id}+${row.key}`) ?? null,
        text: compactCount,
        cellData: (row, column) => ({ pair: `${column.id}+${row.key}` }),
        transposable: false,
      },
    );
  });
}
