// Logs and progress go to stderr; stdout is reserved for --json. Progress redraws a line only on
// a TTY; elsewhere (cron, CI, pipes) each stage logs one plain line.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** News a scheduled run exists to deliver (what moved since the last run): shown even with --quiet. */
  notice(message: string): void;
  /** Progress of long work; `done` of `total`. Silent unless on a TTY. */
  progress(label: string, done: number, total: number): void;
  /** Finish a progress line. */
  progressDone(label: string): void;
}

export interface LoggerOptions {
  quiet?: boolean;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const tty = Boolean(stream.isTTY) && !process.env.FEEDBACK_THEMES_NO_PROGRESS;
  let lastDraw = 0;
  let drawing = false;
  const clear = () => {
    if (drawing) {
      stream.write('\r\x1b[K');
      drawing = false;
    }
  };
  return {
    info(message) {
      if (quiet) return;
      clear();
      stream.write(`${message}\n`);
    },
    notice(message) {
      clear();
      stream.write(`${message}\n`);
    },
    warn(message) {
      // Warnings survive --quiet: a scheduled run must still say it fell back or lost rows.
      clear();
      stream.write(`warning: ${message}\n`);
    },
    progress(label, done, total) {
      if (quiet || !tty) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\x1b[K${label}: ${done}/${total} (${pct}%)`);
      drawing = true;
    },
    progressDone(label) {
      if (quiet || !tty) return;
      clear();
      void label;
    },
  };
}

/** A logger that records what it was told; for tests and library callers. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(m),
    notice: (m) => void lines.push(m),
    warn: (m) => void lines.push(`warning: ${m}`),
    progress: () => {},
    progressDone: () => {},
  };
}
