// On a crossOriginIsolated page Ctrl+C raises KeyboardInterrupt in the running input, as in a
// terminal: its traceback is printed and the console keeps its variables. (WebKitGTK reports
// crossOriginIsolated without SharedArrayBuffer: the test checks the restart it falls back to.)
import { assert } from 'chai';
import { configure } from '../../../src/config.js';
import '../../../src/elements/py-repl.js';
import type { PyRepl } from '../../../src/elements/py-repl.js';
import { pyodideUrl } from '../support/cdn.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, contentRoot, unmountAll, until } from '../support/dom.js';

configure({ pyodideUrl });

describe('<py-repl> on a crossOriginIsolated page', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  it('Ctrl+C interrupts a busy loop with KeyboardInterrupt, keeping the namespace', async () => {
    assert.isTrue(crossOriginIsolated, 'the page is crossOriginIsolated');
    const element = await mount<PyRepl>('<py-repl no-banner></py-repl>');
    await element.start();
    await element.run('kept = 7');
    const running = element.run('while True:\n    pass\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Ctrl+C where the reader's focus is (the console); the element's stop does the same.
    contentRoot(element).querySelector('.console')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', ctrlKey: true, bubbles: true, composed: true }));
    const output = await running;
    if (typeof SharedArrayBuffer !== 'function') {
      // WebKitGTK: crossOriginIsolated without SharedArrayBuffer, so Ctrl+C restarts Python.
      await until(() => /KeyboardInterrupt\n.*restarted/.test(element.text), 'the restart', PYTHON_STARTS_WITHIN);
      assert.match(await element.run('kept'), /NameError: name 'kept' is not defined/);
      return;
    }
    // As the 3.14 console prints it: the traceback to wherever the loop was, then the exception.
    assert.match(output, /^Traceback \(most recent call last\):\n  File "<python-input-1>", line [12], in <module>\n(    .*\n)+KeyboardInterrupt\n$/);
    assert.equal(await element.run('kept'), '7\n');
    await until(() => element.text.endsWith('>>> kept\n7\n>>> '), 'the prompt');
  });
});
