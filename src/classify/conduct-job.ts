// `conduct` named as the job's, not as what the candidate did: "Timekeeping is critical in this role",
// "You'd be wearing a uniform", "This is a customer-facing role with a smart dress code". Such a
// sentence gives no evidence of the candidate's own behaviour on the day (conduct.ts reads who holds a
// conduct word; this reads whether anyone is holding it at all).

import { speaksOfConduct } from './conduct.js';
import { straightenQuotes } from './lexical/text.js';
import { isPerson } from './person.js';

// A requirement for someone who is so ("they need someone 'impeccably professional on the phone at all
// times'"), not one said as a comparison with the candidate ("someone a bit more professional").
const REQUIREMENT =
  /\b(?:need|needs|needed|want|wants|wanted|require|requires|looking\s+for)\s+(?:someone|somebody|a\s+person|people)\s+(?:who(?:'s|\s+is|\s+are)?\s+)?['"]?(?!(?:[\w-]+\s+){0,2}?(?:more|less|better)\b)(?:[\w-]+ly\s+)?(?:professional|punctual|polite|presentable|well[-\s]presented|smart|reliable|courteous)\b/i;
// A clause that describes the job, not what anyone did: "Timekeeping is critical in this role", "This
// is a customer-facing role with a smart dress code", "You'd be wearing a uniform", "Punctuality and
// attendance monitoring is part of the supervisor's job here", "… is a daily task here"; a process the
// job runs on it: "Punctual attendance is monitored as part of the manager's remit".
const DESCRIBES_THE_JOB =
  /^\W*(?:this|it)\s+is\s+an?\s+(?:[\w-]+\s+){0,3}?(?:role|job|position|post)\b|\b(?:is|are)\s+(?:(?:absolutely|really|very)\s+)?(?:critical|essential|key|vital|crucial|important|non-negotiable|expected|required|mandatory|compulsory|a\s+must|part\s+of|a\s+(?:daily|big|core|key)\s+(?:task|part))\b|\byou(?:'d|'ll|\s+would|\s+will)\s+(?:be\s+)?(?:wearing|wear|following|follow|expected|required|on\s+the)\b|\b(?:is|are)\s+(?:closely\s+|strictly\s+)?(?:monitored|tracked|checked|recorded|logged|audited|enforced)\s+(?:as\s+part\s+of|by|in|across|here|every|each|daily|weekly)\b/i;
// A duty the job holds over other people's conduct: "has to enforce the uniform policy and challenge
// lateness among 300 pupils", "The job is essentially enforcing dress code", "you'll be the one
// disciplining staff for lateness", "A big part of this role is dealing with patients who turn up late". Not
// the candidate described ("you were challenging and rude"): only "challenging" reads as an adjective.
const DUTY_OVER_CONDUCT =
  /\b(?:(?<!\b(?:was|were|is|are|being|be|quite|very|bit|so|too|rather)\s)challeng(?:e|es|ing)|enforc\w*|disciplin(?:e|es|ing)|polic(?:e|es|ing)|tackl(?:e|es|ing)|sanction(?:s|ing)?|crack(?:ing)?\s+down\s+on|deal(?:ing)?\s+with)\s+(?:[\w'-]+\s+){0,4}?(?:late\w*|timekeeping|punctual\w*|attendance|absence|no-shows?|rude\w*|manners|behaviou?r|conduct|dress|uniform|appearance|phones?|mobiles?)\b/i;
// Conduct topics, named as the job's or anyone's.
const CONDUCT_TOPIC =
  /\b(?:late|lateness|timekeeping|punctual\w*|attendance|rude\w*|manners|behaviou?r|conduct|dress(?:ed)?|attire|appearance|uniform|grooming|phones?|mobiles?)\b/i;
// The candidate doing something on the day: "you turned up in jeans", "he kept checking his phone".
const ON_THE_DAY =
  /\b(?:you|he|she|they|candidate|cand|i)\s+(?:\w+\s+)?(?:turned\s+up|showed\s+up|arrived|came|wore|walked|kept|swore|dressed|rolled\s+in)\b/i;

/**
 * Whether a sentence names conduct only in clauses that describe the job ("Timekeeping is critical in
 * this role - you'd be opening at 7am - and you told us you can't get in before 8.30"): such a
 * sentence says nothing of the candidate's own behaviour, unless another clause has them doing
 * something on the day.
 */
export function conductOnlyOfTheJob(text: string): boolean {
  const plain = straightenQuotes(text);
  if (ON_THE_DAY.test(plain)) return false;
  const clauses = plain.split(/[;:—–]|\s-\s|,\s*/);
  const naming = clauses.filter((c) => CONDUCT_TOPIC.test(c));
  return naming.length > 0 && naming.every((c) => DESCRIBES_THE_JOB.test(c) || REQUIREMENT.test(c) || DUTY_OVER_CONDUCT.test(c));
}

// Conduct of a class of people the job deals with, named by a relative clause on a plural noun of
// people: "Patients who don't turn up for appointments are the clinic's biggest headache", "calming
// down patients who get aggressive at A&E reception", "handling disciplinaries and staff who turn up
// drunk or late". Not candidates ("candidates who arrive late are not considered").
const CLASS_WHO = /\b([a-z]+)\s+(?:who|that)\s+[^,;:.!?\u2013\u2014]*/gi;
const CLASS_CONDUCT =
  /\b(?:late|lateness|turn(?:s|ed)?\s+up|show(?:s|ed)?\s+up|rude|aggressive|abusive|violent|drunk|no[-\s]shows?|behaviou?r|dress(?:ed)?|phones?|swear|swore|shout\w*|kick(?:s|ed)?\s+off)\b/i;
const COLLECTIVE = new Set('staff people public crew children men women folk'.split(' '));
const CANDIDATES = new Set('candidates applicants interviewees'.split(' '));

/** Whether a sentence names conduct only in relative clauses on a class of people other than the candidates. */
export function conductOfAClass(text: string): boolean {
  const plain = straightenQuotes(text);
  if (ON_THE_DAY.test(plain)) return false;
  let found = false;
  const rest = plain.replace(CLASS_WHO, (clause, noun: string) => {
    const lower = noun.toLowerCase();
    const plural = COLLECTIVE.has(lower) || (lower.endsWith('s') && isPerson(lower));
    if (!plural || CANDIDATES.has(lower) || !CLASS_CONDUCT.test(clause)) return clause;
    found = true;
    return `${noun} `;
  });
  return found && !CLASS_CONDUCT.test(rest) && !speaksOfConduct(rest);
}
