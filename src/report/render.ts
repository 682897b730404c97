// report.html: one self-contained page. Tables and text are rendered here (escaped); charts are
// drawn in the browser by the chart script (src/report/client) from the embedded JSON. No network, strict CSP.

import { createHash } from 'node:crypto';
import type { ReportModel } from '../analyse/model.js';
import { aboutSection } from './about.js';
import { compareSection } from './compare.js';
import { loadAssets } from './assets.js';
import { chartData } from './chart-data.js';
import { filterData } from './filter-data.js';
import { formatCount, formatShare } from './format.js';
import { emergingSection } from './emerging.js';
import { html, type Html, jsonForScript, unsafe } from './html.js';
import {
  cohortSection,
  cooccurrenceSection,
  dataQualitySection,
  header,
  keyFindings,
  overTimeSection,
  prevalenceSection,
  recurrenceSection,
  stageSection,
  themesSection,
} from './sections.js';

export { formatCount, formatShare };
export { chartData, CHART_COHORTS, TREND_THEMES, type ChartData } from './chart-data.js';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** Hidden until the chart script fills its options: without the script it could do nothing. */
function filterForm(items: number): Html {
  return html`<form id="filters" class="filters" hidden aria-labelledby="filters-title">
<h2 id="filters-title" class="filters-title">Focus on</h2>
<div class="filter"><label for="filter-cohort">Cohort</label><select id="filter-cohort" name="cohort"><option value="">All cohorts</option></select></div>
<div class="filter"><label for="filter-stage">Stage</label><select id="filter-stage" name="stage"><option value="">All stages</option></select></div>
<div class="filter"><label for="filter-period">Period</label><select id="filter-period" name="period"><option value="">All dates</option></select></div>
<p class="filter-status" role="status"><strong data-count="items">${formatCount(items)}</strong> of ${formatCount(items)} items. <span class="filter-status-note"></span></p>
<p class="filter-help">Only choices with at least enough candidates to stay anonymous are offered.</p>
</form>`;
}

export function renderReport(model: ReportModel): string {
  const assets = loadAssets();
  const labels = new Map(model.themes.map((theme) => [theme.id, theme.label]));
  const data = chartData(model);
  const dataJson = jsonForScript(data);
  const filters = filterData(model);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(assets.script)}'`,
    `style-src 'sha256-${sha256(assets.css)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="feedback-themes">
<title>Rejection feedback themes</title>
<style>${unsafe(assets.css)}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to findings</a>
${header(model)}
${filters ? filterForm(model.counts.items) : ''}
<nav class="toc" aria-label="Sections"><ul>
<li><a href="#findings">Findings</a></li><li><a href="#prevalence">Themes</a></li><li><a href="#stages">Stages</a></li><li><a href="#over-time">Over time</a></li><li><a href="#recurrence">Repeats</a></li><li><a href="#cooccurrence">Together</a></li><li><a href="#cohorts">Cohorts</a></li>${model.facts ? html`<li><a href="#compare">Side by side</a></li>` : ''}<li><a href="#themes">Advice &amp; quotes</a></li><li><a href="#emerging">Missing?</a></li><li><a href="#data-quality">Data quality</a></li><li><a href="#about">About this run</a></li>
</ul></nav>
<main>
${keyFindings(model)}
${prevalenceSection(model)}
${stageSection(model, labels)}
${overTimeSection(model, data, labels)}
${recurrenceSection(model, labels)}
${cooccurrenceSection(model, labels)}
${cohortSection(model, data, labels)}
${compareSection(model)}
${themesSection(model)}
${emergingSection(model)}
${dataQualitySection(model)}
${aboutSection(model)}
</main>
<footer class="colophon">Generated ${model.generatedAt} by feedback-themes. Feedback text is shown as written, with personal data redacted when redaction is on.</footer>
<script type="application/json" id="report-data">${unsafe(dataJson)}</script>
${filters ? html`<script type="application/json" id="report-filters">${unsafe(jsonForScript(filters))}</script>` : ''}
<script>${unsafe(assets.script)}</script>
</body>
</html>
`;
  return page.value;
}
