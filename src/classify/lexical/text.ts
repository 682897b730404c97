// Word-level text normalisation shared by the lexical embedder, cue matching and praise detection:
// lower case, straight quotes, British → one spelling, negative contractions → "not", Porter stems.

import { stemmer } from 'stemmer';
import { own } from '../../own.js';

/** Function words that carry no theme. Negations and contrast words are deliberately absent. */
export const STOP_WORDS = new Set(
  (
    'a an the and or of to in on at by for with from into onto as is are was were be been being am ' +
    "this that these those it its it's i me my we us our ours you your yours he him his she her they them their " +
    'there here what which who whom whose when where why how ' +
    'do does did done doing have has had having will would shall should can could may might must ' +
    'so such than then very just also some any all each both either neither other another same own ' +
    'about above after again against before below between during over under up down out off through ' +
    'if while because until once only further ' +
    'ms mr mrs dear hi hello regards kind best sincerely thank thanks' +
    ' s t d ll m re ve'
  ).split(/\s+/),
);

/** A count up to ten, in digits or words, as feedback counts years of work: "5", "five" (a regex source). */
export const COUNT_UP_TO_TEN = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;

/** Words that negate what follows; kept as tokens and used by praise detection. */
export const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nor',
  'without',
  'none',
  'nothing',
  'hardly',
  'barely',
  'lack',
  'lacked',
  'lacking',
  'lacks',
]);

const NEGATIVE_CONTRACTION = /^(.+)n't$/;
const IRREGULAR_CONTRACTIONS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  cannot: ['can', 'not'],
};

// Negative contractions typed without the apostrophe ("didnt", "wasnt") in quick messages.
const BARE_CONTRACTIONS = new Set([
  'didnt',
  'doesnt',
  'dont',
  'wasnt',
  'werent',
  'isnt',
  'arent',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'hasnt',
  'havent',
  'hadnt',
  'wont',
  'cant',
  'mustnt',
  'neednt',
]);

/**
 * Abbreviations and shorthand of feedback notes, spelled out so they meet the taxonomy's words:
 * "comms" is communication, "AC" an assessment centre, "yrs" years.
 */
export const ABBREVIATIONS: Record<string, string[]> = {
  comms: ['communication'],
  yrs: ['years'],
  yr: ['year'],
  exp: ['experience'],
  quals: ['qualifications'],
  qual: ['qualification'],
  uni: ['university'],
  tech: ['technical'],
  mgmt: ['management'],
  mgr: ['manager'],
  jd: ['job', 'description'],
  ac: ['assessment', 'centre'],
  wfh: ['work', 'from', 'home'],
  f2f: ['face', 'to', 'face'],
  reqs: ['requirements'],
  req: ['requirement'],
  info: ['information'],
  dept: ['department'],
  org: ['organisation'],
  govt: ['government'],
  ppl: ['people'],
  stats: ['statistics'],
  qs: ['questions'],
  prep: ['preparation'],
  convo: ['conversation'],
  pres: ['presentation'],
  ppt: ['presentation'],
  sal: ['salary'],
  ur: ['your'],
  u: ['you'],
  thx: ['thanks'],
  pls: ['please'],
  asap: ['as', 'soon', 'as', 'possible'],
  wrt: ['with', 'regard', 'to'],
  cvs: ['cv'],
};

/**
 * Shorthand "ur" and "u" spelled out as "your" and "you" (ABBREVIATIONS), for word rules whose
 * patterns name the candidate in full ("it wasn't ur answers that did it").
 */
export function spellOutPronouns(text: string): string {
  return text.replace(/\b(?:ur|u)\b(?!\.)/gi, (word) => ABBREVIATIONS[word.toLowerCase()]!.join(' '));
}

/** Curly and other apostrophes as the straight one, so that one pattern reads "didn’t" and "didn't". */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/** Lower-cased word tokens; "didn't" → "did", "not"; possessive "'s" dropped; accents removed. */
export function words(text: string): string[] {
  let normalised = straightenQuotes(text.toLowerCase()).replace(/[\u2010-\u2015]/g, '-');
  // "résumé" and "resume" are one word; only texts with non-ASCII letters pay for this.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII
  if (/[^\x00-\x7f]/.test(normalised)) normalised = normalised.normalize('NFD').replace(/\p{M}+/gu, '');
  const out: string[] = [];
  for (const match of normalised.matchAll(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu)) {
    for (const word of tokenWordsOnce(match[0])) out.push(word);
  }
  return out;
}

/** Feedback vocabularies are small and repetitive: a token's words, spellings and stems are worked out once. */
const MEMO_LIMIT = 200_000;

/**
 * `read` worked out once per text (for the first MEMO_LIMIT texts), for a pure function of a text
 * that a run asks again of the same texts: a token's words, spelling and stem; segmenting, the
 * clause-role reader and discovery each ask whether a clause is praise or a rule-out, and feedback
 * repeats its sentences and clauses.
 */
export function oncePerText<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    // One look-up when the text is known (the usual case on a hot path), two only for a known `undefined`.
    let value = known.get(text);
    if (value === undefined && !known.has(text)) {
      value = read(text);
      if (known.size < MEMO_LIMIT) known.set(text, value);
    }
    return value as T;
  };
}

const tokenWordsOnce = oncePerText(tokenWords);

/** The words of one lower-cased token of `words`. */
function tokenWords(written: string): readonly string[] {
  let token = written;
  const irregular = own(IRREGULAR_CONTRACTIONS, token);
  if (irregular) return irregular;
  const expanded = own(ABBREVIATIONS, token);
  if (expanded) return expanded;
  if (BARE_CONTRACTIONS.has(token)) return [token === 'wont' ? 'will' : token === 'cant' ? 'can' : token.slice(0, -2), 'not'];
  const negative = NEGATIVE_CONTRACTION.exec(token);
  if (negative) return [negative[1]!, 'not'];
  token = token.replace(/'(s|re|ve|ll|d|m)$/, '');
  // Hyphenated compounds count as their parts ("over-rehearsed" → over, rehearsed) and as a whole.
  if (token.includes('-')) return token.split('-').filter(Boolean);
  return [token.replace(/'/g, '')];
}

/** Hyphenated words joined ("over-rehearsed" → "overrehearsed"), for spellings written as one word. */
export function joinedCompounds(text: string): string[] {
  const found: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}]+(?:-[\p{L}]+)+/gu)) found.push(match[0].replace(/-/g, ''));
  return found;
}

/**
 * One spelling for British and American variants, applied the same way to every text, so it does
 * not matter whether the result is a real word: organised/organized, behaviour/behavior, centre/center.
 */
export function unifySpelling(word: string): string {
  return word.length < 5 ? word : unifiedSpelling(word);
}

const unifiedSpelling = oncePerText((word: string): string =>
  word
    .replace(/([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)$/, '$1iz$2')
    .replace(/([a-z]{2,})ys(e|ed|es|ing)$/, '$1yz$2')
    .replace(/([a-z]{3,})our(s|ed|ing|ite|ites|able)?$/, '$1or$2')
    .replace(/([a-z]{3,})tre(s)?$/, '$1ter$2')
    .replace(/^licen[cs]e/, 'license')
    .replace(/^practi[cs]e/, 'practice')
    .replace(/^programme/, 'program')
    .replace(/^judgement/, 'judgment'),
);

/** Porter stem of a normalised word (memoised: feedback vocabularies are small and repetitive). */
export const stem = oncePerText((word: string): string => stemmer(unifySpelling(word)));

/** Stems of every word, stop words included (for phrase matching). */
export function stemAll(text: string): string[] {
  return words(text).map(stem);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
