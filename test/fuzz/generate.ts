// Seeded hostile inputs for the fuzz rounds: CSV exports, workbooks, model wheels and taxonomies,
// each a well-formed file put through one mutation (byte damage, or a structural attack of the kind
// issue 22 found). The same seed gives the same cases on every machine.

import { readFileSync } from 'node:fs';
import { seededRandom } from '../../src/random.js';
import { DEFAULT_TAXONOMY_PATH } from '../../src/taxonomy/load.js';
import { TINY_SHAPE } from '../helpers/bert-model.js';
import { checkpointFiles } from '../helpers/checkpoint.js';
import { type XlsxCell, xlsxEntries } from '../helpers/xlsx.js';
import { buildZip, type ZipInput } from '../helpers/zip-writer.js';

export type FuzzKind = 'csv' | 'xlsx' | 'wheel' | 'taxonomy';

export interface FuzzCase {
  kind: FuzzKind;
  /** What was done to the file, for the tally. */
  mutation: string;
  /** The input file's name and bytes. */
  file: string;
  bytes: Buffer;
  /** Extra CLI arguments (hostile flags for `model import`); `{out}`/`{file}` are filled in by the runner. */
  args: string[];
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * max);

// ---- generic byte damage -------------------------------------------------------------------------

const BYTE_MUTATIONS: Record<string, (bytes: Buffer, random: Random) => Buffer> = {
  'flip bytes': (bytes, random) => {
    const out = Buffer.from(bytes);
    for (let i = 0, n = 1 + int(random, 8); i < n && out.length > 0; i++) out[int(random, out.length)] = int(random, 256);
    return out;
  },
  truncate: (bytes, random) => bytes.subarray(0, int(random, bytes.length)),
  'insert junk': (bytes, random) => {
    const at = int(random, bytes.length + 1);
    const junk = Buffer.from(Array.from({ length: 1 + int(random, 64) }, () => int(random, 256)));
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  },
  'repeat a slice': (bytes, random) => {
    const start = int(random, bytes.length);
    const slice = bytes.subarray(start, start + 1 + int(random, 200));
    return Buffer.concat([bytes.subarray(0, start), ...Array(2 + int(random, 20)).fill(slice), bytes.subarray(start)]);
  },
  'delete a slice': (bytes, random) => {
    const start = int(random, bytes.length);
    return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + 1 + int(random, 200))]);
  },
};

function damage(bytes: Buffer, random: Random): { mutation: string; bytes: Buffer } {
  const mutation = pick(random, Object.keys(BYTE_MUTATIONS));
  return { mutation, bytes: BYTE_MUTATIONS[mutation]!(bytes, random) };
}

// ---- CSV exports ---------------------------------------------------------------------------------

const SENTENCES = [
  'Your answers lacked specific examples.',
  'We went with a candidate who had more experience.',
  'You seemed nervous, and the panel wanted more eye contact.',
  'Your cover letter was generic; it was "not tailored" to us.',
  'Thank you for applying. Unfortunately we will not progress your application.',
  'Great energy, but you did not research the firm before the case study.',
  'Call me on 07700 900123 or write to lee.chan@example.ac.uk.',
  '=HYPERLINK("http://example.com","click")',
  'Ünïcödé feedback — “quotes”, emoji 🎉, and right-to-left ‮text.',
  '',
];

function cellOf(random: Random): string {
  const roll = random();
  if (roll < 0.6) return pick(random, SENTENCES);
  if (roll < 0.7) return 'x'.repeat(int(random, 1500));
  if (roll < 0.8) return `"${pick(random, SENTENCES)}\n${pick(random, SENTENCES)}"`;
  if (roll < 0.9) return String.fromCharCode(...Array.from({ length: int(random, 40) }, () => int(random, 0xd7ff)));
  return `,;\t"\r${pick(random, SENTENCES)}`;
}

const quoteField = (field: string, delimiter: string) =>
  field.includes('"') || field.includes(delimiter) || /[\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;

function csvExport(random: Random): Buffer {
  const delimiter = pick(random, [',', ';', '\t', '|']);
  const newline = pick(random, ['\n', '\r\n', '\r']);
  const header = ['ID', 'Student number', 'Programme', 'Stage', 'Date', 'Feedback'];
  const rows = Array.from({ length: 1 + int(random, 40) }, (_, i) => [
    `R${i}`,
    String(20230000 + int(random, 50)),
    pick(random, ['BSc Law', 'MEng Civil Engineering', '']),
    pick(random, ['Interview', 'Application', 'Assessment centre']),
    pick(random, ['2026-03-02', '02/03/2026', 'yesterday', '']),
    cellOf(random),
  ]);
  // Ragged rows: a cell missing or one too many.
  for (const row of rows) if (random() < 0.1) row.splice(int(random, row.length), random() < 0.5 ? 1 : 0, 'extra');
  const text = [header, ...rows].map((row) => row.map((f) => quoteField(f, delimiter)).join(delimiter)).join(newline) + newline;
  const encoding = pick(random, ['utf8', 'utf8-bom', 'utf16le', 'latin1']);
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text, encoding === 'latin1' ? 'latin1' : 'utf8');
}

