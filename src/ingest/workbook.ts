// `.xlsx` workbooks (Microsoft Forms downloads, advisers' spreadsheets) → the same records a CSV
// gives, read by `read-excel-file` (read-only, maintained, no known advisories). A workbook is
// untrusted input: its size, the sizes its zip directory declares (a zip bomb is small on disk),
// its sheets, and how far each sheet reaches are capped, and every entry the directory lists is
// inflated with its output capped (the zip reader of src/io/zip.ts). The library is then given a
// fresh zip of exactly those entries, so it cannot read an entry the checks did not see. Other
// binary formats are refused with what to do.
import type { FileHandle } from 'node:fs/promises';
import { readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { CliError, ExitCode, usageError } from '../errors.js';
import { buildStoredZip, openZip, ZipFormatError, type ZipEntry } from '../io/zip.js';
import { CellReferenceError, sheetExtent } from './sheet-extent.js';
import { columnMerges, fillColumnMerges, sheetParts, visibleSheets, type ColumnMerge } from './workbook-layout.js';

export interface WorkbookLimits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes the zip directory declares. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one large entry (ordinary sheets stay far below). */
  maxRatio: number;
  maxSheets: number;
  /** Excel's own last row and column (XFD). */
  maxRows: number;
  maxColumns: number;
  /** Rows × columns a sheet may span (the library allocates the whole rectangle). */
  maxCells: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRatio: 500,
  maxSheets: 256,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 2_000_000,
};

export type BinaryKind = 'xlsx' | 'xls' | 'encrypted' | 'ods' | 'zip' | 'other' | null;

/** What a file's first bytes say it is; null for text. */
export function binaryKind(head: Uint8Array): BinaryKind {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const text = Buffer.from(head).toString('latin1');
    if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return text.includes('[Content_Types].xml') || text.includes('xl/') ? 'xlsx' : 'zip';
  }
  if (starts(0x25, 0x50, 0x44, 0x46) || starts(0x1f, 0x8b) || starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return 'other';
  return null;
}

/**
 * An OLE compound file is a legacy .xls, or a password-protected .xlsx (Office wraps the encrypted
 * package in one): its first directory sector names the `EncryptedPackage` stream.
 */
export async function oleKind(handle: FileHandle, size: number): Promise<'xls' | 'encrypted'> {
  const header = Buffer.alloc(512);
  await handle.read(header, 0, 512, 0);
  const sectorSize = 2 ** header.readUInt16LE(0x1e);
  const directorySector = header.readUInt32LE(0x30);
  const at = (directorySector + 1) * sectorSize;
  if (sectorSize > 4096 || at >= size) return 'xls';
  const directory = Buffer.alloc(Math.min(sectorSize * 4, size - at));
  await handle.read(directory, 0, directory.length, at);
  return directory.includes(Buffer.from('EncryptedPackage', 'utf16le')) ? 'encrypted' : 'xls';
}

/** The refusal for a binary file that is not an .xlsx workbook. */
export function binaryFileError(path: string, kind: Exclude<BinaryKind, 'xlsx' | null>): CliError {
  const why: Record<typeof kind, string> = {
    xls: 'this is an Excel 97–2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx or CSV',
    encrypted:
      'this workbook is protected with a password (encrypted), so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx, or export the sheet as CSV',
    ods: 'this is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV',
    zip: 'this is a zip archive, not an .xlsx workbook: extract the export, or save the sheet as .xlsx or CSV',
    other: 'this is a binary file (not CSV text or an .xlsx workbook): export the feedback as CSV or .xlsx',
  };
  return usageError(`${path}: ${why[kind]}.`);
}

function damaged(path: string, detail: string): CliError {
  return usageError(`${path}: the workbook cannot be read (${detail}). Open it in Excel and save it again as .xlsx, or export it as CSV.`);
}

function tooLarge(path: string, what: string): CliError {
  return new CliError(
    `${path}: ${what}. Split the workbook, or export the sheet as CSV (CSV files of any size are streamed).`,
    ExitCode.usage,
  );
}

/** Checked before the file is even read into memory. */
export function checkWorkbookSize(path: string, size: number, limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  if (size > limits.maxFileBytes)
    throw tooLarge(path, `the workbook is ${mb(size)}, over the ${mb(limits.maxFileBytes)} limit for workbooks`);
}

/**
 * The workbook's entries as the library may read them: each entry its zip directory lists, inflated
 * with its output capped at the size the directory declares and checked against its checksum, its
 * sheets' extent checked, then packed afresh (stored), so the library sees exactly these entries.
 */
