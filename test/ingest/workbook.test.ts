// .xlsx input: first sheet or --sheet, dates and ids as written, caps on hostile workbooks, other
// binaries refused with what to do, and the same items as the same data in CSV.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import { binaryKind, inspectWorkbook, WORKBOOK_LIMITS } from '../../src/ingest/workbook.js';
import { buildXlsx, type XlsxCell } from '../helpers/xlsx.js';
import { buildZip } from '../helpers/zip-writer.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
const options = { columns: {}, maxTextChars: 20_000 };

// A Microsoft Forms download (fictional rows): ID, times, Email, Name, then one column per question.
const FORMS_ROWS: XlsxCell[][] = [
  [
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    'Student number',
    'Your programme',
    'Stage you reached',
    'Feedback you received',
  ],
  [
    1,
    new Date(Date.UTC(2026, 2, 2, 10, 1, 11)),
    new Date(Date.UTC(2026, 2, 2, 10, 4, 50)),
    'lee.chan@example.ac.uk',
    'Lee Chan',
    20231187,
    'MEng Civil Engineering',
    'Online Assessment',
    'Your verbal reasoning result did not meet the benchmark.',
  ],
  [
    2,
    new Date(Date.UTC(2026, 2, 3, 12, 15, 40)),
    new Date(Date.UTC(2026, 2, 13)),
    'priya.nair@example.ac.uk',
    'Priya Nair',
    20231188,
    'BSc Biology',
    'Final interview',
    'Priya, another candidate had more relevant lab experience; call 07700 900123.',
  ],
  [3, null, new Date(Date.UTC(2026, 2, 14)), 'sam.reid@example.ac.uk', 'Sam Reid', 20231189, 'BSc Biology', 'Interview', ''],
];

