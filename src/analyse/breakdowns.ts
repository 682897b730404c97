// Counts by stage, cohort and month. A group with fewer than `minGroup` candidates is suppressed:
// its theme counts could single out a person, so they are withheld (themes: null).

import type { Breakdowns, GroupBreakdown, Phase, PhaseBreakdown } from './model.js';
import { PHASES, phaseOfStage } from './phases.js';
import type { PreparedItem } from './prepare.js';
import { compareNatural, compareStrings } from './util.js';

interface GroupAccumulator {
  spellings: Map<string, number>;
  items: number;
  people: Set<string>;
  themeItems: Map<string, number>;
}

function newAccumulator(): GroupAccumulator {
  return { spellings: new Map(), items: 0, people: new Set(), themeItems: new Map() };
}

function addTo(accumulator: GroupAccumulator, prepared: PreparedItem, spelling: string | null): void {
  if (spelling !== null) accumulator.spellings.set(spelling, (accumulator.spellings.get(spelling) ?? 0) + 1);
  accumulator.items += 1;
  accumulator.people.add(prepared.person);
  for (const id of prepared.themeIds) accumulator.themeItems.set(id, (accumulator.themeItems.get(id) ?? 0) + 1);
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

function finishGroup(key: string | null, accumulator: GroupAccumulator, themeIds: readonly string[], minGroup: number): GroupBreakdown {
  const candidates = accumulator.people.size;
  const suppressed = candidates < minGroup;
  let themes: Record<string, number> | null = null;
  if (!suppressed) {
    themes = {};
    for (const id of themeIds) themes[id] = accumulator.themeItems.get(id) ?? 0;
  }
  return { key, items: accumulator.items, candidates, suppressed, themes };
}

/** Groups items by a value, case-insensitively (values arrive whitespace-collapsed). */
function groupBy(
  items: readonly PreparedItem[],
  valueFor: (prepared: PreparedItem) => string | null,
  themeIds: readonly string[],
  minGroup: number,
): GroupBreakdown[] {
  const groups = new Map<string | null, GroupAccumulator>();
  for (const prepared of items) {
    const spelling = valueFor(prepared);
    const groupKey = spelling === null ? null : spelling.toLowerCase();
    let accumulator = groups.get(groupKey);
    if (!accumulator) {
      accumulator = newAccumulator();
      groups.set(groupKey, accumulator);
    }
    addTo(accumulator, prepared, spelling);
  }
  return [...groups.entries()].map(([groupKey, accumulator]) =>
    finishGroup(groupKey === null ? null : displaySpelling(accumulator.spellings), accumulator, themeIds, minGroup),
  );
}

/** Null keys (not recorded) last; otherwise by key, numbers by value. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareNatural(a, b);
}

export function computeBreakdowns(items: readonly PreparedItem[], themeIds: readonly string[], minGroup: number): Breakdowns {
  const phaseRank = (key: string | null) => PHASES.indexOf(phaseOfStage(key));
  const byStage = groupBy(items, (prepared) => prepared.stage, themeIds, minGroup).sort(
    (a, b) => phaseRank(a.key) - phaseRank(b.key) || b.items - a.items || compareKeys(a.key, b.key),
  );
  const byCohort = groupBy(items, (prepared) => prepared.cohort, themeIds, minGroup).sort((a, b) => compareKeys(a.key, b.key));
  const byMonth = groupBy(items, (prepared) => prepared.month, themeIds, minGroup).sort((a, b) => compareKeys(a.key, b.key));
  return { byStage, byCohort, byMonth };
}

/** Items grouped into the five phases, always all five in process order. */
export function computePhases(items: readonly PreparedItem[], themeIds: readonly string[], minGroup: number): PhaseBreakdown[] {
  const accumulators = new Map<Phase, GroupAccumulator>(PHASES.map((phase) => [phase, newAccumulator()]));
  const stagesByPhase = new Map<Phase, Map<string, string>>(PHASES.map((phase) => [phase, new Map()]));
  for (const prepared of items) {
    addTo(accumulators.get(prepared.phase)!, prepared, prepared.stage);
    if (prepared.stage !== null) {
      const stages = stagesByPhase.get(prepared.phase)!;
      const key = prepared.stage.toLowerCase();
      if (!stages.has(key)) stages.set(key, prepared.stage);
    }
  }
  return PHASES.map((phase) => ({
    ...finishGroup(phase, accumulators.get(phase)!, themeIds, minGroup),
    key: phase,
    stages: [...stagesByPhase.get(phase)!.values()].sort(compareStrings),
  }));
}
