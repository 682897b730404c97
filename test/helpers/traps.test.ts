import { describe, expect, it } from 'vitest';
import { readTraps, scoreTraps, type Trap } from './traps.js';

describe('scoreTraps', () => {
  const traps: Trap[] = [
    { id: 't1', text: 'a', forbidden: ['conduct'], required: ['uninformative'] },
    { id: 't2', text: 'b', forbidden: ['delivery', 'examples'], required: [] },
  ];

  it('counts every forbidden theme assigned and the required ones found', () => {
    const score = scoreTraps(traps, [['conduct'], ['delivery', 'examples', 'motivation']]);
    expect(score).toEqual({
      sentences: 2,
      forbiddenHits: 3,
      requiredRecall: 0,
      misses: [
        { id: 't1', forbidden: ['conduct'], missing: ['uninformative'] },
        { id: 't2', forbidden: ['delivery', 'examples'], missing: [] },
      ],
    });
  });

  it('reports nothing when the traps are avoided', () => {
    expect(scoreTraps(traps, [['uninformative'], []])).toEqual({ sentences: 2, forbiddenHits: 0, requiredRecall: 1, misses: [] });
  });
});

describe('readTraps', () => {
  it('reads each part apart, with its theme lists', () => {
    const dev = readTraps('dev');
    const test = readTraps('test');
    expect(dev.every((trap) => trap.id.startsWith('traps-dev-'))).toBe(true);
    expect(test.every((trap) => trap.id.startsWith('traps-test-'))).toBe(true);
    expect(dev.length + test.length).toBeGreaterThanOrEqual(60);
    expect(dev.every((trap) => trap.forbidden.length > 0)).toBe(true);
  });
});
