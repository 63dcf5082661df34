// This file loads only the built kit (dist/, served from another origin like a CDN) and no
// source modules, so the page is what a reader of a blog post gets.
import { assert } from 'chai';
import { cdnOrigin, pyodideUrl } from './support/cdn.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, shadow, until } from './support/dom.js';

const TAGS = ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl'];

function kitRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(cdnOrigin));
}

describe('the kit served from another origin', () => {
  before(async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<article>
        <py-tokenizer>foo = "hello"</py-tokenizer>
        <py-repl>x = 1</py-repl>
        <div style="height: 4000px">(the reader has not scrolled down yet)</div>
        <py-dis>def answer(): return 42</py-dis>
        <div style="height: 4000px">(further down)</div>
        <py-frames><script type="text/x-python">print(1 < 2)</script></py-frames>
      </article>`,
    );
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${cdnOrigin}/pyinnards.js`;
    script.dataset['engine'] = 'pyodide';
    script.dataset['pyodideUrl'] = pyodideUrl;
    document.head.append(script);
    await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
  });

  it('is really on another origin', () => {
    assert.notEqual(new URL(cdnOrigin).origin, location.origin);
  });

  it('upgrades every element from the single script tag', async () => {
    for (const tag of TAGS) {
      const element = document.querySelector(tag)!;
      await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const view = shadow(element as HTMLElement).querySelector('.static-code');
      assert.isNotNull(view, `<${tag}> shows its code`);
    }
    const frames = shadow(document.querySelector<HTMLElement>('py-frames')!);
    assert.equal(frames.querySelector('.static-code')!.textContent, 'print(1 < 2)');
  });

  it('reads page-wide settings from the script tag', async () => {
    const kit = (await import(`${cdnOrigin}/pyinnards.js`)) as { getConfig(): { engine: string; pyodideUrl: string; snapshot: boolean } };
    assert.deepEqual(kit.getConfig(), { engine: 'pyodide', pyodideUrl, snapshot: true });
  });

  it('fetches no editor or interpreter chunk until the reader starts editing', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = kitRequests();
    assert.isTrue(before.some((url) => url.endsWith('/pyinnards.js')), `the entry was fetched: ${before.join(', ')}`);
    const lazy = before.filter((url) => /\/chunks\/(editor|engine)[^/]*\.js$/.test(url));
    assert.deepEqual(lazy, [], 'no lazily loaded chunk was requested on page load');

    const tokens = document.querySelector<HTMLElement>('py-tokenizer')!;
    shadow(tokens).querySelector<HTMLElement>('.static-code')!.focus();
    await until(() => shadow(tokens).querySelector('.cm-editor'), 'the editor to mount');
    const after = kitRequests();
    assert.isTrue(
      after.some((url) => /\/chunks\/editor-[^/]+\.js$/.test(url)),
      `the editor chunk was fetched on interaction: ${after.join(', ')}`,
    );
    assert.deepEqual(after.filter((url) => /\/chunks\/engine/.test(url)), [], 'still no interpreter');
  });

  it('starts the interpreter for <py-dis> only once it is scrolled into view', async function () {
    this.timeout(PYTHON_TEST_TIMEOUT);
    const dis = document.querySelector<HTMLElement>('py-dis')!;
    dis.scrollIntoView();
    await until(() => shadow(dis).querySelector('[part="bytecode"]'), 'the bytecode', PYTHON_STARTS_WITHIN);
    assert.isNotEmpty(kitRequests().filter((url) => /\/chunks\/engine/.test(url)), 'the interpreter chunk was fetched');
    assert.include((dis as unknown as { text: string }).text, 'RETURN_VALUE');
  });

  it('records a run for <py-frames> once it is scrolled into view, fetching its replay chunk then', async function () {
    this.timeout(PYTHON_TEST_TIMEOUT);
    const frames = document.querySelector<HTMLElement & { trace?: { steps: unknown[]; stdout: string } }>('py-frames')!;
    assert.deepEqual(kitRequests().filter((url) => /\/chunks\/frames/.test(url)), [], 'no replay chunk before');
    frames.scrollIntoView();
    await until(() => shadow(frames).querySelector('[part~="controls"]'), 'the replay', PYTHON_STARTS_WITHIN);
    assert.isNotEmpty(kitRequests().filter((url) => /\/chunks\/frames/.test(url)), 'the replay chunk was fetched');
    assert.isNotEmpty(frames.trace!.steps);
    assert.isNotEmpty(frames.trace!.stdout, 'what print() wrote was recorded');
  });
});

describe('the interpreter layer served from another origin', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);

  for (const engine of ['skulpt', 'pyodide']) {
    it(`starts its ${engine} worker from the kit's origin and runs Python`, async () => {
      const kit = (await import(`${cdnOrigin}/pyinnards.js`)) as {
        loadEngine(options: object): Promise<{ capabilities: { version: string }; run(code: string, options: object): { done: Promise<unknown> } }>;
      };
      const python = await kit.loadEngine({ engine, pyodideUrl });
      // The built chunks must start the backend asked for, and only it.
      assert.match(python.capabilities.version, engine === 'pyodide' ? /^CPython 3\.14/ : /^Skulpt/);
      let out = '';
      const outcome = await python.run('print(10 / 3)', { onStdout: (text: string) => (out += text) }).done;
      assert.deepEqual(outcome, { status: 'ok' });
      assert.equal(out, '3.3333333333333335\n');
      const chunks = kitRequests().filter((url) => /\/chunks\/engine/.test(url));
      assert.isNotEmpty(chunks, 'the page fetched the engine chunk from the kit');
    });
  }

  it("shows the source lines of the kit's compiled stdlib in a traceback, and imports what it left out", async () => {
    const kit = (await import(`${cdnOrigin}/pyinnards.js`)) as {
      loadEngine(options: object): Promise<{ run(code: string, options: object): { done: Promise<{ status: string }> } }>;
    };
    const python = await kit.loadEngine({ engine: 'pyodide', pyodideUrl });
    let out = '';
    let err = '';
    const io = { onStdout: (text: string) => (out += text), onStderr: (text: string) => (err += text) };
    // The trimmed zip holds bytecode only: the lines come from its sources' zip, fetched now.
    assert.equal((await python.run('import json\njson.loads("{")', io).done).status, 'error');
    const frames = [...err.matchAll(/^ {2}File "\/lib\/python314\.zip\/json\/[a-z_]+\.py", line \d+, in \w+\n(.*)$/gm)];
    assert.isAtLeast(frames.length, 2, err);
    for (const frame of frames) assert.match(frame[1]!, /^ {4}\S/, `each stdlib frame shows its source line: ${err}`);
    assert.match(err, /json\.decoder\.JSONDecodeError: .*\n$/);
    // A module the trimmed zip left out comes from Pyodide's whole zip.
    assert.deepEqual(await python.run('import email.mime.text\nprint(email.mime.text.__name__)', io).done, { status: 'ok' });
    assert.equal(out, 'email.mime.text\n');
  });
});
