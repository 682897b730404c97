// The figures the chart script draws, embedded in report.html as JSON. One type for both sides:
// the renderer builds it, the browser script (src/report/client) reads it.

import type { Cooccurrence, GroupBreakdown, Phase, ReportModel } from '../analyse/model.js';
import { PHASE_LABELS } from '../analyse/phases.js';
import { compareNatural } from '../analyse/util.js';
import { PALETTE } from './palette.js';

/** Series shown in "over time" and "cohorts": the most common themes. */
export const TREND_THEMES = 5;
/** Cohorts drawn in the comparison chart (largest first); the table lists more. */
export const CHART_COHORTS = 15;

export interface ChartTheme {
  id: string;
  label: string;
  actionable: boolean;
  items: number;
  share: number;
  recurringCandidates: number;
}

export interface ChartPhase {
  key: Phase;
  label: string;
  items: number;
  candidates: number;
  suppressed: boolean;
  themes: Record<string, number> | null;
}

export interface ChartData {
  palette: {
    series: readonly string[];
    actionable: string;
    notActionable: string;
    suppressed: string;
    text: string;
    muted: string;
  };
  minGroup: number;
  /** First and last feedback date; exported charts carry it. */
  dateRange: { from: string; to: string } | null;
  themes: ChartTheme[];
  phases: ChartPhase[];
  months: GroupBreakdown[];
  trendThemes: string[];
  cooccurrence: Cooccurrence[];
  cohorts: GroupBreakdown[];
  cohortThemes: string[];
}

/** The data the chart script needs, and nothing else: figures, never feedback text. */
export function chartData(model: ReportModel): ChartData {
  const byItems = [...model.themes].sort((a, b) => b.items - a.items).filter((theme) => theme.items > 0);
  const trendThemes = byItems.slice(0, TREND_THEMES).map((theme) => theme.id);
  const cohorts = model.breakdowns.byCohort
    .filter((group) => group.key !== null)
    .sort((a, b) => b.items - a.items)
    .slice(0, CHART_COHORTS)
    .sort((a, b) => compareNatural(a.key!, b.key!));
  return {
    palette: PALETTE,
    minGroup: model.options.minGroup,
    dateRange: model.inputs.dateRange,
    themes: model.themes.map(({ id, label, actionable, items, share, recurringCandidates }) => ({
      id,
      label,
      actionable,
      items,
      share,
      recurringCandidates,
    })),
    phases: model.stageDiagnosis.phases
      .filter((phase) => phase.items > 0)
      .map(({ key, items, candidates, suppressed, themes }) => ({
        key,
        label: PHASE_LABELS[key],
        items,
        candidates,
        suppressed,
        themes,
      })),
    months: model.breakdowns.byMonth.filter((group) => group.key !== null),
    trendThemes,
    cooccurrence: model.cooccurrence,
    cohorts,
    cohortThemes: trendThemes,
  };
}
