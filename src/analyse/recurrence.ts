// "People tend to repeat the same failures": for each candidate, the themes that came back in two
// or more of their rejections, strongest first.

import type { RecurringCandidate, RecurringTheme } from './model.js';
import type { PreparedItem } from './prepare.js';

export interface CandidateRecurrence {
  /** Real candidate id. */
  id: string;
  items: number;
  themes: RecurringTheme[];
  /** Position of the candidate's first item in input order; breaks ties deterministically. */
  firstSeen: number;
}

/** Stronger recurrence first: the most repeated theme, then total repeats, then breadth. */
function compareStrength(a: CandidateRecurrence, b: CandidateRecurrence): number {
  const maxA = a.themes[0]?.items ?? 0;
  const maxB = b.themes[0]?.items ?? 0;
  const sumA = a.themes.reduce((sum, theme) => sum + theme.items, 0);
  const sumB = b.themes.reduce((sum, theme) => sum + theme.items, 0);
  return maxB - maxA || sumB - sumA || b.themes.length - a.themes.length || a.firstSeen - b.firstSeen;
}

/** `items` must already be in input order. */
export function candidateRecurrence(
  items: readonly PreparedItem[],
  themeOrder: ReadonlyMap<string, number>,
): { all: CandidateRecurrence[]; recurring: CandidateRecurrence[] } {
  const byCandidate = new Map<string, { items: number; themeItems: Map<string, number>; firstSeen: number }>();
  for (const prepared of items) {
    const id = prepared.candidate;
    if (id === null) continue;
    let record = byCandidate.get(id);
    if (!record) {
      record = { items: 0, themeItems: new Map(), firstSeen: prepared.position };
      byCandidate.set(id, record);
    }
    record.items += 1;
    for (const themeId of prepared.themeIds) record.themeItems.set(themeId, (record.themeItems.get(themeId) ?? 0) + 1);
  }
  const all: CandidateRecurrence[] = [];
  for (const [id, record] of byCandidate) {
    const themes = [...record.themeItems.entries()]
      .filter(([, items]) => items >= 2)
      .map(([themeId, items]) => ({ id: themeId, items }))
      .sort((a, b) => b.items - a.items || (themeOrder.get(a.id) ?? 0) - (themeOrder.get(b.id) ?? 0));
    all.push({ id, items: record.items, themes, firstSeen: record.firstSeen });
  }
  all.sort(compareStrength);
  return { all, recurring: all.filter((candidate) => candidate.themes.length > 0) };
}

/** How the report names each candidate: their reference, or their real id when asked. */
export function displayNames(references: ReadonlyMap<string, string>, showIds: boolean): Map<string, string> {
  return new Map([...references.keys()].map((id) => [id, showIds ? id : references.get(id)!]));
}

export function toRecurringCandidates(recurring: readonly CandidateRecurrence[], names: ReadonlyMap<string, string>): RecurringCandidate[] {
  return recurring.map((candidate) => ({
    candidate: names.get(candidate.id) ?? candidate.id,
    items: candidate.items,
    themes: candidate.themes.map((theme) => ({ ...theme })),
  }));
}
