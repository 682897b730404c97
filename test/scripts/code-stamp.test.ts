import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifierCodeStamp } from '../../scripts/lib/code-stamp.js';

describe('classifierCodeStamp', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'code-stamp-'));
    write('src/classify/reading.ts', 'export const rule = 1;');
    write('src/discover/group.ts', 'export const k = 15;');
    write('data/heads/default.json', '{"version":3}');
    write('data/roles/default.json', '{"roles":[]}');
    write('data/taxonomy.yaml', 'themes: []');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is the same for the same files', () => {
    expect(classifierCodeStamp(root)).toBe(classifierCodeStamp(root));
  });

  it('changes when a rule of reading, the clause-role reader or the built-in head changes', () => {
    const before = classifierCodeStamp(root);
    write('src/classify/reading.ts', 'export const rule = 2;');
    const afterRule = classifierCodeStamp(root);
    expect(afterRule).not.toBe(before);
    write('data/roles/default.json', '{"roles":["reason"]}');
    const afterReader = classifierCodeStamp(root);
    expect(afterReader).not.toBe(afterRule);
    write('data/heads/default.json', '{"version":3,"refitted":true}');
    expect(classifierCodeStamp(root)).not.toBe(afterReader);
  });

  it('changes when a classifying file is added', () => {
    const before = classifierCodeStamp(root);
    write('src/classify/new-rule.ts', 'export const x = 1;');
    expect(classifierCodeStamp(root)).not.toBe(before);
  });

  it('does not change with discovery code, which reads a classification and never makes one', () => {
    const before = classifierCodeStamp(root);
    write('src/discover/group.ts', 'export const k = 10;');
    expect(classifierCodeStamp(root)).toBe(before);
  });

  it("reads the engines' profiles by their values less discovery's settings, not by the file's text", () => {
    write('src/classify/profiles.ts', 'const NEIGHBOURHOOD = { resolution: 0.5 };');
    const before = classifierCodeStamp(root);
    write('src/classify/profiles.ts', 'const NEIGHBOURHOOD = { resolution: 0.4 };');
    expect(classifierCodeStamp(root)).toBe(before);
  });
});
