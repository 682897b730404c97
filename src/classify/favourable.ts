// Praise is not a reason for rejection. "Your CV was excellent, but your answers lacked examples"
// mentions the application favourably and gives examples as the reason; only the second clause
// should be scored. This module finds praise clauses in a segment so the classifier can drop them.

import { NEGATIONS, oncePerText, straightenQuotes, words } from './lexical/text.js';
import { type Span, splitClauses } from './clauses.js';
import { excludesCodesOnly, readCodeFields } from './code-fields.js';
import { deniesTheDecision } from './negated-criticism.js';
import {
  DENIED_BY_PREFIX,
  asidesBefore,
  continuesList,
  frontsTopic,
  isBareTopic,
  isRuledOut,
  justifiesRuleOut,
  leftUnscored,
  lacksSubject,
  refersBack,
} from './rule-outs.js';
import { MARK_ON_SCALE, markedAsStrength } from './score-sheet.js';
import { holdsPraiseWord, withoutPraiseIdioms } from './praise-words.js';
import { NEVER_FALTERED, OURS_OUTDONE, SHORTFALL_PHRASES, SHORTFALL_WORDS, statesShortfall } from './shortfall.js';

export interface PraiseAnalysis {
  /** Some clause of the segment praises the candidate. */
  favourable: boolean;
  /** Every clause is praise: the segment gives no reason at all. */
  praiseOnly: boolean;
  /** The segment without its praise clauses (and contrast markers); what should be scored. */
  reasonText: string;
  /** Praise clauses as [start, end) offsets into the segment. */
  praise: Array<[number, number]>;
}

const PRAISE_PHRASES = [
  /\bspot on\b/i,
  /\bwell done\b/i,
  /\bstood out\b/i,
  /\b(?:blown|blew)\s+(?:\w+\s+)?away\b/i,
  /\bimpressed\b/i,
  /\b(was|were|is|are|looked|seemed|felt|came across|comes across)( all| absolutely| perfectly| completely)? (fine|ok|okay|great|good)\b/i,
  // A verdict in a note without its verb: "quals & exp verified OK", "prep/motiv both ok".
  /\b(verified|checked|confirmed|both|all)\s+(ok|okay|fine|good|satisfactory)\b/i,
  /\brated\s+(\w+\s+)?(top|highly|highest|high|well|strongly)\b/i,
  /\b(met|meet|meets|ticked|ticks|tick)\b.{0,30}\b(criteria|requirements?|standard|box|boxes|bar)\b/i,
  // A verdict given in a note without its verb: "manner/appearance fine by client".
  /\bfine\s+by\s+(?:us|me|them|the\s+\w+|client|hm|panel)\b/i,
  /\b(arrived|were|was|turned up)( right)? (on time|early|punctual)\b/i,
  /\bexactly what (we|the (role|team|job|post))\b/i,
  /\b(had|have|has|hold|holds|held|got)( all| exactly)? the right\b/i,
  /\bone of the (best|strongest|highest)\b/i,
  /\b(did|done) your homework\b/i,
  /\b(researched|prepared|read up on)\b.{0,20}\b(thoroughly|carefully|in depth|well)\b/i,
  /\b(perfectly|very|always|entirely|completely|thoroughly) professional\b/i,
  /\b(first[- ]class|top marks|inside out|back to front|second to none)\b/i,
  /\b(can|could) (tell|see) how much you\b/i,
  OURS_OUTDONE,
  NEVER_FALTERED,
  // A test passed is a strength: "you passed comfortably", "Aced the SQL test, the hiring manager told me".
  /\b(you|u|he|she|they)\s+(\w+\s+)?(passed|aced|nailed|cleared|sailed through|breezed through)\b|^(passed|aced|nailed|sailed through|breezed through)\s+(the|your|his|her|my|all|every|both)\b/i,
];
const SUBJECT_OF_NOTE = new Set(['candidate', 'applicant', 'interviewee']);
// "one of the best we've read" and "better than our CFO" praise the candidate; elsewhere "best" and "stronger" are about others.
const ONE_OF_THE_BEST = /\bone of the (best|strongest|highest)\b/i;
const COMPARATIVES = new Set(['stronger', 'strongest', 'better', 'best']);
const WITH_OTHERS = new Set(['with', 'to', 'on', 'alongside', 'for', 'of']);

