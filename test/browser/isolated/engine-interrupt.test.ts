// On a crossOriginIsolated page (served with COOP/COEP), Stop interrupts Python with
// KeyboardInterrupt through shared memory: the worker and its variables survive. WebKitGTK
// reports crossOriginIsolated but has no SharedArrayBuffer: there the kit falls back to what it
// does on any page (Stop restarts the interpreter; input() reads the stdin attribute), and these
// tests check that fallback.
import { assert } from 'chai';
import { PYTHON_TEST_TIMEOUT, PYTHON_STARTS_WITHIN } from '../support/dom.js';
import { pyodideUrl } from '../support/cdn.js';
import { pythonCanWaitForInput } from '../support/capabilities.js';
import { assertStopInterruptsKeepingSession } from '../support/interrupt.js';

describe('engine on a crossOriginIsolated page', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  it('interrupts `while True: pass` with KeyboardInterrupt, keeping the session', async () => {
    assert.isTrue(crossOriginIsolated, 'the page is crossOriginIsolated');
    const { loadEngine } = await import('../../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    if (typeof SharedArrayBuffer !== 'function') {
      assert.isFalse(engine.capabilities.interrupt, 'no shared memory: no interrupt');
      const handle = engine.run('while True: pass');
      await new Promise((resolve) => setTimeout(resolve, 400));
      handle.stop();
      assert.deepEqual(await handle.done, { status: 'stopped', sessionReset: true }, 'stopped by a restart');
      return;
    }
    await assertStopInterruptsKeepingSession(engine);
  });

  it('interrupts an input stopped as it is sent, before its code runs, rather than restarting Python', async () => {
    const { loadEngine } = await import('../../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    const session = engine.session('early');
    await session.push('kept = 7');
    let stderr = '';
    const pushed = session.push('while True:\n    pass\n', { force: true, onStderr: (text) => (stderr += text) });
    // Before the worker has the input: the interrupt reaches Python while the kit readies it,
    // where it is dropped, so Stop must send it again once the reader's loop runs.
    session.interrupt();
    const { outcome } = await pushed;
    if (typeof SharedArrayBuffer !== 'function') {
      assert.deepEqual(outcome, { status: 'stopped', sessionReset: true }, 'no shared memory: stopped by a restart');
      return;
    }
    assert.deepEqual(outcome, { status: 'stopped', sessionReset: false }, 'stopped by KeyboardInterrupt, not by a restart');
    assert.match(stderr, /KeyboardInterrupt\n$/);
    let out = '';
    await session.push('kept', { onStdout: (text) => (out += text) });
    assert.equal(out, '7\n', 'the session kept its variables');
  });

  it('reports the time limit as such when it interrupts', async () => {
    const { loadEngine } = await import('../../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    const outcome = await engine.run('while True: pass', { timeoutMs: 400 }).done;
    assert.equal(outcome.status, 'timeout');
  });
});

describe('input() on a crossOriginIsolated page', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  it('asks the reader in the widget while CPython waits (where there is shared memory or stack switching)', async () => {
    await import('../fixtures/test-run-element.js');
    const { mount, settle, shadow, until } = await import('../support/dom.js');
    const element = await mount<HTMLElement & { run(): Promise<void>; text: string }>(
      `<test-run-element pyodide-url="${pyodideUrl}"><script type="text/x-python">name = input("Name? ")\nprint("Hello, " + name)</script></test-run-element>`,
    );
    const running = element.run();
    if (!(await pythonCanWaitForInput())) {
      await running;
      await settle(element);
      assert.include(shadow(element).querySelector('[part="status"]')!.textContent!, 'input() had nothing to read: give the element a stdin attribute');
      element.remove();
      return;
    }
    const field = await until(() => shadow(element).querySelector<HTMLInputElement>('.input-prompt input'), 'the prompt', PYTHON_STARTS_WITHIN);
    field.value = 'Ada';
    shadow(element).querySelector<HTMLButtonElement>('.input-prompt button')!.click();
    await running;
    await settle(element);
    assert.equal(element.text, 'Name? Hello, Ada\n');
    element.remove();
  });
});

describe('<py-frames> on a crossOriginIsolated page', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  it('stops a recording with Stop and keeps the steps so far', async () => {
    const { configure } = await import('../../../src/config.js');
    configure({ pyodideUrl });
    await import('../../../src/elements/py-frames.js');
    const { mount, settle, shadow, until } = await import('../support/dom.js');
    type Frames = HTMLElement & { trace?: { steps: unknown[]; end: { status: string } } };
    const element = await mount<Frames>(`<py-frames timeout="0" max-steps="100000000"><script type="text/x-python">while True:\n    pass</script></py-frames>`);
    const stop = await until(() => shadow(element).querySelector<HTMLButtonElement>('[part~="stop-button"]'), 'the Stop button', PYTHON_STARTS_WITHIN);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.click();
    await until(() => element.trace, 'the recording', 10000);
    await settle(element);
    assert.equal(element.trace!.end.status, 'stopped');
    if (typeof SharedArrayBuffer !== 'function') {
      // Stopped by restarting the interpreter: the recording went with it.
      assert.isEmpty(element.trace!.steps);
      element.remove();
      return;
    }
    assert.isNotEmpty(element.trace!.steps, 'the steps before Stop are kept');
    assert.include(shadow(element).textContent, 'Recording stopped');
    element.remove();
  });
});
