// The trimmed standard library (scripts/build-stdlib.mjs): the backend starts from it, and any
// other stdlib module still imports (the whole zip is read on the first miss), whether a new
// top-level module or a submodule that a trimmed package left out.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerBackend, WorkerIO } from '../../../src/engine/runtime/protocol.js';
import { pyodideDir } from '../../oracle/cpython.js';
import { registerTextImports } from './text-imports.js';
import { PROGRESS_DONE } from '../../../src/engine/engines.js';

function io() {
  const log = { stdout: '', stderr: '' };
  const worker: WorkerIO = { stdout: (t) => void (log.stdout += t), stderr: (t) => void (log.stderr += t), input: async () => null, stdinLine: () => null };
  return { worker, log };
}

let WHOLE_STDLIB_PHASE = '';

describe('the trimmed stdlib', () => {
  let backend: WorkerBackend;
  let trimmed: { bytes: Uint8Array; names: string[] };
  /** The progress the backend reported after loading (what the page shows while code waits). */
  const later: string[] = [];

  before(async () => {
    registerTextImports();
    // @ts-expect-error: a build script in plain JavaScript.
    const { buildTrimmedStdlib } = (await import('../../../scripts/build-stdlib.mjs')) as { buildTrimmedStdlib(): Promise<{ bytes: Uint8Array; names: string[] }> };
    trimmed = await buildTrimmedStdlib();
    const folder = mkdtempSync(join(tmpdir(), 'pyinnards-stdlib-'));
    writeFileSync(join(folder, 'python_stdlib.zip'), trimmed.bytes);
    const { createPyodideBackend, WHOLE_STDLIB_PHASE: phase } = await import('../../../src/engine/runtime/pyodide/backend.js');
    WHOLE_STDLIB_PHASE = phase;
    backend = createPyodideBackend();
    let loaded = false;
    await backend.load({ pyodideUrl: pathToFileURL(pyodideDir + '/').href, stdlibUrl: pathToFileURL(join(folder, 'python_stdlib.zip')).href }, (phase) => {
      if (loaded) later.push(phase);
    });
    loaded = true;
  });

  it('is at most half of Pyodide\'s zip, and holds what the helpers need', () => {
    const whole = statSync(join(pyodideDir, 'python_stdlib.zip')).size;
    assert.ok(trimmed.bytes.length <= whole / 2, `${trimmed.bytes.length} of ${whole} bytes`);
    for (const name of ['asyncio/__init__.py', 'dis.py', 'codeop.py', 'traceback.py', 'inspect.py', 'ast.py', 'json/__init__.py']) {
      assert.ok(trimmed.names.includes(name), name);
    }
    assert.ok(!trimmed.names.includes('email/__init__.py'));
    assert.ok(!trimmed.names.includes('encodings/cp1252.py'));
  });

  it('runs helpers and common imports without the whole zip', async () => {
    const { worker, log } = io();
    const outcome = await backend.run('import json, collections, dataclasses, sys\nprint(json.dumps([1]), "/lib/python_stdlib_full.zip" in sys.path)\n', '<py-frames>', worker);
    assert.deepEqual(outcome, { status: 'ok' });
    assert.equal(log.stdout, '[1] False\n');
    assert.deepEqual(later, [], 'no wait to report');
  });

  it('imports modules outside it, top-level and submodules of trimmed packages', async () => {
    const { worker, log } = io();
    const code = [
      'import sys',
      'import email.mime.text',
      'print(type(email.mime.text.MIMEText("hi")).__name__)',
      'print("é".encode("cp1252"))',
      'import encodings.cp437',
      'print(sys.path[-1])',
      'import tkinter',
    ].join('\n');
    const outcome = await backend.run(code, '<py-repl>', worker);
    assert.equal(log.stdout, "MIMEText\nb'\\xe9'\n/lib/python_stdlib_full.zip\n");
    // The synchronous fetch of the whole zip (the first miss only) is announced, then ended.
    assert.deepEqual(later, [WHOLE_STDLIB_PHASE, PROGRESS_DONE]);
    // A stdlib module Pyodide doesn't have fails as it does in Pyodide.
    assert.equal(outcome.status, 'error');
    assert.match(log.stderr, /ModuleNotFoundError: No module named 'tkinter'\n$/);
  });
});
