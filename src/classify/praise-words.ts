// What counts as a word of praise, in which forms, and the uses of such words that are not praise.
import { stem } from './lexical/text.js';

const PRAISE_WORDS = new Set(
  // Manners and presentation on the day, so "you arrived on time and were very polite, but…" is praise.
  (
    'excellent strong impressive impressed great good well solid positive pleased satisfactory acceptable decent ' +
    'fab superb outstanding fantastic brilliant wonderful superb exceptional commendable appreciated polished ' +
    'thorough articulate confident engaging friendly enthusiastic passionate knowledgeable competent capable ' +
    'talented credible nice lovely perfect high-quality well-prepared well-written well-structured praised ' +
    'admired valued terrific stellar polite courteous punctual smartly faultless flawless impeccable glowing ' +
    'refreshing infectious convincing ideal insightful thoughtful composed well-organised'
  ).split(' '),
);

// A praise word matches its own longer forms ("confident" ~ "confidently", "impressive" ~
// "impressively"), not every word that shares its stem: "position" is not "positive", "Excel" not
// "excellent", "knowledge" not "knowledgeable", "thought" not "thoughtful".
const PRAISE_BY_STEM = new Map<string, string[]>();
for (const word of PRAISE_WORDS) PRAISE_BY_STEM.set(stem(word), [...(PRAISE_BY_STEM.get(stem(word)) ?? []), word.replace(/e$/, '')]);
/** Whether a word is a praise word or one of its longer forms. */
export function isPraiseWord(token: string): boolean {
  return PRAISE_BY_STEM.get(stem(token))?.some((word) => token.startsWith(word)) ?? false;
}
// Verbs of liking count only in the past tense: "like" is more often a comparison ("it felt like you
// were reciting"), and "like", "likely" and "liked" share a stem.
// "personable" only as written: its stem is "person" ("the person we appointed").
// Adverbs of praise are listed as written ("clearly" and "strongly" are not praise).
const PRAISE_EXACT = new Set(
  'liked loved enjoyed appreciated admired valued raved personable brilliantly impressively convincingly superbly excellently articulately'.split(
    ' ',
  ),
);

const LIKE_FORMS = new Set('like likes likely liking love loves loving enjoy enjoys enjoying value values appreciate admire'.split(' '));

/** Whether some token is a praise word (in its forms, or an exact one); verbs of liking only in the past tense. */
export function holdsPraiseWord(tokens: readonly string[]): boolean {
  return tokens.some((t) => PRAISE_EXACT.has(t) || (!LIKE_FORMS.has(t) && isPraiseWord(t)));
}

// Words of praise used as something else: a quantity ("wandered a great deal", "a good few
// minutes"), a degree that only says how far short or late ("lost the thread well before you
// finished", "well over the time"; not "well above the pass mark", "well within time", which may
// praise), a hedge ("may well", "as well") or an interjection ("'well, generally I'd…'"). Read as
// praise they made a whole criticism praise, and the item gave no reason.
const IDIOMS =
  /\ba\s+(?:great|good)\s+(?:deal|many|few|while|bit|way|number|amount|part|half|hour|minutes?)\b|\bwell\s+(?=(?:before|after|past|over|short|below|behind|outside)\b)|\b(?:as|may|might|could)\s+well\b|(?:^|[.;:,!?"'‘“(]\s*|\.\.\.\s*)well\s*(?:,|\.\.\.|…)/giu;

/** `text` with such uses blanked (same length, so offsets stay): what is left praises, if anything does. */
export function withoutPraiseIdioms(text: string): string {
  return text.replace(IDIOMS, (idiom) => ' '.repeat(idiom.length));
}
