import { assert } from 'chai';
import { press } from './support/keyboard.js';
import { narrowPage } from './support/narrow.js';
import { configure } from '../../src/index.js';
import { pyodideUrl } from './support/cdn.js';
import { axeViolations } from './support/axe.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, describeNode, mount, settle, contentRoot, shadow, unmountAll, until } from './support/dom.js';

const TAGS = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl', 'py-ast'] as const;
const SAMPLE = `class Dog:\n    def bark(self):\n        return f"Woof {1 + 2!r}"  # loud\n`;

// <py-dis> starts CPython when it becomes visible: from node_modules, never the network.
configure({ pyodideUrl });

describe('accessibility (axe-core)', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  for (const theme of ['light', 'dark'] as const) {
    for (const tag of TAGS) {
      it(`<${tag} theme="${theme}"> has no violations, static and while editing`, async () => {
        const element = await mount<HTMLElement>(`<${tag} theme="${theme}"></${tag}>`);
        (element as unknown as { code: string }).code = SAMPLE;
        await settle(element);
        assert.deepEqual(await axeViolations(element), [], 'static view');
        shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
        await until(() => contentRoot(element).querySelector('.cm-editor'), 'the editor');
        assert.deepEqual(await axeViolations(element), [], 'editor');
      });
    }

    // A result kept while the new code doesn't compile is shown stale: it must stay readable.
    for (const tag of ['py-dis', 'py-frames', 'py-ast'] as const) {
      it(`<${tag} theme="${theme}">'s stale result, under a SyntaxError, has no violations`, async () => {
        const element = await mount<HTMLElement & { text: string }>(`<${tag} theme="${theme}"></${tag}>`);
        (element as unknown as { code: string }).code = 'total = 1 + 2\n';
        await until(() => element.text, 'the first result', PYTHON_STARTS_WITHIN);
        (element as unknown as { code: string }).code = 'total = (1 +\n';
        await until(() => shadow(element).querySelector('[part="error"]') && shadow(element).querySelector('.stale'), 'the error with the stale result', PYTHON_STARTS_WITHIN);
        assert.deepEqual(await axeViolations(element), []);
      });
    }

    it(`the error banner and status line have no violations (${theme})`, async () => {
      const element = await mount<HTMLElement>(`<py-dis theme="${theme}" src="/missing.py"></py-dis>`);
      await until(() => shadow(element).querySelector('[part="error"]'), 'the error banner');
      assert.deepEqual(await axeViolations(element), []);
    });
  }

  it('lets the keyboard reach the code, and leave the editor with Escape then Tab', async () => {
    const before = await mount<HTMLButtonElement>(`<button>before</button>`);
    const element = await mount<HTMLElement>(`<py-frames>x = 1</py-frames>`);
    const after = await mount<HTMLButtonElement>(`<button>after</button>`);
    // Once recorded, the widget has its player under the code: wait for it, so that the walk is
    // the same whether Python starts in seconds or from a saved snapshot at once.
    await until(() => (element as HTMLElement & { text?: string }).text, 'the recording', PYTHON_STARTS_WITHIN);
    before.focus();
    // Through the toolbar's buttons to the code, which opens the editor when it gets focus.
    for (let presses = 0; presses < 5 && !shadow(element).querySelector('.static-code:focus, .cm-editor'); presses++) {
      await press('Tab');
    }
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor to open on focus');
    await until(() => shadow(element).activeElement?.classList.contains('cm-content'), 'the editor to have focus');
    await press('Tab'); // indents: Tab belongs to the editor
    await press('Escape');
    await press('Tab');
    // On to the next stop after the code: the player's first control.
    const editor = shadow(element).querySelector('.cm-editor')!;
    const focused = shadow(element).activeElement;
    const onward = document.activeElement === after || (focused !== null && !editor.contains(focused) && (editor.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
    // (Focused elements as text: chai would carry the elements themselves to the test runner.)
    assert.isTrue(onward, `Escape then Tab moved on, to ${describeNode(focused ?? document.activeElement)}`);
  });
});

describe('narrow phone screens', () => {
  it('never makes the page scroll sideways; long code scrolls inside the widget', async () => {
    const phone = await narrowPage(360, 640);
    try {
      for (const tag of TAGS) {
        await phone.mount<HTMLElement>(`<${tag} code="${'x = 1 + 2 + 3 + 4 '.repeat(20)}"></${tag}>`);
      }
      assert.isAtMost(phone.document.documentElement.scrollWidth, 360);
    } finally {
      phone.remove();
    }
  });
});
