// The report's data tables: each scrolls inside its own box on screen and fits the page on paper.
import { own } from '../own.js';
import { html, type Html } from './html.js';

/** Tables with more rows than this may continue on the next printed page. */
const LONG_TABLE = 20;
/** Tables with more columns than this turn their headings upright on paper, so every column
 * fits the page without breaking a word. */
const WIDE_TABLE = 8;

export function table(caption: string, head: string[], rows: HtmlValueRow[], note?: string): Html {
  // Wide tables scroll inside their own box (focusable, so keyboards can scroll it too); the page never does.
  return html`<p class="scroll-cue" hidden>Scroll sideways for more columns →</p><div class="table-scroll${rows.length > LONG_TABLE ? ' long-table' : ''}" role="region" tabindex="0" aria-label="${caption}"><table${head.length > WIDE_TABLE ? html` class="wide-table"` : ''}>
<caption>${caption}</caption>
<thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, index) => (index === 0 ? html`<th scope="row">${cellText(cell)}</th>` : bodyCell(cell)))}</tr>\n`)}</tbody>
</table></div>${note ? html`<p class="table-note">${note}</p>` : ''}`;
}

/** One cell over several columns: a suppressed group says so once, rather than once per theme,
 * so its row is no wider than the others (on paper, a row of "suppressed" ran off the page). */
interface SpanCell {
  span: number;
  text: string;
}
export type HtmlValueRow = (string | Html | SpanCell)[];

const isSpan = (cell: string | Html | SpanCell): cell is SpanCell => typeof cell === 'object' && 'span' in cell;
const cellText = (cell: string | Html | SpanCell) => (isSpan(cell) ? cell.text : cell);
const bodyCell = (cell: string | Html | SpanCell) =>
  isSpan(cell) ? html`<td colspan="${cell.span}" class="suppressed-cell">${cell.text}</td>` : html`<td>${cell}</td>`;

/** The theme cells of a group's row: its figures, or one cell saying it is suppressed. */
export function themeCells(
  themes: Record<string, number> | null,
  ids: readonly string[],
  figure: (count: number) => string,
  minGroup: number,
) {
  if (themes === null) return [{ span: Math.max(1, ids.length), text: `suppressed: fewer than ${minGroup} candidates` }];
  return ids.map((id) => figure(own(themes, id) ?? 0));
}

export function dataTable(caption: string, head: string[], rows: HtmlValueRow[], note?: string): Html {
  return html`<details class="data-table"><summary>Data table: ${caption}</summary>${table(caption, head, rows, note)}</details>`;
}
