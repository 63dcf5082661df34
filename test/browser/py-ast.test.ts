import { assert } from 'chai';
import { withRecordedClipboard } from './support/clipboard.js';
import { press, type } from './support/keyboard.js';
import '../../src/elements/py-ast.js';
import type { PyAst } from '../../src/elements/py-ast.js';
import type { AstResultDetail } from '../../src/elements/events.js';
import { assertSameNode, mount, settle, shadow, unmountAll, until } from './support/dom.js';
import { axeViolations } from './support/axe.js';
import type { AstFixture } from '../fixtures/ast-samples.js';

// CPython's answers, stored by `npm run fixtures` (browsers can't run the oracle).
const fixtures = (await (await fetch('/test/fixtures/ast-samples.json')).json()) as AstFixture[];
// The option combinations, in the order the fixture's dumps are (see ast-samples.ts).
const OPTIONS: Array<{ indent: number | null; includeAttributes: boolean; showEmpty: boolean }> = [];
for (const indent of [null, 0, 2]) for (const includeAttributes of [false, true]) for (const showEmpty of [false, true]) OPTIONS.push({ indent, includeAttributes, showEmpty });

const items = (element: PyAst) => Array.from(shadow(element).querySelectorAll<HTMLElement>('[role="treeitem"]'));
const itemText = (item: HTMLElement) => item.textContent!.replace(/[▸▾\s]+/g, ' ').trim();
const find = (element: PyAst, text: string) => {
  const found = items(element).find((item) => itemText(item) === text);
  if (!found) throw new Error(`no tree item "${text}" in ${items(element).map(itemText).join(' | ')}`);
  return found;
};
const focused = (element: PyAst) => itemText(shadow(element).activeElement as HTMLElement);

async function ast(code: string, attributes = ''): Promise<PyAst> {
  const element = await mount<PyAst>(`<py-ast ${attributes}></py-ast>`);
  element.code = code;
  await until(() => element.text !== '', 'the parser');
  await settle(element);
  return element;
}

