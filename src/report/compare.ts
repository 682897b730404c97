// "Side by side": two groups of the same kind (two periods, two cohorts or two phases) and each
// theme's share in both, with the difference and whether it is beyond chance. The page carries
// the form; the chart script fills it from the per-item facts the filters use, offering only
// groups the filters would offer (so small groups stay suppressed), and tests each difference
// with the same guard as "since the last run" (src/analyse/significance.ts).

import type { ReportModel } from '../analyse/model.js';
import { html, type Html } from './html.js';

export const COMPARE_SECTION_ID = 'compare';

/** Null without per-item facts (then there is nothing to compare from). */
export function compareSection(model: ReportModel): Html | '' {
  if (model.facts === null) return '';
  return html`<section id="${COMPARE_SECTION_ID}" aria-labelledby="${COMPARE_SECTION_ID}-title">
<h2 id="${COMPARE_SECTION_ID}-title">Side by side</h2>
<p class="section-intro">Put two periods, two cohorts or two stages next to each other: each theme’s share of their feedback, the difference, and whether the difference is bigger than chance would explain. Only groups large enough to keep candidates anonymous can be chosen.</p>
<noscript><p class="no-script">Comparing needs JavaScript; the tables above have each group’s figures.</p></noscript>
<form class="compare-form" hidden aria-label="Choose two groups to compare">
<div class="filter"><label for="compare-by">Compare</label><select id="compare-by" name="by"></select></div>
<div class="filter"><label for="compare-a">First group</label><select id="compare-a" name="a"></select></div>
<div class="filter"><label for="compare-b">Second group</label><select id="compare-b" name="b"></select></div>
</form>
<div class="compare-result" aria-live="polite"></div>
</section>`;
}
