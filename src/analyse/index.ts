// Classified items → ReportModel. Pure: same input, same model, whatever the input order.

import type { EmergingTheme, ClassifiedItem, EngineInfo, IngestFileReport, RejectedRow, Taxonomy } from '../types.js';
import type { ItemContent, PreviousRun } from '../previous-run.js';
import { computeBreakdowns, computePhases } from './breakdowns.js';
import { computeChanges, markNewRows } from './changes.js';
import { buildDigests } from './digest.js';
import { followUpMembers, followUpRows, groupByCandidate } from './followup.js';
import { diagnoseStages } from './diagnosis.js';
import { itemFacts } from './facts.js';
import type { Cooccurrence, HeadSummary, ReportModel, ThemeSummary } from './model.js';
import { onePerRejection, prepare, type PreparedItem } from './prepare.js';
import { selectAllQuotes } from './quotes.js';
import { candidateRecurrence, displayNames, toRecurringCandidates } from './recurrence.js';
import type { AssignReferences } from './references.js';
import { cohortsTakeaway, cooccurrenceTakeaway, labelsOf, overTimeTakeaway, prevalenceTakeaway, recurrenceTakeaway } from './takeaways.js';
import { compareStrings, ratio, round } from './util.js';
import { own } from '../own.js';

export type * from './model.js';
export { phaseOfStage, PHASES, PHASE_LABELS } from './phases.js';

export interface AnalysisInput {
  classified: ClassifiedItem[];
  taxonomy: Taxonomy;
  engine: EngineInfo;
  inputs: { files: IngestFileReport[]; rejects: RejectedRow[]; dataRows: number };
  thresholdsSource: string;
  previous: PreviousRun | null;
  /** Each classified item as the store records it (src/hash.ts `itemContent`), to tell what is new,
   * gone or edited since `previous`; absent: by id alone. */
  contents?: readonly ItemContent[];
  /** `digests`: also build one page per candidate with two or more rejections. */
  options: { minGroup: number; showIds: boolean; generatedAt: string; digests?: boolean; runId?: string };
  /** Each candidate id → the reference every output but followup.csv knows them by
   * (src/redact/reference.ts); the browser, whose ids already are references, keeps them. */
  references: AssignReferences;
  cache?: { hits: number; misses: number } | null;
  /** The theme head that decided themes (null or absent: similarity thresholds did). */
  head?: HeadSummary | null;
  /** False skips the per-item facts (the report's filters redraw without them). */
  withFacts?: boolean;
  /** Clusters of unexplained feedback (src/discover), already suppressed below the minimum size. */
  emerging?: EmergingTheme[];
}

/** How sure the head was: per theme, how many items carry it as sure and how many only as "possibly". */
function confidenceOf(
  classified: readonly ClassifiedItem[],
  themeIds: readonly string[],
  head: HeadSummary | null,
): ReportModel['confidence'] {
  if (!head) return null;
  const perTheme = Object.fromEntries(themeIds.map((id) => [id, { sure: 0, possible: 0 }]));
  for (const entry of classified) {
    for (const theme of entry.themes) {
      const counts = perTheme[theme.themeId];
      if (counts) counts[theme.tentative ? 'possible' : 'sure']++;
    }
  }
  return { head, themes: perTheme };
}

/** Per theme: items and people over every assignment; candidates meeting it again only where the
 * head was sure of it each time (`sureRejections`: one item per rejection, unsure themes removed). */
