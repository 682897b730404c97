// The words the reading of `conduct` (conduct.ts) works with: the conduct words by how they attach
// to who holds them, and the closed classes of the grammar around them (subjects, verbs, possessors,
// channels, clause breaks).

export type Kind = 'adjective' | 'noun' | 'verb';

/** Conduct words, by how they attach to who holds them. */
export const KINDS = new Map<string, Kind>([
  ['late', 'adjective'],
  ['rude', 'adjective'],
  ['impolite', 'adjective'],
  ['disrespectful', 'adjective'],
  ['scruffy', 'adjective'],
  ['unprofessional', 'adjective'],
  ['punctual', 'adjective'],
  ['lateness', 'noun'],
  ['rudeness', 'noun'],
  ['punctuality', 'noun'],
  ['phone', 'noun'],
  ['phones', 'noun'],
  ['mobile', 'noun'],
  ['telephone', 'noun'],
  ['dress', 'noun'],
  ['attire', 'noun'],
  ['appearance', 'noun'],
  ['outfit', 'noun'],
  ['uniform', 'noun'],
  ['manners', 'noun'],
  ['dressed', 'verb'],
]);

// Words that may follow an adjective used predicatively ("late to", "late, no apology", "late x2").
export const AFTER_PREDICATE = new Set(
  (
    'and or but nor to for by on at in into with without from no not again today yesterday twice once too as so because since ' +
    'which who that then when while if this the a an every each back all also though throughout x2 x3'
  ).split(' '),
);
// Nouns a lateness word qualifies that are still the candidate's doing: "late arrival", "late cancellation".
export const OWN_DOING = new Set(
  'arrival arriving cancellation cancellations cancelling canceling notice joining attendance comer'.split(' '),
);
// A phone or mobile as the medium of a stage or call.
export const MEDIUM = new Set(
  'screen screening screens interview interviews int round stage call calls exercise conversation chat number line assessment task'.split(
    ' ',
  ),
);
// A phone call the candidate takes or makes is their conduct: "taking a phone call during the panel".
export const TAKES_CALL = /\b(?:take|takes|took|taking|answer|answers|answered|answering|make|made|making|a|another)\b/;
// A phone or mobile that names a kind of thing, not a handset on the day: "a mobile app", "mobile banking".
export const PHONE_AS_KIND = new Set(
  'app apps banking game games developer developers development platform platforms device devices network networks product products payments technology tech engineering engineer engineers coverage signal data contract contracts workforce working site sites first'.split(
    ' ',
  ),
);
// Verbs of reaching someone by phone (not "call" or "a call", which may be the candidate's taking one).
export const CONTACTED = new Set('called rang rung phoned texted reached contacted ring'.split(' '));
// Trying to reach someone on a phone, whoever's it is: "kept ringing your mobile", "tried his phone".
export const REACHING = new Set([
  ...CONTACTED,
  'ringing',
  'calling',
  'phoning',
  'texting',
  'tried',
  'trying',
  'try',
  'dialled',
  'dialed',
  'dialling',
]);
// A phone out of reach is a way of reaching someone that failed, not behaviour: "went to voicemail", "not reachable".
export const OUT_OF_REACH = new Set('vm voicemail voice-mail reachable unreachable unanswered'.split(' '));
export const HEARER = new Set('you him her them'.split(' '));
// A rule about dress ("the dress code", "dress standard on the floor"), described as the job's.
export const DRESS_RULE = new Set(
  'code codes standard standards policy policies requirement requirements norm norms guidelines'.split(' '),
);
// Being on the phone is the candidate's state ("was on the phone", "chatting on the mobile"); said
// or told on the phone, it is the channel.
export const IN_A_STATE = new Set('is are was were be been being kept sat stayed spent'.split(' '));
// Who is the candidate: addressed, written of in the third person, or writing.
export const CANDIDATE = new Set('you u he she i candidate cand applicant interviewee yourself himself herself'.split(' '));
// What the candidate's conduct is a quality of: "your timekeeping was poor", "his appearance".
export const BEHAVIOUR = new Set(
  (
    'arrival timekeeping punctuality lateness dress appearance attire outfit clothing clothes manner manners attitude ' +
    'behaviour behavior conduct tone phone mobile email emails message messages language'
  ).split(' '),
);
// A possessor that is the candidate's: "your phone", "his outfit", "their phone" (a candidate not gendered).
export const CANDIDATE_POSSESSOR = new Set('your ur his her my their candidate’s'.split(' '));
export const ADDRESSED = new Set(['you', 'your', 'u', 'ur', "you're", "you'd", "you've"]);
export const WRITER = new Set(['i', 'my', "i'm", "i'd", "i've", 'me']);
export const WRITER_SUBJECT = new Set(['i', "i'm", "i'd", "i've"]);
export const DETERMINER = new Set('the a an your ur my his her our their this that these those some any every each one'.split(' '));
// Words skipped between a verb and its subject ("he has also joined", "I was then").
export const SKIPPED_BEFORE_VERB = new Set(
  "also then always often just really still even both all had has have was were is are been being can could would will may might not n't never actually apparently".split(
    ' ',
  ),
);
// Verbs and auxiliaries, closed-class and common; any other word ending in -ed counts as a verb too.
export const VERBS = new Set(
  (
    'is are was were be been being am get gets got getting come comes came coming run runs ran running turn turns turned ' +
    'show shows showed arrive arrives arrive start starts started go goes went going keep keeps kept seem seems seemed look looks ' +
    'can could would will may might must should deal deals dealing finish finishes finished join joins joined have has had do does did ' +
    'make makes made take takes took sit sat stay stayed wore wear wears wearing says said felt feel feels thought think noted '
  ).split(' '),
);
// A verb whose object is what was late: "you submitted the task late" is the task's lateness.
export const SUBMITTED = new Set(
  'submit submits submitted send sends sent return returns returned hand handed file filed upload uploaded complete completed'.split(' '),
);
// A dress code or uniform described, as a fact of the job ("is very relaxed", "requires a suit").
export const DESCRIBED = new Set("is are was were 's requires require required means includes include applies apply will can".split(' '));
// The words that end a clause for the reading of its subject.
export const CLAUSE_BREAK = new Set(
  ', ; : . ! ? ( ) — – - / and but so because when while as although though if after before until since then or where whereas'.split(' '),
);

