// Pyodide starts without its package index (pyodide-lock.json): the backend gives it an empty
// one, so no page requests the file. Loaded here from a copy of the package with the file left
// out, which fails if anything still reads it.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerBackend, WorkerIO } from '../../../src/engine/runtime/protocol.js';
import { pyodideDir } from '../../oracle/cpython.js';
import { registerTextImports } from './text-imports.js';

describe('pyodide without pyodide-lock.json', () => {
  let backend: WorkerBackend;
  let abi: string;

  before(async () => {
    registerTextImports();
    const module = await import('../../../src/engine/runtime/pyodide/backend.js');
    abi = module.PYODIDE_ABI_VERSION;
    backend = module.createPyodideBackend();
  });

  it('names the ABI of the pinned Pyodide', () => {
    const lock = JSON.parse(readFileSync(join(pyodideDir, 'pyodide-lock.json'), 'utf8')) as { info: { abi_version: string } };
    assert.equal(abi, lock.info.abi_version);
  });

  it('starts, runs code, and reports a missing module as CPython does', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pyodide-no-lock-'));
    for (const name of readdirSync(pyodideDir)) if (name !== 'pyodide-lock.json') symlinkSync(join(pyodideDir, name), join(folder, name));
    await backend.load({ pyodideUrl: pathToFileURL(folder + '/').href }, () => {});
    let stderr = '';
    const io: WorkerIO = { stdout: () => {}, stderr: (t) => void (stderr += t), input: async () => null, stdinLine: () => null };
    const outcome = await backend.run('import json\nimport numpy\n', '<py-repl>', io);
    assert.equal(outcome.status, 'error');
    assert.match(stderr, /ModuleNotFoundError: No module named 'numpy'\n$/);
  });
});
