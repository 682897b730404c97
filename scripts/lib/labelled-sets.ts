import { correctionKey } from '../../src/classify/corrections.js';
import { readGold } from '../../src/classify/evaluate.js';

/** A labelled item of the development sets, with the index of the file it came from. */
export interface SetItem {
  text: string;
  themes: string[];
  set: number;
}

/**
 * The labelled files' items, one per distinct text, first file first (as `train` reads them), and
 * the keys of their texts, so that a trap sentence that repeats a labelled item can be left out.
 */
export async function readLabelledSets(files: readonly string[], ids: readonly string[]): Promise<{ gold: SetItem[]; seen: Set<string> }> {
  const seen = new Set<string>();
  const gold: SetItem[] = [];
  for (const [set, file] of files.entries()) {
    for (const row of await readGold(file, ids, { strict: true })) {
      const key = correctionKey(row.text);
      if (seen.has(key)) continue;
      seen.add(key);
      gold.push({ text: row.text, themes: row.themes, set });
    }
  }
  return { gold, seen };
}
