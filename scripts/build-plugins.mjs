// Two import forms the engine uses, understood the same way by the rollup build and by the
// test server (which serves sources unbundled):
//   import source from './helpers.py?text'       -> the file's text (Python helpers shipped as text)
//   import url from './worker.ts?worker-url'     -> the URL of that module, built as its own chunk
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const TEXT = '?text';
const WORKER_URL = '?worker-url';
const STDLIB_URL = '?stdlib-url';

/** Rollup: inlines ?text imports, and points ?worker-url imports at the separately built workers. */
export function rollupEngineImports() {
  return {
    name: 'pyinnards-engine-imports',
    resolveId(source, importer) {
      // The trimmed stdlib zip is built apart (scripts/build-stdlib.mjs) into dist/python/.
      if (importer && source.endsWith(STDLIB_URL)) return `\0${STDLIB_URL}`;
      if (!importer || !(source.endsWith(TEXT) || source.endsWith(WORKER_URL))) return null;
      const suffix = source.endsWith(TEXT) ? TEXT : WORKER_URL;
      const path = source.slice(0, -suffix.length);
      // A package file (e.g. 'skulpt/dist/skulpt.min.js?text') resolves like require() would.
      const file = /^\.{0,2}\//.test(path) ? resolve(dirname(importer), path) : createRequire(importer).resolve(path);
      return `\0${file}${suffix}`;
    },
    load(id) {
      if (!id.startsWith('\0')) return null;
      // The page's interpreter layer lives in dist/chunks/.
      if (id === `\0${STDLIB_URL}`) return `export default new URL('../python/python_stdlib.zip', import.meta.url).href;`;
      if (id.endsWith(TEXT)) {
        const path = id.slice(1, -TEXT.length);
        this.addWatchFile(path);
        return `export default ${JSON.stringify(readFileSync(path, 'utf8'))};`;
      }
      if (id.endsWith(WORKER_URL)) {
        // Workers are built apart (dist/workers/NAME.js, see rollup.config.mjs); the page's
        // interpreter layer lives in dist/chunks/, one folder over.
        const name = id.slice(1, -WORKER_URL.length).split(/[\\/]/).slice(-2, -1)[0];
        return `export default new URL('../workers/${name}.js', import.meta.url).href;`;
      }
      return null;
    },
  };
}

/** @web/dev-server: the same two forms, for tests that import our sources directly. */
export function devServerEngineImports() {
  return {
    name: 'pyinnards-engine-imports',
    transformImport({ source }) {
      // Keep the marker where the browser can see it: esbuild leaves query strings alone.
      return source;
    },
    serve(context) {
      // .py helpers, and package files shipped as text (Skulpt's dist scripts).
      if (context.URL.searchParams.has('text') && /\.(py|js)$/.test(context.path)) {
        const text = readFileSync(resolve('.' + context.path), 'utf8');
        return { body: `export default ${JSON.stringify(text)};`, type: 'js' };
      }
      // Unbundled, there is no trimmed zip: Pyodide's whole one is used.
      if (context.URL.searchParams.has('stdlib-url')) return { body: 'export default null;', type: 'js' };
      if (context.URL.searchParams.has('worker-url')) {
        return { body: `export default new URL(${JSON.stringify(context.path)}, import.meta.url).href;`, type: 'js' };
      }
      return undefined;
    },
  };
}
