// Which column was read for which role, per file: in summary.json (`inputs[]`), on stderr (one line
// per file) and in the report's data-quality section, so a wrong guess is visible at once.
import { COLUMN_ROLES, type ColumnRole, type IngestFileReport } from '../types.js';

export interface InputSummary {
  source: string;
  format: 'csv' | 'xlsx';
  /** Sheet read from a workbook; null for CSV. */
  sheet: string | null;
  /** Data rows read (items + rejected). */
  rows: number;
  encoding: string;
  delimiter: string | null;
  /** Role → the header it was read from, or null when no column plays it. */
  columns: Record<ColumnRole, string | null>;
}

export function inputSummary(file: IngestFileReport): InputSummary {
  const columns = Object.fromEntries(COLUMN_ROLES.map((role) => [role, file.columns[role] ?? null])) as Record<ColumnRole, string | null>;
  return {
    source: file.source,
    format: file.format ?? 'csv',
    sheet: file.sheet ?? null,
    rows: file.dataRows,
    encoding: file.encoding,
    delimiter: file.delimiter,
    columns,
  };
}

/** `text="Q3" id="ResponseId" candidate="ExternalReference" stage="Q2" cohort=- …` */
export function describeMapping(file: IngestFileReport, shown: (header: string) => string = (header) => header): string {
  return COLUMN_ROLES.map((role) => `${role}=${file.columns[role] === undefined ? '-' : JSON.stringify(shown(file.columns[role]))}`).join(
    ' ',
  );
}
