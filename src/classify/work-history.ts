// Rules of reading about the candidate's work history (reading.ts applies them to a sentence):
//  - Time spent in a kind of work or setting, and work the candidate has not yet done, is experience.
//  - A requirement for someone whose work history is named ("we need someone who has run a site",
//    "minimum 5 years in payments") is experience, and so is the candidate's lesser record set
//    against it ("you have done admin work only", "your roles have all been for small sites"), and
//    more work put as what the role needs ("the post needs someone a bit further along").
//  - A move of setting or sector is experience: "coming from a large corporate", "from an agency
//    background", "mostly in retail, and this role is trade".
//  - Overqualified or too senior is experience, not a missing qualification; nor is work history,
//    staying or driving where no qualification is named.
//  - How long the candidate would stay is commitment, not experience.

import { namesWorkHistory } from './comparison.js';
import { COUNT_UP_TO_TEN } from './lexical/text.js';

// How long the candidate would stay is commitment, not experience: "we need someone who'll stay for
// the full two-year programme", "said she'd quit once her masters offer is confirmed", "a stepping
// stone", "long-term", "people who'll still be here in three years", "someone for at least two
// years", "for the whole season", "for the long haul", "as per bond". Unless the sentence also speaks of work done or seniority ("overqualified,
// he'd leave").
const STAYING =
  /\b(?:(?:will|would|'ll|'d|to|going to|plans? to|planning to|wants? to|intends? to|likely to|not sure (?:you|he|she) (?:will|would))\s+(?:\w+\s+)?(?:stay|stick|remain|leave|quit|be with us|see it through|commit)\b|\b(?:stay|staying|stick around|stay on)\s+(?:(?:only|just|much|on)\s+)?(?:for|beyond|past|longer|more than|at least)\b|\bleaving\s+(?:in|after|once|when|to|within|early)\b|\brisk of (?:early )?leaving\b|\blong[- ]term\b|\bstability\b|\bstop-?gap\b|\bstepping stone\b|\bfor (?:a|one) year\b|\bfor the full\b|\b(?:will|'ll|would|'d)\s+(?:still\s+|actually\s+|really\s+)?be\s+(?:here|around|with us)\b|\bcontinue\s+with\s+us\b|\blong\s+haul\b|\b(?:service\s+)?bond\b|\b(?:someone|somebody|a\s+person|person|people|candidates?)\s+for\s+(?:a\s+)?(?:minimum|min|at\s+least|the\s+(?:whole|full|entire)\s+(?:year|season|contract|term))\b)/i;
const PAST_WORK =
  /\b(?:experienc\w*|exp|background|worked|work history|done|track record|senior|junior|overqualified|over-qualified|years? (?:of|in|as)|yrs (?:of|in)|in post|managed|led|run|placements?|internships?|knows|been\s+\w+ing)\b/i;