describe('<py-ast>', () => {
  afterEach(unmountAll);

  for (const fixture of fixtures) {
    it(`text is what CPython prints, for every option: ${fixture.name}`, async () => {
      const element = await ast(fixture.code, `mode="${fixture.mode}"`);
      if (fixture.error !== null) {
        assert.equal(element.text, fixture.error);
        return;
      }
      for (const [i, options] of OPTIONS.entries()) {
        if (options.indent === null) element.removeAttribute('indent');
        else element.setAttribute('indent', String(options.indent));
        element.toggleAttribute('include-attributes', options.includeAttributes);
        element.toggleAttribute('show-empty', options.showEmpty);
        await settle(element);
        assert.equal(element.text, fixture.dumps![i], JSON.stringify(options));
      }
    });
  }

  it('shows the tree with field names, as an ARIA tree', async () => {
    const element = await ast('a < b < c');
    const tree = shadow(element).querySelector('[role="tree"]')!;
    assert.isNotNull(tree);
    const labels = items(element).map(itemText);
    assert.includeMembers(labels, ['Module', 'body=[1 item]', '0: Expr', 'value=Compare', 'ops=[2 items]', "id='a'", 'ctx=Load()']);
    const module = items(element)[0]!;
    assert.equal(module.getAttribute('aria-level'), '1');
    assert.equal(module.getAttribute('aria-expanded'), 'true');
    assert.equal(find(element, 'value=Compare').getAttribute('aria-level'), '4');
    assert.isNull(find(element, "id='a'").getAttribute('aria-expanded'), 'a leaf has no aria-expanded');
    assert.deepEqual(items(element).map((item) => item.tabIndex).filter((t) => t === 0), [0], 'one tab stop');
  });

  it('lights up the code of the node under the pointer and the keyboard focus', async () => {
    const element = await ast('x = spam(1) + eggs');
    find(element, 'func=Name').dispatchEvent(new MouseEvent('mouseenter'));
    await settle(element);
    assert.equal(shadow(element).querySelector('.static-code .linked')!.textContent, 'spam');
    find(element, 'value=BinOp').focus();
    await settle(element);
    const linked = Array.from(shadow(element).querySelectorAll('.static-code .linked')).map((s) => s.textContent).join('');
    assert.equal(linked, 'spam(1) + eggs');
  });

  it('is driven by the keyboard: arrows, Home/End, Right/Left to open, close, enter and leave', async () => {
    const element = await ast('a < b < c');
    items(element)[0]!.focus();
    await press('ArrowDown');
    await settle(element);
    assert.equal(focused(element), 'body=[1 item]');
    await press('ArrowLeft'); // open: closes
    await settle(element);
    assert.equal(find(element, 'body=[1 item]').getAttribute('aria-expanded'), 'false');
    assert.equal(items(element).length, 2, 'its children are hidden');
    await press('ArrowRight'); // closed: opens
    await settle(element);
    assert.equal(find(element, 'body=[1 item]').getAttribute('aria-expanded'), 'true');
    await press('ArrowRight'); // open: to the first child
    await settle(element);
    assert.equal(focused(element), '0: Expr');
    await press('ArrowLeft'); // open Expr: closes it
    await press('ArrowLeft'); // closed: to the parent
    await settle(element);
    assert.equal(focused(element), 'body=[1 item]');
    await press('End');
    await settle(element);
    assertSameNode(shadow(element).activeElement, items(element).at(-1), 'End focuses the last item');
    await press('Home');
    await settle(element);
    assert.equal(focused(element), 'Module');
    await press('Enter');
    await settle(element);
    assert.equal(items(element).length, 1, 'Enter closes the root');
    await press(' ');
    await settle(element);
    assert.isAbove(items(element).length, 1, 'Space opens it');
  });

  it('opens `depth` levels at first', async () => {
    const element = await ast('a < b < c', 'depth="2"');
    assert.deepEqual(items(element).map(itemText), ['Module', 'body=[1 item]', '0: Expr']);
    element.depth = 0;
    await settle(element);
    assert.deepEqual(items(element).map(itemText), ['Module']);
  });

  it('builds a closed subtree only when it is opened (click or keyboard)', async () => {
    const element = await ast('a < b < c', 'depth="1"');
    assert.deepEqual(items(element).map(itemText), ['Module', 'body=[1 item]']);
    find(element, 'body=[1 item]').click();
    await settle(element);
    assert.deepEqual(items(element).map(itemText), ['Module', 'body=[1 item]', '0: Expr']);
    assert.equal(find(element, '0: Expr').getAttribute('aria-expanded'), 'false');
    find(element, '0: Expr').focus();
    await press('ArrowRight');
    await settle(element);
    assert.include(items(element).map(itemText), 'value=Compare');
    await press('ArrowRight');
    await settle(element);
    assert.equal(focused(element), 'value=Compare');
    assert.equal(element.text, fixtures.find((f) => f.name === 'chained comparison')!.dumps![0], 'text is the whole dump, closed parts included');
  });

  it('follows the cursor: the innermost node at it is revealed and marked', async () => {
    const element = await ast('x = 1\nresult = total + b', 'depth="1"');
    assert.deepEqual(items(element).map(itemText), ['Module', 'body=[2 items]']);
    shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    await press('ArrowDown');
    await press('End');
    await type('x');
    await until(() => element.text.includes("id='bx'"), 'the new tree');
    await settle(element);
    const marked = items(element).filter((item) => item.classList.contains('at-cursor'));
    assert.deepEqual(marked.map(itemText), ['right=Name']);
    assert.equal(marked[0]!.getAttribute('aria-selected'), 'true');
    assert.include(items(element).map(itemText), '1: Assign', 'its ancestors were opened');
  });

  it('parses once typing pauses, not on every keystroke', async () => {
    const element = await ast('x = 1');
    shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    await press('End');
    let results = 0;
    element.addEventListener('py-result', () => results++);
    // Eight edits in one go: the tree follows once, with all of them.
    await type('23456789');
    await until(() => element.text.includes('value=123456789'), 'the new tree');
    assert.isAtLeast(results, 1);
    assert.isBelow(results, 8, 'fewer parses than keystrokes');
  });

  it("shows the parser's SyntaxWarnings as notes (CPython's messages: see cli.test.ts, number-warnings.test.ts)", async () => {
    const code = 'pattern = "\\d+"\nok = r"\\d+"\nn = 1if ok else 2\n';
    const { parse } = await import('../../src/engine/parser/index.js');
    const expected: string[] = [];
    parse(code, { onWarning: (w) => expected.push(`SyntaxWarning at line ${w.lineno}: ${w.message}`) });
    assert.lengthOf(expected, 2);
    assert.include(expected[1]!, 'invalid decimal literal');
    const element = await ast(code);
    const notes = Array.from(shadow(element).querySelectorAll('.note.warning')).map((note) => note.textContent!.replace(/\s+/g, ' ').trim());
    assert.deepEqual(notes, expected);
    assert.include(notes[0]!, 'is an invalid escape sequence');
    element.code = 'pattern = r"\\d+"\n';
    await settle(element);
    assert.isNull(shadow(element).querySelector('.note.warning'));
  });

  it('shows a SyntaxError as CPython reports it, at its place, with the last good tree dimmed', async () => {
    const errors: string[] = [];
    const element = await ast('if x:\n    pass');
    element.addEventListener('py-error', (event) => errors.push(event.detail.message));
    element.code = 'if x\n    pass';
    await until(() => element.text.includes('SyntaxError'), 'the error');
    await settle(element);
    const expected = fixtures.find((f) => f.name === 'missing colon')!.error!;
    assert.equal(element.text, expected);
    assert.equal(shadow(element).querySelector('[part="syntax-error"]')!.textContent, expected);
    assert.match(shadow(element).querySelector('[part="error"]')!.textContent!.replace(/\s+/g, ' '), /SyntaxError at line 1, column 5: expected ':'/);
    assert.equal(shadow(element).querySelector('.error-line')!.textContent, 'if x');
    assert.isNotNull(shadow(element).querySelector('.error-caret'), 'a caret at the place');
    assert.isTrue(shadow(element).querySelector('[part="tree"]')!.classList.contains('stale'), 'the last good tree, dimmed');
    assert.include(items(element).map(itemText), 'test=Name');
    assert.isNull(element.tree);
    assert.deepEqual(errors, ["expected ':'"]);
    element.code = 'if x: pass';
    await until(() => element.tree !== null, 'the tree again');
    await settle(element);
    assert.isNull(shadow(element).querySelector('[part="error"]'));
    assert.isFalse(shadow(element).querySelector('[part="tree"]')!.classList.contains('stale'));
  });

  it('fires py-result with the text, the tree as JSON and the error', async () => {
    const results: AstResultDetail[] = [];
    const listener = (event: Event) => results.push((event as CustomEvent<AstResultDetail>).detail);
    document.addEventListener('py-result', listener);
    try {
      const element = await ast('n = 10**20', 'indent="2"');
      const last = results.at(-1)!;
      assert.equal(last.text, element.text);
      assert.include(last.text, '\n  body=[');
      assert.deepEqual(last.tree, element.tree);
      assert.isNull(last.error);
      const value = (element.tree as { body: Array<{ value: { right: { value: unknown } } }> }).body[0]!.value.right.value;
      assert.deepEqual(value, { type: 'int', repr: '20' });
      element.code = '(1, 2';
      await until(() => results.at(-1)!.error !== null, 'the error result');
      assert.include(results.at(-1)!.error!, { type: 'SyntaxError', message: "'(' was never closed", line: 1, column: 1 });
      assert.isNull(results.at(-1)!.tree);
    } finally {
      document.removeEventListener('py-result', listener);
    }
  });

  it('Copy copies exactly the text', async () => {
    const element = await ast('a < b < c', 'indent="3" show-empty');
    await withRecordedClipboard(async (copied) => {
      shadow(element).querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      await until(() => copied.length > 0, 'the copy');
      assert.deepEqual(copied, [element.text]);
      assert.include(copied[0]!, 'type_ignores=[]');
    });
  });

  for (const [attribute, value, takes] of [
    ['mode', 'expr', /mode="expr" is not a parse mode; use exec, eval, single or func_type\./],
    ['indent', 'wide', /indent="wide" is not an indent; use a whole number of spaces from 0/],
    ['depth', '-1', /depth="-1" is not a depth; use a whole number from 0/],
  ] as const) {
    it(`says what is wrong with ${attribute}="${value}", and recovers when it is fixed`, async () => {
      const element = await mount<PyAst>(`<py-ast ${attribute}="${value}">a < b</py-ast>`);
      await settle(element);
      const banner = await until(() => shadow(element).querySelector('[part="error"]'), 'the message');
      assert.match(banner.textContent!.replace(/\s+/g, ' '), takes);
      element.removeAttribute(attribute);
      await until(() => element.text.startsWith('Module('), 'the tree');
      await settle(element);
      assert.isNull(shadow(element).querySelector('[part="error"]'));
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations with a SyntaxError and the dimmed tree (${theme})`, async () => {
      const element = await ast('total = price * (1 + rate)', `theme="${theme}"`);
      find(element, 'value=BinOp').focus();
      element.code = 'total = price * (1 + rate';
      await until(() => element.text.includes('SyntaxError'), 'the error');
      await settle(element);
      assert.deepEqual(await axeViolations(element), []);
    });
  }

  it('parses with no interpreter: no Pyodide or Skulpt request is ever made', async () => {
    const element = await ast('import this');
    shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    // Where focusing puts the cursor differs between browsers: go to the end of the line first.
    await press('End');
    // A new line by its key: WebKit's WebDriver does not type "\n" as Enter.
    await press('Enter');
    await type('x = 1');
    await until(() => element.text.includes("id='x'"), 'the new tree');
    const requests = performance.getEntriesByType('resource').map((entry) => entry.name);
    assert.deepEqual(requests.filter((url) => /pyodide|skulpt|runtime/i.test(url)), []);
    assert.isNotEmpty(requests.filter((url) => /engine\/parser/.test(url)), 'the parser was loaded');
  });
});
