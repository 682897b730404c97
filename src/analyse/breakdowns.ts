// Counts by stage, cohort and month. A group with fewer than `minGroup` candidates is suppressed:
// its theme counts could single out a person, so they are withheld (themes: null).

import type { ClassifiedItem } from '../types.js';
import type { Breakdowns, GroupBreakdown, Phase, PhaseBreakdown } from './model.js';
import { PHASES, phaseOfStage } from './phases.js';
import { compareStrings, personKey, themeIdsOf } from './util.js';

interface GroupAccumulator {
  spellings: Map<string, number>;
  items: number;
  people: Set<string>;
  themeItems: Map<string, number>;
}

function newAccumulator(): GroupAccumulator {
  return { spellings: new Map(), items: 0, people: new Set(), themeItems: new Map() };
}

function normaliseValue(value: string | null): string | null {
  if (value === null) return null;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

/** Most frequent spelling of a case-insensitive group; ties go to the first in code-unit order. */
function displaySpelling(spellings: Map<string, number>): string {
  let best: string | null = null;
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && best !== null && compareStrings(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best ?? '';
}

export function finishGroup(
  key: string | null,
  accumulator: GroupAccumulator,
  themeIds: readonly string[],
  minGroup: number,
): GroupBreakdown {
  const candidates = accumulator.people.size;
  const suppressed = candidates < minGroup;
  let themes: Record<string, number> | null = null;
  if (!suppressed) {
    themes = {};
    for (const id of themeIds) themes[id] = accumulator.themeItems.get(id) ?? 0;
  }
  return { key, items: accumulator.items, candidates, suppressed, themes };
}

function addTo(accumulator: GroupAccumulator, entry: ClassifiedItem, spelling: string | null): void {
  if (spelling !== null) accumulator.spellings.set(spelling, (accumulator.spellings.get(spelling) ?? 0) + 1);
  accumulator.items += 1;
  accumulator.people.add(personKey(entry));
  for (const id of themeIdsOf(entry)) accumulator.themeItems.set(id, (accumulator.themeItems.get(id) ?? 0) + 1);
}

/** Groups items by a free-text value, case- and whitespace-insensitively. */
function groupBy(
  entries: readonly ClassifiedItem[],
  valueOf: (entry: ClassifiedItem) => string | null,
  themeIds: readonly string[],
  minGroup: number,
): GroupBreakdown[] {
  const groups = new Map<string | null, GroupAccumulator>();
  for (const entry of entries) {
    const spelling = normaliseValue(valueOf(entry));
    const groupKey = spelling === null ? null : spelling.toLowerCase();
    let accumulator = groups.get(groupKey);
    if (!accumulator) {
      accumulator = newAccumulator();
      groups.set(groupKey, accumulator);
    }
    addTo(accumulator, entry, spelling);
  }
  return [...groups.entries()].map(([groupKey, accumulator]) =>
    finishGroup(groupKey === null ? null : displaySpelling(accumulator.spellings), accumulator, themeIds, minGroup),
  );
}

/** Null keys (not recorded) last; otherwise by key. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}

export function monthOf(date: string | null): string | null {
  return date !== null && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
}

export function computeBreakdowns(
  entries: readonly ClassifiedItem[],
  themeIds: readonly string[],
  minGroup: number,
): Breakdowns {
  const phaseRank = (key: string | null) => PHASES.indexOf(phaseOfStage(key));
  const byStage = groupBy(entries, (entry) => entry.item.stage, themeIds, minGroup).sort(
    (a, b) => phaseRank(a.key) - phaseRank(b.key) || b.items - a.items || compareKeys(a.key, b.key),
  );
  const byCohort = groupBy(entries, (entry) => entry.item.cohort, themeIds, minGroup).sort((a, b) =>
    compareKeys(a.key, b.key),
  );
  const byMonth = groupBy(entries, (entry) => monthOf(entry.item.date), themeIds, minGroup).sort((a, b) =>
    compareKeys(a.key, b.key),
  );
  return { byStage, byCohort, byMonth };
}

/** Items grouped into the five phases, always all five in process order. */
export function computePhases(
  entries: readonly ClassifiedItem[],
  themeIds: readonly string[],
  minGroup: number,
): PhaseBreakdown[] {
  const accumulators = new Map<Phase, GroupAccumulator>(PHASES.map((phase) => [phase, newAccumulator()]));
  const stagesByPhase = new Map<Phase, Map<string, string>>(PHASES.map((phase) => [phase, new Map()]));
  for (const entry of entries) {
    const stage = normaliseValue(entry.item.stage);
    const phase = phaseOfStage(stage);
    addTo(accumulators.get(phase)!, entry, stage);
    if (stage !== null && !stagesByPhase.get(phase)!.has(stage.toLowerCase())) {
      stagesByPhase.get(phase)!.set(stage.toLowerCase(), stage);
    }
  }
  return PHASES.map((phase) => ({
    ...finishGroup(phase, accumulators.get(phase)!, themeIds, minGroup),
    key: phase,
    stages: [...stagesByPhase.get(phase)!.values()].sort(compareStrings),
  }));
}

export { newAccumulator, addTo };
export type { GroupAccumulator };
