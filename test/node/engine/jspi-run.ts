// Spawned by pyodide-backend.test.ts under `node --experimental-wasm-stack-switching`: runs
// asyncio.run() through the backend and prints the outcome and stdout as JSON.
import { pathToFileURL } from 'node:url';
import { pyodideDir } from '../../oracle/cpython.js';
import { registerTextImports } from './text-imports.js';

registerTextImports();
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
