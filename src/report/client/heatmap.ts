// Rows × columns of shares or counts, the value printed in every cell so colour is never the only
// cue. Column labels are rotated and wrapped, row labels wrapped; when the columns do not fit the
// width, the grid is transposed (fewer, wider columns), and the caller can offer another layout
// when even that does not fit.

import { longestWord, textWidth } from './measure.js';
import {
  heatColour,
  isPaper,
  labelLines,
  linesHeight,
  newSvg,
  setHeight,
  TEXT,
  wrapped,
  type Figure,
  type Palette,
  type Svg,
} from './svg.js';

export interface GridRow {
  key: string;
  label: string;
  suppressed: boolean;
}

export interface GridColumn {
  id: string;
  label: string;
}

export interface GridOptions {
  palette: Palette;
  minGroup: number;
  /** Value of a cell, or null for no cell (the other half of a symmetric matrix). */
  value: (row: GridRow, column: GridColumn) => number | null;
  text: (value: number) => string;
  /** Data attributes that identify a cell for tests and readers of the DOM. */
  cellData: (row: GridRow, column: GridColumn) => Record<string, string>;
  /** May rows and columns swap when the columns do not fit? */
  transposable: boolean;
}

/** Widths tried for wrapping a column label, narrowest first. */
const COLUMN_LABEL_WIDTHS = [130, 170, 220, 290];
/** Room kept between neighbouring turned labels, in px. */
const LABEL_GAP = 6;

/** Narrowest cell that still holds "100%" in the cell font. */
export function minimumCell(): number {
  return Math.ceil(textWidth('100%', TEXT.cell, 600)) + 6;
}

interface Layout {
  rows: GridRow[];
  columns: GridColumn[];
  transposed: boolean;
  left: number;
  cell: number;
  top: number;
  /** Degrees the column labels are turned; steeper on narrow charts so the last one stays inside. */
  angle: number;
  columnLines: string[][];
}

function layout(width: number, rows: GridRow[], columns: GridColumn[], transposed: boolean, angle: number): Layout {
  const size = TEXT.label;
  const radians = (angle * Math.PI) / 180;
  const left = Math.min(
    Math.round(width * 0.38),
    Math.max(90, Math.min(170, Math.ceil(Math.max(0, ...rows.map((row) => longestWord(row.label, size)))) + 12)),
  );
  const widthOf = (lines: string[]) => Math.max(0, ...lines.map((line) => textWidth(line, size)));
  const blockHeight = (lines: string[]) => linesHeight(lines.length, size);
  // Turned labels are parallel strips, each starting at its column's centre: the next column's
  // strip lies cell × sin(angle) further along, so a label may be only as many lines thick as
  // fit in that gap. Wider wrapping makes fewer lines but longer reach (smaller cells): take the
  // narrowest wrap whose lines fit; none fitting leaves no cell (the caller tries another layout).
  for (const wrapWidth of COLUMN_LABEL_WIDTHS) {
    const columnLines = columns.map((column) => wrapped(column.label, wrapWidth, size));
    // A turned label starts above its column's centre and reaches right by width × cos(angle).
    let cell = 64;
    columns.forEach((_, index) => {
      const reach = widthOf(columnLines[index]) * Math.cos(radians) + (blockHeight(columnLines[index]) * Math.sin(radians)) / 2;
      cell = Math.min(cell, (width - 2 - left - reach) / (index + 0.5));
    });
    cell = Math.floor(Math.min(cell, (width - left - 2) / Math.max(1, columns.length)));
    const thickest = Math.max(0, ...columnLines.slice(1).map(blockHeight));
    if (thickest + LABEL_GAP > cell * Math.sin(radians)) continue;
    const top = Math.ceil(
      Math.max(0, ...columnLines.map((lines) => widthOf(lines) * Math.sin(radians) + blockHeight(lines) * Math.cos(radians))) + 12,
    );
    return { rows, columns, transposed, left, cell, top, angle, columnLines };
  }
  return { rows, columns, transposed, left, cell: 0, top: 0, angle, columnLines: [] };
}

