// Finds a theme's cue phrases in a segment, as evidence for an adviser, with where each one is.
// Matching is case-insensitive and ignores word endings: words match when their stems agree
// ("rehearsal" ~ "rehearsed") or when the cue word is a prefix of the text's word ("rambl" matches
// "rambling", "relocat" "relocation"). The report highlights the ranges found here and nothing else.

import type { CueRange } from '../types.js';
import { stem, unifySpelling, words } from './lexical/text.js';
import { markupRanges } from './markup.js';

export interface CompiledCue {
  /** The cue as written in the taxonomy. */
  cue: string;
  words: string[];
  stems: string[];
}

/** Cue words shorter than this must match by stem, so "cv" does not match "cvs…"-like noise. */
const MIN_PREFIX = 4;

export function compileCues(cues: string[]): CompiledCue[] {
  return cues
    .map((cue) => {
      const w = words(cue).map(unifySpelling);
      return { cue, words: w, stems: w.map(stem) };
    })
    .filter((c) => c.words.length > 0);
}

export interface CueText {
  words: string[];
  stems: string[];
  /** [start, end) of the written token each word came from ("don't" gives two words, one span). */
  spans: Array<[number, number]>;
}

/** A written token: letters and digits joined by apostrophes or hyphens of any kind (as `words` reads them). */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['\u2018\u2019\u02bc`\u00b4\u2010-\u2015-][\p{L}\p{N}\p{M}]+)*/gu;

/** Words of `text` with their positions, leaving out those inside `skip` ranges (praise clauses). */
export function prepareCueText(text: string, skip: ReadonlyArray<readonly [number, number]> = []): CueText {
  const prepared: CueText = { words: [], stems: [], spans: [] };
  // Words inside markup are no evidence: "<script>" is not the cue "scripted".
  const skipped = [...skip, ...markupRanges(text)];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (skipped.some(([from, to]) => start >= from && start < to)) continue;
    const token = tokenOf(match[0]);
    for (let i = 0; i < token.words.length; i++) {
      prepared.words.push(token.words[i]!);
      prepared.stems.push(token.stems[i]!);
      prepared.spans.push([start, end]);
    }
  }
  return prepared;
}

/** A written token's words (spelling unified) and stems, worked out once per token: feedback repeats its vocabulary. */
const tokens = new Map<string, { words: string[]; stems: string[] }>();
const TOKEN_MEMO_LIMIT = 200_000;

function tokenOf(written: string): { words: string[]; stems: string[] } {
  let token = tokens.get(written);
  if (token === undefined) {
    const unified = words(written).map(unifySpelling);
    token = { words: unified, stems: unified.map(stem) };
    if (tokens.size < TOKEN_MEMO_LIMIT) tokens.set(written, token);
  }
  return token;
}

/** Every occurrence of every cue in `text`, in text order (cues in taxonomy order at one place). */
export function findCueRanges(compiled: CompiledCue[], text: string | CueText): CueRange[] {
  const prepared = typeof text === 'string' ? prepareCueText(text) : text;
  const ranges: CueRange[] = [];
  for (const cue of compiled) {
    for (const at of occurrences(prepared, cue)) {
      ranges.push({ cue: cue.cue, start: prepared.spans[at]![0], end: prepared.spans[at + cue.words.length - 1]![1] });
    }
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Cues found in `text` (each once, in taxonomy order). */
export function findCues(compiled: CompiledCue[], text: string | CueText): string[] {
  const found = new Set(findCueRanges(compiled, text).map((range) => range.cue));
  return compiled.filter((c) => found.has(c.cue)).map((c) => c.cue);
}

/** A text's stems, and every prefix of its words that a cue word may match by (MIN_PREFIX letters or more). */
interface FirstWordIndex {
  stems: Set<string>;
  prefixes: Set<string>;
}

const firstWordIndexes = new WeakMap<CueText, FirstWordIndex>();

function firstWordIndex(text: CueText): FirstWordIndex {
  let index = firstWordIndexes.get(text);
  if (!index) {
    index = { stems: new Set(text.stems), prefixes: new Set() };
    for (const word of text.words) for (let end = MIN_PREFIX; end <= word.length; end++) index.prefixes.add(word.slice(0, end));
    firstWordIndexes.set(text, index);
  }
  return index;
}

/** Whether some word of the text matches the cue's first word (as occursAt matches it): else the cue cannot occur. */
function mayOccur(text: CueText, cue: CompiledCue): boolean {
  const index = firstWordIndex(text);
  const first = cue.words[0]!;
  return index.stems.has(cue.stems[0]!) || (first.length >= MIN_PREFIX && index.prefixes.has(first));
}

/** How many of the cues occur in `text` at least once (a theme head's evidence; no ranges needed). */
export function countCues(compiled: readonly CompiledCue[], text: CueText): number {
  let count = 0;
  for (const cue of compiled) {
    // Most cues' first word is nowhere in the text: one look-up instead of a pass over its words.
    if (!mayOccur(text, cue)) continue;
    for (let i = 0; i + cue.words.length <= text.words.length; i++) {
      if (occursAt(text, cue, i)) {
        count++;
        break;
      }
    }
  }
  return count;
}

function occurrences(text: CueText, cue: CompiledCue): number[] {
  const found: number[] = [];
  if (!mayOccur(text, cue)) return found;
  for (let i = 0; i + cue.words.length <= text.words.length; i++) if (occursAt(text, cue, i)) found.push(i);
  return found;
}

/** Whether the cue's words begin at word `i` of the text. */
function occursAt(text: CueText, cue: CompiledCue, i: number): boolean {
  for (let j = 0; j < cue.words.length; j++) {
    const word = text.words[i + j]!;
    const same = text.stems[i + j] === cue.stems[j] || (cue.words[j]!.length >= MIN_PREFIX && word.startsWith(cue.words[j]!));
    if (!same) return false;
  }
  return true;
}