const CSV_ATTACKS: Record<string, (random: Random) => Buffer> = {
  'unclosed quote': () => Buffer.from('Feedback,Stage\n"never closed,Interview\nnext,row\n'),
  'only a header': () => Buffer.from('ID,Feedback\n'),
  'empty file': () => Buffer.alloc(0),
  'NUL bytes': (random) => Buffer.from(csvExport(random).toString('latin1').replace(/e/g, '\0'), 'latin1'),
  'one long token': () => Buffer.from(`Feedback\n${'a'.repeat(3_000)}\nToo nervous.\n`),
  'duplicate headers': () => Buffer.from('Feedback,Feedback,Feedback\na,b,c\nd,e,f\n'),
  'binary disguised as CSV': (random) => Buffer.from(Array.from({ length: 2000 }, () => int(random, 256))),
};

export function csvCase(random: Random): FuzzCase {
  const attack = random() < 0.3 ? pick(random, Object.keys(CSV_ATTACKS)) : null;
  if (attack) return { kind: 'csv', mutation: attack, file: 'export.csv', bytes: CSV_ATTACKS[attack]!(random), args: [] };
  const base = csvExport(random);
  const { mutation, bytes } = random() < 0.5 ? damage(base, random) : { mutation: 'well-formed', bytes: base };
  return { kind: 'csv', mutation, file: 'export.csv', bytes, args: [] };
}

// ---- workbooks -----------------------------------------------------------------------------------

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function withSheet(entries: ZipInput[], sheetData: string): ZipInput[] {
  const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  return entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: xml } : e));
}

const XLSX_ATTACKS: Record<string, (entries: ZipInput[], random: Random) => Buffer> = {
  'far cell': (entries, random) => {
    const ref = pick(random, ['XFD1048576', 'ZZZZZZ99999999', 'A1048577', 'XFE3', 'E1000', 'CV20000']);
    const row = /\d+$/.exec(ref)![0];
    return buildZip(
      withSheet(
        entries,
        `<row r="1">${cell('A1', 'Feedback')}</row><row r="2">${cell('A2', 'Too quiet.')}</row><row r="${row}">${cell(ref, 'x')}</row>`,
      ),
    );
  },
  'cell without address': (entries) => buildZip(withSheet(entries, `<row r="1"><c t="inlineStr"><is><t>Feedback</t></is></c></row>`)),
  'rows out of order': (entries) =>
    buildZip(withSheet(entries, `<row r="5">${cell('A5', 'Feedback')}</row><row r="2">${cell('A2', 'x')}</row>`)),
  'shared string out of range': (entries) => buildZip(withSheet(entries, `<row r="1"><c r="A1" t="s"><v>99999</v></c></row>`)),
  'deep XML': (entries) => buildZip(withSheet(entries, `${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}`)),
  'entry listed twice': (entries) => buildZip([...entries, entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!]),
  'directory understates a size': (entries) =>
    buildZip(entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 10 } : e))),
  'no workbook part': (entries) => buildZip(entries.filter((e) => e.name !== 'xl/workbook.xml')),
  'zip bomb entry': (entries) => buildZip([...entries, { name: 'xl/media/bomb.xml', data: Buffer.alloc(20 * 1024 * 1024) }]),
};

/** Only the characters XML 1.0 allows (a workbook cannot hold the others). */
function xmlText(text: string): string {
  return [...text]
    .filter((c) => {
      const n = c.codePointAt(0)!;
      return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n < 0xd800) || (n >= 0xe000 && n < 0xfffe) || n >= 0x10000;
    })
    .join('');
}

function workbookRows(random: Random): XlsxCell[][] {
  const rows: XlsxCell[][] = [['ID', 'Stage', 'Date', 'Feedback']];
  for (let i = 0, n = 1 + int(random, 30); i < n; i++) {
    rows.push([
      i,
      pick(random, ['Interview', 'Application']),
      random() < 0.5 ? new Date(Date.UTC(2026, int(random, 12), 1 + int(random, 28))) : null,
      xmlText(cellOf(random)),
    ]);
  }
  return rows;
}

