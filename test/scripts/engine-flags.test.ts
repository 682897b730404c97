import { describe, expect, it } from 'vitest';
import { engineConfigFrom, engineSetupKey } from '../../scripts/lib/engine-flags.js';

describe('engineSetupKey', () => {
  it('tells engines, models and weights apart, so a cache of one set-up is never reused for another', () => {
    const keys = [
      engineSetupKey(engineConfigFrom({ engine: 'hybrid', offline: true })),
      engineSetupKey(engineConfigFrom({ engine: 'lexical', offline: true })),
      engineSetupKey(engineConfigFrom({ engine: 'hybrid', dtype: 'fp32', offline: true })),
      engineSetupKey(engineConfigFrom({ engine: 'hybrid', model: '/models/other', offline: true })),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the same for the same flags', () => {
    expect(engineSetupKey(engineConfigFrom({ engine: 'lexical' }))).toBe(engineSetupKey(engineConfigFrom({ engine: 'lexical' })));
  });
});
