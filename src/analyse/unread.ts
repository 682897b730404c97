// Feedback the model cannot read: written in another language (Welsh, French, Spanish, Hindi in
// Latin script…: the model and the taxonomy's exemplars are English, so its nearest theme is a
// guess), or only pointing to feedback kept elsewhere (a link, "see attached"). Whatever theme the
// classifier gave such an item is kept but stated only as "possibly": never counted as sure, never
// the basis of a student's follow-up row or advice. The adviser is told which rows, by file and line.
import { basename } from 'node:path';
import { namedLines } from '../ingest/date-range.js';
import { isEnglishWord } from '../redact/name-list.js';
import type { ClassifiedItem, IngestFileReport } from '../types.js';

export type Unread = NonNullable<ClassifiedItem['unread']>;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
/** The same, to test for: without the global flag, whose last index would carry from one text to the next. */
const HAS_URL = new RegExp(URL_PATTERN.source, 'iu');
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const wordCount = (text: string) => (text.match(WORD) ?? []).length;
// Redaction placeholders ("[name]", "[email]") are the tool's words, not the writer's.
const PLACEHOLDER = /\[[a-z-]+\]/g;
/** "See attached", "Please refer to the attached letter", "Feedback in the email sent 3 May", "As per link". */
const POINTER =
  /^(?:(?:please|pls|kindly)\s+)?(?:(?:see|refer\s+to|find|read|check|per|as\s+per|feedback\s+(?:is\s+)?(?:in|on|at|via)|sent\s+(?:by|via|in))\s+)(?:the\s+|my\s+|our\s+|this\s+)?(?:attached|attachment|enclosed|email|e-mail|letter|link|document|doc|file|pdf|portal|notes?|form)\b/iu;
/** At most this many words after the pointer, in the same sentence: "see attached letter for the panel's notes" is still one. */
const POINTER_TAIL_WORDS = 6;
/** Evidence of another language: this many distinct words that are not English, and more of them than English ones. */
const FOREIGN_WORDS = 3;

/**
 * A word that counts against English: four letters or more, written in lowercase (a capitalised or
 * all-capital word may be a name, an employer or a code: "Saltmarsh", "HGV"), and no common English
 * word, with an elided article taken off ("d'exemples"). Shorthand (exp, req, yrs) is shorter.
 */
