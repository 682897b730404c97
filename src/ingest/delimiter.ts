// Delimiter detection: parse a sample with each candidate (respecting quotes) and keep the one
// that splits the rows into the same number of fields most consistently.
import { usageError } from '../errors.js';
import { CsvParser, isBlankRecord } from './csv.js';
import { own } from '../own.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

const DELIMITER_NAMES: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
};

/** Turn `--delimiter` into one of `,` `;` tab `|`; accepts the character itself or comma, semicolon, tab (`\t`), pipe. */
export function parseDelimiterOption(value: string): string {
  const key = value.length === 1 ? value : value.trim().toLowerCase();
  const delimiter = own(DELIMITER_NAMES, key);
  if (delimiter) return delimiter;
  throw usageError(`unknown delimiter ${JSON.stringify(value)} (--delimiter). Use one of , ; tab | (or comma, semicolon, tab, \\t, pipe).`);
}

export interface DelimiterScore {
  delimiter: string;
  /** Most common number of fields per row. */
  fields: number;
  /** Share of sampled rows with that number of fields. */
  consistency: number;
}

const SAMPLE_ROWS = 200;

/** Pick the delimiter of `sample` (decoded text, possibly cut mid-record). Defaults to `,`. */
export function detectDelimiter(sample: string, sampleIsWholeFile: boolean): string {
  const scores = scoreDelimiters(sample, sampleIsWholeFile);
  let best: DelimiterScore | null = null;
  for (const score of scores) {
    if (score.fields < 2) continue;
    if (
      best === null ||
      score.consistency > best.consistency + 1e-9 ||
      (Math.abs(score.consistency - best.consistency) <= 1e-9 && score.fields > best.fields)
    ) {
      best = score;
    }
  }
  return best ? best.delimiter : ',';
}

export function scoreDelimiters(sample: string, sampleIsWholeFile: boolean): DelimiterScore[] {
  return DELIMITERS.map((delimiter) => {
    const counts = fieldCounts(sample, delimiter, sampleIsWholeFile);
    const tally = new Map<number, number>();
    for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1);
    let fields = 0;
    let frequency = 0;
    for (const [count, times] of tally) {
      if (times > frequency || (times === frequency && count > fields)) {
        fields = count;
        frequency = times;
      }
    }
    return { delimiter, fields, consistency: counts.length === 0 ? 0 : frequency / counts.length };
  });
}

function fieldCounts(sample: string, delimiter: string, sampleIsWholeFile: boolean): number[] {
  const counts: number[] = [];
  // Field contents are irrelevant here; keep only enough of each to tell a blank line.
  const parser = new CsvParser({ delimiter, maxFieldChars: 64, rawChars: 0 }, (record) => {
    if (counts.length >= SAMPLE_ROWS) return;
    if (record.fields.length === 1 && isBlankRecord(record.fields)) return;
    counts.push(trimTrailingEmpty(record.fields));
  });
  parser.push(sample);
  // A sample cut mid-file ends inside some record; that record is not counted.
  if (sampleIsWholeFile) {
    try {
      parser.end();
    } catch {
      // An unclosed quote is reported when the whole file is read.
    }
  }
  return counts;
}

/** A trailing delimiter on some rows only should not make them look inconsistent. */
function trimTrailingEmpty(fields: string[]): number {
  let n = fields.length;
  if (n > 1 && fields[n - 1] === '') n--;
  return n;
}
