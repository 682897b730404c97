import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyHead, knownThemes, themeDigest } from '../../../src/classify/head/bind.js';
import { parseHeadFile } from '../../../src/classify/head/file.js';
import { DEFAULT_HEAD_PATH } from '../../../src/classify/head/resolve.js';
import { loadTaxonomy } from '../../../src/taxonomy/load.js';
import type { Taxonomy } from '../../../src/types.js';

const head = parseHeadFile(readFileSync(DEFAULT_HEAD_PATH, 'utf8'), DEFAULT_HEAD_PATH);

describe('themeDigest', () => {
  it('changes with the id, the exemplars or the cues, and not with the label or description', async () => {
    const theme = (await loadTaxonomy(undefined)).themes[0]!;
    const digest = themeDigest(theme);
    expect(themeDigest({ ...theme, label: 'B', description: 'e' })).toBe(digest);
    expect(themeDigest({ ...theme, id: 'b' })).not.toBe(digest);
    expect(themeDigest({ ...theme, examples: ['x', 'z'] })).not.toBe(digest);
    expect(themeDigest({ ...theme, cues: [] })).not.toBe(digest);
  });
});

describe('applyHead', () => {
  it('keeps the model of every theme left as it was, in the run order, and none for themes added, edited or gone', async () => {
    const built = await loadTaxonomy(undefined);
    const [first, second, ...rest] = built.themes;
    const edited = { ...second!, examples: [...second!.examples, 'A new exemplar sentence.'] };
    const added = { ...first!, id: 'references', label: 'References', examples: ['Your references did not come back in time.'] };
    // `first` removed, `second` edited, a theme added, the rest reversed.
    const taxonomy: Taxonomy = { ...built, themes: [...rest.reverse(), edited, added] };
    const ids = taxonomy.themes.map((t) => t.id);
    expect(knownThemes(head, taxonomy)).toEqual(
      ids.map((id) => (id === edited.id || id === 'references' ? -1 : head.taxonomy.themes.indexOf(id))),
    );

    const applied = applyHead(head, taxonomy);
    expect(applied.themeIds).toEqual(ids);
    expect(applied.models.map((m) => m?.id ?? null)).toEqual(ids.map((id) => (id === edited.id || id === 'references' ? null : id)));
    const probe = head.probe!;
    const at = ids.indexOf(rest[0]!.id);
    expect(applied.probe!.weights[at]).toEqual(probe.weights[head.taxonomy.themes.indexOf(rest[0]!.id)]);
    expect(applied.probe!.bias[ids.indexOf('references')]).toBe(0);
    expect(applied.probe!.weights[ids.indexOf('references')]!.every((w) => w === 0)).toBe(true);
    expect(applied.probe!.weights).toHaveLength(ids.length);
  });

  it('over the taxonomy it was fitted for, is the file as it is', async () => {
    const applied = applyHead(head, await loadTaxonomy(undefined));
    expect(applied.models).toEqual(head.themes);
    expect(applied.probe).toEqual(head.probe);
    expect([applied.assignAt, applied.confidentAt, applied.margin]).toEqual([head.assignAt, head.confidentAt, head.profile.scoring.margin]);
    expect(applied.noReason).toEqual(head.noReason);
    expect(applied.noReason).not.toBeNull();
  });

  it('drops the no-reason gate when the head does not know `uninformative` (edited or gone)', async () => {
    const built = await loadTaxonomy(undefined);
    const edited = built.themes.map((t) => (t.id === 'uninformative' ? { ...t, cues: [...t.cues, 'no comment'] } : t));
    expect(applyHead(head, { ...built, themes: edited }).noReason).toBeNull();
    expect(applyHead(head, { ...built, themes: built.themes.filter((t) => t.id !== 'uninformative') }).noReason).toBeNull();
    // Another theme edited: the gate stays (it reads only the probabilities the head gives).
    const other = built.themes.map((t) => (t.id === 'delivery' ? { ...t, cues: [...t.cues, 'mumbled'] } : t));
    expect(applyHead(head, { ...built, themes: other }).noReason).toEqual(head.noReason);
  });
});
