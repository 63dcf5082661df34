// Python's started state saved in the reader's browser (src/engine/runtime/pyodide/snapshot.ts):
// a cold start saves it, the next start (a new worker, as on the next page view) restores it and
// answers exactly as a start without it does; a damaged or refused snapshot means a cold start,
// and the setting off means neither reading nor saving. Each cold start costs seconds: the
// damaged snapshot is checked by the store itself, with no Python; the refused one is the one
// the cold start saved, cut.
// The file ends with a good snapshot saved, made by a cold start: web-test-runner.config.mjs
// runs it first, so the later files' pages start Python from it, as a reader's later page views
// do (in WebKit that is 2 s against 7-8 s a start).
// (A new worker per start: the engine layer keeps one per asset URL string, and `x/./` is the
// same folder as `x/` under another string.)
import { assert } from 'chai';
import { PYTHON_TEST_TIMEOUT } from './support/dom.js';
import { pyodideUrl } from './support/cdn.js';
import type { Engine } from '../../src/engine/runtime/index.js';

const CACHE = 'pyinnards-python-snapshot';
const RESTORING = "starting from this browser's saved copy";
let views = 0;

/** A start of Python in a worker of its own, as a new page view would make; with the phases it went through. */
async function start(snapshot: boolean): Promise<{ engine: Engine; phases: string[]; restored: boolean }> {
  const { loadEngine } = await import('../../src/engine/runtime/index.js');
  const phases: string[] = [];
  views += 1;
  const engine = await loadEngine({ engine: 'pyodide', pyodideUrl: pyodideUrl + './'.repeat(views), snapshot }, (step) => phases.push(step.phase));
  return { engine, phases, restored: engine.capabilities.fromSnapshot === true };
}

const saved = async () => (await (await caches.open(CACHE)).keys()).length;
const hex = async (bytes: Uint8Array) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice())), (b) => b.toString(16).padStart(2, '0')).join('');

/** Waits until the store holds one whole snapshot (saving runs in the worker's background). */
async function waitForSave(): Promise<void> {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const cache = await caches.open(CACHE);
    const [entry, ...more] = await cache.keys();
    const response = entry && (await cache.match(entry));
    if (response && more.length === 0 && (await hex(new Uint8Array(await response.arrayBuffer()))) === response.headers.get('x-pyinnards-sha256')) return;
    if (performance.now() > deadline) throw new Error('Timed out waiting for the snapshot to be saved.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the kit asks of Python: a disassembly, a recorded run, console inputs, an import outside the helpers. */
async function answers(engine: Engine): Promise<string> {
  const dis = await engine.disassemble('def f(n):\n    return [i * i for i in range(n)]\n');
  const trace = await engine.trace('def f(n):\n    return n * 2\nx = f(21)\nprint(x, __name__)\n');
  const session = engine.session(`snapshot-${views}`);
  const console: string[] = [];
  for (const input of ['import sys, json', 'sys.version', 'json.dumps({"a": [1, 2]})', '1/0', 'await __import__("asyncio").sleep(0, "slept")']) {
    let out = '';
    const result = await session.push(input, { onStdout: (text) => (out += text), onStderr: (text) => (out += text) });
    console.push(`${input}\n${out}${JSON.stringify(result)}`);
  }
  let printed = '';
  await engine.run('import fractions\nprint(fractions.Fraction(3, 6))', { onStdout: (text) => (printed += text) }).done;
  // (Object addresses differ from one start to the next, cold or not.)
  return JSON.stringify({ dis, stdout: trace.stdout, steps: trace.steps.length, end: trace.end, console, printed })
    .replace(/ at 0x[0-9a-f]+/g, ' at 0x…')
    .replace(/"address":"0x[0-9a-f]+"/g, '"address":"0x…"');
}

describe('engine: Python started from a saved snapshot', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  let cold: string;

  it('a damaged snapshot (its SHA-256 no longer matches) is not used, and is removed', async () => {
    const { snapshotStore } = await import('../../src/engine/runtime/pyodide/snapshot.js');
    const store = (await snapshotStore({ pyodideUrl: 'https://cdn.example/pyodide/', sources: { damaged: 'test' } }))!;
    // (A store of its own: saving it removes the other snapshots of the site.)
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    await store.save(bytes);
    assert.deepEqual(await store.read(), bytes, 'saved whole, it is read back');
    const cache = await caches.open(CACHE);
    const [entry] = await cache.keys();
    const response = (await cache.match(entry!))!;
    const damaged = bytes.map((byte, i) => (i % 4096 === 0 ? byte ^ 0xff : byte));
    await cache.put(entry!, new Response(damaged, { headers: { 'x-pyinnards-sha256': response.headers.get('x-pyinnards-sha256')! } }));
    assert.isUndefined(await store.read(), 'damaged, it is not');
    assert.equal(await saved(), 0, 'and it is gone');
  });

  it('off: neither read nor saved', async () => {
    await caches.delete(CACHE);
    const off = await start(false);
    assert.isFalse(off.restored);
    assert.notInclude(off.phases, RESTORING);
    cold = await answers(off.engine);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await saved(), 0, 'nothing saved');
  });
  it('a cold start saves it; the next start restores it and answers exactly as a start without it', async () => {
    const first = await start(true);
    assert.isFalse(first.restored);
    assert.notInclude(first.phases, RESTORING);
    assert.include(first.phases, 'starting Python');
    assert.equal(await answers(first.engine), cold);
    await waitForSave();
    const next = await start(true);
    assert.isTrue(next.restored, 'the next start restores it');
    assert.include(next.phases, RESTORING, 'and says so while it does');
    assert.equal(await answers(next.engine), cold);
    assert.include(cold, '3.14.2');
    assert.include(cold, 'ZeroDivisionError');
    assert.include(cold, '1/2');
  });

  it('a snapshot Pyodide refuses (whole, but not one it takes) means a cold start, and a new one is saved', async () => {
    // Whole and checked, but not a snapshot Pyodide takes (another build's, say): the one the
    // first test saved, cut.
    await waitForSave();
    const cache = await caches.open(CACHE);
    const [entry] = await cache.keys();
    const cut = new Uint8Array(await (await cache.match(entry!))!.arrayBuffer()).subarray(16);
    await cache.put(entry!, new Response(cut.slice(), { headers: { 'x-pyinnards-sha256': await hex(cut) } }));

    const fallback = await start(true);
    assert.isFalse(fallback.restored, 'a cold start');
    assert.equal(await answers(fallback.engine), cold);
    await waitForSave();
    const [replaced] = await cache.keys();
    assert.notEqual(new Uint8Array(await (await cache.match(replaced!))!.arrayBuffer()).length, cut.length, 'a new snapshot replaced it');
  });

});
