// A whole feedback text split into plain, evidence and cue parts, with the evidence of every theme
// the item carries marked (the report's quotes mark one theme; a student's page marks them all).

import type { ClassifiedItem } from '../types.js';
import type { QuotePart } from './model.js';
import { placeholderOverlap } from '../redact/placeholders.js';
import { evidenceRange } from './quotes.js';

interface Range {
  start: number;
  end: number;
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export function markedText(entry: ClassifiedItem): QuotePart[] {
  const text = entry.item.text;
  const evidence: Range[] = [];
  const cues: Range[] = [];
  const onPlaceholder = placeholderOverlap(text);
  for (const assignment of entry.themes) {
    const range = evidenceRange(entry, assignment);
    if (range === null) continue;
    evidence.push(range);
    // The classifier's own cue ranges (offsets into the segment): nothing is matched again here.
    for (const cue of assignment.evidence.cueRanges) {
      const at = { start: range.start + cue.start, end: range.start + cue.end };
      if (at.end <= range.end && !onPlaceholder(at.start, at.end)) cues.push(at);
    }
  }
  const marks = merge(evidence);
  const cueMarks = merge(cues);
  const parts: QuotePart[] = [];
  const push = (from: number, to: number, mark: QuotePart['mark']) => {
    if (to > from) parts.push({ text: text.slice(from, to), mark });
  };
  let cursor = 0;
  for (const mark of marks) {
    push(cursor, mark.start, 'none');
    let inner = mark.start;
    for (const cue of cueMarks) {
      if (cue.end <= mark.start || cue.start >= mark.end) continue;
      const start = Math.max(cue.start, mark.start);
      const end = Math.min(cue.end, mark.end);
      push(inner, start, 'evidence');
      push(start, end, 'cue');
      inner = end;
    }
    push(inner, mark.end, 'evidence');
    cursor = mark.end;
  }
  push(cursor, text.length, 'none');
  return parts;
}
