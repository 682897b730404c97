// Names that are also English words ("Grace", "Faith", "Hope", "Mark", "Will"): the lists that
// find names leave every everyday word out, so "Noted by Grace (interviewer)" kept the interviewer's
// name. Such a word is a name only where nothing but a person stands: before what only a person
// does ("Grace said"), beside a recruiting role ("Hope, the interviewer,", "Faith (panel chair)",
// "Grace from HR", "Interviewer: Grace"), after "noted by", "spoke to" and their kind, or greeted
// ("Hi Jade,"); then wherever the text writes it again.
import { isWordName } from './name-list.js';
import { NAME_PLACEHOLDER } from './placeholders.js';
import { escapeRegExp } from './text.js';

/** What only a person does: "Xiaoming said …", "Fiifi felt …" (not "was": "Kubernetes was weak"). */
export const PERSON_VERB = String.raw`(?:said|says|felt|feels|thinks|thought|mentioned|noted|reckons|told|asked|agreed|interviewed)(?![\p{L}])`;

const ROLE = String.raw`(?:interviewer|recruiter|assessor|hiring manager|line manager|hm|panel chair|chair of the panel|panellist|panelist|talent partner)`;
const CAPITALISED_WORD = /(?<![\p{L}\p{N}'’.-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])/gu;
/** Before a surname already hidden ("Hope [name]": the student's name column gave it). */
const AFTER = new RegExp(
  String.raw`^(?:[ ,]{1,3}${PERSON_VERB}|\s*\(\s*${ROLE}\b|,\s*(?:the|our|my|your)\s+${ROLE}\b|\s+from\s+(?:hr|recruitment|resourcing|talent|the panel)\b| ${escapeRegExp(NAME_PLACEHOLDER)})`,
  'iu',
);
/** After whom one reaches a person by: "call Hope on …", "speak to Will Brown", "contact Mark". */
const BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${ROLE}|noted by|written by|interviewed by|(?:spoke|speak|spoken|talk|talked) (?:to|with)|rang|ring|phoned|phone|call|contact|email|e-mail|ask|cc|hi|hello|dear)\s*[:(]?\s*$`,
  'iu',
);
/** A capitalised word straight after a name found by its cue: the surname ("speak to Will Brown"). */
const SURNAME_AFTER = /^ (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}'’-])/u;
/** Before a noun, not a name: "the Grace period", "our Will". */
const AFTER_ARTICLE = /(?:^|[^\p{L}])(?:the|a|an|this|that|our|your|their|its|my)\s+$/iu;

/** The capitalised word names of a sentence that a person cue stands beside, with their offsets. */
export function wordNamesIn(sentence: string): [offset: number, name: string][] {
  const found: [number, string][] = [];
  for (const { 0: word, index } of sentence.matchAll(CAPITALISED_WORD)) {
    if (!isWordName(word.toLowerCase())) continue;
    const before = sentence.slice(0, index);
    if (AFTER_ARTICLE.test(before)) continue;
    const after = sentence.slice(index + word.length);
    if (AFTER.test(after)) found.push([index, word]);
    else if (BEFORE.test(before)) {
      found.push([index, word]);
      const surname = SURNAME_AFTER.exec(after);
      if (surname) found.push([index + word.length + 1, surname[1]!]);
    }
  }
  return found;
}

/** A word name written just before a name the recogniser hid ("Hope Okonjo"): the given name of that person. */
export function wordNamesBefore(text: string, ranges: readonly [number, number][]): [number, number][] {
  return ranges.flatMap(([start]): [number, number][] => {
    const word = /(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, start - 30), start));
    if (!word || !isWordName(word[1]!.toLowerCase()) || AFTER_ARTICLE.test(text.slice(0, start - word[0].length))) return [];
    return [[start - word[0].length, start - 1]];
  });
}

/** Where a text writes again, capitalised, a word name hidden beside its cue ("Spoke to Grace. … Grace thanked us"). */
export function repeatedWordNames(text: string, ranges: readonly [number, number][]): [number, number][] {
  const names = new Set(ranges.map(([start, end]) => text.slice(start, end)).filter((name) => isWordName(name.toLowerCase())));
  const again: [number, number][] = [];
  for (const match of text.matchAll(CAPITALISED_WORD)) if (names.has(match[0])) again.push([match.index, match.index + match[0].length]);
  return again;
}
