// How deep a YAML text nests, counted line by line before it is parsed: the YAML parser recurses
// once per level, so a file nested 2,000 levels deep would overflow the stack inside it. A
// taxonomy needs five levels (themes, a theme, its lists); anything near the limit is not one.

export const MAX_YAML_DEPTH = 32;

export interface DeepLine {
  line: number;
  depth: number;
}

/**
 * The first line that nests deeper than `limit`, or null. Block levels are the open indentations
 * (plus each `- ` that starts a nested list on the same line); flow levels are open `[` and `{`
 * outside quoted scalars and comments. The lines of a block scalar (`|`, `>`) are text, not levels.
 */
export function firstTooDeep(text: string, limit: number = MAX_YAML_DEPTH): DeepLine | null {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | null = null;
  let blockScalarIndent = -1;
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (blockScalarIndent >= 0 && (content === '' || indent > blockScalarIndent)) continue;
    blockScalarIndent = -1;
    if (quote === null && (content === '' || content.startsWith('#'))) continue;
    if (flow === 0 && quote === null) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    const dashes = (/^(?:-[ \t]+)*/.exec(content)![0].match(/-/g) ?? []).length;
    const base = indents.length + dashes;
    let deepest = base + flow;
    let previous = ' ';
    for (let i = 0; i < content.length; i++) {
      const c = content[i]!;
      if (quote !== null) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote && quote === "'" && content[i + 1] === "'") i++;
        else if (c === quote) quote = null;
      } else if ((c === '"' || c === "'") && /[\s[{,:-]/.test(previous)) quote = c;
      else if (c === '#' && /\s/.test(previous)) break;
      else if (c === '[' || c === '{') deepest = Math.max(deepest, base + ++flow);
      else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      previous = /\s/.test(c) ? ' ' : c;
    }
    if (deepest > limit) return { line: lineNumber, depth: deepest };
    if (quote === null && flow === 0 && /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/.test(content)) blockScalarIndent = indent;
  }
  return null;
}
