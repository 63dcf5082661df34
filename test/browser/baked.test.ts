// Baked results (README, "Baked results"): an element carrying a bake that `pyinnards bake` made
// shows it at once and requests no interpreter; every string in a bake is shown as text.
// (baked-live.test.ts compares them with live results and checks what goes live.)
import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-dis.js';
import '../../src/elements/py-frames.js';
import { pyodideUrl } from './support/cdn.js';
import { settle, shadow } from './support/dom.js';
import { interpreterRequests, samples, show, type Shown } from './support/baked.js';

configure({ pyodideUrl });

describe('baked results, before any interpreter', function () {
  this.timeout(60000);
  const baked = new Map<string, Shown>();

  it('shows every baked sample with no interpreter request', async () => {
    for (const sample of samples) baked.set(sample.name, await show(sample.baked));
    assert.deepEqual(interpreterRequests(), []);
    for (const sample of samples) {
      const shown = baked.get(sample.name)!;
      assert.ok(shown.element.text !== '' || shown.error, `${sample.name}: something is shown`);
    }
    assert.match(baked.get('a SyntaxError')!.error!, /SyntaxError/);
  });

  it('renders hostile strings from a bake as text', async () => {
    // The last step shows the repr, the printed markup and the traceback.
    const frames = baked.get('markup in reprs, output and a traceback')!.element;
    frames.step = frames.trace!.steps.length - 1;
    await settle(frames);
    assert.include(frames.text, '</script><img src=x onerror');
    for (const sample of samples.filter((s) => s.name.includes('markup'))) {
      const root = shadow(baked.get(sample.name)!.element);
      assert.equal(root.querySelectorAll('img, b').length, 0, `${sample.name}: no markup from the bake`);
      assert.include(root.textContent!, '</script><img src=x onerror="window.__pwned = 1"><b>bold</b>', `${sample.name}: the markup shows as text`);
    }
    assert.equal((window as { __pwned?: number }).__pwned, undefined);
  });

  it('gives readers without JavaScript the code and the text the widget shows, and the element ignores it', async () => {
    for (const sample of samples) {
      const shown = baked.get(sample.name)!;
      // What a browser with scripts off renders: DOMParser parses with scripting disabled.
      const page = new DOMParser().parseFromString(sample.baked, 'text/html');
      const blocks = Array.from(page.querySelectorAll('noscript[data-pyinnards-baked-text] > pre'), (pre) => pre.textContent);
      assert.equal(page.querySelectorAll('noscript img, noscript b').length, 0, `${sample.name}: markup in a result is text`);
      const element = shown.element;
      const step = element.step;
      if (sample.tag === 'py-frames') {
        element.step = element.trace!.steps.length - 1;
        await settle(element);
      }
      // A SyntaxError shows as the element's error; readers without JavaScript get CPython's traceback.
      const result = shown.error ? blocks.at(-1)! : element.text;
      assert.equal(blocks.at(-1), result, `${sample.name}: the widget's text`);
      if (shown.error) assert.include(shown.error, blocks.at(-1)!.trim().split('\n').at(-1)!.replace(/^\w+: /, ''), `${sample.name}: the same error`);
      // The code, where the page shows it nowhere else (a Python <script> child, the code attribute).
      const inText = !/<script type="text\/x-python">| code="/.test(sample.html);
      assert.deepEqual(blocks.slice(0, -1), inText ? [] : [(element as unknown as { source: string }).source], `${sample.name}: the code`);
      element.step = step;
      await settle(element);
    }
    assert.deepEqual(interpreterRequests(), [], 'the bakes matched their elements: the text is not read as code');
  });

  it('on a page without Web Crypto (plain http hides crypto.subtle) checks the key with the JavaScript SHA-256', async () => {
    const sample = samples.find((s) => s.name === 'bytecode of a function')!;
    const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, get: () => undefined });
    try {
      assert.equal(globalThis.crypto.subtle, undefined, 'Web Crypto is hidden');
      const shown = await show(sample.baked);
      assert.equal(shown.error, undefined);
      assert.equal(shown.element.text, baked.get(sample.name)!.element.text, 'the same bytecode as with Web Crypto');
      assert.ok(
        performance.getEntriesByType('resource').some((entry) => /@noble\/hashes|sha256/.test(entry.name)),
        'the JavaScript SHA-256 was loaded for it',
      );
    } finally {
      Object.defineProperty(Crypto.prototype, 'subtle', subtle);
    }
    assert.deepEqual(interpreterRequests(), []);
  });

  it('links and steps a baked result like a live one, still with no interpreter', async () => {
    const dis = baked.get('bytecode of a function')!.element;
    const row = Array.from(shadow(dis).querySelectorAll<HTMLElement>('.row[data-index]')).find((r) => r.textContent!.includes('COMPARE_OP'))!;
    row.dispatchEvent(new MouseEvent('mouseenter'));
    await settle(dis);
    assert.ok(shadow(dis).querySelector('.static-code .linked'), 'the instruction lights up its source');
    assert.match(shadow(dis).querySelector('[part="opcode-note"]')!.textContent!, /COMPARE_OP: \S/);
    const frames = baked.get('a recursive run')!.element;
    assert.equal(frames.step, 3);
    const before = frames.text;
    shadow(frames).querySelector<HTMLButtonElement>('[part~="forward-button"]')!.click();
    await settle(frames);
    assert.equal(frames.step, 4);
    assert.notEqual(frames.text, before);
    assert.deepEqual(interpreterRequests(), []);
  });
});
