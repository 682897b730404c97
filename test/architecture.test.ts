// The shape of the code, checked: no module imports itself back through others (static, dynamic
// or type-only imports alike), folders import only lower layers, the browser's code no Node module,
// and no source file grows past 350 lines (split it by concept).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const MAX_LINES = 350;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of a module, resolved to source files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'));
}

/**
 * The layers of src/, lowest first: a folder or top-level file imports only from layers below its own
 * (and from within itself). The first layer is the shared vocabulary, whose files may use each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'previous-run.ts', 'own.ts', 'hash.ts', 'errors.ts', 'logger.ts', 'random.ts', 'wasm-kernel.ts'],
  ['io'],
  ['models', 'redact', 'taxonomy', 'store'],
  ['options.ts'],
  ['config.ts', 'ingest'],
  ['classify'],
  ['discover', 'analyse'],
  ['report'],
  ['checkpoint.ts', 'commit.ts'],
  ['pipeline.ts'],
  ['commands'],
  ['cli.ts'],
];

/** The folder (or top-level file) of src/ a source file belongs to. */
function unitOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!;
}

function layerOf(unit: string): number {
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  if (layer < 0) throw new Error(`src/${unit} is in no layer of test/architecture.test.ts: add it to LAYERS`);
  return layer;
}

/** Imports that go sideways or up the layers, as "from → to". */
function layerViolations(graph: Map<string, string[]>): string[] {
  const bad = new Set<string>();
  for (const [file, imports] of graph) {
    const from = unitOf(file);
    for (const target of imports) {
      const to = unitOf(target);
      if (from === to) continue;
      const [a, b] = [layerOf(from), layerOf(to)];
      if (b > a || (b === a && a > 0)) bad.add(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
    }
  }
  return [...bad];
}

/** The graph of folders (and top-level files): an edge wherever one imports the other. */
function unitGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const units = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = unitOf(file);
    const targets = units.get(from) ?? new Set<string>();
    units.set(from, targets);
    for (const target of imports) if (unitOf(target) !== from) targets.add(unitOf(target));
  }
  return new Map([...units].map(([unit, targets]) => [unit, [...targets]]));
}

/** Every file a set of entry files reaches through imports. */
function reachable(graph: Map<string, string[]>, entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(graph.get(file) ?? []));
  }
  return seen;
}

const NODE_MODULES = new Set(builtinModules);

/** The Node built-in modules a file imports (`node:fs`, or `fs` without the prefix). */
function nodeImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"]([^'".][^'"]*)['"]/gm)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('node:') || NODE_MODULES.has(s.split('/')[0]!));
}

/** Every import cycle, each as the chain of files that closes it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'active') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('source layout', () => {
  const files = sourceFiles(SRC);

  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(importsOf(path.join(SRC, 'cli.ts'))).toContain(path.join(SRC, 'options.ts'));
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((f) => path.relative(SRC, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('detects a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('imports only from lower layers', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(layerViolations(graph)).toEqual([]);
  });

  it('flags an import that goes up the layers or sideways', () => {
    const at = (file: string) => path.join(SRC, file);
    const graph = new Map([
      [at('models/a.ts'), [at('classify/b.ts'), at('io/c.ts'), at('models/d.ts')]],
      [at('ingest/e.ts'), [at('config.ts')]],
      [at('types.ts'), [at('errors.ts')]],
    ]);
    expect(layerViolations(graph)).toEqual(['models/a.ts → classify/b.ts', 'ingest/e.ts → config.ts']);
  });

  it('has no folder that imports a folder importing it back', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(findCycles(unitGraph(graph))).toEqual([]);
  });

  it('keeps Node modules out of the code that reaches the browser', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const client = files.filter((f) => f.startsWith(path.join(SRC, 'report', 'client') + path.sep));
    const browser = [...reachable(graph, client)];
    expect(browser.length).toBeGreaterThan(client.length);
    const nodeImports = browser.flatMap((f) => nodeImportsOf(f).map((m) => `${path.relative(SRC, f)}: ${m}`));
    expect(nodeImports).toEqual([]);
    expect(nodeImportsOf(path.join(SRC, 'report', 'render.ts')).length).toBeGreaterThan(0);
  });

  it(`keeps every file in src/ at most ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => ({ file: path.relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});

describe('test files', () => {
  it('remove every temp folder they make, so a run of the tests leaves none in the system temp folder', () => {
    const leaving = sourceFiles(path.resolve('test'))
      .filter((file) => file !== path.resolve('test/architecture.test.ts'))
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return /\bmkdtemp(?:Sync)?\(/.test(text) && !/\brm(?:Sync)?\(/.test(text);
      })
      .map((file) => path.relative('test', file));
    expect(leaving).toEqual([]);
  });
});
