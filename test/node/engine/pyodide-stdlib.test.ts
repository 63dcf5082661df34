// The trimmed standard library (scripts/build-stdlib.mjs): the backend starts from it, and any
// other stdlib module still imports (the whole zip is read on the first miss), whether a new
// top-level module or a submodule that a trimmed package left out. Its modules are bytecode
// only, yet look as Pyodide's own zip makes them look: the same file names, the same sources in
// tracebacks and inspect (asked of CPython from its own zip: the oracle).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerBackend, WorkerIO } from '../../../src/engine/runtime/protocol.js';
import { cpython, pyodideDir } from '../../oracle/cpython.js';
import { registerTextImports } from './text-imports.js';
import { PROGRESS_DONE } from '../../../src/engine/engines.js';

function io() {
  const log = { stdout: '', stderr: '' };
  const worker: WorkerIO = { stdout: (t) => void (log.stdout += t), stderr: (t) => void (log.stderr += t), input: async () => null, stdinLine: () => null };
  return { worker, log };
}

let WHOLE_STDLIB_PHASE = '';
let STDLIB_SOURCES_PHASE = '';

/** A backend started from the trimmed zip in `folder`, and the progress it reports after loading. */
async function startFrom(folder: string): Promise<{ backend: WorkerBackend; later: string[] }> {
  const phases = await import('../../../src/engine/runtime/pyodide/backend.js');
  ({ WHOLE_STDLIB_PHASE, STDLIB_SOURCES_PHASE } = phases);
  const { createPyodideBackend } = phases;
  const backend = createPyodideBackend();
  const later: string[] = [];
  let loaded = false;
  await backend.load({ pyodideUrl: pathToFileURL(pyodideDir + '/').href, stdlibUrl: pathToFileURL(join(folder, 'python_stdlib.zip')).href }, (phase) => {
    if (loaded) later.push(phase);
  });
  loaded = true;
  return { backend, later };
}

describe('the trimmed stdlib', () => {
  let backend: WorkerBackend;
  let trimmed: { bytes: Uint8Array; sources: Uint8Array; names: string[] };
  let folder = '';
  /** The progress the backend reported after loading (what the page shows while code waits). */
  let later: string[] = [];

  before(async () => {
    registerTextImports();
    // @ts-expect-error: a build script in plain JavaScript.
    const { buildTrimmedStdlib } = (await import('../../../scripts/build-stdlib.mjs')) as { buildTrimmedStdlib(): Promise<{ bytes: Uint8Array; sources: Uint8Array; names: string[] }> };
    trimmed = await buildTrimmedStdlib();
    folder = mkdtempSync(join(tmpdir(), 'pyinnards-stdlib-'));
    writeFileSync(join(folder, 'python_stdlib.zip'), trimmed.bytes);
    writeFileSync(join(folder, 'python_stdlib_sources.zip'), trimmed.sources);
    ({ backend, later } = await startFrom(folder));
  });

  it('is at most two thirds of Pyodide\'s zip, and holds what the helpers need', () => {
    const whole = statSync(join(pyodideDir, 'python_stdlib.zip')).size;
    assert.ok(trimmed.bytes.length <= (whole * 2) / 3, `${trimmed.bytes.length} of ${whole} bytes`);
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

  it('holds bytecode, not sources: Python starts without compiling a module', async () => {
    const { worker, log } = io();
    // The modules Pyodide's start and the helpers imported came from the zip (those CPython
    // doesn't freeze), which has no source to compile: only .pyc and data files.
    const code = [
      'import sys, zipimport',
      'zipped = [m for m in list(sys.modules.values()) if getattr(getattr(m, "__loader__", None), "archive", None) == "/lib/python314.zip"]',
      'print(len(zipped) > 100, all(m.__file__.endswith(".py") for m in zipped))',
      'files = zipimport.zipimporter("/lib/python314.zip")._get_files()',
      'print(sorted({n.rpartition(".")[2] for n in files} & {"py", "pyc"}))',
      // Nor does it hold the modules CPython has frozen in: they never come from a zip.
      'frozen = [n for n, m in sys.modules.items() if getattr(m.__spec__, "origin", None) == "frozen" and m.__file__.startswith("/lib/python314.zip/")]',
      'print(len(frozen) > 10, [n for n in files if n.removesuffix(".pyc").removesuffix("/__init__").replace("/", ".") in frozen])',
    ].join('\n');
    assert.deepEqual(await backend.run(code, '<py-frames>', worker), { status: 'ok' }, log.stderr);
    assert.equal(log.stdout, "True True\n['pyc']\nTrue []\n");
  });

  it('names its modules and shows their sources as Pyodide\'s own zip does, fetching the sources when first needed', async () => {
    // What a reader may look at: module file names, a stdlib function's source, and a traceback
    // through the standard library (its frames, each with its source line and carets).
    const code = [
      'import sys, json, inspect, traceback, collections, asyncio',
      'for m in (json, json.decoder, collections, asyncio, asyncio.events, inspect):',
      '    print(m.__name__, m.__file__, m.__cached__, m.__spec__.origin, m.__spec__.cached)',
      'print(inspect.getsource(json.loads).splitlines()[0])',
      'print(inspect.getsourcelines(collections.Counter.most_common)[1])',
      'try:',
      '    json.loads("{")',
      'except ValueError as error:',
      '    print("".join(traceback.format_list(traceback.extract_tb(error.__traceback__)[1:])), end="")',
      // A frozen module (neither zip holds it): its name, no source, and a traceback through it.
      'import os, codecs',
      'print(os.__file__, inspect.getsourcefile(os), os.__spec__.origin)',
      'for obj in (os, os.makedirs, codecs.open):',
      '    try:',
      '        inspect.getsource(obj)',
      '    except OSError as error:',
      '        print(obj.__name__, error)',
      'try:',
      '    os.makedirs("")',
      'except OSError as error:',
      '    print(traceback.format_tb(error.__traceback__)[-1], end="")',
    ].join('\n');
    // A Python of its own, which has not needed a source yet: the first one it is asked for
    // fetches the trimmed modules' sources (not Pyodide's whole zip).
    const fresh = await startFrom(folder);
    const { worker, log } = io();
    const outcome = await fresh.backend.run(code, '<py-frames>', worker);
    assert.deepEqual(outcome, { status: 'ok' }, log.stderr);
    assert.deepEqual(fresh.later, [STDLIB_SOURCES_PHASE, PROGRESS_DONE]);
    const oracle = await cpython();
    let expected = '';
    oracle.setStdout({ batched: (text) => void (expected += text + '\n') });
    try {
      oracle.runPython(code);
    } finally {
      oracle.setStdout({});
    }
    assert.match(log.stdout, /json\/decoder\.py", line \d+, in decode\n    obj, end = self\.raw_decode/);
    assert.equal(log.stdout, expected);
  });

  it('still prints a traceback, without the stdlib lines, when the sources can\'t be fetched', async () => {
    // A folder with the trimmed zip and no sources' zip beside it (offline, or a partial copy).
    const alone = mkdtempSync(join(tmpdir(), 'pyinnards-stdlib-'));
    writeFileSync(join(alone, 'python_stdlib.zip'), trimmed.bytes);
    const { backend: offline } = await startFrom(alone);
    const { worker, log } = io();
    assert.equal((await offline.run('import json\njson.loads("{")', '<py-frames>', worker)).status, 'error');
    assert.match(log.stderr, /File "\/lib\/python314\.zip\/json\/decoder\.py", line \d+, in raw_decode\n(?! {4})/);
    assert.match(log.stderr, /json\.decoder\.JSONDecodeError: .*\n$/);
  });
});
