// Baked <py-repl echo-preload> (README, "Baked results"): the console shows its code's echoed
// transcript from the bake at once, exactly as live (text, py-result, the transcript's DOM),
// requests no interpreter until the reader uses it, and then works in the state its code left,
// showing nothing twice. Stale, corrupt and forged bakes are ignored; hostile ones show as text.
import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-repl.js';
import type { PyRepl } from '../../src/elements/py-repl.js';
import { bakeKey, serializeBake, type Bake } from '../../src/engine/bake/format.js';
import { pyodideUrl } from './support/cdn.js';
import { PYTHON_STARTS_WITHIN, contentRoot, mount, settle, shadow, unmountAll, until } from './support/dom.js';
import { interpreterRequests, normalize, replSamples } from './support/baked.js';

configure({ pyodideUrl });

interface Shown {
  element: PyRepl;
  detail: unknown;
  error: string | undefined;
  /** The transcript's markup (lit's comment markers left out). */
  dom: string;
}

/** Mounts a console; `start` starts it (live), else it is left as the reader finds it. Waits for its py-result. */
async function showConsole(markup: string, start: boolean): Promise<Shown> {
  let detail: unknown;
  const listen = (event: Event) => (detail ??= (event as CustomEvent).detail);
  document.addEventListener('py-result', listen);
  try {
    const element = await mount<PyRepl>(markup);
    element.scrollIntoView();
    if (start) await element.start();
    await until(() => detail !== undefined, `py-result from ${markup.slice(0, 50)}`, PYTHON_STARTS_WITHIN);
    await settle(element);
    return { element, detail, error: errorOf(element), dom: transcriptDom(element) };
  } finally {
    document.removeEventListener('py-result', listen);
  }
}

const errorOf = (element: PyRepl) => shadow(element).querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim();
const transcriptDom = (element: PyRepl) => contentRoot(element).querySelector('[part="transcript"]')!.innerHTML.replace(/<!--[^]*?-->/g, '');
const sample = (name: string) => replSamples.find((s) => s.name === name)!;
const HOSTILE = '</script><img src=x onerror="window.__pwned = 1"><b>bold</b>';

/** A bake of `<py-repl echo-preload>` holding `code`, with whatever result a forger likes, keyed right. */
async function forged(code: string, result: unknown): Promise<string> {
  const key = await bakeKey('py-repl', code, (name) => (name === 'echo-preload' ? '' : null));
  const bake = { format: 'pyinnards-bake', version: 1, kit: '0.1.0', python: 'CPython 3.14.2', tag: 'py-repl', key, result } as unknown as Bake;
  return `<py-repl echo-preload code="${code}"><script type="application/json" data-pyinnards-baked>${serializeBake(bake)}</script></py-repl>`;
}

