// Splits one feedback text into sentence-sized segments, keeping offsets into the original text so
// evidence can be highlighted. Themes are assigned per segment, so a segment should carry one idea:
// lines and bullets are split first, then sentences, and over-long sentences at `;`/`,`.

import type { Segment } from '../types.js';
import { quotedRanges } from './quoted.js';

/** A sentence longer than this is cut at clause boundaries so one segment stays bounded. */
export const MAX_SEGMENT_CHARS = 400;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Words that end in a full stop without ending the sentence; the segmenter splits after some of them.
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'etc',
  'vs',
  'no',
  'inc',
  'ltd',
  'jr',
  'sr',
  'approx',
  'dept',
  'co',
  'fig',
  'e.g',
  'i.e',
]);

// A bullet or list marker at the start of a line: -, *, •, ·, ▪, –, "1.", "1)", "a)".
const BULLET_AT_START = /^(?:[-*•·▪‣◦–—]+|\(?\d{1,2}[.)]|\(?[a-z][)])\s+/i;
// Bullets that are written inline ("… clear • Little research …") also start a new piece.
const INLINE_BULLET = /\s[•·▪‣◦]\s/g;

interface Piece {
  start: number;
  end: number;
}

export function segmentText(itemId: string, text: string): Segment[] {
  const pieces: Piece[] = [];
  // A reply's quoted earlier email is no feedback (quoted.ts).
  const quoted = quotedRanges(text);
  const isQuoted = (piece: Piece) => quoted.some(([start, end]) => piece.start >= start && piece.end <= end);
  for (const block of splitBlocks(text)) {
    const sentences: Piece[] = [];
    for (const s of sentenceSegmenter.segment(text.slice(block.start, block.end))) {
      const piece = trimPiece(text, block.start + s.index, block.start + s.index + s.segment.length);
      if (piece && hasWordCharacter(text, piece) && !isQuoted(piece)) sentences.push(piece);
    }
    for (const sentence of mergeBrokenFragments(text, sentences)) {
      pieces.push(...splitLongPiece(text, sentence));
    }
  }
  return pieces.map((p, index) => ({ itemId, index, text: text.slice(p.start, p.end), start: p.start, end: p.end }));
}

/** Lines, then bullets within a line; each block has its bullet marker removed. */
function splitBlocks(text: string): Piece[] {
  const blocks: Piece[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let lineStart = 0;
  const pushLine = (start: number, end: number) => {
    let cursor = start;
    for (const match of text.slice(start, end).matchAll(INLINE_BULLET)) {
      const bulletAt = start + match.index!;
      pushBlock(cursor, bulletAt);
      cursor = bulletAt + match[0].length;
    }
    pushBlock(cursor, end);
  };
  const pushBlock = (start: number, end: number) => {
    const trimmed = trimPiece(text, start, end);
    if (!trimmed) return;
    const bullet = BULLET_AT_START.exec(text.slice(trimmed.start, trimmed.end));
    if (bullet) trimmed.start += bullet[0].length;
    if (trimmed.start < trimmed.end) blocks.push(trimmed);
  };
  for (const match of text.matchAll(lineBreak)) {
    pushLine(lineStart, match.index!);
    lineStart = match.index! + match[0].length;
  }
  pushLine(lineStart, text.length);
  return blocks;
}

function trimPiece(text: string, start: number, end: number): Piece | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

function hasWordCharacter(text: string, piece: Piece): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(piece.start, piece.end));
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * The segmenter sometimes cuts after an abbreviation ("Dr.") or leaves a stub without terminal
 * punctuation; such a fragment joins the next sentence. Short complete sentences ("Too junior.",
 * "Thanks.") stay on their own: they are a reason or boilerplate in their own right.
 */
function mergeBrokenFragments(text: string, sentences: Piece[]): Piece[] {
  const out: Piece[] = [];
  let pending: Piece | null = null;
  for (const sentence of sentences) {
    const current: Piece = pending ? { start: pending.start, end: sentence.end } : sentence;
    pending = null;
    const body = text.slice(current.start, current.end);
    if ((wordCount(body) <= 2 && isBroken(body)) || TITLE_AT_END.test(body)) pending = current;
    else out.push(current);
  }
  if (pending) out.push(pending);
  return out;
}

// A title before a name never ends a sentence, however long the fragment: "Candidate said the
// interviewer Mr. Verma was eating…".
const TITLE_AT_END = /\b(?:mr|mrs|ms|dr|prof)\.\s*$/i;

