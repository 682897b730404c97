// How a command stopped by Ctrl-C (SIGINT) or SIGTERM ends: it says why on stderr and what stays
// as it was, then ends as killed by that signal (a shell shows 130 or 143), so a scheduler and an
// adviser alike can tell a stop from a failure.

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Says why and ends at once. The same signal again, now unhandled, ends the process with no
 * teardown: process.exit would first tear down the model's worker threads wherever they are, and
 * ONNX Runtime's binding, torn down in a call, aborts the process (exit 134; embed-worker.ts).
 */
export function endStoppedBy(signal: NodeJS.Signals, whatStays: string): void {
  process.stderr.write(`feedback-themes: stopped by ${signal}; ${whatStays}.\n`);
  process.kill(process.pid, signal);
}

/**
 * For a command that holds no lock (`classify`, `evaluate`, `train`): until the returned function is
 * called, a stop says so and what stays. Their files are written atomically, so a stop leaves none
 * half written.
 */
export function sayWhenStopped(whatStays: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    remove();
    endStoppedBy(signal, whatStays);
  };
  const remove = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, handler);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, handler);
  return remove;
}
