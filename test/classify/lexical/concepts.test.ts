import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONCEPTS, checkConcepts, compileConcepts, loadConcepts } from '../../../src/classify/lexical/concepts.js';
import { hashText } from '../../../src/hash.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'concepts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the concept file', () => {
  it('loads data/lexicon/concepts.yaml: every theme area has concepts, phrases as written', () => {
    expect(Object.keys(CONCEPTS).length).toBeGreaterThan(30);
    expect(CONCEPTS.credential).toContain('2:2');
    expect(CONCEPTS.scripted).toContain('rehearsed');
  });

  it('refuses a file that is not a map of concept names to phrase lists, naming what is wrong', () => {
    expect(() => checkConcepts(['a'], 'c.yaml')).toThrow(/^c\.yaml: expected a mapping of concept names to phrase lists/);
    expect(() => checkConcepts({ Nerves: ['nervous'] }, 'c.yaml')).toThrow(/c\.yaml: concept name "Nerves" is not lower case/);
    expect(() => checkConcepts({ nerves: [] }, 'c.yaml')).toThrow(/c\.yaml: concept nerves: expected a non-empty list of phrases/);
    expect(() => checkConcepts({ nerves: ['nervous', 3] }, 'c.yaml')).toThrow(/c\.yaml: concept nerves, phrase 2: expected text, got 3/);
    expect(() => checkConcepts({ nerves: ['nervous', ' '] }, 'c.yaml')).toThrow(/phrase 2: expected text/);
    expect(checkConcepts({ nerves: ['nervous', 'shaky'] }, 'c.yaml')).toEqual({ nerves: ['nervous', 'shaky'] });
  });

  it('starts from the compiled copy only while it was made from the very same text', async () => {
    const file = path.join(dir, 'concepts.yaml');
    const compiled = path.join(dir, 'concepts.json');
    const text = 'nerves:\n  - "nervous"\n  - shaky\n';
    await writeFile(file, text);
    expect(compileConcepts(text, file)).toEqual({ digest: hashText(text), concepts: { nerves: ['nervous', 'shaky'] } });
    // A copy that says other things than the file shows which of the two was read.
    await writeFile(compiled, JSON.stringify({ digest: hashText(text), concepts: { copied: ['from the copy'] } }));
    expect(loadConcepts(file, compiled)).toEqual({ copied: ['from the copy'] });
    expect(loadConcepts(file, null)).toEqual({ nerves: ['nervous', 'shaky'] });
    // The YAML edited since the copy was made: the YAML is read.
    await writeFile(file, `${text}  - jittery\n`);
    expect(loadConcepts(file, compiled)).toEqual({ nerves: ['nervous', 'shaky', 'jittery'] });
    // A copy that cannot be read is no copy.
    await writeFile(compiled, '{ not json');
    expect(loadConcepts(file, compiled)).toEqual({ nerves: ['nervous', 'shaky', 'jittery'] });
  });

  it('names the file when it is not YAML', async () => {
    const file = path.join(dir, 'broken.yaml');
    await writeFile(file, 'nerves: [nervous\n');
    expect(() => loadConcepts(file)).toThrow(`${file}: not valid YAML`);
  });
});
