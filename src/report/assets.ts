// Static assets inlined into the report: D3, the chart script (bundled from src/report/client) and
// the stylesheet. Read once, from
// paths relative to this module so it works from `src/` (tsx) and from compiled `dist/`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleClientScript, CLIENT_BUNDLE } from './client-bundle.js';

export interface ReportAssets {
  d3: string;
  script: string;
  css: string;
}

let cached: ReportAssets | null = null;

/** `src/report/assets.ts` and `dist/report/assets.js` both sit two levels below the package root. */
export function assetsDirectory(): string {
  return fileURLToPath(new URL('../../assets/', import.meta.url));
}

/** A script body must not contain `</script` or `<!--`: either would end or confuse the element. */
export function inlineScriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** d3's `exports` map hides `dist/`, so find the package entry and take its sibling UMD bundle. */
function d3MinifiedPath(require: NodeJS.Require): string {
  return join(dirname(require.resolve('d3')), 'd3.min.js');
}

/** Running from sources (`.ts`): bundle now; from dist: the bundle `npm run build` wrote. */
function chartScript(): string {
  if (import.meta.url.endsWith('.ts')) return bundleClientScript();
  try {
    return readFileSync(CLIENT_BUNDLE, 'utf8');
  } catch (error) {
    throw new Error(`The report's chart script is missing (${CLIENT_BUNDLE}): run \`npm run build\`. ${(error as Error).message}`);
  }
}

export function loadAssets(): ReportAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const directory = assetsDirectory();
  cached = {
    d3: inlineScriptSafe(readFileSync(d3MinifiedPath(require), 'utf8')),
    script: inlineScriptSafe(chartScript()),
    css: readFileSync(`${directory}report.css`, 'utf8').replace(/<\/(style)/gi, '<\\/$1'),
  };
  return cached;
}
