import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileVectorCache } from '../../scripts/lib/file-vector-cache.js';

describe('fileVectorCache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'file-vector-cache-'));
  afterEach(() => rmSync(path.join(dir, 'cache.json'), { force: true }));
  const file = path.join(dir, 'cache.json');
  const vector = (x: number) => new Float32Array([x, x + 1]);

  it('reads back what a run under the same scope kept', async () => {
    const first = await fileVectorCache(file, 'code-a');
    await first.putVectors('model', [{ hash: 'h1', vector: vector(1) }]);
    await first.save();
    const again = await fileVectorCache(file, 'code-a');
    expect(Array.from((await again.getVectors('model', ['h1'])).get('h1') ?? [])).toEqual([1, 2]);
  });

  it('never reads under one scope what another kept, and writes back only its own scope', async () => {
    const old = await fileVectorCache(file, 'code-a');
    await old.putVectors('model', [{ hash: 'h1', vector: vector(1) }]);
    await old.save();
    const changed = await fileVectorCache(file, 'code-b');
    expect((await changed.getVectors('model', ['h1'])).size).toBe(0);
    await changed.putVectors('model', [{ hash: 'h2', vector: vector(5) }]);
    await changed.save();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['code-b:model']);
  });
});
