// Praise on a score sheet, read from its form: a bare topic given a tick or a mark near the top of
// its scale, or a line set down as a plus (favourable.ts counts it as praise).

import { straightenQuotes, words } from './lexical/text.js';
import { isBareTopic, LABEL_MOST_WORDS } from './rule-outs.js';

// A mark given as a number on a scale: "14/20", "2 out of 5" (also read in a labelled verdict, favourable.ts).
export const MARK_ON_SCALE = String.raw`(?<score>\d+(?:\.\d+)?)\s*(?:\/|out\s+of)\s*(?<of>\d+)`;

// A line of a score sheet up to its mark: the topic and the colon or dash after it ("Research on the
// charity: ", "Questions at the end - ").
const LABELLED_TOPIC = String.raw`^\W*(?<topic>[^:?;\u2013\u2014]{1,60}?)\s*(?::|\s[-\u2013\u2014]\s*|[\u2013\u2014])\s*`;

// A score sheet marks its strengths by form, not by word: a bare topic given a tick or a mark near
// the top ("Research on the charity: 5/5", "Questions at the end - tick", "Written exercise: 18/20",
// "Numerical: 92nd percentile"),
// or a line set down as a plus ("+ clearly wants to be in cardiology"). A low mark ("Safeguarding
// knowledge: 1/5") is the shortfall, and stays the reason.
const MARKED_TOPIC = new RegExp(
  String.raw`${LABELLED_TOPIC}(?:${MARK_ON_SCALE}|(?<tick>ticks?|ticked|\u2713|\u2714|\u2705|pass(?:ed)?|met|top\s+decile)|(?<percentile>\d{1,2})(?:st|nd|rd|th)\s+percentile)\s*[.!]?\s*$`,
  'i',
);
// A mark set against its own pass mark in brackets, with or without a verdict after it: "Typing speed:
// 58 wpm (min 45) - met", "Situational judgement: 34/40 (cut-off 26)". Clear of the bar it is a pass,
// whatever share of the scale it is; a bare pass ("Written test: 62 (pass 60)") or less is the shortfall.
const MARK_AGAINST_BAR = new RegExp(
  String.raw`${LABELLED_TOPIC}(?<score>\d+(?:\.\d+)?)\s*(?:(?:\/|out\s+of)\s*\d+|%|[a-z]{1,5})?\s*\(\s*(?:pass(?:\s+mark)?|min(?:imum)?|cut-?off|threshold|bar|required)\s*:?\s*(?<bar>\d+(?:\.\d+)?)\s*(?:%|[a-z]{1,5})?\s*\)\s*(?:[,;\u2013\u2014-]\s*(?:ticks?|pass(?:ed)?|met|through|cleared)\s*)?[.!]?\s*$`,
  'i',
);
const CLEAR_OF_BAR = 1.1;
const PLUS_LINE = /^\s*\+\s*[\p{L}\p{N}]/u;
// A mark at or above this share of the scale is a strength.
const STRONG_MARK = 0.8;

/** Whether a line of a score sheet marks a strength: a tick, a pass, a mark in the top fifth or clear of its pass mark, a plus line. */
export function markedAsStrength(text: string): boolean {
  if (PLUS_LINE.test(text)) return true;
  const line = straightenQuotes(text);
  const barred = MARK_AGAINST_BAR.exec(line)?.groups;
  // The form is the score sheet's, so its label may be a gerund ("Typing speed"), which isBareTopic takes for a verb.
  if (barred && words(barred.topic!).length <= LABEL_MOST_WORDS) return Number(barred.score) >= CLEAR_OF_BAR * Number(barred.bar);
  const marked = MARKED_TOPIC.exec(line)?.groups;
  if (!marked || !isBareTopic(marked.topic!)) return false;
  if (marked.tick) return true;
  // A percentile is the share of the field below: in the top fifth it is a strength.
  if (marked.percentile) return Number(marked.percentile) >= STRONG_MARK * 100;
  const score = Number(marked.score);
  const of = Number(marked.of);
  return of > 1 && score <= of && score >= STRONG_MARK * of;
}
