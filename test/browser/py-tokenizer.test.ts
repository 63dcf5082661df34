import { assert } from 'chai';
import { press, type } from './support/keyboard.js';
import '../../src/elements/py-tokenizer.js';
import type { PyTokenizer } from '../../src/elements/py-tokenizer.js';
import { assertSameNode, mount, settle, shadow, unmountAll, until } from './support/dom.js';

// CPython's answers, stored by `npm run fixtures` (browsers can't run the oracle).
const fixtures = (await (await fetch('/test/fixtures/tokenizer-samples.json')).json()) as Array<{
  name: string;
  code: string;
  expected: string;
}>;

const rows = (element: PyTokenizer) => Array.from(shadow(element).querySelectorAll<HTMLTableRowElement>('tbody tr'));
const cells = (row: HTMLTableRowElement) => Array.from(row.cells).map((cell) => cell.textContent);

async function tokenizer(code: string, attributes = ''): Promise<PyTokenizer> {
  const element = await mount<PyTokenizer>(`<py-tokenizer ${attributes}></py-tokenizer>`);
  element.code = code;
  await settle(element);
  return element;
}

describe('<py-tokenizer>', () => {
  afterEach(unmountAll);

  for (const fixture of fixtures) {
    it(`prints what python -m tokenize -e prints: ${fixture.name}`, async () => {
      const element = await tokenizer(fixture.code);
      assert.equal(element.text, fixture.expected);
    });
  }

  it('lists the tokens in a table, as the CLI shows them, OP unless exact', async () => {
    const element = await tokenizer('foo = "hello"');
    assert.deepEqual(cells(rows(element)[1]!), ['1,4-1,5:', 'OP', "'='"]);
    assert.equal(rows(element).length, element.tokens.length);
    element.setAttribute('exact', '');
    await settle(element);
    assert.deepEqual(cells(rows(element)[1]!), ['1,4-1,5:', 'EQUAL', "'='"]);
    assert.isNotNull(shadow(element).querySelector('table thead th[scope="col"]'));
    const toggle = shadow(element).querySelector<HTMLInputElement>('[part="exact-toggle"] input')!;
    assert.isTrue(toggle.checked);
    toggle.click();
    await settle(element);
    assert.isFalse(element.exact);
    assert.deepEqual(cells(rows(element)[1]!), ['1,4-1,5:', 'OP', "'='"]);
  });

  it('marks whitespace and structure tokens so they are visible', async () => {
    const element = await tokenizer('if x:\n    y');
    const structural = rows(element).filter((row) => row.classList.contains('structure')).map((row) => row.cells[1]!.textContent);
    assert.deepEqual(structural, ['NEWLINE', 'INDENT', 'NEWLINE', 'DEDENT', 'ENDMARKER']);
    const indent = rows(element).find((row) => row.cells[1]!.textContent === 'INDENT')!;
    assert.equal(indent.cells[2]!.textContent, "'    '");
  });

  it('highlights the span of the row the reader points at', async () => {
    const element = await tokenizer('spam = eggs - 1');
    const row = rows(element).find((r) => r.cells[2]!.textContent === "'eggs'")!;
    row.dispatchEvent(new MouseEvent('mouseenter'));
    await settle(element);
    assert.equal(shadow(element).querySelector('.static-code .linked')!.textContent, 'eggs');
    row.focus();
    await settle(element);
    assert.isTrue(row.classList.contains('active'));
  });

  it('moves between rows with the arrow keys, one tab stop for the whole table', async () => {
    const element = await tokenizer('a = 1');
    const all = rows(element);
    assert.deepEqual(all.map((row) => row.tabIndex), [0, -1, -1, -1, -1]);
    all[0]!.focus();
    await press('ArrowDown');
    await settle(element);
    assertSameNode(shadow(element).activeElement, rows(element)[1], 'ArrowDown focuses the next row');
    await press('End');
    assertSameNode(shadow(element).activeElement, rows(element).at(-1), 'End focuses the last row');
  });

  it('renders a window of rows in long code, which follows the keyboard', async () => {
    const element = await tokenizer(Array.from({ length: 200 }, (_, i) => `x${i} = ${i}`).join('\n'));
    const count = element.tokens.length;
    assert.isAbove(count, 300);
    assert.equal(rows(element).length, 300);
    assert.include(shadow(element).querySelector('.more')!.textContent!, `Tokens 1–300 of ${count}`);
    rows(element)[0]!.focus();
    await press('End');
    await until(() => shadow(element).activeElement === rows(element).at(-1), 'the last row to take focus');
    assert.deepEqual(cells(rows(element).at(-1)!).slice(1), ['ENDMARKER', "''"]);
    shadow(element).querySelector<HTMLButtonElement>('.more button')!.click();
    await settle(element);
    assert.equal(rows(element).length, count);
  });

  it('re-tokenizes while the reader types, and marks the tokens at the cursor', async () => {
    const element = await tokenizer('x = 1');
    shadow(element).querySelector<HTMLElement>('.static-code')!.focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    await type('total');
    await until(() => element.tokens[0]?.string === 'totalx', 'the new tokens');
    await settle(element);
    const marked = rows(element).filter((row) => row.classList.contains('at-cursor'));
    assert.deepEqual(marked.map((row) => row.cells[2]!.textContent), ["'totalx'"]);
  });

  it('shows the tokens before an error, and the error at its place', async () => {
    const element = await tokenizer('x = "abc\ny = 1');
    assert.deepEqual(rows(element).map((row) => row.cells[1]!.textContent), ['NAME', 'OP']);
    const banner = shadow(element).querySelector('[part="error"]')!;
    assert.match(banner.textContent!.replace(/\s+/g, ' '), /TokenError at line 1, column 5: unterminated string literal \(detected at line 1\)/);
    assert.equal(shadow(element).querySelector('.error-line')!.textContent, 'x = "abc');
  });

  it('fires py-result with the tokens', async () => {
    const results: Array<{ tokens: unknown[] }> = [];
    const listener = (event: Event) => results.push((event as CustomEvent).detail);
    document.addEventListener('py-result', listener);
    try {
      const element = await tokenizer('a = 1');
      assert.deepEqual(results.at(-1)!.tokens, element.tokens);
      assert.deepEqual(element.tokens.map((token) => token.string), ['a', '=', '1', '', '']);
    } finally {
      document.removeEventListener('py-result', listener);
    }
  });
});
