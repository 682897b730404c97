// Texts that a lowercasing BERT tokenizer turns into the same token ids ("The panel felt ..." and
// "the panel felt ..." in one input) get the same vector from a model that runs one text per call,
// so the embedder runs only one of them. The key below is equal only where the ids are certain to
// be: for printable ASCII, BertNormalizer's cleaning and accent stripping change nothing and its
// lowercasing is String.toLowerCase, so two texts with one lowercase form are one normalised
// text; special tokens ("[CLS]") are matched before normalising, case-sensitively, so a text
// holding one in any case keeps itself as its key. Any other tokenizer, or text, keys as itself.

interface TokenizerJson {
  normalizer?: { type?: unknown; lowercase?: unknown } | null;
  added_tokens?: { content?: unknown }[];
}

/** Text a lower-casing BertNormalizer only lower-cases (the reason is above; tokenizer-shortcuts.ts relies on it too). */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The tokenizer's ids of two texts are equal when their keys are (tokenizer.json, parsed). */
export function tokenKeyFor(tokenizer: unknown): (text: string) => string {
  const { normalizer, added_tokens: added = [] } = (tokenizer ?? {}) as TokenizerJson;
  if (normalizer?.type !== 'BertNormalizer' || normalizer.lowercase !== true) return (text) => text;
  const special = added.map((token) => String(token.content ?? '').toLowerCase()).filter((content) => content.length > 0);
  return (text) => {
    if (!PRINTABLE_ASCII.test(text)) return text;
    const lower = text.toLowerCase();
    return special.some((content) => lower.includes(content)) ? text : lower;
  };
}
