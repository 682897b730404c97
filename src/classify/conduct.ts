// `conduct` is the candidate's own behaviour on the day. A word of lateness, dress, rudeness or a
// phone is evidence of it only when the candidate holds it: "you arrived late", "turned up 20 mins
// late", "on his phone throughout", "late, no apology" (no subject: a note about the candidate). It
// is not when something or someone else does: a task or form that arrived late, a "late-stage"
// interview, an interviewer or a train running late, a dress code described as a fact of the job,
// rude customers in the role, the interviewer's phone, feedback given "on the phone".
//
// Who holds the word is read from the grammar around it, not from the sentence's wording:
//  - a word used to qualify a noun ("late-stage", "late app", "rude customers") belongs to that noun;
//  - a phone as the channel ("by phone", "on the phone", "phone screen") is nobody's behaviour;
//  - a possessor ("the interviewer's mobile") holds what follows;
//  - a dress code or uniform that is the subject of a description ("is very relaxed") is the job's;
//  - otherwise the subject of the nearest verb before the word holds it ("the take-home task arrived
//    late", "the panel felt you were late"); no subject is a note about the candidate.

import { straightenQuotes } from './lexical/text.js';
import {
  ADDRESSED,
  AFTER_PREDICATE,
  BEHAVIOUR,
  CANDIDATE,
  CANDIDATE_POSSESSOR,
  CANDIDATE_WRITES,
  CHANNEL,
  CLAUSE_BREAK,
  CONTACTED,
  DESCRIBED,
  DETERMINER,
  DRESS_RULE,
  HEARER,
  INDEFINITE,
  INTENSIFIER,
  IN_A_STATE,
  KINDS,
  type Kind,
  MEDIUM,
  CONDUCT_NOT_JUDGED,
  OUT_OF_REACH,
  OWN_DOING,
  PHONE_AS_KIND,
  REACHING,
  SKIPPED_BEFORE_VERB,
  SUBMITTED,
  TAKES_CALL,
  VERBS,
  WRITER,
  WRITER_SUBJECT,
} from './conduct-words.js';

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Lower-case words and punctuation marks of a text, in order. */
function tokensOf(text: string): string[] {
  return [...straightenQuotes(text).toLowerCase().matchAll(TOKEN)].map((m) => m[0]);
}

const isWord = (token: string | undefined): token is string => token !== undefined && /^[\p{L}\p{N}]/u.test(token);
const isVerb = (token: string) =>
  VERBS.has(token) || SUBMITTED.has(token) || (/^[a-z]{3,}ed$/.test(token) && !KINDS.has(token)) || token.endsWith("n't");

/**
 * Whether a segment speaks of lateness, dress, rudeness or a phone and none of it is the
 * candidate's own behaviour: such wording gives no evidence for `conduct` there.
 */
export function conductHeldElsewhere(text: string): boolean {
  if (CONDUCT_NOT_JUDGED.test(straightenQuotes(text).replace(CHANNEL, ' '))) return false;
  const tokens = tokensOf(text);
  const context = readerOf(text, tokens);
  let found = 0;
  for (let i = 0; i < tokens.length; i++) {
    const kind = kindOf(tokens, i);
    if (!kind) continue;
    found++;
    if (!heldElsewhere(tokens, i, kind, context)) return false;
  }
  return found > 0;
}

/** Whether a segment has a word of lateness, dress, rudeness or a phone at all, whoever holds it. */
export function speaksOfConduct(text: string): boolean {
  const tokens = tokensOf(text);
  return tokens.some((_, i) => kindOf(tokens, i) !== null);
}

// Whose fault it was, said in so many words, and not the candidate's: "she started late - not her
// doing", "late start - our fault (room double-booked)", "it was not towards him", "that's on us",
// "another guy was rude to the receptionist and got told off, not me". Whatever the conduct, it is
// not theirs. ("My fault" is the candidate's own in a note they write, so "my" is no one else here.)
// One alternative a line; the employer's side is named the same way in two of them.
const EMPLOYER_PARTY = String.raw`(?:client|company|employer|agency|panel|interviewer|recruiter)`;
const FAULT_ELSEWHERE = new RegExp(
  [
    String.raw`\b(?:not|no|never)\s+(?:(?:his|her|your|their|the\s+candidate's|cand's)\s+(?:own\s+)?(?:doing|fault)|(?:a\s+|any\s+)?fault\s+of\s+(?:his|hers|yours|theirs))\b`,
    String.raw`\b(?:our|(?:the\s+)?${EMPLOYER_PARTY}'s)\s+(?:own\s+)?(?:fault|doing|mistake|error|bad|oversight)\b`,
    String.raw`\bon\s+our\s+end\b|\(\s*our\s+end\s*\)`,
    // The conduct said not to be the candidate's: "we know this is not you", "neither was you".
    String.raw`\b(?:this|that|it|which)\s+(?:is|was)(?:\s+not|n't)\s+(?:you|him|her)\b(?!')|\bneither\s+(?:of\s+them\s+)?(?:was|were)\s+(?:you|him|her)\b(?!')`,
    String.raw`\bnot\s+(?:directed\s+|aimed\s+)?(?:towards?|at)\s+(?:him|her|you)\b`,
    String.raw`\b(?:that|it)(?:'s|\s+(?:is|was))\s+on\s+(?:us|them|the\s+${EMPLOYER_PARTY})\b`,
    String.raw`,\s*not\s+(?:me|you)\W*(?:$|[.;])`,
  ].join('|'),
  'i',
);

