// Test hooks for the commit protocol (src/commit.ts): a test names a step in an environment
// variable and the process is killed there (FEEDBACK_THEMES_TEST_KILL_AT) or the step fails as a
// full disk would (FEEDBACK_THEMES_TEST_FAIL_AT). Unset in normal use: each call is one lookup.

export type CommitStep = 'staged' | 'recorded' | 'landing' | 'landed' | 'committed';

export function commitStep(step: CommitStep): void {
  if (process.env.FEEDBACK_THEMES_TEST_KILL_AT === step) process.kill(process.pid, 'SIGKILL');
  if (process.env.FEEDBACK_THEMES_TEST_FAIL_AT === step) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, write (injected at ${step})`), {
      code: 'ENOSPC',
      syscall: 'write',
      path: process.env.FEEDBACK_THEMES_TEST_FAIL_PATH ?? step,
    });
  }
}
