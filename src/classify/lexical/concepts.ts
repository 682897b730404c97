// The concept map the lexical engine matches feedback through: concept feature → the many ways
// feedback says it ("scripted", "rehearsed", "memorised" → one feature). The phrases are data, in
// data/lexicon/concepts.yaml (see its header); this reads and checks them once.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { hashText } from '../../hash.js';

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

/**
 * The concept file as `npm run build` compiles it (scripts/build-client.ts): the checked concepts
 * and the digest of the YAML they came from. Parsing the YAML cost about 0.15 s at every start,
 * before the model began to load; the compiled copy is read only while that digest is the file's.
 */
export const COMPILED_CONCEPTS_PATH: string = fileURLToPath(new URL('./concepts.json', import.meta.url));

interface CompiledConcepts {
  digest: string;
  concepts: Record<string, string[]>;
}

/** The compiled copy of the YAML text `text`, for `compiled`. */
export function compileConcepts(text: string, source: string): CompiledConcepts {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid YAML (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  return { digest: hashText(text), concepts: checkConcepts(data, source) };
}

/** Reads and checks the concept file, from its compiled copy when that was made from this very text. */
export function loadConcepts(path: string = CONCEPTS_PATH, compiled: string | null = COMPILED_CONCEPTS_PATH): Record<string, string[]> {
  const text = readFileSync(path, 'utf8');
  if (compiled !== null && existsSync(compiled)) {
    try {
      const copy = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledConcepts;
      if (copy.digest === hashText(text)) return copy.concepts;
    } catch {
      // An unreadable copy is no copy: the YAML is parsed instead.
    }
  }
  return compileConcepts(text, path).concepts;
}

export const CONCEPTS: Record<string, string[]> = loadConcepts();
