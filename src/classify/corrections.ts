// Corrections that teach: a CSV of `text,themes` (or `id,themes` with the ids of items.csv, as an
// adviser gets by copying rows from items.csv and fixing the themes column). Each corrected item
// becomes extra exemplars of the themes it should have, and, for every theme the classifier gave
// it that the adviser removed, counter-evidence: feedback nearer to a corrected sentence than to
// any exemplar of that theme loses the theme. The corrected items themselves take exactly the
// corrected themes on the next run (they are pinned): an adviser's word on an item is final.

import { CliError, ExitCode } from '../errors.js';
import { parseTable, readTable, type TableRecord } from '../ingest/table.js';
import type { Taxonomy, Thresholds } from '../types.js';
import type { Classifier } from './classifier.js';
import { themeListReader, unknownThemeIds } from './theme-list.js';

export interface CorrectionRow {
  /** 1-based line of the row in the file. */
  line: number;
  text?: string;
  id?: string;
  themes: string[];
}

export interface Corrections {
  source: string;
  rows: CorrectionRow[];
}

/** What the corrections add to the taxonomy: exemplars and, per theme, counter-examples. */
export interface Lessons {
  taxonomy: Taxonomy;
  counterExamples: Record<string, string[]>;
  /** The themes a corrected feedback text carries whatever it scores; undefined for other texts. */
  pinned: (text: string) => readonly string[] | undefined;
}

export interface ResolvedCorrection {
  text: string;
  themes: string[];
  line: number;
  /** Whether the row named its feedback by text (it may match no item) or by id. */
  by: 'text' | 'id';
}

// items.csv neutralises spreadsheet formulas with a leading apostrophe (report/csv.ts); a text
// copied back from it still names the same feedback.
const NEUTRALISED_FORMULA = /^'(?=[=+\-@\t\r\n])/;

/**
 * What makes two feedback texts the same item for a correction: case, spacing, curly quotes and the
 * apostrophe items.csv puts before a formula-like cell do not count.
 */
