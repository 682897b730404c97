// The adviser's follow-up list: who keeps hearing the same reason, and who heard no reason at all.
// "People tend to repeat the same failures": a theme back in two or more of a candidate's
// rejections is worth a one-to-one; a rejection with no reason is worth a phone call.

import type { FollowUpMember } from '../previous-run.js';
import { UNINFORMATIVE_THEME, type Contact, type Theme } from '../types.js';
import type { FollowUpRow, Phase } from './model.js';
import { onePerRejection, type PreparedItem, type Rejection } from './prepare.js';
import type { CandidateRecurrence } from './recurrence.js';
import { compareNatural, compareStrings } from './util.js';
import { referenceCode } from './references.js';
import { subReasonAdvice } from './sub-reasons.js';

/** From the seeds: phone the decision-maker, who is likelier to answer a call than an email. */
export const NO_REASON_SUGGESTION =
  'Ask again by phone for specific feedback: call the person who made the decision and ask "what should I do differently next time?"';

/**
 * Without calibrated confidence (no theme head: the lexical engine, or a head that does not fit the
 * run) no theme is confirmed, so a repeat's advice waits on the adviser reading the feedback first.
 */
export const UNCONFIRMED_CHECK =
  'Unconfirmed: the tool cannot say how sure it is of this reason, so read the feedback with the student and agree it says this first. If it does: ';

const SUGGESTION_CHARS = 220;

