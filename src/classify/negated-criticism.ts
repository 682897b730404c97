// What a negation falls on. A rule-out denies a topic its weight in the decision ("your degree was
// never an issue", "didn't count against you"); a criticism said with a negation denies the
// candidate something they did, had or were ("never said why nursing", "zero questions about the
// patients", "couldn't give us one single instance", "not good enough", "weren't that keen") and is
// a reason. The clause-role reader hears a negation and often reads both as rule-outs, so it is told
// (roles/read.ts) which one a clause is; and what it is told of a negated verdict is read here too.

import { withApostrophes } from './rule-outs.js';
import { straightenQuotes } from './lexical/text.js';

const NEGATION = String.raw`(?:\b(?:not|never|no|nothing|none|nobody|zero|without)\b|n't\b|\bnt\b)`;
// The decision and its weight: a rule-out's negation falls within a few words of one of these.
const VERDICT = String.raw`\b(?:decid\w*|decision|outcome|reason|factor|count(?:ed|s)?|matter\w*|part|role|bearing|balance|swung|swing|tipped|tip|came up|come up|come into|came into|consider\w*|thinking|against|issue|problem|concern\w*|worr\w*|doubt\w*|question\w*|reservations?|difference|why we|held (?:you )?back|let you down|cost you|influenc\w*|driven|affect\w*|weigh\w*|irrelevant|held against|put (?:\w+ )?off|mark\w* (?:\w+ )?down|enter\w* into|constraint)\b`;
// A negation within a few words of the decision itself ("was not what tipped the balance", "didn't
// come up in our discussion", "had zero bearing on the outcome", "nobody questioned your fit").
const NEGATED_VERDICT = new RegExp(String.raw`${NEGATION}(?:\W+\w+){0,5}?\W+${VERDICT}|${VERDICT}(?:\W+\w+){0,3}?\W+${NEGATION}`, 'i');

/** Whether a negation in the text sits on the decision or its weight ("had zero bearing on the outcome"). */
export function negatesVerdict(text: string): boolean {
  return NEGATED_VERDICT.test(text);
}

// The candidate's part, denied: an act of answering, asking, knowing or showing ("never said why",
// "couldn't give us one single instance", "didn't really look at anyone", "zero questions about…"), or
// a virtue short of what was needed ("not good enough", "not right for a client-facing role",
// "weren't that keen").
const DENIED = String.raw`(?:\b(?:not|never|no|zero)\b|n't\b)`;
const HEDGE = String.raw`(?:(?:really|even|once|actually|properly|quite|much|a|an|any|one|single|real|specific|concrete|clear|us|them|that|very|particularly|all)\s+){0,3}`;
const ACT = String.raw`(?:give|gave|given|giving|ask|asked|asking|answer|answered|say|said|know|knew|show|showed|shown|explain|explained|mention|mentioned|land|landed|look|looked|come back|came back|provide|provided|offer|offered|demonstrate|demonstrated|name|named|describe|described|research|researched|prepare|prepared|questions?|examples?|instances?|numbers|figures|results|outcomes|evidence|answers?|idea|clue|eye contact|specifics|details?)`;
const VIRTUE = String.raw`(?:\w+\s+){0,2}enough\b|(?:right|suitable|appropriate|up to|ready|keen|interested|enthusiastic|engaged|motivated|confident|convincing|fluent|familiar|professional|polite|punctual)\b`;
const DENIED_PART = new RegExp(String.raw`${DENIED}\s+${HEDGE}(?:${ACT}\b|${VIRTUE})`, 'gi');
// Who denies it: the writer, the employer's side or nobody as the subject ("I wouldn't say your nerves
// were…", "we could not meet…", "the panel never asked about…", "nobody said…") is not the candidate
// falling short; "they reckon you weren't…" is.
const DENIED_BY_EMPLOYER =
  /\b(?:i|we|us|our|they|panel|interviewers?|recruiters?|hr|manager|client|company|employer|nobody|one|anyone)\s+(?:(?!(?:you|your|he|his|she|her|i|my)\b)\w+\s+){0,2}$/i;
// Litotes: a fault denied is praise ("you didn't say anything wrong", "never once gave a vague answer").
const FAULT_AFTER = /^(?:\W+\w+){0,4}?\W+(?:wrong|bad|worse|amiss|rude|inappropriate|vague|weak|poor|negative|out of (?:place|line))\b/i;
// The negation before a verdict in its own clause ("was never an issue", "had zero bearing"). The
// interview's questions and the role applied for are no verdict: "zero questions about the patients",
// "not good enough for the role".
const DENIES_VERDICT = new RegExp(String.raw`${NEGATION}(?:[^\w,;:\u2013\u2014]+\w+){0,5}?[^\w,;:\u2013\u2014]+${VERDICT}`, 'i');
const ASKED_OF_THEM =
  /\bthe\s+questions?\b|\bquestions?(?=\s+(?:for|to|at|from)\b|\s+(?:about|on|around)\s+(?!(?:your|you|his|her|their)\b))/gi;
const THE_ROLE = /\b(?:for|in|into|to)\s+(?:the|this|a|our|that)\s+(?:[\w-]+\s+)?role\b/gi;

/**
 * Whether a clause is a criticism said with a negation: it denies the candidate an act or a virtue,
 * and denies no topic its weight in the decision.
 */
export function criticisesByNegation(clause: string): boolean {
  const text = withApostrophes(straightenQuotes(clause));
  if (DENIES_VERDICT.test(text.replace(ASKED_OF_THEM, 'queries').replace(THE_ROLE, 'for the job'))) return false;
  for (const match of text.matchAll(DENIED_PART)) {
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    if (!DENIED_BY_EMPLOYER.test(before.replace(/(?:\w+)$/, '')) && !FAULT_AFTER.test(after)) return true;
  }
  return false;
}

// A verdict with no subject that opens with its negation and denies the decision: "not relevant to
// outcome", "did not decide anything", "not in the mix re decision".
// Only the decision's own words: "no outcome" (no result given) or "no pastoral lead role" is a shortfall.
const DECISION = String.raw`(?:decid\w*|decision|factor|consideration|considered|bearing|relevant|mix|matter(?:ed|s)?|count(?:ed)?|difference|weight|differentiator|(?:to|on|in|re|the)\s+outcome)`;
const OPENS_DENYING_DECISION = new RegExp(
  String.raw`^\W*(?:(?:did|does|was|were|is|had|has)\s*(?:n't|not)|not|never|no|zero)\b(?:\W+\w+){0,5}?\W+${DECISION}\b`,
  'i',
);
const MOST_WORDS = 8;

/** Whether a short verdict with no subject of its own denies the decision (a label's last verdict, favourable.ts). */
export function deniesTheDecision(verdict: string): boolean {
  const text = straightenQuotes(verdict).trim();
  return text.split(/\s+/).length <= MOST_WORDS && OPENS_DENYING_DECISION.test(text);
}
