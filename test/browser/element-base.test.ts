import { assert } from 'chai';
import { withRecordedClipboard } from './support/clipboard.js';
import { type } from './support/keyboard.js';
import './fixtures/test-element.js';
import type { TestElement } from './fixtures/test-element.js';
import { mount, settle, shadow, unmountAll, until } from './support/dom.js';

const codeText = (element: HTMLElement) =>
  (shadow(element).querySelector('.static-code')?.textContent ?? shadow(element).querySelector('.cm-content')?.textContent) ?? '';

describe('shared element base: code sourcing', () => {
  afterEach(unmountAll);

  it('takes the code attribute before a script child and text', async () => {
    const element = await mount<TestElement>(
      `<test-element code="a = 1"><script type="text/x-python">b = 2</script></test-element>`,
    );
    assert.equal(element.currentCode, 'a = 1');
  });

  it('takes a Python script child before the text, keeping < and & intact', async () => {
    const element = await mount<TestElement>(
      `<test-element>ignored<script type="text/x-python">
        if a < b and c & d:
            pass
      </script></test-element>`,
    );
    assert.equal(element.currentCode, 'if a < b and c & d:\n    pass');
  });

  it('takes the text content last, dedented, without leading and trailing blank lines', async () => {
    const element = await mount<TestElement>(`<test-element>

          def f():
              return 1

    </test-element>`);
    assert.equal(element.currentCode, 'def f():\n    return 1');
  });

  it('loads src before a script child, and shows the fetched code', async () => {
    const url = URL.createObjectURL(new Blob(['x = 42\n'], { type: 'text/x-python' }));
    const element = await mount<TestElement>(
      `<test-element src="${url}"><script type="text/x-python">no = 0</script></test-element>`,
    );
    await until(() => element.currentCode === 'x = 42', 'the src code');
    assert.equal(codeText(element), 'x = 42');
  });

  it('shows a clear error, not a blank widget, when src cannot be loaded', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('py-error', (event) => errors.push(event as CustomEvent), { once: true });
    const element = await mount<TestElement>(`<test-element src="/no/such/file.py">x = 1</test-element>`);
    const banner = await until(() => shadow(element).querySelector('[part="error"]'), 'the error banner');
    assert.match(banner.textContent ?? '', /Could not load the code from .*\/no\/such\/file\.py: the server answered 404/);
    assert.equal(errors.length, 1, 'py-error reached the document');
    assert.equal(errors[0]!.detail.kind, 'Source');
  });

  it('follows the code property when it changes', async () => {
    const element = await mount<TestElement>(`<test-element code="a"></test-element>`);
    element.code = 'b = 2';
    await settle(element);
    assert.equal(element.currentCode, 'b = 2');
    assert.equal(element.text, 'B = 2');
  });
});

describe('shared element base: static view, editor, toolbar', () => {
  afterEach(unmountAll);

  it('shows highlighted code at once, before any editor loads', async () => {
    const element = await mount<TestElement>(`<test-element>spam = eggs - 1  # comment</test-element>`);
    const view = shadow(element).querySelector('.static-code')!;
    assert.equal(view.textContent, 'spam = eggs - 1  # comment');
    assert.isNotNull(view.querySelector('.tok-name'), 'names are highlighted');
    assert.isNotNull(view.querySelector('.tok-comment'), 'comments are highlighted');
    assert.isNull(shadow(element).querySelector('.cm-editor'));
  });

  it('swaps in CodeMirror on focus, and edits reach the element', async () => {
    const element = await mount<TestElement>(`<test-element>x = 1</test-element>`);
    (shadow(element).querySelector('.static-code') as HTMLElement).focus();
    const content = await until(() => shadow(element).querySelector<HTMLElement>('.cm-content'), 'the editor');
    await until(() => shadow(element).activeElement === content, 'the editor to take focus');
    await type('max_');
    await until(() => element.currentCode === 'max_x = 1', 'the edit to arrive').catch((error: Error) => {
      throw new Error(`${error.message} The code is ${JSON.stringify(element.currentCode)}.`);
    });
    assert.equal(element.changes.at(-1), 'max_x = 1');
    assert.equal(element.text, 'MAX_X = 1');
  });

  it('never loads the editor when readonly', async () => {
    const element = await mount<TestElement>(`<test-element readonly>x = 1</test-element>`);
    const view = shadow(element).querySelector<HTMLElement>('.static-code')!;
    view.focus();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.isNull(shadow(element).querySelector('.cm-editor'));
    assert.equal(view.getAttribute('role'), 'region');
  });

  it('Reset is disabled until an edit, then restores the original code', async () => {
    const element = await mount<TestElement>(`<test-element>x = 1</test-element>`);
    const reset = () => shadow(element).querySelector<HTMLButtonElement>('[part~="reset-button"]')!;
    assert.isTrue(reset().disabled);
    (shadow(element).querySelector('.static-code') as HTMLElement).focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    await type('y');
    await until(() => element.currentCode === 'yx = 1', 'the edit');
    await settle(element);
    assert.isFalse(reset().disabled);
    reset().click();
    await settle(element);
    assert.equal(element.currentCode, 'x = 1');
    assert.equal(shadow(element).querySelector('.cm-content')!.textContent, 'x = 1');
  });

  it('keeps the reader’s edits when the element is moved in the page', async () => {
    const element = await mount<TestElement>(`<test-element>x = 1</test-element>`);
    (shadow(element).querySelector('.static-code') as HTMLElement).focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    await type('y');
    await until(() => element.currentCode === 'yx = 1', 'the edit');
    document.body.prepend(element);
    await settle(element);
    assert.equal(element.currentCode, 'yx = 1');
    assert.equal(codeText(element), 'yx = 1');
  });

  it('Copy copies the text property', async () => {
    const element = await mount<TestElement>(`<test-element>print("hi")</test-element>`);
    await withRecordedClipboard(async (copied) => {
      shadow(element).querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      await until(() => copied.length > 0, 'the copy');
      assert.deepEqual(copied, ['PRINT("HI")']);
    });
  });

  it('has no Run, Stop or Retry of its own: those belong to elements that run Python', async () => {
    const element = await mount<TestElement>(`<test-element>x</test-element>`);
    element.showError({ kind: 'Engine', message: 'x' });
    await settle(element);
    assert.isNotNull(shadow(element).querySelector('[part="error"]'));
    for (const part of ['run-button', 'stop-button', 'retry-button']) {
      assert.isNull(shadow(element).querySelector(`[part~="${part}"]`), part);
    }
  });
});

