// Rules of reading that advisers apply to one sentence, beyond praise and rule-outs (favourable.ts):
//  - A candidate's own note about an employer's silence ("never heard back after the interview even
//    though I emailed twice") gives no reason: it is `uninformative`, and never `conduct`.
//  - `conduct` is the candidate's own behaviour: an interviewer who was late or on the phone is not,
//    nor a task that arrived late or a dress code described as the job's (conduct.ts).
//  - A named technical skill the candidate lacks (Python, Spark, SQL…) is `qualifications`, and
//    "experience with Python" is that skill, not work history.
//  - A comparison keeps its subject: "other applicants had more client-facing experience" is
//    `competition`, and its subject ("had more client-facing experience") is scored as well (comparison.ts).
//  - Pay, place, hours or dates named only to say they suited are no `logistics` (logistics-approved.ts).
// The rules name the default theme ids; a taxonomy without them is read without these rules.

import { readComparison } from './comparison.js';
import { holdsCredential } from './credential-held.js';
import { conductHeldElsewhere, conductOfNoOneNamed, faultLaidElsewhere, speaksOfConduct, writerOwnsConduct } from './conduct.js';
import { conductOnlyOfTheJob } from './conduct-job.js';
import { ownConductNotFound } from './conduct-praised.js';
import { ARRANGEMENT_DONE, candidateRelaysEmployer, employerActs, ownPeopleActOn } from './employer-acts.js';
import { someoneElseActs } from './others-act.js';
import { statesFieldAsGround } from './field.js';
import { drawnByOtherThanWork } from './drawn-by.js';
import { passingThrough } from './passing-through.js';
import { logisticsOnlyApproved } from './logistics-approved.js';
import { lacksQualification } from './qualification.js';
import { COUNT_UP_TO_TEN, straightenQuotes } from './lexical/text.js';
import { overqualified, readWorkHistory } from './work-history.js';

export const CONDUCT_THEME = 'conduct';
export const QUALIFICATIONS_THEME = 'qualifications';
export const EXPERIENCE_THEME = 'experience';
export const MOTIVATION_THEME = 'motivation';
export const COMPETITION_THEME = 'competition';
export const LOGISTICS_THEME = 'logistics';

export interface SegmentReading {
  /** The candidate's note of an employer's silence: no theme but `uninformative`. */
  silence: boolean;
  /** Theme ids this sentence cannot carry, whatever its scores. */
  ruledOut: string[];
  /** Theme ids the sentence carries by how it is phrased. */
  asserted: string[];
  /** What a comparison says the other candidate had, scored as a unit of its own. */
  subject: string | null;
  /** The employer's side is who acts: "the interviewer was late", "HR never replied". */
  employerSide: boolean;
  /** The field's strength or size is stated (field.ts): its `competition` is a reason, not others merely named. */
  fieldStated?: boolean;
}