// Time spent in a kind of work or setting, missing or wanting more of, is experience: "no classroom
// time", "no site exp", "not enough hospital time", "no multidrop history", "more time in a live
// environment", "any time in a customer service role". Not time to prepare or answer, notice, a start
// date, "no this time" or a form's employment history.
const NOT_A_SETTING = String.raw`(?:prep|preparation|thinking|reading|interview|answer|response|reaction|travel|travelling|commute|commuting|notice|start|lead|turnaround|screen|spare|free|lunch|break|study|revision|enough|much|real|the|a|an|this|that|next|last|first|long|short|same|length|any|more|no|extra|family|personal|own|full|part|down|face|speaking|talking|question|q&a|presentation|set-up|setup|employment|education|your|our|their|his|her|my)`;
const WORKPLACE = String.raw`(?:role|job|post|position|setting|environment|sector|industry|team|ward|site|service|business|company|organisation|organization|firm|practice|agency|school|hospital|clinic|department|function)s?`;
const TIME_IN_SETTING = new RegExp(
  [
    // Not a count or an ordinal between: "no show 1st time" is no setting.
    String.raw`\b(?:no|not enough|enough|more|any|little|limited|only|minimal|zero|without|lacks?|lacking)\s+(?:(?!${NOT_A_SETTING}\b)(?!\d+(?:st|nd|rd|th)?\b)[\w&-]+\s+){1,2}(?:time|exp|experience|history)\b`,
    String.raw`\b(?:time|experience)\s+(?:in|on)\s+(?:a|an)\s+(?:live|production|real|clinical|commercial|busy|similar|frontline|front-line)\b`,
    String.raw`\b(?:no|any|little|limited|enough)\s+time\s+(?:in|on|at|with)\s+(?:an?|the)\s+(?:[\w&-]+\s+){0,3}?${WORKPLACE}\b`,
    // "no background in the legal sector", "no experience signing off designs", "no exposure to audit".
    String.raw`\bno\s+(?:real\s+|relevant\s+|prior\s+|previous\s+|direct\s+)?(?:background|experience|exposure|track record)\s+(?:in|of|on|at|to|\w+ing)\b`,
  ].join('|'),
  'i',
);
// Work the candidate has not yet done is experience: "never supervised a night shift", "you haven't
// worked in a school", "has not yet managed a budget", "only ever built prototypes", "not done enough
// in a live environment", "never was leading people". Not "never managed to answer" (an ability on the
// day) nor research not done ("you hadn't done any research on us").
const WORK_NOT_DONE =
  /\b(?:never|not yet|yet to|hasn'?t|haven'?t|has not|have not|hadn'?t|had not|only ever|not)\s+(?:(?:really|actually|properly|yet|even|ever|been|was|were)\s+)?(?:supervised|led|leading|managed(?!\s+to)|managing|run|ran|running|worked\s+(?:a|an|in|on|with|as|at)|working\s+(?:in|as|with)|taught|teaching|nursed|been\s+in\s+charge|taken\s+charge|held\s+an?|done\s+(?:an?|the|this|that|any)\s+(?:[\w-]+\s+){0,3}?(?:job|role|shift|post|work)|done\s+(?:much|enough|any)\s+(?:(?![\w-]*(?:research|reading|prep\w*|homework))[\w-]+\s+){0,3}?(?:before|in\s+an?|work)|built|shipped|delivered\s+an?)\b/i;

// A requirement for someone, with what they should have done after it: "we need someone who has
// already shipped a title", "wants someone who has done two rollouts as lead". What follows is work
// history when it names work done, how long or experience (comparison.ts reads the other candidate's
// the same way).
const REQUIRED_PERSON =
  /\b(?:need|needs|needed|want|wants|wanted|require|requires|required|looking for|look for|after|seeking|prefer|prefers|preferred|hoping to (?:hire|find|appoint)|(?:can|could) only (?:take|appoint|consider))\s+(?:someone|somebody|(?:an?\s+|the\s+)?(?:candidate|applicant|person)|people|candidates|applicants|an?\s+[\w-]+)\s+(?:who|that|with|whose|which)\b([^.;]*)/i;
// A requirement of more work than the candidate has, put as what the role needs: "the role needs
// someone a little further along with paid search", "the job needs a bit more time actually running a
// crew", "more exposure to handling escalations is required for this post", "a little more practice of
// leading the projects alone". The requirement (needs, wants, is required) and a degree of work
// (further along, more senior, more time or practice doing it, more exposure, experience or years);
// not more time to decide or to prepare, nor more examples or practice at answering.
const MORE_WORK = String.raw`(?:further\s+(?:along|on|ahead)|more\s+(?:senior|seasoned|established|rounded)|more\s+(?:[\w-]+\s+){0,2}?(?:experience|exp|exposure|years|yrs|seniority|track record|background|mileage|hands-on)|more\s+(?:time|practice)\s+(?:(?:actually|really|properly)\s+)?(?:(?:of|in|at|on)\s+)?(?:doing|running|leading|managing|handling|supervising|working|owning|delivering|in\s+(?:an?|the)\s+[\w-]+\s+(?:role|post|setting|environment|team)|on\s+(?:the\s+)?(?:floor|site|wards?|tools)|as\s+an?\b))`;
const REQUIRED_MORE_WORK = new RegExp(
  String.raw`\b(?:needs?|needed|requires?|required|wants?|wanted|calls?\s+for|looking\s+for|after|expects?|expected)\s+(?:(?:someone|somebody|a\s+person|a\s+candidate|an?\s+applicant|people)\s+)?(?:(?:a\s+(?:little|bit|touch|lot|good\s+deal|great\s+deal)|slightly|much|far|quite\s+a\s+bit|some|rather|somewhat)\s+)?${MORE_WORK}|\b${MORE_WORK}[^.;]{0,60}?\b(?:is|are|was|were|would\s+be)\s+(?:needed|required|essential|necessary|expected|wanted)\b`,
  'i',
);
// A requirement of time in work: "minimum 5 years in SAP", "at least two years of independent
// reporting", "3 yrs PQE". Not a residency or a contract's length ("five years' UK residency",
// "someone for 2 yrs min").
const REQUIRED_YEARS = new RegExp(
  String.raw`(?<!\b(?:last|past|first|next)\s)\b${COUNT_UP_TO_TEN}\s*\+?\s*(?:years?|yrs?)(?:'|’)?\s+(?:of|in|as|doing|working|managing|leading|running|pqe|post[- ]?qualification|post[- ]?registration|experience|exp)\b`,
  'i',
);
// What the candidate sent, said or knows is not their work record: "your application has been on hold",
// "your examples were all from group projects", "your skills are mostly in PHP", "your interest was in…".
const NOT_THE_RECORD = String.raw`(?!(?:application|cv|answers?|interview|form|letter|references?|test|presentation|score|results?|salary|notice|start|availability|expectations?|examples?|skills?|knowledge|interests?|motivation|focus|answers?|questions?)\b)`;
// A record of work by name: "your previous work", "her roles", "his career so far".
const RECORD = String.raw`(?:work|roles?|jobs?|posts?|positions?|experience|background|career|history|employment|placements?|sites?|projects?|clients?|caseload|practice|duties|time|years)`;
// The candidate's own record, set out as lesser or of another kind: "you have done admin work only",
// "you've only worked retail", "you've mostly done front-end work", "you've spent your career in
// start-ups", "your buying has been for a single small site", "all his sites have been domestic refurbs".
const OWN_RECORD = new RegExp(
  [
    String.raw`\b(?:you|he|she|they|cand|candidate)(?:'ve|'s|\s+have|\s+has)?\s+(?:only|mostly|mainly|largely|just|always|so far|previously)\s+(?:done|worked|run|led|managed|supported|assisted|handled|covered|taught|built|been\s+(?:in|at|with|a|an|on)\b)`,
    String.raw`\b(?:you|he|she|they)(?:'ve|'s|\s+have|\s+has)\s+done\s+[^.;]{1,40}?\bonly\b`,
    String.raw`\bspent\s+(?:your|his|her|their|most of (?:your|his|her|their))\s+(?:whole\s+|entire\s+|working\s+)?(?:career|working life|time|years)\s+(?:in|at|with|on)\b`,
    String.raw`\b(?:your|his|her|their)\s+${NOT_THE_RECORD}(?:[\w-]+\s+){1,3}?(?:has|have)\s+(?:all\s+|mostly\s+|only\s+|mainly\s+|always\s+)?been\s+(?:all\s+|mostly\s+|only\s+|mainly\s+|largely\s+|entirely\s+)?(?:for|in|at|with|on)\s+(?:an?|one|the)\b`,
    // "your profile is mostly from service companies", "her roles were all in retail".
    String.raw`\b(?:your|his|her|their)\s+${NOT_THE_RECORD}(?:[\w-]+\s+){1,3}?(?:is|are|was|were|has been|have been)\s+(?:all\s+)?(?:mostly|only|mainly|largely|entirely|exclusively|all)\s+(?:from|for|in|at|with|on)\b`,
    // "your previous work has been domestic cleaning rather than commercial sites": of a record by name
    // (not "your mock segment was stiff - you sounded like you were reciting rather than talking").
    String.raw`\b(?:your|his|her|their)\s+(?:[\w-]+\s+){0,2}?${RECORD}\s+(?:has|have|is|are|was|were)\s+[^.;]{1,50}?\b(?:rather than|instead of)\b`,
    // "you work only with adults", "he's worked mostly in retail".
    String.raw`\b(?:you|he|she|they)\s+(?:have\s+|has\s+|'ve\s+|'s\s+)?(?:work|worked|been working)\s+(?:only|mostly|mainly|just)\s+(?:with|in|at|on|for)\b`,
    // Notes: "all domestic installs on CV".
    String.raw`\ball\s+(?:[\w-]+\s+){1,2}on\s+(?:the\s+|his\s+|her\s+|your\s+|their\s+)?cv\b`,
    String.raw`\ball\s+(?:your|his|her|their)\s+[\w-]+\s+(?:have|has)\s+been\b`,
  ].join('|'),
  'i',
);
// A move of setting or sector: "coming from a large corporate", "you're coming from a VP title",
// "from an agency background", "Sector: public only".
const SETTING_MOVE = new RegExp(
  [
    // An article keeps out a place ("coming from Leeds each day") and a way of answering is no setting.
    String.raw`\b(?:coming|come|came|moving|moved|switching|transitioning)\s+(?:from|out of)\s+(?:an?|the)\s+(?!(?:long|far|way|distance|place|different\s+(?:angle|direction|city|town|country)|point of view|perspective)\b)[\w&-]+`,
    String.raw`\bfrom\s+an?\s+(?:[\w&-]+\s+){1,2}background\b`,
    String.raw`\b(?:sector|industry|background|setting)\s*[:=]\s*[\w&\s-]{1,30}?\b(?:only|none|nil)\b`,
  ].join('|'),
  'i',
);
// Without an article in non-native English ("you came from big multinational"): two words in lower
// case (case-sensitive), which keeps out a place ("coming from Leeds").
const BARE_SETTING_MOVE =
  /\b(?:[Cc]oming|[Cc]ame|[Cc]ome|[Mm]oving|[Mm]oved)\s+from\s+(?!(?:home|work|town|abroad|overseas|afar|far|there|here|outside|out|my|his|her|their|our|your|you|him|them|us|me|it|a|an|the)\b)[a-z][\w-]*\s+[a-z][\w-]*/;
// A level apart: "too junior", "a Band 7 going for a Band 5".
const LEVEL_APART = /\btoo\s+(?:junior|inexperienced|green)\b|\bband\s*\d+\b[^.;]{1,60}?\bband\s*\d+\b/i;
const OVERQUALIFIED = /\bover-?qualified\b|\btoo\s+(?:senior|experienced)\b/i;

// A qualification named: a word for one, a level, a known award, or its letters ("CISSP", "B.Pharm",
// "RSA"; not the CV, the UK or the NHS). Where none is named, a sentence about work history, staying
// or driving is no missing qualification.
const QUALIFICATION_NAMED =
  /\b(?:qualif\w*|certif\w*|certs?|degree|diploma|registered|registration|chartered|exams?|accredit\w*|level\s*\d|gcses?|a-?levels?|ucas|nvq|pgce|cipd|acca|aca|cima|cscs|edition|ticket|forklift|hgv|trained|course|courses)\b/i;
const LETTERS = /\b(?!(?:CV|UK|US|USA|NHS|HR|HM|JD|REJ|NQ|OK|IT|PM|AM)\b)[A-Z]{2,6}\d*s?\b|\b[A-Z]\.\s?[A-Z][a-z]+\b/;
// A driving licence or a vehicle of one's own is how the candidate would get to work (logistics).
const DRIVING =
  /\b(?:driving|driver's)\s+licen[cs]e\b|\b(?:manual|automatic|full(?:\s+(?:uk|clean))?)\s+licen[cs]e\b|\bown\s+(?:car|vehicle|transport|ute|van)\b/i;

/** What a sentence says of the candidate's work history, read once for all the rules that use it. */
export interface WorkHistoryReading {
  /** How long the candidate would stay (`speaksOfStaying`): commitment, not experience. */
  staying: boolean;
  /** Work history, as required or as had (`readsAsWorkHistory`): experience. */
  workHistory: boolean;
  /**
   * It can name no missing qualification: it speaks of work history, of staying or of driving, and
   * names no qualification (nor a missing technical skill, `skillNamed`).
   */
  noQualification: boolean;
}

/** Reads a sentence (quotes straightened) for work history; `skillNamed`: a missing technical skill was read in it. */
export function readWorkHistory(plain: string, skillNamed: boolean): WorkHistoryReading {
  const staying = speaksOfStaying(plain);
  const workHistory = readsAsWorkHistory(plain);
  const namesOne = skillNamed || QUALIFICATION_NAMED.test(plain) || LETTERS.test(plain);
  return { staying, workHistory, noQualification: !namesOne && (staying || DRIVING.test(plain) || workHistory) };
}

/** How long the candidate would stay, with no work done or seniority named: commitment, not experience. */
export function speaksOfStaying(plain: string): boolean {
  return STAYING.test(plain) && !PAST_WORK.test(plain);
}

/** Overqualified or too senior: experience, not a missing qualification. */
export function overqualified(plain: string): boolean {
  return OVERQUALIFIED.test(plain);
}

/** Whether a sentence (quotes straightened) speaks of the candidate's work history, as required or as had. */
export function readsAsWorkHistory(plain: string): boolean {
  if (TIME_IN_SETTING.test(plain) || WORK_NOT_DONE.test(plain) || OWN_RECORD.test(plain) || SETTING_MOVE.test(plain)) return true;
  if (BARE_SETTING_MOVE.test(plain) || LEVEL_APART.test(plain) || OVERQUALIFIED.test(plain) || REQUIRED_YEARS.test(plain)) return true;
  if (REQUIRED_MORE_WORK.test(plain)) return true;
  const required = REQUIRED_PERSON.exec(plain);
  return required !== null && namesWorkHistory(required[1]!);
}
