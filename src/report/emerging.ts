// The report section "What the taxonomy may be missing": clusters of feedback that no theme
// explains, each with its distinctive terms, size and representative sentences. Kept apart from
// render.ts so the section can move without touching the rest of the page.

import type { ReportModel } from '../analyse/model.js';
import { ENGINE_PROFILES } from '../classify/profiles.js';
import { formatCount } from './format.js';
import { html, type Html } from './html.js';

export const EMERGING_SECTION_ID = 'emerging';

export function emergingSection(model: ReportModel): Html {
  const clusters = model.emerging;
  // Without the sentence model, grouping goes by shared words only: paraphrases of one topic rarely meet.
  const weaker = ENGINE_PROFILES[model.engine.name].usesModel
    ? ''
    : html` <small>This run had no language model (themes found by matching words), so sentences were grouped by shared words only: a missing topic written in different words may not show here.</small>`;
  const intro = html`<p class="section-intro">Sentences that matched no theme (or only weakly) were grouped by meaning. Groups smaller than 5 items from 3 candidates are not shown. If a group is a real reason, <code>feedback-themes taxonomy suggest</code> turns it into a theme you can rename and keep.${weaker}</p>`;
  if (clusters.length === 0) {
    return html`<section id="${EMERGING_SECTION_ID}" aria-labelledby="${EMERGING_SECTION_ID}-title">
<h2 id="${EMERGING_SECTION_ID}-title">What the taxonomy may be missing</h2>
${intro}
<p>No group of unexplained feedback was large enough to show: the themes cover this feedback.</p>
</section>`;
  }
  const cards = clusters.map(
    (cluster) => html`<article class="theme-card" id="emerging-${cluster.id}">
<header><h3>${cluster.label}</h3><span class="badge">${cluster.id}</span></header>
<p class="theme-figures"><strong>${formatCount(cluster.items)}</strong> items · ${formatCount(cluster.candidates)} candidates</p>
<p class="definition">Distinctive words: ${cluster.terms.join(', ')}</p>
<h4>In their words</h4>
${cluster.examples.map((example) => html`<figure class="quote"><blockquote>${example}</blockquote></figure>`)}
</article>`,
  );
  return html`<section id="${EMERGING_SECTION_ID}" aria-labelledby="${EMERGING_SECTION_ID}-title">
<h2 id="${EMERGING_SECTION_ID}-title">What the taxonomy may be missing</h2>
${intro}
<div class="theme-grid">${cards}</div>
</section>`;
}
