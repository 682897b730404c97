// Plain-text listing of a taxonomy for `feedback-themes taxonomy show`.

import type { Taxonomy } from '../types.js';

const WIDTH = 88;

export function formatTaxonomy(t: Taxonomy): string {
  const actionable = t.themes.filter((theme) => theme.actionable).length;
  const lines = [
    `Taxonomy: ${t.source}`,
    `${t.themes.length} themes (${actionable} actionable, ${t.themes.length - actionable} not actionable)`,
  ];
  for (const theme of t.themes) {
    lines.push('');
    lines.push(`${theme.id} — ${theme.label}`);
    lines.push(`  actionable: ${theme.actionable ? 'yes' : 'no'}   examples: ${theme.examples.length}   cues: ${theme.cues.length}`);
    lines.push(...wrap(theme.description, '  '));
    lines.push(...wrap(`Advice: ${theme.advice}`, '  '));
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, indent: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}