// Praise of someone else is competition, not a compliment to the candidate.
const OTHERS_WORDS = new Set(
  (
    'candidate candidates applicant applicants field others other someone somebody internal successful pool ' +
    'shortlist competition competitive stronger strongest better best whose who appointed hired chosen finalist ' +
    'finalists interviewees shortlisted profiles'
  ).split(' '),
);

// "re:" is shorthand for "regarding", not a break: "no concerns re: candidate's attitude".
const SUBCLAUSE_BOUNDARY = /[,;—–]\s*|(?<!\bre):\s*|\s-\s/gi;

export function analysePraise(segment: string): PraiseAnalysis {
  // "RSN_NA: SALARY_EXPECT | RSN_NA: NOTICE_PERIOD": codes that only say which reasons were not it;
  // "Appearance/punctuality: N/A - not scored": a topic the sheet left out.
  if (excludesCodesOnly(segment) || leftUnscored(segment) || labelRuledOut(segment))
    return { favourable: true, praiseOnly: true, reasonText: '', praise: [[0, segment.length]] };
  const codes = readCodeFields(segment); // "RSN_X: SALARY (excluded) | RSN_FINAL: NO_ICU_EXP": only the field set aside goes.
  if (codes) return { favourable: true, praiseOnly: false, reasonText: codes.kept, praise: codes.setAside };
  const clauses = splitClauses(segment);
  const praise: Array<[number, number]> = [];
  const kept: string[] = [];
  // The clause before, when it was kept whole: a rule-out that points back at it takes it along.
  let keptWhole: Span | null = null;
  // The clause before, when it ended on a rule-out: across a semicolon, its ground goes with it
  // ("…wasn't a worry for anyone on the panel; people here commute further").
  let endedRuledOut: Span | null = null;
  for (const clause of clauses) {
    const text = segment.slice(clause.start, clause.end);
    const clauseBefore = keptWhole;
    keptWhole = null;
    const afterSemicolon = endedRuledOut !== null && /^\s*;\s*$/.test(segment.slice(endedRuledOut.end, clause.start));
    endedRuledOut = null;
    if (isPraiseClause(text) || (clause.conceded === true && isConcededStrength(text))) {
      praise.push([clause.start, clause.end]);
      continue;
    }
    // Within a clause, drop only the comma-separated parts that rule a theme out.
    let cursor = 0;
    const parts: Span[] = [];
    for (const match of text.matchAll(SUBCLAUSE_BOUNDARY)) {
      parts.push({ start: cursor, end: match.index! });
      cursor = match.index! + match[0].length;
    }
    parts.push({ start: cursor, end: text.length });
    const partTexts = parts.map((q) => text.slice(q.start, q.end));
    const reasons: string[] = [];
    let ruledOut: boolean = afterSemicolon;
    parts.forEach((part, p) => {
      const partText = text.slice(part.start, part.end);
      // What carries a rule-out on, justifies it or praises goes with it ("Not an issue with you, you came across fine").
      const carriesOn = justifiesRuleOut(partText) || continuesList(partText) || isPraiseClause(partText);
      ruledOut = isRuledOut(partText) || (ruledOut && carriesOn);
      if (!ruledOut) {
        if (/[\p{L}\p{N}]/u.test(partText)) reasons.push(partText.trim());
        return;
      }
      praise.push([clause.start + part.start, clause.start + part.end]);
      // "About your years of work, for us is enough, is not the reason": the predicate's subject is all that came before it.
      if (lacksSubject(partText, reasons) && reasons.length === p) {
        for (const q of parts.slice(0, p)) praise.push([clause.start + q.start, clause.start + q.end]);
        reasons.length = 0;
        return;
      }
      // "We'd have bet the house on your commitment; that was never what this was about": across the
      // turn, a rule-out that names no topic of its own points back at the clause before.
      const pointedAt = p === 0 && clauseBefore && refersBack(partText) && !OWN_TOPIC.test(partText) ? clauseBefore : null;
      if (pointedAt && kept.at(-1) === segment.slice(pointedAt.start, pointedAt.end).trim()) {
        kept.pop();
        praise.push([pointedAt.start, pointedAt.end]);
      }
      // "X, so please don't worry about that": the rule-out points back at X, past a short aside.
      const asides = parts.slice(p - asidesBefore(partTexts, p), p);
      // Last aside first: each is the latest reason once the one after it is popped.
      for (const q of asides.toReversed()) if (reasons.at(-1) === text.slice(q.start, q.end).trim()) reasons.pop();
      praise.push(...asides.map((q): [number, number] => [clause.start + q.start, clause.start + q.end]));
      const before = parts[p - 1 - asides.length];
      // "Visa - no issue", "Motivation: no concerns": a bare topic labelled with a verbless rule-out goes with it.
      const topic = before && text.slice(before.start, before.end);
      const labelled = topic !== undefined && (labelsTopic(topic, text.slice(before!.end, part.start), partText) || frontsTopic(topic));
      if (before && (refersBack(partText) || labelled) && reasons.at(-1) === text.slice(before.start, before.end).trim()) {
        reasons.pop();
        praise.push([clause.start + before.start, clause.start + before.end]);
      }
    });
    if (ruledOut) endedRuledOut = clause;
    if (reasons.length > 0) kept.push(parts.length === reasons.length ? text.trim() : reasons.join(', '));
    if (parts.length === reasons.length) keptWhole = clause;
  }
  const favourable = praise.length > 0;
  return {
    favourable,
    praiseOnly: favourable && kept.length === 0,
    reasonText: favourable ? kept.join(' ').replace(/^[\s,;:—–-]+/, '') : segment,
    praise,
  };
}

