import { assert } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import { configure } from '../../src/index.js';
import { pyodideUrl } from './support/cdn.js';
import { axeViolations } from './support/axe.js';
import { mount, settle, shadow, unmountAll, until } from './support/dom.js';

const TAGS = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl'] as const;
const SAMPLE = `class Dog:\n    def bark(self):\n        return f"Woof {1 + 2!r}"  # loud\n`;

// <py-dis> starts CPython when it becomes visible: from node_modules, never the network.
configure({ pyodideUrl });

describe('accessibility (axe-core)', function () {
  this.timeout(60000);
  afterEach(unmountAll);

  for (const theme of ['light', 'dark'] as const) {
    for (const tag of TAGS) {
      it(`<${tag} theme="${theme}"> has no violations, static and while editing`, async () => {
        const element = await mount<HTMLElement>(`<${tag} theme="${theme}"></${tag}>`);
        (element as unknown as { code: string }).code = SAMPLE;
        await settle(element);
        assert.deepEqual(await axeViolations(element), [], 'static view');
        shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
        await until(() => shadow(element).querySelector('.cm-editor'), 'the editor');
        assert.deepEqual(await axeViolations(element), [], 'editor');
      });
    }

    it(`the error banner and status line have no violations (${theme})`, async () => {
      const element = await mount<HTMLElement>(`<py-dis theme="${theme}" src="/missing.py"></py-dis>`);
      await until(() => shadow(element).querySelector('[part="error"]'), 'the error banner');
      assert.deepEqual(await axeViolations(element), []);
    });
  }

  it('lets the keyboard reach the code, and leave the editor with Escape then Tab', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const before = await mount<HTMLButtonElement>(`<button>before</button>`);
    const element = await mount<HTMLElement>(`<py-frames>x = 1</py-frames>`);
    const after = await mount<HTMLButtonElement>(`<button>after</button>`);
    before.focus();
    // Through the toolbar's buttons to the code, which opens the editor when it gets focus.
    for (let press = 0; press < 5 && !shadow(element).querySelector('.static-code:focus, .cm-editor'); press++) {
      await sendKeys({ press: 'Tab' });
    }
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor to open on focus');
    await until(() => shadow(element).activeElement?.classList.contains('cm-content'), 'the editor to have focus');
    await sendKeys({ press: 'Tab' }); // indents: Tab belongs to the editor
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Tab' });
    assert.equal(document.activeElement, after, 'Escape then Tab moved on');
  });
});

describe('narrow phone screens', () => {
  afterEach(async () => {
    unmountAll();
    await setViewport({ width: 800, height: 600 });
  });

  it('never makes the page scroll sideways; long code scrolls inside the widget', async () => {
    await setViewport({ width: 360, height: 640 });
    for (const tag of TAGS) {
      await mount<HTMLElement>(`<${tag} code="${'x = 1 + 2 + 3 + 4 '.repeat(20)}"></${tag}>`);
    }
    assert.isAtMost(document.documentElement.scrollWidth, 360);
  });
});
