// The backend's TypeScript glue (src/engine/runtime/pyodide/backend.ts) in Node: loading from
// a file URL, stdio wiring, the JSON crossing, errors for a bad asset URL. Pyodide runs in Node
// the same way it runs in the worker; only the fetch-based progress can't be seen here (Node's
// Pyodide reads its files with fs). `?text` imports are what the build inlines; a loader hook
// does the same here.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerBackend, WorkerIO } from '../../../src/engine/runtime/protocol.js';
import { pyodideDir } from '../../oracle/cpython.js';
import { registerTextImports } from './text-imports.js';

const pyodideUrl = pathToFileURL(pyodideDir + '/').href;

function recordingIO(stdin = '') {
  const lines = stdin === '' ? [] : stdin.split(/(?<=\n)/);
  const log = { stdout: '', stderr: '' };
  const io: WorkerIO = {
    stdout: (t) => void (log.stdout += t),
    stderr: (t) => void (log.stderr += t),
    input: async () => lines.shift() ?? null,
    stdinLine: () => lines.shift() ?? null,
  };
  return { io, log };
}

describe('pyodide backend (TypeScript glue, in Node)', () => {
  let backend: WorkerBackend;
  let create: () => WorkerBackend;

  before(async () => {
    registerTextImports();
    ({ createPyodideBackend: create } = await import('../../../src/engine/runtime/pyodide/backend.js'));
    backend = create();
  });

  it('loads from a folder URL and reports the real versions', async () => {
    const phases: string[] = [];
    const caps = await backend.load({ pyodideUrl }, (phase) => phases.push(phase));
    assert.match(caps.version, /^CPython 3\.14\.\d+ \(Pyodide 314\.0\.7\)$/);
    assert.deepEqual(
      { ...caps, version: '' },
      { version: '', dis: true, trace: true, repl: true, topLevelAwait: true, interrupt: false, interactiveInput: false },
    );
    assert.equal(phases.at(-1), 'starting Python');
  });

  it('runs code with exact stdout/stderr and stdin lines', async () => {
    const { io, log } = recordingIO('Ada\n');
    const outcome = await backend.run('print("héllo", end="")\nprint(input("? "))\nprint(input())\n', '<py-frames>', io);
    assert.equal(log.stdout, 'héllo? Ada\n');
    assert.match(log.stderr, /^Traceback \(most recent call last\):\n  File "<py-frames>", line 3, in <module>\n/);
    assert.match(log.stderr, /EOFError: EOF when reading a line\n$/);
    assert.equal(outcome.status, 'error');
    assert.deepEqual(outcome.status === 'error' && [outcome.error.type, outcome.error.line], ['EOFError', 3]);
  });

  it('pushes console inputs, completes, resets', async () => {
    const { io, log } = recordingIO();
    assert.deepEqual(await backend.push('s', 'import asyncio', false, io), { more: false, outcome: { status: 'ok' } });
    assert.deepEqual(await backend.push('s', 'if True:', false, io), { more: true, outcome: { status: 'ok' } });
    assert.deepEqual(await backend.push('s', 'if True:\n    x = await asyncio.sleep(0, 41)', false, io), { more: true, outcome: { status: 'ok' } });
    await backend.push('s', 'if True:\n    x = await asyncio.sleep(0, 41)\n', false, io);
    await backend.push('s', 'x + 1', false, io);
    assert.equal(log.stdout, '42\n');
    assert.deepEqual(await backend.complete('s', 'asyncio.sle'), ['asyncio.sleep(']);
    await backend.reset('s');
    const after = await backend.push('s', 'x', false, io);
    assert.equal(after.outcome.status, 'error');
    assert.match(log.stderr, /File "<python-input-0>", line 1, in <module>\n    x\nNameError: name 'x' is not defined\n$/);
  });

  it('gives a console input() the stdin lines as they are, one per call, at the top level and in a function', async () => {
    // (The top level awaits its line where Python can't block, as here in Node; a function reads stdin.)
    const { io, log } = recordingIO('Ada\nBob\nCy');
    const outcome = await backend.push('stdin', 'def more():\n    return input()\na = input("? ")\nb = more()\nc = input()\nprint([a, b, c])\n', true, io);
    assert.deepEqual(outcome.outcome, { status: 'ok' });
    assert.equal(log.stdout, "? ['Ada', 'Bob', 'Cy']\n");
  });

  it("sends what a console's tasks print between its inputs to that console", async () => {
    let heard = '';
    backend.consoleOutput?.((session, stream, text) => void (heard += `[${session} ${stream}]${text}`));
    const { io, log } = recordingIO();
    await backend.push('bg', 'async def later():\n    await asyncio.sleep(0.02)\n    print("later")\n    1 / 0\n', false, io);
    await backend.push('bg', 't = asyncio.create_task(later())', false, io);
    await backend.push('other', 'print("now")', false, io);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(heard, '[bg stdout]later[bg stdout]\n', 'printed by the task (print writes twice), to its console only');
    const { io: io2, log: log2 } = recordingIO();
    await backend.push('bg', 'type(t.exception()).__name__', false, io2);
    assert.equal(log2.stdout, "'ZeroDivisionError'\n");
    assert.equal(log.stdout, 'now\n');
    // Force runs an incomplete input (the console's Enter on a blank line after a block).
    const forced = await backend.push('bg', 'if True:\n    ', true, io2);
    assert.equal(forced.outcome.status, 'error');
  });

  it('disassembles, and returns syntax errors', async () => {
    const result = (await backend.disassemble('x = 1', { showOffsets: true })) as { text: string };
    assert.match(result.text, /LOAD_SMALL_INT +1/);
    const bad = (await backend.disassemble('x = (', {})) as { error: { type: string; line: number } };
    assert.deepEqual([bad.error.type, bad.error.line], ['SyntaxError', 1]);
  });

  it('records a run, with input() from stdin and output streamed as it runs', async () => {
    const { io, log } = recordingIO('Ada\n');
    const trace = await backend.trace('x = input("? ")\nprint(x)\n', { maxSteps: 4 }, io);
    assert.deepEqual(trace.steps.map((step) => step.event), ['call', 'line', 'line', 'return']);
    assert.deepEqual(trace.end, { status: 'ok' });
    assert.equal(trace.stdout, '? Ada\n');
    assert.equal(log.stdout, '? Ada\n');
    const limited = await backend.trace('x = 1\nprint(x)\n', { maxSteps: 3 }, recordingIO().io);
    // The third step is line 2, which ran; the budget ran out at the event after it.
    assert.deepEqual([limited.steps.length, limited.end, limited.stdout], [3, { status: 'step-limit', maxSteps: 3 }, '1\n']);
  });

  it('names the asset that failed to load', async () => {
    const url = pyodideUrl + 'missing/';
    await assert.rejects(create().load({ pyodideUrl: url }, () => {}), (error: Error) => {
      assert.match(error.message, new RegExp(`^Could not load ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}pyodide\\.mjs`));
      return true;
    });
  });

  it('asyncio.run() works in run() where WebAssembly stack switching exists', () => {
    // Node 20 has JSPI behind a flag; Chromium has it on by default.
    const script = fileURLToPath(new URL('./jspi-run.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--experimental-wasm-stack-switching', '--import', 'tsx', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').at(-1)!), { outcome: { status: 'ok' }, stdout: 'start\n3\n' });
  });
});
