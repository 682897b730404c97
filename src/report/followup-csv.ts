// followup.csv: the adviser's private action list, the one output that names people. UTF-8 with a
// byte-order mark so Excel shows accented names correctly, CRLF records, formula-safe cells.

import type { FollowUpRow } from '../analyse/model.js';
import { csv } from './csv.js';

export const FOLLOWUP_FILE = 'followup.csv';

export const FOLLOWUP_COLUMNS = [
  'candidate',
  'pseudonym',
  'theme',
  'theme_id',
  'kind',
  'rejections',
  'of',
  'first_date',
  'last_date',
  'stages',
  'employers',
  'suggestion',
  'digest',
  // The student's contact details, from the export's name, email and phone columns.
  'name',
  'email',
  'phone',
  // `yes`: this student and theme were not on the list of the run "what changed" compares with.
  'new',
  // Themes the tool was unsure of in this student's rejections: shown, never a reason for a row or a suggestion.
  'possibly',
  // The ids, as in items.csv, of the rows this row rests on: each count and suggestion can be checked.
  'items',
] as const;

/** Excel reads a CSV as the local code page unless it starts with a UTF-8 byte-order mark. */
const BOM = '\uFEFF';

export function followUpCsv(rows: readonly FollowUpRow[]): string {
  return (
    BOM +
    csv(
      FOLLOWUP_COLUMNS,
      rows.map((row) => [
        row.candidate,
        row.pseudonym,
        row.label,
        row.themeId,
        row.kind,
        row.rejections,
        row.of,
        row.firstDate,
        row.lastDate,
        row.stages.join('; '),
        row.employers.join('; '),
        row.suggestion,
        row.digest,
        row.name,
        row.email,
        row.phone,
        row.isNew === null ? null : row.isNew ? 'yes' : 'no',
        row.possibly.join('; '),
        row.items.join('; '),
      ]),
    )
  );
}
