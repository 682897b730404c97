// Partly labelled feedback: rows that say which themes a text must get (`required`) and which it
// must not (`forbidden`), every other theme unknown. The project's trap sentences
// (data/eval/traps.csv, header id,text,forbidden,required) are written so, and an institution's
// corrections of wrong themes are most naturally put so. `train` fits each theme's model on the
// rows that give its label (head/fit.ts).

import { CliError, ExitCode } from '../errors.js';
import { parseTable, readTable, type TableRecord } from '../ingest/table.js';
import { themeListReader, unknownThemeIds } from './theme-list.js';

export interface PartialGoldItem {
  text: string;
  required: string[];
  forbidden: string[];
  /** 1-based line of the row in its file. */
  line: number;
}

/** Rows with these ids are the project's held-out trap sentences: never fitted on, whatever file holds them. */
export const HELD_OUT_ID_PREFIX = 'traps-test-';

/** Whether a header (lower-cased cells) is of a partly labelled file: `required` or `forbidden`, and no `themes` column. */
export function isPartialHeader(names: readonly string[]): boolean {
  const full = names.some((n) => n === 'themes' || n === 'theme' || n === 'labels');
  return !full && (names.includes('required') || names.includes('forbidden'));
}

export async function readPartialGold(path: string, themeIds: readonly string[]): Promise<{ items: PartialGoldItem[]; heldOut: number }> {
  const records = await readTable(path, { what: 'the labelled file', hint: 'Check the path of the labelled CSV.' });
  return partialGoldFromRecords(records, path, themeIds);
}

/** Partly labelled items from CSV text (decoded, as readPartialGold reads a file). */
export function parsePartialGold(csv: string, path: string, themeIds: readonly string[]) {
  return partialGoldFromRecords(parseTable(csv, path), path, themeIds);
}

/**
 * Every row that cannot teach is named with its line (exit 2): no text, an unknown theme id, a theme
 * both required and forbidden, or neither list given. Rows whose id marks them held out
 * (`HELD_OUT_ID_PREFIX`) are left out and counted.
 */
export function partialGoldFromRecords(
  records: readonly TableRecord[],
  path: string,
  themeIds: readonly string[],
): { items: PartialGoldItem[]; heldOut: number } {
  const rows = [...records];
  const header = rows.shift();
  if (!header)
    throw new CliError(`${path}: the file is empty. Expected a header with columns text, required and forbidden.`, ExitCode.usage);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const [idColumn, textColumn, requiredColumn, forbiddenColumn] = ['id', 'text', 'required', 'forbidden'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  if (textColumn < 0)
    throw new CliError(
      `${path}:${header.line}: missing column text. The header has: ${header.cells.join(', ') || '(nothing)'}. ` +
        'A partly labelled file needs "text" and "required" and/or "forbidden" columns with theme ids separated by "|".',
      ExitCode.usage,
    );
  const readThemes = themeListReader(themeIds);
  const listed = (row: TableRecord, at: number) => (at < 0 ? { themes: [], unknown: [] } : readThemes(row.cells[at] ?? ''));
  const items: PartialGoldItem[] = [];
  const problems: string[] = [];
  let heldOut = 0;
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (idColumn >= 0 && (row.cells[idColumn] ?? '').trim().startsWith(HELD_OUT_ID_PREFIX)) {
      heldOut++;
      continue;
    }
    const text = (row.cells[textColumn] ?? '').trim();
    const { themes: required, unknown: unknownRequired } = listed(row, requiredColumn);
    const { themes: forbidden, unknown: unknownForbidden } = listed(row, forbiddenColumn);
    const where = `${path}:${row.line}`;
    const unknown = [...new Set([...unknownRequired, ...unknownForbidden])];
    if (unknown.length > 0) problems.push(unknownThemeIds(where, unknown));
    const both = required.filter((theme) => forbidden.includes(theme));
    if (both.length > 0)
      problems.push(`${where}: ${both.map((t) => `"${t}"`).join(', ')} both required and forbidden: keep it in one list`);
    if (text === '') problems.push(`${where}: empty text: add the feedback or delete the row`);
    else if (required.length === 0 && forbidden.length === 0)
      problems.push(`${where}: neither required nor forbidden themes: name what the text must or must not get, or delete the row`);
    items.push({ text, required, forbidden, line: row.line });
  }
  if (problems.length > 0) {
    const unknownIds = problems.some((p) => p.includes('unknown theme id'));
    throw new CliError(`${problems.join('\n')}${unknownIds ? `\nValid ids: ${themeIds.join(', ')}.` : ''}`, ExitCode.usage);
  }
  return { items, heldOut };
}
