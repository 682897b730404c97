// Per-item facts every analysis needs (who, which themes, which groups), computed once so the
// breakdowns stay linear on large exports.

import { normaliseValue } from '../ingest/text.js';
import type { ClassifiedItem } from '../types.js';
import type { Phase } from './model.js';
import { phaseOfStage } from './phases.js';
import { compareItems } from './util.js';

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

/** One item per rejection (its first row, with the themes of all its rows): what "in N of their rejections" counts. */
export function onePerRejection(items: readonly PreparedItem[]): PreparedItem[] {
  const byKey = new Map<string, PreparedItem>();
  for (const prepared of items) {
    const key = rejectionKey(prepared);
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, prepared);
      continue;
    }
    const themeIds = [...new Set([...first.themeIds, ...prepared.themeIds])];
    const possibleThemeIds = [...new Set([...first.possibleThemeIds, ...prepared.possibleThemeIds])].filter((id) => !themeIds.includes(id));
    byKey.set(key, { ...first, themeIds, possibleThemeIds });
  }
  return [...byKey.values()];
}
