// The output files of a run, as names and contents; the caller writes them (atomically).

import type { ReportModel } from '../analyse/model.js';
import type { ClassifiedItem, OutputFile } from '../types.js';
import { itemsCsvRecords, rejectsCsv, segmentsCsvRecords } from './csv.js';
import { renderDigest } from './digest.js';
import { FOLLOWUP_FILE, followUpCsv } from './followup-csv.js';
import { renderReport } from './render.js';
import { buildSummary } from './summary.js';

export { buildSummary, type Summary, type SummaryTheme } from './summary.js';
export { renderReport } from './render.js';
export { itemsCsv, segmentsCsv, rejectsCsv, csv, csvField, neutraliseFormula } from './csv.js';
export { html, unsafe, escapeHtml, jsonForScript, Html } from './html.js';
export { followUpCsv, FOLLOWUP_FILE, FOLLOWUP_COLUMNS } from './followup-csv.js';
export { renderDigest } from './digest.js';
export { DIGEST_FOLDER, DIGEST_PAGE_PATTERN } from '../analyse/followup.js';

export function summaryJson(model: ReportModel): string {
  return `${JSON.stringify(buildSummary(model), null, 2)}\n`;
}

/** report.html, items.csv, segments.csv, summary.json, followup.csv, rejects.csv when rows were
 * rejected, and candidates/*.html when pages were asked for. */
export function buildOutputs(model: ReportModel, classified: ClassifiedItem[]): OutputFile[] {
  const taxonomy = { source: model.taxonomy.source, themes: model.taxonomy.themes };
  const outputs: OutputFile[] = [
    { name: 'report.html', content: renderReport(model) },
    { name: 'items.csv', content: itemsCsvRecords(classified, taxonomy, model.displayNames) },
    { name: 'segments.csv', content: segmentsCsvRecords(classified, taxonomy) },
    { name: 'summary.json', content: summaryJson(model) },
    { name: FOLLOWUP_FILE, content: followUpCsv(model.followUp) },
  ];
  if (model.inputs.rejects.length > 0) outputs.push({ name: 'rejects.csv', content: rejectsCsv(model.inputs.rejects) });
  // Rendered only as each page is written: a large cohort has thousands of them.
  for (const digest of model.digests ?? []) {
    outputs.push({
      name: digest.file,
      content: {
        *[Symbol.iterator]() {
          yield renderDigest(digest, model);
        },
      },
    });
  }
  return outputs;
}
