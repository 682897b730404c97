// The main report's few words about follow-up: what changed since the last run (a key finding),
// and where the private list that names the candidates is (the privacy note).

import type { ReportModel } from '../analyse/model.js';
import { FOLLOWUP_FILE } from './followup-csv.js';
import { html, type Html } from './html.js';
import { plainStatistics } from './plain-words.js';

/** A key-findings line, only when there was a previous run to compare with. */
export function changesFinding(model: ReportModel): Html | '' {
  return model.takeaways.changes === null
    ? ''
    : html`<li><strong>Since the last run:</strong> ${plainStatistics(model.takeaways.changes)}</li>`;
}

/** Where the names are. A student's page names nobody but holds one student's feedback: it is theirs alone. */
export function followUpPrivacyNote(model: ReportModel): Html {
  const pages = model.options.digests
    ? ' The student pages in candidates/ name nobody, but each holds one student’s feedback: give it to that student only.'
    : '';
  return html` <strong>${FOLLOWUP_FILE}</strong>, beside this report, names the students behind the pseudonyms: it is personal data, so keep it out of anything you share.${pages}`;
}

export function repeatersNote(): Html {
  return html`<p class="table-note">Worth a one-to-one: the same theme across several rejections points to something the candidate keeps doing, not bad luck. Who each candidate is, and what to suggest, is in your private <strong>${FOLLOWUP_FILE}</strong>.</p>`;
}
