// Baked results against live ones: the same text, py-result and errors; an edit goes live; and
// stale, corrupt or forged bakes are ignored (the element computes live, never shows them).
import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-dis.js';
import '../../src/elements/py-frames.js';
import { pyodideUrl } from './support/cdn.js';
import { mount, settle, unmountAll, until } from './support/dom.js';
import { interpreterRequests, normalize, samples, show, type Widget } from './support/baked.js';

configure({ pyodideUrl });

describe('baked results against live ones', function () {
  this.timeout(120000);
  afterEach(unmountAll);

  // (First: it counts interpreter requests, and the tests below load the interpreter.)
  it('shows a bake before the element is seen, and starts no interpreter off screen for a stale one', async () => {
    const spacer = '<div style="height: 4000px">(the reader has not scrolled down yet)</div>';
    const dis = samples.find((s) => s.name === 'bytecode of a function')!.baked;
    const frames = samples.find((s) => s.name === 'a recursive run')!.baked;
    const stale = frames.replace('print(fact(3))', 'print(fact(5))');
    const page = await mount<HTMLElement>(`<div>${spacer}${dis}${frames}${spacer}<div id="stale">${stale}</div></div>`);
    const [shown, recorded, outdated] = Array.from(page.querySelectorAll<Widget>('py-dis, py-frames'));
    // Below the fold: the matching bakes show anyway (they cost no interpreter)...
    await until(() => shown!.text !== '' && recorded!.trace?.stdout === '6\n', 'the off-screen bakes shown');
    assert.match(shown!.text, /RETURN_VALUE/);
    // ...and the stale one waits for the reader, like any element with no bake.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(interpreterRequests(), [], 'no interpreter while the stale bake is off screen');
    assert.isUndefined(outdated!.trace);
    outdated!.scrollIntoView();
    await until(() => outdated!.trace?.stdout === '120\n', 'the live recording once in view', 90000);
  });

  it('shows exactly what the live element shows: text, py-result and errors', async () => {
    for (const sample of samples) {
      const bake = await show(sample.baked);
      const live = await show(sample.html);
      assert.equal(normalize(bake.element.text), normalize(live.element.text), `${sample.name}: text`);
      assert.equal(normalize(bake.detail), normalize(live.detail), `${sample.name}: py-result detail`);
      assert.equal(bake.error, live.error, `${sample.name}: error`);
    }
    assert.isNotEmpty(interpreterRequests(), 'the live elements did load the interpreter');
  });

  it('goes live when the reader edits a baked element', async () => {
    const { element } = await show(samples.find((s) => s.name === 'a recursive run')!.baked);
    assert.equal(element.trace?.stdout, '6\n');
    element.code = 'print(2 + 2)';
    await until(() => element.trace?.stdout === '4\n', 'the live recording of the edit', 60000);
  });

  it('ignores stale, corrupt and forged bakes and computes live', async () => {
    const recursive = samples.find((s) => s.name === 'a recursive run')!.baked;
    const cases: Array<[string, string, string]> = [
      ['the code changed after baking', recursive.replace('print(fact(3))', 'print(fact(4))'), '24\n'],
      ['an attribute that changes the result was added', recursive.replace('<py-frames step="3">', '<py-frames step="3" stdin="x">'), '6\n'],
      ['a number written as a string', recursive.replace(/"stdout":(\d+)/, '"stdout":"$1"'), '6\n'],
      ['an unknown version', recursive.replace('"version":1', '"version":2'), '6\n'],
      ['broken JSON', recursive.replace('"steps":[', '"steps":[['), '6\n'],
      ['a key that is not ours', recursive.replace(/"key":"sha256-[0-9a-f]{64}"/, `"key":"sha256-${'0'.repeat(64)}"`), '6\n'],
    ];
    for (const [what, markup, stdout] of cases) {
      const forged = markup.replace(/"stdout":"6\\n"/, '"stdout":"forged\\n"');
      const { element } = await show(forged);
      await settle(element);
      assert.equal(element.trace?.stdout, stdout, `${what}: the live result, not the bake`);
      unmountAll();
    }
    // A bake for another tag is refused too.
    const disBake = samples.find((s) => s.name === 'bytecode of a function')!.baked;
    const json = /<script type="application\/json" data-pyinnards-baked>.*<\/script>/.exec(disBake)![0];
    const { element } = await show(`<py-frames code="print(5)">${json}</py-frames>`);
    assert.equal(element.trace?.stdout, '5\n');
  });
});
