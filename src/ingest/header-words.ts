// Header names as words, for matching them against synonyms whatever their case or punctuation.

/** Lower-case words of a header: `ResponseId` → [response, id], `Feedback (text)` → [feedback, text]. */
export function headerWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function normaliseHeader(name: string): string {
  return headerWords(name).join('');
}