// A rule-out that names a topic of its own ("this is not about your interview") points at it, not back.
const OWN_TOPIC = /\b(?:your|ur|his|her|their)\s+\w/i;

// A rule-out given as a verdict with no verb of its own: "no issue", "never a worry", "not a factor".
// So is a negated copula with its subject left out: "The travel from Penrith? Wasn't a drama for us at all."
// …or the topic denied by the noun's own prefix, or said to have no bearing: "hoodie - non-issue", "SAL_EXP: within band - N/A".
const VERBLESS_VERDICT = new RegExp(
  String.raw`^(?:(?:a\s+)?(?:total\s+|complete\s+)?${DENIED_BY_PREFIX}\b|n\/a\b|(?:irrelevant|immaterial)\b|(?:no|not|never|nothing|none|zero|hardly)\b|(?:was|is|were|are)(?:n['’]t|\s+not|\s+never)\b)`,
  'i',
);

/**
 * Whether `topic` is a bare topic (a short noun phrase, no verb, nothing said against it) that the
 * verbless rule-out after the separator (a colon or a dash) is the verdict on: "Visa - no issue".
 */
export function labelsTopic(topic: string, separator: string, ruleOut: string): boolean {
  return (
    /[:—–]|(?:^|\s)-(?:\s|$)/.test(separator) &&
    VERBLESS_VERDICT.test(ruleOut.trim()) &&
    isBareTopic(topic) &&
    !words(topic).some((t) => NEGATIONS.has(t) || SHORTFALL_WORDS.has(t))
  );
}

