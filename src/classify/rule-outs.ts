// Rule-outs: a theme mentioned only to say it was not the reason is not a reason either. "Your CV
// was not the issue", "this is no reflection on your interview", "salary wasn't a factor", "nobody
// doubted your enthusiasm". The negation sits right before the dismissing word, so "you didn't
// address our concerns" is kept. A justification that follows a rule-out ("…, since the job is fully
// remote") goes with it.

import { oncePerText, spellOutPronouns, straightenQuotes, words } from './lexical/text.js';

// "Zero" denies as "no" does: "Zero concern.", "zero issue with the commute".
const NEGATED = String.raw`(?:no|not|never|nothing|n't|without|hardly|zero)`;
const DISMISSING_NOUN = String.raw`(?:issues?|problems?(?![- ]solv)|concerns?|reservations?|qualms?|quibbles?|gripes?|misgivings?|hesitations?|red flags?|complaints?|worry|worries|doubts?|factor|deciding factor|stumbling block|sticking point|barrier|obstacle|weakness|weak (?:link|spot|point)|difference|differentiator|odds|constraints?|hindrance|drawback|downside|deal-?breaker|hurdle|snag|probs?|hitch|hiccup|drama|handicap|blocker|headache|alarm bells?|warning (?:signs?|bells?))`;
const NEGATED_VERB = String.raw`(?:n't|\bnot|\bnever)`;
// Words of attention paid to something: what was neither noticed nor noted was not weighed.
const ATTENDED = String.raw`(?:noticed|noted|raised|discussed|mentioned|considered|counted|scored|recorded|remarked(?:\s+on)?|seen|registered|queried)`;
// Nobody as the subject: "nobody", "no one", "none of us", "not one of the panel", "not a single assessor",
// or a subject after a negative put first ("Not for one moment did the panel doubt…", "Never did we…").
const NOBODY = String.raw`\b(?:nobody|no\s+one|no-one|none\s+of\s+(?:us|them|the\s+\w+)|not\s+(?:one|a\s+single\s+\w+)(?:\s+of\s+(?:us|them|the\s+\w+))?|(?:not\s+once|never|not\s+for\s+(?:a|one)\s+(?:single\s+)?(?:moment|second|minute|instant)|at\s+no\s+(?:point|stage|time))\s+(?:did|was|were|had)\s+(?:anyone|anybody|we|they|i|(?:the|our)\s+\w+))`;

/** A noun denied by its own prefix: "non-issue", "non-factor". */
export const DENIED_BY_PREFIX = String.raw`non-?(?:issue|factor|concern|problem|worry)`;

