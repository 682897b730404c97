// The CLI run in-process, as a user would call it, with its output captured and its clock pinned.

import { main, type CliEffects } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const PINNED_NOW = new Date('2026-11-01T09:00:00Z');

export async function runCli(args: string[], env: NodeJS.ProcessEnv, now: Date = PINNED_NOW): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const effects: CliEffects = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
      isTTY: false,
    } as unknown as CliEffects['stderr'],
    now: () => now,
    // The state and model cache folders of vitest.config.ts, unless the test gives its own.
    env: { FEEDBACK_THEMES_STATE: process.env.FEEDBACK_THEMES_STATE, FEEDBACK_THEMES_CACHE: process.env.FEEDBACK_THEMES_CACHE, ...env },
  };
  const code = await main(['node', 'feedback-themes', ...args], effects);
  return { code, stdout, stderr };
}
