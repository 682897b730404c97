// Reads a taxonomy YAML file: parse, validate, and report every problem with its line.

import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { CliError, ExitCode } from '../errors.js';
import { openUserFile } from '../io/user-file.js';
import type { Taxonomy } from '../types.js';
import { firstTooDeep, MAX_YAML_DEPTH } from './depth.js';
import { MAX_THEMES, validateLocated, type LocatedProblem, type TaxonomyProblem } from './validate.js';

export { validateTaxonomy, type TaxonomyProblem } from './validate.js';
export { formatTaxonomy } from './format.js';

/** The built-in taxonomy; `src/taxonomy/` and `dist/taxonomy/` are both two levels below the package root. */
export const DEFAULT_TAXONOMY_PATH: string = fileURLToPath(new URL('../../data/taxonomy.yaml', import.meta.url));

export interface TaxonomyCheck {
  taxonomy: Taxonomy | null;
  problems: TaxonomyProblem[];
}

/** Parses and validates taxonomy YAML text. Problems carry the line (and column) they refer to. */
export function parseTaxonomy(text: string, source: string): TaxonomyCheck {
  // Counted before parsing: the parser recurses once per level.
  const deep = firstTooDeep(text);
  if (deep) {
    const message = `nests ${deep.depth} levels deep here, over the limit of ${MAX_YAML_DEPTH}. A taxonomy needs five: themes, a theme, its keys and their lists.`;
    return { taxonomy: null, problems: [{ path: 'syntax', message, line: deep.line }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true, uniqueKeys: true });

  if (doc.errors.length > 0) {
    // A document with syntax errors is only partly understood; checking its structure would add noise.
    const problems = doc.errors.map((error): TaxonomyProblem => {
      const position = error.linePos?.[0];
      return {
        path: 'syntax',
        message: `${firstLine(error.message)}. ${syntaxHint(error.code)}`,
        ...(position ? { line: position.line, column: position.col } : {}),
      };
    });
    return { taxonomy: null, problems };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library's guard against alias bombs ("billion laughs").
    if (!(error instanceof ReferenceError)) throw error;
    const message = `uses aliases (*name) that expand too far (over the limit of ${MAX_ALIAS_COUNT} alias expansions). Write the entries out in full instead of repeating anchors.`;
    const offset = firstAliasOffset(doc);
    return {
      taxonomy: null,
      problems: [{ path: 'syntax', message, ...(offset === null ? {} : { line: lineCounter.linePos(offset).line }) }],
    };
  }
  const { taxonomy, problems } = validateLocated(raw, source);
  const located = problems.map((problem) => withLine(problem, doc, lineCounter));
  // Read top to bottom, like the file (the sort is stable, so one line's problems keep their order).
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { taxonomy, problems: located };
}

const MAX_ALIAS_COUNT = 100;
/** Larger than any taxonomy an adviser could keep by hand (the built-in one is 55 KB). */
const MAX_TAXONOMY_BYTES = 4 * 1024 * 1024;

function firstAliasOffset(doc: Document): number | null {
  let offset: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Reads and checks a file without throwing for content problems (for `taxonomy validate`). */
export async function readTaxonomyFile(path: string = DEFAULT_TAXONOMY_PATH): Promise<TaxonomyCheck> {
  return parseTaxonomy(await readTaxonomyText(path), path);
}

/** Source recorded for the taxonomy that ships with the tool: the same on every machine. */
export const BUILT_IN_SOURCE = 'built-in';

/** Loads a taxonomy (the built-in one when no path is given), or throws a CliError (exit 2) that
 * lists every problem found in it. */
export async function loadTaxonomy(path?: string): Promise<Taxonomy> {
  const file = path ?? DEFAULT_TAXONOMY_PATH;
  const { taxonomy, problems } = await readTaxonomyFile(file);
  if (taxonomy && problems.length === 0) return path === undefined ? { ...taxonomy, source: BUILT_IN_SOURCE } : taxonomy;
  throw new CliError(formatProblems(problems, file), ExitCode.usage);
}

/** `Taxonomy FILE has N problems:` followed by one `FILE:LINE: path: message` line per problem. */
export function formatProblems(problems: TaxonomyProblem[], source: string): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => {
    const where =
      problem.line === undefined ? source : `${source}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
    return `  ${where}: ${problem.path}: ${problem.message}`;
  });
  return [`Taxonomy ${source} has ${count}:`, ...lines].join('\n');
}

async function readTaxonomyText(path: string): Promise<string> {
  const handle = await openUserFile(path, {
    what: 'the taxonomy file',
    hint: 'Give the path of a taxonomy .yaml file to --taxonomy, or leave it out to use the built-in taxonomy.',
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_TAXONOMY_BYTES) {
      throw new CliError(
        `${path}: the taxonomy file is ${(size / 1024 ** 2).toFixed(1)} MB, over the limit of ${MAX_TAXONOMY_BYTES / 1024 ** 2} MB. A taxonomy holds at most ${MAX_THEMES} themes.`,
        ExitCode.usage,
      );
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function withLine(problem: LocatedProblem, doc: Document, lineCounter: LineCounter): TaxonomyProblem {
  const { keys, ...rest } = problem;
  const offset = locate(doc, keys);
  return offset === null ? rest : { ...rest, line: lineCounter.linePos(offset).line };
}

/** Offset of the deepest node on the key path that exists: a key's own line for mapping keys. */
function locate(doc: Document, keys: (string | number)[]): number | null {
  let node: unknown = doc.contents;
  let offset: number | null = rangeStart(node);
  for (const [depth, key] of keys.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      // A missing top-level key has no useful line; a missing theme key points at its theme.
      if (!pair) return depth === 0 ? null : offset;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : null;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

function syntaxHint(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'DUPLICATE_KEY':
      return 'A key appears twice in the same theme or at the top; keep one.';
    case 'MISSING_CHAR':
      return 'A quote or bracket is not closed; close it on the same line.';
    default:
      return 'Check the indentation and quotes here; text that contains ": " must be wrapped in double quotes.';
  }
}
