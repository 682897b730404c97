import { straightenQuotes } from './lexical/text.js';

// The employer saying it cannot meet the candidate's terms: their pay, rate, notice, hours or package.
const TERMS_NOT_MET =
  /\b(?:can't|cannot|could\s*not|couldn't|can\s+not|unable\s+to|not\s+able\s+to|won't\s+be\s+able\s+to)\s+(?:\w+\s+){0,2}?(?:meet|match|offer|stretch\s+to|reach|accommodate|afford)\s+(?:\w+\s+){0,3}?(?:salary|pay|rate|package|expectations?|terms|hours|notice|start\s+date|flexib\w+|request|ask|figure)\b/i;

/**
 * Whether a sentence says the employer could not meet the candidate's terms ("We could not meet
 * your salary expectations", "client can't meet his day rate", "we can't stretch to the salary you
 * need"): however politely put, that is the reason (`logistics`), not praise or a formula. On the
 * development sets every item with such a sentence is labelled `logistics`.
 */
export function cannotMeetTerms(text: string): boolean {
  return TERMS_NOT_MET.test(straightenQuotes(text));
}
