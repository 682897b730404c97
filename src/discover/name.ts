// Naming a group for a reader: its most distinctive words (class-based TF-IDF against the rest of
// the run), kept only when they are said across the group rather than by one or two of its
// sentences, and never the words any rejection uses ("candidates", "bring", "felt"); the member
// sentence nearest the group's centre stands beside them as its exemplar.

import type { ClassifiedItem } from '../types.js';
import type { UnexplainedSegment } from './select.js';
import { words as wordsOf } from '../classify/lexical/text.js';
import { classTfIdf, labelTermsOf } from './terms.js';

const TERMS_SHOWN = 8;
/** A label word must occur in at least this share of the group's sentences (and in two of them). */
export const LABEL_COVERAGE = 0.15;

/**
 * Words of every kind of rejection feedback: they tell no group apart, however often a group says
 * them, so a label made of them reads as noise ("Candidates, awareness and bring").
 */
const GENERIC_WORDS = new Set(
  (
    'candidate candidates applicant applicants application role roles position positions job jobs post vacancy ' +
    'feedback decision unfortunately however although though still really quite well much many more most less ' +
    'felt feel feels think thought believe want wanted need needed needs make made bring brought get got give gave ' +
    'seem seemed seems look looked looking way ways thing things time times able would like also overall ' +
    'one two first next today day week team company us interview interviewed panel hiring manager managers ' +
    'but yet across came come someone something anyone work working worked firm lot bit say said told asked ' +
    'client clients recruiter recruiters agency cand sorry afraid unable regret know knew year years'
  ).split(/\s+/),
);

export interface GroupName {
  label: string;
  terms: string[];
}

/**
 * Names every group at once: each group's sentences, each theme's (sentences by their best
 * assigned theme) and everything else are the classes c-TF-IDF compares — every sentence of the
 * run in exactly one class, as in BERTopic where every document has a topic.
 */
export function nameGroups(
  classified: readonly ClassifiedItem[],
  groupHits: readonly UnexplainedSegment[][],
  exemplars: readonly string[],
): GroupName[] {
  const fold = pluralFolding(classified);
  const weights = classTfIdf(termClasses(classified, groupHits, fold));
  return groupHits.map((hits, g) => {
    const sentences = [...new Set(hits.map((hit) => hit.reasonText))].map((text) => new Set(labelTermsOf(text).map(fold)));
    const saidBy = (term: string) => sentences.filter((words) => words.has(term)).length;
    const candidates = weights[g]!.filter(({ term }) => !GENERIC_WORDS.has(term) && saidBy(term) >= 2).map((entry) => entry.term);
    const needed = Math.max(2, Math.ceil(sentences.length * LABEL_COVERAGE));
    const terms = candidates.filter((term) => saidBy(term) >= needed).slice(0, TERMS_SHOWN);
    const ordered = inReadingOrder(
      terms,
      hits.map((hit) => hit.reasonText),
      fold,
    );
    // No word said widely enough to name the group: it is named by its exemplar, and its
    // strongest words said twice at least, else the exemplar's own, stand as its terms (a
    // suggested theme's cues).
    const exemplarWords = labelTermsOf(exemplars[g]!)
      .map(fold)
      .filter((term) => !GENERIC_WORDS.has(term));
    const fallback = candidates.length > 0 ? candidates : [...new Set(exemplarWords)];
    return {
      label: labelFrom(ordered.terms, ordered.phrase, exemplars[g]!),
      terms: ordered.terms.length > 0 ? ordered.terms : fallback.slice(0, TERMS_SHOWN),
    };
  });
}

/**
 * A plural counts as its singular when the run also uses the singular ("references" as
 * "reference", "checks" as "check"), so one word's two forms are not each too rare to name a
 * group; a word is never changed into one the feedback does not use.
 */
function pluralFolding(classified: readonly ClassifiedItem[]): (term: string) => string {
  const vocabulary = new Set(classified.flatMap((entry) => entry.segments.flatMap((segment) => labelTermsOf(segment.text))));
  const singular = (term: string) =>
    term.endsWith('ies') && vocabulary.has(`${term.slice(0, -3)}y`)
      ? `${term.slice(0, -3)}y`
      : term.endsWith('s') && !term.endsWith('ss') && vocabulary.has(term.slice(0, -1))
        ? term.slice(0, -1)
        : term;
  return singular;
}