const RULE_OUT_PATTERNS = [
  new RegExp(
    // Also held or seen: "we did not have any reservation regarding…", "didn't see any issue with…".
    // Degree words may stand between: "not at all a constraint", "not really an issue", "not much of a problem".
    // A negated quantity of it or a negated becoming: "never so much as a flicker of doubt", "not a
    // shred of concern", "was never gonna be a dealbreaker", "never came within cooee of being a problem".
    String.raw`${NEGATED}\s+(?:(?:an?|the|any|real|major|big|particular|significant|serious|main|deciding|decline|rejection|decision|have|has|had|got|see|saw|find|found|at|all|really|even|remotely|much|of|so\s+much\s+as|(?:flicker|hint|shred|whiff|trace|shadow|speck|iota|ounce|grain|scrap)\s+of|(?:going\s+to|gonna)\s+be|be|been|being|become)\s+){0,4}${DISMISSING_NOUN}\b|${NEGATED_VERB}\s+(?:[\w'-]+\s+){1,4}?of\s+being\s+(?:an?|any)\s+(?:real\s+)?${DISMISSING_NOUN}\b`,
    'i',
  ),
  /\b(?:issue|problem|concern|reason|difference|decider)\s+(?:here\s+)?(?:was|is|were)(?:n't|\s+not|\s+never)\b/i,
  // The noun denied by its own prefix: "a non-issue", "a total non-factor".
  new RegExp(String.raw`\b${DENIED_BY_PREFIX}s?\b`, 'i'),
  /(?:\b(?:was|were|is|are)|'s)(?:n't|\s+not|\s+never)\s+(?:what|where|why)\b.{0,30}\b(?:let you down|held you back|fell short|cost you|counted against you|went wrong)\b/i,
  // Where the decision came from, denied: "that's not where this came from", "that was never what this
  // was about", "wouldn't be where I'd go looking for a reason". Not what was wanted ("not what we
  // were looking for"): that is the shortfall.
  new RegExp(
    String.raw`${NEGATED_VERB}\s+(?:going\s+to\s+)?(?:be\s+|even\s+|really\s+)?(?:what|where|why)\s+(?:[\w']+\s+){0,4}?(?:(?:came|comes|come)\s+from|sank|sunk|sinks|tipped|swung|decided|settled|did\s+for|(?:fell|falls|fall)\s+down|went\s+wrong|came\s+unstuck)|${NEGATED_VERB}\s+(?:be\s+|even\s+|really\s+)?(?:what|where|why)\s+(?:this|it|that|the\s+(?:decision|outcome))\s+(?:was|is|were)\s+(?:about|decided)|${NEGATED_VERB}\s+(?:be\s+)?(?:what|where)\s+(?:[\w']+\s+){0,4}?(?:looking|look|looked)\s+for\s+(?:a|the|any)\s+(?:reason|cause|explanation)|${NEGATED_VERB}\s+(?:be\s+)?what\s+(?:this|it|the\s+(?:decision|outcome))\s+(?:turned|hinged|rested|came\s+down)\s+(?:on|to)\b`,
    'i',
  ),
  // Criticism denied: "hadn't a bad word to say about your CV", "nothing negative to report on…".
  /(?:\bnot|n't|\bnever|\bno|\bnothing)\s+(?:a\s+)?(?:single\s+)?(?:bad|negative|critical|harsh|cross)\s*(?:word|thing|comment|remark|to say|to report)?/i,
  // Weight that is slight or none: "counted for very little in the final call", "we barely glanced at
  // the scores", "cut no ice with us", "a plus, if anything".
  /\b(?:counted|counts?|mattered|matters?|weighed|weighs?|carried|carries)\s+(?:for\s+)?(?:very\s+|so\s+|pretty\s+|next\s+to\s+)?(?:little|nothing|naught|zilch)\b/i,
  // …or carried none: "it carries no further weight", "had zero bearing".
  /\b(?:carr(?:y|ies|ied)|ha(?:s|d|ve)|held|holds?)\s+(?:no|zero|little)\s+(?:further\s+|real\s+|extra\s+|great\s+)?(?:weight|bearing|influence|sway)\b/i,
  /\b(?:barely|hardly|scarcely)\s+(?:even\s+)?(?:glanced|considered|registered|mattered|figured|featured|weighed|rated|counted|factored)\b/i,
  // Nothing to be read into it: "Wouldn't read anything into the group task", "read nothing into it".
  /(?:n't|\bnot|\bnever)\s+read\s+(?:anything|too\s+much|much)\s+into\b|\bread\s+nothing\s+into\b/i,
  // It cost nothing: "That shaky first answer cost you precisely zero points", "lost you no marks".
  /\b(?:cost|costs|lost)\s+(?:you|him|her|them)\s+(?:precisely\s+|exactly\s+|absolutely\s+|literally\s+)?(?:zero|no|nothing|not\s+(?:a|one)(?:\s+single)?)\b/i,
  // Nothing to fault, no mention earned, nothing registered, ruled out in so many words: "gave us
  // nothing to quibble about", "didn't rate a mention", "didn't register with anybody here", "loc/commute
  // ruled out as factor".
  /\bnothing\s+(?:at\s+all\s+)?to\s+(?:quibble|worry|complain|fret|fuss|query|criticise|criticize|fault|pick\s+at)\b/i,
  /(?:n't|\bnot|\bnever)\s+(?:even\s+)?(?:rate|rated|get|got|merit|merited|warrant|warranted|earn|earned)\s+(?:a\s+|so\s+much\s+as\s+a\s+)?(?:single\s+)?mention\b/i,
  /(?:n't|\bnot|\bnever)\s+(?:even\s+)?register(?:ed)?\s+with\s+(?:anybody|anyone|us|me|them|any\s+of\s+us|the\s+\w+)\b/i,
  /\bruled\s+out\s+as\s+(?:an?\s+|the\s+)?(?:factor|reason|issue|concern|problem)\b/i,
  // No attention paid to it: a pair of attention words denied ("neither noticed nor noted"), a
  // perception denied with its object fronted ("The small mistakes…, these our director did not even see"),
  // or nobody noticing or mentioning it ("Nobody so much as mentioned the way you speak", "not one of us
  // could tell you now what you wore", "nobody look at it much in the decision").
  new RegExp(
    String.raw`${NOBODY}\s+(?:(?:so\s+much\s+as|even|ever|once|really|could|would|can|did)\s+)*(?:mention(?:ed)?|notic(?:e|ed)|remark(?:ed)?\s+on|comment(?:ed)?\s+on|rais(?:e|ed)|br(?:ing|ought)\s+up|clock(?:ed)?|look(?:ed)?\s+at|tell\s+you)\b|\bneither\s+${ATTENDED}\s+nor\s+${ATTENDED}\b|\b(?:went|passed|was|were)\s+(?:entirely\s+|completely\s+|totally\s+|quite\s+)?(?:unremarked|unnoticed|unmentioned|undiscussed)\b|${NEGATED_VERB}\s+(?:even\s+|once\s+)?(?:see|notice|spot|clock|register)\s*(?:it|them|that|this)?\W*$`,
    'i',
  ),
  // Importance denied in the employer's weighing: "this for us is not important", "not important to us".
  /\b(?:for|to)\s+(?:us|me|the\s+panel|the\s+team)\s+(?:is|was|were|are)(?:n't|\s+not)\s+(?:so\s+|very\s+|that\s+|at\s+all\s+)?(?:important|relevant|significant|a\s+priority)\b|\b(?:is|was|were|are)(?:n't|\s+not)\s+(?:so\s+|very\s+|that\s+|at\s+all\s+)?(?:important|relevant|significant)\s+(?:for|to)\s+(?:us|me|the\s+panel|the\s+team)\b/i,
  // What was just said, approved as it is, closing the sentence: "…, which is totally fine." (not
  // conceded before a turn: "…, which is fine, just not here.").
  /^which\s+(?:is|was)\s+(?:totally\s+|perfectly\s+|completely\s+|absolutely\s+|entirely\s+|quite\s+)?(?:fine|ok|okay)\s*[.!]+\W*$/i,
  /\bcut\s+no\s+ice\b|\b(?:plus|positive|bonus|help|asset)\b[^.;]{0,12}\bif\s+anything\b/i,
  // A verdict with no topic of its own: "prep/motiv both ok, not why".
  /(?:^|[,;:-]\s*)not\s+(?:why|the\s+reason|it)\W*$/i,
  // "we'd not want you thinking otherwise": what was just said stands.
  new RegExp(
    String.raw`${NEGATED_VERB}\s+(?:[\w']+\s+){0,3}?(?:think|thinking|assume|assuming|believe|imagine|suppose)\s+otherwise\b`,
    'i',
  ),
  /\bit\s+(?:was|is)(?:n't|\s+not|\s+never)\s+(?:your|the)\b.{0,40}\bthat\b/i,
  // "The assessment day result isn't why", "that's not why".
  /\b(?:is|was|were|are|'s)(?:n't|\s+not)\s+why\b/i,
  /\b(?:no|never)\s+(?:doubts?|question)\s+(?:about|over|regarding|as to)\b/i,
  /\b(?:never|not)\s+in\s+(?:doubt|question)\b/i,
  /\b(?:nothing wrong with|nothing to do with|no problem with|no issue with|no issues with)\b/i,
  /(?:n't|\bnot)\s+(?:because of|due to|down to|about)\b/i,
  /(?:n't|\bnot)\s+(?:hold|held)\s+(?:you|your application)\s+back\b/i,
  // "no reflection on your interview", "none of this reflects on you", "is not a reflection on".
  /\bno\s+reflection\s+on\b/i,
  /(?:\bnot|n't|\bnone of (?:this|it))\s+(?:a\s+)?reflect(?:s|ion)?\s+(?:on|of)\b/i,
  // "please don't take this as a criticism of", "none of this is a comment on".
  /(?:\bnot|n't|\bno|\bnone of (?:this|it) is)\s+(?:\w+\s+){0,3}(?:a\s+)?(?:criticism|comment|judgement|judgment)\s+(?:of|on|about)\b/i,
  new RegExp(String.raw`${NEGATED_VERB}\s+(?:\w+\s+)?(?:worried|concerned|bothered)\s+(?:about|by|with)\b`, 'i'),
  // A verb of concern denied, with the employer's side as who was not concerned: "Didn't trouble us.",
  // "never bothered the panel", "it didn't faze anyone".
  new RegExp(
    String.raw`${NEGATED_VERB}\s+(?:\w+\s+)?(?:put\s+(?:us|anyone|anybody|the\s+panel)\s+off|(?:trouble|troubled|bother|bothered|worry|worried|faze|fazed|concern|concerned)\s+(?:us|anyone|anybody|the\s+(?:panel|team|client|manager)))\W*$`,
    'i',
  ),
  // "nobody on the panel questioned your fit": who did not doubt may take a few words to name.
  new RegExp(
    String.raw`${NOBODY}\s+(?:[\w-]+\s+){0,4}?(?:doubted|doubts|questioned|questions|doubt|question|was worried|were worried|had concerns|had any concerns|raised?\s+(?:[\w-]+\s+){0,3}?as\s+an?\s+(?:worry|concern|issue|problem))\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:we|i)\s+(?:do|did|would|could)?\s*${NEGATED_VERB}\s+(?:doubt|question)\w*\b`, 'i'),
  new RegExp(String.raw`\b(?:do|did|does|was|were|is)\s*${NEGATED_VERB}\b.{0,60}\bmatter(?:ed|s)?\b`, 'i'),
  new RegExp(String.raw`${NEGATED_VERB}\s+(?:count|counted|weigh|weighed|go|work|tell|held|hold)\s+against\s+(?:you|your)\b`, 'i'),
  new RegExp(String.raw`${NEGATED_VERB}\s+do\s+anything\s+wrong\b`, 'i'),
  /\bnothing\s+you\s+(?:did|said)\b/i,
  /\b(?:no|any)\s+(?:part|role|bearing|influence|weight)\s+(?:in|on)\b/i,
  new RegExp(
    String.raw`${NEGATED_VERB}\s+(?:go\s+)?(?:think|thinking|feel|assume|assuming|believe|imagine)\s+(?:that\s+)?(?:this|it|that)\s+(?:is|was)\s+(?:it|why|the reason|about|because|down to|due to)\b`,
    'i',
  ),
  /\b(?:don't|do not|no need to|needn't)\s+(?:worry|fret|feel\s+bad)\s+(?:about|on|over)\b/i,
  // A belief the writer tells the candidate not to hold, about what decided it: "Don't go thinking it
  // was your nerves", "Kindly don't feel your notice period of 90 days was the hurdle", "please do
  // not assume your degree was the problem". Told to the candidate (an imperative), or any negated
  // belief whose complement is a decisive obstacle ("we don't feel your accent was an issue").
  new RegExp(
    String.raw`(?<!\b(?:we|i|they|you|he|she|panel|manager)\s+)\b(?:don't|do\s+not)\s+(?:go\s+|ever\s+)?(?:think|thinking|feel|assume|assuming|imagine|imagining|believe)\s+(?:that\s+)?(?:it|this|that)\s+(?:is|was|'s|(?:came|comes|was)\s+down\s+to|hinged\s+on|turned\s+on)\b|${NEGATED_VERB}\s+(?:go\s+)?(?:think|thinking|feel|assume|assuming|imagine|believe|consider)\s+(?:that\s+)?(?:[\w'-]+\s+){1,8}?(?:is|was|were|are)\s+(?:the|an?|any)\s+(?:real\s+|main\s+|big\s+|deciding\s+)?(?:${DISMISSING_NOUN}|reason|cause)\b`,
    'i',
  ),
  new RegExp(String.raw`${NEGATED_VERB}\s+(?:the|a)\s+(?:reason|factor)\b`, 'i'),
  // The smallest of the worries is none: "your cover letter was the least of our worries".
  /\bthe\s+least\s+of\s+(?:our|my|the|their|his|her)\s+(?:worries|concerns|problems|issues)\b/i,
  // Never part of the decision's reckoning: "didn't enter the equation", "wasn't even on our radar", "never came into it".
  // A shortfall denied: "your answers didn't lack for detail", "you don't lack the skills".
  /(?:n't|\bnot|\bnever)\s+lack(?:ed)?\s+(?:for\s+)?/i,
  // …or among its reasons: "wasn't among our reasons", "was not one of our concerns".
  /(?:n't|\bnot|\bnever)\s+(?:even\s+|really\s+|at\s+all\s+)?(?:on|in|into|part\s+of|among|one\s+of)\s+(?:our|the|my|their)\s+(?:radar|equation|reckoning|calculations?|thinking|picture|considerations?|reasons|concerns|worries)\b/i,
  /(?:n't|\bnot|\bnever)\s+(?:even\s+|really\s+|once\s+)?(?:enter(?:ed)?|come|came|come\s+up|came\s+up|crop(?:ped)?\s+up|figure[ds]?|feature[ds]?)\s+(?:in(?:to)?\s+|during\s+)?(?:it|the\s+(?:equation|picture|reckoning|decision|mix|discussions?|deliberations?)|our\s+(?:thinking|decision|calculations?|reckoning|discussions?|deliberations?))\b/i,
  // Weighed both ways, so neither: "neither here nor there", "neither a help nor a hindrance".
  /\bneither\s+here\s+nor\s+there\b|\bneither\s+for\s+nor\s+against\b/i,
  /\bneither\s+(?:an?\s+)?(?:help|plus|positive|advantage|asset|boost|benefit)\s+nor\s+(?:an?\s+)?(?:hindrance|minus|negative|disadvantage|drawback|handicap|problem)\b/i,
  // The decision itself negated: "was not what tipped the balance", "wasn't driven by your grades".
  /(?:n't|\bnot)\s+what\s+(?:tipped|swung|decided|settled|sealed)\b/i,
  /\b(?:decision|outcome|choice|this|it|that)\s+(?:was|is|were)(?:n't|\s+not|\s+never)\s+(?:\w+\s+)?(?:driven|influenced|affected|swayed|decided)\s+by\b/i,
];

// A shortfall that nobody judged the candidate to have is none: "nobody thought you were
// underprepared", "at no point did the interviewers feel your answers were too brief", "please do not
// think that your communication skills were lacking". Judged so without the shortfall ("we did not
// feel you were ready") it is the reason, so the shortfall must be in what was (not) judged.
// Within one clause: no "and", "but", "so"… between the negation, the judging and the shortfall.
const IN_CLAUSE = String.raw`(?!(?:and|but|so|because|or|while|whereas|though|although)\b)`;
const NEGATED_JUDGE = String.raw`(?:${NOBODY}|\bat\s+no\s+(?:point|stage|time)|n't|\bnot|\bnever)\s+(?:${IN_CLAUSE}[\w-]+\s+){0,4}?`;
const JUDGED = String.raw`(?:think|thought|feel|felt|find|found|believe|believed|consider|considered|judge|judged|see|saw|view|viewed|suggest|suggested)`;
// …or a shortfall said as a negation of the candidate's own doing: "No one on the panel felt you hadn't done your homework".
const SHORTFALL = String.raw`(?:(?:you|he|she)\s+(?:had|did|were|was)(?:n't|\s+not)|too|lack\w*|weak\w*|poor\w*|insufficient\w*|inadequate\w*|short\s+(?:on|of)|fell\s+short|not\s+(?:enough|good\s+enough|up\s+to)|(?:un|under|ill)-?(?:prepared|qualified|suited|suitable|ready|focused|motivated|convincing|professional|interested|committed|enthusiastic|clear|equipped|experienced))`;
const NEGATED_SHORTFALL = new RegExp(String.raw`${NEGATED_JUDGE}${JUDGED}\b(?:${IN_CLAUSE}[^,;.:!?]){0,60}?\b${SHORTFALL}\b`, 'i');

/** A part that starts like this justifies the rule-out before it ("…, since the job is fully remote"). */
const JUSTIFICATION = /^(?:as|since|because|given|which|who|so|seeing as)\b/i;

/** A rule-out about what was said just before it: "so don't worry about that", "which was not a factor". */
const BACK_REFERENCE =
  /\b(?:about|with|over)\s+(?:that|this|it)\b|^(?:so\s+|and\s+)?(?:that|this|it|those|these)\b|^which\b|\b(?:think|thinking|assume|assuming)\s+(?:that|this|it)\s+(?:was|is)\b|\botherwise\b|\b(?:on|over)\s+(?:that|this)\s+(?:account|score|front)\b|^not\s+(?:why|the\s+reason|it)\W*$/i;

export function refersBack(part: string): boolean {
  return BACK_REFERENCE.test(part.trim());
}

// Negative contractions typed without the apostrophe in quick notes: "wasnt", "didnt".
const BARE_CONTRACTION = /\b(was|were|is|are|did|does|do|could|would|should|has|have|had|need)nt\b/gi;

/** The text with its negative contractions given back their apostrophe ("wasnt" is "wasn't"), for patterns that read "n't". */
export function withApostrophes(text: string): string {
  return text.replace(BARE_CONTRACTION, "$1n't");
}

// A topic on a score sheet left out of the scoring: "Appearance/punctuality: N/A - not scored",
// "commute - n/a, not scored". "N/A" alone ("Reason: N/A") says only that nothing was written.
const LEFT_UNSCORED =
  /^[^:.;]{1,60}?(?::|\s[-–—])\s*(?:n\/a\s*[-–—,]\s*)?not\s+(?:scored|assessed|rated|marked)(?:\s+(?:here|at\s+this\s+stage))?\W*$/i;

/** Whether a line sets a topic down as left out of the scoring. */
export function leftUnscored(text: string): boolean {
  const line = straightenQuotes(text).trim();
  return LEFT_UNSCORED.test(line) && isBareTopic(line.split(/:|\s[-–—]/)[0]!);
}

export const isRuledOut = oncePerText((part: string): boolean => {
  const text = withApostrophes(spellOutPronouns(straightenQuotes(part)));
  return RULE_OUT_PATTERNS.some((p) => p.test(text)) || NEGATED_SHORTFALL.test(text);
});

// The rest of a list the rule-out began ("wasn't driven by your grades, the numerical test or anything
// on your form"): a part with no verb, whose items run on with "or"/"nor".
const LIST_RUN_ON = /\b(?:or|nor)\b/i;
const VERB =
  /\b(?:is|was|were|are|be|been|had|has|have|did|does|do|could|would|should|will|can|may|might|must|felt|seemed|showed|gave|got|made|went|came|\w+ed|\w+n't|\w+'s)\b/i;

/** Whether a part has a verb (a clause), as against a bare noun phrase ("Visa", "Reasons for leaving your last post"). */
export function hasVerb(part: string): boolean {
  return VERB.test(straightenQuotes(part));
}

// A short aside between a topic and the rule-out that points back at it ("…fifteen minutes late -
// completely understood, and it didn't factor in", "raised by you, not us, and it made no odds"):
// a few words with no verb of their own, that say nothing of the topic.
const ASIDE_WORDS = 3;

/** How many parts right before `parts[at]` are asides the rule-out there points back past (0 unless it points back). */
export function asidesBefore(parts: readonly string[], at: number): number {
  if (!refersBack(parts[at] ?? '')) return 0;
  const isAside = (part: string) => {
    const length = words(part).length;
    return length > 0 && length <= ASIDE_WORDS && !hasVerb(part);
  };
  let count = 0;
  while (at - count - 1 > 0 && isAside(parts[at - count - 1]!)) count++;
  return count;
}

/** True when `part` only carries on the list of things the rule-out before it named. */
export function continuesList(part: string): boolean {
  return LIST_RUN_ON.test(part) && !VERB.test(straightenQuotes(part));
}

// A predicate with no subject of its own ("…, is not the reason") has its subject in the parts before it.
const SUBJECTLESS =
  /^(?:is|was|were|are|isn't|wasn't|weren't|aren't|did|didn't|does|doesn't|never|has|had|hasn't|hadn't|gave|made|got|came|went|took)\b/i;

/**
 * True when `part` is a predicate whose subject is what came before it in the clause: "About your
 * years of work, for us is enough, is not the reason", or, after a part that ends on its copula, a
 * negated complement ("Your homework on us was, shall we say, not the weak link").
 */
export function lacksSubject(part: string, before: readonly string[] = []): boolean {
  const text = straightenQuotes(part).trim();
  return SUBJECTLESS.test(text) || (/^not\b/i.test(text) && before.some((b) => /\b(?:was|is|were|are)\W*$/i.test(b)));
}

// A verdict that belittles its topic: "a footnote in all this, nothing more", "no more than a formality".
const BELITTLED = /\bnothing\s+more\b|\bno\s+more\s+than\b|\b(?:merely|a\s+mere)\b/i;
// A negated copula over a noun phrase: "your CV was not the fly in the ointment".
const DENIED_NOUN_PHRASE = /\b(?:was|were|is|are|'s)(?:n't|\s+not|\s+never)\s+(?:really\s+|even\s+|at\s+all\s+)?(?:the|a|an|any)\b/i;

/**
 * Whether a part's grammar agrees with reading it as a rule-out: a rule-out the patterns know, a
 * belittling verdict or a noun phrase denied of its subject. Alone the last two decide nothing ("your
 * answer was not a good example" is the reason); they confirm what the clause-role reader leans to.
 */
export function agreesWithRuleOut(part: string): boolean {
  const text = straightenQuotes(part);
  return isRuledOut(text) || BELITTLED.test(text) || DENIED_NOUN_PHRASE.test(text);
}

// …or states how common the thing is among the employer's own people, not a word to the candidate:
// "…, we have many staff commuting from Thane", "- plenty of the team travel further".
const QUANTITY = String.raw`(?:plenty|lots|loads|many|most|several|half|a\s+lot)`;
// The employer's own people in general are as good as a quantity: "people here commute further".
const COMMON_AT_OURS = new RegExp(
  String.raw`^(?:we\s+(?:have|'ve\s+got|already\s+have)\s+)?(?:${QUANTITY}\s+(?:of\s+)?(?:us|our|the|staff|people|colleagues|employees|team)\b|(?:people|folks?|staff|colleagues)\s+(?:here|at\s+ours|on\s+the\s+team|in\s+the\s+team)\b)`,
  'i',
);
// …or that the thing is usual, for everyone or for the employer: "Everyone's nervous, we make
// allowances", "Everyone has them", "we are used to that only".
const USUAL =
  /^(?:(?:everyone|everybody|all\s+(?:candidates|applicants|of\s+us))(?:'s|\s+(?:is|are|was|were|gets?|got|feels?|felt|has|have|had|does))\b|we(?:'re|\s+are|\s+were)\s+(?:quite\s+|very\s+|well\s+|all\s+)?(?:used|accustomed)\s+to\b)/i;
// Words to the candidate: what is usual, or a "not even" (not-even.ts), said to them is about them.
export const TO_THE_CANDIDATE = /\b(?:you|your|yours|u|ur)\b/i;

/** Whether a part states what is common or usual, not a word to the candidate: the ground a rule-out before it stands on. */
export function statesWhatIsUsual(part: string): boolean {
  const text = straightenQuotes(part).trim();
  return (COMMON_AT_OURS.test(text) || USUAL.test(text)) && !TO_THE_CANDIDATE.test(text);
}

// A topic set before the clause it is the topic of: "Regarding your qualification, there is no issue
// at all", "As for your degree, …". The one place this form is known: the rules of reading and the
// clause-role reader's grammar (roles/grammar.ts) both read it from here.
const FRONTED_TOPIC =
  /^(?:regarding|concerning|about|as\s+(?:for|to|regards)|re:?|with\s+regard\s+to|in\s+terms\s+of|on\s+the\s+(?:subject|question)\s+of|when\s+it\s+comes\s+to)\s/i;

/** Whether a part opens with a topic fronted ("As for your degree, no concerns"), whatever follows. */
export function opensWithFrontedTopic(part: string): boolean {
  return FRONTED_TOPIC.test(straightenQuotes(part).trim());
}

/** Whether a part is a fronted topic with no verb: what the rule-out after it is about. */
export function frontsTopic(part: string): boolean {
  const text = straightenQuotes(part).trim();
  return FRONTED_TOPIC.test(text) && !VERB.test(text.replace(FRONTED_TOPIC, ''));
}

// A label names one topic in a few words: at most this many (also the bound on a score sheet's label, score-sheet.ts).
export const LABEL_MOST_WORDS = 8;

/**
 * Whether a label is a bare topic: a short noun phrase of at most eight words, no verb ("Visa", "Your
 * fit with the team", "Hiring manager's comments": a possessive "'s" is no verb here).
 */
export function isBareTopic(label: string): boolean {
  const count = words(label).length;
  return count > 0 && count <= LABEL_MOST_WORDS && !hasVerb(straightenQuotes(label).replace(/'s\b/g, ''));
}

const WH_QUESTION = /^\W*(?:why|what|how|who|where|when|which)\b/i;
// A short question, of a few words, asks about one thing: "Did the nerves show?", "Not having
// chartered status yet?", "Was it the tattoos?".
const SHORT_QUESTION_WORDS = 8;

/**
 * Whether a sentence asks about a topic for the next sentence to answer: a bare topic asked ("Your
 * fit with the team?") or, with `anyShort`, any short question that is not a question word's
 * ("Did the nerves show?", "Not having chartered status yet?"). Never "why analytics?".
 */
export function asksTopic(sentence: string, anyShort = false): boolean {
  const text = straightenQuotes(sentence).trim();
  if (!text.endsWith('?') || WH_QUESTION.test(text)) return false;
  const topic = text.slice(0, -1);
  if (/[.!?]/.test(topic)) return false;
  return isBareTopic(topic) || (anyShort && words(topic).length <= SHORT_QUESTION_WORDS);
}

/** Whether a sentence is one question that is not a question word's ("Did your lack of a CPA count against you?"; not "Why sales?"). */
export function asksYesOrNo(sentence: string): boolean {
  const text = straightenQuotes(sentence).trim();
  // A full stop inside a word ("B.Com") ends no sentence.
  return text.endsWith('?') && !WH_QUESTION.test(text) && !/[!?]|\.\s/.test(text.slice(0, -1));
}

// A worry or a question reported rather than asked: "I know you were worried that losing ten minutes
// to the login problem might have told against you", "I asked if it was my degree". Like a question
// asked, it is the topic of the answer after it.
const REPORTED_DOUBT =
  /\b(?:you|u|i|he|she|they|we)(?:\s+(?:were|was|are|am|'re|'m|may\s+be|might\s+be|have\s+been|had\s+been))?\s+(?:worried|concerned|wondering|anxious|afraid|nervous)\s+(?:that|if|whether)\b|\b(?:you|u|i|he|she|they)\s+(?:\w+\s+){0,2}?(?:asked|wondered|queried|feared)\s+(?:\w+\s+){0,2}?(?:if|whether)\b/i;

/** Whether a sentence reports a worry or a question for the next sentence to answer. */
export function reportsDoubt(sentence: string): boolean {
  return REPORTED_DOUBT.test(straightenQuotes(sentence));
}

// A part that is only a word of emphasis says nothing of its own: "Not a deciding factor - not a factor
// of any kind, in fact."
const EMPHASIS_ONLY =
  /^\W*(?:in\s+fact|honestly|frankly|really|truly|to\s+be\s+(?:fair|honest)|at\s+all|whatsoever|either|mate|tbh|for\s+the\s+record|believe\s+me|trust\s+me)\W*$/i;

/** True when `part` explains the rule-out that comes right before it, or only adds emphasis to it. */
export function justifiesRuleOut(part: string): boolean {
  const text = straightenQuotes(part).trim();
  return JUSTIFICATION.test(text) || statesWhatIsUsual(text) || EMPHASIS_ONLY.test(text);
}
