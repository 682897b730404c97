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
  'excellent',
  'strong',
  'impressive',
  'impressed',
  'great',
  'good',
  'well',
  'solid',
  'positive',
  'pleased',
  'satisfactory',
  'acceptable',
  'decent',
  'fab',
  'superb',
  'outstanding',
  'fantastic',
  'brilliant',
  'wonderful',
  'superb',
  'exceptional',
  'commendable',
  'appreciated',
  'polished',
  'thorough',
  'articulate',
  'confident',
  'engaging',
  'friendly',
  'personable',
  'enthusiastic',
  'passionate',
  'knowledgeable',
  'competent',
  'capable',
  'talented',
  'credible',
  'nice',
  'lovely',
  'perfect',
  'high-quality',
  'well-prepared',
  'well-written',
  'well-structured',
  'praised',
  'admired',
  'valued',
  'terrific',
  'stellar',
]);

const PRAISE_STEMS = new Set([...PRAISE_WORDS].map(stem));
// Verbs of liking count only in the past tense: "like" is more often a comparison ("it felt like you
// were reciting"), and "like", "likely" and "liked" share a stem.
const PRAISE_EXACT = new Set(['liked', 'loved', 'enjoyed', 'appreciated', 'admired', 'valued']);
const PRAISE_PHRASES = [
  /\bspot on\b/i,
  /\bwell done\b/i,
  /\bstood out\b/i,
  /\bimpressed\b/i,
  /\b(was|were|is|are|looked|seemed|felt)( all| absolutely| perfectly| completely)? (fine|ok|okay|great|good)\b/i,
  /\b(met|meet|meets|ticked)\b.{0,30}\b(criteria|requirements?|standard|boxes|bar)\b/i,
];

const LIKE_FORMS = new Set([
  'like',
  'likes',
  'likely',
  'liking',
  'love',
  'loves',
  'loving',
  'enjoy',
  'enjoys',
  'enjoying',
  'value',
  'values',
  'appreciate',
  'admire',
]);

// Words that turn an apparently positive clause into a shortfall or a requirement
// ("we were looking for strong SQL skills", "would have liked more examples", "good but not enough").
const SHORTFALL_WORDS = new Set([
  'more',
  'further',
  'enough',
  'insufficient',
  'insufficiently',
  'limited',
  'too',
  'less',
  'weak',
  'weaker',
  'poor',
  'lacked',
  'looking',
  'seeking',
  'sought',
  'want',
  'wanted',
  'wanting',
  'require',
  'required',
  'requires',
  'requirement',
  'need',
  'needed',
  'needs',
  'expect',
  'expected',
  'essential',
  'must',
  'improve',
  'improvement',
  'develop',
  'unfortunately',
  'however',
  'struggled',
  'difficult',
  'concern',
  'concerns',
  'concerned',
  'unclear',
  'missing',
  'failed',
  'unable',
  'only',
]);
const SHORTFALL_PHRASES = [
  /\b(would|could|should|might) have\b/i,
  /\w'd (have|like|love|want|need)\b/i,
  /\b(would|could) (like|love)\b/i,
  /\b(work|focus) on\b/i,
  /\bas well\b/i,
  // "well" as a measure, not a compliment: "well above the budget", "well short of the pass mark".
  /\bwell (above|below|over|under|short|beyond|outside|behind|past)\b/i,
  /\bgood luck\b/i,
  /\bwish(es)? you (well|(the )?(very )?best)\b/i,
  /\b(all )?the best\b/i,
  /\bnot (as|so) (well|good|strong|clear)\b/i,
];

// Praise of someone else is competition, not a compliment to the candidate.
const OTHERS_WORDS = new Set([
  'candidate',
  'candidates',
  'applicant',
  'applicants',
  'field',
  'others',
  'other',
  'someone',
  'somebody',
  'internal',
  'successful',
  'pool',
  'shortlist',
  'competition',
  'competitive',
  'stronger',
  'strongest',
  'better',
  'best',
  'whose',
  'who',
]);

