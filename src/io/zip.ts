// A small read-only zip reader: the central directory, then one entry at a time, stored or
// deflated, checked against its CRC-32 and size. Enough for wheels and other plain archives; it
// never extracts to disk, and every size it trusts is capped, since an archive is untrusted input.

import { open, type FileHandle } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest uncompressed entry that may be read. */
  maxEntryBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 2 * 1024 ** 3 - 1, maxEntries: 100_000 };

/** The archive is not a zip, is cut short, or is damaged; `message` says which, in one line. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
/** General-purpose flag bit 11: the entry's name is UTF-8. */
const UTF8_NAMES = 0x0800;

export interface ZipArchive {
  entries: ZipEntry[];
  read(entry: ZipEntry): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const entries = await readCentralDirectory(handle, size, limits);
    return {
      entries,
      read: (entry) => readEntry(handle, size, entry, limits),
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new ZipFormatError('the archive ends early (truncated download or copy?)');
  return buffer;
}

async function readCentralDirectory(handle: FileHandle, size: number, limits: ZipLimits): Promise<ZipEntry[]> {
  if (size < EOCD_MIN) throw new ZipFormatError('the file is too short to be a zip archive');
  const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no zip directory found: the file is not a zip archive, or it is truncated');
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('zip64 archives are not supported');
  if (count > limits.maxEntries) throw new ZipFormatError(`the archive lists ${count} files, more than the ${limits.maxEntries} allowed`);
  if (directoryOffset + directorySize > size) throw new ZipFormatError('the zip directory points past the end of the file (truncated?)');

  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`the zip directory is damaged at entry ${i + 1}`);
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function readEntry(handle: FileHandle, size: number, entry: ZipEntry, limits: ZipLimits): Promise<Buffer> {
  if (entry.size > limits.maxEntryBytes) {
    throw new ZipFormatError(`${entry.name} is ${entry.size} bytes uncompressed, more than the ${limits.maxEntryBytes} allowed`);
  }
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError(`${entry.name}: damaged local header`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.compressedSize > size) throw new ZipFormatError(`${entry.name} is cut short: the archive is truncated`);
  const raw = await readAt(handle, dataStart, entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      // The cap stops a bomb whose directory understates its size.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      throw new ZipFormatError(`${entry.name} could not be decompressed (${(error as Error).message})`);
    }
  } else throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; only stored and deflate are supported`);
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc) {
    throw new ZipFormatError(`${entry.name} is damaged (size or checksum does not match)`);
  }
  return data;
}

/**
 * A zip of stored (uncompressed) entries, its directory and local headers agreeing: how checked
 * entries are handed on to a library that reads local headers, so it sees exactly those entries.
 */
export function buildStoredZip(entries: readonly { name: string; data: Uint8Array }[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data) >>> 0;
    // Local and central headers share one run of fields (CRC, sizes, name length), 2 bytes apart.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt32LE(crc, at);
      header.writeUInt32LE(entry.data.length, at + 4);
      header.writeUInt32LE(entry.data.length, at + 8);
      header.writeUInt16LE(name.length, at + 12);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    fields(local, 14);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    fields(central, 16);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength));
    directory.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(EOCD_MIN);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}
