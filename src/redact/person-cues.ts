// The words around a name in feedback that say a person stands there ("spoke to anjali", "ahmed
// said", "HM (yusuf)"), or that a place or a noun does ("the team in Chester", "the anjali
// template"), for people.ts's readers of lowercase shorthand and of capitalised names.
import { PERSON_VERB_ELSEWHERE } from './other-languages.js';
import { PERSON_VERB } from './word-names.js';

/** Talk, which reaches a person only with "to" or "with" ("talking robotics" is a topic). */
const TALK = String.raw`spoke|speak|speaking|talked|talking|chatted`;
/** Contact that takes a person straight after it ("rang aisling", "cc kofi"). */
const TAKES_PERSON = String.raw`met|rang|ring|ringing|phoned|emailed|messaged|texted|cc|w\/`;
/** Words of contact with a person ("spoke to", "rang", "ring", "cc"): what follows is a name even when no list holds it. */
const CONTACT = `${TALK}|${TAKES_PERSON}`;
/** What only a person does after a name: "ahmed said …", "yusuf wants …". */
const PERSON_ACTS = String.raw`(?:${PERSON_VERB}|(?:wants|wanted|confirmed)(?![\p{L}]))`;
/** Before a name in shorthand: "spoke to anjali", "HM (yusuf)", "per deepika", "cc kofi", "ask for raj", "contact femi". */
export const BEFORE_PERSON = new RegExp(
  String.raw`(?:^|[^\p{L}-])(?:${CONTACT}|meeting|call|called|per|with|told|asked|chased|hm|email|contact|ask(?:ed|ing)? for|reach(?:ed)? out to|phone|text|ask|manager|recruiter|interviewer|assessor)(?: to| with| in)?[ :(]{1,3}$`,
  'iu',
);
export const SPEAKS = new RegExp(String.raw`^(?:['’]s)?[ ),]{1,3}${PERSON_VERB}`, 'iu');
/** After a name in shorthand: "ahmed said …", "kofi's offer", "yusuf wants …". */
export const AFTER_PERSON = new RegExp(String.raw`^(?:['’]s(?![\p{L}])|[ ),:]{1,3}${PERSON_ACTS})`, 'iu');
/** Contact with a person: the word after it is a name even when no list holds it ("rang aisling"). */
export const MET_PERSON = new RegExp(String.raw`(?:^|[^\p{L}-])(?:${CONTACT})(?: to| with)?[ :(]{1,3}$`, 'iu');
/** Contact that only a person takes: talk needs "to" or "with" ("talking robotics" is a topic, "talking to ravi" a person). */
export const ADDRESSED_PERSON = new RegExp(
  String.raw`(?:^|[^\p{L}-])(?:(?:${TAKES_PERSON})(?: to| with)?|(?:${TALK}) (?:to|with))[ :(]{1,3}$`,
  'iu',
);
/** After a name, what only a person does: "grace said", "mark wants" (not "'s", which may be "is": "the ute's a manual"). */
export const ACTS_AFTER = new RegExp(String.raw`^[ ),:]{1,3}${PERSON_ACTS}`, 'iu');
/** Any word that may stand beside a name in shorthand: only such sentences are searched for one. */
export const PERSON_CUE = new RegExp(
  `${BEFORE_PERSON.source.replace(/\$$/, '\\p{Ll}')}|\\p{Ll}${AFTER_PERSON.source.replace(/^\^/, '')}`,
  'iu',
);
/** A word made with an English prefix ("mid-interview", "pre-screen", "non-starter"): no name. */
export const ENGLISH_PREFIXED = /^(?:mid|pre|post|non|re|co|self|ex|semi|over|under|multi|cross|inter|sub)-/u;
/** Before a noun, not a name: "the anjali template", "our rota". */
export const AFTER_ARTICLE = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|our|your|their|its|my|no|any|each|every)\s+$/iu;
/** Before a place, not a person: "the team in Chester", "based near Stanley". */
export const BEFORE_PLACE =
  /(?:^|[^\p{L}])(?:in|near|outside|around|at|throughout|covering|(?:relocat|mov|travel|commut)\p{L}*\s+to)\s+$/iu;

export const SPEAKS_ELSEWHERE = new RegExp(
  String.raw`^(?:['’]s)?[ ),]{1,3}(?:${PERSON_VERB}|(?:${PERSON_VERB_ELSEWHERE})(?![\p{L}]))`,
  'iu',
);
