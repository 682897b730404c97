// The command that runs the CLI in its own process for tests that must kill it: the built dist
// when it is at least as new as every source file (a plain Node start, about twice as fast), else
// the sources through tsx.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function cliCommand(): string[] {
  const built = statSync(path.join(ROOT, 'dist', 'cli.js'), { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestMtime(path.join(ROOT, 'src')))
    return [process.execPath, path.join(ROOT, 'bin', 'feedback-themes.js')];
  return [process.execPath, '--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'cli-entry.ts')];
}
