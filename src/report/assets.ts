// Static assets inlined into the report: the chart script (bundled from src/report/client with the
// D3 modules it uses) and the stylesheet. Read once, from paths relative to this module so it
// works from `src/` (tsx) and from compiled `dist/`.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleClientScript, CLIENT_BUNDLE } from './client-bundle.js';

export interface ReportAssets {
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
  const directory = assetsDirectory();
  cached = {
    script: inlineScriptSafe(chartScript()),
    css: readFileSync(`${directory}report.css`, 'utf8').replace(/<\/(style)/gi, '<\\/$1'),
  };
  return cached;
}
