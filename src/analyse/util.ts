// Small helpers shared by the analysis modules.

import type { ClassifiedItem } from '../types.js';

/** Code-unit order: the same on every machine and locale, so outputs are byte-stable. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounded so JSON output does not depend on floating-point noise. */
export function round(value: number, places = 4): number {
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function ratio(part: number, whole: number): number {
  return whole > 0 ? round(part / whole) : 0;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Input order of items: by file, then line, then id. */
export function compareItems(a: ClassifiedItem, b: ClassifiedItem): number {
  return compareStrings(a.item.source, b.item.source) || a.item.line - b.item.line || compareStrings(a.item.id, b.item.id);
}
