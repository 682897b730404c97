// A preamble: the courtesy or praise right before the sentence that names the reason ("Top answer
// on why you want to work for a housing charity. The problem is the in-tray…"), which is no reason.

import { isPraiseClause } from './favourable.js';
import { statesShortfall } from './shortfall.js';
import { straightenQuotes } from './lexical/text.js';

// A sentence that names the reason: "The problem is the in-tray", "What we missed was the
// conversation", "Where we hesitated was…", "That's where we had doubts", "It's that the role is in Aberdeen".
const NAMES_THE_REASON =
  /^(?:(?:the|our|my|one|main|only|real|big|biggest)\s+)*(?:\w+\s+)?(?:reason|problem|issue|concern|worry|sticking point|snag|catch|stumbling block|difficulty|thing|bit|part)\b[^.;]{0,40}?\b(?:is|was|were)\b|^(?:what|where)\s+[^.;]{1,40}?\b(?:was|is|were)\b|^that(?:'s|\s+is|\s+was)\s+where\b|^it(?:'s|\s+is|\s+was)\s+(?:that|because)\b/i;

/** Whether a sentence or clause opens by naming the reason. */
export function namesTheReason(text: string): boolean {
  return NAMES_THE_REASON.test(straightenQuotes(text).replace(/^[\s"'(*•-]+/, ''));
}

/**
 * A sentence right before one that names the reason is its preamble (courtesy or praise: "Top
 * answer on why you want to work for a housing charity. The problem is the in-tray…"), unless it
 * states a shortfall of its own.
 */
export function isPreamble(sentence: string, next: string, favourable = false): boolean {
  // "Your knowledge of safeguarding law? That's where we had doubts.": a question, or a sentence the
  // next points back at, is the reason's topic.
  if (sentence.trim().endsWith('?') || /^\W*that\b/i.test(next)) return false;
  if (namesTheReason(sentence) || statesShortfall(sentence)) return false;
  // Or a sentence about the candidate that the next turns from: one with praise in it before "However…",
  // or any before a turn set after the next one's subject, which marks it as the good news ("You spoke
  // so warmly about… Your bleep test, though, finished outside the standard"); not a turn to praise.
  const plainNext = straightenQuotes(next);
  const turned = (favourable && TURNS_FROM.test(plainNext)) || TURN_AFTER_SUBJECT.test(plainNext);
  return namesTheReason(next) || (ABOUT_CANDIDATE.test(sentence) && turned && !isPraiseClause(next));
}

const TURNS_FROM = /^\W*(?:however|but|unfortunately|sadly|regrettably|that said|having said that)\b/i;
const TURN_AFTER_SUBJECT = /^\W*(?:[\w'-]+\s+){0,4}[\w'-]+,\s*(?:though|however),/i;
const ABOUT_CANDIDATE = /\b(?:you|your|yours|u|ur|he|she|his|her|candidate|cand)\b/i;
