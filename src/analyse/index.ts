// Classified items → ReportModel. Pure: same input, same model, whatever the input order.

import type {
  ClassifiedItem,
  EngineInfo,
  IngestFileReport,
  PreviousRun,
  RejectedRow,
  Taxonomy,
} from '../types.js';
import { computeBreakdowns, computePhases } from './breakdowns.js';
import { diagnoseStages } from './diagnosis.js';
import type { Cooccurrence, Quote, ReportModel, ThemeSummary } from './model.js';
import { selectQuotes } from './quotes.js';
import { candidateRecurrence, pseudonyms, toRecurringCandidates } from './recurrence.js';
import {
  cohortsTakeaway,
  cooccurrenceTakeaway,
  labelsOf,
  overTimeTakeaway,
  prevalenceTakeaway,
  recurrenceTakeaway,
} from './takeaways.js';
import { compareItems, compareStrings, knownCandidate, personKey, ratio, round, themeIdsOf } from './util.js';

export type * from './model.js';
export { phaseOfStage, PHASES, PHASE_LABELS } from './phases.js';

export interface AnalysisInput {
  classified: ClassifiedItem[];
  taxonomy: Taxonomy;
  engine: EngineInfo;
  inputs: { files: IngestFileReport[]; rejects: RejectedRow[]; dataRows: number };
  thresholdsSource: string;
  previous: PreviousRun | null;
  options: { minGroup: number; showIds: boolean; generatedAt: string };
  cache?: { hits: number; misses: number } | null;
}

function themeSummaries(
  entries: readonly ClassifiedItem[],
  taxonomy: Taxonomy,
  previous: PreviousRun | null,
): ThemeSummary[] {
  const items = new Map<string, number>();
  const people = new Map<string, Set<string>>();
  const perCandidate = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    const person = personKey(entry);
    const candidate = knownCandidate(entry);
    for (const id of themeIdsOf(entry)) {
      items.set(id, (items.get(id) ?? 0) + 1);
      if (!people.has(id)) people.set(id, new Set());
      people.get(id)!.add(person);
      if (candidate !== null) {
        if (!perCandidate.has(id)) perCandidate.set(id, new Map());
        const counts = perCandidate.get(id)!;
        counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
      }
    }
  }
  return taxonomy.themes.map((theme) => {
    const count = items.get(theme.id) ?? 0;
    const share = ratio(count, entries.length);
    const recurringCandidates = [...(perCandidate.get(theme.id)?.values() ?? [])].filter((n) => n >= 2).length;
    let change: ThemeSummary['change'] = null;
    if (previous !== null) {
      const previousItems = previous.themes[theme.id] ?? 0;
      change = { items: count - previousItems, share: round(share - ratio(previousItems, previous.items)) };
    }
    return {
      id: theme.id,
      label: theme.label,
      actionable: theme.actionable,
      items: count,
      share,
      candidates: people.get(theme.id)?.size ?? 0,
      recurringCandidates,
      change,
    };
  });
}

/** Items carrying both themes of each pair; pairs in taxonomy order, most frequent first. */
function cooccurrences(entries: readonly ClassifiedItem[], order: ReadonlyMap<string, number>): Cooccurrence[] {
  const counts = new Map<string, Cooccurrence>();
  for (const entry of entries) {
    const ids = [...themeIdsOf(entry)]
      .filter((id) => order.has(id))
      .sort((a, b) => order.get(a)! - order.get(b)!);
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const pair = counts.get(key);
        if (pair) pair.items += 1;
        else counts.set(key, { a: ids[i], b: ids[j], items: 1 });
      }
    }
  }
  return [...counts.values()].sort(
    (x, y) => y.items - x.items || order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!,
  );
}

function dateRange(entries: readonly ClassifiedItem[]): { from: string; to: string } | null {
  const dates = entries.map((entry) => entry.item.date).filter((date): date is string => date !== null).sort(compareStrings);
  return dates.length > 0 ? { from: dates[0], to: dates[dates.length - 1] } : null;
}

export function analyse(input: AnalysisInput): ReportModel {
  const { taxonomy, options } = input;
  // Input order can depend on how files were listed; everything downstream sorts from here.
  const entries = [...input.classified].sort(compareItems);
  const themeIds = taxonomy.themes.map((theme) => theme.id);
  const order = new Map(themeIds.map((id, index) => [id, index]));
  const labels = labelsOf(taxonomy.themes);

  const themes = themeSummaries(entries, taxonomy, input.previous);
  const { all, recurring } = candidateRecurrence(entries, order);
  const names = pseudonyms(all, options.showIds);
  const recurrence = toRecurringCandidates(recurring, names);
  const breakdowns = computeBreakdowns(entries, themeIds, options.minGroup);
  const phases = computePhases(entries, themeIds, options.minGroup);
  const stageDiagnosis = diagnoseStages(entries, phases, taxonomy.themes, options.minGroup);
  const cooccurrence = cooccurrences(entries, order);
  const quotes: Record<string, Quote[]> = {};
  for (const id of themeIds) quotes[id] = selectQuotes(entries, id, names);

  const people = new Set(entries.map(personKey));
  const itemsWithoutCandidate = entries.filter((entry) => knownCandidate(entry) === null).length;

  return {
    schemaVersion: 1,
    generatedAt: options.generatedAt,
    engine: { ...input.engine },
    taxonomy: { source: taxonomy.source, themes: taxonomy.themes },
    thresholdsSource: input.thresholdsSource,
    inputs: {
      files: input.inputs.files,
      rejects: input.inputs.rejects,
      dataRows: input.inputs.dataRows,
      dateRange: dateRange(entries),
    },
    counts: {
      items: entries.length,
      segments: entries.reduce((sum, entry) => sum + entry.segments.length, 0),
      candidates: people.size,
      rejectedRows: input.inputs.rejects.length,
      unthemedItems: entries.filter((entry) => entry.themes.length === 0).length,
      dataRows: input.inputs.dataRows,
      itemsWithoutCandidate,
    },
    themes,
    recurrence,
    breakdowns,
    cooccurrence,
    stageDiagnosis,
    quotes,
    takeaways: {
      prevalence: prevalenceTakeaway(themes, entries.length),
      stageHeatmap: stageDiagnosis.takeaway,
      overTime: overTimeTakeaway(breakdowns.byMonth, themes),
      recurrence: recurrenceTakeaway(recurrence, themes, all.length),
      cooccurrence: cooccurrenceTakeaway(cooccurrence, labels),
      cohorts: cohortsTakeaway(breakdowns.byCohort, themes, options.minGroup),
    },
    cache: input.cache ?? null,
    previousRun: input.previous ? { runId: input.previous.runId, finishedAt: input.previous.finishedAt } : null,
    options: { minGroup: options.minGroup, showIds: options.showIds },
  };
}
