// What each browser lets the kit do, on an ordinary page (not crossOriginIsolated): the README's
// browser support table, checked. Other tests check the fallback where a row says "no".
import { assert } from 'chai';
import { pyodideUrl } from './support/cdn.js';
import { PYTHON_TEST_TIMEOUT } from './support/dom.js';

type Browser = 'chromium' | 'firefox' | 'webkit';

function browser(): Browser {
  const agent = navigator.userAgent;
  if (agent.includes('Firefox/')) return 'firefox';
  if (agent.includes('Chrome/')) return 'chromium';
  if (agent.includes('AppleWebKit/')) return 'webkit';
  throw new Error(`A browser this test does not know: ${agent}`);
}

/** Per browser: WebAssembly stack switching, and what the Pyodide engine says it can do. */
const EXPECTED: Record<Browser, { stackSwitching: boolean; interactiveInput: boolean; interrupt: boolean }> = {
  chromium: { stackSwitching: true, interactiveInput: true, interrupt: false },
  firefox: { stackSwitching: true, interactiveInput: true, interrupt: false },
  // Safari's engine: no WebAssembly.Suspending, so input() can't wait (and asyncio.run() in
  // <py-frames> runs on the recorder's own loop, as everywhere).
  webkit: { stackSwitching: false, interactiveInput: false, interrupt: false },
};

describe(`browser support (${browser()})`, function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  it('has the capabilities the README lists for it', async () => {
    const { loadEngine } = await import('../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    const wasm = WebAssembly as unknown as Record<string, unknown>;
    assert.deepEqual(
      {
        stackSwitching: typeof wasm.Suspending === 'function',
        interactiveInput: engine.capabilities.interactiveInput,
        interrupt: engine.capabilities.interrupt,
      },
      EXPECTED[browser()],
    );
  });

  it('records asyncio.run() in <py-frames>, with or without stack switching', async () => {
    const { loadEngine } = await import('../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    const trace = await engine.trace('import asyncio\nasync def main():\n    await asyncio.sleep(30)\n    return 42\nprint(asyncio.run(main()))\n');
    assert.equal(trace.end.status, 'ok', JSON.stringify(trace.end));
    assert.equal(trace.stdout, '42\n');
    assert.isTrue(trace.steps.length > 0);
  });
});
