// One data record → a FeedbackItem or a RejectedRow. Pure: the caller owns ids and counters.
import type { ColumnMapping, ColumnRole, FeedbackItem, RejectedRow } from '../types.js';
import { parseDate, type DateOrder } from './dates.js';
import { cleanText, normaliseValue } from './text.js';

export const RAW_CHARS = 500;

export interface RowContext {
  source: string;
  headers: string[];
  /** Number of leading headers up to the last non-empty one: rows may stop after it. */
  requiredFields: number;
  /** Role → column index. */
  columns: Partial<Record<ColumnRole, number>>;
  textColumnName: string;
  maxTextChars: number;
  dateOrder: DateOrder;
}

export type RowOutcome =
  | { kind: 'item'; item: Omit<FeedbackItem, 'id'>; rawId: string | null; dateUnparsed: boolean }
  | { kind: 'reject'; reject: RejectedRow };

export function columnIndexes(headers: string[], mapping: ColumnMapping): Partial<Record<ColumnRole, number>> {
  const indexes: Partial<Record<ColumnRole, number>> = {};
  for (const [role, name] of Object.entries(mapping) as [ColumnRole, string | undefined][]) {
    if (name === undefined) continue;
    const index = headers.indexOf(name);
    if (index >= 0) indexes[role] = index;
  }
  return indexes;
}

/**
 * Convert one record. Rows with fewer fields than the header, or with extra non-empty fields,
 * are rejected; extra empty fields (a trailing delimiter) are fine.
 */
export function convertRow(fields: string[], line: number, raw: string, ctx: RowContext): RowOutcome {
  const expected = ctx.headers.length;
  const reject = (reason: string): RowOutcome => ({
    kind: 'reject',
    reject: { source: ctx.source, line, reason, raw: raw.length > RAW_CHARS ? raw.slice(0, RAW_CHARS) : raw },
  });

  if (fields.length < ctx.requiredFields || (fields.length > expected && fields.slice(expected).some((f) => f.trim() !== ''))) {
    return reject(`expected ${expected} fields, found ${fields.length}`);
  }

  const value = (role: ColumnRole): string | undefined => {
    const index = ctx.columns[role];
    return index === undefined ? undefined : fields[index];
  };

  const { text, truncated } = cleanText(value('text') ?? '', ctx.maxTextChars);
  if (text === '') return reject(`empty feedback text in column "${ctx.textColumnName}"`);

  const rawDate = normaliseValue(value('date'));
  const date = rawDate === null ? null : parseDate(rawDate, ctx.dateOrder);
  const item: Omit<FeedbackItem, 'id'> = {
    candidate: normaliseValue(value('candidate')),
    cohort: normaliseValue(value('cohort')),
    stage: normaliseValue(value('stage')),
    employer: normaliseValue(value('employer')),
    role: normaliseValue(value('role')),
    date,
    rawDate,
    text,
    source: ctx.source,
    line,
  };
  if (truncated) item.truncated = true;
  return { kind: 'item', item, rawId: normaliseValue(value('id')), dateUnparsed: rawDate !== null && date === null };
}
