// The interpreter layer with real CPython (Pyodide 314.0.7, served from node_modules on another
// origin): lazy loading, one shared worker, streamed output, namespaces, Stop, floods, failures.
import { assert } from 'chai';
import { PYTHON_TEST_TIMEOUT, beforeNextTimer } from './support/dom.js';
import { pyodideUrl } from './support/cdn.js';
import { assertStopInterruptsKeepingSession } from './support/interrupt.js';

type Runtime = typeof import('../../src/engine/runtime/index.js');
type LoadProgress = import('../../src/engine/runtime/index.js').LoadProgress;

// The page's own requests; the worker's (Pyodide's assets) are not in the page's timeline.
const pyodideRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(pyodideUrl));

/**
 * How many times a 10 ms timer fired on this page while `going()` held, up to `enough` ticks
 * (or until it no longer holds): a count, so a busy machine can't fail it.
 */
async function timerTicksWhile(going: () => boolean, enough: number): Promise<number> {
  let ticks = 0;
  while (going() && ticks < enough) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (going()) ticks++;
  }
  return ticks;
}

describe('engine: pyodide backend in a worker', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  let runtime: Runtime;

  it('starts no worker and requests nothing from Python until an engine is asked for', async () => {
    runtime = await import('../../src/engine/runtime/index.js');
    assert.deepEqual(pyodideRequests(), []);
    assert.equal(runtime.workerCount(), 0);
  });

  it('loads CPython 3.14 with progress in bytes, once, for every caller', async () => {
    const progress: LoadProgress[] = [];
    const [a, b] = await Promise.all([
      runtime.loadEngine({ engine: 'pyodide', pyodideUrl }, (step) => progress.push(step)),
      runtime.loadEngine({ engine: 'pyodide', pyodideUrl }),
    ]);
    assert.equal(runtime.workerCount(), 1, 'one worker for the backend');
    assert.match(a.capabilities.version, /^CPython 3\.14\.2 \(Pyodide 314\.0\.7\)/);
    assert.deepEqual(a.capabilities, b.capabilities);
    const downloads = progress.filter((step) => step.phase === 'downloading');
    const last = downloads.at(-1)!;
    assert.isAbove(last.total ?? 0, 1_000_000, 'the total size of the assets is known');
    assert.equal(last.loaded, last.total, 'and all of it arrived');
    assert.include(progress.map((step) => step.phase), 'starting Python');
  });

  it('streams stdout and stderr, as text', async () => {
    const engine = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    let stdout = '';
    let stderr = '';
    const { done } = engine.run('import sys\nprint("<img src=x onerror=alert(1)>")\nprint(0.1 + 0.2, end="")\nsys.stderr.write("warn\\n")', {
      onStdout: (text) => (stdout += text),
      onStderr: (text) => (stderr += text),
    });
    assert.deepEqual(await done, { status: 'ok' });
    assert.equal(stdout, '<img src=x onerror=alert(1)>\n0.30000000000000004');
    assert.equal(stderr, 'warn\n');
  });

  it('reports an uncaught exception with its traceback and position', async () => {
    const engine = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    let stderr = '';
    const outcome = await engine.run('x = 1\ny = x / 0', { filename: '<test>', onStderr: (text) => (stderr += text) }).done;
    assert.equal(outcome.status, 'error');
    if (outcome.status !== 'error') return;
    assert.equal(outcome.error.type, 'ZeroDivisionError');
    assert.equal(outcome.error.line, 2);
    assert.include(stderr, 'File "<test>", line 2, in <module>');
  });

  it('keeps REPL namespaces apart unless they share a name', async () => {
    const engine = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    const a = engine.session('a');
    const b = engine.session('b');
    await a.push('secret = 42');
    let out = '';
    const seen = await engine.session('a').push('secret', { onStdout: (text) => (out += text) });
    assert.equal(seen.outcome.status, 'ok');
    assert.equal(out, '42\n');
    let err = '';
    const missing = await b.push('secret', { onStderr: (text) => (err += text) });
    assert.equal(missing.outcome.status, 'error');
    assert.include(err, "NameError: name 'secret' is not defined");
  });

  it('stops `while True: pass` at once, and the page stays responsive while it spins', async () => {
    const engine = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    const handle = engine.run('while True: pass');
    let finished = false;
    void handle.done.then(() => (finished = true));
    // Python spins in the worker: the page's own timers keep firing meanwhile (on the main
    // thread, none could fire until the loop ended, and it never does).
    const ticks = await timerTicksWhile(() => !finished, 30);
    assert.isAbove(ticks, 0, 'timers fired while Python ran');
    assert.isFalse(finished, 'the loop was still running');
    // Stop doesn't wait for Python (which never yields) or for anything else: the run has
    // ended before the next timer fires. (How long that takes is `npm run bench`'s business.)
    handle.stop();
    assert.equal(await beforeNextTimer(handle.done), 'the run ended');
    assert.deepEqual(await handle.done, { status: 'stopped', sessionReset: true });
    // The worker restarted: a new run works.
    const again = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    let out = '';
    assert.deepEqual(await again.run('print("back")', { onStdout: (text) => (out += text) }).done, { status: 'ok' });
    assert.equal(out, 'back\n');
  });

  it('stops a run at its time limit', async () => {
    const engine = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    const outcome = await engine.run('while True: pass', { timeoutMs: 500 }).done;
    assert.equal(outcome.status, 'timeout');
  });

  it('survives a flood of a million prints without freezing the page', async () => {
    const engine = await runtime.loadEngine({ engine: 'pyodide', pyodideUrl });
    let chunks = 0;
    let chars = 0;
    let finished = false;
    const done = engine.run('for i in range(1_000_000): print(i)', {
      onStdout: (text) => {
        chunks++;
        chars += text.length;
      },
    }).done;
    void done.then(() => (finished = true));
    // The page's timers fire between batches of output; how long its tasks take is measured
    // by `npm run bench` (bench/engine.ts), not limited here.
    const ticks = await timerTicksWhile(() => !finished, 100);
    assert.deepEqual(await done, { status: 'ok' });
    assert.isAbove(ticks, 0, 'timers fired while the output poured in');
    assert.isBelow(chunks, 2000, 'output arrives in batches, not a message per print');
    assert.isAbove(chars, 6_000_000);
  });

  it('says clearly when the assets cannot be loaded', async () => {
    const broken = `${location.origin}/no/such/pyodide/`;
    let message = '';
    try {
      await runtime.loadEngine({ engine: 'pyodide', pyodideUrl: broken });
    } catch (error) {
      message = (error as Error).message;
    }
    assert.include(message, broken);
  });
});

describe('engine: skulpt backend through the same host', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  it('runs in a second worker, and Stop interrupts without a restart', async () => {
    const runtime = await import('../../src/engine/runtime/index.js');
    const before = runtime.workerCount();
    const engine = await runtime.loadEngine({ engine: 'skulpt', pyodideUrl });
    await runtime.loadEngine({ engine: 'skulpt', pyodideUrl });
    assert.equal(runtime.workerCount(), before + 1, 'one more worker, shared');
    assert.match(engine.capabilities.version, /^Skulpt/);
    await assertStopInterruptsKeepingSession(engine);
  });
});
