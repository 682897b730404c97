// "What changed since the last run": each theme's share of items now against the previous run in
// the store (same taxonomy, same engine), listed only when the move passes the guard in
// significance.ts. An identical re-run lists nothing.

import type { PreviousRun } from '../types.js';
import type { Arrivals, ChangeTest, ThemeMovement, ThemeSummary } from './model.js';
import { CHANGE_GUARD, compareProportions, formatP } from './significance.js';
import { percent, ratio, round } from './util.js';

export interface ChangeAnalysis {
  changes: ThemeMovement[];
  test: ChangeTest | null;
  takeaway: string | null;
  /** What is new since the earlier run, by count; null without one, or when it did not record what it held. */
  arrivals: Arrivals | null;
}

/** What this run holds: item ids and candidate ids, to say how many are new since the earlier run. */
export interface CurrentMembers {
  itemIds: readonly string[];
  candidateIds: readonly string[];
}

export function computeChanges(
  themes: readonly ThemeSummary[],
  totalItems: number,
  previous: PreviousRun | null,
  current?: CurrentMembers,
): ChangeAnalysis {
  if (previous === null) return { changes: [], test: null, takeaway: null, arrivals: null };
  // A theme the previous taxonomy did not have was not "0 before": leave it out.
  const known = previous.themeIds ? new Set(previous.themeIds) : null;
  const tested = themes.filter((theme) => known === null || known.has(theme.id));
  const changes: ThemeMovement[] = [];
  for (const theme of tested) {
    const before = { items: Object.hasOwn(previous.themes, theme.id) ? previous.themes[theme.id] : 0, of: previous.items };
    const after = { items: theme.items, of: totalItems };
    const outcome = compareProportions(before, after, tested.length);
    if (!outcome.significant) continue;
    const beforeShare = ratio(before.items, before.of);
    const afterShare = ratio(after.items, after.of);
    changes.push({
      theme: theme.id,
      label: theme.label,
      before: { ...before, share: beforeShare },
      after: { ...after, share: afterShare },
      direction: afterShare > beforeShare ? 'up' : 'down',
      difference: round(afterShare - beforeShare),
      z: round(outcome.z, 2),
      pValue: round(outcome.pValue, 6),
    });
  }
  changes.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || Math.abs(b.z) - Math.abs(a.z));
  const test: ChangeTest = {
    previousRunId: previous.runId,
    method: 'two-proportion z-test, pooled, two-sided, Bonferroni over themes tested',
    alpha: CHANGE_GUARD.alpha,
    themesTested: tested.length,
    minItems: CHANGE_GUARD.minItems,
    minExpected: CHANGE_GUARD.minExpected,
    minDifference: CHANGE_GUARD.minDifference,
  };
  const arrivals = current ? newSince(previous, current) : null;
  const arrived = arrivals ? arrivalsLine(arrivals, previous) : '';
  return { changes, test, takeaway: `${arrived}${changesTakeaway(changes, previous, totalItems)}`, arrivals };
}

/** "Interview delivery up from 14% to 31% of items": the one line for stderr and key findings. */
export function describeMovement(movement: ThemeMovement): string {
  return `${movement.label} ${movement.direction} from ${percent(movement.before.share)} to ${percent(movement.after.share)} of items`;
}

function changesTakeaway(changes: readonly ThemeMovement[], previous: PreviousRun, totalItems: number): string {
  const against = `compared with the run of ${previous.finishedAt.slice(0, 10)}`;
  if (previous.items < CHANGE_GUARD.minItems || totalItems < CHANGE_GUARD.minItems) {
    return `Too few items to tell a change from noise (each run needs at least ${CHANGE_GUARD.minItems}; ${against}).`;
  }
  if (changes.length === 0) return `No theme’s share moved beyond noise (${against}).`;
  const [largest, ...rest] = changes;
  const others =
    rest.length > 0
      ? ` ${rest.length} other theme${rest.length === 1 ? '' : 's'} also moved: ${rest.map(describeMovement).join('; ')}.`
      : '';
  return `${describeMovement(largest)} (${formatP(largest.pValue)}), ${against}.${others}`;
}

function newSince(previous: PreviousRun, current: CurrentMembers): Arrivals | null {
  if (previous.itemIds === undefined || previous.candidateIds === undefined) return null;
  return { items: countNew(current.itemIds, previous.itemIds), students: countNew(current.candidateIds, previous.candidateIds) };
}

/** "12 new items and 3 new students since 2026-04-01. ": counts only, never ids. */
function arrivalsLine(arrivals: Arrivals, previous: PreviousRun): string {
  const plural = (n: number, noun: string) => `${n} new ${noun}${n === 1 ? '' : 's'}`;
  return `${plural(arrivals.items, 'item')} and ${plural(arrivals.students, 'student')} since ${previous.finishedAt.slice(0, 10)}. `;
}

function countNew(now: readonly string[], before: readonly string[]): number {
  const earlier = new Set(before);
  return new Set(now.filter((id) => !earlier.has(id))).size;
}
