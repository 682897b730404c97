// Hostile workbooks (issue findings 4 and 5, and the library's own errors): each exits 2 with a
// message that names the file and what was too big or wrong, or reads only what the checks saw.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';
import { xlsxEntries } from '../helpers/xlsx.js';
import { buildZip, type ZipInput } from '../helpers/zip-writer.js';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-hostile-xlsx-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const FEEDBACK = [['Feedback'], ['Your examples lacked results.'], ['The panel wanted more research into the firm.']];

/** A one-sheet workbook whose sheet XML is `sheetData` (inside <sheetData>). */
function workbookWithSheet(sheetData: string): ZipInput[] {
  return xlsxEntries([{ name: 'S', rows: FEEDBACK }]).map((entry) =>
    entry.name === 'xl/worksheets/sheet1.xml'
      ? {
          ...entry,
          data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
        }
      : entry,
  );
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

async function run(name: string, bytes: Buffer) {
  const file = path.join(work, name);
  await writeFile(file, bytes);
  const out = path.join(work, `out-${name}`);
  const result = await runCli(['run', file, '--out', out, '--no-store', '--engine', 'lexical', '--quiet'], {
    FEEDBACK_THEMES_CACHE: path.join(work, 'cache'),
  });
  expect(result.code, result.stderr).not.toBe(ExitCode.unexpected);
  return { ...result, out, file };
}

describe('a workbook that reaches far is refused before the library allocates it (finding 4)', () => {
  it.each([
    ['XFD1048576', /reaches cell XFD1048576, spanning 1048576 rows × 16384 columns, over the limit of 2000000 cells/],
    ['ZZZZZZ99999999', /reaches cell ZZZZZZ99999999, row 99999999, past the last row a sheet may have \(1048576\)/],
    ['A1048577', /row 1048577, past the last row a sheet may have/],
    ['XFE3', /column 16385, past the last column a sheet may have \(16384, XFD\)/],
  ])('one cell at %s in a small file: exit 2 naming the cell and the limit', async (ref, message) => {
    const row = /\d+$/.exec(ref)![0];
    const bytes = buildZip(
      workbookWithSheet(
        `<row r="1">${cell('A1', 'Feedback')}</row><row r="2">${cell('A2', 'Too quiet.')}</row><row r="${row}">${cell(ref, 'x')}</row>`,
      ),
    );
    expect(bytes.length).toBeLessThan(3000);
    const result = await run(`far-${ref}.xlsx`, bytes);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(`far-${ref}.xlsx`);
  });

  it('a far-reaching sheet stored outside xl/worksheets/, which the workbook names as its sheet, is checked too', async () => {
    const entries = workbookWithSheet(`<row r="1">${cell('A1', 'Feedback')}</row>`);
    const far = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const moved = entries.map((e) =>
      e.name === 'xl/_rels/workbook.xml.rels'
        ? { ...e, data: String(e.data).replace('Target="worksheets/sheet1.xml"', 'Target="/xl/media/far.xml"') }
        : e,
    );
    const farSheet = String(far.data).replace('</sheetData>', `<row r="1048576">${cell('XFD1048576', 'x')}</row></sheetData>`);
    const result = await run('moved-sheet.xlsx', buildZip([...moved, { name: 'xl/media/far.xml', data: farSheet }]));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/xl\/media\/far\.xml reaches cell XFD1048576/);
  });

  it('an empty <row r> far down counts too', async () => {
    const result = await run('far-row.xlsx', buildZip(workbookWithSheet(`<row r="1">${cell('A1', 'Feedback')}</row><row r="99999999"/>`)));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/row 99999999, past the last row/);
  });
});

/** Puts a local entry before the archive that its directory does not list (offsets shifted past it). */
function withHiddenEntry(zip: Buffer, hidden: ZipInput): Buffer {
  const single = buildZip([hidden]);
  const hiddenLocal = single.subarray(0, single.readUInt32LE(single.length - 22 + 16));
  const out = Buffer.concat([hiddenLocal, zip]);
  const eocd = out.length - 22;
  const count = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16) + hiddenLocal.length;
  out.writeUInt32LE(at, eocd + 16);
  for (let i = 0; i < count; i++) {
    out.writeUInt32LE(out.readUInt32LE(at + 42) + hiddenLocal.length, at + 42);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

describe('the checks and the reader see the same entries (finding 5)', () => {
  it('an entry the directory does not list is never read: not a hidden sheet, not a hidden bomb', async () => {
    const listed = buildZip(
      workbookWithSheet(`<row r="1">${cell('A1', 'Feedback')}</row><row r="2">${cell('A2', 'The listed sheet was read.')}</row>`),
    );
    const hiddenSheet = {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet><sheetData><row r="1">${cell('A1', 'Feedback')}</row><row r="2">${cell('A2', 'The hidden sheet was read.')}</row></sheetData></worksheet>`,
    };
    const sheet = await run('hidden-sheet.xlsx', withHiddenEntry(listed, hiddenSheet));
    expect(sheet.code, sheet.stderr).toBe(0);
    const items = await readFile(path.join(sheet.out, 'items.csv'), 'utf8');
    expect(items).toContain('The listed sheet was read.');
    expect(items).not.toContain('The hidden sheet was read.');
    const bomb = await run(
      'hidden-bomb.xlsx',
      withHiddenEntry(listed, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x41) }),
    );
    expect(bomb.code, bomb.stderr).toBe(0);
  });

  it('a directory that lists one entry twice is refused', async () => {
    const entries = workbookWithSheet(`<row r="1">${cell('A1', 'Feedback')}</row>`);
    const result = await run('twice.xlsx', buildZip([...entries, entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!]));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/twice\.xlsx: the workbook cannot be read \(its zip directory lists xl\/worksheets\/sheet1\.xml twice\)/);
  });
});

describe("the library's errors become messages about the file", () => {
  it('a cell with no address: no "Cannot read properties of undefined"', async () => {
    const result = await run('no-ref.xlsx', buildZip(workbookWithSheet(`<row r="1"><c t="inlineStr"><is><t>Feedback</t></is></c></row>`)));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/no-ref\.xlsx: the workbook cannot be read \(.+\)\. Open it in Excel and save it again/);
    expect(result.stderr).not.toMatch(/Cannot read properties|undefined/);
  });

  it('a malformed address is named', async () => {
    const result = await run('bad-ref.xlsx', buildZip(workbookWithSheet(`<row r="1">${cell('1A', 'Feedback')}</row>`)));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/cell reference "1A" is not a cell address/);
  });

  it('a password-protected workbook is called that, not an .xls file', async () => {
    // An OLE compound file whose first directory sector names the EncryptedPackage stream, as Office writes it.
    const file = Buffer.alloc(512 * 3);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file);
    file.writeUInt16LE(9, 0x1e);
    file.writeUInt32LE(0, 0x30);
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
      file.write(name, 512 + i * 128, 'utf16le');
    });
    const result = await run('protected.xlsx', file);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/protected\.xlsx: this workbook is protected with a password \(encrypted\).*remove the password/);
    expect(result.stderr).not.toMatch(/97–2003/);
  });
});
