// Person names mentioned in passing ("Sam's answers were strong but …", "I spoke with Priya
// about …") → `[name]`, found by a maintained recogniser (compromise's `.people()`). It costs a
// load and about a millisecond a sentence, so it runs only on sentences with a capitalised word
// that is not an everyday English word (data/lexicon/common-words.txt): "The panel felt your Excel
// skills were weak." never reaches it. Its lexicon misses most names from outside the
// English-speaking world (Oluwaseun, Agnieszka, Xiaoming), so each sentence's words found in a
// broad list of names (name-list.ts) are handed to it as first names; names in lowercase shorthand
// ("spoke to anjali re: offer") are taken only beside a word that marks a person. Places ("the
// team in Chester") and employers named like people ("Grant Thornton", "Marks & Spencer") are left
// alone; docs/privacy.md gives the measured rates.
import {
  isAnyEnglishWord,
  isCommonWord,
  isEnglishWord,
  isEverydayForm,
  isEverydayElsewhere,
  isToolWord,
  type NameList,
  nameList,
  namedLikePeoplePattern,
} from './name-list.js';
import { AFTER_DETERMINER, AFTER_TITLE, readsAsOtherLanguage, TITLE_ELSEWHERE } from './other-languages.js';
import { NAME_PLACEHOLDER } from './placeholders.js';
import { peopleIn, recogniser } from './recogniser.js';
import { employerSpans } from './employers.js';
import { repeatedWordNames, wordNamesBefore, wordNamesIn } from './word-names.js';
import {
  ACTS_AFTER,
  ADDRESSED_PERSON,
  AFTER_ARTICLE,
  AFTER_PERSON,
  BEFORE_PERSON,
  BEFORE_PLACE,
  ENGLISH_PREFIXED,
  MET_PERSON,
  PERSON_CUE,
  SPEAKS,
  SPEAKS_ELSEWHERE,
} from './person-cues.js';

let givenNames: NameList | null = null;
/** Sentences handed to the recogniser since the process started (for the bench's cost line). */
export const recogniserCalls = { sentences: 0 };

const isEverydayEnglish = (lower: string) => isEnglishWord(lower) || isCommonWord(lower);

/** The recogniser and the lists it is told, loaded now (the bench times this). */
export function loadRecogniser(): void {
  nameWords();
}

/** What the recogniser's own lexicon says a lowercase word is (undefined: it does not know it). */
function knownAs(lower: string): string[] | undefined {
  const tags = recogniser().model().one.lexicon[lower];
  return tags === undefined ? undefined : ([] as string[]).concat(tags);
}

const PERSON_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'ProperNoun', 'Singular', 'Noun']);

/** The list's names less everyday words and words the recogniser knows as something else (a month, a region). */
function nameWords(): NameList {
  if (givenNames) return givenNames;
  recogniser(); // loaded with the lists, not inside the first sentence
  // Exact words only: the everyday forms would read "Aisling" as aisle + ing (the list of English
  // words name-list.ts applies holds the inflected forms).
  givenNames = nameList((lower) => !isCommonWord(lower) && (knownAs(lower) ?? []).every((tag) => PERSON_TAGS.has(tag)));
  return givenNames;
}

