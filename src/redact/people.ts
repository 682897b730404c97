// Person names mentioned in passing ("Sam's answers were strong but …", "I spoke with Priya
// about …") → `[name]`, found by a maintained recogniser (compromise's `.people()`), not by rules
// of our own. The recogniser costs a load and about a millisecond a sentence, so it runs only on
// sentences with a capitalised word that is not an everyday English word
// (data/lexicon/common-words.txt): "The panel felt your Excel skills were weak." never reaches it.
// Places, companies and skills are left alone unless the recogniser takes them for a person;
// docs/privacy.md gives the measured rates.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NAME_PLACEHOLDER } from './text.js';

export const COMMON_WORDS_URL = new URL('../../data/lexicon/common-words.txt', import.meta.url);

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
type Recognise = (sentence: string) => { people(): { json(options: { offset: true }): { terms: Term[] }[] } };

let commonWords: Set<string> | null = null;
let recognise: Recognise | null = null;
/** Sentences handed to the recogniser since the process started (for the bench's cost line). */
export const recogniserCalls = { sentences: 0 };

function everyday(): Set<string> {
  commonWords ??= new Set(readFileSync(COMMON_WORDS_URL, 'utf8').split('\n').filter(Boolean));
  return commonWords;
}

/** Loaded on first need: most runs' text has no sentence that needs it. */
export function recogniser(): Recognise {
  try {
    recognise ??= createRequire(import.meta.url)('compromise') as Recognise;
  } catch (error) {
    // Without it names would reach the outputs: stop rather than carry on unredacted.
    throw new Error('the name recogniser (the npm package compromise) is not installed: run `npm ci` in the feedback-themes folder', {
      cause: error,
    });
  }
  return recognise;
}

/** Endings an everyday word may carry, and what undoes each. */
const ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/s$/, ''],
  [/es$/, ''],
  [/ed$/, ''],
  [/d$/, ''],
  [/ing$/, ''],
  [/ing$/, 'e'],
];

/** A word's everyday forms: "Answers" → answers, answer; "Interviewed" → interviewed, interview. */
function isEveryday(word: string, words: Set<string>): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (words.has(lower)) return true;
  return ENDINGS.some(([ending, replacement]) => ending.test(lower) && words.has(lower.replace(ending, replacement)));
}

const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’-]*/gu;

/** Whether a sentence holds a word that could be a name: capitalised, not an acronym, not an everyday word. */
export function mayNameSomeone(sentence: string): boolean {
  const words = everyday();
  for (const [word] of sentence.matchAll(CAPITALISED)) {
    if (word.length > 1 && word === word.toUpperCase()) continue; // SQL, CV, NHS: not a name
    if (!isEveryday(word, words)) return true;
  }
  return false;
}

/** Sentences (and lines) with their offsets: the recogniser reads one at a time. */
const SENTENCE = /[^.!?\n]+(?:[.!?]+|\n|$)/g;

/** Feedback repeats its sentences (boilerplate, templates): each distinct one is read once. */
const namesBySentence = new Map<string, [offset: number, name: string][]>();
const REMEMBERED_SENTENCES = 20_000;

/** Forgets what was read (the bench times the recogniser from cold each round). */
export function forgetReadSentences(): void {
  namesBySentence.clear();
}

/** The names the recogniser finds in one sentence, with their offsets; titles (Ms, Dr) and "'s" left out. */
function namesIn(sentence: string): [offset: number, name: string][] {
  const known = namesBySentence.get(sentence);
  if (known) return known;
  recogniserCalls.sentences += 1;
  const names: [number, string][] = [];
  for (const person of recogniser()(sentence).people().json({ offset: true })) {
    for (const term of person.terms) {
      if (term.tags.includes('Honorific') || !/^\p{Lu}/u.test(term.text)) continue;
      names.push([term.offset.start, term.text.replace(/['’]s$/, '')]);
    }
  }
  if (namesBySentence.size >= REMEMBERED_SENTENCES) namesBySentence.clear();
  namesBySentence.set(sentence, names);
  return names;
}

/** Replaces the person names the recogniser finds with `[name]`; titles (Ms, Dr) and "'s" stay. */
export function redactPeople(text: string): string {
  if (!/\p{Lu}/u.test(text)) return text;
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(SENTENCE)) {
    // Read without its leading spaces, so a sentence is the same wherever it stands.
    const sentence = match[0].trimStart();
    if (!mayNameSomeone(sentence)) continue;
    const at = match.index + match[0].length - sentence.length;
    for (const [offset, name] of namesIn(sentence)) {
      const start = at + offset;
      if (text.slice(start, start + name.length) === name) ranges.push([start, start + name.length]);
    }
  }
  if (ranges.length === 0) return text;
  // Half of a hyphenated compound ("Rolls-Royce") is a name only when the other half is one too
  // ("Smith-Jones"): a company named after its founders stays.
  const starts = new Set(ranges.map(([start]) => start));
  const ends = new Set(ranges.map(([, end]) => end));
  const whole = ranges.filter(
    ([start, end]) => (text[start - 1] !== '-' || ends.has(start - 1)) && (text[end] !== '-' || starts.has(end + 1)),
  );
  let out = '';
  let last = 0;
  for (const [start, end] of whole.sort((a, b) => a[0] - b[0])) {
    if (start < last) continue;
    out += text.slice(last, start) + NAME_PLACEHOLDER;
    last = end;
  }
  return out + text.slice(last);
}