async function write(name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, bytes);
  return file;
}

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return runCli([...args], { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-xlsx-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('.xlsx input', () => {
  it('reads the first sheet: columns detected, dates as dates, numeric ids as written', async () => {
    const file = await write(
      'forms.xlsx',
      buildXlsx([
        { name: 'Form1', rows: FORMS_ROWS },
        { name: 'Notes', rows: [['x']] },
      ]),
    );
    const { files, items, rejects } = await ingestFiles([file], options);
    expect(files[0]).toMatchObject({ format: 'xlsx', sheet: 'Form1', delimiter: null, dataRows: 3 });
    expect(files[0].columns).toMatchObject({
      id: 'ID',
      candidate: 'Student number',
      date: 'Completion time',
      text: 'Feedback you received',
      stage: 'Stage you reached',
    });
    expect(items.map((i) => i.candidate)).toEqual(['20231187', '20231188', '20231189']);
    expect(items.map((i) => i.date)).toEqual(['2026-03-02', '2026-03-13', '2026-03-14']);
    expect(items[0].rawDate).toBe('2026-03-02 10:04:50');
    // Sam's blank reply is "no feedback given", not a broken row.
    expect(items[2]).toMatchObject({ text: '', noText: true });
    expect(rejects).toEqual([]);
  });

  it('reads the sheet named by --sheet, and lists the sheets when it is not there', async () => {
    const file = await write(
      'two.xlsx',
      buildXlsx([
        { name: 'Cover', rows: [['Exported 2026']] },
        { name: 'Responses', rows: FORMS_ROWS },
      ]),
    );
    const { files } = await ingestFiles([file], { ...options, sheet: 'Responses' });
    expect(files[0].sheet).toBe('Responses');
    await expect(ingestFiles([file], { ...options, sheet: 'Missing' })).rejects.toThrow(
      /no sheet "Missing" \(sheets: "Cover", "Responses"\)\. Name one of them with --sheet NAME/,
    );
  });

  it('reads the first sheet a person sees: a hidden lookup sheet before it is passed over', async () => {
    const file = await write(
      'hidden-first.xlsx',
      buildXlsx([
        { name: 'Lookup', rows: [['Codes'], ['X1']], hidden: true },
        { name: 'Responses', rows: FORMS_ROWS },
      ]),
    );
    const { files, items } = await ingestFiles([file], options);
    expect(files[0].sheet).toBe('Responses');
    expect(items).toHaveLength(FORMS_ROWS.length - 1);
  });

  it('passes over an empty first sheet (a blank tab, an empty cover) to the first that holds anything, and says so', async () => {
    const file = await write(
      'empty-first.xlsx',
      buildXlsx([
        { name: 'Sheet1', rows: [] },
        { name: 'Cover', rows: [[null, '  ']] },
        { name: 'Lookup', rows: [['Codes'], ['X1']], hidden: true },
        { name: 'Responses', rows: FORMS_ROWS },
        { name: 'Spring', rows: FORMS_ROWS },
      ]),
    );
    const warnings: string[] = [];
    const logger = { info() {}, notice() {}, warn: (line: string) => warnings.push(line), progress() {}, progressDone() {} };
    const { files, items } = await ingestFiles([file], options, logger);
    expect(files[0].sheet).toBe('Responses');
    expect(items).toHaveLength(FORMS_ROWS.length - 1);
    expect(files[0].notes).toContain('empty sheets before it passed over: "Sheet1", "Cover"');
    // The empty ones are not said to be unread; the other sheet with rows is.
    expect(warnings.join('\n')).toContain('1 other sheet ("Spring"), not read');
    // A sheet named is read as asked, empty or not.
    await expect(ingestFiles([file], { ...options, sheet: 'Sheet1' })).rejects.toThrow(/the file is empty/);
  });

  it('passes over a "Read me" tab of notes in one column to the table on the next, and says so', async () => {
    const readMe = [
      ['Careers Service - employer feedback tracker'],
      ['Exported 7 Dec 2026 by the placements team'],
      ['Feedback is on the next tab.'],
    ];
    const file = await write(
      'read-me-first.xlsx',
      buildXlsx([
        { name: 'Read me', rows: readMe },
        { name: 'Feedback 2026-27', rows: FORMS_ROWS },
      ]),
    );
    const warnings: string[] = [];
    const logger = { info() {}, notice() {}, warn: (line: string) => warnings.push(line), progress() {}, progressDone() {} };
    const { files, items } = await ingestFiles([file], options, logger);
    expect(files[0].sheet).toBe('Feedback 2026-27');
    expect(items).toHaveLength(FORMS_ROWS.length - 1);
    expect(files[0].notes).toContain('sheet of notes in one column before it passed over: "Read me"');
    expect(warnings).toEqual([]);
    // A workbook of notes alone is read as before: its first sheet.
    const alone = await write('notes-only.xlsx', buildXlsx([{ name: 'Read me', rows: readMe }]));
    expect((await ingestFiles([alone], options)).files[0].sheet).toBe('Read me');
  });

  it('says which other sheets were not read (a sheet per cohort), on stderr and in the notes; a hidden one and a named --sheet say nothing', async () => {
    const file = await write(
      'cohorts.xlsx',
      buildXlsx([
        { name: 'BSc 2025', rows: FORMS_ROWS },
        { name: 'Lookup', rows: [['Codes'], ['X1']], hidden: true },
        { name: 'MSc 2025', rows: FORMS_ROWS },
        { name: 'PhD 2025', rows: FORMS_ROWS },
      ]),
    );
    const warnings: string[] = [];
    const logger = { info() {}, notice() {}, warn: (line: string) => warnings.push(line), progress() {}, progressDone() {} };
    const { files } = await ingestFiles([file], options, logger);
    const said = 'the workbook has 2 other sheets ("MSc 2025", "PhD 2025"), not read';
    expect(files[0].notes.some((note) => note.startsWith(said))).toBe(true);
    expect(warnings.some((line) => line.includes(said) && line.includes('--sheet NAME'))).toBe(true);
    const named = await ingestFiles([file], { ...options, sheet: 'MSc 2025' });
    expect(named.files[0].notes.some((note) => note.includes('not read'))).toBe(false);
  });

  it('takes --sheet as an adviser types the tab: in another case or spacing, when only one sheet reads so', async () => {
    const file = await write(
      'cohorts-typed.xlsx',
      buildXlsx([
        { name: 'BSc 2025', rows: FORMS_ROWS },
        { name: 'MSc  2025', rows: FORMS_ROWS },
      ]),
    );
    const { files } = await ingestFiles([file], { ...options, sheet: 'msc 2025' });
    expect(files[0].sheet).toBe('MSc  2025');
    await expect(ingestFiles([file], { ...options, sheet: 'MSc 2026' })).rejects.toThrow(
      /no sheet "MSc 2026" \(sheets: "BSc 2025", "MSc {2}2025"\)/,
    );
  });

  it('gives every row of a cell merged down a column its value (a title merged across is left alone)', async () => {
    const file = await write(
      'merged.xlsx',
      buildXlsx([
        {
          name: 'Rejections',
          rows: [
            ['Careers feedback, spring term', null, null],
            ['Student No', 'Stage', 'Feedback'],
            ['20240101', 'Interview', 'Answers were vague.'],
            [null, 'Interview', 'Could not explain design trade-offs.'],
            [null, 'Assessment centre', 'Dominated the group exercise.'],
            ['20240202', 'Application', 'CV not tailored.'],
          ],
          merges: ['A1:C1', 'A3:A5'],
        },
      ]),
    );
    const { files, items } = await ingestFiles([file], options);
    expect(items.map((i) => i.candidate)).toEqual(['20240101', '20240101', '20240101', '20240202']);
    expect(files[0].notes).toContain('2 empty cells under merged cells given the merged value');
  });

  it('gives the same items.csv as the same data saved as CSV', async () => {
    const rows: XlsxCell[][] = [
      ['Response ID', 'Student No', 'Programme', 'Stage', 'Date', 'Feedback'],
      [
        'R1',
        20231187,
        'BSc Law',
        'Interview',
        new Date(Date.UTC(2026, 0, 13)),
        'You seemed unenthusiastic about the role, and your examples lacked results.',
      ],
      ['R2', 20231188, 'LLB', 'Application', new Date(Date.UTC(2026, 0, 14)), 'Your cover letter was generic, "not tailored" to us.'],
      [
        'R3',
        20231187,
        'BSc Law',
        'Assessment centre',
        new Date(Date.UTC(2026, 1, 2)),
        'You did not research the firm before the case study.\nThe panel noticed.',
      ],
    ];
    const xlsx = await write('same.xlsx', buildXlsx([{ name: 'Sheet1', rows }]));
    const csvText = `${rows
      .map((r) =>
        r
          .map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c)))
          .map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f))
          .join(','),
      )
      .join('\r\n')}\r\n`;
    const csv = await write('same.csv', csvText);
    const outputs: string[] = [];
    for (const input of [xlsx, csv]) {
      const out = path.join(work, `out-${path.extname(input).slice(1)}`);
      const result = await cli(['run', input, '--out', out, '--no-store', '--engine', 'lexical', '--quiet']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // The source column names the file itself, which differs by design.
      outputs.push((await readFile(path.join(out, 'items.csv'), 'utf8')).replaceAll(input, '<input>'));
    }
    expect(outputs[0]).toBe(outputs[1]);
    expect(outputs[0]).toMatch(/Candidate [0-9A-Z]{6}/);
    expect(outputs[0]).not.toMatch(/20231187/);
  });

  it('names each row as the sheet does, in a workbook and in the same data as CSV, whatever line breaks its cells hold', async () => {
    const rows: XlsxCell[][] = [
      ['Spring intake feedback'],
      [],
      ['Student No', 'Date', 'Employer', 'Feedback'],
      ['S1', '2026-03-02', 'Acme', 'Dear Jo,\n\nYour answers rambled.\n\nKind regards,\nSam'],
      ['S2', 'last spring', 'Beta', 'You lacked examples.'],
      ['S3', '2026-03-04', 'Gamma', 'Candidate withdrew'],
      ['Total', null, null, 3],
    ];
    const xlsx = await write('rows.xlsx', buildXlsx([{ name: 'Sheet1', rows }]));
    const csvText = rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c)}"` : String(c))).join(',')).join('\n');
    const csv = await write('rows.csv', `${csvText}\n`);
    for (const input of [xlsx, csv]) {
      const warnings: string[] = [];
      const logger = { info() {}, notice() {}, warn: (line: string) => warnings.push(line), progress() {}, progressDone() {} };
      const { items, rejects, files } = await ingestFiles([input], options, logger);
      expect(items.map((item) => item.line)).toEqual([4, 5]);
      expect(rejects.map((row) => row.line)).toEqual([6, 7]);
      expect(files[0]!.notes.join('\n')).toContain('"last spring"; line 5)');
      // The rows of rejects.csv are the sheet's: the warning says which sheet.
      const rejected = input === xlsx ? 'rows.xlsx (sheet "Sheet1"): 2 of 4 rows rejected' : 'rows.csv: 2 of 4 rows rejected';
      expect(warnings.some((line) => line.includes(rejected))).toBe(true);
      // And so does each of its rows, as rejects.csv writes them.
      expect(rejects.map((row) => row.sheet ?? null)).toEqual(input === xlsx ? ['Sheet1', 'Sheet1'] : [null, null]);
    }
  });

  it('refuses legacy .xls, .ods and other binaries with what to do (exit 2)', async () => {
    const xls = await write('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const ods = await write(
      'sheet.ods',
      buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', deflate: false }]),
    );
    const pdf = await write('export.pdf', '%PDF-1.7\n%\u00e2\u00e3\n');
    const cases: [string, RegExp][] = [
      [xls, /old\.xls: this is an Excel 97–2003 workbook \(\.xls\): .*save it as \.xlsx or CSV/],
      [ods, /sheet\.ods: this is an OpenDocument spreadsheet \(\.ods\): save it as \.xlsx or CSV/],
      [pdf, /export\.pdf: this is a binary file/],
    ];
    for (const [file, message] of cases) {
      const result = await cli(['run', file, '--out', path.join(work, 'refused'), '--no-store', '--engine', 'lexical']);
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
    }
  });

  it('caps hostile workbooks before the library decompresses them', async () => {
    const small = buildXlsx([{ name: 'S', rows: [['Feedback'], ['x']] }]);
    const smallFile = await write('small.xlsx', small);
    await expect(inspectWorkbook(smallFile, { ...WORKBOOK_LIMITS, maxUncompressedBytes: 100 })).rejects.toThrow(
      /unpacks to .* over the .* limit/,
    );
    // 50 MB of zeros deflates to about 50 KB: a zip bomb in miniature.
    const bomb = await write(
      'bomb.xlsx',
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) },
      ]),
    );
    await expect(inspectWorkbook(bomb)).rejects.toThrow(/expands \d+ times \(a zip bomb\?\)/);
    const result = await cli(['run', bomb, '--out', path.join(work, 'bomb-out'), '--no-store', '--engine', 'lexical']);
    expect(result.stderr).toMatch(/bomb\.xlsx: .*zip bomb/);
    expect(result.code).toBe(2);
    // A directory that understates an entry's size is caught when the entry is test-inflated.
    const lying = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024) },
    ]);
    const sizeField = lying.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46 + 24;
    lying.writeUInt32LE(1000, sizeField);
    await expect(inspectWorkbook(await write('lying.xlsx', lying))).rejects.toThrow(/lying\.xlsx: the workbook cannot be read/);
    const manySheets = await write(
      'many.xlsx',
      buildXlsx(Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, rows: [['Feedback'], ['x']] }))),
    );
    await expect(inspectWorkbook(manySheets, { ...WORKBOOK_LIMITS, maxSheets: 4 })).rejects.toThrow(/5 sheets, over the limit of 4/);
    await expect(ingestFiles([await write('cut.xlsx', small.subarray(0, small.length - 30))], options)).rejects.toThrow(
      /cut\.xlsx: the workbook cannot be read/,
    );
  });

  it('knows a workbook from its first bytes', () => {
    expect(binaryKind(buildXlsx([{ name: 'S', rows: [['a']] }]))).toBe('xlsx');
    expect(binaryKind(Buffer.from('Feedback,Stage\n'))).toBeNull();
  });
});
