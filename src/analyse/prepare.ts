// Per-item facts every analysis needs (who, which themes, which groups), computed once so the
// breakdowns stay linear on large exports.

import { normaliseValue } from '../ingest/text.js';
import { UNINFORMATIVE_THEME, type ClassifiedItem } from '../types.js';
import type { Phase } from './model.js';
import { phaseOfStage } from './phases.js';
import { compareItems, compareStrings } from './util.js';

export interface PreparedItem {
  entry: ClassifiedItem;
  /** Position in input order (file, line, id). */
  position: number;
  /** Candidate id, or a per-item key when the candidate is unknown (a person of their own). */
  person: string;
  candidate: string | null;
  /** Distinct theme ids of the item. */
  themeIds: string[];
  /** Those the theme head was not sure of (stated as "possibly"; never the basis of advice to one student). */
  possibleThemeIds: string[];
  /** Whitespace-collapsed values; null when missing or blank. */
  stage: string | null;
  cohort: string | null;
  month: string | null;
  phase: Phase;
}

/** One rejection: its first row, with the themes of all its `rows` (`onePerRejection`). */
export interface Rejection extends PreparedItem {
  /** Every row it was written in (a row per sentence; an employer's call back), in input order. */
  rows: readonly PreparedItem[];
}

export function monthOf(date: string | null): string | null {
  return date !== null && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
}

export function prepare(classified: readonly ClassifiedItem[]): PreparedItem[] {
  const phaseCache = new Map<string, Phase>();
  return [...classified].sort(compareItems).map((entry, position) => {
    const candidate = normaliseValue(entry.item.candidate);
    const stage = normaliseValue(entry.item.stage);
    let phase: Phase = 'other';
    if (stage !== null) {
      const cached = phaseCache.get(stage);
      phase = cached ?? phaseOfStage(stage);
      if (cached === undefined) phaseCache.set(stage, phase);
    }
    return {
      entry,
      position,
      person: candidate !== null ? `c:${candidate}` : `i:${entry.item.id}`,
      candidate,
      themeIds: [...new Set(entry.themes.map((assignment) => assignment.themeId))],
      possibleThemeIds: [...new Set(entry.themes.filter((assignment) => assignment.tentative).map((assignment) => assignment.themeId))],
      stage,
      cohort: normaliseValue(entry.item.cohort),
      month: monthOf(entry.item.date),
      phase,
    };
  });
}

/**
 * Which rejection a row belongs to. Some exports write one row per feedback sentence: a student's
 * rows with the same date, employer, stage and role (a date or an employer given) are one
 * rejection, and a reason in three of its sentences came back once, not three times.
 */
function rejectionKey(prepared: PreparedItem): string {
  const { item } = prepared.entry;
  const employer = normaliseValue(item.employer)?.toLowerCase() ?? null;
  if (prepared.candidate === null || (item.date === null && employer === null)) return `i:${item.id}`;
  return JSON.stringify([
    prepared.candidate,
    item.date,
    employer,
    prepared.stage?.toLowerCase() ?? null,
    normaliseValue(item.role)?.toLowerCase() ?? null,
  ]);
}

/**
 * One item per rejection (its first row, with the themes of all its rows): what "in N of their
 * rejections" counts. A rejection that gave a reason in any of its rows gave one: it is "no reason
 * given" only when none of its rows gave one.
 */
export function onePerRejection(items: readonly PreparedItem[]): Rejection[] {
  const byKey = new Map<string, Rejection>();
  for (const prepared of items) {
    const key = rejectionKey(prepared);
    const first = byKey.get(key);
    byKey.set(key, first === undefined ? { ...prepared, rows: [prepared] } : withThemesOf(first, prepared));
  }
  return withLaterStages(withCallbacks([...byKey.values()]));
}

/** `first` (the rejection's first row) with the themes of `other` too. */
function withThemesOf(first: Rejection, other: Rejection | PreparedItem): Rejection {
  let themeIds = [...new Set([...first.themeIds, ...other.themeIds])];
  if (themeIds.some((id) => id !== UNINFORMATIVE_THEME)) themeIds = themeIds.filter((id) => id !== UNINFORMATIVE_THEME);
  const possibleThemeIds = [...new Set([...first.possibleThemeIds, ...other.possibleThemeIds])].filter((id) => !themeIds.includes(id));
  const rows = [...first.rows, ...('rows' in other ? other.rows : [other])].sort((a, b) => a.position - b.position);
  return { ...first, themeIds, possibleThemeIds, rows };
}

const givesNoReason = (prepared: PreparedItem) => prepared.themeIds.length === 1 && prepared.themeIds[0] === UNINFORMATIVE_THEME;
const givesReason = (prepared: PreparedItem) => prepared.themeIds.some((id) => id !== UNINFORMATIVE_THEME);

/**
 * An employer who gave no reason and later called back with one: the later row of the same student,
 * employer, role and stage, dated after the silent one, is that rejection's reason, not a rejection
 * of its own (nor is the employer still to be asked). A second silence from the same application
 * stays a rejection of its own, as does anything undated (which came first cannot be told).
 */
