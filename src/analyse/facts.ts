// Compact per-item facts embedded in report.html so the page can be filtered without a server:
// for each item only which cohort, stage and month it belongs to, which pseudonymous candidate it
// came from and which themes it carries. No text, no ids: group values are the ones the report's
// tables already show, and candidates are numbers into the list of their references.

import type { Breakdowns, ItemFacts, Phase } from './model.js';
import { phaseOfStage, PHASES } from './phases.js';
import { onePerRejection, type PreparedItem } from './prepare.js';

/** Group values listed by name in the report's tables; the rest are pooled (see below). */
export const LISTED_GROUPS = 100;
/** Bit masks are exact up to 2^53. */
export const MAX_FACT_THEMES = 52;

/** Pooled name for stages the tables do not list, one per phase so the pool keeps its phase. */
export const OTHER_STAGES: Record<Phase, string> = {
  application: 'Other application stages',
  testing: 'Other online test stages',
  interview: 'Other interview stages',
  assessment: 'Other assessment stages',
  other: 'Other stages',
};
export const OTHER_COHORTS = 'Other cohorts';

/** Index of each value in `values`, with 0 reserved for "not recorded". */
function indexer(values: readonly string[]): Map<string, number> {
  return new Map(values.map((value, index) => [value.toLowerCase(), index + 1]));
}

export function themeMask(themeIds: readonly string[], order: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const id of themeIds) {
    const bit = order.get(id);
    if (bit !== undefined) mask += 2 ** bit;
  }
  return mask;
}

export function themesOfMask(mask: number, themeIds: readonly string[]): string[] {
  const ids: string[] = [];
  let rest = mask;
  for (let bit = 0; rest > 0 && bit < themeIds.length; bit += 1) {
    if (rest % 2 === 1) ids.push(themeIds[bit]);
    rest = Math.floor(rest / 2);
  }
  return ids;
}

/** Null when the taxonomy has too many themes for a mask: the report then has no filters. */
export function itemFacts(
  items: readonly PreparedItem[],
  breakdowns: Breakdowns,
  themeIds: readonly string[],
  /** Candidate id → reference; a candidate's number n in the facts is that of `facts.references[n - 1]`. */
  references: ReadonlyMap<string, string>,
): ItemFacts | null {
  if (themeIds.length > MAX_FACT_THEMES) return null;
  const order = new Map(themeIds.map((id, index) => [id, index]));
  const listedCohorts = breakdowns.byCohort.slice(0, LISTED_GROUPS).flatMap((group) => (group.key === null ? [] : [group.key]));
  const listedStages = breakdowns.byStage.slice(0, LISTED_GROUPS).flatMap((group) => (group.key === null ? [] : [group.key]));
  const cohorts = [...listedCohorts];
  const stages = [...listedStages];
  if (breakdowns.byCohort.some((group, index) => index >= LISTED_GROUPS && group.key !== null)) cohorts.push(OTHER_COHORTS);
  for (const phase of PHASES) {
    if (breakdowns.byStage.some((group, index) => index >= LISTED_GROUPS && group.key !== null && phaseOfStage(group.key) === phase))
      stages.push(OTHER_STAGES[phase]);
  }
  const months = breakdowns.byMonth.flatMap((group) => (group.key === null ? [] : [group.key]));
  const cohortIndex = indexer(cohorts);
  const stageIndex = indexer(stages);
  const monthIndex = indexer(months);
  const otherCohort = cohortIndex.get(OTHER_COHORTS.toLowerCase()) ?? 0;
  const numberOf = new Map([...references.keys()].map((id, index) => [id, index + 1]));
  const facts: ItemFacts = {
    cohorts,
    stages,
    months,
    references: [...references.values()],
    cohort: [],
    stage: [],
    month: [],
    candidate: [],
    themes: [],
  };
  for (const prepared of items) {
    facts.cohort.push(prepared.cohort === null ? 0 : (cohortIndex.get(prepared.cohort.toLowerCase()) ?? otherCohort));
    facts.stage.push(
      prepared.stage === null
        ? 0
        : (stageIndex.get(prepared.stage.toLowerCase()) ?? stageIndex.get(OTHER_STAGES[prepared.phase].toLowerCase()) ?? 0),
    );
    facts.month.push(prepared.month === null ? 0 : (monthIndex.get(prepared.month) ?? 0));
    facts.candidate.push(prepared.candidate === null ? 0 : (numberOf.get(prepared.candidate) ?? 0));
    facts.themes.push(themeMask(prepared.themeIds, order));
  }
  // A filtered view recounts who meets a reason again from these, so they say what the months do
  // not, sparsely ([item, value] pairs; a page of 200,000 items holds 2.9 MiB of facts): the themes
  // the head was not sure of, and which rejection an item is part of where the month cannot tell.
  const unsure = items.flatMap((prepared, i): [number, number][] =>
    prepared.possibleThemeIds.length > 0 ? [[i, themeMask(prepared.possibleThemeIds, order)]] : [],
  );
  if (unsure.length > 0) facts.unsure = unsure;
  const rejection = rejectionsTheMonthHides(items);
  if (rejection.length > 0) facts.rejection = rejection;
  return facts;
}

/**
 * [item, n]: the item is part of its student's n-th rejection, for the items whose month does not
 * tell their rejections apart: a student's month holding two rejections (two employers in March
 * were one in a filtered view), and a rejection over two months (an employer's later call back).
 */
function rejectionsTheMonthHides(items: readonly PreparedItem[]): [number, number][] {
  const rejectionOf = new Map<PreparedItem, number>();
  const overMonths = new Set<PreparedItem>();
  const seen = new Map<string, number>();
  for (const rejection of onePerRejection(items)) {
    if (rejection.candidate === null) continue;
    const n = (seen.get(rejection.candidate) ?? 0) + 1;
    seen.set(rejection.candidate, n);
    const spans = new Set(rejection.rows.map((row) => row.month)).size > 1;
    for (const row of rejection.rows) {
      rejectionOf.set(row, n);
      if (spans) overMonths.add(row);
    }
  }
  const inMonth = new Map<string, Set<number>>();
  const monthKey = (prepared: PreparedItem) => JSON.stringify([prepared.candidate, prepared.month]);
  for (const prepared of items) {
    const n = rejectionOf.get(prepared);
    if (n === undefined) continue;
    const key = monthKey(prepared);
    inMonth.set(key, (inMonth.get(key) ?? new Set()).add(n));
  }
  return items.flatMap((prepared, i): [number, number][] => {
    const n = rejectionOf.get(prepared);
    if (n === undefined) return [];
    return inMonth.get(monthKey(prepared))!.size > 1 || overMonths.has(prepared) ? [[i, n]] : [];
  });
}
