// The base of elements that run Python, with real CPython: Run/Stop, output as text, the
// output cap, time limits and Retry when the interpreter's assets can't be loaded.
import { assert } from 'chai';
import './fixtures/test-run-element.js';
import type { TestRunElement } from './fixtures/test-run-element.js';
import { pyodideUrl } from './support/cdn.js';
import { withKitScriptTag } from './support/kit-script-tag.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, beforeNextTimer, mount, settle, shadow, unmountAll, until } from './support/dom.js';

const button = (element: HTMLElement, part: string) => shadow(element).querySelector<HTMLButtonElement>(`[part~="${part}"]`);

describe('elements that run Python', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  // First: the engine is cold only once per page.
  it('say at once that Python is loading, before its first download byte', async () => {
    const element = await mount<TestRunElement>(`<test-run-element pyodide-url="${pyodideUrl}">x = 1</test-run-element>`);
    const statuses: string[] = [];
    const seen = new MutationObserver(() => statuses.push(shadow(element).querySelector('[part="status"]')!.textContent!.trim()));
    seen.observe(shadow(element), { subtree: true, childList: true, characterData: true });
    const running = element.run();
    await settle(element);
    assert.match(shadow(element).querySelector('[part="status"]')!.textContent!, /^\s*Loading Python 3\.14…/, 'a status from the first frame');
    await running;
    seen.disconnect();
    assert.notInclude(statuses.join('\n'), 'pyodide:', 'no engine jargon');
  });

  it('show output as text, never as HTML', async () => {
    const element = await mount<TestRunElement>(
      `<test-run-element pyodide-url="${pyodideUrl}"><script type="text/x-python">print("<img src=x onerror=alert(1)>")</script></test-run-element>`,
    );
    await element.run();
    await settle(element);
    const output = shadow(element).querySelector('.run-output')!;
    assert.equal(output.textContent, '<img src=x onerror=alert(1)>\n');
    assert.isNull(output.querySelector('img'));
  });

  it('have a Run button that calls the element', async () => {
    const element = await mount<TestRunElement>(`<test-run-element engine="skulpt">print(6 * 7)</test-run-element>`);
    button(element, 'run-button')!.click();
    await until(() => element.text === '42\n', 'the run', PYTHON_STARTS_WITHIN);
  });

  it('mirror engine progress as py-engine, in the reader\'s words in the status line', async () => {
    const element = await mount<TestRunElement>(`<test-run-element>x</test-run-element>`);
    const status = shadow(element).querySelector('[part="status"]')!;
    const events: CustomEvent[] = [];
    document.addEventListener('py-engine', (event) => events.push(event as CustomEvent), { once: true });
    element.engineProgress({ engine: 'pyodide', phase: 'downloading', loaded: 1_500_000, total: 6_000_000 });
    await settle(element);
    assert.equal(status.textContent!.trim(), 'Downloading Python 3.14 (6.0 MB)…');
    assert.equal(status.querySelector('progress')!.value, 0.25);
    assert.equal(events[0]!.detail.loaded, 1_500_000, 'the event keeps the engine\'s own phase and bytes');
    assert.equal(events[0]!.detail.phase, 'downloading');
    // No Content-Length: the size is unknown, so the bar is indeterminate, not stuck at 100 %.
    element.engineProgress({ engine: 'pyodide', phase: 'downloading', loaded: 3_000_000 });
    await settle(element);
    assert.equal(status.textContent!.trim(), 'Downloading Python 3.14… 3.0 MB so far');
    assert.isFalse(status.querySelector('progress')!.hasAttribute('value'), 'indeterminate');
    element.engineProgress({ engine: 'pyodide', phase: 'starting Python' });
    await settle(element);
    assert.equal(status.textContent!.trim(), 'Starting Python 3.14…');
  });

  it('show Stop while running; Stop ends `while True: pass` and says the session was reset', async () => {
    const element = await mount<TestRunElement>(`<test-run-element pyodide-url="${pyodideUrl}">while True: pass</test-run-element>`);
    const running = element.run();
    const stop = await until(() => button(element, 'stop-button'), 'the Stop button', PYTHON_STARTS_WITHIN);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop.click();
    // Nothing is waited for (not Python, which never yields): the run has ended before the next
    // timer fires.
    assert.equal(await beforeNextTimer(running), 'the run ended');
    assert.equal(element.outcome?.status, 'stopped');
    await settle(element);
    assert.isNotNull(button(element, 'run-button'), 'Run is back');
    assert.match(shadow(element).querySelector('[part="status"]')!.textContent!, /Stopped\. The interpreter was restarted/);
  });

  it('stop at the time limit with a clear message', async () => {
    const element = await mount<TestRunElement>(`<test-run-element pyodide-url="${pyodideUrl}" timeout="0.5">while True: pass</test-run-element>`);
    await element.run();
    await settle(element);
    assert.equal(element.outcome?.status, 'timeout');
    assert.match(shadow(element).querySelector('[part="error"]')!.textContent!, /Stopped after 0\.5 seconds/);
  });

  it('cap a flood of output and say it was truncated', async () => {
    const element = await mount<TestRunElement>(`<test-run-element pyodide-url="${pyodideUrl}">for i in range(100_000): print(i)</test-run-element>`);
    await element.run();
    await settle(element);
    assert.equal(element.outcome?.status, 'ok');
    assert.isAtMost(element.text.length, 2000);
    assert.isTrue(element.text.endsWith('99999\n'), 'the latest output is kept');
    assert.match(shadow(element).querySelector('.run-output + .note')!.textContent!, /truncated/);
  });

  it('offer Retry when the interpreter cannot be loaded, keeping the code readable', async () => {
    const element = await mount<TestRunElement>(`<test-run-element pyodide-url="/no/such/pyodide/">print(1)</test-run-element>`);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await element.run();
      await settle(element);
      const banner = shadow(element).querySelector('[part="error"]')!;
      assert.include(banner.textContent!, '/no/such/pyodide/');
      assert.equal(shadow(element).querySelector('.static-code')!.textContent, 'print(1)');
      button(element, 'retry-button')!.click();
      await until(() => warnings.length === 2, 'the second attempt', 20000);
      await settle(element);
      assert.isNotNull(shadow(element).querySelector('[part="error"]'), 'the retry failed again, and says so');
      assert.equal(warnings.length, 2, 'one console warning per attempt');
    } finally {
      console.warn = original;
    }
  });

  it('ask for input() in the widget where the engine can wait (Skulpt)', async () => {
    const element = await mount<TestRunElement>(
      `<test-run-element engine="skulpt"><script type="text/x-python">name = input("Name? ")\nprint("Hello, " + name)</script></test-run-element>`,
    );
    const running = element.run();
    const field = await until(() => shadow(element).querySelector<HTMLInputElement>('.input-prompt input'), 'the prompt', PYTHON_STARTS_WITHIN);
    assert.equal(shadow(element).querySelector('.input-prompt .prompt')!.textContent, 'Name? ');
    field.value = 'Ada';
    shadow(element).querySelector<HTMLButtonElement>('.input-prompt button')!.click();
    await running;
    await settle(element);
    assert.include(element.text, 'Hello, Ada\n');
    assert.isNull(shadow(element).querySelector('.input-prompt'));
  });

  it('read input() from the stdin attribute, and say so when it runs out', async () => {
    const element = await mount<TestRunElement>(
      `<test-run-element pyodide-url="${pyodideUrl}" stdin="first"><script type="text/x-python">print(input())\nprint(input())</script></test-run-element>`,
    );
    await element.run();
    await settle(element);
    assert.include(element.text, 'first\n');
    assert.include(element.text, 'EOFError');
    assert.match(shadow(element).querySelector('[part="status"]')!.textContent!, /read all the lines of the stdin attribute/);
  });

  it('refuse an unknown engine clearly', async () => {
    const element = await mount<TestRunElement>(`<test-run-element engine="jython">print(1)</test-run-element>`);
    assert.match(shadow(element).querySelector('[part="error"]')!.textContent!, /engine="jython" is not an engine; use one of pyodide, skulpt/);
  });

  it('show a wrong value on the kit\'s script tag where the writer looks: in each element it is for, which runs nothing', async () => {
    await withKitScriptTag({ snapshot: 'maybe' }, async () => {
      const element = await mount<TestRunElement>(`<test-run-element>print(1)</test-run-element>`);
      // When it needs Python (py-dis and py-frames: as they come into view), it says why it can't.
      await element.run();
      assert.include(shadow(element).querySelector('[part="error"]')!.textContent!, 'data-snapshot="maybe" on the kit\'s script tag is not a setting; use on or off.');
      assert.equal(element.text, '');
    });
  });
});
