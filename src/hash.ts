import { createHash } from 'node:crypto';

/** sha256 hex of the exact text (UTF-8). The store keys texts by this, never by the text itself. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
