import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { correctionKey } from '../../src/classify/corrections.js';
import { readLabelledSets } from '../../scripts/lib/labelled-sets.js';

describe('readLabelledSets', () => {
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps one item per text, from the first file that has it, with the index of its file', async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'labelled-sets-'));
    const first = path.join(folder, 'first.csv');
    const second = path.join(folder, 'second.csv');
    writeFileSync(first, 'id,text,themes\na1,No CIPD Level 5.,qualifications\na2,You arrived late.,conduct\n');
    writeFileSync(
      second,
      'id,text,themes\nb1,  no cipd level 5. ,qualifications\nb2,Another candidate had more experience.,experience|competition\n',
    );
    const { gold, seen } = await readLabelledSets([first, second], ['qualifications', 'experience', 'competition', 'conduct']);
    expect(gold).toEqual([
      { text: 'No CIPD Level 5.', themes: ['qualifications'], set: 0 },
      { text: 'You arrived late.', themes: ['conduct'], set: 0 },
      { text: 'Another candidate had more experience.', themes: ['experience', 'competition'], set: 1 },
    ]);
    expect(seen.has(correctionKey('You arrived late.'))).toBe(true);
    expect(seen.size).toBe(3);
  });
});
