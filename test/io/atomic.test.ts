import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanupStaleTempFiles, writeOutputsAtomically } from '../../src/io/atomic.js';
import type { OutputFile } from '../../src/types.js';
import { spawnFixture } from './spawn-fixture.js';

let dir: string;
let out: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-atomic-'));
  out = join(dir, 'feedback-report');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const previous: OutputFile[] = [
  { name: 'report.html', content: '<!doctype html><p>last month</p>' },
  { name: 'items.csv', content: 'id,themes\nr1,examples\n' },
  { name: 'rejects.csv', content: 'source,line,reason\nexport.csv,7,empty feedback\n' },
];

async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = (await readFile(join(folder, name))).toString('base64');
  return files;
}

describe('writeOutputsAtomically', () => {
  it('creates the folder and writes every file, text and bytes', async () => {
    const bytes = Uint8Array.from([0, 255, 10, 13, 200]);
    await writeOutputsAtomically(out, [
      { name: 'report.html', content: '<p>café ✓</p>' },
      { name: 'summary.json', content: '{"schemaVersion":1}' },
      { name: 'blob.bin', content: bytes },
    ]);
    expect((await readdir(out)).sort()).toEqual(['blob.bin', 'report.html', 'summary.json']);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toBe('<p>café ✓</p>');
    expect(new Uint8Array(await readFile(join(out, 'blob.bin')))).toEqual(bytes);
  });

  it('replaces previous outputs and removes stale ones only when not produced again', async () => {
    await writeOutputsAtomically(out, previous);
    await writeOutputsAtomically(
      out,
      [
        { name: 'report.html', content: 'new' },
        { name: 'items.csv', content: 'id\n' },
      ],
      {
        removeStale: ['rejects.csv', 'never-existed.csv'],
      },
    );
    expect((await readdir(out)).sort()).toEqual(['items.csv', 'report.html']);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toBe('new');

    await writeOutputsAtomically(out, [{ name: 'rejects.csv', content: 'again' }], { removeStale: ['rejects.csv'] });
    expect(await readFile(join(out, 'rejects.csv'), 'utf8')).toBe('again');
  });

  it('leaves previous outputs byte-identical and no temp files when a later file fails to write', async () => {
    await writeOutputsAtomically(out, previous);
    const before = await snapshot(out);
    const bad = { name: 'items.csv', content: 12345 as unknown as string };
    await expect(
      writeOutputsAtomically(out, [{ name: 'report.html', content: 'half-done' }, bad], { removeStale: ['rejects.csv'] }),
    ).rejects.toThrow(/must be a string, bytes or pieces of text/);
    expect(await snapshot(out)).toEqual(before);
  });

  it('streams content given as pieces, in order', async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `row ${i},${'x'.repeat(300)}\r\n`);
    await writeOutputsAtomically(out, [{ name: 'items.csv', content: pieces }]);
    expect(await readFile(join(out, 'items.csv'), 'utf8')).toBe(pieces.join(''));
  });

  it('keeps previous outputs when producing streamed content fails half-way', async () => {
    await writeOutputsAtomically(out, previous);
    const before = await snapshot(out);
    function* failing(): Generator<string> {
      yield 'id,text\r\n'.repeat(100_000);
      throw new Error('ran out of rows');
    }
    await expect(writeOutputsAtomically(out, [{ name: 'items.csv', content: { [Symbol.iterator]: failing } }])).rejects.toThrow(
      'ran out of rows',
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('replaces nothing when a folder is in the way of one output', async () => {
    await writeOutputsAtomically(out, previous);
    await mkdir(join(out, 'summary.json'));
    const before = await readdir(out);
    const beforeReport = await readFile(join(out, 'report.html'));
    await expect(
      writeOutputsAtomically(out, [
        { name: 'report.html', content: 'new report' },
        { name: 'summary.json', content: '{}' },
      ]),
    ).rejects.toThrow(/summary\.json/);
    expect((await readdir(out)).sort()).toEqual(before.sort());
    expect(await readFile(join(out, 'report.html'))).toEqual(beforeReport);
  });

  it('undoes renames already done when a later rename fails', async () => {
    await writeOutputsAtomically(out, previous);
    const before = await snapshot(out);
    await expect(
      writeOutputsAtomically(
        out,
        [
          { name: 'report.html', content: 'new report' },
          { name: 'fresh.csv', content: 'x' },
        ],
        {
          // Lose the second temp file, so its rename fails after report.html was already replaced.
          beforeCommit: async () => {
            for (const name of await readdir(out)) if (name.startsWith('.fresh.csv.')) await rm(join(out, name));
          },
        },
      ),
    ).rejects.toThrow(/ENOENT/);
    expect(await snapshot(out)).toEqual(before);
  });

  it('writes outputs one folder down, and removes only the stale pages there', async () => {
    await writeOutputsAtomically(out, [
      { name: 'report.html', content: 'first' },
      { name: 'candidates/candidate-1.html', content: 'page one' },
      { name: 'candidates/candidate-2.html', content: 'page two' },
    ]);
    expect((await readdir(join(out, 'candidates'))).sort()).toEqual(['candidate-1.html', 'candidate-2.html']);
    await writeFile(join(out, 'candidates', 'my-notes.txt'), 'kept');
    const stale = [{ folder: 'candidates', pattern: /^candidate-\d+\.html$/ }];
    await writeOutputsAtomically(
      out,
      [
        { name: 'report.html', content: 'second' },
        { name: 'candidates/candidate-1.html', content: 'new one' },
      ],
      {
        removeStaleIn: stale,
      },
    );
    expect((await readdir(join(out, 'candidates'))).sort()).toEqual(['candidate-1.html', 'my-notes.txt']);
    expect(await readFile(join(out, 'candidates', 'candidate-1.html'), 'utf8')).toBe('new one');
    await rm(join(out, 'candidates', 'my-notes.txt'));
    await writeOutputsAtomically(out, [{ name: 'report.html', content: 'third' }], { removeStaleIn: stale });
    expect(await readdir(out)).toEqual(['report.html']); // the emptied folder goes too
  });

  it('rejects names that are not plain file names', async () => {
    await expect(writeOutputsAtomically(out, [{ name: '../escape.html', content: 'x' }])).rejects.toThrow(/plain file name/);
    await expect(writeOutputsAtomically(out, [{ name: 'a/b/c.html', content: 'x' }])).rejects.toThrow(/plain file name/);
    await expect(writeOutputsAtomically(out, [{ name: 'candidates/../../x', content: 'x' }])).rejects.toThrow(/plain file name/);
    await expect(writeOutputsAtomically(out, [{ name: '/etc/x', content: 'x' }])).rejects.toThrow(/plain file name/);
    await expect(
      writeOutputsAtomically(out, [
        { name: 'a', content: 'x' },
        { name: 'a', content: 'y' },
      ]),
    ).rejects.toThrow(/unique/);
  });

  it('keeps the previous report when the writer is killed between writing and renaming', async () => {
    await writeOutputsAtomically(out, previous);
    const before = await snapshot(out);
    const writer = spawnFixture('slow-writer.ts', [out]);
    await writer.waitFor('written');
    const temps = (await readdir(out)).filter((name) => name.endsWith('.tmp'));
    expect(temps.length).toBe(2); // the new outputs exist, but only as temp files
    expect(temps.every((name) => name.includes(`.${writer.child.pid}.`))).toBe(true);
    writer.child.kill('SIGKILL');
    expect((await writer.exited).signal).toBe('SIGKILL');

    const afterKill = await snapshot(out);
    for (const name of Object.keys(before)) expect(afterKill[name]).toBe(before[name]);

    const removed = await cleanupStaleTempFiles(out);
    expect(removed.sort()).toEqual(temps.sort());
    expect(await snapshot(out)).toEqual(before);
  });
});

describe('cleanupStaleTempFiles', () => {
  it("removes only temp files of dead processes, never a live process's or other files", async () => {
    await mkdir(out, { recursive: true });
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const names = [
      `.report.html.${dead}.0a1b2c3d.tmp`,
      `.items.csv.${dead}.ffff0000.bak.tmp`,
      `.report.html.${process.pid}.12345678.tmp`,
      'report.html',
      'notes.tmp',
    ];
    for (const name of names) await writeFile(join(out, name), 'x');
    expect(await cleanupStaleTempFiles(out)).toEqual([`.items.csv.${dead}.ffff0000.bak.tmp`, `.report.html.${dead}.0a1b2c3d.tmp`]);
    expect((await readdir(out)).sort()).toEqual([`.report.html.${process.pid}.12345678.tmp`, 'notes.tmp', 'report.html'].sort());
  });

  it('also cleans the output subfolders it is given', async () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    await mkdir(join(out, 'candidates'), { recursive: true });
    await writeFile(join(out, 'candidates', `.candidate-1.html.${dead}.0a1b2c3d.tmp`), 'x');
    await writeFile(join(out, 'candidates', 'candidate-1.html'), 'x');
    expect(await cleanupStaleTempFiles(out, ['candidates'])).toEqual([`candidates/.candidate-1.html.${dead}.0a1b2c3d.tmp`]);
    expect(await readdir(join(out, 'candidates'))).toEqual(['candidate-1.html']);
  });

  it('does nothing when the folder does not exist yet', async () => {
    expect(await cleanupStaleTempFiles(join(dir, 'missing'))).toEqual([]);
  });
});
