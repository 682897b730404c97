import { describe, expect, it } from 'vitest';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { ENGINE_NAMES } from '../../src/types.js';

describe('ENGINE_PROFILES', () => {
  it('has one profile per engine, filed under its own name, with settings in their ranges', () => {
    expect(Object.keys(ENGINE_PROFILES).sort()).toEqual([...ENGINE_NAMES].sort());
    for (const [name, profile] of Object.entries(ENGINE_PROFILES)) {
      expect(profile.engine).toBe(name);
      expect(Number.isInteger(profile.scoring.topK) && profile.scoring.topK >= 1).toBe(true);
      expect(profile.scoring.centroidWeight).toBeGreaterThanOrEqual(0);
      expect(profile.scoring.centroidWeight).toBeLessThanOrEqual(1);
      expect(profile.thresholds.margin).toBeGreaterThanOrEqual(0);
      expect(Math.abs(profile.thresholds.floor)).toBeLessThanOrEqual(1);
      expect(profile.discovery.weakBand).toBeGreaterThanOrEqual(0);
      expect(profile.discovery.maxDistance).toBeGreaterThan(0);
      if (profile.neuralShare !== null) expect(profile.neuralShare > 0 && profile.neuralShare < 1).toBe(true);
    }
  });

  it('gives the default thresholds, tied to the model only for engines that run one', () => {
    for (const name of ENGINE_NAMES) {
      const { floor, margin } = ENGINE_PROFILES[name].thresholds;
      const thresholds = defaultThresholds(name, 'some/model');
      expect(thresholds).toMatchObject({ engine: name, floor, margin, source: 'default' });
      expect(thresholds.model).toBe(ENGINE_PROFILES[name].usesModel ? 'some/model' : null);
    }
  });
});
