import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BUILT_IN_SOURCE, DEFAULT_TAXONOMY_PATH, loadTaxonomy } from '../../src/taxonomy/load.js';
import { normaliseSentence } from '../../src/taxonomy/validate.js';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DEFAULT_IDS = [...DEFAULT_THEME_IDS];

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

describe('default taxonomy file', () => {
  it('lives at data/taxonomy.yaml under the package root', () => {
    expect(isAbsolute(DEFAULT_TAXONOMY_PATH)).toBe(true);
    expect(relative(REPO_ROOT, DEFAULT_TAXONOMY_PATH)).toBe(`data${'/'}taxonomy.yaml`);
    expect(existsSync(DEFAULT_TAXONOMY_PATH)).toBe(true);
  });

  it('declares version 1', async () => {
    const raw = parse(await readFile(DEFAULT_TAXONOMY_PATH, 'utf8'));
    expect(raw.version).toBe(1);
  });

  it('has the 13 default themes in order', async () => {
    const taxonomy = await loadTaxonomy();
    expect(taxonomy.source).toBe(BUILT_IN_SOURCE);
    expect(taxonomy.themes.map((theme) => theme.id)).toEqual(DEFAULT_IDS);
  });

  it('gives every theme enough exemplars, cues, a label, description and advice', async () => {
    const taxonomy = await loadTaxonomy();
    for (const theme of taxonomy.themes) {
      expect(theme.examples.length, theme.id).toBeGreaterThanOrEqual(20);
      expect(theme.examples.length, theme.id).toBeLessThanOrEqual(36);
      expect(theme.cues.length, theme.id).toBeGreaterThanOrEqual(10);
      expect(theme.cues.length, theme.id).toBeLessThanOrEqual(25);
      expect(theme.label.length, theme.id).toBeLessThanOrEqual(40);
      expect(theme.description.length, theme.id).toBeGreaterThan(40);
      const adviceSentences = theme.advice.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(adviceSentences.length, theme.id).toBeGreaterThanOrEqual(2);
      expect(adviceSentences.length, theme.id).toBeLessThanOrEqual(4);
    }
  });

  it('marks competition and uninformative as not actionable and the rest (conduct included) as actionable', async () => {
    const taxonomy = await loadTaxonomy();
    const notActionable = taxonomy.themes.filter((theme) => !theme.actionable).map((theme) => theme.id);
    expect(notActionable).toEqual(['competition', 'uninformative']);
  });

  it('writes cues in lowercase without duplicates within a theme', async () => {
    const taxonomy = await loadTaxonomy();
    for (const theme of taxonomy.themes) {
      for (const cue of theme.cues) expect(cue, theme.id).toBe(cue.toLowerCase());
      expect(new Set(theme.cues).size, theme.id).toBe(theme.cues.length);
    }
  });

  it('has no duplicate exemplars anywhere in the file', async () => {
    const taxonomy = await loadTaxonomy();
    const seen = new Map<string, string>();
    for (const theme of taxonomy.themes) {
      for (const example of theme.examples) {
        const key = normaliseSentence(example);
        expect(seen.get(key), `"${example}" in ${theme.id}`).toBeUndefined();
        seen.set(key, theme.id);
      }
    }
  });

  it('has no near-copies: no two exemplars share most of their words', async () => {
    const taxonomy = await loadTaxonomy();
    const all = taxonomy.themes.flatMap((theme) => theme.examples.map((text) => ({ text, words: words(text) })));
    const nearCopies: string[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        if (jaccard(all[i].words, all[j].words) >= 0.6) nearCopies.push(`${all[i].text} / ${all[j].text}`);
      }
    }
    expect(nearCopies).toEqual([]);
  });

  it('keeps each exemplar to one sentence', async () => {
    const taxonomy = await loadTaxonomy();
    for (const theme of taxonomy.themes) {
      for (const example of theme.examples) {
        expect(example, theme.id).toMatch(/[.!?]$/);
        // A sentence end followed by a capital inside the text means two sentences.
        expect(example.slice(0, -1), theme.id).not.toMatch(/[.!?]\s+[A-Z]/);
      }
    }
  });

  it('uses the indirect phrasings the themes are meant to catch', async () => {
    const taxonomy = await loadTaxonomy();
    const examplesOf = (id: string) => taxonomy.themes.find((theme) => theme.id === id)!.examples;
    expect(examplesOf('delivery')).toContain('Your answers felt scripted.');
    expect(examplesOf('experience')).toContain('The other candidates had been doing this kind of work for several years.');
    expect(examplesOf('culture_fit')).toContain("We weren't sure you'd enjoy the pace of a small start-up.");
    expect(examplesOf('uninformative')).toContain('We have decided not to progress your application at this time.');
    // Most exemplars avoid the theme's obvious keyword, so matching cannot rely on it.
    const mentionsKeyword = examplesOf('delivery').filter((text) => /deliver/i.test(text)).length;
    expect(mentionsKeyword).toBe(0);
    const mentionsExperience = examplesOf('experience').filter((text) => /experience/i.test(text)).length;
    expect(mentionsExperience).toBeLessThan(examplesOf('experience').length / 4);
  });
});
