// Someone other than the candidate acting on the day, in a sentence written to or of the candidate:
// "One of our technicians was smoking next to the entrance when you arrived", "The traffic controller
// out front gave you a hard time about where you parked", "HM apologised that his deputy swore in front
// of cand", "the other sparky on trial that day turned up hungover". `conduct` is the candidate's own
// behaviour, so such a sentence gives no evidence of it (reading.ts).
//
// Read from the grammar, not from a list of who they are: the sentence's subject is a person named
// with a determiner or a possessor (a noun of a person by its ending, "-er", "-ier", "-or", "-ist", "-ista", "-ian",
// "-ant", "-ee", "-man", or one of the few that have none: "guy", "rep", "deputy"…), followed by a
// verb of acting, and the candidate is no clause's subject in it ("…when you arrived" is a time, not
// the main clause; "The recruiter told me you were late" has the candidate as the subject and stays).

import { straightenQuotes } from './lexical/text.js';
import { conductHeldElsewhere, speaksOfConduct } from './conduct.js';
import { isPerson } from './person.js';

// Who passes it on, before the sentence proper: "He told us", "She said", "HM apologised that", "Told
// Simone", "Spoke to the foreman - said".
const RELAY =
  /^(?:[^.;:]{0,40}?\b(?:said|says|[Tt]old\s+(?:us|me|[A-Z][\w-]*)|tells\s+(?:us|me)|mentioned|reckons|reckoned|reported|reports|admitted|admits|apologi[sz]ed|apologi[sz]es|explained|heard|noticed|saw)\s+(?:that\s+)?)?/;
// A label before the note: "HR assistant note:", "Interview notes - cand 3:".
const LABEL = /^[^:]{1,40}:\s+/;

const DETERMINER = String.raw`(?:(?:one|two|three|some|several|any|both|either|neither)\s+of\s+(?:the|our|their|his|her|your)\s+|(?:the|an?|this|that|our|their|his|her|your|some|another)\s+(?:[\w-]+'s\s+)?|[A-Z][\w-]*'s\s+)`;
// Up to two words before the noun ("the other sparky", "a facilities guy", "the client's own rep").
const MODIFIERS = String.raw`(?:(?!(?:with|for|of|to|in|on|at|about|from|and|or)\b)[\w-]+\s+){0,2}?`;
// What places them, with no verb of its own: "out front", "in the waiting area", "at the client site",
// "on trial that day", "who interviewed you with me".
const PLACING = String.raw`(?:,\s+who\s+[^,]{1,40},|\s+(?:out\s+front|outside|who\s+(?:[\w'-]+\s+){0,5}?[\w'-]+|(?:in|at|on|from|near|by|behind|inside|beside|next\s+to|running|doing|sitting|standing|waiting)(?:\s+[\w'-]+){1,4}?))?`;
// Verbs of acting (a past act or a state on the day), not of judging, recording or passing on.
const ACTS = String.raw`(?:(?:also|then|just|still|actually|[\w-]+ly)\s+)?(?:(?:was|were)\s+(?!(?:${reactions()})\b)|(?!(?:${judging()})\b)(?:kept|left|gave|took|came|went|got|had|made|spoke|swore|ran|ate|sat|stood|wore|forgot|lost|sent|rang|shouted|snapped|yelled|[a-z]{3,}ed)\b)`;
const SOMEONE_ACTS = new RegExp(String.raw`^${DETERMINER}${MODIFIERS}([\w-]+)${PLACING}\s+${ACTS}`, 'i');

function judging(): string {
  return 'said|felt|thought|noted|noticed|found|decided|considered|judged|reported|mentioned|commented|observed|believed|concluded|agreed|wanted|needed|preferred|liked|loved|scored|rated|marked|assessed|flagged|recorded|showed|suggested|indicated|expected|required|complained|raised|pointed|asked|enjoyed|praised|thanked|appreciated|valued|welcomed|warmed|admired|adored|remembered';
}
// Someone reacting to the candidate is the candidate's conduct seen from outside: "our receptionist was
// upset by his attitude".
function reactions(): string {
  return 'upset|unhappy|annoyed|offended|put\\s+off|shocked|surprised|disappointed|concerned|worried|uncomfortable|unimpressed|not\\s+impressed|impressed|pleased|struck|told|informed|asked|made\\s+aware|looking|hoping|keen|clear|left\\s+with';
}

const CANDIDATE_NOUNS = new Set('candidate candidates applicant applicants cand interviewee trainee student'.split(' '));

const isSomeoneElse = (noun: string): boolean => !CANDIDATE_NOUNS.has(noun) && isPerson(noun);

// The candidate as a clause's subject: a pronoun followed by a verb, not by an object's company ("gave
// you a hard time", "told you to", "in front of cand during"); after a word of time it is a time ("when
// you arrived", "the whole time you were talking").
const CANDIDATE_SUBJECTS = new Set("you you're you'd you've u he he'd he's she she'd she's cand candidate applicant".split(' '));
const NOT_A_VERB = new Set(
  "a an the to for at on in about of from and or but with during mid through up off back out down over into by , . ; : - ? ! 's".split(' '),
);
// …and after an apology it is what the candidate went through: "which I'm sorry you had to see".
const TIME_WORDS = new Set('when while as once after before until since time whenever if where sorry'.split(' '));

// Words with their possessive kept ("the candidate's partner" names no candidate as subject), and punctuation.
const tokensOf = (text: string): string[] =>
  straightenQuotes(text)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?|[,.;:!?-]/gu) ?? [];

function candidateIsASubject(tokens: readonly string[]): boolean {
  return tokens.some((token, i) => {
    if (!CANDIDATE_SUBJECTS.has(token)) return false;
    if (i > 0 && (TIME_WORDS.has(tokens[i - 1]!) || tokens[i - 1] === 'other' || tokens[i - 1] === 'another')) return false;
    const next = tokens[i + 1];
    return next !== undefined && !NOT_A_VERB.has(next) && !next.endsWith('ing');
  });
}

/** Whether someone other than the candidate, named as a person, is the one acting in a sentence (quotes straightened). */
export function someoneElseActs(plain: string): boolean {
  const text = plain.trim().replace(LABEL, '');
  const relayed = RELAY.exec(text)![0];
  const rest = text.slice(relayed.length);
  const match = SOMEONE_ACTS.exec(rest);
  if (!match) return false;
  const noun = match[1]!.toLowerCase();
  // "the other applicant" is someone else; "the applicant" alone is the one it is about.
  const other = /\b(?:other|another|fellow)\s/i.test(match[0]);
  if (!isSomeoneElse(noun) && !(other && CANDIDATE_NOUNS.has(noun))) return false;
  if (candidateIsASubject(tokensOf(rest))) return false;
  // A clause after theirs may hold the candidate's own conduct with no subject: "Another applicant was
  // a bit stronger, and to be honest turning up late didn't help your case."
  const after = rest.slice(match[0].length);
  const next = CLAUSE_BREAK.exec(after);
  const later = next ? after.slice(next.index) : '';
  return !speaksOfConduct(later) || conductHeldElsewhere(later);
}

// Where the clause of the one acting ends: a comma or "and"/"but" before a new clause, a semicolon, a
// spaced dash or a full stop.
const CLAUSE_BREAK = /,\s*(?:and|but|so|though|yet)?\b|\s(?:and|but)\s|[;.!?]|\s[-–—]\s/i;