function termClasses(
  classified: readonly ClassifiedItem[],
  groupHits: readonly UnexplainedSegment[][],
  fold: (term: string) => string,
): string[][] {
  const inGroup = new Map<string, number>();
  groupHits.forEach((hits, c) => {
    for (const hit of hits) inGroup.set(`${hit.itemId}\u0000${hit.segmentIndex}`, c);
  });
  const classes: string[][] = groupHits.map(() => []);
  const byTheme = new Map<string, string[]>();
  const rest: string[] = [];
  for (const entry of classified) {
    for (const segment of entry.segments) {
      const tokens = labelTermsOf(segment.text).map(fold);
      const c = inGroup.get(`${entry.item.id}\u0000${segment.index}`);
      if (c !== undefined) classes[c]!.push(...tokens);
      else if (segment.themes.length > 0) {
        const list = byTheme.get(segment.themes[0]!) ?? [];
        list.push(...tokens);
        byTheme.set(segment.themes[0]!, list);
      } else rest.push(...tokens);
    }
  }
  return [...classes, ...[...byTheme.keys()].sort().map((id) => byTheme.get(id)!), rest];
}

/** Three quotes nearest the centre, from different items, and different candidates while possible. */
export function representativeQuotes(occurrenceLists: readonly UnexplainedSegment[][]): string[] {
  const quotes: string[] = [];
  const items = new Set<string>();
  const people = new Set<string>();
  for (const pass of ['new-person', 'new-item'] as const) {
    for (const list of occurrenceLists) {
      for (const hit of list) {
        if (quotes.length >= 3) return quotes;
        const person = hit.candidate ?? `item:${hit.itemId}`;
        if (items.has(hit.itemId) || quotes.includes(hit.text) || (pass === 'new-person' && people.has(person))) continue;
        quotes.push(hit.text);
        items.add(hit.itemId);
        people.add(person);
      }
    }
  }
  return quotes;
}

/**
 * The two strongest terms in the order the feedback says them when they make a phrase ("social
 * media", not "media social"), so the label and the suggested id read naturally.
 */
function inReadingOrder(
  terms: string[],
  sentences: readonly string[],
  fold: (term: string) => string,
): { terms: string[]; phrase: boolean } {
  if (terms.length < 2) return { terms, phrase: false };
  const [a, b] = terms as [string, string];
  let forward = 0;
  let backward = 0;
  let both = 0;
  for (const sentence of sentences) {
    // Side by side as written ("reference check"), not merely once the small words are gone.
    const words = wordsOf(sentence).map(fold);
    if (words.includes(a) && words.includes(b)) both++;
    for (let i = 0; i + 1 < words.length; i++) {
      if (words[i] === a && words[i + 1] === b) forward++;
      if (words[i] === b && words[i + 1] === a) backward++;
    }
  }
  // A phrase when most sentences that hold both words, and two at least, say them together.
  const phrase = Math.max(forward, backward) >= 2 && Math.max(forward, backward) * 2 > both;
  return { terms: backward > forward ? [b, a, ...terms.slice(2)] : terms, phrase };
}

/**
 * "Smoking, breaks and vaping" from the three strongest terms; "Social media and posts" when the
 * first two are a phrase; the exemplar's opening words when no word is shared widely enough.
 */
function labelFrom(terms: readonly string[], phrase: boolean, exemplar: string): string {
  const top = phrase ? [`${terms[0]} ${terms[1]}`, ...terms.slice(2, 3)] : terms.slice(0, 3);
  if (top.length === 0) return exemplar.length <= 60 ? exemplar : `${exemplar.slice(0, 57).replace(/\s+\S*$/, '')}…`;
  const first = top[0]!.charAt(0).toUpperCase() + top[0]!.slice(1);
  if (top.length === 1) return first;
  return `${[first, ...top.slice(1, -1)].join(', ')} and ${top[top.length - 1]}`;
}
