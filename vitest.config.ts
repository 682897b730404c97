import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden files and date bucketing depend on a pinned zone.
    env: { TZ: 'UTC', FEEDBACK_THEMES_NO_PROGRESS: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
