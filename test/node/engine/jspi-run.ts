// Spawned by pyodide-backend.test.ts under `node --experimental-wasm-stack-switching`: runs
// asyncio.run() through the backend and prints the outcome and stdout as JSON.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { pyodideDir } from '../../oracle/cpython.js';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(s, c, next) { return s.endsWith('.py?text') ? { url: new URL(s, c.parentURL).href, shortCircuit: true } : next(s, c); }
export async function load(u, c, next) { return u.endsWith('.py?text') ? { format: 'module', source: 'export default ' + JSON.stringify(readFileSync(fileURLToPath(u.slice(0, -5)), 'utf8')), shortCircuit: true } : next(u, c); }`),
);
const { createPyodideBackend } = await import('../../../src/engine/runtime/pyodide/backend.js');
const backend = createPyodideBackend();
await backend.load({ pyodideUrl: pathToFileURL(pyodideDir + '/').href }, () => {});
let stdout = '';
const outcome = await backend.run(
  'import asyncio\nasync def main():\n    print("start")\n    await asyncio.sleep(0.01)\n    return 3\nprint(asyncio.run(main()))\n',
  '<py-frames>',
  { stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t), input: async () => null, stdinLine: () => null },
);
console.log(JSON.stringify({ outcome, stdout }));
