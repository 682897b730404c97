import { describe, expect, it } from 'vitest';
import { formatTaxonomy } from '../../src/taxonomy/format.js';
import type { Taxonomy } from '../../src/types.js';

const taxonomy: Taxonomy = {
  source: 'mine.yaml',
  themes: [
    {
      id: 'nerves',
      label: 'Nerves',
      description: 'The candidate seemed anxious.',
      examples: ['You seemed very nervous.', 'Your hands were shaking.', 'We could tell you were anxious.'],
      cues: ['nervous', 'anxious'],
      advice: 'Practise with mock interviews. '.repeat(6).trim(),
      actionable: true,
    },
    {
      id: 'no_reason',
      label: 'No reason given',
      description: 'No reason was given.',
      examples: ['Unfortunately you were unsuccessful.', 'Sorry, not this time.', 'We will not progress.'],
      cues: ['unsuccessful'],
      advice: 'Ask for specific feedback.',
      actionable: false,
    },
  ],
};

describe('formatTaxonomy', () => {
  it('lists each theme with id, label, actionable, counts, description and advice', () => {
    const text = formatTaxonomy(taxonomy);
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Taxonomy: mine.yaml', '2 themes (1 actionable, 1 not actionable)']);
    expect(lines).toContain('nerves — Nerves');
    expect(lines).toContain('  actionable: yes   examples: 3   cues: 2');
    expect(lines).toContain('no_reason — No reason given');
    expect(lines).toContain('  actionable: no   examples: 3   cues: 1');
    expect(lines).toContain('  The candidate seemed anxious.');
    expect(lines).toContain('  Advice: Ask for specific feedback.');
    expect(text.indexOf('nerves —')).toBeLessThan(text.indexOf('no_reason —'));
  });

  it('wraps long advice onto indented lines that keep every word', () => {
    const lines = formatTaxonomy(taxonomy).split('\n');
    const start = lines.findIndex((line) => line.startsWith('  Advice: Practise'));
    const adviceLines = lines.slice(start, lines.indexOf('', start));
    expect(adviceLines.length).toBeGreaterThan(1);
    for (const line of adviceLines) {
      expect(line.startsWith('  ')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(88);
    }
    expect(adviceLines.join(' ').replace(/\s+/g, ' ').trim()).toBe(`Advice: ${taxonomy.themes[0].advice}`);
  });
});
