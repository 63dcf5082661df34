// Spawned by recorder.test.ts under `node --experimental-wasm-stack-switching`: records the
// programs given on stdin (a JSON array of source texts) through the Pyodide backend as the
// browser's worker does (WebAssembly stack switching, so asyncio.run() runs on Pyodide's
// WebLoop) and prints the recordings as one JSON array.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pyodideDir } from '../../oracle/cpython.js';
import { registerTextImports } from './text-imports.js';

registerTextImports();
const { createPyodideBackend } = await import('../../../src/engine/runtime/pyodide/backend.js');
const backend = createPyodideBackend();
await backend.load({ pyodideUrl: pathToFileURL(pyodideDir + '/').href }, () => {});
const programs = JSON.parse(readFileSync(0, 'utf8')) as string[];
const traces = [];
for (const code of programs) {
  traces.push(await backend.trace(code, {}, { stdout: () => {}, stderr: () => {}, input: async () => null, stdinLine: () => null }));
}
console.log(JSON.stringify(traces));