export function workbookCase(random: Random): FuzzCase {
  const entries = xlsxEntries([{ name: 'Responses', rows: workbookRows(random) }]);
  const attack = random() < 0.5 ? pick(random, Object.keys(XLSX_ATTACKS)) : null;
  if (attack) return { kind: 'xlsx', mutation: attack, file: 'export.xlsx', bytes: XLSX_ATTACKS[attack]!(entries, random), args: [] };
  const base = buildZip(entries);
  const { mutation, bytes } = random() < 0.6 ? damage(base, random) : { mutation: 'well-formed', bytes: base };
  return { kind: 'xlsx', mutation, file: 'export.xlsx', bytes, args: [] };
}

// ---- model wheels --------------------------------------------------------------------------------

let checkpoint: Record<string, Buffer | string> | undefined;
const baseCheckpoint = () => (checkpoint ??= checkpointFiles(TINY_SHAPE, { seed: 11 }));

const nested = (levels: number) => `{"a": ${'['.repeat(levels)}${']'.repeat(levels)}}`;
const HOSTILE_NAMES = ['..', '.', '../../../x', '/tmp/x', 'a/b/c', 'org/..', 'C:\\x', ''];
const HOSTILE_CONFIG: [string, unknown][] = [
  ['num_hidden_layers', 100_000_000],
  ['num_hidden_layers', -1],
  ['hidden_size', 1e9],
  ['vocab_size', 'many'],
  ['intermediate_size', 0.5],
  ['num_attention_heads', 3],
  ['max_position_embeddings', 1e12],
  ['model_type', 'gpt2'],
];

const WHEEL_ATTACKS: Record<string, (files: Record<string, Buffer | string>, random: Random) => { entries: ZipInput[]; args?: string[] }> =
  {
    'card heading': (files, random) => ({ entries: pack({ ...files, 'README.md': `# ${pick(random, HOSTILE_NAMES)}\n` }) }),
    'checkpoint under ../': (files) => ({ entries: pack(files, '../evil') }),
    'absolute entry': (files) => ({ entries: pack(files, '/tmp/evil') }),
    'hostile --name': (files, random) => ({ entries: pack(files), args: ['--name', pick(random, HOSTILE_NAMES)] }),
    '--out an existing file': (files) => ({ entries: pack(files), args: ['--out', '{existing}'] }),
    'modules.json not JSON': (files) => ({ entries: pack({ ...files, 'modules.json': '[{"type": ' }) }),
    'config nested deep': (files) => ({ entries: pack({ ...files, 'config.json': nested(100_000) }) }),
    'tokenizer nested deep': (files) => ({ entries: pack({ ...files, 'tokenizer.json': nested(200_000) }) }),
    'config value': (files, random) => {
      const [key, value] = pick(random, HOSTILE_CONFIG);
      return { entries: pack({ ...files, 'config.json': JSON.stringify({ ...JSON.parse(String(files['config.json'])), [key]: value }) }) };
    },
    'weights declared 3 GB': (files) => ({
      entries: pack(files).map((e) => (e.name.endsWith('model.safetensors') ? { ...e, declaredSize: 3 * 1024 ** 3 } : e)),
    }),
    'safetensors header': (files, random) => {
      const weights = Buffer.from(files['model.safetensors'] as Buffer);
      weights.writeBigUInt64LE(pick(random, [0n, 2n ** 40n, BigInt(weights.length), 12n]), 0);
      return { entries: pack({ ...files, 'model.safetensors': weights }) };
    },
    'pooling config': (files) => ({
      entries: pack({ ...files, '1_Pooling/config.json': '{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": true}' }),
    }),
    'missing tokenizer': (files) => ({
      entries: pack(Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'tokenizer.json'))),
    }),
  };

function pack(files: Record<string, Buffer | string>, folder = 'pkg/model'): ZipInput[] {
  return [{ name: 'pkg/__init__.py', data: '' }, ...Object.entries(files).map(([name, data]) => ({ name: `${folder}/${name}`, data }))];
}

