// A line of reason codes ("RSN_1: NOT_QUALS (cleared) | RSN_2: FAILED_PSYCHOMETRIC") may mark one
// field as set aside in brackets: that field is no reason, and the others still are.

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
