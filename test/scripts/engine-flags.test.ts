import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('changes when a model folder is imported again at the same path with other weights', () => {
    const model = mkdtempSync(path.join(os.tmpdir(), 'engine-key-'));
    try {
      mkdirSync(path.join(model, 'onnx'));
      writeFileSync(path.join(model, 'onnx', 'model_quantized.onnx'), 'old graph');
      writeFileSync(path.join(model, 'feedback-themes-model.json'), '{"format":1}');
      const config = engineConfigFrom({ engine: 'hybrid', model, offline: true });
      const before = engineSetupKey(config);
      expect(engineSetupKey(config)).toBe(before);
      writeFileSync(path.join(model, 'onnx', 'model_quantized.onnx'), 'a new graph, row-scaled');
      expect(engineSetupKey(config)).not.toBe(before);
      const after = engineSetupKey(config);
      writeFileSync(path.join(model, 'feedback-themes-model.json'), '{"format":1,"q8ActivationScale":"row"}');
      expect(engineSetupKey(config)).not.toBe(after);
    } finally {
      rmSync(model, { recursive: true, force: true });
    }
  });
});
