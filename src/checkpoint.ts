// Named points of a run where a test can stop the process at a known moment: with
// FEEDBACK_THEMES_HOLD_AT=<name> the run says so on stderr when it reaches that point and waits
// there until it is killed. Unset (as always outside tests), a checkpoint does nothing.

export type CheckpointName = 'classifying' | 'writing';

export async function checkpoint(name: CheckpointName, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.FEEDBACK_THEMES_HOLD_AT !== name) return;
  process.stderr.write(`checkpoint: holding at ${name}\n`);
  // A pending timer keeps the process alive; nothing ever resolves this.
  await new Promise<never>(() => setInterval(() => {}, 1 << 30));
}
