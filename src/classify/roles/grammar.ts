// Grammar the clause-role reader is told about, beside the clause's vector: who the clause's subject
// is (the candidate, the writer, the employer's side, the other applicants, the job), whether its
// negation sits on the predicate ("your degree was never an issue") rather than on an object ("no
// examples given"), and whether it names a topic and then judges it ("Visa - no issue", "As for your
// degree, …", "Your fit with the team? Never a worry."). A mean of word vectors hears none of these
// well, and each carries over to wording no labelled clause has: they are forms, not phrases.

import { NEGATIONS, straightenQuotes, words } from '../lexical/text.js';
import { isBareTopic, opensWithFrontedTopic } from '../rule-outs.js';

export { type Subject, subjectOf, subjectOfWords } from './subject.js';

// An auxiliary or copula, after which a "not"/"never" negates the predicate.
const AUXILIARIES = new Set(
  'is was were are be been am did does do had has have could would should will can may might must shall need'.split(' '),
);

/**
 * Whether a negation sits on the clause's predicate: after its first auxiliary ("was not", "didn't",
 * "has never") or just before its verb ("never came up", "hardly mattered"), rather than on an
 * object or a noun ("no examples", "without a plan", "lacked depth").
 */
export function negatesPredicate(clause: string): boolean {
  return negatesPredicateWords(words(clause));
}

/** `negatesPredicate` for a clause's word tokens (`words`). */
export function negatesPredicateWords(tokens: readonly string[]): boolean {
  const aux = tokens.findIndex((t) => AUXILIARIES.has(t));
  if (aux >= 0 && (tokens[aux + 1] === 'not' || tokens[aux + 1] === 'never' || tokens[aux + 2] === 'not' || tokens[aux + 2] === 'never'))
    return true;
  // "never/hardly/barely" before the first verb-like word ("never came up", "barely mattered").
  const adverb = tokens.findIndex((t) => t === 'never' || t === 'hardly' || t === 'barely');
  return adverb >= 0 && (aux < 0 || adverb < aux) && adverb + 1 < tokens.length && !NEGATIONS.has(tokens[adverb + 1]!);
}

// A topic named, then judged: a bare topic (`isBareTopic`) before a colon, dash or question mark and
// a verdict after it ("Motivation: fine", "Visa - no issue", "Your fit with the team? Never a worry"),
// or a topic fronted with "as for", "regarding", "in terms of"… ("As for your degree, no concerns";
// `opensWithFrontedTopic`). Both forms are the rules of reading's (rule-outs.ts), read the same way here.
const LABELLED = /^([^:?;,\u2013\u2014]{1,60}?)\s*(?::|\?|\s[-\u2013\u2014]\s|[\u2013\u2014])\s*\S/;

export function judgesNamedTopic(clause: string): boolean {
  const text = straightenQuotes(clause).trim();
  if (opensWithFrontedTopic(text)) return true;
  const label = LABELLED.exec(text)?.[1];
  return label !== undefined && isBareTopic(label);
}
