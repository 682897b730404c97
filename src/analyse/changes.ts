// "What changed since the last run": each theme's share of items now against the previous run in
// the store (same taxonomy, same engine), listed only when the move passes the guard in
// significance.ts. An identical re-run lists nothing.

import type { FollowUpMember, ItemContent, PreviousRun } from '../previous-run.js';
import type { Arrivals, ChangeTest, FollowUpRow, LeftFollowUp, ThemeMovement, ThemeSummary } from './model.js';
import { CHANGE_GUARD, compareProportions, formatP } from './significance.js';
import { compareNatural, percent, ratio, round } from './util.js';

export interface ChangeAnalysis {
  changes: ThemeMovement[];
  test: ChangeTest | null;
  takeaway: string | null;
  /** What is new since the earlier run, by count; null without one, or when it did not record what it held. */
  arrivals: Arrivals | null;
}

/** What this run holds: item ids, candidate ids and its follow-up list, to say what is new since the earlier run. */
export interface CurrentMembers {
  itemIds: readonly string[];
  candidateIds: readonly string[];
  followUp: readonly FollowUpMember[];
  /** Each item by id, candidate and text hash, as the store records it: what is gone or edited since. */
  itemContents?: readonly ItemContent[];
  /** The references of every student in this run: whether one who left the list is still in the export. */
  references?: readonly string[];
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
  const contents = previous.itemContents && current.itemContents ? contentChanges(previous.itemContents, current.itemContents) : null;
  const onList = new Set(current.followUp.map((member) => member.reference));
  const wasOnList = previous.followUp ? new Set(previous.followUp.map((member) => member.reference)) : null;
  const inExport = new Set(current.references ?? []);
  return {
    items: contents?.added ?? countNew(current.itemIds, previous.itemIds),
    students: countNew(current.candidateIds, previous.candidateIds),
    followUp: wasOnList ? [...onList].filter((reference) => !wasOnList.has(reference)).sort(compareNatural) : null,
    itemsGone: contents?.gone ?? null,
    itemsEdited: contents?.edited ?? null,
    studentsGone: countNew(previous.candidateIds, current.candidateIds),
    leftFollowUp: wasOnList
      ? [...wasOnList]
          .filter((reference) => !onList.has(reference))
          .sort(compareNatural)
          .map((reference): LeftFollowUp => ({ reference, inExport: inExport.has(reference) }))
      : null,
  };
}

/**
 * What became of the earlier run's items, by content (candidate and text hash, each matched once):
 * an item now whose content that run did not hold is an edit when its id held other content that is
 * gone now (an edited row), else new; content of that run left unmatched is gone (a removed row). A
 * row that only moved (its line id shifted when a row above it was removed) is neither.
 */
function contentChanges(before: readonly ItemContent[], now: readonly ItemContent[]): { added: number; gone: number; edited: number } {
  const key = (content: ItemContent) => `${content.candidate ?? ''}\u0000${content.textSha256}`;
  const unmatched = new Map<string, number>();
  for (const content of before) unmatched.set(key(content), (unmatched.get(key(content)) ?? 0) + 1);
  const take = (k: string): boolean => {
    const left = unmatched.get(k) ?? 0;
    if (left > 0) unmatched.set(k, left - 1);
    return left > 0;
  };
  const fresh = now.filter((content) => !take(key(content)));
  const beforeById = new Map(before.map((content) => [content.id, content]));
  let edited = 0;
  for (const content of fresh) {
    const earlier = beforeById.get(content.id);
    if (earlier !== undefined && take(key(earlier))) edited++;
  }
  let gone = 0;
  for (const left of unmatched.values()) gone += left;
  return { added: fresh.length - edited, gone, edited };
}

/** Students named in the report's line; the rest are counted (followup.csv marks every new row). */
const NAMED_NEWCOMERS = 10;

/**
 * "12 new items and 3 new students since 2026-04-01; 2 items gone from the export (1 student no longer
 * in it) and 1 item edited; 1 student newly needs a follow-up: Candidate 4K7QXM; 1 student is no
 * longer on the list: Candidate Q5QM12 (no longer in the export). "
 */
function arrivalsLine(arrivals: Arrivals, previous: PreviousRun): string {
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const counts = `${plural(arrivals.items, 'new item')} and ${plural(arrivals.students, 'new student')} since ${previous.finishedAt.slice(0, 10)}`;
  const gone = arrivals.itemsGone ?? 0;
  const edited = arrivals.itemsEdited ?? 0;
  const goneStudents = arrivals.studentsGone > 0 ? ` (${plural(arrivals.studentsGone, 'student')} no longer in it)` : '';
  const removals = [
    gone > 0 ? `${plural(gone, 'item')} gone from the export${goneStudents}` : '',
    edited > 0 ? `${plural(edited, 'item')} edited` : '',
  ].filter(Boolean);
  // Students gone are said beside the items gone; with none gone (an edit can move a student's only
  // row to another), on their own.
  if (gone === 0 && arrivals.studentsGone > 0) removals.push(`${plural(arrivals.studentsGone, 'student')} no longer in the export`);
  const removed = removals.length > 0 ? `; ${removals.join(' and ')}` : '';
  const left = leftLine(arrivals.leftFollowUp);
  const newcomers = arrivals.followUp;
  if (newcomers === null) return `${counts}${removed}. `;
  if (newcomers.length === 0) return `${counts}${removed}; nobody newly needs a follow-up${left}. `;
  const named = newcomers.slice(0, NAMED_NEWCOMERS).join(', ');
  const more = newcomers.length > NAMED_NEWCOMERS ? ` and ${newcomers.length - NAMED_NEWCOMERS} more (column new of followup.csv)` : '';
  const who = newcomers.length === 1 ? '1 student newly needs' : `${newcomers.length} students newly need`;
  return `${counts}${removed}; ${who} a follow-up: ${named}${more}${left}. `;
}

/** "; 2 students are no longer on the list: Candidate A (no longer in the export), Candidate B (still in the export: their feedback changed)". */
function leftLine(left: readonly LeftFollowUp[] | null): string {
  if (left === null || left.length === 0) return '';
  const why = (student: LeftFollowUp) =>
    `${student.reference} (${student.inExport ? 'still in the export: their feedback changed' : 'no longer in the export'})`;
  const named = left.slice(0, NAMED_NEWCOMERS).map(why).join(', ');
  const more = left.length > NAMED_NEWCOMERS ? ` and ${left.length - NAMED_NEWCOMERS} more` : '';
  return `; ${left.length === 1 ? '1 student is' : `${left.length} students are`} no longer on the list: ${named}${more}`;
}

/** Marks each row of the follow-up list that the earlier run's list did not have (same student, same theme). */
export function markNewRows(rows: readonly FollowUpRow[], previous: PreviousRun | null): FollowUpRow[] {
  const before = previous?.followUp;
  if (before === undefined) return [...rows];
  const known = new Set(before.map((member) => `${member.reference}\u0000${member.themeId}`));
  return rows.map((row) => ({ ...row, isNew: row.kind === 'single' ? null : !known.has(`${row.pseudonym}\u0000${row.themeId}`) }));
}

function countNew(now: readonly string[], before: readonly string[]): number {
  const earlier = new Set(before);
  return new Set(now.filter((id) => !earlier.has(id))).size;
}
