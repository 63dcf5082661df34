// Stop without shared memory terminates the worker: the run must really end, in every browser.
// WebKit ends a worker only where it runs JavaScript, so a worker spinning in WebAssembly
// (`while True: pass`) kept burning a core after Stop; the browser's CPU time says whether it did.
import { assert } from 'chai';
import { PYTHON_TEST_TIMEOUT } from './support/dom.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { pyodideUrl } from './support/cdn.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds the whole browser (every process and thread, workers included) used over `ms`. */
async function browserCpuOver(ms: number): Promise<number> {
  const cpu = async () => ((await executeServerCommand('browser-cpu')) as { seconds: number }).seconds;
  const before = await cpu();
  await sleep(ms);
  return (await cpu()) - before;
}

describe('Stop by restarting the worker', function () {
  this.timeout(PYTHON_TEST_TIMEOUT + 60000);

  it('ends `while True: pass` for good: the browser is idle again afterwards', async () => {
    const { loadEngine } = await import('../../src/engine/runtime/index.js');
    // (From the saved snapshot the browser tests leave, as elements start: two starts in this
    // test, and a cold one costs seconds more, in WebKit most.)
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl, snapshot: true });
    if (engine.capabilities.interrupt) {
      throw new Error('This page shares memory with the worker: Stop would interrupt, not restart. Run this test on a page that is not crossOriginIsolated.');
    }
    const handle = engine.run('while True: pass');
    await sleep(500);
    const spinning = await browserCpuOver(2000);
    handle.stop();
    assert.deepEqual(await handle.done, { status: 'stopped', sessionReset: true });
    // The fresh worker loads Python, and the browser may go on compiling it in the background
    // for a while (WebKit's optimizing tier): wait until it answers, then until the browser is
    // quieter than the spinning worker alone, which never happens if that worker spins on.
    const fresh = await loadEngine({ engine: 'pyodide', pyodideUrl, snapshot: true });
    assert.deepEqual(await fresh.run('pass').done, { status: 'ok' });
    assert.isAbove(spinning, 0.2, 'the spinning worker used CPU (the measurement sees workers)');
    const windows: number[] = [];
    while (windows.length < 30 && !(windows.at(-1)! < spinning / 3)) windows.push(await browserCpuOver(2000));
    assert.isBelow(windows.at(-1)!, spinning / 3, `CPU seconds per 2 s: ${spinning.toFixed(2)} while spinning; after Stop ${windows.map((cpu) => cpu.toFixed(2)).join(', ')}`);
  });
});
