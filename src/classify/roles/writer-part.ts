// A candidate's own note that states their part in the outcome: "I failed the typing test", "my
// presentation didn't answer the brief", "I'm on three months and they need someone in four weeks",
// "I said no to that in the interview". The clause-role reader often reads such first-person notes as
// the candidate's note about the employer's side, and a sentence it sets aside so becomes a note of
// silence, giving no reason. A clause whose subject is the writer is their own part, unless it only
// says how they sought news or waited for it ("I chased twice", "I rang the recruiter", "I got a
// reply"), which is the note of silence it reads as.

import { clausesOf } from '../segment.js';
import { straightenQuotes, words } from '../lexical/text.js';
import { firstContentWord } from './subject.js';

// What a writer does to seek news, or has done to them by the employer's side: a note of silence.
const SEEKING = new Set(
  (
    'chased chase chasing rang ring phoned phone called call emailed email e-mailed messaged texted wrote write ' +
    'applied apply asked ask waited wait heard hear got get received had went go spoke followed left tried checked contacted ' +
    "never still haven't hadn't didn't don't guess suppose know knew mean think thought hope finally just also even " +
    'was were am been'
  ) // "I was told", "I was asked", "I was kept waiting": the employer's side acting
    .split(' '),
);
// What an employer writing in the first person says of its own side: "I'm sorry", "I apologise for
// it", "I've raised that with him", "I hope", "I wanted to thank you".
const EMPLOYER_VOICE = new Set(
  (
    'sorry afraid apologise apologize apologised apologized raised wanted want hope wish appreciate appreciated enjoyed ' +
    'thank thanks regret understand will would can'
  ).split(' '),
);
// A clause of the writer's own things says what they did or were only with a verb: "my application
// was late", not the list "my experience, my notice period, my interview".
const HAS_VERB =
  /\b(?:is|are|was|were|isn't|aren't|wasn't|weren't|did|didn't|does|doesn't|do|don't|had|has|hasn't|hadn't|have|haven't|\w+ed)\b/i;
// A label naming whose note it is: "My note: rang the school office…".
const OWN_LABEL = /^\W*my\s+(?:own\s+)?(?:note|notes|account|summary|side)\b/i;
// What the writer is told or kept from, said of their own things: "my emails went unanswered".
const SILENCE_WORDS =
  /\b(?:unanswered|ignored|repl(?:y|ies|ied)|respon(?:se|ded)|acknowledg\w*|heard|chas\w+|feedback|follow(?:ed)?[- ]up)\b/i;
// Where a clause of the writer's may open inside a sentence: "Recruiter was honest: I failed the
// typing test", "they need me every other weekend and I said no to that".
const CLAUSE_OPENING = /[:;,–—(]|\s-\s|\b(?:and|but|so|because|that|then|since|though|although|when|while)\b/i;
// The writer's guess at the reason is the reason they give: "I think they wanted more experience".
const WRITER_GUESS =
  /\bi\s+(?:think|reckon|suspect|assume|gather|believe|guess|imagine)\s+(?:that\s+)?(?:they|the\s+[\w-]+|he|she|it)\s+(?:[\w']+\s+)?(?:wanted|needed|preferred|went\s+(?:for|with)|(?:was|were)\s+(?:after|looking\s+for)|didn't\s+like|thought\s+i|felt\s+i)\b/i;
// Of the writer's own doing, "was" says how they were or what they did: "I was late", "I was too quiet".
const WAS_OWN = /^(?:late|too|so|very|quite|a\s+bit|nervous|rude|short|quiet|unprepared|honest|upfront|clear|not\s+(?:able|ready|sure))\b/i;

/** Whether one clause has the writer as its subject, saying what they did, said or had. */
function writerActs(clause: string): boolean {
  const tokens = words(clause);
  const i = firstContentWord(tokens);
  const first = tokens[i];
  if (first === 'my') return HAS_VERB.test(clause) && !OWN_LABEL.test(clause) && !SILENCE_WORDS.test(clause);
  // Word tokens drop a contraction's tail: "I'm on three months" is "i on three months".
  if (first !== 'i') return false;
  const verb = tokens[i + 1];
  if (verb === undefined) return false;
  if (verb === 'was' || verb === 'am') {
    const rest = tokens.slice(i + 2).join(' ');
    return WAS_OWN.test(rest);
  }
  return !SEEKING.has(verb) && !EMPLOYER_VOICE.has(verb) && !SILENCE_WORDS.test(clause);
}

/** Whether a note states the writer's own part: some clause of it has the writer acting as its subject. */
export function writerStatesOwnPart(text: string): boolean {
  const plain = straightenQuotes(text);
  if (WRITER_GUESS.test(plain)) return true;
  const clauses = clausesOf(plain);
  return (clauses.length > 0 ? clauses : [plain]).flatMap((clause) => clause.split(CLAUSE_OPENING)).some(writerActs);
}
