// A comparison with another candidate: "the other finalist had led a migration like ours", "pipped
// by someone with five years in payments", "we went with a candidate who has run a site". It is
// `competition`, and what the other candidate had (its subject) is a reason of its own, scored as a
// unit (units.ts): "had led a migration like ours" is `experience`. Recognised by its grammar: who
// the other candidate is (other/another/the appointee/the internal candidate), a decision that picked
// someone ("we went with a bloke who…"), a contest lost ("pipped by", "up against people who'd…"),
// or a field stronger on something; boilerplate that only hints at others names no reason.

import { COUNT_UP_TO_TEN } from './lexical/text.js';
import { isPerson } from './person.js';

const NUMBER = String.raw`(?:\d+|two|three|four|five|six|seven|eight|both|all)`;
// Who "other" or "another" names as a person: "the other applicants", "another guy".
export const PERSON_NOUN = String.raw`(?:candidates?|applicants?|finalists?|interviewees?|people|person|guy|girl|bloke)`;
const OTHERS_NOUN = String.raw`(?:(?:shortlisted|short-listed|selected|successful)\s+)?(?:${PERSON_NOUN}|profiles?|one|two|three|\d+)`;
// Where a clause starts: "other candidates" counts only there (or as a verb's subject, below). In "you
// talked over two other candidates" or "build on other people's ideas" they are fellow members of a
// group exercise. A spaced dash starts a clause in notes ("Rej - other finalist had 6 yrs").
const CLAUSE_START = String.raw`(?:^|[,;:.(]\s*|\s[-–—]\s*|\b(?:but|and|as|because|while|whereas|though|although|that|where|apparently|basically|honestly|simply)\s+)`;
// What the other candidate went on to do, as the verb of which they are the subject.
const AS_SUBJECT = String.raw`(?=\s+(?:(?:both|all|just|already|simply|also|each|clearly)\s+)?(?:had|has|have|'d|'s|was|were|is|are|could|did|knew|showed|scored|brought|came|offered|gave|held|got|ran|led|managed|worked|currently)\b)`;
const DECIDER = String.raw`(?:we|they|the (?:client|panel|team|school|board|trustees|partner|hiring manager|manager|practice|firm)|hm|he|she)`;
// Past tense only (and "choose", as written in non-native English): "we want to appoint someone who
// has…" is a requirement.
const PICKED = String.raw`(?:appointed|hired|chose|choose|chosen|selected|picked|preferred|finalised|went with|gone with|decided (?:for|on)|decided to (?:appoint|go with|offer it to)|(?:offered|given|gave) (?:it|the (?:role|job|post|position|place)) to)`;
// The one picked, told apart from a requirement ("we need someone who has…"): an indefinite person
// with what they had after it ("a bloke who's been…", "an NQT who did…", "another candidate with…").
const WHO = String.raw`(?:who'd|who's|who|whose|which|with|having|w\/)`;
const PICKED_ONE = String.raw`(?:someone|somebody|another(?:\s+(?:candidate|applicant|person|finalist))?|the other (?:candidate|applicant|person|finalist)|(?:other\s+)?(?:candidate|applicant|person)|an?\s+(?:[\w-]+\s+){0,2}?(?:candidate|applicant|person|local|internal|[\w-]+))`;
const OTHER_CANDIDATE = new RegExp(
  [
    String.raw`${CLAUSE_START}(?:the\s+|all\s+the\s+|several\s+|some\s+|most\s+)?(?:${NUMBER}\s+)?other\s+${OTHERS_NOUN}\b(?!')`,
    String.raw`\bthe\s+(?:${NUMBER}\s+)?other\s+${OTHERS_NOUN}${AS_SUBJECT}`,
    String.raw`${CLAUSE_START}(?:the\s+|all\s+|both\s+)?(?:\d+|two|three|four|five|six)\s+(?:on the shortlist|(?:\w+\s+)?(?:finalists|candidates|applicants|interviewees)|shortlisted)\b(?:\s+(?:above|ahead of)\s+(?:him|her|them|you))?${AS_SUBJECT}`,
    String.raw`(?:${CLAUSE_START}|\b(?:to|behind|than)\s+(?:the\s+)?)top\s+(?:two|three|\d+)\b`,
    String.raw`${CLAUSE_START}another\s+(?:candidate|applicant|finalist|person)\b(?!')`,
    String.raw`\banother\s+(?:candidate|applicant|finalist|person)\s+${WHO}`,
    String.raw`\b(?:the\s+)?others\s+(?:in|on)\s+the\s+(?:pool|shortlist|field|list)\b`,
    String.raw`(?:\bthe\s+|${CLAUSE_START})others\s+(?:had|have|'d|were|was|gave|came|could|did|knew|showed|scored|all|brought|offered|both)\b`,
    String.raw`\b(?:a number of|several|many|lots of|plenty of|a few)\s+(?:(?:very\s+)?(?:strong|excellent|good|other)\s+)?(?:candidates|applicants|people)\s+${WHO}`,
    String.raw`\b(?:everyone|everybody)\s+else\b`,
    String.raw`\bsomeone\s+else\b`,
    String.raw`\b(?:the\s+)?(?:successful|chosen|preferred|appointed|selected|winning|internal)\s+(?:candidate|applicant|person|finalist|guy|girl|bloke|hire|profile)(?:'s)?\b(?!\s+(?:will|would|must|should|needs?|is expected)\b)`,
    String.raw`\bthe\s+appointee(?:'s)?\b`,
    String.raw`\bthe\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:we|they)(?:'ve|\s+have)?\s+(?:hired|appointed|chose|selected|picked|went with|(?:offered|gave|given) (?:it|the (?:role|job|post|position|place)) to)\b(?=\s+(?:has|had|have|is|was|'s|already|just)\b)`,
    String.raw`^(?:a|one|another)\s+(?:candidate|applicant|person|finalist)\s+who(?:'d|\s+had|\s+already)\b`,
    String.raw`\b(?:the\s+)?(?:candidate|applicant|person|one)\s+(?:we|who)\s+(?:have\s+)?(?:appointed|hired|chose|selected|picked|went with|offered|got the)\b(?:\s+(?:it|the\s+(?:job|role|post|position|place)))?`,
    String.raw`\b(?:${DECIDER}\s+(?:have\s+|'ve\s+|had\s+)?)?${PICKED}\s+(?:one of|(?:${PICKED_ONE})\s+${WHO}|(?:someone|somebody)(?:\s+(?<than>(?:much\s+|far\s+|a bit\s+)?more\s+\w+))?|a candidate|an applicant|another|a local|an internal|a person|the other (?:candidate|applicant|person|finalist)|(?:an?\s+)?other\s+(?:candidate|applicant|person))\b`,
    String.raw`\b(?:move|moving|go|going|proceed|proceeding)\s+(?:forward\s+)?with\s+(?:someone|somebody|a candidate|an applicant|a person)\s+${WHO}`,
    String.raw`\b(?:role|job|post|position|place|offer)\s+(?:went|has gone|was given|has been given)\s+to\s+(?:someone|somebody|another|an?\s+\w+)\b(?:\s+${WHO})?`,
    String.raw`\b(?:went|gone)\s+to\s+(?:someone|somebody|a candidate|an applicant|another|a local|an internal)\b(?:\s+${WHO})?`,
    String.raw`\b(?:pipped|edged out|beaten|outscored|outperformed|beaten to it)\s+by\s+(?:someone|somebody|another|an?\s+\w+)\b(?:\s+${WHO})?`,
    String.raw`\b(?:lost out|lost)\s+to\s+(?:someone|somebody|another (?:candidate|applicant|person)|an?\s+(?:candidate|applicant|person))\b(?:\s+${WHO})?`,
    String.raw`\bup\s+against\s+(?:people|ppl|others|candidates|applicants|someone|somebody)\s+${WHO}`,
    String.raw`(?:^|\bthat\s+)(?:someone|somebody|(?:a|the|another)?\s*(?:candidate|applicant|person|profile))\s+(?:with|who|having)\s+(?<held>[^.;]{3,80}?)\s+(?:(?:got|was offered|was given|took|landed|won)\s+(?:it|the\s+(?:job|role|post|position|place|offer))|(?:has been|have been|was|got)\s+(?:selected|chosen|appointed|hired|offered|finalised|shortlisted))\b`,
    String.raw`\b(?:(?:a|an|the)\s+|${CLAUSE_START})(?<more>(?:more|better|stronger)\s+(?:\w+\s+)?)(?:qualified\s+)?(?:candidate|applicant|person|hire)\b(?:\s+${WHO})?`,
    String.raw`\b(?:(?:field|pool|shortlist|competition)\s+(?:was|were|is)\s+(?:\w+\s+)?(?:stronger|deeper|more experienced)|(?:a|the)\s+(?:much\s+|far\s+)?(?:stronger|deeper|more experienced)\s+(?:field|pool|shortlist))\s+(?:on|in|when it came to)\s+(?<field>[^.;]{3,80})`,
    String.raw`\b(?:stronger|better|fuller|clearer)\s+than\s+(?:yours|you)\b`,
    String.raw`\b(?:ranked|scored|rated|placed)\s+(?:higher|better|above|ahead)\s+(?:on|in|for)\s+(?<ranked>[^.;)]{3,80})`,
    String.raw`\b(?:compared|next)\s+(?:with|to)\s+(?:the\s+)?other\s+(?:candidates|applicants|finalists|people)\b`,
  ].join('|'),
  'i',
);
// A decision that came down to the candidate and another ("came down to you and one other", "…to
// two of you"): the contest, when nothing else in the sentence names the other candidate.
const CAME_DOWN_TO =
  /\b(?:came|come|comes|coming|boiled)\s+down\s+to\s+(?:you\s+and\s+(?:one|an)\s*other\b|(?:the\s+)?two(?:\s+of\s+(?:you|them|us))?\b|(?:you\s+and\s+)?an?\s+[\w-]+\s+(?:who(?:'s|'d)?|with|w\/)(?=\s))/i;
