// Labelled feedback in, precision/recall/F1 out. Gold files are CSV with a `text` column and a
// `themes` column ("a|b"); other columns are ignored so an export can be labelled in place.

import { CliError, ExitCode } from '../errors.js';
import { parseTable, readTable, type TableRecord } from '../ingest/table.js';
import { labelledTextsAsRead } from '../redact/index.js';
import { DEFAULT_THEME_IDS, type Thresholds } from '../types.js';
import type { Classifier } from './classifier.js';
import { themeListReader, unknownThemeIds } from './theme-list.js';
import type { ScoredItem } from './units.js';

/** The stable default theme ids; gold labels are checked against these unless told otherwise. */

export interface GoldItem {
  text: string;
  themes: string[];
  /** 1-based physical line where the row starts. */
  line: number;
}

export interface ThemeMetrics {
  id: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold items carrying the theme. */
  support: number;
  /** Items the classifier gave the theme. */
  predicted: number;
}

export interface EvaluationReport {
  items: number;
  microPrecision: number;
  microRecall: number;
  microF1: number;
  /** Mean F1 over the themes that occur in the gold labels. */
  macroF1: number;
  themes: ThemeMetrics[];
  /** Themes predicted but absent from the labels (their F1 is 0 by definition; reported apart from macro-F1). */
  predictedOnly: string[];
  /** Items the classifier gave no theme at all. */
  unthemed: number;
}

/**
 * Reads a labelled CSV. Theme ids are separated by `|` (`;` and `,` are accepted too); an empty
 * themes cell means "no theme". Unknown ids fail with the file, line and the valid ids.
 */
export async function readGold(
  path: string,
  themeIds: readonly string[] = DEFAULT_THEME_IDS,
  options: GoldOptions = {},
): Promise<GoldItem[]> {
  const records = await readTable(path, { what: 'the labelled file', hint: 'Check the path of the labelled CSV.' });
  return goldFromRecords(records, path, themeIds, options);
}

export interface GoldOptions {
  /** Rows with no text or no theme are mistakes to name (training), not rows to pass over (evaluation). */
  strict?: boolean;
}

/** Labelled items from CSV text (decoded, as readGold reads a file). */
export function parseGold(
  csv: string,
  path: string,
  themeIds: readonly string[] = DEFAULT_THEME_IDS,
  options: GoldOptions = {},
): GoldItem[] {
  return goldFromRecords(parseTable(csv, path), path, themeIds, options);
}

/** Every unknown theme id (and, when strict, every row without text or themes) is listed, each with its line (exit 2). */
export function goldFromRecords(
  records: readonly TableRecord[],
  path: string,
  themeIds: readonly string[],
  options: GoldOptions,
): GoldItem[] {
  const rows = [...records];
  const header = rows.shift();
  if (!header) throw new CliError(`${path}: the file is empty. Expected a header with columns text and themes.`, ExitCode.usage);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const textColumn = names.indexOf('text');
  const themesColumn = names.findIndex((n) => n === 'themes' || n === 'theme' || n === 'labels');
  const missing = [textColumn < 0 ? 'text' : null, themesColumn < 0 ? 'themes' : null].filter(Boolean);
  if (missing.length > 0) {
    throw new CliError(
      `${path}:${header.line}: missing column(s) ${missing.join(' and ')}. The header has: ${header.cells.join(', ') || '(nothing)'}. ` +
        'A labelled file needs a "text" column and a "themes" column with ids separated by "|".',
      ExitCode.usage,
    );
  }
  const readThemes = themeListReader(themeIds);
  const gold: GoldItem[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const text = (row.cells[textColumn] ?? '').trim();
    const { themes, unknown } = readThemes(row.cells[themesColumn] ?? '');
    if (unknown.length > 0) problems.push(unknownThemeIds(`${path}:${row.line}`, unknown));
    if (text === '') {
      if (options.strict) problems.push(`${path}:${row.line}: empty text: add the feedback or delete the row`);
      continue;
    }
    if (options.strict && themes.length === 0)
      problems.push(`${path}:${row.line}: no theme: label it (uninformative when it gives no reason) or delete the row`);
    gold.push({ text, themes, line: row.line });
  }
  if (problems.length > 0) {
    const unknownIds = problems.some((p) => p.includes('unknown theme id'));
    throw new CliError(`${problems.join('\n')}${unknownIds ? `\nValid ids: ${themeIds.join(', ')}.` : ''}`, ExitCode.usage);
  }
  return gold;
}

