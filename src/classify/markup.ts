// Markup in feedback (an HTML tag pasted from an email body, or written to attack the report) is
// never a reason for a rejection: "<script>" must not read as the delivery cue "scripted", nor
// "<b>" and "</b>" weigh in the sentence's meaning. The text shown keeps the tags (escaped).

/** An HTML comment, or an opening, closing or empty tag with at most a few hundred characters of attributes. */
const MARKUP = /<!--[\s\S]{0,2000}?-->|<\/?[A-Za-z][A-Za-z0-9:-]{0,30}(?:[\s/][^<>]{0,500})?>/g;

/** [start, end) of every tag and comment in `text`. */
export function markupRanges(text: string): Array<[number, number]> {
  if (!text.includes('<')) return [];
  return [...text.matchAll(MARKUP)].map((match) => [match.index, match.index + match[0].length]);
}

/** The text with its tags and comments replaced by a space, or the text as it is when nothing else is left. */
export function withoutMarkup(text: string): string {
  if (!text.includes('<')) return text;
  const stripped = text
    .replace(MARKUP, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : text;
}
