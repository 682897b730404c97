// One page per student with two or more rejections: the "bigger picture" the seeds ask for, put
// together from that student's feedback and nobody else's.

import { UNINFORMATIVE_THEME, type Theme } from '../types.js';
import { diagnoseCandidate } from './candidate-diagnosis.js';
import { digestFileOf, hasDigest, type CandidateItems } from './followup.js';
import { markedText } from './marked-text.js';
import { subReasonAdvice } from './sub-reasons.js';
import type { CandidateDigest, DigestAdvice, DigestEntry, RecurringTheme } from './model.js';
import type { PreparedItem, Rejection } from './prepare.js';
import { compareStrings } from './util.js';

/** Dated items first, oldest first; then input order. */
function compareTimeline(a: PreparedItem, b: PreparedItem): number {
  const dateA = a.entry.item.date;
  const dateB = b.entry.item.date;
  if (dateA !== null && dateB !== null) return compareStrings(dateA, dateB) || a.position - b.position;
  if (dateA !== null) return -1;
  if (dateB !== null) return 1;
  return a.position - b.position;
}

function entryOf(prepared: PreparedItem, order: ReadonlyMap<string, number>): DigestEntry {
  const { item, unread } = prepared.entry;
  const inOrder = (ids: readonly string[]) => [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const entry = {
    itemId: item.id,
    date: item.date ?? item.rawDate ?? null,
    employer: item.employer,
    role: item.role,
    stage: prepared.stage,
    phase: prepared.phase,
  };
  // What the model could not read carries only guesses: a page handed to the student shows none
  // ("possibly conduct" for a French "your profile does not match the post") and says why instead.
  if (unread !== undefined) return { ...entry, themes: [], possibly: [], unread, parts: [{ text: item.text, mark: 'none' }] };
  return { ...entry, themes: inOrder(prepared.themeIds), possibly: inOrder(prepared.possibleThemeIds), parts: markedText(prepared.entry) };
}

function adviceFor(
  items: readonly PreparedItem[],
  rejections: readonly PreparedItem[],
  repeating: readonly RecurringTheme[],
  themes: readonly Theme[],
) {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const count = (id: string) => rejections.filter((prepared) => prepared.themeIds.includes(id)).length;
  const toAdvice = (theme: Theme): DigestAdvice => ({
    themeId: theme.id,
    label: theme.label,
    // Where the student's own feedback names one shortfall, the advice speaks to it.
    text:
      subReasonAdvice(
        theme.id,
        items.filter((prepared) => prepared.themeIds.includes(theme.id)).map((prepared) => prepared.entry.item.text),
      ) ?? theme.advice,
    items: count(theme.id),
    actionable: theme.actionable,
  });
  // "No reason" has its own note (phone and ask); its advice would only repeat it.
  const repeated = repeating
    .filter((theme) => theme.id !== UNINFORMATIVE_THEME && byId.has(theme.id))
    .map((theme) => toAdvice(byId.get(theme.id)!));
  if (repeated.length > 0) return { scope: 'repeating' as const, advice: repeated };
  const given = themes.filter((theme) => theme.id !== UNINFORMATIVE_THEME && count(theme.id) > 0).map(toAdvice);
  return { scope: 'given' as const, advice: given.sort((a, b) => b.items - a.items) };
}

/** The rejections written at several stages of one application (`onePerRejection`), as the page names them. */
function throughStagesOf(rejections: readonly Rejection[]): CandidateDigest['throughStages'] {
  return rejections.flatMap((rejection) => {
    const byCase = new Map(rejection.rows.flatMap((row) => (row.stage === null ? [] : [[row.stage.toLowerCase(), row.stage] as const])));
    const stages = [...byCase.values()];
    const { employer, role } = rejection.entry.item;
    return stages.length > 1 && employer && role ? [{ employer, role, stages }] : [];
  });
}

export function buildDigests(
  candidates: readonly CandidateItems[],
  repeatingOf: ReadonlyMap<string, RecurringTheme[]>,
  names: ReadonlyMap<string, string>,
  themes: readonly Theme[],
): CandidateDigest[] {
  const order = new Map(themes.map((theme, index) => [theme.id, index]));
  return candidates.filter(hasDigest).map((candidate) => {
    const timeline = [...candidate.items].sort(compareTimeline);
    const repeating = (repeatingOf.get(candidate.id) ?? []).map((theme) => ({ ...theme }));
    // The page counts rejections (a rejection written over several rows is one) and shows every row.
    const { rejections } = candidate;
    const { diagnosis, outsideControl, noReason } = diagnoseCandidate(rejections, themes);
    const { scope, advice } = adviceFor(candidate.items, rejections, repeating, themes);
    return {
      file: digestFileOf(candidate.reference),
      pseudonym: names.get(candidate.id) ?? candidate.id,
      items: rejections.length,
      entries: timeline.map((prepared) => entryOf(prepared, order)),
      throughStages: throughStagesOf(rejections),
      repeating,
      diagnosis,
      outsideControl,
      noReason,
      adviceScope: scope,
      advice,
    };
  });
}