// …or on someone else than the candidate named: "…was the 11 o'clock, not Ayo - checked the log",
// "- not a reflection on Liam". A name keeps its capital, so this is read case by case.
const NOT_THE_NAMED = /,\s*not\s+[A-Z][a-z]+\b(?:\s*[-–—.;]|\s*$)|\b[Nn]ot\s+(?:a\s+)?reflection\s+on\s+(?:[A-Z][a-z]+|you|him|her)\b(?!')/;

/** Whether a text lays the fault for what happened on someone other than the candidate, in so many words. */
export function faultLaidElsewhere(text: string): boolean {
  const plain = straightenQuotes(text);
  return FAULT_ELSEWHERE.test(plain) || NOT_THE_NAMED.test(plain);
}

// A sentence that opens by saying it was not the candidate: "Not you - you were great.", "That wasn't
// him.", "Not your fault at all."
const NOT_THE_CANDIDATE =
  /^\W*(?:(?:it|that|this)\s+(?:was|is)(?:n't|\s+not)\s+|not\s+)(?:(?:you|him|her)\b(?!')\s*(?:[-\u2013\u2014,.;:!]|$)|(?:your|his|her)\s+(?:own\s+)?(?:fault|doing)\b)/i;

/** Whether a sentence opens by saying that what was just said was not the candidate's doing: it lays the fault of the sentence before elsewhere. */
export function deniesItWasTheCandidate(sentence: string): boolean {
  return NOT_THE_CANDIDATE.test(straightenQuotes(sentence));
}

/** Who "I" is in a text: not the candidate when it is written to them; the candidate when the writer speaks of their own interview. */
interface Writer {
  /** Written to the candidate, "I" and "my" are the writer's: "Apologies - my phone kept ringing during your interview". */
  writer: ReadonlySet<string> | null;
  /** The candidate writes, so any other subject is someone else. */
  candidateWrites: boolean;
}

function readerOf(text: string, tokens: readonly string[]): Writer {
  const addressed = tokens.some((t) => ADDRESSED.has(t));
  return { writer: addressed ? WRITER : null, candidateWrites: !addressed && CANDIDATE_WRITES.test(straightenQuotes(text)) };
}

/**
 * Whether a sentence has lateness or rudeness that no one named holds ("late, then snapped at the
 * panel", "Panel note: arrived 25 min late", "Got there late because of the train"): a note about the
 * candidate, whoever else it names. Being on time is no conduct to hold.
 */
export function conductOfNoOneNamed(text: string): boolean {
  return someUnaddressedConduct(text, false, (tokens, i) => subjectAt(tokens, i) === null);
}

/**
 * Whether the writer of a candidate's own note owns up to conduct: "I got the time wrong and turned up
 * an hour late", "I was a bit rude to the receptionist". Such a note is about the candidate's
 * behaviour even where the employer's side acts in it too ("They didn't reschedule").
 */
export function writerOwnsConduct(text: string): boolean {
  return someUnaddressedConduct(text, true, heldByWriter);
}

/** In a text not written to the candidate (and, if `writes`, with a writer), whether some lateness or rudeness held by nothing else passes `held`. */
function someUnaddressedConduct(text: string, writes: boolean, held: (tokens: readonly string[], i: number) => boolean): boolean {
  const tokens = tokensOf(text);
  if (tokens.some((t) => ADDRESSED.has(t)) || (writes && !tokens.some((t) => WRITER.has(t)))) return false;
  const context = readerOf(text, tokens);
  return tokens.some(
    (token, i) =>
      KINDS.get(token) === 'adjective' && token !== 'punctual' && !heldElsewhere(tokens, i, 'adjective', context) && held(tokens, i),
  );
}

/** Whether the nearest one named before word `i` in its sentence is the writer, or nobody (a note with the writer left out: "Got there late"). */
function heldByWriter(tokens: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && !SENTENCE_END.has(tokens[j]!); j--) {
    if (WRITER.has(tokens[j]!)) return true;
    if (OTHERS.has(tokens[j]!) || CANDIDATE.has(tokens[j]!) || tokens[j] === 'it') return false;
  }
  return true;
}
const SENTENCE_END = new Set(['.', ';', '!', '?']);