export function wheelCase(random: Random): FuzzCase {
  const files = baseCheckpoint();
  const attack = random() < 0.6 ? pick(random, Object.keys(WHEEL_ATTACKS)) : null;
  if (attack) {
    const { entries, args = [] } = WHEEL_ATTACKS[attack]!(files, random);
    return { kind: 'wheel', mutation: attack, file: 'model-0.1-py3-none-any.whl', bytes: buildZip(entries), args };
  }
  const base = buildZip(pack(files));
  const { mutation, bytes } = random() < 0.8 ? damage(base, random) : { mutation: 'well-formed', bytes: base };
  return { kind: 'wheel', mutation, file: 'model-0.1-py3-none-any.whl', bytes, args: [] };
}

// ---- taxonomies ----------------------------------------------------------------------------------

let builtIn: string[] | undefined;
const builtInLines = () => (builtIn ??= readFileSync(DEFAULT_TAXONOMY_PATH, 'utf8').split('\n'));

const TAXONOMY_ATTACKS: Record<string, (lines: string[], random: Random) => string> = {
  'billion laughs': () =>
    [
      'version: 1',
      'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
      'themes: *a9',
    ].join('\n'),
  'deep flow nesting': (lines, random) => {
    const at = int(random, lines.length);
    return [...lines.slice(0, at), `deep: ${'['.repeat(2000)}${']'.repeat(2000)}`, ...lines.slice(at)].join('\n');
  },
  'deep block nesting': (lines) => [...lines, 'deep:', ...Array.from({ length: 2000 }, (_, d) => `${'  '.repeat(d + 1)}- `)].join('\n'),
  'many themes': (lines) => {
    const start = lines.findIndex((l) => l.startsWith('  - id:'));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('  - id:'));
    const theme = lines.slice(start, end);
    return [
      ...lines.slice(0, start),
      ...Array.from({ length: 300 }, (_, i) => theme.map((l) => l.replace(/^( {2}- id: )(\w+)/, `$1$2_${i}`))).flat(),
    ].join('\n');
  },
  'tab indentation': (lines, random) => lines.map((l) => (random() < 0.05 ? l.replace(/^ {2}/, '\t') : l)).join('\n'),
};

const LINE_MUTATIONS: Record<string, (lines: string[], random: Random) => string[]> = {
  'delete a line': (lines, random) => lines.filter((_, i) => i !== int(random, lines.length)),
  'duplicate a line': (lines, random) => {
    const at = int(random, lines.length);
    return [...lines.slice(0, at + 1), lines[at]!, ...lines.slice(at + 1)];
  },
  'swap two lines': (lines, random) => {
    const out = [...lines];
    const [a, b] = [int(random, out.length), int(random, out.length)];
    [out[a], out[b]] = [out[b]!, out[a]!];
    return out;
  },
  'shift indentation': (lines, random) => lines.map((l) => (random() < 0.02 ? (random() < 0.5 ? ` ${l}` : l.slice(1)) : l)),
  'junk in a line': (lines, random) =>
    lines.map((l) => (random() < 0.02 ? `${l}${pick(random, [': :', '&x', '*x', '[', '{', '"', "'", '|', '- -', '!!binary'])}` : l)),
};

export function taxonomyCase(random: Random): FuzzCase {
  const lines = builtInLines();
  const roll = random();
  let mutation: string;
  let text: string;
  if (roll < 0.25) {
    mutation = pick(random, Object.keys(TAXONOMY_ATTACKS));
    text = TAXONOMY_ATTACKS[mutation]!(lines, random);
  } else if (roll < 0.85) {
    mutation = pick(random, Object.keys(LINE_MUTATIONS));
    text = LINE_MUTATIONS[mutation]!(lines, random).join('\n');
  } else {
    const damaged = damage(Buffer.from(lines.join('\n')), random);
    mutation = damaged.mutation;
    text = damaged.bytes.toString('latin1');
  }
  return { kind: 'taxonomy', mutation, file: 'taxonomy.yaml', bytes: Buffer.from(text, 'utf8'), args: [] };
}

// ---- a round -------------------------------------------------------------------------------------

export type FuzzMix = Record<FuzzKind, number>;

/** `counts[kind]` cases of each kind, from one seed. */
export function* fuzzCases(seed: number, counts: FuzzMix): Generator<FuzzCase> {
  const makers: Record<FuzzKind, (random: Random) => FuzzCase> = {
    csv: csvCase,
    xlsx: workbookCase,
    wheel: wheelCase,
    taxonomy: taxonomyCase,
  };
  for (const kind of Object.keys(makers) as FuzzKind[]) {
    const random = seededRandom(seed * 31 + kind.length * 7919 + kind.charCodeAt(0));
    for (let i = 0; i < counts[kind]; i++) yield makers[kind](random);
  }
}