describe('baked <py-repl echo-preload>', function () {
  this.timeout(2 * PYTHON_STARTS_WITHIN);
  const baked = new Map<string, Shown>();

  it('keeps its place from the first paint while the bake is checked: no prompt, then no jump', async () => {
    const { baked: markup } = sample('a console\'s code, echoed');
    // The key check made slow (Web Crypto's digest, 300 ms late), so frames are painted during it.
    const digest = crypto.subtle.digest;
    crypto.subtle.digest = async function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['digest']>) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return digest.apply(this, args);
    } as SubtleCrypto['digest'];
    // Chromium reports layout shifts itself; everywhere, each frame's state is recorded too.
    const shifts: number[] = [];
    const reportsShifts = (PerformanceObserver.supportedEntryTypes ?? []).includes('layout-shift');
    const observer = reportsShifts ? new PerformanceObserver((list) => shifts.push(...list.getEntries().map((entry) => (entry as PerformanceEntry & { value: number }).value))) : undefined;
    observer?.observe({ type: 'layout-shift' });
    const frames: Array<{ height: number; below: number; visible: string }> = [];
    const page = document.createElement('div');
    page.innerHTML = `${markup}<p>After the console.</p>`;
    const element = page.firstElementChild as PyRepl;
    const below = page.lastElementChild!;
    let sampling = true;
    const record = () => {
      if (!sampling) return;
      // What a reader sees of the console: its visible text, the prompt's or the transcript's.
      const root = element.shadowRoot;
      const shown = root ? [...root.querySelectorAll('.static-code:not(.bake-space)')].map((node) => node.textContent).join('') + element.text : '';
      frames.push({ height: element.getBoundingClientRect().height, below: below.getBoundingClientRect().top, visible: shown });
      requestAnimationFrame(record);
    };
    try {
      requestAnimationFrame(record);
      document.body.prepend(page);
      window.scrollTo(0, 0);
      await until(() => element.text !== '', 'the baked transcript', PYTHON_STARTS_WITHIN);
      await settle(element);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    } finally {
      sampling = false;
      crypto.subtle.digest = digest;
      observer?.disconnect();
      page.remove();
    }
    const painted = frames.filter((frame) => frame.height > 0);
    assert.isAbove(painted.length, 3, 'frames were painted while the bake was checked');
    assert.deepEqual(painted.filter((frame) => /Click or type here/.test(frame.visible)), [], 'the prompt never shows');
    const last = painted.at(-1)!;
    for (const frame of painted) {
      assert.approximately(frame.height, last.height, 1, 'the console is as tall from its first paint as with its transcript');
      assert.approximately(frame.below, last.below, 1, 'what follows it never moves');
    }
    if (reportsShifts) assert.deepEqual(shifts, [], 'Chromium saw no layout shift');
    assert.deepEqual(interpreterRequests(), []);
  });

  it('shows each baked transcript at once with no interpreter request, hostile strings as text', async () => {
    for (const { name, baked: markup } of replSamples) baked.set(name, await showConsole(markup, false));
    const echoed = baked.get('a console\'s code, echoed')!;
    assert.match(echoed.element.text, /^Python console: CPython 3\.14\.2 .*\n>>> import asyncio\n>>> # a comment line is an input too\n>>> def greet\(name\):\n\.\.\.  {4}return f"hello \{name\}"\n\.\.\. \n>>> greet\("Ada"\)\n'hello Ada'\n/s);
    assert.isTrue(echoed.element.text.endsWith('>>> '), 'the prompt waits');
    assert.isFalse(baked.get('a read-only console with stdin')!.element.text.endsWith('>>> '), 'a read-only console has no prompt');
    assert.match(baked.get('a console whose code raises')!.error!, /ValueError/);
    // A forged bake with a valid key: markup everywhere a string goes.
    const hostile = await showConsole(
      await forged('x = 1', { pieces: [{ kind: 'banner', text: HOSTILE }, { kind: 'input', text: `>>> ${HOSTILE}\n` }, { kind: 'stderr', text: HOSTILE }], dropped: 0, output: HOSTILE, status: 'error', failures: [{ kind: HOSTILE, message: HOSTILE }] }),
      false,
    );
    for (const shown of [...baked.values(), hostile]) {
      assert.equal(contentRoot(shown.element).querySelectorAll('img, b').length + shadow(shown.element).querySelectorAll('img, b').length, 0, 'no markup from a bake');
    }
    assert.include(contentRoot(echoed.element).textContent!, HOSTILE, 'printed markup shows as text');
    assert.include(hostile.element.text, HOSTILE);
    assert.include(hostile.error!, HOSTILE, 'the reported failure is text too');
    assert.equal((window as { __pwned?: number }).__pwned, undefined);
    assert.deepEqual(interpreterRequests(), []);
  });

  it('gives readers without JavaScript the transcript the console shows', async () => {
    for (const { name, baked: markup } of replSamples) {
      // What a browser with scripts off renders: DOMParser parses with scripting disabled.
      const page = new DOMParser().parseFromString(markup, 'text/html');
      const blocks = Array.from(page.querySelectorAll('noscript[data-pyinnards-baked-text] > pre'), (pre) => pre.textContent!);
      assert.equal(page.querySelectorAll('noscript img, noscript b').length, 0, `${name}: markup in a transcript is text`);
      // The code is in the transcript already (as its inputs): one block, the console's text up to its prompt.
      assert.lengthOf(blocks, 1, name);
      const text = baked.get(name)!.element.text;
      assert.equal(blocks[0], text.endsWith('>>> ') ? text.slice(0, -'>>> '.length) : text, name);
    }
    assert.deepEqual(interpreterRequests(), []);
  });

  it('starts when the reader uses it, in the state its code left, showing nothing twice', async () => {
    const { element } = baked.get('a console\'s code, echoed')!;
    const before = element.text;
    assert.deepEqual(interpreterRequests(), [], 'nothing requested yet');
    // The reader focuses the prompt.
    contentRoot(element).querySelector<HTMLElement>('.prompt-row .static-code')!.focus();
    await until(() => interpreterRequests().length > 0, 'the interpreter to be requested');
    assert.equal(await element.run('greet("Bob")'), "'hello Bob'\n", 'the name its code defined is there');
    assert.equal(element.text, `${before}greet("Bob")\n'hello Bob'\n>>> `, 'the baked transcript, then the new input: no banner or code again');

    // Reset: a fresh session, and the code echoed again: what the bake showed, and its py-result.
    const again = new Promise((resolve) => element.addEventListener('py-result', (event) => resolve((event as CustomEvent).detail), { once: true }));
    shadow(element).querySelector<HTMLButtonElement>('[part~="reset-button"]')!.click();
    assert.equal(normalize(await again), normalize(baked.get('a console\'s code, echoed')!.detail));
    assert.equal(element.text, before);

    const raises = baked.get('a console whose code raises')!.element;
    const raisedBefore = raises.text;
    assert.equal(await raises.run('total'), '6\n');
    assert.equal(raises.text, `${raisedBefore}total\n6\n>>> `, 'the failure is not shown again');
  });

  it('shows exactly what the live console shows: text, py-result, transcript and error', async () => {
    for (const { name, html } of replSamples) {
      const bake = baked.get(name)!;
      const live = await showConsole(html, true);
      assert.equal(normalize(bake.detail), normalize(live.detail), `${name}: py-result detail`);
      assert.equal(bake.error, live.error, `${name}: error`);
      // (The baked consoles above have been used since: compare what they showed at first.)
      assert.equal(normalize((bake.detail as { text: string }).text), normalize(live.element.text), `${name}: text`);
      assert.equal(bake.dom, live.dom, `${name}: the transcript's DOM`);
    }
  });

  it('ignores stale, corrupt and forged bakes: the console starts live, as without one', async () => {
    const echoed = sample('a console\'s code, echoed').baked;
    const cases: Array<[string, string]> = [
      ['the code changed after baking', echoed.replace('greet("Ada")', 'greet("Eve")')],
      ['echo-preload was removed', echoed.replace('<py-repl echo-preload>', '<py-repl>')],
      ['a session was added', echoed.replace('<py-repl echo-preload>', '<py-repl echo-preload session="s">')],
      ['a number written as a string', echoed.replace('"dropped":0', '"dropped":"0"')],
      ['an unknown piece kind', echoed.replace('"kind":"banner"', '"kind":"script"')],
      ['an unknown version', echoed.replace('"version":1', '"version":2')],
      ['broken JSON', echoed.replace('"pieces":[', '"pieces":[[')],
      ['a key that is not ours', echoed.replace(/"key":"sha256-[0-9a-f]{64}"/, `"key":"sha256-${'0'.repeat(64)}"`)],
    ];
    const said: string[] = [];
    const info = console.info;
    console.info = (...args: unknown[]) => void said.push(args.join(' '));
    try {
      for (const [what, markup] of cases) {
        said.length = 0;
        const element = await mount<PyRepl>(markup.replace(/hello Ada/g, 'forged'));
        element.scrollIntoView();
        // The element tells the page's developer why it ignores the bake.
        const why = await until(() => said.find((message) => message.includes('<py-repl> computes live')), `${what}: the bake to be ignored`);
        await settle(element);
        assert.equal(element.text, '', `${what}: nothing shown before it starts (${why})`);
        assert.match(shadow(element).querySelector('.static-code')!.textContent!, /Click or type here to start/, `${what}: the prompt that starts it`);
        unmountAll();
      }
    } finally {
      console.info = info;
    }
    // A live start of a stale one shows the live transcript, not the bake.
    const stale = await showConsole(cases[0]![1], true);
    assert.include(stale.element.text, ">>> greet(\"Eve\")\n'hello Eve'\n");
    assert.notInclude(stale.element.text, 'hello Ada');
  });
});
