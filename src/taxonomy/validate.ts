// Checks a parsed taxonomy file and turns it into a `Taxonomy`. Every problem is collected, not
// just the first, so a user editing the file by hand can fix them all in one pass.

import type { Taxonomy, Theme } from '../types.js';

export interface TaxonomyProblem {
  /** Where the problem is, e.g. `themes[3].examples[2]` or `themes.delivery.cues`. */
  path: string;
  message: string;
  /** 1-based line (and column) in the file, when known. */
  line?: number;
  column?: number;
}

/** A problem plus the key path into the document, so the loader can find its line. */
export interface LocatedProblem extends TaxonomyProblem {
  keys: (string | number)[];
}

export const TAXONOMY_VERSION = 1;
export const THEME_ID_PATTERN = /^[a-z][a-z0-9_]*$/;
export const MIN_EXAMPLES = 3;
/** A report of more themes than this cannot be read, and classifying against them costs quadratically. */
export const MAX_THEMES = 200;
/** Examples or cues one theme may list. */
export const MAX_LIST_ITEMS = 200;
export const TOP_LEVEL_KEYS = ['version', 'themes'] as const;
export const THEME_KEYS = ['id', 'label', 'description', 'examples', 'cues', 'advice', 'actionable', 'interview_practice'] as const;

type ThemeKey = (typeof THEME_KEYS)[number];

export function validateTaxonomy(raw: unknown, source: string): { taxonomy: Taxonomy | null; problems: TaxonomyProblem[] } {
  const { taxonomy, problems } = validateLocated(raw, source);
  return { taxonomy, problems: problems.map(({ keys: _keys, ...problem }) => problem) };
}

/** Same as `validateTaxonomy`, keeping each problem's key path. */
export function validateLocated(raw: unknown, source: string): { taxonomy: Taxonomy | null; problems: LocatedProblem[] } {
  const problems: LocatedProblem[] = [];
  const report = (keys: (string | number)[], path: string, message: string) => problems.push({ keys, path, message });

  if (raw === null || raw === undefined) {
    report([], '(top level)', `is empty. It needs a "themes:" list; start from the built-in data/taxonomy.yaml.`);
    return { taxonomy: null, problems };
  }
  if (!isMapping(raw)) {
    report([], '(top level)', `must be a mapping with "version:" and "themes:" at the top, found ${describe(raw)}.`);
    return { taxonomy: null, problems };
  }

  for (const key of Object.keys(raw)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      report([key], key, unknownKeyMessage(key, TOP_LEVEL_KEYS));
    }
  }
  if ('version' in raw && raw.version !== TAXONOMY_VERSION) {
    report(
      ['version'],
      'version',
      `must be ${TAXONOMY_VERSION}, found ${describe(raw.version)}. This program reads taxonomy files of version ${TAXONOMY_VERSION}.`,
    );
  }

  const themesRaw = raw.themes;
  if (themesRaw === undefined || themesRaw === null) {
    report(['themes'], 'themes', 'is missing. Add a "themes:" list with one entry per theme.');
    return { taxonomy: null, problems };
  }
  if (!Array.isArray(themesRaw)) {
    report(['themes'], 'themes', `must be a list of themes (each entry starting with "- id:"), found ${describe(themesRaw)}.`);
    return { taxonomy: null, problems };
  }
  if (themesRaw.length === 0) {
    report(['themes'], 'themes', 'is empty. Add at least one theme.');
    return { taxonomy: null, problems };
  }
  if (themesRaw.length > MAX_THEMES) {
    report(
      ['themes'],
      'themes',
      `has ${themesRaw.length} themes, over the limit of ${MAX_THEMES}. Merge related themes; a report of more cannot be read.`,
    );
    return { taxonomy: null, problems };
  }

  // First pass: which index first uses each valid id, so paths can name the theme.
  const firstIndexById = new Map<string, number>();
  themesRaw.forEach((entry, index) => {
    if (isMapping(entry) && typeof entry.id === 'string' && THEME_ID_PATTERN.test(entry.id.trim())) {
      const id = entry.id.trim();
      if (!firstIndexById.has(id)) firstIndexById.set(id, index);
    }
  });

  const themes: Theme[] = [];
  themesRaw.forEach((entry, index) => {
    const theme = validateTheme(entry, index, firstIndexById, report);
    if (theme) themes.push(theme);
  });

  if (problems.length > 0) return { taxonomy: null, problems };
  return { taxonomy: { source, themes }, problems };
}

