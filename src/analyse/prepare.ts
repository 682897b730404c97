// Per-item facts every analysis needs (who, which themes, which groups), computed once so the
// breakdowns stay linear on large exports.

import { normaliseValue } from '../ingest/text.js';
import { UNINFORMATIVE_THEME, type ClassifiedItem } from '../types.js';
import type { Phase } from './model.js';
import { phaseOfStage } from './phases.js';
import { compareItems, compareStrings } from './util.js';

export interface PreparedItem {
  entry: ClassifiedItem;
  /** Position in input order (file, line, id). */
  position: number;
  /** Candidate id, or a per-item key when the candidate is unknown (a person of their own). */
  person: string;
  candidate: string | null;
  /** Distinct theme ids of the item. */
  themeIds: string[];
  /** Those the theme head was not sure of (stated as "possibly"; never the basis of advice to one student). */
  possibleThemeIds: string[];
  /** Whitespace-collapsed values; null when missing or blank. */
  stage: string | null;
  cohort: string | null;
  month: string | null;
  phase: Phase;
}

/** One rejection: its first row, with the themes of all its `rows` (`onePerRejection`). */
export interface Rejection extends PreparedItem {
  /** Every row it was written in (a row per sentence; an employer's call back), in input order. */
  rows: readonly PreparedItem[];
}

export function monthOf(date: string | null): string | null {
  return date !== null && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
}

export function prepare(classified: readonly ClassifiedItem[]): PreparedItem[] {
  const phaseCache = new Map<string, Phase>();
  return [...classified].sort(compareItems).map((entry, position) => {
    const candidate = normaliseValue(entry.item.candidate);
    const stage = normaliseValue(entry.item.stage);
    let phase: Phase = 'other';
    if (stage !== null) {
      const cached = phaseCache.get(stage);
      phase = cached ?? phaseOfStage(stage);
      if (cached === undefined) phaseCache.set(stage, phase);
    }
    return {
      entry,
      position,
      person: candidate !== null ? `c:${candidate}` : `i:${entry.item.id}`,
      candidate,
      themeIds: [...new Set(entry.themes.map((assignment) => assignment.themeId))],
      possibleThemeIds: [...new Set(entry.themes.filter((assignment) => assignment.tentative).map((assignment) => assignment.themeId))],
      stage,
      cohort: normaliseValue(entry.item.cohort),
      month: monthOf(entry.item.date),
      phase,
    };
  });
}

/**
 * Which rejection a row belongs to. Some exports write one row per feedback sentence: a student's
 * rows with the same date, employer, stage and role (a date or an employer given) are one
 * rejection, and a reason in three of its sentences came back once, not three times.
 */
function rejectionKey(prepared: PreparedItem): string {
  const { item } = prepared.entry;
  const employer = normaliseValue(item.employer)?.toLowerCase() ?? null;
  if (prepared.candidate === null || (item.date === null && employer === null)) return `i:${item.id}`;
  return JSON.stringify([
    prepared.candidate,
    item.date,
    employer,
    prepared.stage?.toLowerCase() ?? null,
    normaliseValue(item.role)?.toLowerCase() ?? null,
  ]);
}

/**
 * One item per rejection (its first row, with the themes of all its rows): what "in N of their
 * rejections" counts. A rejection that gave a reason in any of its rows gave one: it is "no reason
 * given" only when none of its rows gave one.
 */
export function onePerRejection(items: readonly PreparedItem[]): Rejection[] {
  const byKey = new Map<string, Rejection>();
  for (const prepared of items) {
    const key = rejectionKey(prepared);
    const first = byKey.get(key);
    byKey.set(key, first === undefined ? { ...prepared, rows: [prepared] } : withThemesOf(first, prepared));
  }
  return withCallbacks([...byKey.values()]);
}

/** `first` (the rejection's first row) with the themes of `other` too. */
function withThemesOf(first: Rejection, other: Rejection | PreparedItem): Rejection {
  let themeIds = [...new Set([...first.themeIds, ...other.themeIds])];
  if (themeIds.some((id) => id !== UNINFORMATIVE_THEME)) themeIds = themeIds.filter((id) => id !== UNINFORMATIVE_THEME);
  const possibleThemeIds = [...new Set([...first.possibleThemeIds, ...other.possibleThemeIds])].filter((id) => !themeIds.includes(id));
  const rows = [...first.rows, ...('rows' in other ? other.rows : [other])].sort((a, b) => a.position - b.position);
  return { ...first, themeIds, possibleThemeIds, rows };
}

const givesNoReason = (prepared: PreparedItem) => prepared.themeIds.length === 1 && prepared.themeIds[0] === UNINFORMATIVE_THEME;
const givesReason = (prepared: PreparedItem) => prepared.themeIds.some((id) => id !== UNINFORMATIVE_THEME);

/**
 * An employer who gave no reason and later called back with one: the later row of the same student,
 * employer, role and stage, dated after the silent one, is that rejection's reason, not a rejection
 * of its own (nor is the employer still to be asked). A second silence from the same application
 * stays a rejection of its own, as does anything undated (which came first cannot be told).
 */
function withCallbacks(rejections: readonly Rejection[]): Rejection[] {
  const byApplication = new Map<string, Rejection[]>();
  for (const rejection of rejections) {
    const key = applicationKey(rejection);
    if (key === null) continue;
    const list = byApplication.get(key);
    if (list) list.push(rejection);
    else byApplication.set(key, [rejection]);
  }
  const answered = new Map<Rejection, Rejection>();
  const absorbed = new Set<Rejection>();
  for (const list of byApplication.values()) {
    if (list.length < 2) continue;
    let silent: Rejection | null = null;
    for (const rejection of [...list].sort((a, b) => compareStrings(a.entry.item.date!, b.entry.item.date!) || a.position - b.position)) {
      if (silent !== null && givesReason(rejection) && rejection.entry.item.date! > silent.entry.item.date!) {
        answered.set(silent, withThemesOf(silent, rejection));
        absorbed.add(rejection);
        silent = null;
      } else if (givesNoReason(rejection)) silent = rejection;
    }
  }
  if (absorbed.size === 0) return [...rejections];
  return rejections.flatMap((rejection) => (absorbed.has(rejection) ? [] : [answered.get(rejection) ?? rejection]));
}

/** The student's application a dated row is about (employer named), or null. */
function applicationKey(prepared: PreparedItem): string | null {
  const { item } = prepared.entry;
  const employer = normaliseValue(item.employer)?.toLowerCase() ?? null;
  if (prepared.candidate === null || employer === null || item.date === null) return null;
  return JSON.stringify([
    prepared.candidate,
    employer,
    prepared.stage?.toLowerCase() ?? null,
    normaliseValue(item.role)?.toLowerCase() ?? null,
  ]);
}
