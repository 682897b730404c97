// Small helpers shared by the analysis modules.

import type { ClassifiedItem } from '../types.js';

/** Code-unit order: the same on every machine and locale, so outputs are byte-stable. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers inside text compare by value ("Cohort 2" before "Cohort 10"); otherwise code-unit order. */
export function compareNatural(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? [];
  const partsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i += 1) {
    const x = partsA[i];
    const y = partsB[i];
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) {
      const difference =
        x.replace(/^0+/, '').length - y.replace(/^0+/, '').length || compareStrings(x.replace(/^0+/, ''), y.replace(/^0+/, ''));
      if (difference !== 0) return difference;
      continue;
    }
    return compareStrings(x, y);
  }
  return partsA.length - partsB.length || compareStrings(a, b);
}

/** 12345 → "12,345", the same on every machine. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
