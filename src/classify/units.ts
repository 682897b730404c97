// Stage 1 of the classifier: feedback text → the units that get scored. Each segment (sentence)
// loses its praise clauses ("Strong CV, but…"); what is left is scored as a whole and, when it
// has several clauses, clause by clause, so two reasons in one sentence do not dilute each other.

import { withoutContactPlaceholders } from '../redact/text.js';
import { withoutMarkup } from './markup.js';
import { DEFAULT_THEME_IDS, type Segment } from '../types.js';
import { analysePraise, labelsTopic, type PraiseAnalysis } from './favourable.js';
import { isPreamble } from './preamble.js';
import { layFaultElsewhere, readSegment, type SegmentReading } from './reading.js';
import { deniesItWasTheCandidate } from './conduct.js';
import { dismissesEmphatically } from './not-even.js';
import { asksTopic, asksYesOrNo, statesWhatIsUsual } from './rule-outs.js';
import { waivesWhatWentBefore } from './waived.js';
import { clausesOf, segmentText } from './segment.js';
import { oncePerText } from './lexical/text.js';

/** A vector in 8 bits: `values` · `scale` approximates it (head/neighbours.ts). */
export interface QuantisedVector {
  values: Int8Array;
  scale: number;
}

/** Per theme, in taxonomy order: a unit's score and the index of its nearest exemplar. */
export interface ThemeScores {
  /** Mean of the top-k cosines to the theme's exemplars (blended with the centroid when set). */
  scores: number[];
  /** Index into `theme.examples` of the nearest exemplar (-1 when the theme has none). */
  nearest: number[];
  /** Per theme, the theme head's probe on the model's vector of the text (probe.ts), when the head has one. */
  probe?: number[];
  /** What the unit does (roles/model.ts, CLAUSE_ROLES order), when a clause-role reader read it. */
  roles?: number[];
  /** The model's vector of the text in 8 bits, when the head reads the nearest labelled items (head/neighbours.ts). */
  vector8?: QuantisedVector;
}

export interface UnitScores extends ThemeScores {
  text: string;
}

export interface ScoredSegment extends ThemeScores {
  segment: Segment;
  /** Some clause praises the candidate. */
  favourable: boolean;
  /** Every clause is praise: the segment can carry no theme. */
  praiseOnly: boolean;
  /** The text that was embedded: the segment without its praise clauses. */
  scoredText: string;
  /** Praise clauses left out of `scoredText`, as [start, end) offsets into the segment's text. */
  praise: Array<[number, number]>;
  /** The scored units: the segment's reason text and, when it has several, each of its clauses. */
  units: UnitScores[];
  /** Rules of reading (reading.ts): an employer's silence, conduct that is not the candidate's, comparisons. */
  reading: SegmentReading;
  /** The clause-role reader, not the word rules, found no reason here (roles/read.ts). */
  setAsideByReader?: boolean;
  /** A topic asked and answered by a rule-out or praise ("Your nerves? Didn't rate a mention."): no reason, however it sounds alone. */
  answered?: boolean;
}

export interface ScoredItem {
  id: string;
  text: string;
  segments: ScoredSegment[];
  /** What the item's nearest labelled items say, when the head reads them (head/neighbours.ts). */
  neighbours?: NeighbourEvidence;
}

/** What an item's nearest labelled items say, per theme (the order the head reports them in). */
export interface NeighbourEvidence {
  /** The share of the k nearest that carry the theme. */
  shares: number[];
  /** The same over the weighted nearest, each weighted by its closeness to the nearest of all. */
  weighted: number[];
}

/** Items split into segments, praise marked and the rules of reading applied, scores still empty. */
export function segmentItems(items: { id: string; text: string }[], themeIds: readonly string[] = DEFAULT_THEME_IDS): ScoredItem[] {
  return items.map((item) => ({
    id: item.id,
    text: item.text,
    // Each segment's praise, and whether it is a question its answer sets aside, is read once: a
    // question's verdict reads its answer's too, and the answer reads whether it was one.
    segments: segmentText(item.id, item.text)
      .map((segment) => ({ segment, praise: analysePraise(segment.text) }))
      .map(({ segment, praise }, i, segments) => ({
        segment,
        praise,
        answered: askedOfVerdict(segment, segments[i + 1]) || waivedByNext(segment, segments[i + 1]),
      }))
      .map(({ segment, praise: own, answered }, i, segments) => {
        const next = segments[i + 1];
        const previous = segments[i - 1];
        // A sentence that only says the thing ruled out just before is usual ("Don't go thinking it was
        // your nerves. Everyone's nervous, we make allowances.") is the rule-out's ground, as within a sentence.
        // So is the answer that set a topic asked aside (askedOfVerdict): a rule-out, what is usual ("Nerves?
        // Everyone has them.") or a wave of the hand ("Fit with the team? Not even a conversation.").
        const grounds = previous !== undefined && (previous.answered || (previous.praise.praiseOnly && statesWhatIsUsual(segment.text)));
        const preamble = grounds || answered || (next !== undefined && isPreamble(segment.text, next.segment.text, own.favourable));
        const praise = preamble ? { ...own, praiseOnly: true, favourable: true } : own;
        // Whose fault it was is read in the whole sentence as it is read for the rest: without its
        // markup ("not a reflection on <i>her</i>") or what redaction left ("call me on [phone]").
        const whole = withoutContactPlaceholders(withoutMarkup(segment.text));
        const scoredText = praise.praiseOnly ? whole : withoutContactPlaceholders(withoutMarkup(praise.reasonText));
        const reading = readSegment(scoredText, themeIds, whole);
        if (next !== undefined && deniesItWasTheCandidate(next.segment.text)) layFaultElsewhere(reading, themeIds);
        return {
          segment,
          favourable: praise.favourable,
          praiseOnly: praise.praiseOnly,
          scoredText,
          praise: praise.praiseOnly ? [] : praise.praise,
          scores: [],
          nearest: [],
          units: [],
          reading,
          ...(answered ? { answered } : {}),
        };
      }),
  }));
}

