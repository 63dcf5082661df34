// What a new user hit in <py-repl> (issue 14: items 2, 3, 6 and 12): shared-session Reset,
// type-ahead, indentation by 4, and the console's look (focus ring, completions, banner).
import { assert } from 'chai';
import { press, type } from './support/keyboard.js';
import { configure } from '../../src/config.js';
import '../../src/elements/py-repl.js';
import type { PyRepl } from '../../src/elements/py-repl.js';
import { pyodideUrl } from './support/cdn.js';
import { startedConsole, transcript } from './support/repl.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, contentRoot, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

const inputText = (element: PyRepl) =>
  Array.from(contentRoot(element).querySelectorAll('.cm-line'))
    .map((line) => line.textContent)
    .join('\n');

async function focusInput(element: PyRepl): Promise<HTMLElement> {
  contentRoot(element).querySelector<HTMLElement>('.static-code')!.focus();
  await until(() => contentRoot(element).activeElement?.classList.contains('cm-content'), 'the input to have focus', PYTHON_STARTS_WITHIN);
  return contentRoot(element).querySelector<HTMLElement>('.cm-content')!;
}

describe('<py-repl> as a new user finds it', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  it('Reset of a shared session runs every member’s code again, and every member says so', async () => {
    const first = await startedConsole('session="reset-shared"', 'shared = [1, 2, 3]');
    const second = await startedConsole('session="reset-shared"', 'mine = 2');
    await first.run('extra = 1');
    shadow(second).querySelector<HTMLButtonElement>('[part~="reset-button"]')!.click();
    await until(() => /session .*was reset/i.test(first.text) && /session .*was reset/i.test(second.text), 'both transcripts to say so', 10000);
    assert.equal(await first.run('shared'), '[1, 2, 3]\n', 'the first member’s code ran again');
    assert.equal(await second.run('mine'), '2\n');
    assert.match(await first.run('extra'), /NameError: name 'extra' is not defined/, 'a fresh namespace');
  });

  it('queues what is typed while an input runs, as a terminal does; the running input shows once', async () => {
    const element = await startedConsole('no-banner');
    await focusInput(element);
    await type('await asyncio.sleep(1.5)');
    await press('Enter');
    await until(() => transcript(element).includes('>>> await asyncio.sleep(1.5)\n'), 'the input to run');
    assert.equal(inputText(element), '', 'the running input left the prompt');
    await type('2 + 2');
    await press('Enter');
    await until(() => transcript(element).endsWith('>>> await asyncio.sleep(1.5)\n>>> 2 + 2\n4\n'), 'the typed-ahead input to run after', 10000);
    assert.notInclude(transcript(element), '>>> \n', 'no empty input was recorded');
    assert.equal(transcript(element).split('asyncio.sleep(1.5)').length - 1, 1, 'the running input shows once');
  });

  it('keeps the keys typed right after a click on “Click or type here”', async () => {
    const element = await mount<PyRepl>('<py-repl no-banner></py-repl>');
    contentRoot(element).querySelector<HTMLElement>('.static-code')!.focus();
    await type('6 * 7');
    await until(() => contentRoot(element).querySelector('.cm-content'), 'the editor', PYTHON_STARTS_WITHIN);
    await until(() => inputText(element) === '6 * 7', `the whole input (has ${JSON.stringify(inputText(element))})`, PYTHON_STARTS_WITHIN);
    await press('Enter');
    await until(() => transcript(element).endsWith('>>> 6 * 7\n42\n'), 'it to run', PYTHON_STARTS_WITHIN);
  });

  it('indents by 4 in the console: after a colon, Tab and Shift+Tab', async () => {
    const element = await startedConsole('no-banner');
    await focusInput(element);
    await type('if True:');
    await press('Enter');
    await until(() => inputText(element) === 'if True:\n    ', 'the auto-indent');
    await press('Tab');
    assert.equal(inputText(element), 'if True:\n        ', 'Tab indents by 4');
    await press('Tab', 'Shift');
    assert.equal(inputText(element), 'if True:\n    ', 'Shift+Tab dedents by 4');
  });

  it('draws the focus ring around the console, not over the >>> prompt', async () => {
    const element = await startedConsole('no-banner');
    await focusInput(element);
    const editor = contentRoot(element).querySelector<HTMLElement>('.cm-editor')!;
    assert.equal(getComputedStyle(editor).outlineStyle, 'none', 'the input line draws no ring of its own');
    const box = contentRoot(element).querySelector<HTMLElement>('[part="console"]')!;
    assert.notEqual(getComputedStyle(box).outlineStyle, 'none', 'the console draws it');
  });

  it('lists Tab completions as choices, not as links', async () => {
    const element = await startedConsole('no-banner');
    await element.run('apple = apricot = 1');
    await focusInput(element);
    await type('ap');
    await press('Tab');
    const button = await until(() => contentRoot(element).querySelector<HTMLElement>('[part="completions"] button'), 'the choices');
    assert.equal(getComputedStyle(button).textDecorationLine, 'none');
    assert.notEqual(getComputedStyle(button).borderStyle, 'none', 'each choice is a small framed button');
  });

  it('shows the whole banner once per shared session, and wraps it between words', async () => {
    const first = await startedConsole('session="banner-shared"');
    const second = await startedConsole('session="banner-shared"');
    assert.match(first.text, /^Python console: CPython 3\.14/);
    assert.notInclude(second.text, 'Python console:', 'the second member does not repeat the banner');
    assert.match(second.text, /session "banner-shared"/, 'it says it shares the session');
    const banner = contentRoot(first).querySelector<HTMLElement>('.banner')!;
    assert.notEqual(getComputedStyle(banner).overflowWrap, 'anywhere', 'the banner breaks between words');
  });
});

describe('Python code indents by 4 in the code editor', () => {
  it('after a colon, and with Tab and Shift+Tab', async () => {
    const { createPythonEditor } = await import('../../src/elements/editor/python-editor.js');
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    root.append(parent);
    let code = '';
    const editor = createPythonEditor({ parent, root, doc: '', onChange: (text) => (code = text) });
    try {
      editor.focus();
      await type('if x:');
      await press('Enter');
      assert.equal(code, 'if x:\n    ', 'Enter after a colon');
      await press('Tab');
      assert.equal(code, 'if x:\n        ', 'Tab');
      await press('Tab', 'Shift');
      assert.equal(code, 'if x:\n    ', 'Shift+Tab');
    } finally {
      editor.destroy();
      host.remove();
    }
  });
});