/** The advice's first sentence, cut at a word when it is very long. */
export function shortAdvice(advice: string): string {
  const text = advice.replace(/\s+/g, ' ').trim();
  const first = text.split(/(?<=[.!?])\s+(?=["“‘'(]?[A-Z])/)[0] ?? text;
  if (first.length <= SUGGESTION_CHARS) return first;
  const cut = first.slice(0, SUGGESTION_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUGGESTION_CHARS / 2)).trimEnd()}…`;
}

export interface CandidateItems {
  /** Normalised candidate id (the key the analysis groups by). */
  id: string;
  /** The identifier as exported, from the candidate's first item. */
  raw: string;
  /** 1-based position in recurrence-strength order. */
  rank: number;
  /** `Candidate 4K7QXM`: the same for this student in every run sharing the secret. */
  reference: string;
  /** Name, email and phone from the export's columns (contactOf): personal data. */
  contact: Contact;
  items: PreparedItem[];
  /** The same items, one per rejection (`onePerRejection`): what "in N of their rejections" counts. */
  rejections: Rejection[];
}

/** Every known candidate with their items in input order, strongest recurrence first. */
export function groupByCandidate(
  items: readonly PreparedItem[],
  ordered: readonly CandidateRecurrence[],
  references: ReadonlyMap<string, string>,
): CandidateItems[] {
  const byId = new Map<string, PreparedItem[]>();
  for (const prepared of items) {
    if (prepared.candidate === null) continue;
    const list = byId.get(prepared.candidate);
    if (list) list.push(prepared);
    else byId.set(prepared.candidate, [prepared]);
  }
  return ordered.map((candidate, index) => {
    const own = byId.get(candidate.id) ?? [];
    // Where the export only had an email or a name, `candidate` is a pseudonymous key and the
    // identifier as exported is kept aside, for this list only.
    const first = own[0]?.entry.item;
    const reference = references.get(candidate.id) ?? candidate.id;
    const contact = contactOf(own);
    return {
      id: candidate.id,
      raw: first?.candidateRaw ?? first?.candidate ?? candidate.id,
      rank: index + 1,
      reference,
      contact,
      items: own,
      rejections: onePerRejection(own),
    };
  });
}

/**
 * Where to reach the student: their newest details first (the latest dated row, then the last in the
 * export), as an address or number changes mid-year. Every email and phone they were written with
 * is kept, newest first and joined with "; " (an old university address may still be read); the
 * name is the one most of their rows use (on a tie, the newest), as "SHARMA, Priya" and "Priya
 * Sharma" are one student.
 */
function contactOf(items: readonly PreparedItem[]): Contact {
  const newestFirst = [...items].sort(
    (a, b) => compareStrings(b.entry.item.date ?? '', a.entry.item.date ?? '') || b.position - a.position,
  );
  const values = (key: keyof Contact) =>
    newestFirst.map((prepared) => prepared.entry.item.contact?.[key] ?? null).filter((value) => value !== null);
  const every = (key: keyof Contact) => {
    // One address written in two cases is one address, kept as its newest row wrote it.
    const distinct = distinctValues(values(key));
    return distinct.length === 0 ? null : distinct.join('; ');
  };
  const counts = new Map<string, number>();
  for (const name of values('name')) counts.set(name, (counts.get(name) ?? 0) + 1);
  let name: string | null = null;
  for (const [spelling, count] of counts) if (name === null || count > counts.get(name)!) name = spelling;
  return { name, email: every('email'), phone: every('phone') };
}

/** Where candidate pages go, and what their names look like (so pages of earlier runs can be removed). */
export const DIGEST_FOLDER = 'candidates';
export const DIGEST_PAGE_PATTERN = /^candidate-[0-9A-Z]+\.html$/;

/** A candidate page's path: from the reference's code, never from the real id. */
export function digestFileOf(reference: string): string {
  return `${DIGEST_FOLDER}/candidate-${referenceCode(reference)}.html`;
}

/** Whether a candidate gets a page: two or more rejections. */
export function hasDigest(candidate: CandidateItems): boolean {
  return candidate.rejections.length >= 2;
}

/** Distinct values as written (first spelling of each, compared case-insensitively), in item order. */
function distinctValues(values: readonly (string | null)[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    const key = clean.toLowerCase();
    if (!seen.has(key)) seen.set(key, clean);
  }
  return [...seen.values()];
}

/** The ids `items.csv` gives the rows, in input order: where a row of the list came from. */
function itemIds(items: readonly PreparedItem[]): string[] {
  return [...items].sort((a, b) => a.position - b.position).map((prepared) => prepared.entry.item.id);
}

function dateSpan(items: readonly PreparedItem[]): { first: string | null; last: string | null } {
  const dates = items
    .map((prepared) => prepared.entry.item.date)
    .filter((date): date is string => date !== null)
    .sort(compareStrings);
  return { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null };
}

/** A student with a page but no repeating reason and no reason-less rejection still gets a row
 * (worded so that it never reads as the no-reason row: these employers did give reasons). */
export const SINGLE_SUGGESTION = 'None of the reasons came up twice: go through the page with the student and agree what to work on next.';

/** Themes the tool was only ever unsure of in a student's rejections, "Label ×N" in taxonomy order:
 * shown, never advised on (a theme it is sure of in one of them is asserted, not "possibly"). N counts
 * rejections, as every other count on the list does: a rejection written over three rows is one. */
function possiblyOf(candidate: CandidateItems, themes: readonly Theme[]): string[] {
  const sure = new Set(candidate.rejections.flatMap((prepared) => prepared.themeIds));
  const counts = new Map<string, number>();
  for (const prepared of candidate.rejections) for (const id of prepared.possibleThemeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return themes.flatMap((theme) => {
    const items = counts.get(theme.id) ?? 0;
    return items === 0 || sure.has(theme.id) ? [] : [items === 1 ? theme.label : `${theme.label} ×${items}`];
  });
}

/**
 * Who to call first, as the seeds would have it: a reason back three times or more ("people tend to
 * repeat the same failures": worth a one-to-one now), and an employer who met the student at
 * interview or an assessment and gave no reason (phone the decision-maker while they remember).
 */
const CALL_FIRST_REPEATS = 3;
const MET_THE_STUDENT = new Set<Phase>(['interview', 'assessment']);

export function followUpRows(
  candidates: readonly CandidateItems[],
  themes: readonly Theme[],
  digests: boolean,
  confirmed: boolean,
): FollowUpRow[] {
  const order = new Map(themes.map((theme, index) => [theme.id, index]));
  const rows: (FollowUpRow & { rank: number; callFirst: boolean })[] = [];
  for (const candidate of candidates) {
    const digest = digests && hasDigest(candidate) ? digestFileOf(candidate.reference) : null;
    const possibly = possiblyOf(candidate, themes);
    const before = rows.length;
    // Counted by rejection (a rejection written over several rows is one); its rows' words choose the advice.
    const { rejections } = candidate;
    for (const theme of themes) {
      const withTheme = rejections.filter((prepared) => prepared.themeIds.includes(theme.id));
      const noReason = theme.id === UNINFORMATIVE_THEME;
      if (withTheme.length < (noReason ? 1 : 2)) continue;
      const span = dateSpan(withTheme);
      rows.push({
        rank: candidate.rank,
        callFirst: noReason ? withTheme.some((prepared) => MET_THE_STUDENT.has(prepared.phase)) : withTheme.length >= CALL_FIRST_REPEATS,
        candidate: candidate.raw,
        ...candidate.contact,
        pseudonym: candidate.reference,
        kind: noReason ? 'no-reason' : 'repeat',
        themeId: theme.id,
        label: theme.label,
        rejections: withTheme.length,
        of: rejections.length,
        firstDate: span.first,
        lastDate: span.last,
        stages: distinctValues(withTheme.map((prepared) => prepared.stage)),
        employers: distinctValues(withTheme.map((prepared) => prepared.entry.item.employer)),
        suggestion: noReason
          ? NO_REASON_SUGGESTION
          : `${confirmed ? '' : UNCONFIRMED_CHECK}${
              subReasonAdvice(
                theme.id,
                candidate.items.filter((prepared) => prepared.themeIds.includes(theme.id)).map((prepared) => prepared.entry.item.text),
              ) ?? shortAdvice(theme.advice)
            }`,
        digest,
        possibly,
        isNew: null,
        items: itemIds(withTheme.flatMap((rejection) => rejection.rows.filter((prepared) => prepared.themeIds.includes(theme.id)))),
      });
    }
    // Every page is listed: a page nobody can match to a student is no use to an adviser.
    if (digest !== null && rows.length === before) {
      const span = dateSpan(candidate.items);
      rows.push({
        rank: candidate.rank,
        callFirst: false,
        candidate: candidate.raw,
        ...candidate.contact,
        pseudonym: candidate.reference,
        kind: 'single',
        themeId: '',
        label: '',
        rejections: rejections.length,
        of: rejections.length,
        firstDate: span.first,
        lastDate: span.last,
        stages: distinctValues(candidate.items.map((prepared) => prepared.stage)),
        employers: distinctValues(candidate.items.map((prepared) => prepared.entry.item.employer)),
        suggestion: SINGLE_SUGGESTION,
        digest,
        possibly,
        isNew: null,
        items: itemIds(candidate.items),
      });
    }
  }
  rows.sort(
    (a, b) =>
      Number(b.callFirst) - Number(a.callFirst) ||
      b.rejections - a.rejections ||
      a.rank - b.rank ||
      (order.get(a.themeId) ?? 0) - (order.get(b.themeId) ?? 0) ||
      compareNatural(a.pseudonym, b.pseudonym),
  );
  return rows.map(({ rank: _rank, callFirst: _callFirst, ...row }) => row);
}

/** The list as the store keeps it: who needs a call and for which theme, by reference only. */
export function followUpMembers(rows: readonly FollowUpRow[]): FollowUpMember[] {
  return rows.flatMap((row) => (row.kind === 'single' ? [] : [{ reference: row.pseudonym, kind: row.kind, themeId: row.themeId }]));
}