/** A workbook that passed the checks: the archive the library reads, and what it does not tell. */
export interface CheckedWorkbook {
  zip: Buffer;
  /** Every sheet not hidden, in workbook order (none when the workbook does not say). */
  visible: string[];
  /** Sheet name → its merged ranges of one column. */
  merges: Map<string, ColumnMerge[]>;
}

export async function inspectWorkbook(path: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<CheckedWorkbook> {
  let archive;
  try {
    archive = await openZip(path, { maxEntries: 10_000, maxEntryBytes: limits.maxUncompressedBytes });
  } catch (error) {
    if (error instanceof ZipFormatError) throw damaged(path, error.message);
    throw error;
  }
  try {
    checkEntries(path, archive.entries, limits);
    const kept: { name: string; data: Buffer }[] = [];
    for (const entry of archive.entries) {
      const data = await archive.read(entry);
      // The library reads only XML parts; images and printer settings are checked, then left out.
      if (!/\.(xml|rels)$/.test(entry.name)) continue;
      // The workbook's relationships may point a sheet at any part, not only xl/worksheets/.
      if (WORKSHEET.test(entry.name) || data.includes(SHEET_DATA)) checkExtent(path, entry.name, data, limits);
      kept.push({ name: entry.name, data });
    }
    const part = (name: string) => kept.find((entry) => entry.name === name)?.data.toString('utf8') ?? null;
    const sheets = sheetParts(part('xl/workbook.xml') ?? '', part('xl/_rels/workbook.xml.rels'));
    const merges = new Map<string, ColumnMerge[]>();
    for (const sheet of sheets) {
      const xml = sheet.part === null ? null : part(sheet.part);
      if (xml !== null) merges.set(sheet.name, columnMerges(xml));
    }
    return { zip: buildStoredZip(kept), visible: visibleSheets(sheets), merges };
  } catch (error) {
    if (error instanceof ZipFormatError) throw damaged(path, error.message);
    throw error;
  } finally {
    await archive.close();
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SHEET_DATA = Buffer.from('sheetData');

function checkExtent(path: string, entry: string, xml: Buffer, limits: WorkbookLimits): void {
  let extent;
  try {
    extent = sheetExtent(xml);
  } catch (error) {
    if (error instanceof CellReferenceError) throw damaged(path, `${entry}: ${error.message}`);
    throw error;
  }
  const where = `${entry} reaches cell ${extent.furthest}`;
  const refuse = (what: string) =>
    usageError(
      `${path}: ${where}, ${what}. Clear the cells beyond the data (Ctrl+End in Excel goes to the last one) and save, or export the sheet as CSV.`,
    );
  if (extent.rows > limits.maxRows) throw refuse(`row ${extent.rows}, past the last row a sheet may have (${limits.maxRows})`);
  if (extent.columns > limits.maxColumns)
    throw refuse(`column ${extent.columns}, past the last column a sheet may have (${limits.maxColumns}, XFD)`);
  if (extent.rows * extent.columns > limits.maxCells) {
    throw refuse(`spanning ${extent.rows} rows × ${extent.columns} columns, over the limit of ${limits.maxCells} cells`);
  }
}

export function checkEntries(path: string, entries: readonly ZipEntry[], limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw damaged(path, `its zip directory lists ${entry.name} twice`);
    names.add(entry.name);
  }
  const sheets = entries.filter((e) => WORKSHEET.test(e.name)).length;
  if (sheets === 0) throw damaged(path, 'it has no worksheets');
  if (sheets > limits.maxSheets) throw tooLarge(path, `the workbook has ${sheets} sheets, over the limit of ${limits.maxSheets}`);
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (entry.size > 1024 * 1024 && entry.size > entry.compressedSize * limits.maxRatio) {
      throw tooLarge(
        path,
        `${entry.name} expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (a zip bomb?), over the limit of ${limits.maxRatio}`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw tooLarge(path, `the workbook unpacks to ${mb(total)}, over the ${mb(limits.maxUncompressedBytes)} limit`);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export interface WorkbookSheet {
  sheet: string;
  /** Cells as text, as a CSV export of the sheet would hold them. */
  rows: string[][];
  /** Empty cells given the value of the merged range above them. */
  mergedCellsFilled: number;
  /** Sheets before it with nothing in them, passed over (only when no sheet was named). */
  emptyPassed: string[];
  /** Sheets before it of notes in one column (a "Read me" tab), passed over for a table (only when no sheet was named). */
  notesPassed?: string[];
}

/** A sheet with no row of two cells filled is notes or a title page ("Read me", "Instructions"), not a table. */
function readsAsNotes(rows: readonly string[][]): boolean {
  return rows.every((row) => row.filter((cell) => cell.trim() !== '').length < 2);
}

/**
 * Reads one sheet as rows of text (a value merged down a column is given to every row of the
 * range): the one named, else the first not hidden that holds a table. Empty sheets before it (a
 * blank first tab, a cover page left empty) are passed over and listed in `emptyPassed`, and
 * sheets of notes in one column (a "Read me" tab before the data) in `notesPassed`; with no table
 * on any sheet, the first that holds anything is read.
 */
export async function readWorkbook(
  path: string,
  workbook: CheckedWorkbook,
  sheet: string | undefined,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<WorkbookSheet> {
  if (sheet !== undefined) return readOneSheet(path, workbook, sheetNamed(sheet, workbook.visible), sheet, limits);
  const emptyPassed: string[] = [];
  const notes: WorkbookSheet[] = [];
  let read: WorkbookSheet | null = null;
  for (const name of workbook.visible) {
    read = await readOneSheet(path, workbook, name, undefined, limits);
    if (!read.rows.some((row) => row.some((cell) => cell.trim() !== ''))) emptyPassed.push(name);
    else if (readsAsNotes(read.rows)) notes.push({ ...read, emptyPassed: [...emptyPassed] });
    else return { ...read, emptyPassed, notesPassed: notes.map((passed) => passed.sheet) };
  }
  if (notes.length > 0) return notes[0]!;
  if (read) return { ...read, emptyPassed: emptyPassed.slice(0, -1) };
  return readOneSheet(path, workbook, undefined, undefined, limits);
}

async function readOneSheet(
  path: string,
  workbook: CheckedWorkbook,
  wanted: string | undefined,
  asked: string | undefined,
  limits: WorkbookLimits,
): Promise<WorkbookSheet> {
  const { zip } = workbook;
  let data: unknown[][];
  let name: string;
  try {
    // Numbers as written in the sheet ("20231187", not 2.0231187E7); date-styled cells as Dates.
    data = (await readSheet(zip, wanted ?? 1, { parseNumber: (text: string) => text, trim: false })) as unknown[][];
    name = wanted ?? (await firstSheetName(zip));
  } catch (error) {
    if (error instanceof SheetNotFoundError) {
      const sheets = (error as { sheets?: unknown }).sheets;
      const available = Array.isArray(sheets) ? sheets.map((s) => JSON.stringify(String(s))).join(', ') : null;
      throw usageError(
        `${path}: no sheet ${JSON.stringify(asked)}${available ? ` (sheets: ${available})` : ''}. Name one of them with --sheet NAME.`,
      );
    }
    if (error instanceof CliError) throw error;
    throw damaged(path, libraryError(error));
  }
  if (data.length > limits.maxRows) throw tooLarge(path, `the sheet has ${data.length} rows, over the limit of ${limits.maxRows}`);
  const rows = data.map((row) => row.map(cellText));
  const mergedCellsFilled = fillColumnMerges(rows, workbook.merges.get(name) ?? []);
  return { sheet: name, rows, mergedCellsFilled, emptyPassed: [] };
}

/**
 * The sheet `--sheet` names: as written, else the one sheet whose name differs only in case or
 * spacing (`--sheet "msc 2025"` for the tab "MSc 2025", as an adviser types what they see).
 */
function sheetNamed(asked: string, sheets: readonly string[]): string {
  if (sheets.includes(asked)) return asked;
  const loose = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
  const matches = sheets.filter((name) => loose(name) === loose(asked));
  return matches.length === 1 ? matches[0]! : asked;
}

/** The first sheet's name: the library lists the sheets when asked for one that is not there. */
async function firstSheetName(zip: Buffer): Promise<string> {
  try {
    await readSheet(zip, '\u0000');
  } catch (error) {
    const sheets = (error as { sheets?: unknown }).sheets;
    if (error instanceof SheetNotFoundError && Array.isArray(sheets) && typeof sheets[0] === 'string') return sheets[0];
  }
  return 'Sheet1';
}

/**
 * What went wrong, for the user: the library's own errors describe the file; a JavaScript error
 * raised inside it ("Cannot read properties of undefined") describes only its code.
 */
function libraryError(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === 'InvalidSpreadsheetError' || name === 'InvalidInputError') {
    return firstLine((error as Error).message || String((error as { code?: unknown }).code ?? 'not a workbook'));
  }
  if (error instanceof RangeError) return 'its sheet is nested or repeated beyond what can be read';
  return 'its parts are not laid out as Excel writes them';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** A cell as the text a CSV export would hold: dates as ISO, numbers as written, TRUE/FALSE. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Serial day fractions carry float error (10:04:49.9999): round to the second, as Excel shows it.
    const iso = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    const time = iso.slice(11, 19);
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
