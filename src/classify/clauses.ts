// Where a feedback segment parts into clauses: at contrast markers ("…, but …", "; …") and around
// concessions ("although X, Y"). Praise and reasons are judged clause by clause (favourable.ts).

// "X, but Y": X is the concession. "Although X, Y" / "Y, although X": X is the concession. A
// semicolon also parts praise from the reason ("Great eye contact throughout; the gap was…").
const CONCESSION_BEFORE =
  /(?:^|[\s,;:—–-])(but|however|yet|unfortunately|nevertheless|nonetheless|that said|having said that|sadly|regrettably|on the other hand)\b|(;)/gi;
const CONCESSION_INTRODUCER = /\b(although|even though|though|while|whilst|despite|in spite of|notwithstanding|even if)\b/gi;

export interface Span {
  start: number;
  end: number;
  /** Introduced by "although", "whilst", "despite"…: conceded before the reason. */
  conceded?: boolean;
}

/** Clauses separated by contrast markers; the markers themselves belong to no clause. */
export function splitClauses(segment: string): Span[] {
  // First cut at "but/however/…": each cut leaves the marker out.
  const chunks: Span[] = [];
  let cursor = 0;
  for (const match of segment.matchAll(CONCESSION_BEFORE)) {
    const marker = match[1] ?? match[2]!;
    const markerStart = match.index! + match[0].length - marker.length;
    if (markerStart > cursor) chunks.push({ start: cursor, end: markerStart });
    cursor = markerStart + marker.length;
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
