// The concept map the lexical engine matches feedback through: concept feature → the many ways
// feedback says it ("scripted", "rehearsed", "memorised" → one feature). The phrases are data, in
// data/lexicon/concepts.yaml (see its header); this reads and checks them once.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const CONCEPTS_PATH: string = fileURLToPath(new URL('../../../data/lexicon/concepts.yaml', import.meta.url));

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Checks a parsed concept file: a mapping of concept names (lower case, underscores) to non-empty
 * lists of non-empty phrases. Throws naming the file, the concept and what is wrong.
 */
export function checkConcepts(data: unknown, source: string): Record<string, string[]> {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}. Each concept is a lower-case name with a list of phrases, e.g.\n  nerves:\n    - "nervous"`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('expected a mapping of concept names to phrase lists');
  const concepts: Record<string, string[]> = {};
  for (const [name, phrases] of Object.entries(data as Record<string, unknown>)) {
    if (!NAME.test(name)) fail(`concept name ${JSON.stringify(name)} is not lower case with underscores`);
    if (!Array.isArray(phrases) || phrases.length === 0) fail(`concept ${name}: expected a non-empty list of phrases`);
    (phrases as unknown[]).forEach((phrase, index) => {
      if (typeof phrase !== 'string' || phrase.trim() === '')
        fail(`concept ${name}, phrase ${index + 1}: expected text, got ${JSON.stringify(phrase)}`);
    });
    concepts[name] = phrases as string[];
  }
  if (Object.keys(concepts).length === 0) fail('no concepts');
  return concepts;
}

/** Reads and checks the concept file. */
export function loadConcepts(path: string = CONCEPTS_PATH): Record<string, string[]> {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  return checkConcepts(data, path);
}

export const CONCEPTS: Record<string, string[]> = loadConcepts();
