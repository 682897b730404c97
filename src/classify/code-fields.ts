// Lines of reason codes: a line whose every field excludes its reasons ("RSN_NA: SALARY_EXPECT | NOTES: -")
// gives none, and a line may mark one field as set aside in brackets ("RSN_1: NOT_QUALS (cleared) |
// RSN_2: FAILED_PSYCHOMETRIC"): that field is no reason, and the others still are.

import { straightenQuotes } from './lexical/text.js';

// A field whose value ends in a bracketed mark that it was set aside: "SALARY (within range, excluded)",
// "LOCATION (waived)", "NOT_QUALS (cleared)".
const SET_ASIDE_FIELD =
  /^\s*[\w/-]+\s*:\s*[^()|]*\((?:[^()]*[,;]\s*)?(?:excluded|cleared|waived|disregarded|discounted|not\s+a\s+factor|not\s+relevant)\s*\)\s*$/i;

export interface CodeFields {
  /** [start, end) of each field marked as set aside. */
  setAside: Array<[number, number]>;
  /** The other fields, joined as they were. */
  kept: string;
}

/** A `|`-separated line of codes with some field marked as set aside and some not, or null. */
export function readCodeFields(line: string): CodeFields | null {
  if (!line.includes('|')) return null;
  const text = straightenQuotes(line);
  const setAside: Array<[number, number]> = [];
  const kept: string[] = [];
  let start = 0;
  for (const field of text.split('|')) {
    if (SET_ASIDE_FIELD.test(field)) setAside.push([start, start + field.length]);
    else kept.push(field.trim());
    start += field.length + 1;
  }
  return setAside.length > 0 && kept.length > 0 ? { setAside, kept: kept.join(' | ') } : null;
}

// A reason code whose field says the reason does not apply ("RSN_NA: SALARY_EXPECT", "RSN_EXCL: QUAL,
// EXP"), and fields left empty beside it ("RSN_PRIMARY: (blank)", "NOTES: -").
// A field cleared ("DECLINE_FACTORS_CLEARED: dress, timekeeping") excludes its reasons too.
const EXCLUDED_FIELD = /^\s*[a-z]+(?:[_-][a-z]+)*[_-](?:na|n\/a|excl|excluded|not|cleared)\s*:\s*[\w ,/&-]*$/i;
const EMPTY_FIELD = /^\s*[\w ]+:\s*(?:\(?(?:blank|none|empty|n\/a)\)?|-+)?\s*$/i;

/** Whether a line of reason codes only excludes reasons: each field one that does not apply, or empty. */
export function excludesCodesOnly(text: string): boolean {
  const fields = straightenQuotes(text).split('|');
  return fields.some((f) => EXCLUDED_FIELD.test(f)) && fields.every((f) => EXCLUDED_FIELD.test(f) || EMPTY_FIELD.test(f));
}
