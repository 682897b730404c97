import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY_PATH, loadTaxonomy, parseTaxonomy } from '../../src/taxonomy/load.js';
import { SUGGESTED_ADVICE, suggestTaxonomy } from '../../src/taxonomy/suggest.js';
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

  it('carries advice written to the student, and shows the interview_practice key without setting it', async () => {
    // Used as written, the advice reaches a student's page: an instruction to the adviser must not.
    const yaml = suggestTaxonomy(await readFile(DEFAULT_TAXONOMY_PATH, 'utf8'), await loadTaxonomy(), [group(['receptionist', 'rude'])]);
    const added = parseTaxonomy(yaml, 'suggested').taxonomy!.themes.at(-1)!;
    expect(added.advice).toBe(SUGGESTED_ADVICE);
    expect(added.advice).toMatch(/\byour\b/);
    expect(added.advice).not.toMatch(/\badviser should\b|\bcandidate\b|\bwrite\b/i);
    // Left out (claiming neither way) until the adviser decides, but named where they will see it.
    expect(added.interviewPractice).toBeUndefined();
    expect(yaml.slice(yaml.indexOf('- id: receptionist_rude'))).toMatch(/^\s+# interview_practice: true\b/m);
  });

  it('shows the interview_practice key when the themes list is not last in the file', () => {
    const source = [
      'themes:',
      '  - id: own',
      '    label: Own',
      '    description: An adviser-written theme.',
      '    examples: [You were late on the day., You did not call ahead., You missed the start.]',
      '    cues: [late]',
      '    advice: Plan the journey.',
      '    actionable: true',
      'version: 1',
      '',
    ].join('\n');
    const taxonomy = parseTaxonomy(source, 'own').taxonomy!;
    const yaml = suggestTaxonomy(source, taxonomy, [group(['receptionist', 'rude'])]);
    const parsed = parseTaxonomy(yaml, 'suggested');
    expect(parsed.problems).toEqual([]);
    expect(parsed.taxonomy!.themes.at(-1)!.advice).toBe(SUGGESTED_ADVICE);
    expect(yaml.slice(yaml.indexOf('- id: receptionist_rude'))).toMatch(/^\s+# interview_practice: true\b/m);
  });
});
