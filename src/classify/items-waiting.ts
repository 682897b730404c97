// Which items of a run wait for which of their texts to be scored, so each is settled as soon as
// its last text is (classifier.ts): on a cold run while the model still embeds longer texts.

import { unitTextsOf, type ScoredItem } from './units.js';

/**
 * Which items wait for which texts: `ready` lists (in order) the items all of whose texts are
 * scored, at first those `isScored` already, then as `scored` is told of each text scored.
 */
export function itemsWaiting(
  items: ScoredItem[],
  clauses: boolean,
  isScored: (text: string) => boolean,
): { ready: number[]; scored(text: string): void } {
  const waitingFor = new Map<string, number[]>();
  const ready: number[] = [];
  const pending = items.map((item, i) => {
    let count = 0;
    for (const text of new Set(item.segments.flatMap((segment) => unitTextsOf(segment, clauses)))) {
      if (isScored(text)) continue;
      count++;
      const items = waitingFor.get(text);
      if (items) items.push(i);
      else waitingFor.set(text, [i]);
    }
    if (count === 0) ready.push(i);
    return count;
  });
  return {
    ready,
    scored(text) {
      for (const i of waitingFor.get(text) ?? []) if (--pending[i]! === 0) ready.push(i);
    },
  };
}