// Boilerplate that only hints at others ("we have decided to pursue other candidates") names no reason.
const OTHERS_BOILERPLATE =
  /\b(?:pursue|proceed with|progress|progressing|move forward with|go forward with|moving forward with)\s+(?:\w+\s+)?other\s+(?:candidates|applicants)\b|\bother\s+(?:candidates|applicants)\s+whose\b/i;
// Where what the other candidate had ends: a new clause about someone else or the decision ("…, which
// tipped it", "…, so they went with her", "… vs cand 1", "…; you have managed two").
const SUBJECT_END =
  /[;:!?]|\.(?:\s|$)|,\s*(?:which|so|and|but|though|although|whereas|while|hence|because|as)\b|\s(?:but|whereas|while|vs\.?|versus)\s|\s[-–—]\s/i;

// What the other candidate had is work history when it is work they have done, how long, or their
// experience by name: "had led a migration", "had already been doing the job", "both had more years
// post-registration", "w/ 5 yrs in payments", "more experience with international clients". Not a
// skill, a certificate or how they did on the day ("had done more research", "gave a stronger answer").
const WORK_HISTORY = new RegExp(
  [
    String.raw`(?:^|\b(?:had|has|have|'d|'s|'ve|already|who|previously|both|all)\s+(?:(?:already|both|all|also|each|just|previously)\s+)?)(?:led|run|ran|managed|supervised|coordinated|overseen|oversaw|headed|taught|nursed|practised|practiced|operated)\b`,
    String.raw`\bbeen\s+(?:an?\s+|the\s+|in charge\b)`,
    // Work being done, not a wish to work ("motivation for working in tourism") nor a certificate's name.
    String.raw`\b(?:worked|\b(?:been|is|are|was|were|'s|currently|already|still)\s+working)\s+(?:in|at|on|with|as|for|across|alongside|closely|directly|abroad|overseas|nights|shifts)\b`,
    // Years of work, not of study ("a year of college").
    String.raw`\b(?:years?|yrs)\s+(?:of|in|as|at|running|managing|leading|doing|working|on)\s+(?!(?:college|university|uni|study|studying|school|training|education)\b)`,
    String.raw`\b(?:done|doing|did)\s+(?:[\w-]+\s+){0,4}?(?:job|role|work|post|shifts?|nights|placements?)\b`,
    String.raw`\bdone\s+(?:it|this|that)\s+(?:before|for)\b`,
    String.raw`\bbeen\s+(?:doing|working|running|managing|leading|teaching|in\s+(?:post|the role|the job|a similar))\b`,
    String.raw`\b(?:knew|knows|know)\s+(?:the\s+|our\s+|all\s+)?(?:systems?|kit|procedures|processes|customers|clients|ropes|patch|team)\b`,
    // Not a notice period, either way round: "three months' notice", "your notice is three months".
    String.raw`(?<!\bnotice(?:\s+period)?\s+(?:is|was|of)\s+(?:only\s+|just\s+)?)\b(?:${COUNT_UP_TO_TEN}|more|several|many)\s*\+?\s*(?:years?|yrs?|seasons|months)\b(?!'?\s+notice)`,
    // A grade held: "both already Band 6", "currently in band 6 posts".
    String.raw`\b(?:band|grade)\s*\d+\b`,
    String.raw`\b(?:experienc\w*|exposure|background|track record|seniority|more senior|work history)\b`,
  ].join('|'),
  'i',
);