type Report = (keys: (string | number)[], path: string, message: string) => void;

function validateTheme(entry: unknown, index: number, firstIndexById: Map<string, number>, report: Report): Theme | null {
  const indexPath = `themes[${index}]`;
  if (!isMapping(entry)) {
    report(['themes', index], indexPath, `must be a theme with keys ${THEME_KEYS.join(', ')}, found ${describe(entry)}.`);
    return null;
  }

  const rawId = typeof entry.id === 'string' ? entry.id.trim() : null;
  // Name the theme by id when that is unambiguous; users find `themes.delivery.cues` easier than an index.
  const base = rawId !== null && firstIndexById.get(rawId) === index ? `themes.${rawId}` : indexPath;
  const at = (key: string | number, ...rest: (string | number)[]) => ({
    keys: ['themes', index, key, ...rest],
    path: `${base}.${key}${rest.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`,
  });
  const problem = (where: { keys: (string | number)[]; path: string }, message: string) => report(where.keys, where.path, message);
  let ok = true;
  const fail = (where: { keys: (string | number)[]; path: string }, message: string) => {
    ok = false;
    problem(where, message);
  };

  for (const key of Object.keys(entry)) {
    if (!(THEME_KEYS as readonly string[]).includes(key)) fail(at(key), unknownKeyMessage(key, THEME_KEYS));
  }

  // id
  if (!('id' in entry) || entry.id === null) {
    fail(at('id'), 'is missing. Give the theme a short id such as "interview_nerves" (lowercase letters, digits and _).');
  } else if (typeof entry.id !== 'string') {
    fail(at('id'), `must be text, found ${describe(entry.id)}. Use lowercase letters, digits and _, e.g. "interview_nerves".`);
  } else if (rawId === '') {
    fail(at('id'), 'is empty. Give the theme a short id such as "interview_nerves".');
  } else if (!THEME_ID_PATTERN.test(rawId!)) {
    fail(
      at('id'),
      `"${entry.id}" is not a valid id. Use lowercase letters, digits and _, starting with a letter, e.g. "${suggestId(entry.id)}".`,
    );
  } else if (firstIndexById.get(rawId!) !== index) {
    fail(
      at('id'),
      `duplicate id "${rawId}" (also used by themes[${firstIndexById.get(rawId!)}]). Each theme needs its own id; rename one or merge the two.`,
    );
  }

  const label = requireText(entry, 'label', at, fail, 'Add a short name for the theme as advisers should see it.');
  const description = requireText(
    entry,
    'description',
    at,
    fail,
    'Add a sentence or two saying what the theme covers and what it does not.',
  );
  const advice = requireText(entry, 'advice', at, fail, 'Add what an adviser should suggest to a candidate who gets this feedback.');

  const examples = requireTextList(entry, 'examples', at, fail, MIN_EXAMPLES, {
    what: 'exemplar sentences',
    one: 'exemplar sentence',
    hint: 'Add sentences that sound like real feedback for this theme.',
  });
  const cues = requireTextList(entry, 'cues', at, fail, 1, {
    what: 'cue phrases',
    one: 'cue phrase',
    hint: 'Add short words or phrases that are evidence of this theme.',
  });

  let actionable: boolean | null = null;
  if (!('actionable' in entry) || entry.actionable === null) {
    fail(at('actionable'), 'is missing. Write "actionable: true" if the candidate can do something about it, else "actionable: false".');
  } else if (typeof entry.actionable !== 'boolean') {
    fail(at('actionable'), `must be true or false (without quotes), found ${describe(entry.actionable)}.`);
  } else {
    actionable = entry.actionable;
  }

  // Optional: a taxonomy that does not say gets advice that claims neither way.
  let interviewPractice: boolean | undefined;
  if ('interview_practice' in entry && entry.interview_practice !== null) {
    if (typeof entry.interview_practice === 'boolean') interviewPractice = entry.interview_practice;
    else fail(at('interview_practice'), `must be true or false (without quotes), found ${describe(entry.interview_practice)}.`);
  }

  if (!ok || rawId === null || label === null || description === null || advice === null || !examples || !cues || actionable === null) {
    return null;
  }
  return {
    id: rawId,
    label,
    description,
    examples,
    cues,
    advice,
    actionable,
    ...(interviewPractice === undefined ? {} : { interviewPractice }),
  };
}

