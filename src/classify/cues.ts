// Finds a theme's cue phrases in a segment, as evidence for an adviser. Matching is case-insensitive
// and ignores word endings: words match when their stems agree ("rehearsal" ~ "rehearsed") or when
// the cue word is a prefix of the text's word ("rambl" matches "rambling", "relocat" "relocation").

import { stem, unifySpelling, words } from './lexical/text.js';

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
}

export function prepareCueText(text: string): CueText {
  const w = words(text).map(unifySpelling);
  return { words: w, stems: w.map(stem) };
}

/** Cues found in `text` (each once, in taxonomy order). */
export function findCues(compiled: CompiledCue[], text: string | CueText): string[] {
  const prepared = typeof text === 'string' ? prepareCueText(text) : text;
  return compiled.filter((c) => containsCue(prepared, c)).map((c) => c.cue);
}

function containsCue(text: CueText, cue: CompiledCue): boolean {
  outer: for (let i = 0; i + cue.words.length <= text.words.length; i++) {
    for (let j = 0; j < cue.words.length; j++) {
      const word = text.words[i + j]!;
      const same = text.stems[i + j] === cue.stems[j] || (cue.words[j]!.length >= MIN_PREFIX && word.startsWith(cue.words[j]!));
      if (!same) continue outer;
    }
    return true;
  }
  return false;
}
