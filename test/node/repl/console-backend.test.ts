// The Pyodide backend's console glue where WebAssembly stack switching exists (as in Chromium):
// input() in a console input waits for the reader's answer without shared memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('input() in a console input waits for the answer (stack switching), then EOFError at end of input', () => {
  const script = fileURLToPath(new URL('./jspi-console.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--experimental-wasm-stack-switching', '--import', 'tsx', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
    interactiveInput: boolean;
    steps: { more: boolean; outcome: { status: string; error?: { type: string } } }[];
    output: string;
    prompts: string[];
  };
  assert.equal(got.interactiveInput, true);
  assert.deepEqual(got.steps.map((s) => s.outcome.status), ['ok', 'ok', 'error']);
  assert.equal(got.steps[2]!.outcome.error?.type, 'EOFError');
  // input() wrote its prompt to stdout (as with a pipe); the answer is not echoed by Python.
  assert.match(got.output, /^Name\? 'ADA'\nTraceback \(most recent call last\):\n  File "<python-input-2>", line 1, in <module>\n    input\(\)\n(.*\n)*EOFError: EOF when reading a line\n$/);
  assert.deepEqual(got.prompts, ['', '']);
});
