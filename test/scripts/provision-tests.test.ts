import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm test provisioning (scripts/provision-tests.mjs)', () => {
  it('stops with one line saying what to do when Chromium is missing and cannot be installed', () => {
    const result = spawnSync(process.execPath, ['scripts/provision-tests.mjs'], {
      encoding: 'utf8',
      // A Chromium path of the user's own is never installed with apt-get.
      env: { ...process.env, FEEDBACK_THEMES_CHROMIUM: '/nonexistent/chromium' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^provision \(chromium\): Chromium is missing at \/nonexistent\/chromium .*apt-get install chromium/);
  });
});
