// Praise is not a reason for rejection. "Your CV was excellent, but your answers lacked examples"
// mentions the application favourably and gives examples as the reason; only the second clause
// should be scored. This module finds praise clauses in a segment so the classifier can drop them.

import { NEGATIONS, stem, words } from './lexical/text.js';

export interface PraiseAnalysis {
  /** Some clause of the segment praises the candidate. */
  favourable: boolean;
  /** Every clause is praise: the segment gives no reason at all. */
  praiseOnly: boolean;
  /** The segment without its praise clauses (and contrast markers); what should be scored. */
  reasonText: string;
  /** Praise clauses as [start, end) offsets into the segment. */
  praise: Array<[number, number]>;
}

const PRAISE_WORDS = new Set([
  'excellent', 'strong', 'impressive', 'impressed', 'great', 'good', 'well', 'solid',
  'positive', 'enjoyed', 'liked', 'pleased', 'outstanding', 'fantastic', 'brilliant', 'wonderful', 'superb',
  'exceptional', 'commendable', 'appreciated', 'polished', 'thorough', 'articulate',
  'confident', 'engaging', 'friendly', 'personable', 'enthusiastic', 'passionate', 'knowledgeable',
  'competent', 'capable', 'talented', 'credible', 'nice', 'lovely', 'perfect', 'high-quality',
  'well-prepared', 'well-written', 'well-structured', 'praised', 'admired', 'valued', 'terrific', 'stellar',
]);

const PRAISE_STEMS = new Set([...PRAISE_WORDS].map(stem));
const PRAISE_PHRASES = [/\bspot on\b/i, /\bwell done\b/i, /\bstood out\b/i, /\bimpressed\b/i];

// Words that turn an apparently positive clause into a shortfall or a requirement
// ("we were looking for strong SQL skills", "would have liked more examples", "good but not enough").
const SHORTFALL_WORDS = new Set([
  'more', 'further', 'enough', 'insufficient', 'insufficiently', 'limited', 'too', 'less', 'weak', 'weaker', 'poor', 'lacked',
  'looking', 'seeking', 'sought', 'want', 'wanted', 'wanting', 'require', 'required', 'requires', 'requirement',
  'need', 'needed', 'needs', 'expect', 'expected', 'essential', 'must', 'improve', 'improvement', 'develop',
  'unfortunately', 'however', 'struggled', 'difficult', 'concern', 'concerns', 'concerned', 'unclear', 'missing',
  'failed', 'unable', 'only',
]);
const SHORTFALL_PHRASES = [
  /\b(would|could|should|might) have\b/i,
  /\b(work|focus) on\b/i,
  /\bas well\b/i,
  /\bgood luck\b/i,
  /\bwish(es)? you (well|(the )?(very )?best)\b/i,
  /\b(all )?the best\b/i,
  /\bnot (as|so) (well|good|strong|clear)\b/i,
];

// Praise of someone else is competition, not a compliment to the candidate.
const OTHERS_WORDS = new Set([
  'candidate', 'candidates', 'applicant', 'applicants', 'field', 'others', 'other', 'someone', 'somebody', 'internal',
  'successful', 'pool', 'shortlist', 'competition', 'competitive', 'stronger', 'strongest', 'better', 'best', 'whose', 'who',
]);

// "X, but Y": X is the concession. "Although X, Y" / "Y, although X": X is the concession.
const CONCESSION_BEFORE = /(?:^|[\s,;:—–-])(but|however|yet|unfortunately|nevertheless|nonetheless|that said|having said that|sadly|regrettably|on the other hand)\b/gi;
const CONCESSION_INTRODUCER = /\b(although|even though|though|while|whilst|despite|in spite of|notwithstanding|even if)\b/gi;

interface Span {
  start: number;
  end: number;
}

export function analysePraise(segment: string): PraiseAnalysis {
  const clauses = splitClauses(segment);
  const praise: Array<[number, number]> = [];
  const kept: string[] = [];
  for (const clause of clauses) {
    const text = segment.slice(clause.start, clause.end);
    if (isPraiseClause(text)) praise.push([clause.start, clause.end]);
    else if (/[\p{L}\p{N}]/u.test(text)) kept.push(text.trim());
  }
  const favourable = praise.length > 0;
  return {
    favourable,
    praiseOnly: favourable && kept.length === 0,
    reasonText: favourable ? kept.join(' ').replace(/^[\s,;:—–-]+/, '') : segment,
    praise,
  };
}

/** True when the clause praises (a praise word, no negation, no shortfall, not about other people). */
export function isPraiseClause(clause: string): boolean {
  const tokens = words(clause);
  // Praise words match by stem ("confident" ~ "confidently"); the blockers match exact words.
  if (!tokens.some((t) => PRAISE_STEMS.has(stem(t))) && !PRAISE_PHRASES.some((p) => p.test(clause))) return false;
  if (tokens.some((t) => NEGATIONS.has(t) || SHORTFALL_WORDS.has(t) || OTHERS_WORDS.has(t))) return false;
  if (SHORTFALL_PHRASES.some((p) => p.test(clause))) return false;
  return true;
}

/** Clauses separated by contrast markers; the markers themselves belong to no clause. */
export function splitClauses(segment: string): Span[] {
  // First cut at "but/however/…": each cut leaves the marker out.
  const chunks: Span[] = [];
  let cursor = 0;
  for (const match of segment.matchAll(CONCESSION_BEFORE)) {
    const markerStart = match.index! + match[0].length - match[1]!.length;
    if (markerStart > cursor) chunks.push({ start: cursor, end: markerStart });
    cursor = markerStart + match[1]!.length;
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
      clauses.push({ start: afterIntro, end: concessionEnd });
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
  return { start, end };
}