// "X, but Y": X is the concession. "Although X, Y" / "Y, although X": X is the concession.
const CONCESSION_BEFORE =
  /(?:^|[\s,;:—–-])(but|however|yet|unfortunately|nevertheless|nonetheless|that said|having said that|sadly|regrettably|on the other hand)\b/gi;
const CONCESSION_INTRODUCER = /\b(although|even though|though|while|whilst|despite|in spite of|notwithstanding|even if)\b/gi;

// A theme mentioned only to rule it out is not a reason either: "your CV was not the issue",
// "we had no concerns about your experience", "it wasn't your answers that let you down". The
// negation sits right before the dismissing noun, so "you didn't address our concerns" is kept.
const NEGATED = String.raw`(?:no|not|never|nothing|n't|without)`;
const DISMISSING_NOUN = String.raw`(?:issues?|problems?(?![- ]solv)|concerns?|worry|worries|doubts?|factor|deciding factor|stumbling block|sticking point|barrier|obstacle|weakness)`;
const CLEARED_PATTERNS = [
  new RegExp(
    String.raw`${NEGATED}\s+(?:(?:an?|the|any|real|major|big|particular|significant|serious|main|deciding)\s+){0,3}${DISMISSING_NOUN}\b`,
    'i',
  ),
  /\b(?:issue|problem|concern|reason|difference|decider)\s+(?:here\s+)?(?:was|is|were)(?:n't|\s+not|\s+never)\b/i,
  /\b(?:was|were|is|are)(?:n't|\s+not|\s+never)\s+(?:what|where|why)\b.{0,30}\b(?:let you down|held you back|fell short|cost you|counted against you|went wrong)\b/i,
  /\bit\s+(?:was|is)(?:n't|\s+not|\s+never)\s+(?:your|the)\b.{0,40}\bthat\b/i,
  /\b(?:no|never)\s+(?:doubts?|question)\s+(?:about|over|regarding|as to)\b/i,
  /\b(?:never|not)\s+in\s+(?:doubt|question)\b/i,
  /\b(?:nothing wrong with|nothing to do with|no problem with|no issue with|no issues with)\b/i,
  /(?:n't|\bnot)\s+(?:because of|due to|down to|about)\b/i,
  /(?:n't|\bnot)\s+(?:hold|held)\s+(?:you|your application)\s+back\b/i,
];
const SUBCLAUSE_BOUNDARY = /[,;:—–]\s*|\s-\s/g;

export function isClearedPart(part: string): boolean {
  const text = part.replace(/[\u2018\u2019\u02bc`´]/g, "'");
  return CLEARED_PATTERNS.some((p) => p.test(text));
}

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
    if (isPraiseClause(text)) {
      praise.push([clause.start, clause.end]);
      continue;
    }
    // Within a clause, drop only the comma-separated parts that rule a theme out.
    let cursor = 0;
    const parts: Span[] = [];
    for (const match of text.matchAll(SUBCLAUSE_BOUNDARY)) {
      parts.push({ start: cursor, end: match.index! });
      cursor = match.index! + match[0].length;
    }
    parts.push({ start: cursor, end: text.length });
    const reasons: string[] = [];
    for (const part of parts) {
      const partText = text.slice(part.start, part.end);
      if (isClearedPart(partText)) praise.push([clause.start + part.start, clause.start + part.end]);
      else if (/[\p{L}\p{N}]/u.test(partText)) reasons.push(partText.trim());
    }
    if (reasons.length > 0) kept.push(parts.length === reasons.length ? text.trim() : reasons.join(', '));
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
  const praiseWord = tokens.some((t) => PRAISE_EXACT.has(t) || (!LIKE_FORMS.has(t) && PRAISE_STEMS.has(stem(t))));
  if (!praiseWord && !PRAISE_PHRASES.some((p) => p.test(clause))) return false;
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
