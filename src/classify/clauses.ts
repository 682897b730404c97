// Where a feedback segment parts into clauses: at contrast markers ("…, but …", "; …") and around
// concessions ("although X, Y"). Praise and reasons are judged clause by clause (favourable.ts).

import { ABBREVIATIONS } from './segment.js';

// "X, but Y": X is the concession. "Although X, Y" / "Y, although X": X is the concession. A
// semicolon also parts praise from the reason ("Great eye contact throughout; the gap was…").
// Shorthand starts its sentences in lower case ("product knowledge great. seemed bored tho, flat
// voice"), and the sentence segmenter leaves them together: a full stop after a word, then a word in
// lower case, parts them as a semicolon would (not after an abbreviation: "etc. and").
const CONCESSION_BEFORE =
  /(?:^|[\s,;:—–-])(but|however|yet|unfortunately|nevertheless|nonetheless|that said|having said that|sadly|regrettably|on the other hand)\b|(;)/gi;
const LOWERCASE_SENTENCE_END = /(?<=\p{L}{2})[.!?](?=\s+\p{Ll})/gu;
// The segmenter's abbreviations (segment.ts), and the units of shorthand notes ("3 yrs. exp").
const ABBREVIATION_BEFORE = new RegExp(
  String.raw`\b(?:${[...ABBREVIATIONS].map((word) => word.replaceAll('.', '\\.')).join('|')}|esp|incl|min|max|yrs?|mins?|hrs?)$`,
  'i',
);
const CONCESSION_INTRODUCER = /\b(although|even though|though|while|whilst|despite|in spite of|notwithstanding|even if)\b/gi;

export interface Span {
  start: number;
  end: number;
  /** Introduced by "although", "whilst", "despite"…: conceded before the reason. */
  conceded?: boolean;
}

/** Clauses separated by contrast markers; the markers themselves belong to no clause. */
export function splitClauses(segment: string): Span[] {
  // First cut at "but/however/…" and at sentences of shorthand: each cut leaves the marker out.
  const chunks: Span[] = [];
  let cursor = 0;
  const markers = [
    ...[...segment.matchAll(CONCESSION_BEFORE)].map((match) => {
      const marker = match[1] ?? match[2]!;
      return { start: match.index! + match[0].length - marker.length, length: marker.length };
    }),
    ...[...segment.matchAll(LOWERCASE_SENTENCE_END)]
      .filter((match) => !ABBREVIATION_BEFORE.test(segment.slice(0, match.index)))
      .map((match) => ({ start: match.index!, length: 1 })),
  ].sort((a, b) => a.start - b.start);
  for (const marker of markers) {
    if (marker.start > cursor) chunks.push({ start: cursor, end: marker.start });
    cursor = marker.start + marker.length;
  }
  chunks.push({ start: cursor, end: segment.length });

  // Then "although X, Y" / "Y, although X": X runs from the introducer to the next comma/semicolon.
  const clauses: Span[] = [];
  for (const chunk of chunks) {
    let start = chunk.start;
    const body = segment.slice(chunk.start, chunk.end);
    for (const match of body.matchAll(CONCESSION_INTRODUCER)) {
      const introStart = chunk.start + match.index!;
      if (introStart < start) continue;
      const afterIntro = introStart + match[0].length;
      const stop = /[,;:]/.exec(segment.slice(afterIntro, chunk.end));
      const concessionEnd = stop ? afterIntro + stop.index : chunk.end;
      if (introStart > start) clauses.push({ start, end: introStart });
      clauses.push({ start: afterIntro, end: concessionEnd, conceded: true });
      start = stop ? concessionEnd + 1 : chunk.end;
    }
    if (start < chunk.end) clauses.push({ start, end: chunk.end });
  }
  return clauses.map((c) => trimSpan(segment, c)).filter((c) => c.end > c.start);
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  // Trailing separators belong to no clause (a final full stop stays).
  while (end > start && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  return { ...span, start, end };
}
