// The trap sentences of data/eval/traps.csv (praise, rule-outs, comparisons, employer silence):
// each names themes it must not get and, optionally, themes it must get. The bar (issue 17) is at
// most one forbidden theme assigned per 14 sentences.

import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export const TRAPS_FILE = 'data/eval/traps.csv';

export interface Trap {
  id: string;
  text: string;
  forbidden: string[];
  required: string[];
}

export interface TrapScore {
  sentences: number;
  /** Forbidden themes assigned, summed over sentences. */
  forbiddenHits: number;
  /** Required themes assigned / required themes listed. */
  requiredRecall: number;
  /** Per sentence: the forbidden themes it got and the required ones it missed. */
  misses: Array<{ id: string; forbidden: string[]; missing: string[] }>;
}

/** The traps of one part: `dev` (tuned on) or `test` (held out, only reported). */
export function readTraps(part: 'dev' | 'test', file = TRAPS_FILE): Trap[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  const listed = (cell: string | undefined) => (cell ? cell.split('|') : []);
  return parsed.data
    .filter((row) => row.id!.startsWith(`traps-${part}-`))
    .map((row) => ({ id: row.id!, text: row.text!, forbidden: listed(row.forbidden), required: listed(row.required) }));
}

export function scoreTraps(traps: Trap[], assigned: string[][]): TrapScore {
  let forbiddenHits = 0;
  let required = 0;
  let found = 0;
  const misses: TrapScore['misses'] = [];
  traps.forEach((trap, i) => {
    const got = new Set(assigned[i]);
    const forbidden = trap.forbidden.filter((theme) => got.has(theme));
    const missing = trap.required.filter((theme) => !got.has(theme));
    forbiddenHits += forbidden.length;
    required += trap.required.length;
    found += trap.required.length - missing.length;
    if (forbidden.length > 0 || missing.length > 0) misses.push({ id: trap.id, forbidden, missing });
  });
  return { sentences: traps.length, forbiddenHits, requiredRecall: required === 0 ? 1 : found / required, misses };
}
