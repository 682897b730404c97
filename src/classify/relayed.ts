// A candidate passing on what they were told carries that reason, however long the employer took to
// say it: "Heard nothing for six weeks, then a one-line email saying the role needs a counterbalance
// licence and I don't have one", "Got an automated email saying I did not pass the personality
// questionnaire", "…but the HR person did say my presentation ran long". Such a sentence is not a
// note of the employer's silence (reading.ts). What is relayed must say something: a decline
// ("saying I've been unsuccessful", "says only that they have decided not to proceed"), a refusal to
// say ("saying they don't give it", "they just said no") or a promise of news ("after saying she'd
// call Friday") passes on no reason.

import { readComparison } from './comparison.js';
import { employerActs } from './employer-acts.js';

// Who relays (an email, the agency, he or she, "they") and the verb that hands on what was said.
const RELAY =
  /\b(?:said|says|saying|(?:did|do|does)\s+say|told\s+(?:me|us|him|her|them)|got\s+told|was\s+told|explained|mentioned|let\s+slip|got\s+the\s+sense|(?:feedback|reason|point|issue|problem)\s+was|key\s+line|buried\s+[\w\s]{0,15}?)\s*[:,]?\s+(?:that\s+)?/i;
// What relays no reason: a decline or its verdict, the post gone, a refusal to say, a promise of
// news, the receipt of a message, or only that someone else was chosen.
const NOTHING_RELAYED = new RegExp(
  [
    String.raw`\b(?:un|not\s+(?:been\s+)?)successful\b`,
    String.raw`\b(?:not|n't)\s+(?:been\s+)?(?:selected|shortlisted|chosen|picked)\b`,
    String.raw`\b(?:been|was|were|is|had|has)\s+(?:now\s+)?(?:filled|gone)\b`,
    String.raw`^(?:i|you|we)(?:'d|'ll|\s+would|\s+will|\s+should)\s+(?:hear|get|know|receive|be\s+(?:told|contacted|informed|updated))\b`,
    String.raw`\b(?:seen|read|received|opened|got)\s+(?:my|your|our|the)\s+(?:message|email|e-mail|application|cv|note|reply)s?\b`,
    String.raw`\b(?:gone|going|go|went)\s+a\s+different\s+(?:way|direction|route)\b`,
    String.raw`\bnot\s+(?:to\s+)?(?:proceed|progress|progressing|proceeding|moving|taking|go(?:ing)?\s+ahead)\b`,
    String.raw`\bdecided\b`,
    String.raw`\b(?:no|any)\s+(?:feedback|reason|reasons|detail|details)\b`,
    String.raw`\b(?:don't|do\s+not|won't|will\s+not|can't|cannot|couldn't)\s+(?:give|say|share|provide|offer)\b`,
    String.raw`\bonly\b`,
    String.raw`^(?:no|nothing)\b`,
    String.raw`^(?:she|he|they|we|it|someone|somebody)(?:'d|'ll|\s+would|\s+will|\s+was\s+going\s+to|\s+were\s+going\s+to)\b`,
    String.raw`\b(?:get|getting|be|being)\s+(?:back|in\s+touch)\b`,
    String.raw`\b(?:keep|kept)\s+(?:my|your|his|her|their)\s+(?:details|cv)\b`,
    String.raw`\b(?:gone|going|go|went)\s+(?:with|for)\s+(?:another|other|someone|somebody|a\s+different)\b`,
  ].join('|'),
  'i',
);
const WORDS_TO_SAY_SOMETHING = 4;
// Nobody relayed anything ("no one explained…"), or the writer is the one who said it ("a job I'd said twice I wasn't interested in").
const NEGATED_BEFORE = /(?:\b(?:nobody|no\s+one|no-one|never|not|i|i'd|i've|we)|n't)\s+(?:\w+\s+)?$/i;

/**
 * Whether a sentence (quotes straightened) passes on a reason the candidate was told. `silence`
 * reads a note of the employer's silence: what is relayed ("…saying 'under review', emailed them and
 * got no answer", "then said they'd let me know, and never did") may be one.
 */
export function relaysAReason(plain: string, silence: (text: string) => boolean): boolean {
  const relay = RELAY.exec(plain);
  if (!relay || NEGATED_BEFORE.test(plain.slice(0, relay.index))) return false;
  const relayed = plain.slice(relay.index + relay[0].length).trim();
  // The employer's side acting is news of the process, not a reason: "the email saying the interview had been moved arrived…".
  if (employerActs(relayed)) return false;
  if (relayed.split(/\s+/).filter((w) => /\w/.test(w)).length < WORDS_TO_SAY_SOMETHING) return false;
  if (silence(relayed)) return false;
  // Who the employer went with says a reason only where it says what they had (the comparison's subject).
  if (NOTHING_RELAYED.test(relayed)) return readComparison(relayed)?.subject != null;
  return true;
}
