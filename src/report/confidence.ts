// How sure the tool is of the report's headline figures, when a theme head decided the themes:
// per theme, the items whose calibrated probability reached the head's `confidentAt` ("sure") and
// those under it (only "possibly"). Without a head (or in a filtered view) nothing is said.

import type { ReportModel } from '../analyse/model.js';
import { formatCount } from './format.js';
import { html, type Html } from './html.js';
import { own } from '../own.js';

/** The themes the key findings name: the most common, and the top three the takeaway counts. */
const HEADLINE_THEMES = 3;

/** A line under the key findings: for each headline theme, of its items how many the tool is sure of. */
export function howSure(model: ReportModel): Html | '' {
  const confidence = model.confidence;
  if (!confidence) return '';
  const threshold = Math.round(confidence.head.confidentAt * 100);
  const sure = html`<abbr class="exact" title="${`Its calibrated probability is at least ${threshold}% for these items.`}">sure</abbr>`;
  const headline = [...model.themes]
    .filter((theme) => theme.items > 0 && own(confidence.themes, theme.id) !== undefined)
    .sort((a, b) => b.items - a.items)
    .slice(0, HEADLINE_THEMES);
  if (headline.length === 0) return '';
  const sentences = headline.map((theme, index) => {
    const figures = own(confidence.themes, theme.id)!;
    const possible =
      figures.possible === 0
        ? ''
        : `; ${formatCount(figures.possible)} ${figures.possible === 1 ? 'is only a possible match' : 'are only possible matches'}`;
    return index === 0
      ? html`of the ${formatCount(theme.items)} items counted under ${theme.label}, it is ${sure} of ${formatCount(figures.sure)}${possible}.`
      : html` Of the ${formatCount(theme.items)} under ${theme.label}, ${formatCount(figures.sure)}${possible}.`;
  });
  return html`<p class="how-sure">How sure the tool is: ${sentences} The table “Themes by items” gives the figure for every theme.</p>`;
}

/** The prevalence table's "Sure of" column: present only when a head decided. */
export function sureColumn(model: ReportModel): { header: string[]; cell: (themeId: string) => string[] } {
  const confidence = model.confidence;
  if (!confidence) return { header: [], cell: () => [] };
  return { header: ['Sure of'], cell: (themeId) => [formatCount(own(confidence.themes, themeId)?.sure ?? 0)] };
}
