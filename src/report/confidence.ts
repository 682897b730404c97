// How sure the tool is of the report's headline figures, when a theme head decided the themes:
// per theme, the items whose calibrated probability reached the head's `confidentAt` ("sure") and
// those under it (only "possibly"). Without a head it says that it cannot say; in a filtered view, nothing.

import { NAMED_PER_SIDE } from '../analyse/diagnosis.js';
import type { ReportModel, ThemeSummary } from '../analyse/model.js';
import { formatCount } from './format.js';
import { html, type Html } from './html.js';
import { own } from '../own.js';

/** The most common themes the key findings name: the first, and the top three the takeaway counts. */
const HEADLINE_THEMES = 3;

/** Every theme a key finding gives a figure for: the most common, then those it names at each stage. */
function headlineThemes(model: ReportModel): ThemeSummary[] {
  const byItems = [...model.themes].filter((theme) => theme.items > 0).sort((a, b) => b.items - a.items);
  const { beforeInterview, atInterview } = model.stageDiagnosis;
  const named = [beforeInterview, atInterview].flatMap((side) => (side.top ?? []).slice(0, NAMED_PER_SIDE).map((theme) => theme.id));
  const ids = new Set([...byItems.slice(0, HEADLINE_THEMES).map((theme) => theme.id), ...named]);
  return byItems.filter((theme) => ids.has(theme.id));
}

/** "all 17", "both" or "3": how many of a theme's items the tool is sure of. */
function sureOf(sure: number, items: number): string {
  if (sure !== items || items < 2) return formatCount(sure);
  return items === 2 ? 'both' : `all ${formatCount(items)}`;
}

/** The headline figures that do not rest on how sure it is of a theme, said in either case. */
const OTHER_FIGURES = 'The split between before and at interview comes from the stage column as exported, not from reading the feedback.';

/** How themes were found when no head gave them a calibrated confidence: "by matching words". */
export function howFound(model: ReportModel): string {
  return model.engine.name === 'lexical' ? 'by matching words' : 'by likeness to each theme’s examples';
}

/**
 * Without calibrated confidence the report still says how sure it is: that it cannot say, and
 * why, so an adviser reads a theme's quotes before acting on its figure (issue 17: the report says
 * how sure the tool is about each headline figure).
 */
function noMeasure(model: ReportModel): Html {
  const why =
    model.engine.name === 'lexical'
      ? 'which gives no measure of how likely each theme is'
      : 'with nothing fitted to this list of themes to say how likely each theme is';
  const how = `Themes were found ${howFound(model)}, ${why}.`;
  return html`<p class="how-sure">How sure the tool is: it cannot say for this run. ${how} Every theme found is counted, in the figures and in who keeps meeting the same problem, so read the quotes under a theme before acting on its figure. ${OTHER_FIGURES}</p>`;
}

/**
 * A line under the key findings: for each headline theme, of its items how many the tool is sure
 * of; what the repeats rest on; and where the stage split comes from. A filtered view says nothing:
 * its figures are recounted without the confidence.
 */
export function howSure(model: ReportModel, filtered = false): Html | '' {
  if (filtered) return '';
  const confidence = model.confidence;
  if (!confidence) return model.counts.items === 0 ? '' : noMeasure(model);
  const threshold = Math.round(confidence.head.confidentAt * 100);
  // Plain words for `confidentAt`: the fit puts it where 9 in 10 assignments were right out of fold
  // (1,222 of 1,381 on voices-dev22…25 by a head fitted without them). Printed in brackets after "sure".
  const sure = html`<abbr class="exact" title="${`it gives each a chance of at least ${threshold}%, the level from which about 9 in 10 were right on feedback it was not fitted on`}">sure</abbr>`;
  const headline = headlineThemes(model).filter((theme) => own(confidence.themes, theme.id) !== undefined);
  if (headline.length === 0) return '';
  const sentences = headline.map((theme, index) => {
    const figures = own(confidence.themes, theme.id)!;
    const possible =
      figures.possible === 0
        ? ''
        : `; ${formatCount(figures.possible)} ${figures.possible === 1 ? 'is only a possible match' : 'are only possible matches'}`;
    return index === 0
      ? html`of the ${formatCount(theme.items)} items counted under ${theme.label}, it is ${sure} of ${sureOf(figures.sure, theme.items)}${possible}.`
      : html` Of the ${formatCount(theme.items)} under ${theme.label}, ${sureOf(figures.sure, theme.items)}${possible}.`;
  });
  return html`<p class="how-sure">How sure the tool is: ${sentences} The table “Themes by items” gives the figure for every theme. Who keeps meeting the same problem counts only themes it is sure of. ${OTHER_FIGURES}</p>`;
}

/** The prevalence table's "Sure of" column: present only when a head decided. */
export function sureColumn(model: ReportModel): { header: string[]; cell: (themeId: string) => string[] } {
  const confidence = model.confidence;
  if (!confidence) return { header: [], cell: () => [] };
  return { header: ['Sure of'], cell: (themeId) => [formatCount(own(confidence.themes, themeId)?.sure ?? 0)] };
}
