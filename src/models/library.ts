// The inference library (@huggingface/transformers), as the model's threads import it. Its Node
// build imports the image library sharp at load, for image pipelines this tool never runs: in a
// model worker that was more than half the library's import (about 0.14 s of CPU of 0.24 s, and
// each worker imports it before its first text). `npm run build` therefore bundles the library
// once with sharp left out (dist/models/inference-library.js, beside a note of the version it
// was built from); a run imports that copy while the installed library is still that version,
// and the package itself otherwise (from the sources, say). Tokenizer and ONNX Runtime session
// are the library's own code either way, and ONNX Runtime itself is not bundled.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type TransformersModule = typeof import('@huggingface/transformers');

const LIBRARY = '@huggingface/transformers';

/** Where `npm run build` writes the bundle (beside this module as built), and the note of what it was built from. */
export const LIBRARY_BUNDLE = fileURLToPath(new URL('../../dist/models/inference-library.js', import.meta.url));
export const LIBRARY_BUNDLE_NOTE = fileURLToPath(new URL('../../dist/models/inference-library.json', import.meta.url));

/** What a bundle was built from: the library's version and the size of the build of it that was bundled. */
export interface LibraryBuild {
  version: string;
  entryBytes: number;
}

/** The installed library: its version and the size of its Node ESM build. */
export function installedLibrary(): LibraryBuild {
  const entry = fileURLToPath(import.meta.resolve(LIBRARY));
  // dist/transformers.node.mjs -> the package's folder.
  const manifest = path.join(path.dirname(path.dirname(entry)), 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { version, entryBytes: statSync(entry).size };
}

/** The bundle to import, when one was built from the library installed now; null otherwise. */
export function currentBundle(bundle = LIBRARY_BUNDLE, note = LIBRARY_BUNDLE_NOTE): string | null {
  if (!existsSync(bundle) || !existsSync(note)) return null;
  try {
    const built = JSON.parse(readFileSync(note, 'utf8')) as LibraryBuild;
    const installed = installedLibrary();
    return built.version === installed.version && built.entryBytes === installed.entryBytes ? bundle : null;
  } catch {
    return null;
  }
}

export async function importInferenceLibrary(): Promise<TransformersModule> {
  const bundle = currentBundle();
  return bundle ? ((await import(pathToFileURL(bundle).href)) as TransformersModule) : import(LIBRARY);
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/**
 * The library as one ES module with sharp replaced by a function that refuses (the library only
 * checks at load that it is there), ONNX Runtime left to be imported from node_modules. esbuild
 * is a development dependency, so only the build calls this.
 */
export async function bundleInferenceLibrary(): Promise<{ code: string; note: LibraryBuild }> {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as Esbuild;
  const result = await esbuild.build({
    stdin: {
      contents: `export * from ${JSON.stringify(LIBRARY)};`,
      resolveDir: path.dirname(fileURLToPath(import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['onnxruntime-node', 'onnxruntime-common'],
    plugins: [withoutSharp],
    legalComments: 'inline',
    charset: 'utf8',
    logLevel: 'error',
  });
  return { code: result.outputFiles[0]!.text, note: installedLibrary() };
}

/** esbuild plugin: `import sharp from "sharp"` gets a stand-in that says images are not supported. */
const withoutSharp = {
  name: 'without-sharp',
  setup(build: {
    onResolve(options: { filter: RegExp }, callback: () => { path: string; namespace: string }): void;
    onLoad(options: { filter: RegExp; namespace: string }, callback: () => { contents: string; loader: string }): void;
  }) {
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: 'sharp', namespace: 'without-sharp' }));
    build.onLoad({ filter: /.*/, namespace: 'without-sharp' }, () => ({
      contents: `export default function sharp() { throw new Error('feedback-themes reads text only: images are not supported'); }`,
      loader: 'js',
    }));
  },
};
