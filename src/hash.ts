import { createHash } from 'node:crypto';
import type { ItemContent } from './previous-run.js';
import type { FeedbackItem } from './types.js';

/** sha256 hex of the exact text (UTF-8). The store keys texts by this, never by the text itself. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** An item as the store records it (its id, candidate and text hash): how runs tell an edited or removed row. */
export function itemContent(item: Pick<FeedbackItem, 'id' | 'candidate' | 'text'>): ItemContent {
  return { id: item.id, candidate: item.candidate, textSha256: hashText(item.text) };
}
