import { assert } from 'chai';
import { press, type } from './support/keyboard.js';
import { narrowPage } from './support/narrow.js';
import { configure } from '../../src/config.js';
import '../../src/elements/py-repl.js';
import type { PyRepl } from '../../src/elements/py-repl.js';
import { pyodideUrl } from './support/cdn.js';
import { startedConsole, transcript } from './support/repl.js';
import { pythonCanWaitForInput } from './support/capabilities.js';
import { axeViolations } from './support/axe.js';
import { assertSameNode, PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, settle, contentRoot, shadow, unmountAll, until } from './support/dom.js';

// What CPython 3.14's console prints for each step of these sessions, stored by `npm run fixtures`
// (test/oracle/console.ts; browsers can't run the oracle).
type Step = string | { pause: number };
const transcripts = (await (await fetch('/test/fixtures/repl-transcripts.json')).json()) as Array<{
  name: string;
  steps: Array<{ step: Step; more: boolean; output: string }>;
}>;
const normalizeAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

configure({ pyodideUrl });


/** Focuses the console's input, loading the editor. */
async function focusInput(element: PyRepl): Promise<HTMLElement> {
  contentRoot(element).querySelector<HTMLElement>('.static-code')!.focus();
  await until(() => contentRoot(element).activeElement?.classList.contains('cm-content'), 'the input to have focus', PYTHON_STARTS_WITHIN);
  return contentRoot(element).querySelector<HTMLElement>('.cm-content')!;
}

/** What the input holds. */
const inputText = (element: PyRepl) =>
  Array.from(contentRoot(element).querySelectorAll('.cm-line'))
    .map((line) => line.textContent)
    .join('\n');


