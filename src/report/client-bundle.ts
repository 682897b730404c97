// The chart script is TypeScript under src/report/client, bundled into one browser script with
// esbuild: at build time into dist/client/report.js (npm run build), and on the fly when the tool
// runs from its sources (tests, tsx), so the page always carries the script of the code it runs.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const CLIENT_ENTRY = fileURLToPath(new URL('../../src/report/client/index.ts', import.meta.url));
/** Where `npm run build` writes the bundle; `dist/report/assets.js` reads it from here. */
export const CLIENT_BUNDLE = fileURLToPath(new URL('../../dist/client/report.js', import.meta.url));

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

/** One IIFE for the browser; esbuild is a development dependency, so only sources call this. */
export function bundleClientScript(): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as Esbuild;
  const result = esbuild.buildSync({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    minify: true,
  });
  return result.outputFiles[0].text;
}
