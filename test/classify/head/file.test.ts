import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeDigest } from '../../../src/classify/head/bind.js';
import { headMismatch, parseHeadFile, type HeadFile } from '../../../src/classify/head/file.js';
import { DEFAULT_HEAD_PATH } from '../../../src/classify/head/resolve.js';
import { loadTaxonomy } from '../../../src/taxonomy/load.js';

const shipped = readFileSync(DEFAULT_HEAD_PATH, 'utf8');

describe('the built-in head', () => {
  it('is a valid head file fitted for the built-in taxonomy as it is now (refit it with `train` after editing the taxonomy)', async () => {
    const head = parseHeadFile(shipped, DEFAULT_HEAD_PATH);
    const taxonomy = await loadTaxonomy(undefined);
    expect(head.taxonomy.themes).toEqual(taxonomy.themes.map((t) => t.id));
    expect(head.taxonomy.digests).toEqual(taxonomy.themes.map(themeDigest));
    expect(head.profile.engine).toBe('hybrid');
  });
});

describe('parseHeadFile', () => {
  const valid = JSON.parse(shipped) as HeadFile;
  const refused = (text: string) => () => parseHeadFile(text, 'head.json');

  it('refuses what is not a head file, saying what to do', () => {
    expect(refused('{"format": "feedback-themes-head", "version": 1, "taxonomy"')).toThrow(
      /head\.json: not a usable head file: it is not valid JSON.*feedback-themes train/,
    );
    expect(refused('[]')).toThrow(/"format" is not "feedback-themes-head"/);
  });

  it('refuses a head of an older or newer format version, saying to refit it', () => {
    // Version 1 heads had no probe on the model's vectors; version 2 ones named every theme in each
    // theme's features; version 3 ones had no no-reason gate; version 4 ones kept no labelled items;
    // version 5 ones read no weighted share of them.
    const { probe: _, ...older } = { ...valid, version: 1 };
    const { noReason: __, ...third } = { ...valid, version: 3 };
    const { neighbours: ___, ...fourth } = { ...valid, version: 4 };
    const fifth = {
      ...valid,
      version: 5,
      features: valid.features.filter((name) => name !== 'neighbour_weighted'),
      neighbours: { ...valid.neighbours!, weighted: undefined },
    };
    for (const other of [older, { ...valid, version: 2 }, third, fourth, fifth, { ...valid, version: 7 }]) {
      expect(refused(JSON.stringify(other))).toThrow(
        new RegExp(
          `head\\.json: not a usable head file: it is of version ${other.version}, and this version of feedback-themes reads version 6\\. Write a new one with \`feedback-themes train`,
        ),
      );
    }
  });

  it('refuses a probe that is missing, or not one weight per model dimension and theme', () => {
    const { probe: _, ...missing } = valid;
    expect(refused(JSON.stringify(missing))).toThrow(/"probe" is missing/);
    const short = structuredClone(valid);
    short.probe!.weights[2]!.pop();
    expect(refused(JSON.stringify(short))).toThrow(/"probe" is not one weight per model dimension and theme/);
    const noProbe = { ...structuredClone(valid), probe: null };
    // A head without a probe has no probe features: the shipped one's feature list no longer fits it.
    expect(refused(JSON.stringify(noProbe))).toThrow(/its features are not the ones this version computes/);
  });

  it('refuses labelled items that are missing, or whose vectors, counts or themes do not agree', () => {
    expect(valid.neighbours).not.toBeNull();
    const { neighbours: _, ...missing } = valid;
    expect(refused(JSON.stringify(missing))).toThrow(/"neighbours" is missing/);
    const short = structuredClone(valid);
    short.neighbours!.labels.pop();
    expect(refused(JSON.stringify(short))).toThrow(/"neighbours" holds \d+ vector values for \d+ items of 384 dimensions/);
    const foreign = structuredClone(valid);
    foreign.neighbours!.labels[0] = [valid.taxonomy.themes.length];
    expect(refused(JSON.stringify(foreign))).toThrow(/"neighbours" has a label that is not one of its themes/);
    const garbled = structuredClone(valid);
    garbled.neighbours!.vectors = `${garbled.neighbours!.vectors.slice(0, 100)}!`;
    expect(refused(JSON.stringify(garbled))).toThrow(/"neighbours" holds \d+ vector values .* or vectors that are not base64/);
    for (const weighted of [undefined, { k: 0, temperature: 0.03 }, { k: 30, temperature: 0 }, { k: 30, temperature: 'warm' }]) {
      const unweighted = structuredClone(valid);
      (unweighted.neighbours as unknown as { weighted: unknown }).weighted = weighted;
      expect(refused(JSON.stringify(unweighted))).toThrow(/"neighbours" does not say how many nearest items the weighted share reads/);
    }
    const none = { ...structuredClone(valid), neighbours: null };
    // A head without labelled items has no neighbour feature: the shipped one's feature list no longer fits it.
    expect(refused(JSON.stringify(none))).toThrow(/its features are not the ones this version computes/);
  });

  it('refuses a no-reason gate that is missing, short of a weight, or with a cut that is not a probability', () => {
    expect(valid.noReason).not.toBeNull();
    const { noReason: _, ...missing } = valid;
    expect(refused(JSON.stringify(missing))).toThrow(/"noReason" is missing/);
    const short = structuredClone(valid);
    short.noReason!.weights.pop();
    expect(refused(JSON.stringify(short))).toThrow(/"noReason" is not a model with one weight per feature \(9\)/);
    const cut = structuredClone(valid);
    cut.noReason!.cut = 1;
    expect(refused(JSON.stringify(cut))).toThrow(/"noReason" is not a model/);
    const unscaled = structuredClone(valid);
    delete (unscaled.noReason as Partial<NonNullable<HeadFile['noReason']>>).platt;
    expect(refused(JSON.stringify(unscaled))).toThrow(/"noReason" is not a model/);
    // A taxonomy without `uninformative` has no gate: null is a valid value.
    expect(() => parseHeadFile(JSON.stringify({ ...valid, noReason: null }), 'head.json')).not.toThrow();
  });

  it('refuses a file without one digest per theme', () => {
    const { digests: _, ...noDigests } = valid.taxonomy;
    expect(refused(JSON.stringify({ ...valid, taxonomy: noDigests }))).toThrow(/"taxonomy.digests" is not one digest per theme/);
    const short = structuredClone(valid);
    short.taxonomy.digests.pop();
    expect(refused(JSON.stringify(short))).toThrow(/"taxonomy.digests" is not one digest per theme/);
  });

  it('refuses a damaged file: a missing weight, a weight that is not a number, a zero spread', () => {
    const damaged = structuredClone(valid);
    damaged.themes[3]!.weights.pop();
    expect(refused(JSON.stringify(damaged))).toThrow(new RegExp(`theme "${valid.themes[3]!.id}" is incomplete`));
    const text = JSON.stringify(valid).replace(/"bias":\s*-?[\d.e-]+/, '"bias": "x"');
    expect(refused(text)).toThrow(/incomplete or not numeric/);
    const flat = structuredClone(valid);
    flat.standardise.sd[0] = 0;
    expect(refused(JSON.stringify(flat))).toThrow(/positive spread/);
    const cut = structuredClone(valid);
    cut.assignAt = 1.5;
    expect(refused(JSON.stringify(cut))).toThrow(/"assignAt" is not a probability/);
  });
});

describe('headMismatch', () => {
  it('names what differs in the engine: its name, the model weights, the scoring settings', () => {
    const head = parseHeadFile(shipped, DEFAULT_HEAD_PATH);
    const profile = { ...head.profile, weights: [head.profile.weights[0]!] };
    expect(headMismatch(head, profile)).toBeNull();
    expect(headMismatch(head, { ...profile, engine: 'transformers' })).toMatch(/hybrid engine, not transformers/);
    expect(headMismatch(head, { ...profile, weights: ['0123456789ab'] })).toMatch(/other model weights/);
    expect(headMismatch(head, { ...profile, scoring: { ...profile.scoring, margin: 0.05 } })).toMatch(/scoring settings/);
  });
});