/**
 * A bare topic asked as a question and answered by a verdict that rules it out ("Your fit with the
 * team? Never a worry.") is ruled out with it, as "Visa - no issue" is within a sentence.
 */
function askedOfVerdict(segment: Segment, next: { segment: Segment; praise: PraiseAnalysis } | undefined): boolean {
  if (!next || !segment.text.trim().endsWith('?')) return false;
  // Any answer that is all rule-out or praise ("Your nerves? Mate, everyone's shaking in that chair,
  // didn't rate a mention.") sets the bare topic asked aside, whatever the topic says of itself ("Not
  // having chartered status yet?").
  // A noun phrase, not a question word's question ("why analytics? 'it pays well'") nor a sentence
  // before it ("no idea apparently. why this role?").
  const topic = segment.text.trim().slice(0, -1);
  // What is usual answers it too: "Nerves? Everyone has them." (the rule-out's ground, said as the answer).
  const verdict = next.praise.praiseOnly || statesWhatIsUsual(next.segment.text);
  if (verdict && (labelsTopic(topic, ':', next.segment.text) || asksTopic(segment.text))) return true;
  // A "not even" said of no candidate answers any question that is not a question word's: "Fit with the
  // team? Not even a conversation.", "Did your lack of a CPA count against you? Honestly, not even a little".
  // So does a plain "no", said or relayed, that opens an answer all praise after it: "Was it the
  // presentation? Client says no, presentation was solid." ("No, it was the Mandarin" gives the reason.)
  return (dismissesEmphatically(next.segment.text) || answeredNo(next.segment.text)) && asksYesOrNo(segment.text);
}

const ANSWERED_NO = /^\W*(?:(?:the\s+)?[\w'-]+\s+(?:says|said|reckons|replied|answered)\s+)?no\s*[,.;!\u2013\u2014-]\s*/i;

function answeredNo(answer: string): boolean {
  const no = ANSWERED_NO.exec(answer);
  const rest = no ? answer.slice(no[0].length) : '';
  return no !== null && (!/[\p{L}\p{N}]/u.test(rest) || analysePraise(rest).praiseOnly);
}

/**
 * A sentence waved away by the short rule-out after it, with no topic of its own ("Three months'
 * notice sounds long, but we've held seats open for longer than that. Didn't trouble us."), goes with
 * it, as a question does with its answer. So does one the word rules already read as praise
 * ("Questions at the end - tick. No issues there."): waved away, it is no reason however the
 * clause-role reader reads it alone (readingOf leaves answered sentences out). A question is answered
 * by askedOfVerdict instead.
 */
function waivedByNext(segment: Segment, next: { segment: Segment; praise: PraiseAnalysis } | undefined): boolean {
  return next?.praise.praiseOnly === true && waivesWhatWentBefore(next.segment.text) && !segment.text.trim().endsWith('?');
}

// A segment's units are listed several times a run (to look its texts up, to wait for them, to fold
// their scores), and sentences repeat across items: each text's clauses are split once (and only
// spread from here, never handed out).
const clausesOnce = oncePerText(clausesOf);

/** The segments an item is judged by: its reasons, or every segment when all are praise (their scores are all there is). */
export function judgedSegments(item: ScoredItem): ScoredSegment[] {
  const reasons = item.segments.filter((s) => !s.praiseOnly);
  return reasons.length > 0 ? reasons : item.segments;
}

/**
 * The texts scored for a segment: its reason text, then each clause (unless clauses are off), then
 * the subject of a comparison with another candidate.
 */
export function unitTextsOf(segment: ScoredSegment, clauses: boolean): string[] {
  const texts = clauses ? [segment.scoredText, ...clausesOnce(segment.scoredText)] : [segment.scoredText];
  const subject = segment.reading.subject;
  return subject && !texts.includes(subject) ? [...texts, subject] : texts;
}

/** Every distinct unit text of the items, in first-seen order. */
export function distinctUnitTexts(items: ScoredItem[], clauses: boolean): string[] {
  const texts = new Set<string>();
  for (const item of items) for (const s of item.segments) for (const unit of unitTextsOf(s, clauses)) texts.add(unit);
  return [...texts];
}

/** Fills each segment's units and, per theme, its best unit's score and nearest exemplar. */
export function foldUnitScores(items: ScoredItem[], clauses: boolean, scoresOf: (text: string) => ThemeScores): void {
  for (const item of items) {
    for (const s of item.segments) {
      const units = unitTextsOf(s, clauses).map((text) => ({ text, ...scoresOf(text) }));
      const themes = units[0]!.scores.length;
      s.units = units;
      s.scores = Array.from({ length: themes }, (_, t) => Math.max(...units.map((u) => u.scores[t]!)));
      s.nearest = Array.from(
        { length: themes },
        (_, t) => units.reduce((best, u) => (u.scores[t]! > best.scores[t]! ? u : best)).nearest[t]!,
      );
    }
  }
}
