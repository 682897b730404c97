// A job seen as a stop on the way elsewhere: the candidate would leave once another plan comes
// through ("preparing for bank PO exams and will leave once result comes", "something to do until
// the police intake in March", "would tide him over until his apprenticeship offer comes through",
// "sees social work as a route into policy work"). By the labels that is `motivation` (commitment),
// though its words lie near dates, notice and contracts (`logistics`) or another field
// (`experience`). A start date the employer cannot wait for ("not free until January") is not it:
// the leaving, the stop-gap or the route elsewhere must be said. Read by grammar, not by topic.

import { straightenQuotes } from './lexical/text.js';

const WHO = String.raw`(?:you|u|he|she|they|him|her|them|i|me|the\s+candidate|candidate|cand)`;
const OWN = String.raw`(?:his|her|their|your|my|the)`;
// Another plan: a course, an exam, an intake, an offer elsewhere.
const OTHER_PLAN = String.raw`(?:intake|course|phd|pgce|degree|masters?|training\s+contract|apprenticeship|exams?|results?|law\s+school|uni|university|college|posting|visa|offer|place|academy|programme|program|residency|gap\s+year)`;

const PASSING_THROUGH = new RegExp(
  [
    // "will leave once result comes", "would probably leave if one came through", "may leave as soon as…"
    String.raw`\b(?:will|would|'d|may|might|could|planning\s+to|plans?\s+to|going\s+to|gonna)\s+(?:probably\s+|likely\s+|just\s+|then\s+)?(?:leave|move\s+on|quit|go)\s+(?:once|when|as\s+soon\s+as|if|after)\b`,
    // "something to do until the police intake", "something to fill the months before her PhD starts"
    String.raw`\bsomething\s+to\s+(?:do|fill\s+(?:the|a\s+few|some)\s+(?:months|weeks|time|gap))\s+(?:until|till|before|while)\b`,
    String.raw`\bfill\s+(?:the|a\s+few|some)\s+(?:months|weeks|time|gap)\s+(?:until|till|before|while)\b`,
    // "tide him over", "a bridge until law school starts", "a stop-gap", "a stepping stone", "a route into policy work"
    String.raw`\btide\s+${WHO}\s+over\b`,
    String.raw`\b(?:bridge|stop-?gap|stepping[- ]stone|springboard|placeholder)\s+(?:until|till|before|to|into|for)\b`,
    String.raw`\b(?:a|as\s+a|the)\s+(?:way|route|path)\s+into\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:side|work|career|business|department|field|sector)\b`,
    // "see what comes through first"
    String.raw`\bsee\s+what\s+comes\s+(?:through|up|along|in)\b`,
    // "only after the role till your working holiday visa runs out", "until his apprenticeship offer comes through"
    // (not a start the employer cannot wait for: "I can't start until my visa comes through")
    String.raw`(?<!\b(?:start|join|begin|free|available|work|arrive|relocate|move)\s+(?:\w+\s+)?)\b(?:until|till|til|before)\s+${OWN}\s+(?:[\w-]+\s+){0,3}?${OTHER_PLAN}\s+(?:comes?\s+(?:through|up|in)|came\s+through|starts?|begins?|runs?\s+out|kicks?\s+(?:in|off)|is\s+(?:confirmed|sorted|through)|results?\s+come)\b`,
    // "unlikely to stay", "won't stay long", "doubt he'd stay", "see yourself staying" after a doubt
    String.raw`\b(?:unlikely|not\s+likely)\s+to\s+stay\b`,
    String.raw`\b(?:won't|wouldn't|will\s+not|would\s+not)\s+stay\s+(?:long|beyond|past|more\s+than)\b`,
    String.raw`(?:\bnot|n't|\bnever)\b[^.;!?]{0,60}?\b(?:see|saw|sees)\s+(?:yourself|himself|herself|themselves)\s+staying\b`,
  ].join('|'),
  'i',
);

// A doubt that is waved away: "no concern you'd leave once…", "we're not worried you'd see what comes along".
const DOUBT_WAIVED =
  /\b(?:no|not\s+any|never\s+(?:a|any))\s+(?:concerns?|worr(?:y|ies)|doubts?|sign|suggestion)\b|\bnot\s+(?:worried|concerned)\b/i;

/** Whether a sentence says the candidate sees the job as a stop on the way elsewhere (`motivation`). */
export function passingThrough(text: string): boolean {
  const plain = straightenQuotes(text);
  return PASSING_THROUGH.test(plain) && !DOUBT_WAIVED.test(plain);
}
