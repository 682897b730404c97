import { describe, expect, it } from 'vitest';
import { assignReferences, referenceCode, REFERENCE_CHARS } from '../../src/analyse/references.js';
import { referenceCoder } from '../../src/redact/reference.js';

describe('references', () => {
  it('cuts a six-character code from the keyed hash, the same whatever else the run holds', () => {
    const coder = referenceCoder(new Uint8Array(32).fill(1));
    const alone = assignReferences(['24004478'], coder).get('24004478')!;
    expect(alone).toMatch(/^Candidate [0-9A-HJKMNP-TV-Z]{6}$/);
    const crowd = Array.from({ length: 500 }, (_, i) => String(24000000 + i * 7));
    expect(assignReferences([...crowd, '24004478'].reverse(), coder).get('24004478')).toBe(alone);
    expect(assignReferences(['24004478'], referenceCoder(new Uint8Array(32).fill(2))).get('24004478')).not.toBe(alone);
  });

  it('lengthens the codes of students whose codes begin alike, each keeping the shared start', () => {
    const codes: Record<string, string> = { a: 'K7F3QXAB', b: 'K7F3QXCD', c: 'K7F3QYZZ', d: 'Z0000000' };
    const refs = assignReferences(['d', 'c', 'b', 'a'], (id) => codes[id]);
    expect(Object.fromEntries(refs)).toEqual({
      a: 'Candidate K7F3QXA',
      b: 'Candidate K7F3QXC',
      c: 'Candidate K7F3QY',
      d: 'Candidate Z00000',
    });
    expect(new Set(refs.values()).size).toBe(4);
    expect(referenceCode(refs.get('a')!)).toBe('K7F3QXA');
    expect(REFERENCE_CHARS).toBe(6);
  });

  it('gives distinct references to ten thousand students', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `s${i}`);
    const refs = assignReferences(ids, referenceCoder(null));
    expect(new Set(refs.values()).size).toBe(ids.length);
  });
});