function withCallbacks(rejections: readonly Rejection[]): Rejection[] {
  const answered = new Map<Rejection, Rejection>();
  const absorbed = new Set<Rejection>();
  for (const list of byApplication(rejections, (rejection) => applicationKey(rejection)).values()) {
    if (list.length < 2) continue;
    let silent: Rejection | null = null;
    for (const rejection of inDateOrder(list)) {
      if (silent !== null && givesReason(rejection) && rejection.entry.item.date! > silent.entry.item.date!) {
        answered.set(silent, withThemesOf(silent, rejection));
        absorbed.add(rejection);
        silent = null;
      } else if (givesNoReason(rejection)) silent = rejection;
    }
  }
  return merged(rejections, answered, absorbed);
}

/** The dated rejections grouped by the application `keyOf` names (null: none), in input order. */
function byApplication(rejections: readonly Rejection[], keyOf: (rejection: Rejection) => string | null): Map<string, Rejection[]> {
  const groups = new Map<string, Rejection[]>();
  for (const rejection of rejections) {
    const key = keyOf(rejection);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(rejection);
    else groups.set(key, [rejection]);
  }
  return groups;
}

/** One application's rejections, earliest first (file order between rows of one day). */
function inDateOrder(list: readonly Rejection[]): Rejection[] {
  return [...list].sort((a, b) => compareStrings(a.entry.item.date!, b.entry.item.date!) || a.position - b.position);
}

/** `rejections` with each one `into` names replaced by what it became and each one `absorbed` gone. */
function merged(rejections: readonly Rejection[], into: ReadonlyMap<Rejection, Rejection>, absorbed: ReadonlySet<Rejection>): Rejection[] {
  if (absorbed.size === 0) return [...rejections];
  return rejections.flatMap((rejection) => (absorbed.has(rejection) ? [] : [into.get(rejection) ?? rejection]));
}

/** The student's application a dated row is about (employer named), or null; `stage`: at that stage. */
function applicationKey(prepared: PreparedItem, stage = true): string | null {
  const { item } = prepared.entry;
  const employer = normaliseValue(item.employer)?.toLowerCase() ?? null;
  if (prepared.candidate === null || employer === null || item.date === null) return null;
  return JSON.stringify([
    prepared.candidate,
    employer,
    stage ? (prepared.stage?.toLowerCase() ?? null) : '',
    normaliseValue(item.role)?.toLowerCase() ?? null,
  ]);
}

/** How far into a hiring process a phase lies; an interview and an assessment centre come in either order. */
const PHASE_STEP: Partial<Record<Phase, number>> = { application: 0, testing: 1, interview: 2, assessment: 2 };
/** A hiring process from application to its last stage; the same role applied for again is further apart. */
const ONE_PROCESS_DAYS = 183;
const DAY_MS = 86_400_000;

/**
 * One application followed through its stages: a student's rows for one employer and role at a
 * later stage than the row before (a CV's feedback on 3 February, the interview's on 17 February)
 * are one rejection, where the process ended, with every stage's themes: the student got past the
 * earlier stage, and one employer saying a thing at two stages is not two employers saying it. A
 * silent last stage stays a rejection of its own (the employer is still to be asked), as does a row
 * undated, without a role (two of one employer's vacancies cannot be told apart), at an unknown
 * stage, at an earlier stage than the one before, or over six months on (the role applied for again).
 */
function withLaterStages(rejections: readonly Rejection[]): Rejection[] {
  const roleAtKnownStage = (rejection: Rejection) =>
    PHASE_STEP[rejection.phase] !== undefined && normaliseValue(rejection.entry.item.role) !== null
      ? applicationKey(rejection, false)
      : null;
  // Each chain's last rejection stands for the whole chain; the ones before it are gone.
  const ended = new Map<Rejection, Rejection>();
  const absorbed = new Set<Rejection>();
  for (const list of byApplication(rejections, roleAtKnownStage).values()) {
    if (list.length < 2) continue;
    let chain: Rejection[] = [];
    const close = () => {
      if (chain.length < 2) return;
      const last = chain.at(-1)!;
      ended.set(last, chain.slice(0, -1).reduce(withThemesOf, last));
      for (const rejection of chain.slice(0, -1)) absorbed.add(rejection);
    };
    for (const rejection of inDateOrder(list)) {
      const previous = chain.at(-1);
      const follows =
        previous !== undefined &&
        givesReason(rejection) &&
        rejection.stage?.toLowerCase() !== previous.stage?.toLowerCase() &&
        PHASE_STEP[rejection.phase]! >= PHASE_STEP[previous.phase]! &&
        daysBetween(chain[0]!.entry.item.date!, rejection.entry.item.date!) <= ONE_PROCESS_DAYS;
      if (follows) chain.push(rejection);
      else {
        close();
        chain = [rejection];
      }
    }
    close();
  }
  return merged(rejections, ended, absorbed);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS;
}