describe('<py-repl>', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  describe('prints what CPython 3.14’s console prints', () => {
    for (const { name, steps } of transcripts) {
      it(name, async () => {
        const element = await startedConsole();
        for (const [i, expected] of steps.entries()) {
          const what = `step ${i}: ${JSON.stringify(expected.step)}`;
          let output: string;
          if (typeof expected.step === 'string') {
            output = await element.run(expected.step);
          } else {
            // A pause: no input runs; what tasks print shows up in the transcript meanwhile.
            const before = element.text;
            await sleep(expected.step.pause + 100);
            await settle(element);
            output = element.text.slice(before.length - '>>> '.length, -'>>> '.length);
          }
          assert.equal(normalizeAddresses(output), normalizeAddresses(expected.output), what);
          assert.isTrue(element.text.endsWith(expected.more ? '... ' : '>>> '), `${what}: the prompt after it`);
        }
      });
    }
  });

  it('shows a prompt before it starts, and starts when the reader focuses it', async () => {
    const element = await mount<PyRepl>('<py-repl>x = 1</py-repl>');
    const prompt = shadow(element).querySelector<HTMLElement>('.static-code')!;
    assert.match(prompt.textContent!, /Python 3\.14.*\n>>> $/);
    assert.equal(element.text, '', 'nothing has run');
    await focusInput(element);
    await until(() => element.text.includes('>>> import asyncio'), 'the banner', PYTHON_STARTS_WITHIN);
    assert.match(element.text, /^Python console: CPython 3\.14\.\d+ \(Pyodide 314\.0\.7\), as `python -m asyncio` runs it\.\nUse "await" directly/);
    assert.equal(await element.run('x'), '1\n', 'the code ran first, silently');
  });

  it('runs what the keyboard types: Enter, auto-indent after a colon, Shift+Enter, a blank line ending the block', async () => {
    const element = await startedConsole();
    await focusInput(element);
    await type('1 + 1');
    await press('Enter');
    await until(() => transcript(element).endsWith('>>> 1 + 1\n2\n'), 'the echo');
    await type('for i in range(2):');
    await press('Enter');
    await until(() => inputText(element) === 'for i in range(2):\n    ', 'the auto-indent');
    await type('print(i)');
    await press('Enter');
    await until(() => inputText(element) === 'for i in range(2):\n    print(i)\n    ', 'the next line, indented as the last');
    await press('Enter');
    await until(() => transcript(element).endsWith('>>> for i in range(2):\n...     print(i)\n...     \n0\n1\n'), 'the loop to run');
    // The transcript shows the output as it comes; the input is emptied once the run is over.
    await until(() => inputText(element) === '', 'an empty input');
    await type('x = 3');
    await press('Enter', 'Shift');
    await type('y = 4');
    assert.equal(inputText(element), 'x = 3\ny = 4', 'Shift+Enter adds a line and runs nothing');
    await press('Enter');
    await until(() => inputText(element) === 'x = 3\ny = 4\n', 'Enter waits: several statements, as when pasted');
    await press('Enter');
    await until(() => transcript(element).endsWith('>>> x = 3\n... y = 4\n... \n'), 'both to run');
    assert.equal(await element.run('x * y'), '12\n');
  });

  it('walks the history with Up and Down, and keeps it across a reload (sessionStorage)', async () => {
    sessionStorage.clear();
    const element = await startedConsole('id="hist"');
    await element.run('a = 1');
    await element.run('def f():\n    return a\n');
    await focusInput(element);
    await type('draft');
    await press('ArrowUp');
    await until(() => inputText(element) === 'def f():\n    return a\n', 'the last input, whole');
    // Up moves through the block's lines first (the cursor is at its end), then to the entry before.
    for (let i = 0; i < 3; i++) await press('ArrowUp');
    await until(() => inputText(element) === 'a = 1', 'the one before');
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    await until(() => inputText(element) === 'draft', 'back to the draft');
    // A reload: the element is made anew, with the same id, in the same tab.
    element.remove();
    const again = await startedConsole('id="hist"');
    await focusInput(again);
    await press('ArrowUp');
    await until(() => inputText(again) === 'def f():\n    return a\n', 'the history after the reload');
    assert.deepEqual(JSON.parse(sessionStorage.getItem(`pyinnards:repl-history:${location.pathname}#hist`)!), ['a = 1', 'def f():\n    return a\n']);
  });

  it('completes names and attributes from the live namespace with Tab, listing several choices', async () => {
    const element = await startedConsole();
    await element.run('import collections');
    await element.run('value_of_answer = 42');
    await focusInput(element);
    await type('value_of');
    await press('Tab');
    await until(() => inputText(element) === 'value_of_answer', 'the unique completion');
    await press('Enter');
    await until(() => transcript(element).endsWith('42\n'), 'the completed name to run');
    await type('collections.de');
    await press('Tab');
    const list = await until(() => contentRoot(element).querySelector('[part="completions"]'), 'the choices');
    assert.deepEqual(
      Array.from(list.querySelectorAll('button')).map((button) => button.textContent),
      ['defaultdict(', 'deque('],
    );
    assert.match(contentRoot(element).querySelector('.visually-hidden[role="status"]')!.textContent!, /^2 completions: defaultdict\(, deque\(\.$/);
    assert.deepEqual(await axeViolations(element), [], 'the list of choices is accessible');
    list.querySelectorAll('button')[1]!.click();
    await until(() => inputText(element) === 'collections.deque(', 'the chosen completion');
  });

  it('Ctrl+C at an idle prompt drops the input as the console does; Ctrl+L clears the screen', async () => {
    const element = await startedConsole();
    await focusInput(element);
    await type('half typed');
    await press('c', 'Control');
    await until(() => transcript(element).endsWith('>>> half typed\nKeyboardInterrupt\n'), 'KeyboardInterrupt');
    assert.equal(inputText(element), '');
    await press('l', 'Control');
    await until(() => transcript(element) === '', 'a clear screen');
    assert.equal(element.text, '>>> ');
  });

  it('Ctrl+C stops an input waiting at an await, keeping the namespace', async () => {
    const element = await startedConsole();
    await element.run('kept = 7');
    await focusInput(element);
    await type('await asyncio.sleep(60)');
    await press('Enter');
    await sleep(300);
    await press('c', 'Control');
    await until(() => transcript(element).endsWith('>>> await asyncio.sleep(60)\nKeyboardInterrupt\n'), 'KeyboardInterrupt');
    assert.equal(await element.run('kept'), '7\n', 'no restart');
  });

  it('shows Stop while an input runs (Ctrl+C for readers without a keyboard)', async () => {
    const element = await startedConsole();
    assert.isNull(shadow(element).querySelector('[part~="stop-button"]'), 'no Stop at the prompt');
    const output = element.run('await asyncio.sleep(60)');
    const stop = await until(() => shadow(element).querySelector<HTMLButtonElement>('[part~="stop-button"]'), 'Stop');
    stop.click();
    assert.equal(await output, 'KeyboardInterrupt\n');
    await settle(element);
    assert.isNull(shadow(element).querySelector('[part~="stop-button"]'), 'gone again');
  });

  it('Ctrl+C stops a busy loop where Python can’t be interrupted by restarting it, and runs the code again', async () => {
    // This page is not crossOriginIsolated: the worker is restarted (isolated/ tests the interrupt).
    const element = await startedConsole('', 'from_code = 1');
    await element.run('lost = 1');
    await focusInput(element);
    await type('while True: pass');
    await press('Enter');
    await until(() => inputText(element) === 'while True: pass\n', 'a block: it waits for a blank line');
    await press('Enter');
    await sleep(300);
    await press('c', 'Control');
    await until(() => /KeyboardInterrupt\n.*restarted/.test(transcript(element)), 'the restart', PYTHON_STARTS_WITHIN);
    assert.match(await element.run('lost'), /NameError: name 'lost' is not defined/);
    assert.equal(await element.run('from_code'), '1\n', 'the element’s code ran again');
  });

  it('asks for input() inline in the console; where Python can’t wait (WebKit) at an input’s top level, and says what remains', async () => {
    const element = await startedConsole();
    const answer = element.run('name = input("Name? ")');
    const field = await until(() => contentRoot(element).querySelector<HTMLInputElement>('.transcript input'), 'the field', PYTHON_STARTS_WITHIN);
    assertSameNode(contentRoot(element).activeElement, field, 'focused');
    assert.isTrue(transcript(element).endsWith('Name? '));
    field.value = 'Ada';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    assert.equal(await answer, 'Name? Ada\n');
    assert.equal(await element.run('name'), "'Ada'\n");
    if (!(await pythonCanWaitForInput())) {
      // WebKit (Safari): no stack switching, and no shared memory on this page. A function
      // can't wait for the reader: EOFError, as CPython gives at the end of input, and a word why.
      await element.run('def ask():\n    return input("Again? ")\n');
      const output = await element.run('ask()');
      assert.match(output, /^Again\? Traceback \(most recent call last\):\n[\s\S]*\nEOFError: EOF when reading a line\n$/);
      const status = shadow(element).querySelector('[part="status"]')!.textContent!;
      assert.include(status, 'input() can ask the reader only at the top level of an input');
    }
  });

  it('shows what tasks print between inputs', async () => {
    const element = await startedConsole();
    await element.run('async def later():\n    await asyncio.sleep(0.05)\n    print("done later")\n');
    await element.run('t = asyncio.create_task(later())');
    await until(() => element.text.endsWith('>>> t = asyncio.create_task(later())\ndone later\n>>> '), 'the task’s output', 5000);
  });

  it('Reset starts a fresh namespace and runs the code again', async () => {
    const element = await startedConsole('', 'base = 10');
    await element.run('extra = 1');
    const resetButton = shadow(element).querySelector<HTMLButtonElement>('[part~="reset-button"]')!;
    assert.isFalse(resetButton.disabled);
    resetButton.click();
    await until(() => !element.text.includes('extra'), 'a cleared screen');
    assert.match(await element.run('extra'), /File "<python-input-1>", line 1.*\n.*\nNameError: name 'extra' is not defined/s);
    assert.equal(await element.run('base'), '10\n');
  });

  it('gives each element its own namespace unless they share a session', async () => {
    const a = await startedConsole();
    const b = await startedConsole();
    const c = await startedConsole('session="shared"');
    const d = await startedConsole('session="shared"');
    await a.run('mine = "a"');
    assert.match(await b.run('mine'), /NameError/);
    await c.run('ours = "c"');
    assert.equal(await d.run('ours'), "'c'\n");
  });

  it('echo-preload shows the code as typed inputs with their output; py-result after each input', async () => {
    const element = await startedConsole('echo-preload no-banner', 'def square(n):\n    return n * n\nsquare(4)');
    assert.equal(element.text, '>>> import asyncio\n>>> def square(n):\n...     return n * n\n... \n>>> square(4)\n16\n>>> '.replace('>>> import asyncio\n', ''));
    const results: unknown[] = [];
    element.addEventListener('py-result', (event) => results.push((event as CustomEvent).detail));
    await element.run('square(5)');
    assert.deepInclude(results[0] as object, { input: 'square(5)', output: '25\n', status: 'ok' });
  });

  it('shows a block once even when the interpreter is slow to say it is incomplete', async () => {
    // The task keeps the worker busy for half a second after its input, so the answer to the
    // block's first, incomplete push comes late (as on a slow phone).
    const code = 'import time\nasync def busy():\n    time.sleep(0.5)\nt = asyncio.create_task(busy())\ndef square(n):\n    return n * n\nsquare(4)';
    const element = await startedConsole('echo-preload no-banner', code);
    assert.equal(element.text.split('>>> def square(n):').length - 1, 1, element.text);
    assert.isTrue(element.text.endsWith('>>> def square(n):\n...     return n * n\n... \n>>> square(4)\n16\n>>> '), element.text);
  });

  it('says so when the element’s code fails', async () => {
    const element = await startedConsole('', 'undefined_name');
    assert.match(shadow(element).querySelector('[part="error"]')!.textContent!, /NameError:.*The console's code failed: name 'undefined_name' is not defined/s);
    assert.include(element.text, "NameError: name 'undefined_name' is not defined");
  });

  it('copies the transcript', async () => {
    const element = await startedConsole('no-banner');
    await element.run('6 * 7');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    shadow(element).querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
    await until(() => copied, 'the copy');
    assert.equal(copied, '>>> 6 * 7\n42\n>>> ');
  });

  for (const theme of ['light', 'dark']) {
    it(`has no axe violations (${theme}), static and started`, async () => {
      const element = await mount<PyRepl>(`<py-repl theme="${theme}">x = 1</py-repl>`);
      assert.deepEqual(await axeViolations(element), [], 'static');
      await focusInput(element);
      await element.run('print("out"); 1 / 0');
      assert.deepEqual(await axeViolations(element), [], 'started');
    });
  }

  it('fits a 360 px screen; long output wraps inside the console', async () => {
    const phone = await narrowPage(360, 640);
    try {
      const element = await phone.mount<PyRepl>('<py-repl></py-repl>');
      await element.start();
      await element.run('print("x" * 300)');
      await focusInput(element);
      assert.isAtMost(phone.document.documentElement.scrollWidth, 360);
    } finally {
      phone.remove();
    }
  });

  describe('with Skulpt', () => {
    it('uses the same prompts and echo, labels itself, and says when code needs engine="pyodide"', async () => {
      const element = await startedConsole('engine="skulpt"');
      assert.match(element.text, /^Python console: Skulpt 1\.2\.0 \(Python 3 subset\), not CPython\./);
      assert.equal(await element.run('x = 6 * 7'), '');
      assert.equal(await element.run('x'), '42\n');
      assert.equal(await element.run('for i in range(2):\n    print(i)\n'), '0\n1\n');
      assert.match(await element.run('await asyncio.sleep(0)'), /uses 'await' \(line 1\), which the Skulpt engine does not support\. Use engine="pyodide"/);
      assert.match(element.text, />>> await asyncio\.sleep\(0\)\nThis code uses 'await'/);
    });
  });
});
