import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { IngestOptions } from '../../src/types.js';

export const fixturesDir = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
export const fixture = (name: string) => join(fixturesDir, name);

export const defaultOptions = (overrides: Partial<IngestOptions> = {}): IngestOptions => ({
  columns: {},
  maxTextChars: 2000,
  ...overrides,
});

/** A temp dir for binary fixtures (UTF-16, Windows-1252, odd line endings), removed after the file's tests. */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name: string, content: string | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Run a function expected to reject with a CliError; returns it. */
export async function cliErrorOf(run: () => Promise<unknown>): Promise<{ message: string; exitCode: number }> {
  try {
    await run();
  } catch (error) {
    if (error && typeof error === 'object' && 'exitCode' in error) return error as { message: string; exitCode: number };
    throw error;
  }
  throw new Error('expected a CliError, but the call succeeded');
}