/** The kind of conduct word at `i`, if it is one ("on time" is read at "time"). */
function kindOf(tokens: readonly string[], i: number): Kind | null {
  const token = tokens[i]!;
  const head = token.split('-')[0]!;
  if (token === 'time' && tokens[i - 1] === 'on') return 'adjective';
  return KINDS.get(token) ?? (token.includes('-') ? (KINDS.get(head) ?? null) : null);
}

function heldElsewhere(tokens: readonly string[], i: number, kind: Kind, context: Writer): boolean {
  const { writer } = context;
  const token = tokens[i]!;
  // "late-stage", "phone-screen": a compound word names a thing, not behaviour.
  if (token.includes('-')) return !OWN_DOING.has(token.split('-')[1]!);
  const next = tokens[i + 1];
  const before = tokens[i - 1];
  if (kind === 'adjective' && token !== 'time' && isWord(next) && !AFTER_PREDICATE.has(next) && !/^\d/.test(next)) {
    // Qualifying a noun: "late app", "rude customers", "the Tuesday and Thursday late finishes" (a
    // word that could be a verb is a noun after a determiner); the candidate's own doing stays ("late arrival").
    if ((!isVerb(next) || inNounPhrase(tokens, i)) && !OWN_DOING.has(next)) return true;
  }
  // After a pronoun it qualifies: "the system rejects anything late".
  if (kind === 'adjective' && before !== undefined && INDEFINITE.has(before)) return true;
  // …or through a relative clause on it: "auto-rejects anything that lands late".
  if (kind === 'adjective' && relativeOnIndefinite(tokens, i)) return true;
  if (token === 'phone' || token === 'phones' || token === 'mobile' || token === 'telephone') {
    if (before === 'by' || before === 'via' || (before === 'the' && (tokens[i - 2] === 'over' || tokens[i - 2] === 'via'))) return true;
    const state = tokens[i - 3] ?? '';
    if (before === 'the' && tokens[i - 2] === 'on' && !IN_A_STATE.has(state) && !state.endsWith('ing')) return true;
    // Reached on it or from it: "We called you on your mobile to arrange…", "You rang us from your
    // mobile to say the bus was late" is the channel, whoever's phone it is.
    if ((tokens[i - 2] === 'on' || tokens[i - 2] === 'from') && tokens.slice(Math.max(0, i - 6), i - 2).some((t) => CONTACTED.has(t)))
      return true;
    // Tried as a way to reach someone, or out of reach: "we kept ringing your mobile", "tried his phone",
    // "cand's phone went to vm x3", "mobile was not reachable", "we didn't have a mobile for you".
    if (REACHING.has(before ?? '') || (ARTICLE.has(before ?? '') && REACHING.has(tokens[i - 2] ?? ''))) return true;
    if (tokens.slice(i + 1, i + 5).some((t) => OUT_OF_REACH.has(t))) return true;
    if (isWord(next) && PHONE_AS_KIND.has(next)) return true;
    if (next === 'for' && HEARER.has(tokens[i + 2] ?? '')) return true;
    if (isWord(next) && MEDIUM.has(next))
      return !(next === 'call' || next === 'calls') || !TAKES_CALL.test(tokens.slice(Math.max(0, i - 3), i).join(' '));
  }
  // A possessor holds what follows: "the interviewer's mobile", "our uniform".
  // "my own phone": the possessor stands before "own".
  const possessor = before === 'own' ? tokens[i - 2] : before;
  if (kind === 'noun' && possessor !== undefined) {
    if (possessor.endsWith("'s") || possessor.endsWith('’s'))
      return !CANDIDATE.has(possessor.slice(0, -2)) && !CANDIDATE_POSSESSOR.has(possessor);
    if (possessor === 'our' || writer?.has(possessor)) return true;
    if (CANDIDATE_POSSESSOR.has(possessor)) return false;
  }
  if ((token === 'dress' && next !== undefined && DRESS_RULE.has(next)) || token === 'uniform') return describedAsFact(tokens, i);
  if (kind === 'noun') return false;
  return subjectIsElsewhere(tokens, i, context);
}

/** Whether word `i` ends a short relative clause ("that lands", "which comes in") on a pronoun like "anything". */
function relativeOnIndefinite(tokens: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(1, i - 4); j--) {
    if (CLAUSE_BREAK.has(tokens[j]!)) return false;
    if (tokens[j] === 'that' || tokens[j] === 'which') return INDEFINITE.has(tokens[j - 1]!);
  }
  return false;
}

// An article or possessive opens a noun phrase; "that" and "this" may open a clause ("that turning up late didn't help").
const ARTICLE = new Set('the a an your ur my his her our their'.split(' '));
const AUXILIARY = new Set(
  'is are was were be been being am have has had do does did can could would will may might must should'.split(' '),
);

