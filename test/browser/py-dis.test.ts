import { assert } from 'chai';
import { press } from './support/keyboard.js';
import { configure } from '../../src/config.js';
import '../../src/elements/py-dis.js';
import type { PyDis } from '../../src/elements/py-dis.js';
import { pyodideUrl } from './support/cdn.js';
import { axeViolations } from './support/axe.js';
import { assertSameNode, PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, settle, shadow, unmountAll, until } from './support/dom.js';

// CPython's answers, stored by `npm run fixtures` (browsers can't run the oracle).
const fixtures = (await (await fetch('/test/fixtures/dis-samples.json')).json()) as Array<{
  name: string;
  code: string;
  attributes: string;
  expected: string;
}>;
const normalizeAddresses = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');

configure({ pyodideUrl });

/** A <py-dis> with this code, once its bytecode (or error) is shown. */
async function disElement(code: string, attributes = ''): Promise<PyDis> {
  // The code is there from the start (as on a page), so the first disassembly is of it.
  const element = await mount<PyDis>(`<py-dis ${attributes}><script type="text/x-python">${code}</script></py-dis>`);
  await until(() => shadow(element).querySelector('[part="bytecode"]') || shadow(element).querySelector('[part="error"]'), 'the bytecode', PYTHON_STARTS_WITHIN);
  await settle(element);
  return element;
}

const rows = (element: PyDis) => Array.from(shadow(element).querySelectorAll<HTMLElement>('.row[data-index]'));

describe('<py-dis>', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  for (const fixture of fixtures) {
    it(`prints what dis.dis prints: ${fixture.name}${fixture.attributes ? ` (${fixture.attributes})` : ''}`, async () => {
      const element = await disElement(fixture.code, fixture.attributes);
      assert.equal(normalizeAddresses(element.text), fixture.expected);
    });
  }

  it('links an instruction to its source span, and explains its opcode', async () => {
    const element = await disElement('spam = eggs - 1');
    const load = rows(element).find((row) => row.textContent!.includes('LOAD_NAME') && row.textContent!.includes('(eggs)'))!;
    load.dispatchEvent(new MouseEvent('mouseenter'));
    await settle(element);
    assert.equal(shadow(element).querySelector('.static-code .linked')!.textContent, 'eggs');
    assert.match(shadow(element).querySelector('[part="opcode-note"]')!.textContent!, /LOAD_NAME: \S/);
  });

  it('goes from a jump to its target with Enter, and moves with the arrows', async () => {
    const element = await disElement('for i in range(3):\n    print(i)');
    const jump = rows(element).find((row) => /JUMP_BACKWARD/.test(row.textContent!))!;
    jump.focus();
    jump.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(element);
    const focused = shadow(element).activeElement as HTMLElement;
    const label = /to (L\d+)/.exec(jump.textContent!)![1]!;
    assert.match(focused.textContent!, new RegExp(`^\\s*(\\d+\\s+)?${label}:`), 'the target row carries the label');
    rows(element)[0]!.focus();
    jump.click();
    assertSameNode(shadow(element).activeElement, focused, 'a click follows the jump too');
  });

  it('lights up the instructions of the line the cursor is on', async () => {
    const element = await disElement('a = 1\nb = a + 2');
    shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    await press('ArrowDown');
    await settle(element);
    const lit = Array.from(shadow(element).querySelectorAll('.row.at-cursor')).map((row) => row.textContent!.trim().split(/\s+/)[0]);
    assert.isNotEmpty(lit);
    assert.include(shadow(element).querySelector('.row.at-cursor')!.textContent, 'LOAD_NAME');
  });

  it('shows each code object’s fields', async () => {
    const element = await disElement('def outer():\n    x = 1\n    def inner():\n        return x\n    return inner');
    const panels = Array.from(shadow(element).querySelectorAll('[part="code-info"]'));
    assert.deepEqual(
      panels.map((panel) => panel.querySelector('summary code')!.textContent),
      ['<module>', 'outer', 'outer.<locals>.inner'],
    );
    const field = (panel: Element, name: string) =>
      Array.from(panel.querySelectorAll('dt')).find((dt) => dt.textContent === name)!.nextElementSibling!.textContent;
    assert.equal(field(panels[2]!, 'co_freevars'), 'x');
    assert.equal(field(panels[1]!, 'co_cellvars'), 'x');
    assert.include(field(panels[2]!, 'flags'), 'NESTED');
  });

  it('shows only one function with function="…"', async () => {
    const element = await disElement('class Dog:\n    def bark(self):\n        return "Woof!"', 'function="Dog.bark"');
    assert.notInclude(element.text, 'LOAD_BUILD_CLASS');
    assert.include(element.text, "LOAD_CONST");
  });

  it('keeps the last good output, dimmed, under a SyntaxError with its position', async () => {
    const element = await disElement('x = 1');
    element.code = 'x = (1 +';
    await until(() => shadow(element).querySelector('[part="error"]'), 'the error', 10000);
    await settle(element);
    const banner = shadow(element).querySelector('[part="error"]')!.textContent!.replace(/\s+/g, ' ');
    assert.match(banner, /SyntaxError at line 1, column 5: '\(' was never closed/);
    assert.isTrue(shadow(element).querySelector('[part="bytecode"]')!.classList.contains('stale'));
    assert.isNotNull(shadow(element).querySelector('.error-caret'));
  });

  for (const theme of ['light', 'dark']) {
    it(`has no axe violations (${theme})`, async () => {
      const element = await disElement('def f(a):\n    return a + 1', `theme="${theme}"`);
      rows(element)[0]!.focus();
      await settle(element);
      assert.deepEqual(await axeViolations(element), []);
    });
  }
});
