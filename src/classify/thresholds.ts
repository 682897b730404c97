// Per-engine thresholds: defaults (from the engine's profile, profiles.ts), a file format written by
// `evaluate --calibrate`, and the calibration itself. Scores from different embedders live on
// different scales, so thresholds are never shared between engines.

import { parse as parseYaml } from 'yaml';
import { CliError, ExitCode } from '../errors.js';
import { readUserText } from '../io/user-file.js';
import { ENGINE_NAMES, UNINFORMATIVE_THEME, type EngineName, type Taxonomy, type Thresholds } from '../types.js';
import { eligibleScores, themeThreshold } from './assign.js';
import type { ScoredItem } from './units.js';
import { emptyTable } from '../own.js';
import { ENGINE_PROFILES } from './profiles.js';

/** An engine's fitted thresholds (its profile's), for the model it runs. */
export function defaultThresholds(engine: EngineName, model: string | null): Thresholds {
  const profile = ENGINE_PROFILES[engine];
  const { floor, margin, perTheme } = profile.thresholds;
  return { engine, model: profile.usesModel ? model : null, floor, margin, perTheme: { ...perTheme }, source: 'default' };
}

/** Reads thresholds written by `evaluate --calibrate` (JSON or YAML). */
export async function loadThresholds(path: string, engine: EngineName, model: string | null): Promise<Thresholds> {
  const raw = await readUserText(path, {
    what: 'the thresholds file',
    hint: 'Create one with `feedback-themes evaluate <gold.csv> --calibrate <file>`.',
  });
  return parseThresholds(raw, path, engine, model);
}

export function parseThresholds(raw: string, path: string, engine: EngineName, model: string | null): Thresholds {
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new CliError(`${path}: not valid JSON or YAML (${(error as Error).message.split('\n')[0]}).`, ExitCode.usage, { cause: error });
  }
  if (!isRecord(data)) throw new CliError(`${path}: expected an object with engine, floor, margin and perTheme.`, ExitCode.usage);
  const fileEngine = data.engine;
  if (!(ENGINE_NAMES as readonly unknown[]).includes(fileEngine)) {
    throw new CliError(`${path}: engine: expected one of ${ENGINE_NAMES.join(', ')}, got ${JSON.stringify(fileEngine)}.`, ExitCode.usage);
  }
  const number = (key: string, min: number, max: number): number => {
    const value = data[key as keyof typeof data];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw new CliError(`${path}: ${key}: expected a number from ${min} to ${max}, got ${JSON.stringify(value)}.`, ExitCode.usage);
    }
    return value;
  };
  const floor = number('floor', -1, 1);
  const margin = number('margin', 0, 2);
  const perTheme = emptyTable<number>();
  const rawPerTheme = data.perTheme ?? {};
  if (!isRecord(rawPerTheme)) throw new CliError(`${path}: perTheme: expected a map of theme id to number.`, ExitCode.usage);
  for (const [id, value] of Object.entries(rawPerTheme)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 1) {
      throw new CliError(`${path}: perTheme.${id}: expected a number from -1 to 1, got ${JSON.stringify(value)}.`, ExitCode.usage);
    }
    perTheme[id] = value;
  }
  const fileModel = data.model ?? null;
  if (fileModel !== null && typeof fileModel !== 'string') {
    throw new CliError(`${path}: model: expected a model id or null, got ${JSON.stringify(fileModel)}.`, ExitCode.usage);
  }
  if (fileEngine !== engine) {
    throw new CliError(
      `${path}: these thresholds were fitted for the ${fileEngine} engine, but this run uses the ${engine} engine. ` +
        'Scores of different engines are on different scales. Pass --engine ' +
        fileEngine +
        ', or calibrate thresholds for this engine with `feedback-themes evaluate <gold.csv> --engine ' +
        engine +
        ' --calibrate <file>`.',
      ExitCode.usage,
    );
  }
  if (ENGINE_PROFILES[engine].usesModel && fileModel !== null && model !== null && !sameModel(fileModel, model)) {
    throw new CliError(
      `${path}: these thresholds were fitted for model "${fileModel}", but this run uses "${model}". ` +
        'Calibrate for this model with `evaluate --calibrate`, or set model: null in the file to use them with any model.',
      ExitCode.usage,
    );
  }
  return { engine, model: fileModel, floor, margin, perTheme, source: path };
}