/**
 * Multi-label metrics. Micro figures pool every (item, theme) decision over `themeIds`; macro-F1
 * averages per-theme F1 over the themes that occur in the gold labels: a theme only predicted has an
 * F1 of 0 whatever else happens, so it is listed apart (`predictedOnly`) rather than averaged in.
 */
export function evaluateAssignments(predicted: string[][], gold: string[][], themeIds: string[]): EvaluationReport {
  if (predicted.length !== gold.length) {
    throw new Error(`evaluateAssignments: ${predicted.length} predictions for ${gold.length} gold items`);
  }
  const index = new Map(themeIds.map((id, i) => [id, i]));
  const tp = new Array<number>(themeIds.length).fill(0);
  const fp = new Array<number>(themeIds.length).fill(0);
  const fn = new Array<number>(themeIds.length).fill(0);
  for (let i = 0; i < gold.length; i++) {
    const want = new Set(gold[i]!.filter((t) => index.has(t)));
    const got = new Set(predicted[i]!.filter((t) => index.has(t)));
    for (const t of got) (want.has(t) ? tp : fp)[index.get(t)!]++;
    for (const t of want) if (!got.has(t)) fn[index.get(t)!]++;
  }
  const themes = themeIds.map((id, i) => {
    const precision = ratio(tp[i]!, tp[i]! + fp[i]!);
    const recall = ratio(tp[i]!, tp[i]! + fn[i]!);
    return { id, precision, recall, f1: f1(precision, recall), support: tp[i]! + fn[i]!, predicted: tp[i]! + fp[i]! };
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const microPrecision = ratio(sum(tp), sum(tp) + sum(fp));
  const microRecall = ratio(sum(tp), sum(tp) + sum(fn));
  const used = themes.filter((t) => t.support > 0);
  return {
    items: gold.length,
    microPrecision,
    microRecall,
    microF1: f1(microPrecision, microRecall),
    macroF1: used.length > 0 ? sum(used.map((t) => t.f1)) / used.length : 0,
    themes,
    predictedOnly: themes.filter((t) => t.support === 0 && t.predicted > 0).map((t) => t.id),
    unthemed: predicted.filter((p) => p.filter((t) => index.has(t)).length === 0).length,
  };
}

/** Several labelled files, pooled in order, each checked against the taxonomy's ids. */
export async function readGoldFiles(paths: string[], themeIds: readonly string[]): Promise<GoldItem[]> {
  return (await Promise.all(paths.map((path) => readGold(path, themeIds)))).flat();
}

/**
 * Labelled items scored once, to be measured at any thresholds: the one evaluation workflow,
 * shared by the `evaluate` command, the fitting scripts and the quality tests.
 */
export interface ScoredGold {
  gold: GoldItem[];
  /** The gold theme ids of each item. */
  labels: string[][];
  scored: ScoredItem[];
  themeIds: string[];
  /** Theme ids assigned to each item at these thresholds. */
  predict(thresholds: Thresholds): string[][];
  measure(thresholds: Thresholds): EvaluationReport;
}

export async function scoreGold(
  classifier: Pick<Classifier, 'score' | 'assign'>,
  gold: GoldItem[],
  themeIds: string[],
  /** Whether the texts are classified as a run reads them, redacted (the default), or as given (a run with --no-redact). */
  options: { redact?: boolean } = {},
): Promise<ScoredGold> {
  const texts = labelledTextsAsRead(
    gold.map((g) => g.text),
    options.redact !== false,
  );
  const scored = await classifier.score(texts.map((text, i) => ({ id: `gold-${i}`, text })));
  const labels = gold.map((g) => g.themes);
  const predict = (thresholds: Thresholds) => classifier.assign(scored, thresholds).map((a) => a.themes.map((t) => t.themeId));
  return { gold, labels, scored, themeIds, predict, measure: (thresholds) => evaluateAssignments(predict(thresholds), labels, themeIds) };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
