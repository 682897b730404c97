// Class-based TF-IDF, as BERTopic computes it (bertopic/vectorizers/_ctfidf.py, defaults): all
// texts of a class are one document; a term's weight in class c is its count in c divided by c's
// total count (l1-normalised term frequency) times log(1 + A / f), where f is the term's count
// across all classes and A the average number of words per class, truncated to an integer.

import { isStopWord, NEGATIONS, words } from '../classify/lexical/text.js';
import { NAME_PLACEHOLDER } from '../redact/placeholders.js';
import { withoutContactPlaceholders } from '../redact/text.js';

/** Lower-case content words of a text: stop words, negations, numbers and short tokens left out. */
export function termsOf(text: string): string[] {
  return words(withoutContactPlaceholders(text)).filter(
    (word) => word.length >= 3 && !isStopWord(word) && !NEGATIONS.has(word) && !/^\d/.test(word),
  );
}

/**
 * The words a group may be named by: its content words less a redacted name's placeholder (a group
 * of warm emails is not about "name", of their greetings' `[name]`). The pool's test of enough
 * content words (select.ts) still counts it, as it was fitted.
 */
export function labelTermsOf(text: string): string[] {
  return termsOf(text.replaceAll(NAME_PLACEHOLDER, ' '));
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** c-TF-IDF weights per class, each class's terms sorted by weight (ties alphabetically). */
export function classTfIdf(classes: readonly (readonly string[])[]): WeightedTerm[][] {
  const counts = classes.map((tokens) => {
    const count = new Map<string, number>();
    for (const token of tokens) count.set(token, (count.get(token) ?? 0) + 1);
    return count;
  });
  const total = new Map<string, number>();
  for (const count of counts) for (const [term, n] of count) total.set(term, (total.get(term) ?? 0) + n);
  const wordsPerClass = counts.map((count) => [...count.values()].reduce((a, b) => a + b, 0));
  const average = Math.trunc(wordsPerClass.reduce((a, b) => a + b, 0) / Math.max(1, classes.length));
  return counts.map((count, c) => {
    const classWords = wordsPerClass[c]!;
    const weighted = [...count].map(([term, n]) => ({ term, weight: (n / classWords) * Math.log(average / total.get(term)! + 1) }));
    return weighted.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  });
}
