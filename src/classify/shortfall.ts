// What turns a clause that looks favourable into a shortfall or a requirement ("we were looking for
// strong SQL skills", "would have liked more examples", "good but not enough"), and the words that
// look like one but are none ("above what the role needs", "second to none"). Praise (favourable.ts)
// is a clause with none of these in it.

import { NEGATIONS, words } from './lexical/text.js';

// Praise by outdoing our own people ("you knew our accounts better than our CFO", "more about our clients than some of
// our staff") or by litotes ("never wobbled, not once").
export const OURS_OUTDONE =
  /\b(?:better|more)\s+(?:(?:about|of)\s+[\w'-]+(?:\s+[\w'-]+)?\s+)?than\s+(?:(?:some|most|half|many|any|all)\s+of\s+)?our\s+/i;
export const NEVER_FALTERED = /\b(?:never|not\s+once)\s+(?:once\s+)?(?:wobbled|wavered|faltered|flagged|waned|dipped|slipped)\b/i;
// Words that look like a shortfall but are none: a need the candidate is above ("above what the role needs"), how much they
// want it, why they want it (a topic: "your answer on why you want to join us"), and praise by litotes ("second to none").
const NO_SHORTFALL = new RegExp(
  String.raw`\b(?:above|beyond|more than|exactly)\s+what\s+(?:\w+\s+){0,3}(?:needs?|requires?|required|wants?|wanted|expects?|expected|looks? for|looking for)\b|\b(?:can|could)\s+(?:tell|see)\s+how\s+much\s+you\s+(?:want|wanted|care|cared)\b|\bwhy\s+(?:you|u|he|she|they)\s+(?:want|wanted|would\s+like)\b|\bsecond\s+to\s+none\b|${OURS_OUTDONE.source}|${NEVER_FALTERED.source}|\bnot\s+once\b(?=\s*[,.;]|\s*$)`,
  'gi',
);

// Words that turn an apparently positive clause into a shortfall or a requirement
// ("we were looking for strong SQL skills", "would have liked more examples", "good but not enough").
export const SHORTFALL_WORDS = new Set(
  (
    'more further enough insufficient insufficiently limited too less weak weaker poor lacked looking seeking ' +
    'sought want wanted wanting require required requires requirement need needed needs expect expected essential ' +
    'must improve improvement develop unfortunately however struggled difficult concern concerns concerned ' +
    'unclear missing failed unable only hard'
  ).split(' '),
);
export const SHORTFALL_PHRASES = [
  /\b(would|could|should|might) have\b/i,
  /\w'd (have|like|love|want|need)\b/i,
  /\b(would|could) (like|love)\b/i,
  /\b(work|focus) on\b/i,
  /\bas well\b/i,
  // "well" as a measure, not a compliment: "well above the budget", "well short of the pass mark".
  /\bwell (above|below|over|under|short|beyond|outside|behind|past)\b/i,
  /\bgood luck\b/i,
  /\bwish(es)? you (well|(the )?(very )?best)\b/i,
  /\b(all the best|(the )?best of luck)\b/i,
  /\bnot (as|so) (well|good|strong|clear)\b/i,
];

/** Whether a text holds a negation or a shortfall word ("Above what the role needs" and "second to none" hold none). */
export function statesShortfall(text: string): boolean {
  return words(text.replace(NO_SHORTFALL, ' ')).some((t) => NEGATIONS.has(t) || SHORTFALL_WORDS.has(t));
}
