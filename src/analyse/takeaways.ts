// One-line takeaways under each chart, computed from the same figures the chart draws.

import type { Theme } from '../types.js';
import type { Breakdowns, Cooccurrence, RecurringCandidate, ThemeSummary } from './model.js';
import { CHANGE_GUARD, compareProportions, formatP } from './significance.js';
import { formatCount, percent, ratio } from './util.js';

export function prevalenceTakeaway(themes: readonly ThemeSummary[], totalItems: number): string {
  const ranked = themes.filter((theme) => theme.items > 0).sort((a, b) => b.items - a.items);
  if (totalItems === 0 || ranked.length === 0) return 'No feedback item matched a theme.';
  const top = ranked[0];
  const actionableInTop = ranked.slice(0, 3).filter((theme) => theme.actionable).length;
  return (
    `${top.label} is the most common theme: ${percent(top.share)} of items (${formatCount(top.items)} of ${formatCount(totalItems)}), ` +
    `from ${formatCount(top.candidates)} candidate${top.candidates === 1 ? '' : 's'}. ` +
    `${actionableInTop} of the top ${Math.min(3, ranked.length)} themes ${actionableInTop === 1 ? 'is' : 'are'} within the candidate's control.`
  );
}

/** Months as "2026-01" or "2026-01 to 2026-03". */
function monthSpan(months: Breakdowns['byMonth']): string {
  const first = months[0].key!;
  const last = months[months.length - 1].key!;
  return first === last ? first : `${first} to ${last}`;
}

/** The most common theme in the earlier half of the reportable months against the later half,
 * claimed as a rise or fall only when it passes the same guard as "since the last run". */
export function overTimeTakeaway(byMonth: Breakdowns['byMonth'], themes: readonly ThemeSummary[]): string {
  const months = byMonth.filter((month) => month.key !== null && !month.suppressed && month.items > 0);
  if (months.length < 2) return 'Fewer than two reportable months of dated feedback: no trend to show yet.';
  const top = [...themes].sort((a, b) => b.items - a.items)[0];
  if (!top || top.items === 0) return 'No theme to follow over time.';
  const half = Math.floor(months.length / 2);
  const earlier = months.slice(0, half);
  const later = months.slice(months.length - half);
  const side = (group: Breakdowns['byMonth']) => {
    const of = group.reduce((sum, month) => sum + month.items, 0);
    const items = group.reduce((sum, month) => sum + (month.themes![top.id] ?? 0), 0);
    return { items, of, share: ratio(items, of) };
  };
  const before = side(earlier);
  const after = side(later);
  const shares = `${percent(before.share)} of items in ${monthSpan(earlier)}, ${percent(after.share)} in ${monthSpan(later)}`;
  const outcome = compareProportions(before, after);
  if (outcome.significant) {
    const direction = after.share > before.share ? 'rose' : 'fell';
    return `${top.label}, the most common theme, ${direction} from ${percent(before.share)} of items (${monthSpan(earlier)}) to ${percent(after.share)} (${monthSpan(later)}); ${formatP(outcome.pValue)}.`;
  }
  if (outcome.reason === 'too-few') {
    return `Too few dated items to call a trend in ${top.label}, the most common theme (${shares}; each period needs at least ${CHANGE_GUARD.minItems} items and ${CHANGE_GUARD.minExpected} expected with and without the theme).`;
  }
  return `${top.label}, the most common theme, shows no change beyond noise over time (${shares}).`;
}

export function recurrenceTakeaway(
  recurrence: readonly RecurringCandidate[],
  themes: readonly ThemeSummary[],
  knownCandidates: number,
): string {
  if (knownCandidates === 0) return 'No candidate column: recurrence needs to know whose feedback is whose.';
  if (recurrence.length === 0) return 'No candidate received the same theme in two or more rejections.';
  const top = [...themes].sort((a, b) => b.recurringCandidates - a.recurringCandidates)[0];
  return (
    `${formatCount(recurrence.length)} of ${formatCount(knownCandidates)} candidates (${percent(ratio(recurrence.length, knownCandidates))}) ` +
    `got the same theme in two or more rejections; the most repeated is ${top.label} ` +
    `(${formatCount(top.recurringCandidates)} candidate${top.recurringCandidates === 1 ? '' : 's'}).`
  );
}

export function cooccurrenceTakeaway(pairs: readonly Cooccurrence[], labels: ReadonlyMap<string, string>): string {
  if (pairs.length === 0) return 'No two themes appear together in the same item.';
  const top = pairs[0];
  return `${labels.get(top.a) ?? top.a} and ${labels.get(top.b) ?? top.b} appear together most often: in ${formatCount(top.items)} item${top.items === 1 ? '' : 's'}.`;
}

export function cohortsTakeaway(byCohort: Breakdowns['byCohort'], themes: readonly ThemeSummary[], minGroup: number): string {
  const named = byCohort.filter((cohort) => cohort.key !== null);
  if (named.length === 0) return 'No cohort column: nothing to compare.';
  const suppressed = named.filter((cohort) => cohort.suppressed).length;
  const shown = named.filter((cohort) => !cohort.suppressed && cohort.items > 0);
  const suppressedNote =
    suppressed > 0 ? ` ${suppressed} cohort${suppressed === 1 ? ' is' : 's are'} suppressed (fewer than ${minGroup} candidates).` : '';
  const top = [...themes].sort((a, b) => b.items - a.items)[0];
  if (shown.length === 0 || !top || top.items === 0) return `No cohort is large enough to compare.${suppressedNote}`;
  const highest = shown
    .map((cohort) => ({ cohort, share: ratio(cohort.themes![top.id] ?? 0, cohort.items) }))
    .sort((a, b) => b.share - a.share)[0];
  return `Of ${shown.length} reportable cohort${shown.length === 1 ? '' : 's'}, ${highest.cohort.key} has the highest share of ${top.label} (${percent(highest.share)} of its items).${suppressedNote}`;
}

export function labelsOf(themes: readonly Theme[]): Map<string, string> {
  return new Map(themes.map((theme) => [theme.id, theme.label]));
}
