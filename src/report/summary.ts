// summary.json: the machine-readable contract scripts depend on. Figures, and no feedback text
// except the few example sentences of each emerging theme (redacted like every output).

import type {
  Breakdowns,
  ChangeTest,
  Cooccurrence,
  RecurringCandidate,
  ReportCounts,
  ReportModel,
  StageDiagnosis,
  ThemeMovement,
  ThemeSummary,
} from '../analyse/model.js';
import { inputSummary, type InputSummary } from '../ingest/mapping.js';
import type { EmergingTheme, EngineName } from '../types.js';

/** The per-theme figures of summary.json: named field by field, so the model can grow without
 * changing the contract. */
export type SummaryTheme = Pick<
  ThemeSummary,
  'id' | 'label' | 'actionable' | 'items' | 'share' | 'candidates' | 'recurringCandidates' | 'change'
>;

export interface Summary {
  schemaVersion: 1;
  generatedAt: string;
  /** The run's id: the name of its folder under `runs/` and its row in the store (null only outside a run). */
  runId: string | null;
  engine: { name: EngineName; model: string | null; fallbackReason: string | null };
  taxonomy: { source: string; themes: number };
  thresholds: { source: string };
  /** Per input file: how it was read and which header fed each role. */
  inputs: InputSummary[];
  counts: Omit<ReportCounts, 'itemsWithoutCandidate'>;
  themes: SummaryTheme[];
  recurrence: RecurringCandidate[];
  breakdowns: Breakdowns;
  cooccurrence: Cooccurrence[];
  stageDiagnosis: StageDiagnosis;
  /** Themes whose share moved beyond noise since `previousRun` (empty when none did, or no run to compare). */
  changes: ThemeMovement[];
  /** The test `changes` passed; null when there was no previous run. */
  changeTest: ChangeTest | null;
  /** Items and students new, gone and edited since `previousRun`, by count (never ids), and who joined or left the follow-up list, by reference; null without a previous run. */
  newSincePrevious: ReportModel['newSincePrevious'];
  cache: { hits: number; misses: number } | null;
  /** The theme head (calibrated confidence) and per theme the items it is sure of and those only "possibly"; null without a head. */
  confidence: ReportModel['confidence'];
  previousRun: { runId: string; finishedAt: string } | null;
  /** Clusters of feedback no theme explains (shown ones only). */
  emerging: SummaryEmerging[];
}

export type SummaryEmerging = Pick<EmergingTheme, 'id' | 'label' | 'terms' | 'items' | 'candidates' | 'examples'>;

export function buildSummary(model: ReportModel): Summary {
  const { counts } = model;
  return {
    schemaVersion: 1,
    generatedAt: model.generatedAt,
    runId: model.runId,
    engine: { name: model.engine.name, model: model.engine.model, fallbackReason: model.engine.fallbackReason },
    taxonomy: { source: model.taxonomy.source, themes: model.taxonomy.themes.length },
    thresholds: { source: model.thresholdsSource },
    inputs: model.inputs.files.map(inputSummary),
    counts: {
      items: counts.items,
      segments: counts.segments,
      candidates: counts.candidates,
      rejectedRows: counts.rejectedRows,
      unthemedItems: counts.unthemedItems,
      dataRows: counts.dataRows,
    },
    themes: model.themes.map((theme) => ({
      id: theme.id,
      label: theme.label,
      actionable: theme.actionable,
      items: theme.items,
      share: theme.share,
      candidates: theme.candidates,
      recurringCandidates: theme.recurringCandidates,
      change: theme.change,
    })),
    recurrence: model.recurrence,
    breakdowns: model.breakdowns,
    cooccurrence: model.cooccurrence,
    stageDiagnosis: model.stageDiagnosis,
    changes: model.changes,
    changeTest: model.changeTest,
    newSincePrevious: model.newSincePrevious,
    cache: model.cache,
    confidence: model.confidence,
    previousRun: model.previousRun,
    emerging: model.emerging.map((cluster) => ({
      id: cluster.id,
      label: cluster.label,
      terms: cluster.terms,
      items: cluster.items,
      candidates: cluster.candidates,
      examples: cluster.examples,
    })),
  };
}
