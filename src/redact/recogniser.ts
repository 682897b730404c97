// The name recogniser (compromise), read without memory. compromise writes the words a call is told
// (`nlp(text, lexicon)`) into its one global lexicon (`addWords`: Object.assign into
// model.one.lexicon and _multiCache), so every later sentence would read them as names: whether
// "asked fiifi about …" is hidden would depend on whether "Fiifi felt …" was read before it, in
// this run or in an earlier one in the same process. Each call here puts the lexicon back as it was.
import { createRequire } from 'node:module';

export interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
type Lexicon = Record<string, string | string[]>;
interface Expanded {
  lex: Lexicon;
  _multi: Record<string, number>;
}
interface World {
  model: { one: { lexicon: Lexicon; _multiCache: Record<string, number> } };
  methods: {
    one: { expandLexicon(words: Lexicon, world: World): Expanded };
    two: { expandLexicon?(words: Lexicon, world: World): Expanded };
  };
}
export interface Recognise {
  (sentence: string, lexicon?: Record<string, string>): { people(): { json(options: { offset: true }): { terms: Term[] }[] } };
  model(): World['model'];
  world(): World;
}

let recognise: Recognise | null = null;

/** Loaded on first need: most runs' text has no sentence that needs it. */
export function recogniser(): Recognise {
  try {
    recognise ??= createRequire(import.meta.url)('compromise') as Recognise;
  } catch (error) {
    // Without it names would reach the outputs: stop rather than carry on unredacted.
    throw new Error('the name recogniser (the npm package compromise) is not installed: run `npm ci` in the feedback-themes folder', {
      cause: error,
    });
  }
  return recognise;
}

const ABSENT = Symbol('absent');

/** Each key `expanded` writes into `into`, with what it held before (ABSENT: nothing). */
function saved<T>(into: Record<string, T>, keys: Record<string, unknown>): [string, T | typeof ABSENT][] {
  return Object.keys(keys).map((key) => [key, Object.hasOwn(into, key) ? into[key]! : ABSENT]);
}

function restore<T>(into: Record<string, T>, entries: [string, T | typeof ABSENT][]): void {
  for (const [key, value] of entries) {
    if (value === ABSENT) delete into[key];
    else into[key] = value;
  }
}

/** The people in one sentence, the recogniser told `lexicon` for this sentence only. */
export function peopleIn(sentence: string, lexicon: Record<string, string>): { terms: Term[] }[] {
  const nlp = recogniser();
  const read = () => nlp(sentence, lexicon).people().json({ offset: true });
  if (Object.keys(lexicon).length === 0) return read();
  // The keys compromise's own expansion writes (both of its lexicon's halves), worked out as it does.
  const world = nlp.world();
  const { lexicon: words, _multiCache: multi } = world.model.one;
  const written = [world.methods.one.expandLexicon({ ...lexicon }, world)];
  if (world.methods.two.expandLexicon) written.push(world.methods.two.expandLexicon({ ...lexicon }, world));
  const before = written.map(({ lex, _multi }) => [saved(words, lex), saved(multi, _multi)] as const);
  try {
    return read();
  } finally {
    for (const [lex, multiple] of before.reverse()) {
      restore(words, lex);
      restore(multi, multiple);
    }
  }
}
