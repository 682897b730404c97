// A head applied to the run's taxonomy, theme by theme. Its features do not name other themes
// (features.ts), so a theme's model holds in any taxonomy that keeps the theme as it was fitted:
// same id, exemplars and cues (its digest). A theme the head does not know (added, or its
// exemplars or cues changed) is decided by the similarity thresholds; a theme that is gone is
// simply absent.

import { hashText } from '../../hash.js';
import { UNINFORMATIVE_THEME, type Taxonomy, type Theme } from '../../types.js';
import type { HeadFile, ThemeHead } from './file.js';
import type { NoReasonGate } from './gate-model.js';
import type { Probe } from './probe.js';
import { neighboursFromFile, type Neighbours } from './neighbours.js';

/** What a theme's features depend on: its id, exemplars and cues. */
export function themeDigest(theme: Theme): string {
  return hashText(JSON.stringify([theme.id, theme.examples, theme.cues])).slice(0, 16);
}

/** A head over the run's taxonomy, in its theme order. */
export interface AppliedHead {
  themeIds: readonly string[];
  /** Per theme, the head's model of it, or null where the head does not know the theme (similarity thresholds decide it). */
  models: readonly (ThemeHead | null)[];
  /** The probe, one row per theme of the run (zero for a theme the head does not know), or null. */
  probe: Probe | null;
  /** The labelled items, their themes in the run's order (a theme the head does not know: none), or null. */
  neighbours: Neighbours | null;
  standardise: HeadFile['standardise'];
  /** The engine's margin the features were computed with. */
  margin: number;
  assignAt: number;
  confidentAt: number;
  /** The no-reason decision, or null when the head does not know `uninformative` (or has none). */
  noReason: NoReasonGate | null;
}

/** Per theme of `taxonomy`, the index of the head's model of it, or -1 when the head does not know it. */
export function knownThemes(head: Pick<HeadFile, 'taxonomy'>, taxonomy: Taxonomy): number[] {
  return taxonomy.themes.map((theme) => {
    const at = head.taxonomy.themes.indexOf(theme.id);
    return at >= 0 && head.taxonomy.digests[at] === themeDigest(theme) ? at : -1;
  });
}

export function applyHead(head: HeadFile, taxonomy: Taxonomy): AppliedHead {
  const known = knownThemes(head, taxonomy);
  const probe = head.probe;
  return {
    themeIds: taxonomy.themes.map((t) => t.id),
    models: known.map((at) => (at >= 0 ? head.themes[at]! : null)),
    probe: probe && {
      ...probe,
      weights: known.map((at) => (at >= 0 ? probe.weights[at]! : new Array<number>(probe.dims).fill(0))),
      bias: known.map((at) => (at >= 0 ? probe.bias[at]! : 0)),
    },
    neighbours: head.neighbours && neighboursFromFile(head.neighbours, known),
    standardise: head.standardise,
    margin: head.profile.scoring.margin,
    assignAt: head.assignAt,
    confidentAt: head.confidentAt,
    noReason: (known[taxonomy.themes.findIndex((t) => t.id === UNINFORMATIVE_THEME)] ?? -1) >= 0 ? head.noReason : null,
  };
}

/** The themes the head decides (the others pass by their similarity thresholds). */
export function decidedThemes(head: AppliedHead): string[] {
  return head.themeIds.filter((_, t) => head.models[t] !== null);
}