/** Whether what someone had (the other candidate, or the one an employer asks for) is work history. */
export function namesWorkHistory(text: string): boolean {
  return WORK_HISTORY.test(text);
}

export interface Comparison {
  /** What the other candidate had, to be scored as a unit of its own (null when too short to mean anything). */
  subject: string | null;
  /** What the other candidate had is work history: the comparison says the candidate had less experience. */
  workHistory: boolean;
}

// The one who got the job, named by a relative clause on a person, whatever the noun: "the woman who got
// it", "the guy they went with", "the nurse who was appointed", "a lad they took on" (person.ts). Got
// "it" or the job, not got back to the candidate.
const THE_JOB = String.raw`(?:it|the\s+(?:job|role|post|position|place|offer|seat|contract|vacancy))`;
const APPOINTEE = new RegExp(
  String.raw`\b(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\s+(?:who(?:'s|\s+has|\s+had)?|that|(?:they|we)(?:'ve|\s+have|\s+had)?)\s+(?:(?:eventually|finally|actually|ultimately|in the end)\s+)?(?:(?:got|landed|won|took|bagged|was\s+given|was\s+offered|were\s+offered)\s+${THE_JOB}|(?:was|were|got|been)\s+(?:hired|appointed|picked|chosen|selected|offered)|(?:hired|appointed|picked|chose|selected|went\s+with|took\s+on|offered\s+it\s+to|gave\s+it\s+to))\b`,
  'gi',
);

