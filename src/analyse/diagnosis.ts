// Stage diagnosis: do candidates fail to get interviews (CV, cover letter, tests) or lose at
// interview and assessment? The advice differs completely between the two.

import { UNINFORMATIVE_THEME, type Theme } from '../types.js';
import type { DiagnosisSide, Phase, PhaseBreakdown, StageDiagnosis, StageVerdict, ThemeShare } from './model.js';
import { AT_INTERVIEW, BEFORE_INTERVIEW } from './phases.js';
import type { PreparedItem } from './prepare.js';
import { percent, ratio } from './util.js';

const TOP_THEMES = 5;

/** How many of each side's top themes the takeaway (the key finding "Where candidates lose out") names. */
export const NAMED_PER_SIDE = 2;

function side(items: readonly PreparedItem[], phases: readonly Phase[], themes: readonly Theme[], minGroup: number): DiagnosisSide {
  const inSide = items.filter((prepared) => phases.includes(prepared.phase));
  const people = new Set(inSide.map((prepared) => prepared.person));
  const suppressed = people.size < minGroup;
  let top: ThemeShare[] | null = null;
  if (!suppressed) {
    const counts = new Map<string, number>();
    for (const prepared of inSide) for (const id of prepared.themeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    top = themes
      .map((theme, order) => ({ id: theme.id, items: counts.get(theme.id) ?? 0, order }))
      .filter((theme) => theme.items > 0 && theme.id !== UNINFORMATIVE_THEME)
      .sort((a, b) => b.items - a.items || a.order - b.order)
      .slice(0, TOP_THEMES)
      .map(({ id, items }) => ({ id, items, share: ratio(items, inSide.length) }));
  }
  return { phases: [...phases], items: inSide.length, candidates: people.size, suppressed, top };
}

function describeTop(top: ThemeShare[] | null, labels: ReadonlyMap<string, string>): string {
  if (top === null) return 'too few candidates to show themes';
  if (top.length === 0) return 'no theme stands out';
  return top
    .slice(0, NAMED_PER_SIDE)
    .map((theme) => `${labels.get(theme.id) ?? theme.id} (${percent(theme.share)})`)
    .join(' and ');
}

export function diagnoseStages(
  items: readonly PreparedItem[],
  phases: PhaseBreakdown[],
  themes: readonly Theme[],
  minGroup: number,
): StageDiagnosis {
  const beforeInterview = side(items, BEFORE_INTERVIEW, themes, minGroup);
  const atInterview = side(items, AT_INTERVIEW, themes, minGroup);
  const unstagedItems = items.length - beforeInterview.items - atInterview.items;
  const staged = beforeInterview.items + atInterview.items;
  const beforeShare = staged > 0 ? beforeInterview.items / staged : 0;
  let verdict: StageVerdict;
  if (staged === 0) verdict = 'unknown';
  else if (beforeShare >= 0.6) verdict = 'before-interview';
  else if (beforeShare <= 0.4) verdict = 'at-interview';
  else verdict = 'mixed';
  const labels = new Map(themes.map((theme) => [theme.id, theme.label]));
  let takeaway: string;
  if (verdict === 'unknown') {
    takeaway = 'No item has a recognisable stage, so rejections cannot be placed before or at interview.';
  } else {
    const lead =
      verdict === 'before-interview'
        ? `Most staged rejections (${percent(beforeShare)}) come before interview: candidates are not getting interviews.`
        : verdict === 'at-interview'
          ? `Most staged rejections (${percent(1 - beforeShare)}) come at interview or assessment: candidates get seen but lose in the room.`
          : `Staged rejections split between before interview (${percent(beforeShare)}) and at interview or assessment (${percent(1 - beforeShare)}).`;
    takeaway = `${lead} Before interview: ${describeTop(beforeInterview.top, labels)}. At interview: ${describeTop(atInterview.top, labels)}.`;
  }
  return { phases, beforeInterview, atInterview, unstagedItems, verdict, takeaway };
}
