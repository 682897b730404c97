// Joining a group: a sentence left out of grouping (outside the sample, not novel enough to seed,
// read as boilerplate) joins the group that holds enough of its nearest grouped sentences'
// similarity, by the rules that kept the group's own members (discover/group.ts).

import type { GroupingSettings } from '../classify/profiles.js';
import { insertTop, mean, nearestTheme } from './group.js';
import { dot, nearestNeighbours, type Neighbours } from './neighbours.js';

/**
 * Which group each of `vectors` joins, by its nearest sentences among the grouped sample: the group
 * holding the largest share of its neighbours' similarity, when that share reaches the core share
 * and the sentence is nearer that group's sentences among its neighbours than its nearest theme
 * by the member margin (the rules that kept the sample's own members); otherwise −1. `ownIndex`
 * gives each vector's place in the sample when it is one of the sample's (−1 when not).
 * `link.neighbours`, when given, are the linked vectors' `settings.neighbours` nearest in the linked
 * sample (one more with `ownIndex`), already listed (a caller joining one batch under two settings
 * lists them once). `themeNearness`, when given, is each vector's nearestTheme, already worked out.
 */
export function joinGroups(
  vectors: readonly Float32Array[],
  sample: readonly Float32Array[],
  groupOf: Int32Array,
  settings: GroupingSettings,
  exemplars: readonly (readonly Float32Array[])[],
  link: { vectors: readonly Float32Array[]; sample: readonly Float32Array[]; neighbours?: Neighbours } = { vectors, sample },
  ownIndex: readonly number[] | null = null,
  themeNearness: readonly number[] | null = null,
): number[] {
  // A sentence of the sample itself is not its own neighbour: one more is listed, and it is left out.
  const neighbours: Neighbours = link.neighbours ?? nearestNeighbours(link.vectors, link.sample, settings.neighbours + (ownIndex ? 1 : 0));
  return vectors.map((vector, q) => {
    const listed = Array.from({ length: neighbours.k }, (_, j) => neighbours.index[q * neighbours.k + j]!);
    const others = listed.map((i, j) => ({ i, j })).filter(({ i }) => i !== ownIndex?.[q]);
    const near = others.slice(0, settings.neighbours).map(({ i, j }) => {
      const s = neighbours.similarity[q * neighbours.k + j]!;
      return { link: s, group: groupOf[i]!, similarity: link.vectors === vectors ? s : dot(vector, sample[i]!) };
    });
    return chooseGroup(near, themeNearness?.[q] ?? nearestTheme(vector, exemplars), settings);
  });
}

/**
 * The group a sentence joins from its nearest grouped sentences (`link`: their similarity where
 * sentences are linked; `group`: −1 when in none): the group holding the largest share of that
 * similarity, when the share reaches the core share and the sentence's NEAREST members of it are
 * nearer than its nearest theme (`themeNearness`) by the member margin; otherwise −1.
 */
function chooseGroup(
  near: readonly { link: number; group: number; similarity: number }[],
  themeNearness: number,
  settings: GroupingSettings,
): number {
  const share = new Map<number, number>();
  const nearest = new Map<number, number[]>();
  let total = 0;
  for (const { link, group, similarity } of near) {
    total += Math.max(0, link);
    if (group < 0) continue;
    share.set(group, (share.get(group) ?? 0) + Math.max(0, link));
    const top = nearest.get(group) ?? [];
    insertTop(top, similarity);
    nearest.set(group, top);
  }
  let best = -1;
  let bestShare = 0;
  for (const [g, s] of share) if (s > bestShare || (s === bestShare && g < best)) [best, bestShare] = [g, s];
  if (best < 0 || total === 0 || bestShare / total < settings.coreShare) return -1;
  return mean(nearest.get(best)!) - themeNearness >= settings.memberMargin ? best : -1;
}
