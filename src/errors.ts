// One error type for everything the user can fix. The CLI prints `message` (no stack) and
// exits with `exitCode`; anything else is a bug and exits 1.

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  noInput: 3,
  modelUnavailable: 4,
  locked: 5,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.usage, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}
