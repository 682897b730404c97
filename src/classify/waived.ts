// A short rule-out with no topic of its own waves away what the sentence before it said ("Three
// months' notice sounds long, but we've held seats open for longer than that. Didn't trouble us."),
// as an answer does a question asked (units.ts).

import { straightenQuotes, words } from './lexical/text.js';
import { isRuledOut, lacksSubject, refersBack, TO_THE_CANDIDATE } from './rule-outs.js';

// A verdict that opens with its negation or points back, naming no topic of its own: "Zero concern.",
// "Didn't trouble us.", "Not a factor.", "That was no issue." ("Salary no issue." names its own.)
const OPENS_DENIED = /^\W*(?:zero|no|not|never|nothing|none|(?:did|does|was|were|is|has|had)(?:n't|\s+not))\b/i;
const WAIVER_WORDS = 4;

/**
 * Whether a sentence is a short rule-out with no topic of its own, not said to the candidate: it
 * waves away what the sentence before it said ("Three months' notice sounds long, but we've held seats
 * open for longer than that. Didn't trouble us.").
 */
export function waivesWhatWentBefore(sentence: string): boolean {
  const text = straightenQuotes(sentence).trim();
  if (words(text).length > WAIVER_WORDS || TO_THE_CANDIDATE.test(text) || !isRuledOut(text)) return false;
  return OPENS_DENIED.test(text) || refersBack(text) || lacksSubject(text);
}