describe('shared element base: errors, status, events, theme', () => {
  afterEach(unmountAll);

  it('points the error banner at line and column, and marks the code', async () => {
    const element = await mount<TestElement>(`<test-element code="a = 1\nb = (2\nc = 3"></test-element>`);
    const seen: CustomEvent[] = [];
    document.addEventListener('py-error', (event) => seen.push(event as CustomEvent), { once: true });
    element.showError({ kind: 'SyntaxError', message: "'(' was never closed", line: 2, column: 5 });
    await settle(element);
    const banner = shadow(element).querySelector('[part="error"]')!;
    assert.equal(banner.getAttribute('role'), 'alert');
    assert.include(banner.textContent!.replace(/\s+/g, ' '), "SyntaxError at line 2, column 5: '(' was never closed");
    const line = shadow(element).querySelector('.error-line')!;
    assert.equal(line.textContent, 'b = (2');
    // The caret sits before column 5, i.e. after "b = ".
    const caret = line.querySelector('.error-caret')!;
    let before = '';
    for (let node = caret.previousSibling; node; node = node.previousSibling) {
      if (node.nodeType !== Node.COMMENT_NODE) before = node.textContent + before;
    }
    assert.equal(before, 'b = ');
    assert.deepEqual(seen[0]!.detail, { kind: 'SyntaxError', message: "'(' was never closed", line: 2, column: 5 });
    element.hideError();
    await settle(element);
    assert.isNull(shadow(element).querySelector('[part="error"]'));
    assert.isNull(shadow(element).querySelector('.error-line'));
  });

  it('marks the error in the editor too', async () => {
    const element = await mount<TestElement>(`<test-element code="a = 1\nb = (2"></test-element>`);
    (shadow(element).querySelector('.static-code') as HTMLElement).focus();
    await until(() => shadow(element).querySelector('.cm-content'), 'the editor');
    element.showError({ kind: 'SyntaxError', message: 'x', line: 2, column: 5 });
    await settle(element);
    const line = await until(() => shadow(element).querySelector('.cm-error-line'), 'the error line in the editor');
    assert.equal(line.textContent, 'b = (2');
    assert.isNotNull(line.querySelector('.cm-error-mark'));
  });

  it('shows status messages with a progress bar', async () => {
    const element = await mount<TestElement>(`<test-element>x</test-element>`);
    const status = shadow(element).querySelector('[part="status"]')!;
    assert.equal(status.getAttribute('role'), 'status');
    assert.equal(status.textContent, '');
    element.showStatus({ message: 'Loading…', progress: 0.25 });
    await settle(element);
    assert.include(status.textContent, 'Loading…');
    assert.equal(status.querySelector('progress')!.value, 0.25);
    element.showStatus({ message: 'Starting…', progress: null });
    await settle(element);
    assert.isFalse(status.querySelector('progress')!.hasAttribute('value'), 'indeterminate');
  });

  it('fires py-result, bubbling and composed, when the output changes', async () => {
    const results: unknown[] = [];
    const listener = (event: Event) => results.push((event as CustomEvent).detail);
    document.addEventListener('py-result', listener);
    try {
      await mount<TestElement>(`<test-element>abc</test-element>`);
      assert.deepEqual(results.at(-1), { text: 'ABC' });
    } finally {
      document.removeEventListener('py-result', listener);
    }
  });

  it('switches colours with the theme attribute, and says so when the value is wrong', async () => {
    const light = await mount<TestElement>(`<test-element theme="light">x</test-element>`);
    const dark = await mount<TestElement>(`<test-element theme="dark">x</test-element>`);
    const background = (element: HTMLElement) => getComputedStyle(shadow(element).querySelector('.widget')!).backgroundColor;
    assert.notEqual(background(light), background(dark));
    dark.style.setProperty('--py-bg', 'rgb(1, 2, 3)');
    assert.equal(background(dark), 'rgb(1, 2, 3)', 'a --py-* property overrides the default');
    const wrong = await mount<TestElement>(`<test-element theme="purple">x</test-element>`);
    assert.match(shadow(wrong).querySelector('[part="error"]')!.textContent!, /theme="purple" is not a theme; use auto, light or dark/);
  });

  it('exposes parts for styling', async () => {
    const element = await mount<TestElement>(`<test-element>x</test-element>`);
    for (const part of ['container', 'toolbar', 'code', 'status', 'output', 'button']) {
      assert.isNotNull(shadow(element).querySelector(`[part~="${part}"]`), `part ${part}`);
    }
  });
});
