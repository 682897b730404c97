import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, ExitCode } from '../../src/errors.js';
import { parseTable, readTable } from '../../src/ingest/table.js';

const FILE = { what: 'the test table', hint: 'Check the path.' };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'table-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTable', () => {
  const csv = 'text,themes\r\n"Your résumé,\r\nover two lines",application\r\n\r\nNaïve answers,delivery\r\n';
  const expected = [
    { cells: ['text', 'themes'], line: 1 },
    { cells: ['Your résumé,\r\nover two lines', 'application'], line: 2 },
    { cells: [''], line: 3 },
    { cells: ['Naïve answers', 'delivery'], line: 4 },
  ];

  it('reads UTF-8, UTF-8 with a BOM, UTF-16 and Windows-1252 alike, each record with the row a spreadsheet shows it on', async () => {
    const files: [string, Buffer][] = [
      ['utf8.csv', Buffer.from(csv)],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')])],
      ['cp1252.csv', iconv.encode(csv, 'windows-1252')],
    ];
    for (const [name, bytes] of files) {
      await writeFile(path.join(dir, name), bytes);
      expect(await readTable(path.join(dir, name), FILE), name).toEqual(expected);
    }
  });

  it('detects the delimiter as exports do', () => {
    expect(parseTable('id;themes;text\nr1;delivery|conduct;"Late; and rude"\n', 'fix.csv').map((r) => r.cells)).toEqual([
      ['id', 'themes', 'text'],
      ['r1', 'delivery|conduct', 'Late; and rude'],
    ]);
  });

  it('names the line of a quote that is never closed (exit 2)', () => {
    let error: unknown;
    try {
      parseTable('text,themes\nfine,delivery\n"never closed,delivery\nmore\n', 'gold.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    expect((error as CliError).message).toMatch(/^gold\.csv:3: a quoted field starting on line 3 is never closed/);
  });
});
