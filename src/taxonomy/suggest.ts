// `taxonomy suggest`: the current taxonomy file with one new theme per emerging cluster appended.
// Each suggestion is marked by a comment, carries the cluster's own sentences as exemplars and its
// distinctive terms as cues, so it validates and, used as is, catches the feedback it came from;
// the adviser renames, edits or deletes it. The file's own text (comments, wrapping) is kept as
// written: the suggestions are added after its last theme.

import { isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { EmergingTheme, Taxonomy } from '../types.js';
import { suggestedDescription } from './placeholder.js';
import { normaliseSentence } from './validate.js';

/** Exemplars per suggested theme: enough to match its feedback, few enough to read and edit. */
export const SUGGESTED_EXAMPLES = 20;

/**
 * A suggested theme's advice until the adviser writes its own. The file validates and runs as
 * written, so this reaches a student's page and the follow-up list as it stands: it is written to
 * the student and claims nothing about the reason (an instruction to the adviser read there as advice).
 */
export const SUGGESTED_ADVICE =
  'Talk this feedback through with your careers adviser, who can help you work out what to do differently next time.';

/**
 * Said under each suggestion: the key that decides whether a student's page sends them to a mock
 * interview is left out (claiming neither) until the adviser decides, but they are shown it.
 */
const INTERVIEW_PRACTICE_HINT =
  ' interview_practice: true  # add it (true or false) once you know whether a mock interview works on this reason';

interface SuggestedTheme {
  comment: string;
  theme: { id: string; label: string; description: string; examples: string[]; cues: string[]; advice: string; actionable: true };
}

export function suggestTaxonomy(sourceText: string, taxonomy: Taxonomy, emerging: readonly EmergingTheme[]): string {
  const suggestions = suggestedThemes(taxonomy, emerging);
  if (suggestions.length === 0) return sourceText;
  const document = parseDocument(sourceText);
  const themes = document.get('themes', true);
  if (!isMap(document.contents) || !isSeq(themes)) throw new Error('taxonomy has no themes list'); // validated on load
  const topLevel = document.contents.items;
  const themesLast = topLevel.length > 0 && String((topLevel[topLevel.length - 1]!.key as { value?: unknown })?.value) === 'themes';
  const firstItem = themes.items[0] as YAMLMap | undefined;
  if (themesLast && firstItem?.range) {
    // The indentation of the existing "- id:" lines, so the new entries line up with them.
    const lineStart = sourceText.lastIndexOf('\n', firstItem.range[0]) + 1;
    const indent = /^(\s*)-/.exec(sourceText.slice(lineStart, firstItem.range[0]))?.[1] ?? '';
    const blocks = suggestions.map(({ comment, theme }) => {
      const body = stringify([theme], { lineWidth: 0 }).trimEnd().split('\n');
      return [`${indent}#${comment}`, ...body.map((line) => `${indent}${line}`), `${indent}  #${INTERVIEW_PRACTICE_HINT}`].join('\n');
    });
    return `${sourceText.trimEnd()}\n\n${blocks.join('\n\n')}\n`;
  }
  // Themes listed before other keys: rebuild the document (comments survive, wrapping may change).
  for (const { comment, theme } of suggestions) {
    const node = document.createNode(theme) as YAMLMap;
    node.commentBefore = comment;
    node.comment = INTERVIEW_PRACTICE_HINT;
    node.spaceBefore = true;
    themes.items.push(node);
  }
  return document.toString();
}

function suggestedThemes(taxonomy: Taxonomy, emerging: readonly EmergingTheme[]): SuggestedTheme[] {
  const used = new Set(taxonomy.themes.map((theme) => theme.id));
  const existingExamples = new Set(taxonomy.themes.flatMap((theme) => theme.examples.map(normaliseSentence)));
  const out: SuggestedTheme[] = [];
  for (const cluster of emerging) {
    const examples = uniqueSentences(cluster.sentences, existingExamples).slice(0, SUGGESTED_EXAMPLES);
    if (examples.length < 3) continue; // too few distinct sentences to stand as a theme
    // A theme needs a cue to validate; discovery names every group by some words, so this is rare.
    if (cluster.terms.length === 0) continue;
    const cues = [...new Set(cluster.terms.map((term) => term.toLowerCase()))];
    const id = readableId(cues, used);
    used.add(id);
    out.push({
      comment: ` Suggested by feedback-themes from emerging theme ${cluster.id} (${cluster.terms.slice(0, 5).join(', ')}). Rename, edit or delete it; write its advice to the student.`,
      theme: {
        id,
        label: cluster.label,
        description: suggestedDescription(cluster.items, cluster.candidates),
        examples,
        cues,
        advice: SUGGESTED_ADVICE,
        actionable: true,
      },
    });
  }
  return out;
}

/** `social_media` from the two strongest terms; a number when taken (`social_media_2`). */
export function readableId(terms: readonly string[], used: ReadonlySet<string>): string {
  const parts = terms
    .map((term) => term.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter((term) => term.length > 0)
    .slice(0, 2);
  let base = parts.join('_') || 'emerging';
  if (!/^[a-z]/.test(base)) base = `theme_${base}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  return id;
}

function uniqueSentences(sentences: readonly string[], taken: Set<string>): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    const text = sentence.replace(/\s+/g, ' ').trim();
    const key = normaliseSentence(text);
    if (!key || taken.has(key)) continue;
    taken.add(key);
    out.push(text);
  }
  return out;
}