// Conduct said in other words than these: the candidate's emails or texts, gum, a no-show, swearing,
// rescheduling, attendance.
const OTHER_WORDS = String.raw`e-?mails?|texting|gum|no[-\s]shows?|swear\w*|reschedul\w*|attend\w*`;
// What the rule of conduct held elsewhere does not judge, so it takes nothing away: conduct in other
// words, or named by its channel, its setting or as conduct ("the tone of your emails", "short with
// the receptionist").
export const CONDUCT_NOT_JUDGED = new RegExp(
  String.raw`\b(?:${OTHER_WORDS}|messages?|texts?|receptionists?|reception|front desk|tone|behaviou?r|conduct|manners)\b`,
  'i',
);
// Conduct in other words, or in what was seen of it (dress, arrival, manner): a clause saying it is
// no praise of conduct alone (conduct-praised.ts).
export const CONDUCT_IN_OTHER_WORDS = new RegExp(
  String.raw`\b(?:${OTHER_WORDS}|swore|hoodie|jeans|trainers|tracksuit|shorts|sunglasses|headphones|earbuds|turn(?:ed|s)?\s+up|show(?:ed|s)?\s+up|arriv\w*|chew\w*|drunk|hungover|aggressive|abrupt|curt|dismissive|arrogant|scrolling|familiar|feet)\b`,
  'i',
);
// An email or a letter as the channel ("we'll confirm by email") is no conduct in other words; nor is a
// message taken or left for someone ("your mum very kindly took a message", "left a message with reception").
export const CHANNEL =
  /\b(?:by|via|over)\s+(?:e-?mail|text|message|letter|post)s?\b|\b(?:took|take|takes|taken|taking|left|leave|leaving)\s+(?:a|the|another|two|several)\s+(?:phone\s+)?messages?\b/gi;
// The candidate is the writer when the writer speaks of their own interview or application ("Partner
// turned up to my interview a quarter of an hour late"): anyone else acting there is not the candidate.
export const CANDIDATE_WRITES =
  /\bmy\s+(?:[\w-]+\s+)?(?:interview|interviews|interviewer|application|slot|assessment|screen|call|panel|presentation|meeting|start)\b|\b(?:interviewing|interviewed|assessing|assessed)\s+me\b/i;
export const INTENSIFIER = new Set('so too very really quite rather extremely'.split(' '));
// What a lateness word qualifies after a pronoun ("the system rejects anything late").
export const INDEFINITE = new Set('anything something everything nothing anyone anybody someone somebody everyone everybody'.split(' '));