/** Where a sentence names the one who got the job by a relative clause on a person noun, or null. */
function appointeeNamed(plain: string): RegExpExecArray | null {
  for (const match of plain.matchAll(APPOINTEE)) {
    const noun = match[1]!.toLowerCase();
    if (noun === 'one' || noun === 'candidate' || noun === 'applicant' || isPerson(noun)) return match;
  }
  return null;
}

/** The comparison with another candidate in a sentence (quotes straightened), or null if it makes none. */
export function readComparison(plain: string): Comparison | null {
  const other = OTHER_CANDIDATE.exec(plain) ?? appointeeNamed(plain) ?? CAME_DOWN_TO.exec(plain);
  if (!other || OTHERS_BOILERPLATE.test(plain)) return null;
  const groups = other.groups ?? {};
  const captured = groups.held ?? groups.more ?? groups.than ?? groups.field ?? groups.ranked;
  const after = untilEnd(plain.slice(other.index + other[0].length).replace(/^\s*[:\-–—]\s*/, ' '));
  // Only "…stronger than yours" puts what the other had before it ("filled by an internal candidate" does not).
  const before = /\bthan\s+(?:yours|you)\b/i.test(other[0]) ? sinceStart(plain.slice(0, other.index)) : null;
  // The subject is what the pattern captured ("someone with <a licence> got the job", "a <more
  // experienced> candidate") when it says something, else what follows the other candidate ("the
  // other finalist <had led a migration>"), else what comes before in its clause ("<her presentation
  // was> stronger than yours").
  const subject = [captured && words(captured) >= 2 ? captured : null, after, before]
    .map((text) => (text ? tidy(text) : null))
    .find((text) => text !== null && /\p{L}{3}/u.test(text) && words(text) >= (text === captured ? 2 : 3));
  const said = subject ?? captured ?? '';
  return { subject: subject ?? null, workHistory: namesWorkHistory(said) && !INSIDER.test(said) };
}

// One already inside the employer got it: "a nurse already working on the ward on a fixed-term
// contract", "one of their own senior carers". Their time there is the contest's, not experience the
// candidate lacked (the labels: an internal appointment is competition).
const INSIDER =
  /\b(?:internal(?:ly)?|one\s+of\s+(?:their|our)\s+own|(?:placement|contract|secondment)\s+with\s+(?:us|them)|already\s+(?:working|employed|based)\s+(?:with\s+(?:us|them)|(?:on|in|at|for)\s+(?:the|our|their|this)\s+(?:ward|team|site|store|branch|department|unit|school|practice|office|trust|hospital|home|shop|account)))\b/i;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const tidy = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.-]+|[\s,;:-]+$/g, '')
    .trim();

/** `text` up to where the other candidate's clause ends. */
function untilEnd(text: string): string {
  const end = SUBJECT_END.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** The end of `text` back to where its clause started. */
function sinceStart(text: string): string {
  const starts = [...text.matchAll(/[;:.!?](?:\s|$)|,\s*|\s[-–—]\s|\b(?:but|and|so|because|although|though)\s+/gi)];
  const last = starts.at(-1);
  return last ? text.slice(last.index + last[0].length) : text;
}
