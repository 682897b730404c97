// One cue rule: over a labelled set, every cue the classifier reports is highlighted in its quote,
// at exactly the characters the classifier matched, and nothing else is highlighted.

import { describe, expect, it } from 'vitest';
import { markedText } from '../../src/analyse/marked-text.js';
import { assignmentQuoteParts } from '../../src/analyse/quotes.js';
import { createClassifier } from '../../src/classify/classifier.js';
import { readGold } from '../../src/classify/evaluate.js';
import { createLexicalEmbedder } from '../../src/classify/lexical.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import type { FeedbackItem } from '../../src/types.js';
import { feedbackItem } from '../../support/feedback-item.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';

const DEV = new URL('../../data/eval/dev.csv', import.meta.url).pathname;

describe('cue highlighting on data/eval/dev.csv', () => {
  it('highlights exactly the ranges of every cue the classifier reports', async () => {
    const taxonomy = await loadTaxonomy();
    const gold = await readGold(
      DEV,
      taxonomy.themes.map((theme) => theme.id),
    );
    const classifier = await createClassifier(
      taxonomy,
      createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((theme) => theme.examples) }),
      ENGINE_PROFILES.lexical.scoring,
    );
    const items: FeedbackItem[] = gold.map((entry, index) =>
      feedbackItem({ id: `dev-${index}`, text: entry.text, source: 'dev.csv', line: index + 2 }),
    );
    const classified = await classifier.classify(items, defaultThresholds('lexical', null));
    let reported = 0;
    let highlighted = 0;
    for (const entry of classified) {
      for (const assignment of entry.themes) {
        const { segment, cueRanges, cues } = assignment.evidence;
        // Names and ranges agree: every named cue has a range, every range a named cue.
        expect(new Set(cueRanges.map((range) => range.cue))).toEqual(new Set(cues));
        for (const range of cueRanges) expect(range.end).toBeLessThanOrEqual(segment.length);
        // Overlapping ranges print as one mark.
        const spans = mergeRanges(cueRanges).map((range) => segment.slice(range.start, range.end));
        const marks = assignmentQuoteParts(entry, assignment)
          .filter((part) => part.mark === 'cue')
          .map((part) => part.text);
        expect(marks, `${assignment.themeId}: ${segment}`).toEqual(spans);
        reported += cueRanges.length;
        highlighted += cueRanges.filter((range) => marks.some((mark) => mark.includes(segment.slice(range.start, range.end)))).length;
      }
    }
    console.log(`dev.csv: ${reported} cue matches reported, ${highlighted} highlighted`);
    expect(reported).toBeGreaterThan(100);
    expect(highlighted).toBe(reported);
  }, 120_000);
});

function mergeRanges(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

describe('a cue inside a placeholder of redaction', () => {
  it('is never highlighted: "phone" of "[phone]" is not what conduct was read from', async () => {
    const taxonomy = await loadTaxonomy();
    const classifier = await createClassifier(
      taxonomy,
      createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((theme) => theme.examples) }),
      ENGINE_PROFILES.lexical.scoring,
    );
    const text = 'She was late and on her phone; call [name] on [phone].';
    const [entry] = await classifier.classify(
      [feedbackItem({ id: 'x', text, source: 'x.csv', line: 2 })],
      defaultThresholds('lexical', null),
    );
    const conduct = entry!.themes.find((assignment) => assignment.themeId === 'conduct')!;
    // The classifier reports "phone" twice: in the feedback, and inside the placeholder.
    expect(conduct.evidence.cueRanges.filter((range) => range.cue === 'phone').length).toBe(2);
    const cues = (parts: { text: string; mark: string }[]) => parts.filter((part) => part.mark === 'cue').map((part) => part.text);
    const quoted = assignmentQuoteParts(entry!, conduct);
    expect(cues(quoted)).toContain('phone');
    expect(quoted.map((part) => part.text).join('')).toContain('[phone]');
    expect(
      quoted.some((part) => part.mark === 'cue' && part.text === 'phone' && quoted[quoted.indexOf(part) - 1]?.text.endsWith('[')),
    ).toBe(false);
    const marked = markedText(entry!);
    expect(
      marked.some((part) => part.mark === 'cue' && part.text === 'phone' && marked[marked.indexOf(part) - 1]?.text.endsWith('[')),
    ).toBe(false);
    expect(cues(marked)).toContain('phone');
  });
});
