import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY_PATH, loadTaxonomy, parseTaxonomy } from '../../src/taxonomy/load.js';
import { suggestTaxonomy } from '../../src/taxonomy/suggest.js';
import type { EmergingTheme } from '../../src/types.js';

const sentences = [
  'You were short with the receptionist when you signed in.',
  'Our front desk said you were rude while you waited.',
  'The security guard said you snapped at him about parking.',
];
const group = (terms: string[]): EmergingTheme => ({
  id: 'E1',
  label: 'You were short with the receptionist when you…',
  terms,
  items: 6,
  candidates: 6,
  sentence: sentences[0]!,
  examples: sentences,
  sentences,
});

describe('a suggested theme', () => {
  it('takes its terms as cues and its two strongest as id, and validates', async () => {
    const yaml = suggestTaxonomy(await readFile(DEFAULT_TAXONOMY_PATH, 'utf8'), await loadTaxonomy(), [group(['receptionist', 'rude'])]);
    const parsed = parseTaxonomy(yaml, 'suggested');
    expect(parsed.problems).toEqual([]);
    const added = parsed.taxonomy!.themes.at(-1)!;
    expect(added.id).toBe('receptionist_rude');
    expect(added.cues).toEqual(['receptionist', 'rude']);
  });

  it('is not written for a group without a word to cue it, rather than a file that does not validate', async () => {
    const taxonomy = await loadTaxonomy();
    const yaml = suggestTaxonomy(await readFile(DEFAULT_TAXONOMY_PATH, 'utf8'), taxonomy, [group([])]);
    const parsed = parseTaxonomy(yaml, 'suggested');
    expect(parsed.problems).toEqual([]);
    expect(parsed.taxonomy!.themes).toHaveLength(taxonomy.themes.length);
  });
});
