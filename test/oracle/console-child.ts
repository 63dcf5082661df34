// Run by console.ts under `node --experimental-wasm-stack-switching`: reads console sessions (JSON)
// on stdin, runs them through CPython 3.14's console (CONSOLE_ORACLE), prints the results as JSON.
import { readFileSync } from 'node:fs';
import { cpython } from './cpython.js';
import { CONSOLE_ORACLE } from './console.js';

const sessions = readFileSync(0, 'utf8');
const py = await cpython();
// The console's own writes go through sys.stdout/sys.stderr objects of the oracle; Pyodide's
// streams must not print anything of their own into our JSON.
py.setStdout({ write: (bytes: Uint8Array) => bytes.length });
py.setStderr({ write: (bytes: Uint8Array) => bytes.length });
const main = py.runPython(CONSOLE_ORACLE) as unknown as { callPromising(json: string): Promise<string> };
process.stdout.write(await main.callPromising(sessions));
