// A "not even" that waves a topic away: "Fit with the team? Not even a conversation." Said of no
// candidate it answers the question before it as a rule-out does (units.ts); said of the candidate
// ("The candidate had not even read the job description") it is the reason.

import { straightenQuotes, words } from './lexical/text.js';
import { firstContentWord, subjectOfWords } from './roles/subject.js';
import { TO_THE_CANDIDATE } from './rule-outs.js';

// A negation made emphatic ("not even", "never so much as"): the topic was not weighed at all.
// What someone could or would not even do is a limit, not a dismissal: "We could not even wait a month".
// A negation of degree that closes its clause is emphatic too: "Not remotely.", "not in the slightest".
const EMPHATIC_NEGATION =
  /(?<!\b(?:could|can|would|will|ca|wo)(?:\s+)?)(?:n't|\bnot|\bnever)\s+(?:even|so\s+much\s+as)\b|\b(?:not|never)\s+(?:remotely|at\s+all|in\s+the\s+(?:slightest|least)|one\s+bit|a\s+bit)\s*(?:[.!,;]|\s-\s|$)/i;

// Where the clause that holds a "not even" opens.
const CLAUSE_BREAK = /[,;:.!?]|\s[-\u2013\u2014]\s|\b(?:and|but|because|so|while|when)\s/gi;
// A pronoun that stands for the topic asked: "It was not even discussed."
const THE_TOPIC = /^\W*(?:it|this|that)\b/i;

/** Whether a "not even" has no subject, or the employer's side, nobody or the topic asked as its subject. */
function saidOfNoCandidate(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opens = Math.max(0, ...[...before.matchAll(CLAUSE_BREAK)].map((m) => m.index + m[0].length));
  const clause = before.slice(opens);
  if (THE_TOPIC.test(clause)) return true;
  const tokens = words(clause);
  // No words before it but openers ("Honestly, not even a little") is no subject.
  if (firstContentWord(tokens) === tokens.length) return true;
  const subject = subjectOfWords(tokens);
  return subject === 'employer' || subject === 'nobody';
}

/**
 * Whether an answer waves its topic away with an emphatic negation said of no candidate: "Not even a
 * conversation.", "Honestly, not even a little - half our senior staff don't have one.", "…the panel
 * has not even discussed." Said of the candidate ("you didn't even look at our website", "The
 * candidate had not even read the job description", "Priya did not even show up") it is the reason,
 * and so is what someone could or would not even do ("We could not even wait a month").
 */
export function dismissesEmphatically(answer: string): boolean {
  const text = straightenQuotes(answer);
  const negation = EMPHATIC_NEGATION.exec(text);
  return (
    negation !== null &&
    saidOfNoCandidate(text, negation.index) &&
    !TO_THE_CANDIDATE.test(text) &&
    !/\b(?:he|she|him|her|his|i|me|my)\b/i.test(text)
  );
}
