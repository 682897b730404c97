// Finds a theme's cue phrases in a segment, as evidence for an adviser. Matching is by word stems
// and case-insensitive, so "over-rehearsed" matches "Over rehearsed" and "rehearsal" matches "rehearsed".

import { stemAll } from './lexical/text.js';

export interface CompiledCue {
  /** The cue as written in the taxonomy. */
  cue: string;
  stems: string[];
}

export function compileCues(cues: string[]): CompiledCue[] {
  return cues.map((cue) => ({ cue, stems: stemAll(cue) })).filter((c) => c.stems.length > 0);
}

/** Cues found in `text` (each once, in taxonomy order). Pass pre-stemmed words to avoid re-stemming. */
export function findCues(compiled: CompiledCue[], text: string | string[]): string[] {
  const stems = typeof text === 'string' ? stemAll(text) : text;
  return compiled.filter((c) => containsSequence(stems, c.stems)).map((c) => c.cue);
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