type At = (key: string | number, ...rest: (string | number)[]) => { keys: (string | number)[]; path: string };
type Fail = (where: { keys: (string | number)[]; path: string }, message: string) => void;

function requireText(entry: Record<string, unknown>, key: ThemeKey, at: At, fail: Fail, hint: string): string | null {
  const value = entry[key];
  if (value === undefined || value === null) {
    fail(at(key), `is missing. ${hint}`);
    return null;
  }
  if (typeof value !== 'string') {
    fail(at(key), `must be text, found ${describe(value)}. ${hint}`);
    return null;
  }
  const text = value.trim();
  if (text === '') {
    fail(at(key), `is empty. ${hint}`);
    return null;
  }
  return text;
}

function requireTextList(
  entry: Record<string, unknown>,
  key: ThemeKey,
  at: At,
  fail: Fail,
  minimum: number,
  wording: { what: string; one: string; hint: string },
): string[] | null {
  const value = entry[key];
  if (value === undefined || value === null) {
    fail(at(key), `is missing. ${wording.hint} Write them as a list, one "- " line each.`);
    return null;
  }
  if (!Array.isArray(value)) {
    fail(at(key), `must be a list of ${wording.what} (one "- " line each), found ${describe(value)}.`);
    return null;
  }
  if (value.length > MAX_LIST_ITEMS) {
    fail(at(key), `has ${value.length} ${wording.what}, over the limit of ${MAX_LIST_ITEMS}. Keep the clearest ones.`);
    return null;
  }
  let ok = true;
  const items: string[] = [];
  const firstIndexByText = new Map<string, number>();
  value.forEach((item, i) => {
    if (typeof item === 'string' && item.trim() !== '') {
      items.push(item.trim());
      const normalised = normaliseSentence(item);
      const earlier = firstIndexByText.get(normalised);
      if (earlier !== undefined) {
        ok = false;
        fail(at(key, i), `repeats ${key}[${earlier}]. Remove it or write a different one.`);
      } else {
        firstIndexByText.set(normalised, i);
      }
    } else if (typeof item === 'string' || item === null) {
      ok = false;
      fail(at(key, i), 'is empty. Remove the line or write the text.');
    } else {
      ok = false;
      fail(at(key, i), `must be text, found ${describe(item)}. Wrap it in double quotes if it contains a colon.`);
    }
  });
  if (items.length < minimum) {
    ok = false;
    fail(at(key), `needs at least ${minimum} ${minimum === 1 ? wording.one : wording.what}, found ${items.length}. ${wording.hint}`);
  }
  return ok ? items : null;
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const close = closest(key, allowed);
  const suggestion = close ? ` Did you mean "${close}"?` : '';
  return `unknown key "${key}".${suggestion} Allowed keys: ${allowed.join(', ')}.`;
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A typo is a couple of edits away; anything further is a different word.
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function suggestId(id: string): string {
  const cleaned = id
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return cleaned || 'my_theme';
}

/** Case, spacing and trailing punctuation do not make two exemplars different. */
export function normaliseSentence(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?]+$/, '')
    .trim();
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}
