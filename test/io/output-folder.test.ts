import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentRun, runFolders, showRun, stageRun, tidyOutputFolder, wasShown } from '../../src/io/output-folder.js';
import { newRunId } from '../../src/store/store.js';

let out: string;

beforeEach(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), 'ft-out-folder-')), 'report');
});
afterEach(async () => {
  await rm(path.dirname(out), { recursive: true, force: true });
});

/** Shows a run writing `report.html` (saying `label`) and the other given names. */
async function showOne(label: string, at: string, extra: Record<string, string> = {}): Promise<string> {
  const runId = newRunId(new Date(at));
  const files = Object.entries({ 'report.html': label, ...extra }).map(([name, content]) => ({ name, content }));
  await showRun(await stageRun(out, runId, files));
  await tidyOutputFolder(out, 3);
  return runId;
}

describe('the output folder', () => {
  it('shows the newest run through current and keeps the newest --keep runs, dated', async () => {
    const ids: string[] = [];
    for (let month = 1; month <= 5; month++) ids.push(await showOne(`run ${month}`, `2026-0${month}-01T06:00:00Z`));
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('run 5');
    expect(await readlink(path.join(out, 'report.html'))).toBe('current/report.html');
    expect(await currentRun(out)).toBe(ids[4]);
    expect(await runFolders(out)).toEqual(ids.slice(2)); // --keep 3
    expect(await readFile(path.join(out, 'runs', ids[2], 'report.html'), 'utf8')).toBe('run 3'); // a past report, whole
    expect(ids[2]).toMatch(/^2026-03-01T060000\.000Z-[0-9a-f]{6}$/);
  });

  it('drops the links to names the shown run did not write, and never shows a run folder it did not switch to', async () => {
    await showOne('first', '2026-01-01T06:00:00Z', { 'rejects.csv': 'r', 'candidates/candidate-1.html': 'p' });
    expect(await readFile(path.join(out, 'candidates', 'candidate-1.html'), 'utf8')).toBe('p');
    await showOne('second', '2026-02-01T06:00:00Z');
    expect((await readdir(out)).sort()).toEqual(['current', 'report.html', 'runs']);
    // A run written but never shown (killed before the switch) is removed by the next tidy.
    const unshown = newRunId(new Date('2026-03-01T06:00:00Z'));
    await stageRun(out, unshown, [{ name: 'report.html', content: 'never shown' }]);
    expect(await wasShown(out, unshown)).toBe(false);
    const { unshown: removed } = await tidyOutputFolder(out, 3);
    expect(removed).toEqual([unshown]);
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('second');
  });

  it('adopts a folder of an earlier version as a run of its own, leaving files of the user alone', async () => {
    await mkdir(path.join(out, 'candidates'), { recursive: true });
    await writeFile(path.join(out, 'report.html'), 'old report');
    await writeFile(path.join(out, 'rejects.csv'), 'old rejects');
    await writeFile(path.join(out, 'candidates', 'candidate-1.html'), 'old page');
    await writeFile(path.join(out, 'my-notes.txt'), 'mine');
    await showOne('new report', '2030-01-01T06:00:00Z');
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('new report');
    expect((await readdir(out)).sort()).toEqual(['current', 'my-notes.txt', 'report.html', 'runs']);
    const [earlier] = await runFolders(out);
    expect((await readdir(path.join(out, 'runs', earlier))).sort()).toEqual(['.shown', 'candidates', 'rejects.csv', 'report.html']);
    expect(await readFile(path.join(out, 'runs', earlier, 'candidates', 'candidate-1.html'), 'utf8')).toBe('old page');
  });

  it('refuses a folder where a file output goes, before changing anything', async () => {
    await mkdir(path.join(out, 'report.html'), { recursive: true });
    await writeFile(path.join(out, 'items.csv'), 'old');
    const staged = await stageRun(out, newRunId(), [{ name: 'report.html', content: 'x' }]);
    await expect(showRun(staged)).rejects.toThrow(/report\.html: a folder is in the way/);
    expect((await lstat(path.join(out, 'items.csv'))).isFile()).toBe(true);
    expect(await currentRun(out)).toBeNull();
  });
});
