// The report of the bundled sample export (data/sample-feedback.csv), made by the CLI from source
// with the lexical engine, once per test file.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cliCommand } from '../../support/cli-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SampleReport {
  html: string;
  summary: Record<string, unknown>;
}

/** `engine: 'auto'` with no model available falls back to lexical and shows the warning banner. */
export async function sampleReport(engine: 'lexical' | 'auto' = 'lexical'): Promise<SampleReport> {
  const directory = await mkdtemp(path.join(tmpdir(), 'feedback-sample-'));
  const [node, ...entry] = cliCommand();
  const args = [
    ...entry,
    'run',
    path.join(ROOT, 'data/sample-feedback.csv'),
    '--out',
    directory,
    '--engine',
    engine,
    '--offline',
    '--no-store',
    '--quiet',
  ];
  try {
    await promisify(execFile)(node!, args, {
      cwd: ROOT,
      env: { ...process.env, FEEDBACK_THEMES_CACHE: path.join(directory, 'no-models') },
    });
    return {
      html: await readFile(path.join(directory, 'report.html'), 'utf8'),
      summary: JSON.parse(await readFile(path.join(directory, 'summary.json'), 'utf8')) as Record<string, unknown>,
    };
  } finally {
    // Read whole into memory: the folder is not needed once the report is.
    await rm(directory, { recursive: true, force: true });
  }
}
