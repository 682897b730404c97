import { PERSON_NOUN } from './comparison.js';
import { speaksOfConduct } from './conduct.js';

// Who acts in a sentence, read from its grammar: the employer's side as the subject ("the interviewer
// was late", "our foreman swore at her", "the client's HR took a call"), the candidate's arrangements
// done to them ("my interview was cancelled"), someone named as other than the candidate ("the other
// guy waiting with me was swearing"), and what a he or she or the candidate relays of the employer's
// side acting. `conduct` is ruled out there (reading.ts): it is the candidate's own behaviour.

// The employer's side as the one acting: "the interviewer was late", "they cancelled", "by them".
// The employer's people as notes name them, with no article, act only by the verbs of a no-show, a
// cancellation or lateness: "client no-showed the teams call", "Owner rocked up half an hour late",
// not "Client feedback (…): he yawned…".
const EMPLOYER_ACTS =
  /^(?:the\s+)?(?:interviewer|interviewers|hiring manager|manager|panel|recruiter|recruiters|hr|they|company|employer|coordinator)\s+(?:was|were|spent|took|turned|arrived|came|cancell?ed|forgot|stopped|never|didn't|did not|rushed|kept|sent|left|went|no-show(?:ed)?|rocked|rescheduled)\b|^(?:the\s+)?(?:hm|hiring mgr|client|director|owner|boss|ceo|founder|partner|supervisor|principal|headteacher|head teacher)\s+(?:no-show(?:ed)?|rocked|cancell?ed|rescheduled|forgot|never|didn't|did not|kept|left|turned|arrived|was|were)\b|\bby them\b|\bthey\s+(?:forgot|cancell?ed|never|stopped|didn't|lost)\b/i;

// The employer's side as the subject, whatever it did ("the interviewer swore", "interview panel
// was late", "the HR lady was rude", "the receptionist didn't know I was coming"), also where the
// employer apologises for it ("sorry that our interviewer was late"), unless it passes on a
// judgement of the candidate.
// Passing the feedback on is not acting on the day: "Agency rang with the airline's feedback: …",
// "Recruiter passed on the school's reason: …".
const RELAYS = String.raw`(?:passed\s+on|(?:rang|called|phoned|e-?mailed|wrote|texted|came|got|fed|relayed|forwarded)\b(?=[^.:;]{0,40}\b(?:feedback|reasons?|outcome|decision|verdict|news)\b))`;
const EMPLOYER_SUBJECT = new RegExp(
  String.raw`^(?:(?:so\s+)?(?:sorry|apologies|we\s+apologi[sz]e)\s+(?:that\s+|for\s+)?)?(?:(?:one|two|some|all|both|either|neither|each)\s+of\s+)?(?:the\s+|our\s+|my\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:interviewers?|hiring manager|manager|panel|recruiters?|hr|company|employer|coordinator|agency|assessors?|receptionists?|reception|security|front desk|recruitment|talent acquisition|talent|resourcing|hiring team)(?:\s+(?:lady|guy|man|woman|person|team|rep|officer|chair|lead))?\b(?!')(?:\s+\([^)]{1,40}\))?(?:,\s+(?:an?|the)\s+[^,]{1,60},)?\s+(?!(?:lady|guy|man|woman|person|team|rep|officer|chair|lead|said|says|felt|feel|feels|thought|think|noted|noticed|mentioned|told|reported|found|commented|decided|wants?|wanted|needs?|needed|(?:is|are|was|were)\s+looking)\b)(?!\d+\s+(?!(?:mins?|minutes?|hours?|hrs?)\b))(?!${RELAYS})[\w']+\b(?!\s*:)`,
  'i',
);
// What the employer holds that is not a person acting, and verbs of judging or recording.
const EMPLOYER_THINGS =
  'concerns?|worry|worries|view|views|feedback|decision|reasons?|impression|sense|feeling|main|only|biggest|records?|notes?|logs?|files?|data|policy|requirements?|criteria|expectations?|standards?|assessment|scores?|scoring|role|job|post|position|offer|process|advert|ad|vacancy|candidates?|applicants?|shortlist';
const EMPLOYER_JUDGES =
  'said|felt|thought|noted|noticed|found|decided|considered|judged|reported|mentioned|commented|observed|believed|concluded|agreed|wanted|needed|preferred|liked|loved|scored|rated|marked|assessed|flagged|recorded|showed|suggested|indicated|expected|required|looking|hoping|seeking|saying|feeling|thinking|worried|concerned|impressed|disappointed';
// "…and they'd double-booked the room": the employer's side as the one who acted, in a clause of the note.
const THEY_HAD_DONE =
  /(?:^|[,;]\s*|\b(?:and|but|so|then|because)\s+)they(?:'d|'ve|\s+had|\s+have)\s+(?!(?:said|told|felt|thought|decided|wanted|needed|found|noted|noticed|asked|been)\b)[\w-]+ed\b/i;
// A clause that opens after one of these has a subject of its own: "…ran over because the assessors
// were late back from lunch".
const SUBORDINATE = /\b(?:because|as|since|so|and|then|when|while|after|until)\s+/gi;
// The candidate's arrangements, done to them (passive, so by the employer's side): "The room was
// double-booked", "my interview was cancelled", "the slot had been given away".
// Notes drop the article ("Second interview with the director was called off by his PA") and may
// name what the arrangement was with ("… with the director", "… for Monday").
export const ARRANGEMENT_DONE =
  /^(?:(?:the|my|our|an?)\s+)?(?:[\w-]+\s+){0,2}?(?:room|slot|interview|call|meeting|booking|appointment|link|invite|invitation|venue|date|start|assessment\s+(?:centre|center|day)|stage|round|session)s?\s+(?:(?:with|for|at|on)\s+(?:[\w'-]+\s+){1,3}?)?(?:was|were|got|had\s+been|has\s+been|kept\s+getting)\s+(?:\w+ly\s+)?(?:double-booked|cancell?ed|called\s+off|pulled|scrapped|moved|rescheduled|postponed|pushed\s+back|given\s+away|delayed|put\s+back|changed|shifted|forgotten|lost|cut\s+short)\b/i;

// What the candidate passes on is a clause of its own: "Recruiter note: she says the client kept her
// waiting…", "She reckons the bloke interviewing her was chewing gum" have the employer's side acting
// in what is relayed. Not the employer's side relaying its own judgement ("HR said the manager was put off that I was late").
const RELAYED_CLAUSE =
  /^(?:[^:;]{1,40}:\s*)?(he|she)\s+(?:(?:has|had)\s+)?(?:says|said|admits|admitted|reports|reported|mentions|mentioned|explains|explained|reckons|reckoned|claims|claimed|informed|informs|heard|tells\s+me|told\s+me)\s+(?:that\s+)?/i;
// Another third person acting on the candidate's arrangements: "he admits he was twenty minutes late
// to her interview", "she kept him waiting": the one whose interview it is, is the candidate; the
// other is the employer's side.
// A named person's arrangement is theirs too, so the he or she acting on it is someone else: "he
// admits he took a phone call during Ayesha's panel".
const OTHER_THIRD_PERSON =
  /\b([Hh]e|[Ss]he)\s+(?:[\w'-]+\s+){0,6}?(?:(?:to|for|of|into|through|during|at|in)\s+(his|her|[A-Z][a-z]+'s)\s+(?:interview|slot|call|screen|screening|assessment|appointment|meeting|panel)|kept\s+(him|her)\s+waiting)\b/;
// …or someone named acting on the one who relays it: "she says the client kept her waiting".
const NAMED_SUBJECT = /^(?:the|an?|their|this|that)\s+[\w-]+/i;
const actsOnRelayer = (relayer: string, relayedClause: string): boolean => {
  const clause = relayedClause.split(/[;,]/)[0]!;
  const object = relayer.toLowerCase() === 'she' ? /\bher\b/i : /\bhim\b/i;
  return NAMED_SUBJECT.test(clause) && object.test(clause);
};
const otherThirdPersonActs = (text: string): boolean => {
  const match = OTHER_THIRD_PERSON.exec(text);
  if (!match) return false;
  const actor = match[1]!.toLowerCase();
  const acted = match[2] ?? match[3]!;
  if (acted.endsWith("'s")) return true;
  return actor === 'he' ? acted === 'her' : acted === 'him' || acted === 'his';
};

// The employer's own people, whatever their job, named by whose they are: "our foreman", "our duty
// manager", "a member of our team", "the client's HR", "her interviewer (Gareth)" (a role and the name
// of who holds it). Not what the employer thinks or records ("our concern", "our notes").
const OWN_PEOPLE = String.raw`(?:(?:an?|one|two|some|another)\s+(?:member|members)\s+of\s+(?:our|the|their)\s+(?:[\w-]+\s+)?(?:team|staff|crew|panel|department|office)|our\s+(?!(?:${EMPLOYER_THINGS})\b)(?:[\w-]+\s+){0,2}?[\w-]+|the\s+(?:client|company|employer|agency|firm|hotel|school|trust|site)'s\s+(?:[\w-]+\s+)?[\w-]+|(?:his|her|their)\s+[\w-]+\s+\(\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s*\))`;
// Acting, not judging or passing on a judgement: "swore at her", "told you to come in the back door",
// "was arguing loudly", "took a call".
const OWN_PEOPLE_ACT = new RegExp(
  String.raw`^(?:${OWN_PEOPLE})\s+(?:(?:also|then|just|[\w-]+ly)\s+)?(?:(?:was|were)\s+(?!(?:${EMPLOYER_JUDGES})\b)[\w-]+ing\b|(?!(?:${EMPLOYER_JUDGES})\b)(?:[\w-]+ed|swore|took|told|kept|left|ate|came|went|forgot|gave|made|spoke|sent|rang|ran|wore|lost|got|shouted|snapped)\b(?!\s+(?:us|me|the\s+panel)\b))`,
  'i',
);
// A role named for the candidate relaying what its holder did, of another sex than the candidate:
// "Her interviewer (Gareth) says he turned up in gym kit…": he is the interviewer, not her.
const ROLE_OWN_ACCOUNT =
  /^(his|her)\s+[\w-]+(?:\s+\([^)]{1,30}\))?\s+(?:says|said|admits|admitted|explains|explained|told\s+us)\s+(?:that\s+)?(he|she)\b/i;
const ownAccount = (text: string): boolean => {
  const match = ROLE_OWN_ACCOUNT.exec(text);
  return match !== null && (match[1]!.toLowerCase() === 'her') === (match[2]!.toLowerCase() === 'he');
};

/** Whether a clause of a sentence opens with one of the employer's own people acting on the candidate: "our receptionist told you…", "Our foreman swore at her". */
export function ownPeopleActOn(trimmed: string): boolean {
  return clauseStarts(trimmed).some((start) => {
    const clause = trimmed.slice(start);
    const match = OWN_PEOPLE_ACT.exec(clause);
    return match !== null && ACTED_ON.test(clause.slice(match[0].length)) && !sceneOfOwnAct(trimmed, start, match[0].length);
  });
}

// Whom the employer's side acted on, right after its verb.
const ACTED_ON = /^\s+(?:[\w-]+ing\s+)?(?:(?:at|to|with|towards)\s+)?(you|him|her)\b/i;

// A clause of time that sets the scene, then the candidate acting: "When our receptionist asked you to
// take a seat, you told her you 'didn't have all day'", "When our foreman asked him to wait, he
// walked off". What the employer's side did there is the occasion of the candidate's own act.
const SCENE_WORDS = String.raw`(?:when|while|after|once|as\s+soon\s+as)`;
/** A clause of time opening just before a position; and one opening a sentence. */
const SCENE_OPENER = new RegExp(String.raw`\b${SCENE_WORDS}\s+$`, 'i');
const SCENE_LEAD = new RegExp(String.raw`^${SCENE_WORDS}\s+`, 'i');
const SUBJECT_OF: Record<string, RegExp> = { you: /^you\b/i, him: /^he\b/i, her: /^she\b/i };

/**
 * Whether the employer's side acting in the clause at `start` (its subject and verb `length` long) is
 * a clause of time acting on the candidate, whose main clause then has the candidate as its subject.
 */
function sceneOfOwnAct(trimmed: string, start: number, length: number): boolean {
  if (!SCENE_OPENER.test(trimmed.slice(0, start))) return false;
  const object = ACTED_ON.exec(trimmed.slice(start + length));
  const comma = trimmed.indexOf(',', start);
  return object !== null && comma >= 0 && SUBJECT_OF[object[1]!.toLowerCase()]!.test(trimmed.slice(comma + 1).trimStart());
}

// Where a clause may open: the sentence's start, after a comma, semicolon, colon or spaced dash, or a conjunction.
const CLAUSE_OPENING = /[,;:]\s+|\s[-–—]\s+|\b(?:and|but|because|when|while|then)\s+/gi;
const clauseStarts = (text: string): number[] => [0, ...[...text.matchAll(CLAUSE_OPENING)].map((m) => m.index + m[0].length)];

// A note labelled with the candidate, who relays what happened: "Candidate upset: says the client's HR
// took a call…", "Cand rang in upset: says the client's interviewer asked…", or with the candidate as
// the one who relays: "Candidate has informed that the interviewer was taking calls…".
const CANDIDATE_RELAYS =
  /^\W*(?:the\s+)?(?:cand|candidate|applicant)\b(?:[^:.]{0,30}:\s*(?:(?:he|she)\s+)?|\s+(?:(?:has|had)\s+)?)(?:says|said|reports|reported|claims|claimed|mentions|mentioned|informs|informed|tells\s+us|told\s+us)\s+(?:that\s+)?/i;

/** Whether the candidate, named in a note's label, relays the employer's side acting. */
export function candidateRelaysEmployer(trimmed: string): boolean {
  const relayed = CANDIDATE_RELAYS.exec(trimmed);
  return relayed !== null && employerActs(trimmed.slice(relayed[0].length));
}

// Someone other than the candidate acting on the candidate's interview, named by whose it is: "The boss
// turned up to her interview half cut" (the one whose interview it is, is the candidate).
const ON_ANOTHERS_INTERVIEW =
  /^(?:the|our|their|an?)\s+(?!(?:candidate|applicant|cand)\b)[\w-]+\s+(?:[\w'-]+\s+){0,4}?(?:to|for|during|into|at)\s+(?:his|her|[A-Z][a-z]+'s)\s+(?:interview|slot|call|screen|screening|assessment|appointment|meeting|panel)\b/i;

// …or named by what they did to the candidate: "the bloke interviewing him turned up in boardies".
const INTERVIEWING_THEM =
  /\bthe\s+[\w-]+\s+(?:interviewing|assessing|panelling)\s+(?:him|her)\s+(?:was|were|turned|came|arrived|wore|took|kept|left|swore)\b/i;

/** Whether one of the employer's own people, named by whose they are, acts in some clause of a sentence: "When the candidate arrived, a member of our team was arguing…". */
function ownPeopleAct(trimmed: string): boolean {
  return (
    ownAccount(trimmed) ||
    ON_ANOTHERS_INTERVIEW.test(trimmed) ||
    INTERVIEWING_THEM.test(trimmed) ||
    clauseStarts(trimmed).some((start) => {
      const match = OWN_PEOPLE_ACT.exec(trimmed.slice(start));
      return match !== null && !sceneOfOwnAct(trimmed, start, match[0].length);
    })
  );
}

// Someone other than the candidate, named so, as the one acting: "the other guy waiting with me was
// swearing on the phone", "two other applicants arrived late", "Heard the other bloke on the trial
// shift mouthed off at the head chef". Whoever they are, their conduct is not the candidate's. The
// "other" names a person (PERSON_NOUN), not a reason ("Another concern was timekeeping"), and the act
// is said of that person: its verb follows them, past at most a phrase that places them ("waiting
// with me", "on the trial shift") and has no verb of its own. The verb is an act on the day, not a
// state or a record that compares them ("other guy was much more composed", "another teacher came
// through with several years of SEN experience").
const OTHER_PERSON = String.raw`(?:the|an?|one|two|three|four|five|some|several|\d+)?\s*(?:other|another)\s+(?!(?:candidates?|applicants?|finalists?|interviewees?)\s+(?:had|has|have|was|were|is|are|showed|gave|brought|scored|did|came|could|knew)\b)(?:[\w-]+\s+){0,2}?${PERSON_NOUN}\b(?!')`;
// What places them: a participle or a preposition and a few words, none a verb of their own.
const PLACING = String.raw`(?:\s+(?:[\w-]+ing|on|in|at|with|from|near|beside|behind|next\s+to|outside|inside)(?:\s+(?!(?:was|were|is|are|had|has|said|says|told|thought|felt|reckoned|reckons|and|but|that|who)\b)[\w'-]+){0,4}?)?`;
const OTHER_PERSON_ACTS = new RegExp(
  String.raw`^(?:(?:heard|saw|noticed)\s+(?:that\s+)?)?${OTHER_PERSON}${PLACING}\s+(?:(?:was|were)\s+[\w-]+ing|swore|arrived|walked\s+out|shouted|yelled|snapped|mouthed|laughed|disrupted|argued|(?:turned|showed)\s+up)\b`,
  'i',
);

/** Whether the employer's side, or someone named as other than the candidate, is who acts in a sentence (not written to or of the candidate), in its first clause or one after a conjunction. */
export function employerActs(trimmed: string): boolean {
  // Read from the start, the subject may stand in a clause of time ("When our receptionist asked you…").
  const subject = EMPLOYER_SUBJECT.exec(trimmed);
  const scene = SCENE_LEAD.exec(trimmed);
  if (
    EMPLOYER_ACTS.test(trimmed) ||
    (subject !== null && !(scene && sceneOfOwnAct(trimmed, scene[0].length, subject[0].length - scene[0].length))) ||
    THEY_HAD_DONE.test(trimmed) ||
    ARRANGEMENT_DONE.test(trimmed) ||
    ownPeopleAct(trimmed) ||
    clauseStarts(trimmed).some((start) => OTHER_PERSON_ACTS.test(trimmed.slice(start)))
  )
    return true;
  const relayed = RELAYED_CLAUSE.exec(trimmed);
  if (relayed && (employerActs(trimmed.slice(relayed[0].length)) || actsOnRelayer(relayed[1]!, trimmed.slice(relayed[0].length))))
    return true;
  if (otherThirdPersonActs(trimmed)) return true;
  for (const match of trimmed.matchAll(SUBORDINATE)) {
    const start = match.index + match[0].length;
    const clause = trimmed.slice(start);
    if (!/^(?:the|our|my|an?|one|some|all|both)\s/i.test(clause)) continue;
    // The candidate's own conduct, then the moment it happened: "20 mins late, vaping at the back door
    // when the manager came out", "checked his phone while the panel was talking".
    if (/^(?:when|while)\s/i.test(match[0]) && speaksOfConduct(trimmed.slice(0, match.index))) continue;
    const subject = EMPLOYER_SUBJECT.exec(clause);
    if ((subject && !sceneOfOwnAct(trimmed, start, subject[0].length)) || ARRANGEMENT_DONE.test(clause)) return true;
  }
  return false;
}