function isBroken(fragment: string): boolean {
  const lastWord = fragment.trim().split(/\s+/).pop()!.toLowerCase();
  if (lastWord.endsWith('.') && ABBREVIATIONS.has(lastWord.slice(0, -1))) return true;
  if (/^[\p{L}]\.$/u.test(lastWord)) return true; // an initial: "J."
  return !/[.!?…:"'”’)\]]$/.test(fragment.trim());
}

/** Cuts a long sentence at `;`, then `,`, then spaces, greedily, so each part is ≤ MAX_SEGMENT_CHARS. */
function splitLongPiece(text: string, piece: Piece): Piece[] {
  if (piece.end - piece.start <= MAX_SEGMENT_CHARS) return [piece];
  for (const boundary of [/[;:]\s+/g, /,\s+/g, /\s+/g]) {
    const cuts = boundaryCuts(text, piece, boundary);
    if (cuts.length === 0) continue;
    const parts: Piece[] = [];
    let start = piece.start;
    let lastCut = -1;
    for (const cut of cuts) {
      if (cut - start > MAX_SEGMENT_CHARS && lastCut > start) {
        parts.push({ start, end: lastCut });
        start = lastCut;
      }
      lastCut = cut;
    }
    if (piece.end - start > MAX_SEGMENT_CHARS && lastCut > start) {
      parts.push({ start, end: lastCut });
      start = lastCut;
    }
    parts.push({ start, end: piece.end });
    const trimmed = parts.map((p) => trimPiece(text, p.start, p.end)).filter((p): p is Piece => p !== null && hasWordCharacter(text, p));
    // A part may still be too long when the coarser boundary is sparse; refine it with the finer ones.
    return trimmed.flatMap((p) => (p.end - p.start > MAX_SEGMENT_CHARS && boundary.source !== '\\s+' ? splitLongPiece(text, p) : [p]));
  }
  // One unbroken run of characters: hard cut.
  const parts: Piece[] = [];
  for (let start = piece.start; start < piece.end; start += MAX_SEGMENT_CHARS) {
    parts.push({ start, end: Math.min(piece.end, start + MAX_SEGMENT_CHARS) });
  }
  return parts;
}

/** Offsets just after each boundary match inside the piece (where the next part starts). */
function boundaryCuts(text: string, piece: Piece, boundary: RegExp): number[] {
  const cuts: number[] = [];
  const body = text.slice(piece.start, piece.end);
  for (const match of body.matchAll(boundary)) {
    const cut = piece.start + match.index! + match[0].length;
    if (cut < piece.end) cuts.push(cut);
  }
  return cuts;
}

// Clause boundaries inside one sentence: semicolons, colons, dashes, and a comma followed by a
// conjunction ("…, and …", "…, but …", "…, which …").
// After a comma, a word that opens a second clause: a conjunction, or the turn to the real reason
// ("…backed up w/ examples, just dont have the 2 yrs we need", "…, unfortunately the hours…", "…, only
// thing is the shift timings…"). "re:" (regarding) is no boundary. "But" turns a sentence with or
// without a comma ("was on time for the video round but had not read…"), except in "all but",
// "nothing but" and "not only… but also".
const CLAUSE_BOUNDARY =
  /\s*[;—–]\s+|(?<!\bre):\s+|\s+-\s+|,\s+(?=(?:and|but|so|while|whilst|which|as|because|or|yet|although|though|plus|however|unfortunately|sadly|just|only|except|whereas)\b)|(?<![,\s]|\b(?:all|nothing|anything|everything|none))\s+(?=but\s+(?!also\b))/gi;
const MIN_CLAUSE_WORDS = 4;
// Shorthand often starts its sentences in lower case ("cv was great. it was the interview that…"),
// which the sentence segmenter does not split: a full stop after a word, then a lower-case word.
const LOWERCASE_SENTENCE = /(?<=\b([\p{L}]{2,})[.!?])\s+(?=\p{Ll})/u;

function lowercaseSentences(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  for (let match = LOWERCASE_SENTENCE.exec(rest); match; match = LOWERCASE_SENTENCE.exec(rest)) {
    if (ABBREVIATIONS.has(match[1]!.toLowerCase())) {
      // "etc. and": not a sentence end; look on after it.
      const after = rest.slice(match.index + match[0].length);
      const split = lowercaseSentences(after);
      out.push(`${rest.slice(0, match.index)}${match[0]}${split[0] ?? ''}`, ...split.slice(1));
      return out;
    }
    out.push(rest.slice(0, match.index));
    rest = rest.slice(match.index + match[0].length);
  }
  out.push(rest);
  return out;
}

/**
 * The clauses of a sentence that are long enough to stand alone, or [] when it has only one.
 * One sentence often carries two reasons ("You're short of the experience we need, and your salary
 * expectation is above what we can offer"); scoring each clause as well keeps both from diluting.
 */
export function clausesOf(text: string): string[] {
  const parts = lowercaseSentences(text)
    .flatMap((sentence) => sentence.split(CLAUSE_BOUNDARY))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const clauses: string[] = [];
  for (const part of parts) {
    // A fragment too short to mean anything on its own stays with the clause before it.
    if (clauses.length > 0 && wordCount(part) < MIN_CLAUSE_WORDS) clauses[clauses.length - 1] += ` ${part}`;
    else clauses.push(part);
  }
  if (clauses.length > 1 && wordCount(clauses[0]!) < MIN_CLAUSE_WORDS) {
    clauses[1] = `${clauses[0]} ${clauses[1]}`;
    clauses.shift();
  }
  return clauses.length > 1 ? clauses : [];
}