// Not after a letter and a dot: "M.Sc", "B.Tech" are degrees.
const CAPITALISED = /(?<![\p{L}\p{N}'’-])(?<!\p{L}\.)\p{Lu}[\p{L}'’-]*/gu;

/**
 * A word capitalised only because it starts the sentence, in a language other than English ("Tu as
 * bien fait", "Je was te nerveus", "Dein Lebenslauf …"): the list of names holds Tu, Je and Dein, but
 * here they are a pronoun and a possessive. Elsewhere in a sentence ("Hoang Tu said"), or before a
 * name ("De Souza said", "Tu Anh said"), they may be part of one.
 */
function grammaticalCapital(sentence: string, word: string, index: number): boolean {
  if (!isEverydayElsewhere(word.toLowerCase())) return false;
  // German writes its formal "you" with a capital anywhere ("wirkten Sie unsicher", "danken Ihnen").
  const atStart = /^[^\p{L}\p{N}]*$/u.test(sentence.slice(0, index));
  if (!atStart && !readsAsOtherLanguage(sentence, isEverydayEnglish)) return false;
  const next = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(sentence.slice(index + word.length))?.[1];
  return next === undefined || !(nameWords().has(next.toLowerCase()) || isPersonWord(next.toLowerCase()));
}

/** Whether a sentence holds a word that could be a name: capitalised, not an acronym, not an everyday word. */
export function mayNameSomeone(sentence: string): boolean {
  for (const { 0: word, index } of sentence.matchAll(CAPITALISED)) {
    if (word.length > 1 && word === word.toUpperCase()) continue; // SQL, CV, NHS: not a name
    if (!isEverydayForm(word) && !grammaticalCapital(sentence, word, index)) return true;
  }
  return false;
}

/** Sentences (and lines) with their offsets: the recogniser reads one at a time. */
// A dot inside a word ("M.Sc", "B.Tech", "example.com") does not end one.
const SENTENCE = /(?:[^.!?\n]|[.!?](?=[^\s.!?]))+(?:[.!?]+|\n|$)/g;

/** Feedback repeats its sentences (boilerplate, templates): each distinct one is read once. */
const namesBySentence = new Map<string, [offset: number, name: string][]>();
const REMEMBERED_SENTENCES = 20_000;

/** Forgets what was read (the bench times the recogniser from cold each round). */
export function forgetReadSentences(): void {
  namesBySentence.clear();
}

const WORD = /(?<![\p{L}\p{N}'’-])\p{L}[\p{L}'’-]*/gu;

/**
 * In a sentence of another language, whether a capitalised word only the broad list knows as a name
 * stands where a name stands: after a title, beside another name ("Anna Becker"), or before what only
 * a person does ("Anja meinte").
 */
function nameSupported(sentence: string, word: string, index: number, names: NameList): boolean {
  if (AFTER_TITLE.test(sentence.slice(0, index))) return true;
  if (SPEAKS_ELSEWHERE.test(sentence.slice(index + word.length))) return true;
  const isName = (other: string | undefined) =>
    other !== undefined &&
    !TITLE.test(other) &&
    NAME_SHAPE.test(other) &&
    (isPersonWord(other.toLowerCase()) || names.has(other.toLowerCase()));
  const before = /(\p{Lu}[\p{L}'’-]*)\s+$/u.exec(sentence.slice(0, index))?.[1];
  const after = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(sentence.slice(index + word.length))?.[1];
  return isName(before) || isName(after);
}

/** Names in lowercase shorthand, each beside a word that marks a person (or beside another such name); `known` as namesIn's. */
function lowercaseNamesIn(sentence: string, names: NameList, known: readonly string[]): [offset: number, name: string][] {
  const found: [number, string][] = [];
  let lastEnd = -2;
  // In another language the cues are other words ("met een", "met meer ervaring" is Dutch for "with"):
  // only a word the recogniser knows as a name counts there.
  const otherLanguage = readsAsOtherLanguage(sentence, isEverydayEnglish);
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/, '');
    if (!/^\p{Ll}+(?:-\p{Ll}+)?$/u.test(word)) continue;
    // Written so by some row: a name written in lowercase beside a cue there ("spoke to anjali").
    const shorthand = known.includes(word);
    const knownName = shorthand || known.some((name) => name.toLowerCase() === word);
    if (otherLanguage && (isEverydayElsewhere(word) || !(isPersonWord(word) || knownName))) continue;
    const named = knownName || names.has(word) || (isPersonWord(word) && !isCommonWord(word));
    if (!named && !(unlisted(word) && MET_PERSON.test(sentence.slice(0, match.index)))) continue;
    const joined = match.index === lastEnd + 1 && sentence[lastEnd] === ' ';
    const [preceding, following] = [sentence.slice(0, match.index), sentence.slice(match.index + word.length)];
    // A word of English ("rota", "robotics", "mid-interview") is a name only where nothing but a person stands.
    const ordinary = !knownName && word.split('-').every(isAnyEnglishWord);
    const before = ordinary ? ADDRESSED_PERSON.test(preceding) : BEFORE_PERSON.test(preceding);
    const after = ordinary ? ACTS_AFTER.test(following) : AFTER_PERSON.test(following);
    // Such a name needs no cue here ("anjali was impressed"), unless an article makes it a noun ("the anjali template").
    const told = shorthand && !AFTER_ARTICLE.test(preceding);
    if (word.length < 3 || ENGLISH_PREFIXED.test(word) || !((joined && !ordinary) || before || after || told)) continue;
    found.push([match.index, word]);
    lastEnd = match.index + word.length;
  }
  return found;
}

/** The sentence's capitalised words the list knows as names and the recogniser does not know at all. */
function unknownNames(sentence: string, names: NameList): Record<string, string> {
  const lexicon: Record<string, string> = {};
  const otherLanguage = readsAsOtherLanguage(sentence, isEverydayEnglish);
  for (const { 0: word, index } of sentence.matchAll(CAPITALISED)) {
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    // A capital inside a word (SaaS, LinkedIn, B.Tech) marks a brand or an abbreviation, not a name.
    if (!NAME_SHAPE.test(word) || TITLE.test(word) || knownAs(lower) !== undefined || grammaticalCapital(sentence, word, index)) continue;
    // A word no list holds is a name when what follows is something only a person does ("Fiifi felt").
    const speaks = () => unlisted(lower) && SPEAKS.test(sentence.slice(index + word.length));
    const listed =
      names.has(lower) &&
      !(otherLanguage && AFTER_DETERMINER.test(sentence.slice(0, index)) && !nameSupported(sentence, word, index, names));
    if (listed || speaks()) lexicon[lower] = 'FirstName';
  }
  // "Yaw and Efua": a word no list holds, joined by "and" to a name, is a name too.
  const isName = (lower: string) => lower in lexicon || isPersonWord(lower);
  for (const [, left, right] of sentence.matchAll(NAME_PAIR)) {
    const [a, b] = [left.toLowerCase(), right.toLowerCase()];
    if (isName(a) && unlisted(b)) lexicon[b] = 'FirstName';
    else if (isName(b) && unlisted(a)) lexicon[a] = 'FirstName';
  }
  return lexicon;
}

/** Capitals only at the start of a name or of its parts: Okafor, O'Brien, McAllister, Smith-Jones. */
const NAME_SHAPE = /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}\P{Lu}*(?:-\p{Lu}\P{Lu}*)*$/u;
/** A title the recogniser may read as part of the name ("Professor Nwosu"): it stays. */
const TITLE = new RegExp(String.raw`^(?:Professor|Prof|Dr|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|${TITLE_ELSEWHERE})\.?$`, 'u');
const NAME_PAIR = /(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}[\p{L}'’-]*) and (\p{Lu}\p{Ll}[\p{L}'’-]*)/gu;
const DATE_TAGS = new Set(['Month', 'WeekDay', 'Date', 'Holiday']);
const PERSON_NAME_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName']);

