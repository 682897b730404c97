// Test hooks for the commit protocol (src/commit.ts): a test names a step in an environment
// variable and the process is killed there (FEEDBACK_THEMES_TEST_KILL_AT) or the step fails as a
// full disk would (FEEDBACK_THEMES_TEST_FAIL_AT). `step:N` means the Nth time the step is reached
// (`staging` is reached once per output written, `copying` once per output copied where links
// cannot be made). Unset in normal use: each call is one lookup.

export type CommitStep = 'staging' | 'staged' | 'recorded' | 'linked' | 'copying' | 'shown' | 'committed';

const reached = new Map<CommitStep, number>();

function matches(setting: string | undefined, step: CommitStep, count: number): boolean {
  if (!setting) return false;
  const [name, nth] = setting.split(':');
  return name === step && (nth === undefined ? count === 1 : Number(nth) === count);
}

export function commitStep(step: CommitStep): void {
  const { FEEDBACK_THEMES_TEST_KILL_AT: killAt, FEEDBACK_THEMES_TEST_FAIL_AT: failAt } = process.env;
  if (!killAt && !failAt) return;
  const count = (reached.get(step) ?? 0) + 1;
  reached.set(step, count);
  if (matches(killAt, step, count)) process.kill(process.pid, 'SIGKILL');
  if (matches(failAt, step, count)) {
    // As a real write fails: ENOSPC without a path (the caller knows which file it was writing).
    throw Object.assign(new Error(`ENOSPC: no space left on device, write (injected at ${step})`), {
      code: 'ENOSPC',
      syscall: 'write',
      ...(process.env.FEEDBACK_THEMES_TEST_FAIL_PATH ? { path: process.env.FEEDBACK_THEMES_TEST_FAIL_PATH } : {}),
    });
  }
}