/** Whether word `i` qualifies the word after it inside a noun phrase opened by an article, with no verb between: "the Tuesday and Thursday late finishes". */
function inNounPhrase(tokens: readonly string[], i: number): boolean {
  const next = tokens[i + 1] ?? '';
  if (AUXILIARY.has(next) || next.endsWith("n't")) return false;
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
    const token = tokens[j]!;
    if (ARTICLE.has(token)) return true;
    if (isVerb(token) || (CLAUSE_BREAK.has(token) && token !== 'and' && token !== 'or') || !isWord(token)) return false;
  }
  return false;
}

/** "Dress code in the chambers is formal": the code, subject of its clause, described. */
function describedAsFact(tokens: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && !CLAUSE_BREAK.has(tokens[j]!); j--) if (isVerb(tokens[j]!)) return false;
  for (let j = i + 1; j < Math.min(tokens.length, i + 8) && !CLAUSE_BREAK.has(tokens[j]!); j++) if (DESCRIBED.has(tokens[j]!)) return true;
  return false;
}

/** The nearest verb before word `i` in its clause and its subject, or null when it has none. */
function subjectAt(tokens: readonly string[], i: number): { verb: number; subject: number } | null {
  let verb = -1;
  // "so late", "too late": an intensifier, not the conjunction that ends a clause.
  // "late and rude": a coordinated adjective shares the first one's subject.
  let from = i - 1;
  while (from >= 0 && INTENSIFIER.has(tokens[from]!)) from--;
  if ((tokens[from] === 'and' || tokens[from] === 'or') && isWord(tokens[from - 1]) && !isVerb(tokens[from - 1]!)) from -= 2;
  for (let j = from; j >= 0 && !CLAUSE_BREAK.has(tokens[j]!); j--) {
    if (isVerb(tokens[j]!)) {
      verb = j;
      break;
    }
  }
  if (verb < 0) return null;
  let s = verb - 1;
  while (s >= 0 && (SKIPPED_BEFORE_VERB.has(tokens[s]!) || isVerb(tokens[s]!)) && !CLAUSE_BREAK.has(tokens[s]!)) s--;
  const subject = tokens[s];
  return !isWord(subject) || CLAUSE_BREAK.has(subject) || DETERMINER.has(subject) ? null : { verb, subject: s };
}

/** Whether the subject of the nearest verb before word `i`, in its clause, is someone or something other than the candidate. */
function subjectIsElsewhere(tokens: readonly string[], i: number, { writer, candidateWrites }: Writer): boolean {
  const found = subjectAt(tokens, i);
  // No subject ("arrived 25 min late", "for being late") is a note about the candidate.
  if (!found) return false;
  const { verb, subject: s } = found;
  const subject = tokens[s]!;
  if (writer?.has(subject)) return true;
  // In the candidate's own note, whoever else is the subject is not the candidate.
  if (candidateWrites) return !WRITER_SUBJECT.has(subject);
  // What was submitted, returned or sent is what was late: "you sent the slides late", "Design brief
  // returned 48 hours late" (not "returned late from lunch").
  const submitted = SUBMITTED.has(tokens[verb]!) && tokens[i + 1] !== 'from';
  if (CANDIDATE.has(subject) || BEHAVIOUR.has(subject)) return submitted && CANDIDATE.has(subject);
  if (submitted) return true;
  // Someone or something named with a determiner, or the employer's side: not the candidate. A bare
  // name ("Sam was late") or a word not known as a noun stays the candidate's.
  return hasDeterminer(tokens, s) || OTHERS.has(subject);
}

// Who else may be late or rude, named without a determiner: "interviewer running late", "we were running late".
const OTHERS = new Set(
  (
    'interviewer interviewers panel panellist panellists manager managers hm recruiter recruiters hr receptionist reception ' +
    'assessor assessors director chair staff team customers clients public callers patients guests colleagues people everyone ' +
    'nobody someone they we train trains bus buses traffic tube transport flight ' +
    // The employer's people as notes name them: "Owner rocked up half an hour late", "Client turned up late".
    'owner owners boss client ceo founder supervisor coordinator partner partners principal headteacher head organiser organizer'
  ).split(' '),
);

/** Whether the noun phrase ending at `s` opens with a determiner or possessive, within its clause. */
function hasDeterminer(tokens: readonly string[], s: number): boolean {
  for (let j = s - 1; j >= Math.max(0, s - 4) && !CLAUSE_BREAK.has(tokens[j]!); j--) {
    if (DETERMINER.has(tokens[j]!) || tokens[j]!.endsWith("'s")) return true;
    if (isVerb(tokens[j]!)) return false;
  }
  return false;
}