/** A word someone is called by: the list of names or the recogniser's lexicon holds it. */
const isGivenName = (word: string) => nameWords().has(word.toLowerCase()) || isPersonWord(word.toLowerCase());

/** A word the recogniser's lexicon knows as a name (Aisling, Patel). */
function isPersonWord(lower: string): boolean {
  return (knownAs(lower) ?? []).some((tag) => PERSON_NAME_TAGS.has(tag));
}

/** A word of three letters or more that is no everyday word (of English or another language read) and no tool. */
function noOrdinaryWord(lower: string): boolean {
  return lower.length >= 3 && !isEverydayForm(lower) && !isEnglishWord(lower) && !isEverydayElsewhere(lower) && !isToolWord(lower);
}

/** No ordinary word, and nothing the recogniser knows. */
function unlisted(lower: string): boolean {
  return noOrdinaryWord(lower) && knownAs(lower) === undefined;
}

/** The person names in one sentence, with their offsets; titles (Ms, Dr) and "'s" left out; `known`: words read as first names, as a row wrote them. */
function namesIn(sentence: string, known: readonly string[]): [offset: number, name: string][] {
  const key = known.length === 0 ? sentence : `${known.join(' ')}\n${sentence}`;
  const read = namesBySentence.get(key);
  if (read) return read;
  const names: [number, string][] = [];
  const listed = nameWords();
  if (mayNameSomeone(sentence)) recognised(sentence, listed, known, names);
  names.push(...lowercaseNamesIn(sentence, listed, known), ...wordNamesIn(sentence));
  // Employers and places named like people ("Grant Thornton", "Marks & Spencer") stay.
  const kept = [...sentence.matchAll(namedLikePeoplePattern())].map((m) => [m.index, m.index + m[0].length] as const);
  const people = names.filter(([offset, name]) => !kept.some(([start, end]) => offset < end && offset + name.length > start));
  if (namesBySentence.size >= REMEMBERED_SENTENCES) namesBySentence.clear();
  namesBySentence.set(key, people);
  return people;
}

