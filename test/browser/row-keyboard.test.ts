// The rows of <py-tokenizer> (tokens) and <py-dis> (instructions) take the keyboard the same way
// (controllers/roving-tabindex.ts): the list is one Tab stop, the row focused last; ArrowUp and
// ArrowDown move one row, PageUp and PageDown ten, Home and End to the ends. Real key presses.
import { assert } from 'chai';
import { press } from './support/keyboard.js';
import { configure } from '../../src/config.js';
import '../../src/elements/py-dis.js';
import '../../src/elements/py-tokenizer.js';
import { pyodideUrl } from './support/cdn.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, settle, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

const CODE = Array.from({ length: 12 }, (_, i) => `v${i} = w + ${i}`).join('\n');

const KINDS = [
  { tag: 'py-tokenizer', selector: 'tr[data-index]' },
  { tag: 'py-dis', selector: '.row[data-index]' },
];

describe('row keyboard navigation', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  for (const { tag, selector } of KINDS) {
    it(`<${tag}>: one Tab stop that roves; arrows, PageUp/PageDown, Home and End move`, async () => {
      const widget = await mount<HTMLElement>(`<${tag}><script type="text/x-python">${CODE}</script></${tag}>`);
      const rows = () => Array.from(shadow(widget).querySelectorAll<HTMLElement>(selector));
      await until(() => rows().length > 30, 'the rows', PYTHON_STARTS_WITHIN);
      await settle(widget);
      const stops = () => rows().filter((row) => row.tabIndex === 0);
      assert.deepEqual(stops(), [rows()[0]], 'the first row is the only Tab stop');
      const focused = () => rows().indexOf(shadow(widget).activeElement as HTMLElement);
      rows()[0]!.focus();
      await press('ArrowDown');
      await settle(widget);
      assert.equal(focused(), 1);
      await press('PageDown');
      await settle(widget);
      assert.equal(focused(), 11);
      await press('PageUp');
      await settle(widget);
      assert.equal(focused(), 1);
      await press('End');
      await settle(widget);
      assert.equal(focused(), rows().length - 1);
      await press('ArrowUp');
      await settle(widget);
      const last = focused();
      assert.equal(last, rows().length - 2);
      assert.deepEqual(stops(), [rows()[last]], 'the row focused last is the Tab stop: Tab comes back to it');
      await press('Home');
      await settle(widget);
      assert.equal(focused(), 0);
    });
  }
});