const SECOND_PERSON = /\b(?:you|your|yours|you're|you've|you'd|u|ur)\b/i;
const CANDIDATE_NOUN = /\b(?:candidate|candidates|applicant|cand)\b/i;
// What a candidate writes when the employer went quiet or gave nothing. The strong forms can only
// be about the employer; the weak ones ("no response", "didn't reply") also describe a candidate who
// went quiet, so they count only in a note the candidate wrote (first person).
const STRONG_SILENCE = new RegExp(
  [
    String.raw`\b(?:heard|hear|hearing)\s+(?:back|nothing|anything)\b`,
    String.raw`\b(?:have|has|had)n't\s+heard\b(?!\s+of)`,
    String.raw`\bghost(?:ed|ing)?\b`,
    String.raw`\bchas(?:ed|ing)\b`,
    String.raw`\bstill\s+(?:waiting|nothing)\b`,
    String.raw`\bwaiting\s+to\s+hear\b`,
    String.raw`\bno\s+idea\s+(?:why|what\s+happened)\b`,
    String.raw`\b(?:nobody|no one|no-one)\s+(?:ever\s+)?(?:called|rang|got|wrote|replied|responded|answered|came)\b`,
    String.raw`\bnothing\s+back\b`,
    String.raw`\bnot\s+(?:a|one)\s+(?:word|peep|squeak)\b`,
    String.raw`\bnever\s+(?:got|received|had)\s+(?:a\s+|any\s+)?(?:reply|response|answer|feedback|call)\b`,
    String.raw`\b(?:not|neither|never)\s+(?:\w+\s+)?returned\b`,
    String.raw`\bout[- ]of[- ]office\b`,
    String.raw`\bwent\s+(?:quiet|silent)\b`,
    String.raw`\b(?:automated|generic|two-line|one-line)\s+(?:rejection|email|reply)\b`,
    String.raw`\bno\s+(?:reason|feedback)\s+(?:given|at all|offered)\b`,
    String.raw`\bwithout\s+(?:saying|giving|explaining|telling\s+(?:me|us))\s+(?:why|a reason|any reason)\b`,
    String.raw`\b(?:nobody|no one|no-one)\s+(?:ever\s+)?(?:told|explained|said)\s+(?:me\s+|us\s+)?(?:how|why|what)\b`,
    String.raw`\bbut\s+never\s+did\b`,
  ].join('|'),
  'i',
);
const WEAK_SILENCE = new RegExp(
  [
    String.raw`\bno\s+(?:reply|replies|response|answer|acknowledge?ment|word|news|reason|feedback)\b`,
    String.raw`\bnever\s+(?:replied|responded|answered|got back|came back|called|rang|did|confirmed|heard)\b`,
    String.raw`\b(?:didn't|did not|don't|won't)\s+(?:reply|respond|answer|call|ring|get back)\b`,
    String.raw`\bstopped\s+(?:replying|responding|answering)\b`,
  ].join('|'),
  'i',
);
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|me|my|myself)\b/i;
const OWN_SILENCE = /\bi\s+(?:didn't|did\s+not|never|don't|won't)\s+(?:reply|respond|answer|call|ring|get\s+back)\b/gi;
// A note that passes on what the employer said about the candidate carries that reason; a promise
// of news ("the outcome they said I'd have in a few days") passes on none.
// Also what was said of the writer a few words on: "HR said the manager was put off that I was late",
// "Agency passed on that I'd been 'short and dismissive'".
// …and what someone said or asked of the writer as the subject of a clause a few words on, in one
// clause (no conjunction between), when the writer is not the one who said it: "They said the fact I
// forgot to mute… didn't help", "HR said the team felt I'd struggle", "HM told the agency I 'seemed
// to be treating it as a backup'", "The interviewer said it sounded like I was…". "I told them I was
// still keen" and "a job I'd said twice I wasn't interested in" are the writer's own word, "nobody
// told me how I'd scored" passes on nothing, nor does a question asked ("asked where I'd studied twice").
const REPORTED_OF_WRITER =
  /(?<!\b(?:i|i'd|i've|we)\s+(?:[\w']+\s+)?|\b(?:nobody|no\s+one|never|not|n't)\s+)\b(?:said|says|told|felt|feels|thought|reckoned|noted|mentioned|cited)\s+(?:(?!(?:and|but|so|then|or|until|because|though|although|while|if|when|whether)\b)[\w']+\s+){0,4}?(?:i(?:'d(?!\s+(?:have|get|hear|receive|know)\b)|'m|'ve)?)\s+(?!(?:would|will|could|might|should)\b)[a-z']/i;
const REPORTED_REASON = new RegExp(
  String.raw`\b(?:said|says|told me|(?:was|got|been)\s+told|feedback (?:was|is)|apparently|because|reason was|passed on|relayed)\s+(?:that\s+|(?:[\w']+\s+){1,6}?that\s+)?(?:i(?!'d\s+(?:have|get|hear|receive|know)\b)|i'm|i've|my|me)\b|${REPORTED_OF_WRITER.source}`,
  'i',
);
// A note that relays what someone said of the candidate in the third person: "Site manager said he
// turned up in trackies". It is about the candidate, whoever else it names; in a note the candidate
// wrote ("LinkedIn says she's seen my message") he or she is the employer's side (relaysOfCandidate).
// A promise ("said she'd chase the client") relays nothing about the candidate; what he or she had
// done does ("The manager also said she'd been chewing gum through the whole interview"); "'d"
// before a past participle is "had": "she'd been", "he'd emailed", "he'd told reception".
const HAD_DONE = String.raw`'d\s+(?:been|had|gone|done|got|made|left|taken|told|said|sent|shown|worn|come|forgotten|brought|[a-z]+[^e\s]ed)\b`;
const RELAYED_OF_CANDIDATE = new RegExp(
  String.raw`\b(?:said|says|told us|felt|feels|thought|reckoned|noted|reported|mentioned)\s+(?:that\s+)?(?:he|she)\b(?!(?!${HAD_DONE})'d|'ll|\s+would|\s+will)`,
  'i',
);
const SEGMENT_ABOUT_HIM_OR_HER = /^(?:he|she)\b/i;
const APOLOGY =
  /\b(?:i'm|i am|we're|we are)\s+(?:so\s+|very\s+|really\s+)?sorry\b(?!\s+to\s+(?:tell|say|inform|let|hear))|\bapologi(?:es|se|ze)\s+(?:for|that)\b|\b(?:and|so)\s+(?:(?:we|i)\s+(?:do\s+|sincerely\s+|truly\s+)?)?apologi(?:se|ze|ses|zes|sed|zed)\W*$|\b(?:has|have|had)\s+(?:since\s+|already\s+|now\s+)?apologi[sz]ed\b/i;
// Tools and languages employers name as skills; "R" and "C" alone are too ambiguous to list.
const TECH = String.raw`\b(?:python|sparktool|sql|nosql|java|javascript|typescript|react|node(?:\.js)?|c\+\+|c#|scala|hadoop|airflow|dbt|kafka|excel|vba|power ?bi|tableau|aws|azure|gcp|docker|kubernetes|terraform|git|linux|matlab|sas|spss|stata|autocad|revit|solidworks|salesforce|sap|photoshop|figma)(?![\w+#])`;
const LACK = String.raw`(?:\b(?:lack(?:ed|s|ing)?|no|not|never|none|weak|weaker|basic|limited|gaps?|missing|unfamiliar|insufficient|below|neither|nor|little|patchy|rusty|struggled)\b|n't\b)`;
// The shortfall sits next to the skill, not across a "but", "so" or a dash: "Python experience but no team management" is not it.
const GAP = String.raw`(?:(?!\b(?:but|however|so|although|though)\b)[^.;:—–])`;
const LACKING_SKILL = new RegExp(String.raw`${LACK}${GAP}{0,40}?${TECH}|${TECH}${GAP}{0,45}?${LACK}`, 'i');
// A tool named as the kind of work done for years ("5 yrs as a Salesforce admin", "three years in SAP
// implementation") is work history, not a skill the candidate lacks.
const TOOL_AS_WORK = new RegExp(
  String.raw`\b(?:${COUNT_UP_TO_TEN}|more)\s*\+?\s*(?:years?|yrs?)(?:'|’)?\s+(?:as|in|of|doing|working|with)\s+(?:an?\s+)?${TECH}`,
  'i',
);
// "Spark" the tool is written with a capital; "no real spark about the work" is not it.
const markSpark = (text: string) => text.replace(/\b(?:Py)?Spark\b/g, 'sparktool');
// Work history named beside the skill keeps `experience` possible: "no Python and only a year in post".
const WORK_HISTORY = /\b(?:years?|months?|sector|industry|background|managed|managing|clients?|commercial|senior|junior)\b/i;
const SKILL_EXPERIENCE = /\bexperience\s+(?:with|in|of|using)\b/i;
// Who a note is written by or about: the candidate writing ("I", "my") or the employer's side acting.
const EMPLOYER_SIDE = /\b(?:they|them|their|recruiters?|hr|interviewers?|panel|company|employer|agency|manager|assessors?)\b/i;
// The employer's side named only as where something went ("no show for 10:30 panel", "rude to the
// recruiter") is not who acted; "apologised for the interviewer being late" names who did.
const EMPLOYER_AS_OBJECT =
  /\b(?:for|to|with|towards|in front of)\s+(?:the\s+|a\s+|an\s+|our\s+|[\d:.]+\s+)?(?:recruiters?|hr|interviewers?|panel|company|employer|agency|manager|assessors?)\b(?!\s+(?:being|to)\b)/gi;
// A note that opens with what the writer received has the writer as its subject: "Got a calendar
// invite for an interview, then a cancellation…", "Received a one-line email".
const RECEIVED =
  /^\W*(?:got|received|had)\s+(?:an?\s+|the\s+|my\s+|another\s+)?(?:[\w-]+\s+){0,2}?(?:e-?mail|message|call|invite|invitation|letter|text|reply|rejection|voicemail)s?\b/i;
// The employer writing of its own side ("our interview room was double-booked, so apologies"), in a
// sentence about nobody else: "we started without him" is about a candidate.
const EMPLOYER_OWN_SIDE = /\b(?:we|we're|we've|our|us)\b/i;
const HIM_OR_HER = /\b(?:he|she|him|her|his|hers)\b/i;

function relaysOfCandidate(plain: string): boolean {
  return RELAYED_OF_CANDIDATE.test(plain) && !FIRST_PERSON.test(plain);
}

/**
 * Whether a sentence can be a candidate's note about the employer's side: it is not addressed to the
 * candidate, does not pass on a reason they were told nor own up to the writer's conduct, and names
 * who wrote it or who acted. "20 min
 * late no call" is the employer's note of the candidate's lateness, which is `conduct`.
 */
export function mayBeEmployerNote(text: string): boolean {
  // Words quoted from someone else ("said 'not for me'") and a label naming who wrote the note
  // ("Panel note:", "Recruiter call notes 14/3:") say nothing of who acted.
  const plain = straightenQuotes(text).replace(QUOTED, ' ').replace(NOTE_LABEL, '');
  // "My fault - I … turned up an hour late": the writer's own conduct, not the employer's side; nor is
  // "late, then snapped at the panel", whose lateness no one named holds.
  if (aboutTheCandidate(plain) || HE_OR_SHE_SUBJECT.test(plain)) return false;
  return (
    FIRST_PERSON.test(plain) ||
    RECEIVED.test(plain) ||
    ARRANGEMENT_DONE.test(plain.trim()) ||
    EMPLOYER_SIDE.test(plain.replace(EMPLOYER_AS_OBJECT, ' ')) ||
    (EMPLOYER_OWN_SIDE.test(plain) && !HIM_OR_HER.test(plain))
  );
}

// Who wrote the note, not who it is about: "Candidate's note: …", "Candidate reports interviewer was…".
const NOTE_LABEL = /^\W*(?:[\w-]+\s+){0,2}?(?:note|notes|comments?|summary|debrief)\b[^:]{0,12}:/i;
// A note nobody writes in the first person, up to what follows.
const NO_FIRST_PERSON_THEN = String.raw`^(?![\s\S]*\b(?:i|i'm|i've|i'd|me|my)\b)[\s\S]*`;
// He or she as a clause's subject, in a note nobody writes in the first person, is the candidate the
// note is about, whoever else it names: "…when their coordinator asked about it he replied with a
// pretty aggressive email", "Also, he'd emailed the HR manager quite sharply". A promise ("she'd
// chase the client") is the employer's side.
const HE_OR_SHE_SUBJECT = new RegExp(String.raw`${NO_FIRST_PERSON_THEN}\b(?:he|she)(?:\s+(?!(?:would|will)\b)[a-z]|${HAD_DONE})`, 'i');
// He or she acting after a label, in a note nobody writes in the first person: "Client pulled Tom: he rescheduled…".
const HE_OR_SHE_ACTS = new RegExp(String.raw`${NO_FIRST_PERSON_THEN}[:;]\s*(?:he|she)\s+\w+`, 'i');

// A note that opens with someone not attending and names no one is the employer's note of the
// candidate who did not come: "No-show 2nd int Thu 14:00.", "FTA 10:30 panel (failed to attend).",
// "Did not attend 10:30 video slot, no message received.", "DNA - 10:30 panel slot". A no-show by
// someone named ("No-show by the hiring manager") is theirs.
const ABSENT_NO_ONE_NAMED =
  /^\W*(?:(?:no[- ]?show|dna|fta)\b(?!\s+(?:by|from|of)\b)|(?:did\s+not|didn't|didnt|failed\s+to|never)\s+(?:attend|show|turn\s+up|join|log\s+on|dial\s+in)\b|never\s+(?:showed|turned\s+up|attended|joined)\b)/i;

/** Whether a sentence (quotes straightened) is about the candidate: to or of them, what they were told, or their own conduct. */
function aboutTheCandidate(plain: string): boolean {
  return (
    addressesCandidate(plain) ||
    ABSENT_NO_ONE_NAMED.test(plain.replace(NOTE_LABEL, '')) ||
    REPORTED_REASON.test(plain) ||
    relaysOfCandidate(plain) ||
    writerOwnsConduct(plain) ||
    conductOfNoOneNamed(plain)
  );
}

const WRITER_LABEL =
  /^\W*(?:the\s+)?(?:candidate|applicant|cand)(?:(?:'s)?\s+(?:own\s+)?(?:note|notes|comment|comments|account)\s*[:-]|\s+(?:reports|reported|says|said|notes|noted|mentions|mentioned|claims|claimed|complains|complained)\s+(?:that\s+)?(?!(?:he|she|they)\b))/i;
// Words quoted from someone else are not the note's own: "HR just sent a 'we've decided to move
// forward with other candidates' email".
const QUOTED = /(?<![\w'])'(?=\w)[\s\S]*?(?<=[\w.!?,])'(?![\w'])|"[^"]*"/g;

// Candidates someone else had, before or beside this one, are not the candidate: "while describing
// his previous candidates".
const OTHERS_CANDIDATES = /\b(?:his|her|their|previous|past|earlier|former)\s+(?:[\w-]+\s+)?(?:candidates|applicants)\b/gi;

/** Whether a sentence (quotes straightened) speaks to or of the candidate. "Thank you" addresses
 * nobody in particular: "I sent a thank-you email and never got a reply". */
function addressesCandidate(plain: string): boolean {
  // "Candidate's note: chased x3 by email…": a label that says who wrote the note is not about them.
  const addressed = plain
    .replace(/\bthank[- ]you\b/gi, '')
    .replace(WRITER_LABEL, '')
    .replace(QUOTED, ' ')
    .replace(OTHERS_CANDIDATES, ' ');
  return SECOND_PERSON.test(addressed) || CANDIDATE_NOUN.test(addressed);
}

/** Whether a sentence (quotes straightened) is the employer's silence, with nothing about the candidate or a reason they were told. */
function silenceOf(plain: string, aboutCandidate: boolean): boolean {
  // "I didn't ring ahead" is the writer's own silence, not the employer's.
  const silent = STRONG_SILENCE.test(plain) || (FIRST_PERSON.test(plain) && WEAK_SILENCE.test(plain.replace(OWN_SILENCE, ' ')));
  return !aboutCandidate && silent && !REPORTED_REASON.test(plain);
}

/** readSegment's `silence` alone, without the rest of the reading (the clause-role reader's signal). */
export function readsAsSilence(text: string): boolean {
  const plain = straightenQuotes(text);
  return silenceOf(plain, addressesCandidate(plain));
}

export function readSegment(text: string, themeIds: readonly string[], whole: string = text): SegmentReading {
  const plain = straightenQuotes(text);
  const reading: SegmentReading = { silence: false, ruledOut: [], asserted: [], subject: null, employerSide: false };
  const aboutCandidate = addressesCandidate(plain);
  if (silenceOf(plain, aboutCandidate)) {
    reading.silence = true;
    reading.employerSide = true;
    return reading;
  }
  const trimmed = plain.trim();
  // Lateness, dress, rudeness or a phone that is not the candidate's own on the day: "the take-home
  // task arrived late", "a late-stage interview", "rude customers", "the interviewer's mobile".
  const conductElsewhere = conductHeldElsewhere(plain);
  // The employer apologising for its own side acts too: "The interviewer should not have taken a call
  // during your interview and I'm sorry".
  // …or acts on the candidate, who holds no conduct in it: "our receptionist told you to come in the
  // back door and you ended up in the coolroom".
  const actedOn = aboutCandidate && ownPeopleActOn(trimmed) && (!speaksOfConduct(plain) || conductElsewhere);
  // Someone on the employer's side who relays what the candidate did is not the one acting in it:
  // "The manager also said she'd been chewing gum through the whole interview." With both a he and a
  // she in it, the one relaying may be speaking of their own act ("The manager says she kept him waiting").
  const relayed = relaysOfCandidate(plain) && !(/\b(?:he|him|his)\b/i.test(plain) && /\b(?:she|her|hers)\b/i.test(plain));
  if (((!(aboutCandidate || relayed) || APOLOGY.test(plain)) && employerActs(trimmed)) || actedOn || candidateRelaysEmployer(trimmed)) {
    reading.employerSide = true;
    ruleOut(reading, themeIds, CONDUCT_THEME);
  }
  // Whose fault it was may be said in a clause set aside from the text read ("…shouting into his phone
  // the whole time she was there - not a reflection on her."): in a sentence that speaks of conduct,
  // it is read in the whole sentence (whose fault first: it is rarer, and cheaper to read).
  // …or someone else, named as a person, acts in a sentence to or of the candidate, who is no clause's
  // subject in it: "The traffic controller out front gave you a hard time about where you parked".
  if (
    conductElsewhere ||
    conductOnlyOfTheJob(plain) ||
    faultLaidElsewhere(plain) ||
    ownConductNotFound(plain, whole) ||
    (faultLaidElsewhere(whole) && speaksOfConduct(whole)) ||
    someoneElseActs(plain)
  )
    ruleOut(reading, themeIds, CONDUCT_THEME);
  if (logisticsOnlyApproved(plain) || (whole !== text && logisticsOnlyApproved(whole))) ruleOut(reading, themeIds, LOGISTICS_THEME);
  const sparkMarked = markSpark(plain);
  const lackingSkill = LACKING_SKILL.test(sparkMarked);
  if (lackingSkill && !TOOL_AS_WORK.test(sparkMarked)) {
    assertTheme(reading, themeIds, QUALIFICATIONS_THEME);
    if (SKILL_EXPERIENCE.test(plain) && !WORK_HISTORY.test(plain)) ruleOut(reading, themeIds, EXPERIENCE_THEME);
  }
  const work = readWorkHistory(plain, lackingSkill);
  if (work.staying) ruleOut(reading, themeIds, EXPERIENCE_THEME);
  // "Overqualified for the grade" is work history, not a qualification missing (work-history.ts).
  if (overqualified(plain) || work.noQualification) ruleOut(reading, themeIds, QUALIFICATIONS_THEME);
  if (work.workHistory) assertTheme(reading, themeIds, EXPERIENCE_THEME);
  if (lacksQualification(plain)) assertTheme(reading, themeIds, QUALIFICATIONS_THEME);
  // A job seen as a stop on the way elsewhere is commitment, whatever dates or contracts it names.
  // …and so is a job wanted for the pay, a visa or a perk rather than the work.
  if (passingThrough(plain) || drawnByOtherThanWork(plain)) assertTheme(reading, themeIds, MOTIVATION_THEME);
  const comparison = themeIds.includes(COMPETITION_THEME) ? readComparison(plain) : null;
  if (comparison) {
    assertTheme(reading, themeIds, COMPETITION_THEME);
    reading.subject = comparison.subject;
    // "The other finalist had led a migration like ours": the candidate had less experience.
    if (comparison.workHistory) assertTheme(reading, themeIds, EXPERIENCE_THEME);
    else if (comparison.subject && holdsCredential(comparison.subject)) assertTheme(reading, themeIds, QUALIFICATIONS_THEME);
  }
  if (themeIds.includes(COMPETITION_THEME) && statesFieldAsGround(plain)) {
    assertTheme(reading, themeIds, COMPETITION_THEME);
    reading.fieldStated = true;
  }
  return reading;
}

/** `conduct` is not in a sentence whose fault the sentence after it lays elsewhere ("…got into it with our front desk. Not you - you were great."). */
export function layFaultElsewhere(reading: SegmentReading, themeIds: readonly string[]): void {
  ruleOut(reading, themeIds, CONDUCT_THEME);
}

/** Rules a theme of the taxonomy out of a sentence (once). */
function ruleOut(reading: SegmentReading, themeIds: readonly string[], id: string): void {
  if (themeIds.includes(id) && !reading.ruledOut.includes(id)) reading.ruledOut.push(id);
}

/** Asserts a theme of the taxonomy in a sentence (once), unless the sentence rules it out. */
function assertTheme(reading: SegmentReading, themeIds: readonly string[], id: string): void {
  if (themeIds.includes(id) && !reading.ruledOut.includes(id) && !reading.asserted.includes(id)) reading.asserted.push(id);
}

/**
 * A candidate's note about the employer's side speaks of no conduct of theirs: in an item where some
 * sentence is about the employer (its silence, or the employer's side acting) and none addresses the
 * candidate, passes on what they were told, is about "he"/"she" or owns up to the writer's own
 * lateness or rudeness ("I … turned up an hour late"), `conduct` is ruled out in every
 * sentence: "The interviewer took a call halfway through. Rejected the next day." `readAsNote`: the
 * clause-role reader found some sentence likeliest such a note.
 */
export function settleEmployerSide(
  segments: readonly { scoredText: string; reading: SegmentReading }[],
  themeIds: readonly string[],
  readAsNote = false,
): void {
  if (!themeIds.includes(CONDUCT_THEME) || !(readAsNote || segments.some((s) => s.reading.silence || s.reading.employerSide))) return;
  const aboutCandidate = (text: string) => {
    const plain = straightenQuotes(text);
    return aboutTheCandidate(plain) || SEGMENT_ABOUT_HIM_OR_HER.test(plain.trim()) || HE_OR_SHE_ACTS.test(plain);
  };
  if (segments.some((s) => aboutCandidate(s.scoredText))) return;
  for (const { reading } of segments) ruleOut(reading, themeIds, CONDUCT_THEME);
}