// A line that opens with a bare topic as its label ("Written exercise: …", "Commitment to sector - …").
const LABELLED_LINE = /^\W*(?<label>[^:;.?!\u2013\u2014]{1,60}?)\s*(?::|\s[-\u2013\u2014]\s*|[\u2013\u2014])\s*(?<verdicts>.+)$/s;
// Where the verdicts on a label part: commas, semicolons, dashes; or a full stop inside a line too,
// where the verdicts run on past it ("keenness: plenty. not a factor").
const VERDICT_BOUNDARY = /[,;\u2013\u2014]\s*|\s-\s/;
const VERDICT_OR_STOP = new RegExp(String.raw`${VERDICT_BOUNDARY.source}|\.\s+`);
// A rule-out that names what it is about ("no issue on money") judges that, not the label; the
// decision it had no part in is no topic ("no bearing on panel's decision").
const NAMES_ITS_TOPIC =
  /\b(?:on|about|with|re|regarding|over|around|for)\s+(?!(?:(?:the|our|this|that|any)\s+)?(?:panel's\s+|our\s+)?(?:decision|outcome|result|choice|us|me|them|panel|anyone|anybody)\b)\w/i;
// A mark given on a scale, anywhere in a verdict (score-sheet.ts).
const MARK = new RegExp(String.raw`\b${MARK_ON_SCALE}\b`, 'i');

/**
 * Whether a line labels a bare topic and its last verdict rules the topic out, with nothing said
 * against it on the way: "Written exercise: 14/20 - above the pass mark, not a differentiator",
 * "Commitment to sector: evident throughout; no bearing on panel's decision." The verdicts before
 * the rule-out describe the topic; the rule-out, which names no topic of its own and has no subject,
 * says it was not the reason. A verdict with a negation or a shortfall word in it, or a mark in the
 * lower half of its scale, is the reason, and the line stays one.
 */
export function labelRuledOut(line: string): boolean {
  const labelled = LABELLED_LINE.exec(straightenQuotes(line).trim())?.groups;
  if (!labelled) return false;
  return [VERDICT_BOUNDARY, VERDICT_OR_STOP].some((boundary) => lastVerdictRulesOut(labelled.label!, labelled.verdicts!, boundary));
}

function lastVerdictRulesOut(label: string, said: string, boundary: RegExp): boolean {
  const verdicts = said
    .split(boundary)
    .map((v) => v.trim().replace(/[.!]+$/, ''))
    .filter((v) => /[\p{L}\p{N}]/u.test(v));
  const last = verdicts.at(-1);
  if (
    !last ||
    verdicts.length < 2 ||
    !labelsTopic(label, ':', last) ||
    OWN_TOPIC.test(last) ||
    NAMES_ITS_TOPIC.test(last) ||
    !(isRuledOut(last) || deniesTheDecision(last))
  )
    return false;
  return verdicts.slice(0, -1).every((v) => {
    const mark = MARK.exec(v)?.groups;
    if (mark && Number(mark.score) < Number(mark.of) / 2) return false;
    return !statesShortfall(v) && !SHORTFALL_PHRASES.some((p) => p.test(v));
  });
}

/** True when the clause praises (a praise word, no negation, no shortfall, not about other people). */
export const isPraiseClause = oncePerText((clause: string): boolean => {
  const praised = judgedPraise(clause);
  if (!praised) return false;
  const { judged } = praised;
  if (statesShortfall(judged)) return false;
  if (namesOthers(praised)) return false;
  if (SHORTFALL_PHRASES.some((p) => p.test(judged))) return false;
  return true;
});

/**
 * Whether a clause with praise in it praises other people, not the candidate: the field, the other
 * candidates, the person appointed ("We had a very strong field", "the calibre of applicants was
 * exceptional"). That is the competition the candidate lost to, a reason, not a compliment.
 */
export function praisesOthers(clause: string): boolean {
  const praised = judgedPraise(clause);
  return praised !== null && namesOthers(praised);
}

/** What the praise in a clause judges, with its words; `whole` when that is the whole clause. */
interface JudgedPraise {
  judged: string;
  tokens: readonly string[];
  whole: boolean;
}

/** What a clause with praise in it judges; null when it holds no praise. */
function judgedPraise(clause: string): JudgedPraise | null {
  const tokens = words(clause);
  if (!holdsPraise(clause, tokens)) return null;
  // Said of the candidate's own attribute ("Your answer on why you want to join us was heartfelt and
  // convincing"), the praise is the predicate: what the subject names cannot take it back.
  const predicate = praisedPredicate(clause);
  return predicate === null ? { judged: clause, tokens, whole: true } : { judged: predicate, tokens: words(predicate), whole: false };
}

/** Whether the judged text names other people than the candidate (OTHERS_WORDS), as its subject or what it praises. */
function namesOthers({ judged, tokens, whole }: JudgedPraise): boolean {
  // "Listening and building on others' ideas" praises how the candidate treats others.
  // A third-person note's subject ("Candidate was on time…", "The applicant presented well") is the candidate.
  const noteSubject = (t: string, i: number) => whole && SUBJECT_OF_NOTE.has(t) && (i === 0 || (i === 1 && tokens[0] === 'the'));
  return tokens.some(
    (t, i) =>
      OTHERS_WORDS.has(t) &&
      !noteSubject(t, i) &&
      !(COMPARATIVES.has(t) && (ONE_OF_THE_BEST.test(judged) || OURS_OUTDONE.test(judged))) &&
      !(t === 'others' && WITH_OTHERS.has(tokens[i - 1] ?? '')),
  );
}

/** Whether a text holds a praise word or phrase (praise-words.ts), not used as an idiom. */
function holdsPraise(written: string, writtenTokens?: readonly string[]): boolean {
  const text = withoutPraiseIdioms(written);
  return (
    holdsPraiseWord(text === written && writtenTokens ? writtenTokens : words(text)) ||
    PRAISE_PHRASES.some((p) => p.test(text)) ||
    markedAsStrength(text) ||
    WOULD_HAVE_HIRED.test(straightenQuotes(text))
  );
}

// A condition contrary to fact whose outcome is the hire: "If the decision had rested on your written
// exercise alone, you'd be starting with us next month". What it rests on is praise; the reason is
// what the condition was not.
const WOULD_HAVE_HIRED =
  /^\W*(?:if\b[^.;?]{0,100}?\bhad\b|had\b)[^.;?]{0,100}?,\s*(?:(?:you'd|you\s+would)\s+(?:(?:be|have\s+been)\s+(?:starting|joining|working)|have\s+(?:got|had|landed|walked\s+into)\s+(?:it|the\s+(?:job|post|role|offer|place)))|(?:we'd|we\s+would)\s+(?:have\s+)?(?:offered|hired|appointed|taken|given)\s+you)\b/i;

// "Your <attribute> was/were <predicate>": the candidate's own attribute as subject of a copula.
const OWN_ATTRIBUTE =
  /^\W*(?:your|ur|his|her|(?:the\s+)?candidate's)\s+(?<subject>[^,;:]{1,60}?)\s+(?:was|were|is|are|came across as|seemed|looked)\s+(?<predicate>.+)$/i;

/** The predicate of a clause that judges the candidate's own attribute, when the praise is in it. */
function praisedPredicate(clause: string): string | null {
  const predicate = OWN_ATTRIBUTE.exec(straightenQuotes(clause))?.groups?.predicate;
  return predicate && holdsPraise(predicate) ? predicate : null;
}

/**
 * What a concession grants the candidate ("whilst your degree is in a relevant subject, …") is not
 * the reason either, unless it is itself a shortfall ("although you were not ready…").
 */
export function isConcededStrength(clause: string): boolean {
  const tokens = words(clause);
  return /\b(you|your)\b/i.test(clause) && !tokens.some((t) => NEGATIONS.has(t) || SHORTFALL_WORDS.has(t));
}
