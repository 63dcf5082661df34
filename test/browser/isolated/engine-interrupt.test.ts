// On a crossOriginIsolated page (served with COOP/COEP), Stop interrupts Python with
// KeyboardInterrupt through shared memory: the worker and its variables survive.
import { assert } from 'chai';
import { pyodideUrl } from '../support/cdn.js';
import { assertStopInterruptsKeepingSession } from '../support/interrupt.js';

describe('engine on a crossOriginIsolated page', function () {
  this.timeout(120000);

  it('interrupts `while True: pass` with KeyboardInterrupt, keeping the session', async () => {
    assert.isTrue(crossOriginIsolated, 'the page is crossOriginIsolated');
    const { loadEngine } = await import('../../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    await assertStopInterruptsKeepingSession(engine);
  });

  it('reports the time limit as such when it interrupts', async () => {
    const { loadEngine } = await import('../../../src/engine/runtime/index.js');
    const engine = await loadEngine({ engine: 'pyodide', pyodideUrl });
    const outcome = await engine.run('while True: pass', { timeoutMs: 400 }).done;
    assert.equal(outcome.status, 'timeout');
  });
});

describe('input() on a crossOriginIsolated page', function () {
  this.timeout(120000);

  it('asks the reader in the widget while CPython waits', async () => {
    await import('../fixtures/test-run-element.js');
    const { mount, settle, shadow, until } = await import('../support/dom.js');
    const element = await mount<HTMLElement & { run(): Promise<void>; text: string }>(
      `<test-run-element pyodide-url="${pyodideUrl}"><script type="text/x-python">name = input("Name? ")\nprint("Hello, " + name)</script></test-run-element>`,
    );
    const running = element.run();
    const field = await until(() => shadow(element).querySelector<HTMLInputElement>('.input-prompt input'), 'the prompt', 60000);
    field.value = 'Ada';
    shadow(element).querySelector<HTMLButtonElement>('.input-prompt button')!.click();
    await running;
    await settle(element);
    assert.equal(element.text, 'Name? Hello, Ada\n');
    element.remove();
  });
});

describe('<py-frames> on a crossOriginIsolated page', function () {
  this.timeout(120000);

  it('stops a recording with Stop and keeps the steps so far', async () => {
    const { configure } = await import('../../../src/config.js');
    configure({ pyodideUrl });
    await import('../../../src/elements/py-frames.js');
    const { mount, settle, shadow, until } = await import('../support/dom.js');
    type Frames = HTMLElement & { trace?: { steps: unknown[]; end: { status: string } } };
    const element = await mount<Frames>(`<py-frames timeout="0" max-steps="100000000"><script type="text/x-python">while True:\n    pass</script></py-frames>`);
    const stop = await until(() => shadow(element).querySelector<HTMLButtonElement>('[part~="stop-button"]'), 'the Stop button', 60000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.click();
    await until(() => element.trace, 'the recording', 10000);
    await settle(element);
    assert.equal(element.trace!.end.status, 'stopped');
    assert.isNotEmpty(element.trace!.steps, 'the steps before Stop are kept');
    assert.include(shadow(element).textContent, 'Recording stopped');
    element.remove();
  });
});
