// Two shortcuts in the library's BERT tokenizer, each giving the ids the library's own steps give:
//  - BertNormalizer on printable ASCII is lower-casing alone: its cleaning (control characters,
//    whitespace other than a space), CJK spacing and accent stripping change no such character (as
//    token-key.ts reasons); the library's steps go character by character, one test pattern made
//    per character.
//  - WordPiece splits each pre-token on its own, so a word's pieces are worked out once: feedback
//    repeats its words from text to text.
// Anything else (another normaliser or model, other settings, a text with other characters) goes
// through the library's own code.

import { PRINTABLE_ASCII } from './token-key.js';

/** Words whose pieces are kept, at most: the vocabulary of a run's feedback is far smaller. */
const WORD_PIECES_KEPT = 100_000;

/** The parts of the library's tokenizer the shortcuts touch (the Tokenizer inside transformers.js's PreTrainedTokenizer). */
interface TokenizerParts {
  normalizer?: { config?: Record<string, unknown>; normalize?: (text: string) => string } | null;
  model?: { config?: Record<string, unknown>; encode?: (tokens: string[]) => string[] } | null;
}

/**
 * Installs the shortcuts in a pipeline's tokenizer where it is BERT's (a lower-casing normaliser,
 * WordPiece); otherwise leaves it be.
 */
export function shortcutTokenizer(pipelineTokenizer: unknown): void {
  const inner = (pipelineTokenizer as { _tokenizer?: unknown } | null)?._tokenizer;
  const { normalizer, model } = (inner ?? {}) as TokenizerParts;
  const config = normalizer?.config;
  if (
    normalizer &&
    typeof normalizer.normalize === 'function' &&
    config?.type === 'BertNormalizer' &&
    config.lowercase === true &&
    config.strip_accents !== false
  ) {
    const normalize = normalizer.normalize.bind(normalizer);
    normalizer.normalize = (text) => (PRINTABLE_ASCII.test(text) ? text.toLowerCase() : normalize(text));
  }
  if (model && typeof model.encode === 'function' && model.config?.type === 'WordPiece') {
    const encode = model.encode.bind(model);
    const pieces = new Map<string, string[]>();
    const piecesOf = (token: string): string[] => {
      let known = pieces.get(token);
      if (known === undefined) {
        known = encode([token]);
        if (pieces.size < WORD_PIECES_KEPT) pieces.set(token, known);
      }
      return known;
    };
    model.encode = (tokens) => {
      const out: string[] = [];
      for (const token of tokens) for (const piece of piecesOf(token)) out.push(piece);
      return out;
    };
  }
}
