// Light clean-up of feedback text: what a reader would not notice is removed (odd spaces,
// invisible characters, runs of blank lines, an HTML email's formatting: email-body.ts); words and
// punctuation are left as written.

import { emailBodyText } from './email-body.js';
import { withoutEmailClutter } from './email-clutter.js';

/** Trim, turn every kind of space into one space, keep line breaks (at most one blank line). */
// Anything normaliseText would change besides the ends; most texts have none of it.
const NEEDS_WORK =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
  /[\r\n\t\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00A0\u00AD\u1680\u2000-\u200F\u202A-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF]| {2}/;
/**
 * Characters nobody sees: zero-width spaces and joiners, the soft hyphen, the byte-order mark, and
 * the marks that reorder text right to left (U+202E shows "Interview" as written but reads otherwise,
 * and can disguise a value in a spreadsheet). Gone from every value and text, so "S\u200B77" is S77.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]/g;

export function normaliseText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value.trim();
  return (
    value
      .replace(/\r\n?/g, '\n')
      // A terminal's colour or cursor codes pasted with the text ("\x1b[31m") are no words: gone whole.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts them
      .replace(/\u001B\[[0-9;?]{0,16}[A-Za-z]/g, '')
      .replace(INVISIBLE, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters become spaces
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
      .replace(/[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** A value for an optional column: one line, single spaces, empty → null. */
export function normaliseValue(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const cleaned = value
    .replace(INVISIBLE, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character (NUL) in a value becomes a space
    .replace(/[\s\u0000-\u001F\u007F]+/g, ' ')
    .trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Normalise and shorten a text to at most `maxChars`, cutting after the last sentence end in the
 * final 40% of the allowance, else at the last space in the final 20%, else exactly at the limit.
 * `prepare` (redaction) sees the text before any cut, so a cut never leaves half an address.
 */
export function cleanText(
  value: string,
  maxChars: number,
  prepare?: (text: string) => string,
): { text: string; truncated: boolean; emailClutter?: true } {
  // Normalising megabytes only to throw most of them away is wasteful: look at a prefix, ending
  // at a space so that no word (or address) is split at its end.
  const window = Math.max(maxChars * 4, 4096);
  const cut = value.length > window;
  const lastSpace = cut ? value.slice(0, window).search(/\s\S*$/) : -1;
  const prefix = cut ? value.slice(0, lastSpace > window * 0.9 ? lastSpace : window) : value;
  // A pasted email's header, signature, disclaimer and "Sent from my iPhone" are no feedback (email-clutter.ts).
  const { text: normalised, removed } = withoutEmailClutter(normaliseText(emailBodyText(prefix)));
  const clutter = removed ? { emailClutter: true as const } : {};
  if (normalised.length <= maxChars && !cut) return { text: normalised, truncated: false, ...clutter };
  const text = prepare ? prepare(normalised) : normalised;
  if (text.length <= maxChars && !cut) return { text, truncated: false, ...clutter };
  return { text: truncateAtBoundary(text, maxChars), truncated: true, ...clutter };
}

export function truncateAtBoundary(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars + 1);
  const sentenceFloor = Math.floor(maxChars * 0.6);
  let best = -1;
  const sentenceEnd = /[.!?…](?:["'”’)\]]*)(?=\s)/g;
  for (let m = sentenceEnd.exec(head); m; m = sentenceEnd.exec(head)) {
    const end = m.index + m[0].length;
    if (end <= maxChars && end >= sentenceFloor) best = end;
  }
  if (best > 0) return text.slice(0, best).trimEnd();
  const space = head.lastIndexOf(' ', maxChars);
  const newline = head.lastIndexOf('\n', maxChars);
  const wordEnd = Math.max(space, newline);
  if (wordEnd >= Math.floor(maxChars * 0.8)) return text.slice(0, wordEnd).trimEnd();
  // No boundary near the limit: cut there, but never between the halves of a surrogate pair.
  let end = maxChars;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}
