import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden files and date bucketing depend on a pinned zone.
    // Runs without a store keep their secret in a state folder, and models (and a legacy secret) are
    // looked up in a cache folder: never the user's own in tests, unless a test gives its own.
    env: {
      TZ: 'UTC',
      FEEDBACK_THEMES_NO_PROGRESS: '1',
      FEEDBACK_THEMES_STATE: path.join(os.tmpdir(), `feedback-themes-test-state-${process.pid}`),
      FEEDBACK_THEMES_CACHE: path.join(os.tmpdir(), `feedback-themes-test-cache-${process.pid}`),
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every core: vitest's default leaves one idle (one worker on two cores), while many files wait on
    // child processes (the CLI, Chromium) rather than compute.
    maxWorkers: os.availableParallelism(),
  },
});