/** A hub id and a local folder holding the same model ("…/all-MiniLM-L6-v2") count as the same. */
function sameModel(a: string, b: string): boolean {
  const last = (s: string) =>
    s
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop()!
      .toLowerCase();
  return a === b || last(a) === last(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function serialiseThresholds(t: Thresholds): string {
  const perTheme = Object.fromEntries(Object.entries(t.perTheme).map(([id, v]) => [id, round(v)]));
  return `${JSON.stringify({ engine: t.engine, model: t.model, floor: round(t.floor), margin: round(t.margin), perTheme }, null, 2)}\n`;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Per-theme thresholds that maximise each theme's F1 on labelled items, searched over the scores
 * actually observed (cutting between neighbouring scores), with the floor and margin kept.
 * Themes are independent given the margin, except `uninformative`, which is fitted last because it
 * only counts on items where no other theme was assigned.
 */
export function calibrate(scored: ScoredItem[], gold: string[][], taxonomy: Taxonomy, base: Thresholds): Thresholds {
  if (scored.length !== gold.length) throw new Error(`calibrate: ${scored.length} scored items for ${gold.length} gold items`);
  const themeIds = taxonomy.themes.map((t) => t.id);
  const eligible = scored.map((item) => eligibleScores(item, themeIds, base.margin));
  const perTheme: Record<string, number> = { ...base.perTheme };
  const uninformative = themeIds.indexOf(UNINFORMATIVE_THEME);

  themeIds.forEach((id, t) => {
    if (t === uninformative) return;
    const fitted = bestThreshold(
      eligible.map((e) => e[t]!),
      gold.map((g) => g.includes(id)),
      base.floor,
    );
    if (fitted !== null) perTheme[id] = fitted;
  });

  if (uninformative >= 0) {
    const fitted: Thresholds = { ...base, perTheme };
    const reasonGiven = eligible.map((e) => e.some((s, t) => t !== uninformative && s >= themeThreshold(fitted, themeIds[t]!)));
    const fittedU = bestThreshold(
      eligible.map((e, i) => (reasonGiven[i] ? -Infinity : e[uninformative]!)),
      gold.map((g) => g.includes(UNINFORMATIVE_THEME)),
      base.floor,
    );
    if (fittedU !== null) perTheme[UNINFORMATIVE_THEME] = fittedU;
  }
  return { ...base, perTheme, source: 'calibrated' };
}

/**
 * The threshold maximising F1 for one theme, or null when the labels never use it or no threshold
 * finds any of them. Among equally good cuts the middle one is taken; the cut sits halfway between
 * the lowest accepted score and the next score below it, never under the floor.
 */
export function bestThreshold(scores: number[], positive: boolean[], floor: number): number | null {
  const totalPositive = positive.filter(Boolean).length;
  if (totalPositive === 0) return null;
  const order = scores
    .map((score, i) => ({ score, positive: positive[i]! }))
    .filter((x) => x.score >= floor)
    .sort((a, b) => b.score - a.score);
  let tp = 0;
  let fp = 0;
  let bestF1 = 0;
  const best: number[] = [];
  for (let i = 0; i < order.length; i++) {
    if (order[i]!.positive) tp++;
    else fp++;
    // Only cut between distinct scores: equal scores are accepted together.
    if (i + 1 < order.length && order[i + 1]!.score === order[i]!.score) continue;
    const f1 = (2 * tp) / (2 * tp + fp + (totalPositive - tp));
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best.length = 0;
      best.push(i);
    } else if (Math.abs(f1 - bestF1) <= 1e-12 && f1 > 0) {
      best.push(i);
    }
  }
  if (best.length === 0) return null;
  const cut = best[Math.floor((best.length - 1) / 2)]!;
  const lowestAccepted = order[cut]!.score;
  const nextBelow = cut + 1 < order.length ? order[cut + 1]!.score : floor;
  return Math.max(floor, (lowestAccepted + nextBelow) / 2);
}