/** The layout that fits, or null when the cells would be too small to hold their values. */
export function fitGrid(width: number, rows: GridRow[], columns: GridColumn[], transposable: boolean): Layout | null {
  const minimum = minimumCell();
  for (const angle of [45, 65, 90]) {
    const straight = layout(width, rows, columns, false, angle);
    if (straight.cell >= minimum) return straight;
    if (!transposable) continue;
    const swapped = layout(
      width,
      columns.map((column) => ({ key: column.id, label: column.label, suppressed: false })),
      rows.map((row) => ({ id: row.key, label: row.suppressed ? `${row.label} (suppressed)` : row.label })),
      true,
      angle,
    );
    if (swapped.cell >= minimum) return swapped;
  }
  return null;
}

export function heatmap(
  figure: Figure,
  width: number,
  fitted: Layout,
  original: { rows: GridRow[]; columns: GridColumn[] },
  options: GridOptions,
): void {
  const { left, cell, top, columnLines } = fitted;
  const size = TEXT.label;
  const svg = newSvg(figure, width, 100);
  const rowOf = new Map(original.rows.map((row) => [row.key, row]));
  const columnOf = new Map(original.columns.map((column) => [column.id, column]));
  // Cells are addressed in the data's own orientation whatever the drawing's.
  const source = (r: GridRow, c: GridColumn): [GridRow, GridColumn] =>
    fitted.transposed ? [rowOf.get(c.id)!, columnOf.get(r.key)!] : [r, c];

  let max = 0;
  for (const row of original.rows) {
    if (row.suppressed) continue;
    for (const column of original.columns) max = Math.max(max, options.value(row, column) ?? 0);
  }
  const colour = heatColour(max);

  const labels = svg.append('g').attr('class', 'column-labels');
  fitted.columns.forEach((_column, index) => {
    const cx = left + index * cell + cell / 2;
    const group = labels.append('g').attr('transform', `translate(${cx},${top - 6}) rotate(-${fitted.angle})`);
    labelLines(group, columnLines[index], {
      x: 0,
      y: -linesHeight(columnLines[index].length - 1, size) / 2,
      size,
      className: 'column-label',
    });
  });

  let y = top;
  fitted.rows.forEach((row) => {
    const lines = wrapped(row.label, left - 8, size);
    const height = Math.max(isPaper() ? 18 : cell * 0.72, linesHeight(lines.length, size) + (isPaper() ? 3 : 6));
    labelLines(svg, lines, { x: left - 8, y: y + height / 2, size, anchor: 'end', className: 'row-label' });
    drawRow(svg, row, y, height);
    y += height + 3;
  });
  setHeight(svg, width, y + 4);

  function drawRow(target: Svg, row: GridRow, rowTop: number, height: number): void {
    if (!fitted.transposed && row.suppressed) {
      suppressedBlock(target, left, rowTop, fitted.columns.length * cell - 3, height, 'row');
      return;
    }
    fitted.columns.forEach((column, index) => {
      const [dataRow, dataColumn] = source(row, column);
      const x = left + index * cell;
      if (dataRow.suppressed) {
        suppressedBlock(target, x, rowTop, cell - 3, height, 'cell');
        return;
      }
      const value = options.value(dataRow, dataColumn);
      if (value === null) return;
      const group = target.append('g');
      const rect = group
        .append('rect')
        .attr('class', 'cell')
        .attr('x', x)
        .attr('y', rowTop)
        .attr('width', cell - 3)
        .attr('height', height)
        .attr('fill', colour(value));
      for (const [name, data] of Object.entries(options.cellData(dataRow, dataColumn))) rect.attr(`data-${name}`, data);
      group
        .append('text')
        .attr('class', 'cell-label')
        .attr('x', x + (cell - 3) / 2)
        .attr('y', rowTop + height / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle')
        .attr('fill', value > max * 0.45 ? '#ffffff' : options.palette.text)
        .text(options.text(value));
    });
  }

  function suppressedBlock(target: Svg, x: number, y0: number, w: number, h: number, kind: 'row' | 'cell'): void {
    target
      .append('rect')
      .attr('class', kind === 'row' ? 'suppressed-row' : 'suppressed-cell')
      .attr('x', x)
      .attr('y', y0)
      .attr('width', w)
      .attr('height', h)
      .attr('fill', '#f2f2f2')
      .attr('stroke', options.palette.suppressed)
      .attr('stroke-dasharray', '4 3');
    const text = kind === 'row' ? `Suppressed: fewer than ${options.minGroup} candidates` : '—';
    target
      .append('text')
      .attr('class', 'suppressed-label')
      .attr('x', kind === 'row' ? x + 10 : x + w / 2)
      .attr('y', y0 + h / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', kind === 'row' ? 'start' : 'middle')
      .text(text);
  }
}
