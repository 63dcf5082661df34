// Spawned by console-backend.test.ts under `node --experimental-wasm-stack-switching` (Chromium has
// stack switching on): a console input's input() waits for the reader's answer, a promise, and
// top-level await still works when the backend calls Python through callPromising.
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
const capabilities = await backend.load({ pyodideUrl: pathToFileURL(pyodideDir + '/').href }, () => {});
let output = '';
const prompts: string[] = [];
const io = {
  stdout: (text: string) => void (output += text),
  stderr: (text: string) => void (output += text),
  // The reader answers a moment later, as in the page.
  input: (prompt: string) => {
    prompts.push(prompt);
    return new Promise<string | null>((resolve) => setTimeout(() => resolve(prompts.length === 1 ? 'Ada' : null), 30));
  },
  stdinLine: () => null,
};
const steps = [];
for (const source of ['name = input("Name? ")', 'await asyncio.sleep(0.01, name.upper())', 'input()']) {
  steps.push(await backend.push('jspi', source, false, io));
}
console.log(JSON.stringify({ interactiveInput: capabilities.interactiveInput, steps, output, prompts }));