function foreignLooking(word: string): boolean {
  const bare = word.replace(/^\p{L}{1,2}['’]/u, '');
  return bare.length >= 4 && bare === bare.toLowerCase() && !isEnglishWord(bare);
}

function englishLooking(word: string): boolean {
  const lower = word.toLowerCase();
  return isEnglishWord(lower) || isEnglishWord(lower.replace(/['’].*$/u, ''));
}

/** Thanks and sign-offs around a pointer ("Thank you. Please see the attached letter. Kind regards"). */
const COURTESY =
  /^(?:(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:for|again)\b.*)?|(?:kind|best|warm)\s+regards|regards|best\s+wishes|all\s+the\s+best|dear\s+\S+|hi|hello)$/iu;
const COURTESY_WORDS = 8;

/**
 * The text only points to feedback kept elsewhere: a sentence that is a pointer (nothing after it but
 * a few words of that sentence: "See attached. Too vague." gives a reason) and the rest thanks.
 */
function onlyPoints(text: string): boolean {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim().replace(/[.!:;,\s]+$/u, ''))
    .filter((sentence) => wordCount(sentence) > 0);
  const isPointer = (sentence: string) => {
    const pointer = POINTER.exec(sentence);
    if (!pointer) return false;
    const tail = sentence.slice(pointer[0].length);
    return !/[:;–—]|\s-\s/u.test(tail) && wordCount(tail) <= POINTER_TAIL_WORDS;
  };
  const isCourtesy = (sentence: string) => COURTESY.test(sentence) && wordCount(sentence) <= COURTESY_WORDS;
  return sentences.some(isPointer) && sentences.every((sentence) => isPointer(sentence) || isCourtesy(sentence));
}

/** Why the model cannot read `text`, or null when it can (or there is nothing to read: a blank reply). */
export function unreadBy(text: string): Unread | null {
  const withoutLinks = text.replace(URL_PATTERN, ' ').replace(PLACEHOLDER, ' ');
  const words = withoutLinks.match(WORD) ?? [];
  if (words.length === 0) return HAS_URL.test(text) ? 'elsewhere' : null;
  if (onlyPoints(withoutLinks)) return 'elsewhere';
  // Distinct words: shorthand said twice ("24 mths vs 60 mths") is one word, not two.
  const foreign = new Set(words.filter(foreignLooking).map((word) => word.toLowerCase())).size;
  const english = words.filter(englishLooking).length;
  return foreign >= FOREIGN_WORDS && foreign > english ? 'other-language' : null;
}

export interface UnreadRow {
  id: string;
  source: string;
  line: number;
  why: Unread;
}

/**
 * The items with every theme of the unreadable ones made tentative ("possibly"), and those items'
 * rows. An item with no theme keeps none; a blank reply is not unreadable (it is "no feedback given").
 */
export function setAsideUnread(classified: readonly ClassifiedItem[]): { classified: ClassifiedItem[]; unread: UnreadRow[] } {
  const unread: UnreadRow[] = [];
  const out = classified.map((entry) => {
    const why = entry.item.noText ? null : unreadBy(entry.item.text);
    if (why === null) return entry;
    unread.push({ id: entry.item.id, source: entry.item.source, line: entry.item.line, why });
    return { ...entry, unread: why, themes: entry.themes.map((theme) => ({ ...theme, tentative: true as const })) };
  });
  return { classified: out, unread };
}

/** The data-quality notes, one per file and kind: where, never what. */
export function unreadNotes(unread: readonly UnreadRow[], files: readonly IngestFileReport[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const file of files) {
    for (const why of ['other-language', 'elsewhere'] as const) {
      const lines = unread.filter((row) => row.source === file.source && row.why === why).map((row) => row.line);
      if (lines.length === 0) continue;
      const rows = `${lines.length} row${lines.length === 1 ? '' : 's'} (${namedLines(lines)})`;
      const note =
        why === 'other-language'
          ? `${rows} of feedback not in English, which the model cannot read: any theme found there is counted in the report only as "possibly", and left off the follow-up list and the student's page; read ${lines.length === 1 ? 'it' : 'them'} yourself`
          : `${rows} of feedback that only points elsewhere (a link, "see attached"): the reasons are not in the export; any theme found there is counted in the report only as "possibly", and left off the follow-up list and the student's page; read the attachment or link yourself`;
      notes.set(file.source, [...(notes.get(file.source) ?? []), note]);
    }
  }
  return notes;
}

/**
 * The run's items with unreadable feedback set aside (setAsideUnread), those that can be read, its file reports with a note
 * naming those rows, and the same notes as warnings for stderr (`name.csv: …`).
 */
export function withUnreadSetAside(
  classified: readonly ClassifiedItem[],
  files: readonly IngestFileReport[],
): { classified: ClassifiedItem[]; readable: ClassifiedItem[]; files: IngestFileReport[]; warnings: string[] } {
  const { classified: setAside, unread } = setAsideUnread(classified);
  const notes = unreadNotes(unread, files);
  const unreadIds = new Set(unread.map((row) => row.id));
  return {
    classified: setAside,
    // What discovery groups: text it cannot read would form a group of its own ("the taxonomy may be missing" Welsh).
    readable: setAside.filter((entry) => !unreadIds.has(entry.item.id)),
    files: files.map((file) => (notes.has(file.source) ? { ...file, notes: [...file.notes, ...notes.get(file.source)!] } : file)),
    warnings: [...notes].flatMap(([source, list]) => list.map((note) => `${basename(source)}: ${note}`)),
  };
}
