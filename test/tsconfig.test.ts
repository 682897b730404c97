// The two type-check worlds: the report's browser script sees the DOM and not Node, everything else Node and not the DOM.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tsconfig-probe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Type-checks one line of code under a project tsconfig; resolves to tsc's diagnostics ('' when it passes). */
async function check(config: string, name: string, code: string): Promise<string> {
  const probe = path.join(dir, name);
  await mkdir(probe, { recursive: true });
  await writeFile(path.join(probe, 'probe.ts'), `${code}\n`);
  const tsconfig = {
    extends: path.join(ROOT, config),
    compilerOptions: { typeRoots: [path.join(ROOT, 'node_modules', '@types')], rootDir: '.', noEmit: true },
    include: [],
    files: ['probe.ts'],
  };
  await writeFile(path.join(probe, 'tsconfig.json'), JSON.stringify(tsconfig));
  try {
    await promisify(execFile)(process.execPath, [TSC, '-p', path.join(probe, 'tsconfig.json')]);
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('tsconfig', () => {
  it('rejects Node in the browser script and the DOM in Node code', async () => {
    const [clientProcess, clientDocument, nodeDocument, nodeProcess] = await Promise.all([
      check('src/report/client/tsconfig.json', 'client-process', 'export const home = process.env.HOME;'),
      check('src/report/client/tsconfig.json', 'client-document', 'export const title = document.title;'),
      check('tsconfig.json', 'node-document', 'export const title = document.title;'),
      check('tsconfig.json', 'node-process', 'export const home = process.env.HOME;'),
    ]);
    expect(clientProcess).toMatch(/error TS\d+: Cannot find name 'process'/);
    expect(clientDocument).toBe('');
    expect(nodeDocument).toMatch(/error TS\d+: Cannot find name 'document'/);
    expect(nodeProcess).toBe('');
  });
});
