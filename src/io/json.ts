// JSON from untrusted files (model checkpoints, safetensors headers): the nesting depth is counted
// before parsing, since JSON.parse and everything that walks its result afterwards (stringify,
// spread) recurse, and a file nested 100,000 levels deep would overflow the stack.

/** The text is not valid JSON, or nests deeper than allowed; `message` says which, in one line. */
export class JsonLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonLimitError';
  }
}

export const MAX_JSON_DEPTH = 64;

/** Parses JSON whose arrays and objects nest at most `maxDepth` levels deep. */
export function parseBoundedJson(text: string, maxDepth: number = MAX_JSON_DEPTH): unknown {
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) throw new JsonLimitError(`it nests more than ${maxDepth} levels deep (the limit is ${maxDepth})`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JsonLimitError(`it is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * One of this tool's own JSON files, as a user may hand it over (a theme head, clause-role weights):
 * bounded JSON whose top level is an object carrying `format`. Anything else is refused through
 * `refuse`, which names the file and what to do.
 */
export function parseFormatJson(text: string, format: string, refuse: (why: string) => Error): { format: string } {
  let parsed: unknown;
  try {
    parsed = parseBoundedJson(text);
  } catch (error) {
    if (error instanceof JsonLimitError) throw refuse(error.message);
    throw error;
  }
  const file = parsed as { format?: unknown } | null;
  if (!file || typeof file !== 'object' || file.format !== format) throw refuse(`"format" is not "${format}"`);
  return file as { format: string };
}

/** Deepest bracket nesting outside strings, stopping as soon as it passes `stopAbove`. */
function jsonDepth(text: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
