#!/usr/bin/env node
// Runs before `npm test` (the `pretest` script): provisions what the tests need on this machine,
// one step at a time, so the README's test command works on a fresh machine. Each step checks
// first and does nothing when its need is already met. A need that cannot be met stops here with
// one line saying what to do, before any test runs. Add a step by adding it to STEPS.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the browser tests look for Chromium (test/helpers/browser.ts). */
const CHROMIUM = process.env.FEEDBACK_THEMES_CHROMIUM ?? '/usr/bin/chromium';

class Unmet extends Error {}

/** Is `command` on the PATH? */
function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * A Debian package the tests drive, installed with apt-get when we are root. `present` says whether
 * it is already there; `override` names the environment variable that points at the user's own copy
 * (never installed over).
 */
function debianPackage({ pkg, what, present, missing, override }) {
  return () => {
    if (present()) return;
    if ((override && process.env[override]) || process.getuid?.() !== 0) {
      throw new Unmet(
        `${missing}: install it with \`sudo apt-get install ${pkg}\`${override ? `, or set ${override} to ${what}` : ''}, then run npm test again.`,
      );
    }
    process.stderr.write(`provision: installing Debian's ${pkg} for the tests (apt-get) …\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', pkg],
    ]) {
      const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
      if (result.status !== 0)
        throw new Unmet(
          `\`apt-get ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); install ${pkg} by hand, then run npm test again.`,
        );
    }
    if (!present()) throw new Unmet(`${pkg} was installed, yet ${missing}${override ? `; set ${override} to ${what}` : ''}.`);
  };
}

/** Debian's Chromium for the report browser tests. */
const chromium = debianPackage({
  pkg: 'chromium',
  what: 'a Chromium binary',
  present: () => existsSync(CHROMIUM),
  missing: `Chromium is missing at ${CHROMIUM} (the report browser tests drive it)`,
  override: 'FEEDBACK_THEMES_CHROMIUM',
});

/** poppler's pdfinfo and pdftotext, which read the printed report in the print tests. */
const poppler = debianPackage({
  pkg: 'poppler-utils',
  present: () => onPath('pdfinfo') && onPath('pdftotext'),
  missing: 'pdfinfo and pdftotext are missing (the print tests read the printed report with them)',
});

/** Real model weights for the real-model suite (skipped, saying so, when they cannot be had outside CI). */
function realModel() {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'provision-model.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Unmet(`the real-model step failed (exit ${result.status ?? result.signal}); see the lines above.`);
}

const STEPS = [
  { name: 'chromium', run: chromium },
  { name: 'poppler', run: poppler },
  { name: 'real model', run: realModel },
];

for (const step of STEPS) {
  try {
    step.run();
  } catch (error) {
    if (!(error instanceof Unmet)) throw error;
    process.stderr.write(`provision (${step.name}): ${error.message}\n`);
    process.exit(1);
  }
}
process.stderr.write(`provision: ready (${STEPS.map((step) => step.name).join(', ')}; each installed only when missing)\n`);