function themeSummaries(
  items: readonly PreparedItem[],
  sureRejections: readonly PreparedItem[],
  taxonomy: Taxonomy,
  previous: PreviousRun | null,
): ThemeSummary[] {
  const themeItems = new Map<string, number>();
  const people = new Map<string, Set<string>>();
  for (const { person, themeIds } of items) {
    for (const id of themeIds) {
      themeItems.set(id, (themeItems.get(id) ?? 0) + 1);
      if (!people.has(id)) people.set(id, new Set());
      people.get(id)!.add(person);
    }
  }
  const perCandidate = new Map<string, Map<string, number>>();
  for (const { candidate, themeIds } of sureRejections) {
    if (candidate === null) continue;
    for (const id of themeIds) {
      if (!perCandidate.has(id)) perCandidate.set(id, new Map());
      const counts = perCandidate.get(id)!;
      counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
    }
  }
  return taxonomy.themes.map((theme) => {
    const count = themeItems.get(theme.id) ?? 0;
    const share = ratio(count, items.length);
    const recurringCandidates = [...(perCandidate.get(theme.id)?.values() ?? [])].filter((n) => n >= 2).length;
    let change: ThemeSummary['change'] = null;
    if (previous !== null) {
      const previousItems = own(previous.themes, theme.id) ?? 0;
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
function cooccurrences(items: readonly PreparedItem[], order: ReadonlyMap<string, number>): Cooccurrence[] {
  const counts = new Map<string, Cooccurrence>();
  for (const { themeIds } of items) {
    if (themeIds.length < 2) continue;
    const ids = [...themeIds].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const pair = counts.get(key);
        if (pair) pair.items += 1;
        else counts.set(key, { a: ids[i], b: ids[j], items: 1 });
      }
    }
  }
  return [...counts.values()].sort((x, y) => y.items - x.items || order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
}

function dateRange(items: readonly PreparedItem[]): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const { entry } of items) {
    const date = entry.item.date;
    if (date === null) continue;
    if (from === null || compareStrings(date, from) < 0) from = date;
    if (to === null || compareStrings(date, to) > 0) to = date;
  }
  return from !== null && to !== null ? { from, to } : null;
}

export function analyse(input: AnalysisInput): ReportModel {
  const { taxonomy, options } = input;
  // Input order can depend on how files were listed; everything downstream sorts from here.
  const items = prepare(input.classified);
  const themeIds = taxonomy.themes.map((theme) => theme.id);
  const order = new Map(themeIds.map((id, index) => [id, index]));
  const labels = labelsOf(taxonomy.themes);

  // Whatever names one student (who keeps meeting a problem, what they are told to work on) rests
  // only on themes the head was sure of; the others appear on their page as "possibly".
  const sure = items.map((prepared) => ({
    ...prepared,
    themeIds: prepared.themeIds.filter((id) => !prepared.possibleThemeIds.includes(id)),
    // What the model could not read (another language, "see attached") holds only guesses: not even "possibly" for one student.
    possibleThemeIds: prepared.entry.unread === undefined ? prepared.possibleThemeIds : [],
  }));
  const sureRejections = onePerRejection(sure);
  const themes = themeSummaries(items, sureRejections, taxonomy, input.previous);
  const { all, recurring } = candidateRecurrence(sureRejections, order);
  // References depend on who a student is, never on rows or order: the same in every run.
  const references = input.references(all.map((candidate) => candidate.id));
  const names = displayNames(references, options.showIds);
  const recurrence = toRecurringCandidates(recurring, names);
  const breakdowns = computeBreakdowns(items, themeIds, options.minGroup);
  const phases = computePhases(items, themeIds, options.minGroup);
  const stageDiagnosis = diagnoseStages(items, phases, taxonomy.themes, options.minGroup);
  const cooccurrence = cooccurrences(items, order);
  const quotes = selectAllQuotes(items, themeIds, names);
  // Facts always use references, even when the report shows ids.
  const facts = input.withFacts === false ? null : itemFacts(items, breakdowns, themeIds, references);
  const digestsWanted = options.digests ?? false;
  const byCandidate = groupByCandidate(sure, all, references);
  const followUp = markNewRows(followUpRows(byCandidate, taxonomy.themes, digestsWanted, (input.head ?? null) !== null), input.previous);
  const changes = computeChanges(themes, items.length, input.previous, {
    itemIds: items.map((prepared) => prepared.entry.item.id),
    candidateIds: items.flatMap((prepared) => (prepared.candidate === null ? [] : [prepared.candidate])),
    followUp: followUpMembers(followUp),
    itemContents: input.contents,
    references: [...references.values()],
  });
  const digests = digestsWanted
    ? buildDigests(byCandidate, new Map(all.map((candidate) => [candidate.id, candidate.themes])), names, taxonomy.themes)
    : null;

  const people = new Set(items.map((prepared) => prepared.person));
  const itemsWithoutCandidate = items.filter((prepared) => prepared.candidate === null).length;

  return {
    schemaVersion: 1,
    generatedAt: options.generatedAt,
    runId: options.runId ?? null,
    engine: { ...input.engine },
    taxonomy: { source: taxonomy.source, themes: taxonomy.themes },
    thresholdsSource: input.thresholdsSource,
    inputs: {
      files: input.inputs.files,
      rejects: input.inputs.rejects,
      dataRows: input.inputs.dataRows,
      dateRange: dateRange(items),
    },
    counts: {
      items: items.length,
      segments: items.reduce((sum, prepared) => sum + prepared.entry.segments.length, 0),
      candidates: people.size,
      rejectedRows: input.inputs.rejects.length,
      unthemedItems: items.filter((prepared) => prepared.themeIds.length === 0).length,
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
      prevalence: prevalenceTakeaway(themes, items.length),
      stageHeatmap: stageDiagnosis.takeaway,
      overTime: overTimeTakeaway(breakdowns.byMonth, themes),
      recurrence: recurrenceTakeaway(recurrence, themes, all.length),
      cooccurrence: cooccurrenceTakeaway(cooccurrence, labels),
      cohorts: cohortsTakeaway(breakdowns.byCohort, themes, options.minGroup),
      changes: changes.takeaway,
    },
    changes: changes.changes,
    changeTest: changes.test,
    newSincePrevious: changes.arrivals,
    followUp,
    digests,
    displayNames: names,
    cache: input.cache ?? null,
    confidence: confidenceOf(input.classified, themeIds, input.head ?? null),
    previousRun: input.previous ? { runId: input.previous.runId, finishedAt: input.previous.finishedAt } : null,
    options: { minGroup: options.minGroup, showIds: options.showIds, digests: digestsWanted },
    facts,
    emerging: input.emerging ?? [],
  };
}
