import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME_IDS } from '../../src/types.js';

// The labelled sets that measure classification quality: dev tunes thresholds, test is held out.
const THEME_IDS = DEFAULT_THEME_IDS;

interface EvalRow {
  id: string;
  text: string;
  themes: string;
}

interface EvalSet {
  name: string;
  raw: string;
  rows: EvalRow[];
  expectedRows: number;
  minPositivesPerTheme: number;
}

function loadSet(name: string, expectedRows: number, minPositivesPerTheme: number): EvalSet {
  const raw = readFileSync(fileURLToPath(new URL(`../../data/eval/${name}.csv`, import.meta.url)), 'utf8');
  const parsed = Papa.parse<EvalRow>(raw, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    throw new Error(`${name}.csv: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  }
  return { name, raw, rows: parsed.data, expectedRows, minPositivesPerTheme };
}

function themesOf(row: EvalRow): string[] {
  return row.themes.split('|');
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const sets = [loadSet('dev', 186, 12), loadSet('test', 220, 15), loadSet('dev2', 238, 14)];

for (const set of sets) {
  describe(`data/eval/${set.name}.csv`, () => {
    it('is UTF-8 with LF line endings, no BOM, and the header id,text,themes', () => {
      expect(set.raw.charCodeAt(0)).not.toBe(0xfeff);
      expect(set.raw).not.toContain('\r');
      expect(set.raw.split('\n')[0]).toBe('id,text,themes');
      expect(set.raw).not.toContain('\uFFFD');
    });

    it(`has the promised number of rows`, () => {
      expect(set.rows).toHaveLength(set.expectedRows);
    });

    it('has unique, non-empty ids and non-empty texts', () => {
      const ids = set.rows.map((row) => row.id);
      expect(ids.every((id) => id.trim().length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      for (const row of set.rows) expect(row.text.trim().length, row.id).toBeGreaterThan(10);
    });

    it('uses only valid theme ids, unique and sorted in list order', () => {
      for (const row of set.rows) {
        const themes = themesOf(row);
        for (const theme of themes) expect(THEME_IDS, `${row.id}: ${theme}`).toContain(theme);
        expect(new Set(themes).size, row.id).toBe(themes.length);
        const order = themes.map((theme) => THEME_IDS.indexOf(theme as (typeof THEME_IDS)[number]));
        expect(order, row.id).toEqual([...order].sort((a, b) => a - b));
      }
    });

    it('never combines uninformative with a reason', () => {
      for (const row of set.rows) {
        const themes = themesOf(row);
        if (themes.includes('uninformative')) expect(themes, row.id).toEqual(['uninformative']);
      }
    });

    it('has no text twice', () => {
      const texts = set.rows.map((row) => normalise(row.text));
      const duplicates = texts.filter((text, index) => texts.indexOf(text) !== index);
      expect(duplicates).toEqual([]);
    });

    it('has enough positives for every theme', () => {
      for (const theme of THEME_IDS) {
        const positives = set.rows.filter((row) => themesOf(row).includes(theme)).length;
        expect(positives, theme).toBeGreaterThanOrEqual(set.minPositivesPerTheme);
      }
    });

    it('has the promised mix of multi-theme and reason-free items', () => {
      const multi = set.rows.filter((row) => themesOf(row).length >= 2).length / set.rows.length;
      const uninformative = set.rows.filter((row) => row.themes === 'uninformative').length / set.rows.length;
      expect(multi).toBeGreaterThanOrEqual(0.25);
      expect(multi).toBeLessThanOrEqual(0.35);
      expect(uninformative).toBeGreaterThanOrEqual(0.06);
      expect(uninformative).toBeLessThanOrEqual(0.1);
    });
  });
}

describe('the sets together', () => {
  const pairs = sets.flatMap((a, i) => sets.slice(i + 1).map((b) => [a, b] as const));

  for (const [a, b] of pairs) {
    it(`${a.name} and ${b.name} share no text`, () => {
      const textsOfA = new Set(a.rows.map((row) => normalise(row.text)));
      const shared = b.rows.filter((row) => textsOfA.has(normalise(row.text))).map((row) => row.id);
      expect(shared).toEqual([]);
    });

    it(`${a.name} and ${b.name} share no id`, () => {
      const idsOfA = new Set(a.rows.map((row) => row.id));
      expect(b.rows.filter((row) => idsOfA.has(row.id))).toEqual([]);
    });
  }
});
