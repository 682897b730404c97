import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZip, ZipFormatError } from '../../src/io/zip.js';
import { buildZip } from '../helpers/zip-writer.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'zip-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let n = 0;
async function write(bytes: Buffer): Promise<string> {
  const file = path.join(root, `a${n++}.zip`);
  await writeFile(file, bytes);
  return file;
}

describe('openZip', () => {
  it('lists entries and reads stored and deflated ones', async () => {
    const big = 'feedback '.repeat(10_000);
    const zip = await openZip(
      await write(
        buildZip([
          { name: 'a.txt', data: 'hello', deflate: false },
          { name: 'dir/b.txt', data: big },
        ]),
      ),
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.txt']);
    expect((await zip.read(zip.entries[0]!)).toString()).toBe('hello');
    expect((await zip.read(zip.entries[1]!)).toString()).toBe(big);
    expect(zip.entries[1]!.compressedSize).toBeLessThan(big.length / 10);
    await zip.close();
  });

  it('refuses a file that is not a zip, and a truncated one', async () => {
    await expect(openZip(await write(Buffer.from('just some text, long enough to look for a directory')))).rejects.toThrow(
      /not a zip archive, or it is truncated/,
    );
    const whole = buildZip([
      { name: 'a.txt', data: 'x'.repeat(5000) },
      { name: 'b.txt', data: 'y'.repeat(5000) },
    ]);
    await expect(openZip(await write(whole.subarray(0, whole.length - 30)))).rejects.toBeInstanceOf(ZipFormatError);
  });

  it('refuses an entry that inflates past its declared size (a bomb) or fails its checksum', async () => {
    const bomb = await openZip(await write(buildZip([{ name: 'bomb', data: Buffer.alloc(1 << 20), declaredSize: 100 }])));
    await expect(bomb.read(bomb.entries[0]!)).rejects.toThrow(/could not be decompressed|damaged/);
    await bomb.close();
    const zip = buildZip([{ name: 'x', data: 'abcdefgh', deflate: false }]);
    zip[30 + 1 + 3] = 'Z'.charCodeAt(0);
    const damaged = await openZip(await write(zip));
    await expect(damaged.read(damaged.entries[0]!)).rejects.toThrow(/damaged/);
    await damaged.close();
  });

  it('caps the size of an entry it will read', async () => {
    const zip = await openZip(await write(buildZip([{ name: 'x', data: 'a'.repeat(1000) }])), { maxEntryBytes: 100, maxEntries: 10 });
    await expect(zip.read(zip.entries[0]!)).rejects.toThrow(/more than the 100 allowed/);
    await zip.close();
    await expect(
      openZip(
        await write(
          buildZip([
            { name: 'a', data: '1' },
            { name: 'b', data: '2' },
          ]),
        ),
        { maxEntryBytes: 100, maxEntries: 1 },
      ),
    ).rejects.toThrow(/more than the 1 allowed/);
  });
});
