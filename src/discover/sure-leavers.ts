// Items the head is sure of leave a group (sureLeave): once a group has passed the coverage guard,
// those are mostly a neighbouring known theme's feedback swept in with the new topic. With
// sureNearer an item stays when one of its sentences there is nearer the group than its sure
// theme, as a missing topic the head takes for a known theme is (docs/engines-and-quality.md,
// Which items the head is wrongly sure of). Those items are also left out of the stability test's
// count (unsureStability, SureLeaving.counted).

import type { GroupingSettings } from '../classify/profiles.js';
import type { ClassifiedItem, Taxonomy } from '../types.js';
import { dot, meanVector } from './neighbours.js';

/** What leaving reads of a group's member sentence. */
export interface MemberNearness {
  text: string;
  /** Mean similarity to the group's members (its centre). */
  similarity: number;
  /** With sureNearer: mean similarity to each theme's exemplars, in taxonomy order. */
  themeSimilarity?: Float32Array;
}

export interface SureLeaving {
  /** A member's mean similarity to each theme's exemplars, when sureNearer reads it (else undefined). */
  themeSimilarity: (vector: Float32Array) => Float32Array | undefined;
  /** The items of a group that leave it (sureLeavers); null when the head is sure of no item. */
  leavers: (cluster: { texts: MemberNearness[]; items: Set<string> }, itemIdsOf: (text: string) => string[]) => Set<string> | null;
  /**
   * With unsureStability, which grouped sentences (each given by its items) the stability test
   * counts (1): those of an item the head is not sure of, the items that stay in a shown group.
   */
  counted: (sentenceItems: readonly (readonly string[])[]) => Uint8Array;
}

/**
 * Leaving by `settings.sureLeave` (above 0) and `settings.sureNearer`. Each theme's exemplar mean is
 * worked out once, and each member's similarity to it as the member joins: memory stays that of
 * the members, and nothing is embedded twice.
 */
export function sureLeaving(
  classified: readonly ClassifiedItem[],
  taxonomy: Taxonomy,
  themeExemplars: readonly Float32Array[][],
  settings: Pick<GroupingSettings, 'sureLeave' | 'sureNearer'>,
): SureLeaving {
  const themeMeans = settings.sureNearer < Infinity ? themeExemplars.map((list) => (list.length > 0 ? meanVector(list) : null)) : null;
  const sure = sureThemes(classified, settings.sureLeave);
  const themeIndex = new Map(taxonomy.themes.map((theme, t) => [theme.id, t]));
  return {
    themeSimilarity: (vector) => (themeMeans ? Float32Array.from(themeMeans, (m) => (m ? dot(vector, m) : -1)) : undefined),
    leavers: (cluster, itemIdsOf) => (sure.size === 0 ? null : sureLeavers(cluster, sure, themeIndex, settings.sureNearer, itemIdsOf)),
    counted: (sentenceItems) => Uint8Array.from(sentenceItems, (ids) => (ids.some((id) => !sure.has(id)) ? 1 : 0)),
  };
}

/**
 * The items for which a theme head states a theme ("no reason given" too, not "possibly") with a
 * probability of at least `from`. In a group that passed the coverage guard these are mostly
 * feedback on a known theme swept in with the new topic (docs/engines-and-quality.md, Where a
 * removed theme is lost): a missing topic's own items are seldom stated so surely. Each item with
 * the themes stated so.
 */
export function sureThemes(classified: readonly ClassifiedItem[], from: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of classified) {
    const themes = entry.themes.filter((theme) => !theme.tentative && (theme.confidence ?? 0) >= from).map((theme) => theme.themeId);
    if (themes.length > 0) out.set(entry.item.id, themes);
  }
  return out;
}

/**
 * The items of a group that leave it: those the head is sure of a theme for (`sure`), unless, with
 * sureNearer, one of the item's sentences there is nearer the group than that theme by at least
 * sureNearer (its mean similarity to the group's members less its mean similarity to the theme's
 * exemplars). A missing topic the head takes for a known theme sits in its group; a neighbouring
 * theme's feedback sits nearly as near that theme's exemplars.
 */
function sureLeavers(
  cluster: { texts: MemberNearness[]; items: Set<string> },
  sure: ReadonlyMap<string, readonly string[]>,
  themeIndex: ReadonlyMap<string, number>,
  sureNearer: number,
  itemIdsOf: (text: string) => string[],
): Set<string> {
  // Each sure item's best sentence: how much nearer the group it is than its nearest sure theme.
  const nearer = new Map<string, number>();
  if (sureNearer < Infinity)
    for (const m of cluster.texts)
      for (const id of itemIdsOf(m.text)) {
        const themes = sure.get(id);
        if (!themes || !m.themeSimilarity) continue;
        const toTheme = Math.max(-1, ...themes.map((theme) => m.themeSimilarity![themeIndex.get(theme) ?? -1] ?? -1));
        nearer.set(id, Math.max(nearer.get(id) ?? -Infinity, m.similarity - toTheme));
      }
  return new Set([...cluster.items].filter((id) => sure.has(id) && (nearer.get(id) ?? -Infinity) < sureNearer));
}
