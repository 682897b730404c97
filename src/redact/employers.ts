// The row's own employer (its employer column) as feedback names it: never hidden as a person.
import { escapeRegExp } from './text.js';

/** "Hartwell & Co Ltd" → "Hartwell & Co": an employer as feedback writes it. */
const LEGAL_FORM = /(?:[\s,]+(?:ltd|limited|llp|plc|inc|llc|gmbh|group|uk))+\.?$/iu;

/** Where the row's employer (its employer column) is named in the text: kept even when named like a person. */
export function employerSpans(text: string, employers: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const value of employers) {
    const name = value.trim().replace(LEGAL_FORM, '');
    if (name.length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}
