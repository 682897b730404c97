// Name redaction measured on a labelled set (test/fixtures/redact/names.csv, 100 sentences): names
// a greeting, thank-you or sign-off addresses, names merely mentioned, and sentences with only
// places, companies and skills. No name column helps here: the text alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactFreeText } from '../../src/redact/index.js';
import { parseCsv } from '../helpers/csv.js';

const rows = parseCsv(readFileSync('test/fixtures/redact/names.csv', 'utf8'));
const split = (cell: string | undefined) => (cell ?? '').split('|').filter(Boolean);
const present = (text: string, term: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** Share of names gone (every word of each) and of kept terms lost, by kind of sentence. */
function measure() {
  const tally = new Map<string, { names: number; hidden: number }>();
  let keep = 0;
  let lost = 0;
  for (const row of rows) {
    const out = redactFreeText(row.text!, []);
    const kind = tally.get(row.kind!) ?? { names: 0, hidden: 0 };
    tally.set(row.kind!, kind);
    for (const name of split(row.names)) {
      kind.names += 1;
      if (name.split(' ').every((word) => !present(out, word))) kind.hidden += 1;
    }
    for (const term of split(row.keep)) {
      keep += 1;
      if (!present(out, term)) lost += 1;
    }
  }
  return { tally, keep, lost };
}

describe('name redaction on the labelled set', () => {
  it('has at least 100 labelled sentences', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
  });

  it('hides the names greetings, thank-yous and sign-offs address, and keeps places, companies and skills', () => {
    const { tally, keep, lost } = measure();
    const addressed = tally.get('addressed')!;
    const mentioned = tally.get('mentioned')!;
    process.stdout.write(
      `names addressed: ${addressed.hidden}/${addressed.names} hidden; names mentioned: ${mentioned.hidden}/${mentioned.names}; places, companies and skills lost: ${lost}/${keep}\n`,
    );
    expect(addressed.hidden / addressed.names).toBeGreaterThanOrEqual(0.85);
    expect(lost / keep).toBeLessThanOrEqual(0.02);
  });
});