/** The capitalised names the recogniser finds (told the listed names it does not know), into `names`. */
function recognised(sentence: string, listed: NameList, known: readonly string[], names: [offset: number, name: string][]): void {
  recogniserCalls.sentences += 1;
  const told = unknownNames(sentence, listed);
  for (const word of known) told[word.toLowerCase()] = 'FirstName';
  for (const person of peopleIn(sentence, told)) {
    const titled = person.terms.some((term) => term.tags.includes('Honorific'));
    const first = person.terms[0];
    // "the team in Chester": a place, unless a title or a possessive says it is a person.
    if (first && !titled && BEFORE_PLACE.test(sentence.slice(0, first.offset.start)) && !/['’]s$/.test(person.terms.at(-1)!.text)) continue;
    // "Earliest start: January": a month or a day alone is a date, unless a title or what a person does says otherwise.
    const lone = person.terms.length === 1 ? first!.text.toLowerCase() : '';
    if (
      lone &&
      !titled &&
      (knownAs(lone) ?? []).some((tag) => DATE_TAGS.has(tag)) &&
      !SPEAKS.test(sentence.slice(first!.offset.start + lone.length))
    )
      continue;
    for (const [i, term] of person.terms.entries()) {
      // A name does not go on past a possessive: "Ravi's CV", "Ahmed's NMC PIN".
      if (i > 0 && /['’]s$/.test(person.terms[i - 1]!.text)) break;
      if (/\p{L}\.$/u.test(sentence.slice(0, term.offset.start))) continue;
      if (term.tags.includes('Honorific') || TITLE.test(term.text) || !/^\p{Lu}/u.test(term.text)) continue;
      // Two or three capitals in a sentence written in lower case are a code ("(HM)", "NMC PIN", "CV"),
      // unless someone is called so ("JO", "SAM", "SAL", "ED": hiding a code is the safer mistake).
      if (/^\p{Lu}{2,3}(?:['’]s)?$/u.test(term.text) && /\p{Ll}{2}/u.test(sentence) && !isGivenName(term.text.replace(/['’]s$/, '')))
        continue;
      names.push([term.offset.start, term.text.replace(/['’]s$/, '')]);
    }
  }
}

/** The words of `sentence` that `known` holds (by lowercase, without "'s"), as a row wrote them, each once, in order. */
function knownIn(sentence: string, known: ReadonlyMap<string, string>): string[] {
  const words = new Set<string>();
  for (const [word] of sentence.matchAll(WORD)) {
    const written = known.get(word.toLowerCase().replace(/['’]s$/, ''));
    if (written !== undefined) words.add(written);
  }
  return [...words].sort();
}

/**
 * Replaces the person names the recogniser finds with `[name]`; titles (Ms, Dr) and "'s" stay, and
 * so does the row's own employer (`employers`: its employer column) wherever the text names it.
 * The names hidden that a later reading may be told (see mayBeTold) go into `run.found`, as written; with
 * `run.known` (lowercase → as written), only the sentences holding one of those words are read, told them as first names.
 */
export function redactPeople(
  text: string,
  employers: readonly string[] = [],
  run: { found?: Set<string>; known?: ReadonlyMap<string, string> } = {},
): string {
  if (!run.known && !/\p{Lu}/u.test(text) && !PERSON_CUE.test(text)) return text;
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(SENTENCE)) {
    // Read without its leading spaces, so a sentence is the same wherever it stands.
    const sentence = match[0].trimStart();
    const known = run.known ? knownIn(sentence, run.known) : [];
    if (run.known ? known.length === 0 : !mayNameSomeone(sentence) && !PERSON_CUE.test(sentence) && wordNamesIn(sentence).length === 0)
      continue;
    const at = match.index + match[0].length - sentence.length;
    for (const [offset, name] of namesIn(sentence, known)) {
      const start = at + offset;
      if (text.slice(start, start + name.length) === name) ranges.push([start, start + name.length]);
    }
  }
  ranges.push(...wordNamesBefore(text, ranges));
  ranges.push(...repeatedWordNames(text, ranges));
  return withPlaceholders(text, ranges, employers, run.found);
}

/** `ranges` of `text` → `[name]`, less the row's employer and half of a company's hyphenated name; each name hidden that mayBeTold into `found`. */
function withPlaceholders(text: string, ranges: [number, number][], employers: readonly string[], found?: Set<string>): string {
  if (ranges.length === 0) return text;
  const employer = employerSpans(text, employers);
  // Half of a hyphenated compound ("Rolls-Royce") is a name only when the other half is one too
  // ("Smith-Jones"): a company named after its founders stays.
  const starts = new Set(ranges.map(([start]) => start));
  const ends = new Set(ranges.map(([, end]) => end));
  const whole = ranges.filter(
    ([start, end]) =>
      (text[start - 1] !== '-' || ends.has(start - 1)) &&
      (text[end] !== '-' || starts.has(end + 1)) &&
      !employer.some(([from, to]) => start < to && end > from),
  );
  let out = '';
  let last = 0;
  for (const [start, end] of whole.sort((a, b) => a[0] - b[0])) {
    if (start < last) continue;
    const name = text.slice(start, end);
    if (found && mayBeTold(name)) found.add(name);
    out += text.slice(last, start) + NAME_PLACEHOLDER;
    last = end;
  }
  return out + text.slice(last);
}

/**
 * A name hidden in one row that the run's other rows are read knowing (names-found.ts): one
 * capitalised word shaped like a name, or in lowercase one the list of names holds ("spoke with
 * ngozi"; not "call mid-interview", taken only for following a cue), of three letters or more, that is no everyday word of English or of another
 * language read, no tool, and nothing the recogniser knows as other than a person ("Fiifi",
 * "Okafor"; not "Mark", "Grace", "London").
 */
function mayBeTold(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /^\p{L}[\p{L}'’-]*$/u.test(name) &&
    (NAME_SHAPE.test(name) || (name === lower && nameWords().has(lower))) &&
    noOrdinaryWord(lower) &&
    (knownAs(lower) ?? []).every((tag) => PERSON_TAGS.has(tag))
  );
}
