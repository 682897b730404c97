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
  // A filtered view recounts who meets a reason again from these: only where the head was sure.
  const unsure = items.map((prepared) => themeMask(prepared.possibleThemeIds, order));
  if (unsure.some((mask) => mask !== 0)) facts.unsure = unsure;
  // ... and by rejection as the page counts them: the facts date an item by its month alone, so two
  // rejections in one month were one there (an employer's later call back is one with its silence).
  const rejectionOf = new Map<PreparedItem, number>();
  onePerRejection(items).forEach((rejection, index) => {
    for (const row of rejection.rows) rejectionOf.set(row, index + 1);
  });
  facts.rejection = items.map((prepared) => rejectionOf.get(prepared) ?? 0);
  return facts;
}
