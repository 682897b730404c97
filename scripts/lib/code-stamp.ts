// What a classification depends on besides the engine and the model: the code that reads and
// scores feedback and the files it ships with (the built-in head, the clause-role reader, the
// lexicon, the taxonomy). A measurement script keys the heads, runs and scores it keeps between
// runs by it, so a change to the rules of reading never replays a classification made before it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';
import { hashText } from '../../src/hash.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Folders whose files shape a classification; `src/discover` is left out, as it reads a classification and never makes one. */
export const CLASSIFYING_FOLDERS = ['src', 'data/heads', 'data/roles', 'data/lexicon'] as const;
const NOT_CLASSIFYING = [path.join('src', 'discover')];
/**
 * The engines' profiles hold discovery's settings beside the classifier's: they stand in the stamp
 * by their values without those, so a discovery setting changed there never calls for classifying again.
 */
const PROFILES = path.join('src', 'classify', 'profiles.ts');
const classifyingProfiles = () =>
  JSON.stringify(Object.entries(ENGINE_PROFILES).map(([engine, { discovery: _discovery, ...classifying }]) => [engine, classifying]));

/** Every file under `folder` (relative to `root`), in a fixed order, that a classification may read. */
function filesUnder(root: string, folder: string): string[] {
  const full = path.join(root, folder);
  if (NOT_CLASSIFYING.includes(folder)) return [];
  if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(full)
    .sort()
    .flatMap((name) => {
      const relative = path.join(folder, name);
      if (relative === PROFILES) return [];
      return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
    });
}

/**
 * A digest of the classifying code and data under `root` (the checkout by default): their paths and
 * contents, so an edit anywhere in them (not a mere touch) gives another stamp; the engines'
 * profiles count by their values as this checkout loads them, less discovery's settings.
 */
export function classifierCodeStamp(root: string = ROOT): string {
  const files = [...CLASSIFYING_FOLDERS.flatMap((folder) => filesUnder(root, folder)), 'data/taxonomy.yaml'];
  const parts = files.map((file) => {
    const text = statSync(path.join(root, file), { throwIfNoEntry: false }) ? readFileSync(path.join(root, file), 'utf8') : '';
    return `${file}\0${hashText(text)}`;
  });
  return hashText([...parts, `${PROFILES}\0${hashText(classifyingProfiles())}`].join('\n')).slice(0, 16);
}