export function correctionKey(text: string): string {
  return text
    .replace(NEUTRALISED_FORMULA, '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Read as an export is (ingest/table.ts). */
export async function readCorrections(path: string, themeIds: readonly string[]): Promise<Corrections> {
  const records = await readTable(path, { what: 'the corrections file', hint: 'Check the path given to --corrections.' });
  return correctionsOf(records, path, themeIds);
}

/**
 * Each correction becomes an exemplar the engines hold a vector for (the lexical engine's are 16,384
 * wide): 10,000 rows took 2.4 GB and 49 s with the lexical engine, 2,000 take 650 MB.
 */
export const MAX_CORRECTIONS = 2_000;

/** Corrections from CSV text (decoded, as readCorrections reads a file). */
export function parseCorrections(csv: string, path: string, themeIds: readonly string[]): Corrections {
  return correctionsOf(parseTable(csv, path), path, themeIds);
}

function correctionsOf(records: TableRecord[], path: string, themeIds: readonly string[]): Corrections {
  const [headerRecord, ...body] = records;
  const header = headerRecord?.cells;
  const rowCount = body.filter(({ cells }) => cells.some((cell) => cell.trim() !== '')).length;
  if (rowCount > MAX_CORRECTIONS) {
    throw new CliError(
      `${path}: ${rowCount} correction rows, over the limit of ${MAX_CORRECTIONS}. Keep the corrections of the themes that are still wrong; older rows the classifier now gets right teach it nothing new.`,
      ExitCode.usage,
    );
  }
  const names = (header ?? []).map((cell) => cell.trim().toLowerCase());
  const textColumn = names.indexOf('text');
  const idColumn = names.indexOf('id');
  const themesColumn = names.indexOf('themes');
  if (themesColumn < 0 || (textColumn < 0 && idColumn < 0)) {
    throw new CliError(
      `${path}:1: a corrections file needs a "themes" column and a "text" or "id" column (copy rows from items.csv and fix their themes). ` +
        `The header has: ${(header ?? []).join(', ') || '(nothing)'}.`,
      ExitCode.usage,
    );
  }
  const readThemes = themeListReader(themeIds);
  const problems: string[] = [];
  const rows: CorrectionRow[] = [];
  for (const { cells, line: rowLine } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const text = textColumn >= 0 ? (cells[textColumn] ?? '').trim() : '';
    const id = idColumn >= 0 ? (cells[idColumn] ?? '').trim() : '';
    const { themes, unknown } = readThemes(cells[themesColumn] ?? '');
    if (unknown.length > 0) problems.push(unknownThemeIds(`${path}:${rowLine}`, unknown));
    if (!text && !id) problems.push(`${path}:${rowLine}: no text and no id: say which feedback the row corrects`);
    rows.push({ line: rowLine, ...(text ? { text } : { id }), themes });
  }
  if (problems.length > 0) {
    throw new CliError(`${problems.join('\n')}\nValid theme ids: ${themeIds.join(', ')}.`, ExitCode.usage);
  }
  return { source: path, rows };
}

/**
 * Texts of the corrected items: `id` rows are looked up among the run's items. Unknown ids, and
 * rows that correct the same feedback two different ways, are all listed (exit 2).
 */
export function resolveCorrections(corrections: Corrections, items: readonly { id: string; text: string }[]): ResolvedCorrection[] {
  const byId = new Map(items.map((item) => [item.id, item.text]));
  const problems: string[] = [];
  const resolved: ResolvedCorrection[] = [];
  const seen = new Map<string, ResolvedCorrection>();
  for (const row of corrections.rows) {
    const text = row.text ?? byId.get(row.id!);
    if (text === undefined) {
      problems.push(`${corrections.source}:${row.line}: unknown item id "${row.id}" (not in this run's input; ids are those of items.csv)`);
      continue;
    }
    const correction: ResolvedCorrection = { text, themes: row.themes, line: row.line, by: row.text === undefined ? 'id' : 'text' };
    const key = correctionKey(text);
    const earlier = seen.get(key);
    if (earlier && themeSet(earlier.themes) !== themeSet(row.themes)) {
      problems.push(
        `${corrections.source}:${row.line}: corrects the same feedback as line ${earlier.line} differently ` +
          `("${themeSet(row.themes) || '(no themes)'}" against "${themeSet(earlier.themes) || '(no themes)'}"); keep one of the two rows`,
      );
      continue;
    }
    if (earlier) continue;
    seen.set(key, correction);
    resolved.push(correction);
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'), ExitCode.usage);
  return resolved;
}

function themeSet(themes: readonly string[]): string {
  return [...themes].sort().join('|');
}

/**
 * Lessons from corrected items, judged with the uncorrected classifier: each reason sentence becomes
 * an exemplar of the corrected theme it scores highest on, and the sentences that carried a theme
 * the adviser removed become counter-examples of that theme.
 */
export async function learnFromCorrections(
  taxonomy: Taxonomy,
  classifier: Classifier,
  thresholds: Thresholds,
  corrected: readonly { text: string; themes: string[] }[],
): Promise<Lessons> {
  const pinnedByKey = new Map(corrected.map((correction) => [correctionKey(correction.text), [...correction.themes]]));
  const ids = taxonomy.themes.map((theme) => theme.id);
  const scored = await classifier.score(corrected.map((c, i) => ({ id: `correction-${i}`, text: c.text })));
  const assigned = classifier.assign(scored, thresholds);
  const extra = new Map<string, string[]>(ids.map((id) => [id, []]));
  const counter: Record<string, string[]> = {};
  corrected.forEach((correction, i) => {
    const item = scored[i]!;
    const wanted = new Set(correction.themes);
    const reasons = item.segments.filter((segment) => !segment.praiseOnly);
    for (const segment of reasons) {
      const best = [...wanted].sort((a, b) => segment.scores[ids.indexOf(b)]! - segment.scores[ids.indexOf(a)]!)[0];
      if (best) extra.get(best)!.push(segment.scoredText);
    }
    // A wanted theme no sentence went to still learns from the whole text.
    for (const theme of wanted) if (!reasons.some((s) => extra.get(theme)!.includes(s.scoredText))) extra.get(theme)!.push(correction.text);
    assigned[i]!.segments.forEach((segment, s) => {
      for (const theme of segment.themes) {
        if (wanted.has(theme)) continue;
        counter[theme] ??= [];
        counter[theme].push(item.segments[s]!.scoredText);
      }
    });
  });
  return {
    taxonomy: {
      ...taxonomy,
      themes: taxonomy.themes.map((theme) => ({ ...theme, examples: [...theme.examples, ...new Set(extra.get(theme.id)!)] })),
    },
    counterExamples: Object.fromEntries(Object.entries(counter).map(([id, texts]) => [id, [...new Set(texts)]])),
    pinned: (text) => pinnedByKey.get(correctionKey(text)),
  };
}

/**
 * What an adviser fixing every mistake would write: each labelled item whose predicted themes
 * differ from its labels, with its labels. Used to measure corrections (scripts, tests); only
 * ever from development sets.
 */
export function correctionsFromMistakes(
  gold: readonly { text: string; themes: readonly string[] }[],
  predicted: readonly (readonly string[])[],
): { text: string; themes: string[] }[] {
  return gold.filter((g, i) => themeSet(g.themes) !== themeSet(predicted[i]!)).map((g) => ({ text: g.text, themes: [...g.themes] }));
}

/** Text rows whose feedback is not among `items`: they teach, but correct nothing in this run. */
export function unmatchedTextRows(corrected: readonly ResolvedCorrection[], items: readonly { text: string }[]): ResolvedCorrection[] {
  const present = new Set(items.map((item) => correctionKey(item.text)));
  return corrected.filter((correction) => correction.by === 'text' && !present.has(correctionKey(correction.text)));
}
