// `py-result` means "here is the output": it fires only with real output, on every element. And
// a `src` that can't be loaded keeps its message: nothing runs on code that isn't there.
import { assert } from 'chai';
import { configure } from '../../src/config.js';
import '../../src/elements/py-tokenizer.js';
import '../../src/elements/py-dis.js';
import '../../src/elements/py-frames.js';
import '../../src/elements/py-repl.js';
import type { PyResultDetail, TokenizerResultDetail, DisResultDetail, FramesResultDetail, ReplResultDetail } from '../../src/elements/events.js';
import { pyodideUrl } from './support/cdn.js';
import { PYTHON_STARTS_WITHIN, PYTHON_TEST_TIMEOUT, mount, shadow, unmountAll, until } from './support/dom.js';

configure({ pyodideUrl });

/** Every `py-result` and `py-engine` that comes from `tag`, in order, from now on. */
function listen(tag: string): { results: PyResultDetail[]; engine: unknown[]; stop(): void } {
  const results: PyResultDetail[] = [];
  const engine: unknown[] = [];
  const onResult = (event: Event) => {
    if ((event.target as Element).localName === tag) results.push((event as CustomEvent<PyResultDetail>).detail);
  };
  const onEngine = (event: Event) => {
    if ((event.target as Element).localName === tag) engine.push((event as CustomEvent).detail);
  };
  document.addEventListener('py-result', onResult);
  document.addEventListener('py-engine', onEngine);
  return {
    results,
    engine,
    stop() {
      document.removeEventListener('py-result', onResult);
      document.removeEventListener('py-engine', onEngine);
    },
  };
}

const errorText = (element: HTMLElement) => shadow(element).querySelector('[part="error"]')?.textContent ?? '';

describe('py-result carries real output only', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  // First in the file: the tokenizer chunk has not arrived yet when the element upgrades.
  it('<py-tokenizer>: the first result already has the tokens (not an empty list before the tokenizer arrives)', async () => {
    const seen = listen('py-tokenizer');
    try {
      await mount(`<py-tokenizer>x = 1</py-tokenizer>`);
      await until(() => seen.results.length > 0, 'a result');
      const first = seen.results[0] as TokenizerResultDetail;
      assert.isAbove(first.tokens.length, 0, 'the first py-result has tokens');
      assert.equal(first.tokens[0]!.string, 'x');
    } finally {
      seen.stop();
    }
  });

  it('<py-dis>: the first result is the bytecode', async () => {
    const seen = listen('py-dis');
    try {
      await mount(`<py-dis>x = 1</py-dis>`);
      await until(() => seen.results.length > 0, 'a result', PYTHON_STARTS_WITHIN);
      assert.match((seen.results[0] as DisResultDetail).text, /STORE_NAME +\d+ \(x\)/);
    } finally {
      seen.stop();
    }
  });

  it('<py-frames>: the first result is a recording with steps', async () => {
    const seen = listen('py-frames');
    try {
      await mount(`<py-frames engine="skulpt">x = 1</py-frames>`);
      await until(() => seen.results.length > 0, 'a result', PYTHON_STARTS_WITHIN);
      assert.isAbove((seen.results[0] as FramesResultDetail).trace.steps.length, 0);
    } finally {
      seen.stop();
    }
  });

  it('<py-repl>: the first result is an input and what it printed', async () => {
    const seen = listen('py-repl');
    try {
      const element = await mount<HTMLElement & { start(): Promise<void>; run(input: string): Promise<string> }>(
        `<py-repl engine="skulpt">x = 6</py-repl>`,
      );
      await element.start();
      assert.deepEqual(seen.results, [], 'starting (and running the element\'s code) is no output of an input');
      await element.run('print(x * 7)');
      const first = seen.results[0] as ReplResultDetail;
      assert.equal(first.input, 'print(x * 7)');
      assert.equal(first.output, '42\n');
    } finally {
      seen.stop();
    }
  });
});

describe('a src that cannot be loaded keeps its message, and nothing runs', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  afterEach(unmountAll);

  for (const tag of ['py-dis', 'py-frames']) {
    it(`<${tag} src="…404">`, async () => {
      const seen = listen(tag);
      try {
        const element = await mount<HTMLElement>(`<${tag} src="/no/such/file.py"></${tag}>`);
        await until(() => errorText(element).includes('404'), 'the error banner');
        // Time enough for an engine to be asked for and an empty module to be run (the defect
        // showed within a second or two).
        await new Promise((resolve) => setTimeout(resolve, 3000));
        assert.match(errorText(element), /Source:.*Could not load the code from .*\/no\/such\/file\.py: the server answered 404/);
        assert.deepEqual(seen.engine, [], 'no interpreter was asked for');
        assert.deepEqual(seen.results, [], 'no output');
        assert.equal((element as HTMLElement & { text: string }).text, '');
        assert.notInclude(shadow(element).querySelector('[part="output"]')!.textContent!, 'Recording');
      } finally {
        seen.stop();
      }
    });
  }
});
