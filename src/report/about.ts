// The run's details in plain words, at the end of the report: which files were read and how,
// how themes were found, what the run was compared with, what was reused, and the columns read.
// The top of the page is for findings; this is for whoever asks "how was this made?".

import type { ReportModel } from '../analyse/model.js';
import { COLUMN_ROLES, type EngineInfo } from '../types.js';
import { followUpPrivacyNote } from './followup-notes.js';
import { formatCount } from './format.js';
import { html, type Html } from './html.js';

export const ABOUT_SECTION_ID = 'about';

/** How the themes were found, for an adviser: the model's id stays in code, the rest is words. */
export function engineInWords(engine: EngineInfo): Html {
  const model = engine.model ? html` (<code>${engine.model}</code>, run on this computer)` : '';
  if (engine.name === 'hybrid') return html`a language model${model} that compares meaning, checked against word matching`;
  if (engine.name === 'transformers') return html`a language model${model} that compares meaning`;
  return engine.fallbackReason
    ? html`word matching only, because the language model could not be used: ${engine.fallbackReason}. Results are less accurate`
    : html`word matching only (no language model was asked for)`;
}

function thresholdsInWords(source: string): Html {
  if (source === 'default') return html`the tool’s standard settings`;
  if (source === 'calibrated') return html`settings fitted to your own labelled feedback`;
  return html`settings read from <code>${source}</code>`;
}

function fileLine(file: ReportModel['inputs']['files'][number]): Html {
  const how =
    file.format === 'xlsx'
      ? html`sheet “${file.sheet}”`
      : html`${file.encoding} text, columns separated by ${file.delimiter === '\t' ? 'tabs' : html`“${file.delimiter}”`}`;
  return html`<li><code>${file.source}</code>: ${formatCount(file.items)} feedback items from ${formatCount(file.dataRows)} rows (${how})</li>`;
}

export function aboutSection(model: ReportModel): Html {
  const { inputs, counts } = model;
  const files = inputs.files.length > 0 ? inputs.files.map(fileLine) : html`<li>No file details were recorded.</li>`;
  const compared = model.previousRun
    ? html`Compared with the previous run of ${model.previousRun.finishedAt.slice(0, 10)} (run <code>${model.previousRun.runId}</code>).`
    : html`Nothing to compare with: no earlier run of this feedback was found.`;
  const thisRun = model.runId ? html`This report is run <code>${model.runId}</code>; its files are kept in a folder of that name. ` : '';
  const cache = model.cache
    ? html` Results for ${formatCount(model.cache.hits)} sentence${model.cache.hits === 1 ? '' : 's'} were reused from earlier runs; ${formatCount(model.cache.misses)} were worked out afresh.`
    : '';
  const mappingRows = inputs.files.map(
    (file) => html`<tr><th scope="row">${file.source}</th>${COLUMN_ROLES.map((role) => html`<td>${file.columns[role] ?? '—'}</td>`)}</tr>`,
  );
  const mapping =
    inputs.files.length > 0
      ? html`<p class="scroll-cue" hidden>Scroll sideways for more columns →</p><div class="table-scroll" role="region" tabindex="0" aria-label="Columns read from each file"><table>
<caption>Columns read from each file (choose others with --text-column, --candidate-column, …)</caption>
<thead><tr><th scope="col">File</th>${COLUMN_ROLES.map((role) => html`<th scope="col">${role}</th>`)}</tr></thead>
<tbody>${mappingRows}</tbody>
</table></div>`
      : '';
  return html`<section id="${ABOUT_SECTION_ID}" class="about" aria-labelledby="${ABOUT_SECTION_ID}-title">
<h2 id="${ABOUT_SECTION_ID}-title">About this run</h2>
<h3>What was read</h3>
<ul class="files">${files}</ul>
<p>${formatCount(counts.dataRows)} rows read, ${formatCount(counts.items)} analysed, <a href="#data-quality">${formatCount(counts.rejectedRows)} rejected</a>. ${formatCount(counts.candidates)} candidates${counts.itemsWithoutCandidate > 0 ? `, and ${formatCount(counts.itemsWithoutCandidate)} items with no candidate named` : ''}.</p>
<h3>How themes were found</h3>
<p>Themes were found with ${engineInWords(model.engine)}, using ${model.taxonomy.source === 'built-in' ? 'the built-in list' : html`the list in <code>${model.taxonomy.source}</code>`} of ${model.taxonomy.themes.length} themes and ${thresholdsInWords(model.thresholdsSource)}.${cache}</p>
<p>${thisRun}${compared}</p>
<h3>Privacy</h3>
<p>Groups with fewer than ${model.options.minGroup} candidates are not shown, so no one can be picked out; candidates are ${model.options.showIds ? 'shown by their ids' : 'shown under made-up references (“Candidate 4K7QXM”)'}.${followUpPrivacyNote(model)}</p>
${mapping}
</section>`;
}
