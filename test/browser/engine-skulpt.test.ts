// The Skulpt backend in a real module worker, spoken to through the worker protocol directly
// (no host): expected outputs are CPython's, stored by `npm run fixtures` in
// test/fixtures/skulpt-expectations.json.
import { assert } from 'chai';
import { PYTHON_TEST_TIMEOUT } from './support/dom.js';
import type { Reply, Request } from '../../src/engine/runtime/protocol.js';
import type { Capabilities, RunOutcome, Trace } from '../../src/engine/runtime/types.js';
import type { SkulptExpectations } from '../fixtures/skulpt-expectations.js';

type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

interface Answer {
  stdout: string;
  stderr: string;
  prompts: string[];
  progress: string[];
  value: unknown;
  failed?: string;
}

let worker: Worker;
let nextId = 1;
let expected: SkulptExpectations;

/** Sends one request and collects its replies; `answers` reply to input() prompts in order. */
function request(body: Body<Request>, answers: (string | null)[] = []): Promise<Answer> {
  const id = nextId++;
  const answer: Answer = { stdout: '', stderr: '', prompts: [], progress: [], value: undefined };
  return new Promise((resolve) => {
    const listener = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.kind === 'stdout' || reply.kind === 'stderr') answer[reply.kind] += reply.text;
      else if (reply.kind === 'progress') answer.progress.push(reply.phase);
      else if (reply.kind === 'input') {
        answer.prompts.push(reply.prompt);
        worker.postMessage({ id, kind: 'input-reply', value: answers.shift() ?? null } satisfies Request);
      } else {
        worker.removeEventListener('message', listener);
        if (reply.kind === 'done') answer.value = reply.value;
        else if (reply.kind === 'failed') answer.failed = reply.message;
        resolve(answer);
      }
    };
    worker.addEventListener('message', listener);
    worker.postMessage({ id, ...body } as Request);
  });
}

/** A request the worker must answer with `done` (a `failed` reply fails the test). */
async function settled(body: Body<Request>, answers: (string | null)[] = []): Promise<Answer> {
  const answer = await request(body, answers);
  assert.isUndefined(answer.failed, `${JSON.stringify(body)} failed: ${answer.failed}`);
  return answer;
}
const run = (code: string, filename = '<string>', answers: (string | null)[] = []) =>
  settled({ kind: 'run', code, filename, stdin: null, askInput: true }, answers);
/** Enter at the prompt of `session` with `source` (all the lines of the input so far). */
const push = (session: string, source: string) => settled({ kind: 'push', session, source, force: false, stdin: null, askInput: true });

describe('the Skulpt backend in a worker', function () {
  this.timeout(PYTHON_TEST_TIMEOUT);
  let capabilities: Capabilities;
  let loadMs = 0;

  before(async () => {
    expected = (await (await fetch('/test/fixtures/skulpt-expectations.json')).json()) as SkulptExpectations;
    const module = new URL('/src/engine/runtime/skulpt/worker.ts', location.href).href;
    const blob = new Blob([`import ${JSON.stringify(module)};`], { type: 'text/javascript' });
    worker = new Worker(URL.createObjectURL(blob), { type: 'module' });
    const started = performance.now();
    const answer = await request({ kind: 'load', settings: { pyodideUrl: '' } });
    loadMs = performance.now() - started;
    assert.isUndefined(answer.failed, answer.failed);
    capabilities = answer.value as Capabilities;
    assert.deepEqual(answer.progress, ['loading Skulpt', 'ready']);
  });

  after(() => worker.terminate());

  it('loads and reports what it can do', () => {
    console.log(`Skulpt loaded in ${Math.round(loadMs)} ms`);
    assert.include(capabilities, { version: 'Skulpt 1.2.0 (Python 3 subset)', dis: false, trace: true, repl: true, topLevelAwait: false, interactiveInput: true });
    // Stop works without an interrupt buffer too: by an interrupt message between steps.
    assert.isTrue(capabilities.interrupt);
  });

  it('prints floats as CPython does (repr and str)', async () => {
    const code = expected.floats.map(({ expression }) => `x = ${expression}\nprint(repr(x))\nprint(str(x))`).join('\n');
    const answer = await run(code);
    assert.equal(answer.stderr, '');
    assert.equal(answer.stdout, expected.floats.map(({ repr, str }) => `${repr}\n${str}\n`).join(''));
  });

  it('runs breakpoint() as a no-op', async () => {
    const answer = await run(expected.breakpoint.code);
    assert.deepEqual(answer.value, { status: 'ok' });
    assert.equal(answer.stdout, expected.breakpoint.stdout);
  });

  it("words the common errors as CPython does", async () => {
    for (const { code, lastLine } of expected.errors) {
      const answer = await run(code);
      const outcome = answer.value as RunOutcome;
      assert.equal(outcome.status, 'error', code);
      assert.equal(answer.stderr.trimEnd().split('\n').at(-1), lastLine, code);
      if (outcome.status === 'error') {
        assert.equal(`${outcome.error.type}: ${outcome.error.message}`, lastLine, code);
        assert.equal(outcome.error.traceback, answer.stderr, code);
      }
    }
  });

  it('prints a whole traceback as CPython does, with function names and the error position', async () => {
    const answer = await run(expected.traceback.code);
    assert.equal(answer.stderr, expected.traceback.stderr);
    const outcome = answer.value as RunOutcome;
    assert.equal(outcome.status, 'error');
    if (outcome.status === 'error') assert.include(outcome.error, { type: 'ZeroDivisionError', line: 5 });
  });

  it('reports syntax errors with a line and caret', async () => {
    const answer = await run('x = 1\ndef f(:\n    pass\n', '<py-frames>');
    const outcome = answer.value as RunOutcome;
    assert.equal(outcome.status, 'error');
    if (outcome.status === 'error') {
      assert.equal(outcome.error.type, 'SyntaxError');
      assert.equal(outcome.error.line, 2);
    }
    assert.match(answer.stderr, /^ {2}File "<py-frames>", line 2\n {4}def f\(:\n {4}\s*\^\nSyntaxError: invalid syntax\n$/);
  });

  it('sends markup in output as plain text on stdout', async () => {
    const answer = await run('print("<img src=x onerror=alert(1)>")');
    assert.equal(answer.stdout, '<img src=x onerror=alert(1)>\n');
  });

  it('asks for input() through the protocol, with the prompt', async () => {
    const answer = await run(expected.input.code, '<string>', [expected.input.stdin.trimEnd()]);
    assert.deepEqual(answer.prompts, ['Name? ']);
    // CPython writes the prompt to stdout; here the widget shows it with the question instead.
    assert.equal(answer.stdout, expected.input.stdout.slice('Name? '.length));
  });

  it('raises EOFError when input runs out', async () => {
    const answer = await run('input()', '<string>', [null]);
    assert.equal(answer.stderr.trimEnd().split('\n').at(-1), 'EOFError: EOF when reading a line');
  });

  describe('code that needs what Skulpt lacks', () => {
    const cases: [string, string][] = [
      ['async def main():\n    await f()\n', "'async'"],
      ['def f():\n    x = 1\n    def g():\n        nonlocal x\n', "'nonlocal'"],
      ['match command:\n    case "go":\n        pass\n', "the 'match' statement"],
      ['if (n := 10) > 5:\n    pass\n', "the walrus operator ':='"],
      ['x = 1\nprint(f"{x=}")\n', "the f-string '=' specifier"],
      ['type Point = tuple[float, float]\n', "the 'type' statement"],
    ];
    for (const [code, feature] of cases) {
      it(`says so for ${feature}`, async () => {
        const outcome = (await run(code)).value as RunOutcome;
        assert.equal(outcome.status, 'failed');
        if (outcome.status === 'failed') {
          assert.include(outcome.message, feature);
          assert.include(outcome.message, 'Skulpt engine does not support');
          assert.include(outcome.message, 'engine="pyodide"');
        }
      });
    }

    it('says so for a module Skulpt does not have', async () => {
      const outcome = (await run('import math, numpy as np\n')).value as RunOutcome;
      assert.equal(outcome.status, 'failed');
      if (outcome.status === 'failed') {
        assert.include(outcome.message, "imports 'numpy'");
        assert.include(outcome.message, 'engine="pyodide"');
      }
    });

    it('leaves alone names that only look like soft keywords', async () => {
      const answer = await run('match = [1]\ntype = str\nprint(match, type(2))\nimport math, random\nprint(math.floor(2.5))\n');
      assert.deepEqual(answer.value, { status: 'ok' });
      assert.equal(answer.stdout, "[1] 2\n2\n");
    });
  });

  it('rejects disassemble with a clear message', async () => {
    const dis = await request({ kind: 'disassemble', code: 'x = 1', options: {} });
    assert.include(dis.failed, 'engine="pyodide"');
  });

  it('records line steps in the worker, asking the reader for input() (test/node/engine/skulpt-recorder.test.ts checks them against CPython)', async () => {
    const answer = await request({ kind: 'trace', code: 'name = input("? ")\nprint(name)\n', options: {}, stdin: null, askInput: true }, ['Ada']);
    const trace = answer.value as Trace;
    assert.equal(trace.engine, 'skulpt');
    assert.deepEqual(trace.steps.map((step) => step.stack.at(-1)![1]), [1, 2]);
    assert.deepEqual(answer.prompts, ['? ']);
    assert.equal(trace.stdout, 'Ada\n');
  });

  it('keeps the worker responsive to messages while a loop runs (it yields)', async () => {
    const answer = await run('total = 0\nfor i in range(300000):\n    total += i\nprint(total)\n');
    assert.equal(answer.stdout, `${(300000 * 299999) / 2}\n`);
  });

  describe('REPL sessions', () => {
    it('follows a CPython console transcript: echo, `_`, blocks and tracebacks', async () => {
      // As the console's prompt does: the lines of an incomplete input stay, Enter sends them all.
      let lines: string[] = [];
      for (const step of expected.repl) {
        lines.push(step.line);
        const answer = await push('transcript', lines.join('\n'));
        const value = answer.value as { more: boolean; outcome: RunOutcome };
        if (!value.more) lines = [];
        assert.equal(value.more, step.more, `more after ${JSON.stringify(step.line)}`);
        assert.equal(answer.stdout, step.stdout, `stdout of ${JSON.stringify(step.line)}`);
        assert.equal(answer.stderr, step.stderr, `stderr of ${JSON.stringify(step.line)}`);
      }
    });

    it('keeps one namespace per session, and reset empties it', async () => {
      await push('a', 'only_in_a = 1');
      assert.equal((await push('a', 'only_in_a')).stdout, '1\n');
      assert.match((await push('b', 'only_in_a')).stderr, /NameError: name 'only_in_a' is not defined\n$/);
      await request({ kind: 'reset', session: 'a' });
      assert.match((await push('a', 'only_in_a')).stderr, /NameError/);
    });

    it('completes names, keywords, builtins and attributes', async () => {
      await push('c', 'import math');
      await push('c', 'value_one = 1');
      const names = (await request({ kind: 'complete', session: 'c', text: 'val' })).value as string[];
      assert.include(names, 'value_one');
      const more = (await request({ kind: 'complete', session: 'c', text: 'pr' })).value as string[];
      assert.include(more, 'print');
      const keywords = (await request({ kind: 'complete', session: 'c', text: 'whi' })).value as string[];
      assert.include(keywords, 'while');
      const attributes = (await request({ kind: 'complete', session: 'c', text: 'math.flo' })).value as string[];
      assert.deepEqual(attributes, ['math.floor']);
    });

    it('asks for input() in the REPL too', async () => {
      const answer = await request({ kind: 'push', session: 'd', source: 'input("? ")', force: false, stdin: null, askInput: true }, ['typed']);
      assert.deepEqual(answer.prompts, ['? ']);
      assert.equal(answer.stdout, "'typed'\n");
    });
  });
});

// The interrupt path, with the backend on this page: the buffer is a plain Int32Array here
// (the page isn't crossOriginIsolated); in a worker the host passes a SharedArrayBuffer one.
describe('the Skulpt backend, stopped by its interrupt buffer', function () {
  this.timeout(30000);

  it('stops `while True: pass` with KeyboardInterrupt, and runs again after', async () => {
    const { createSkulptBackend } = await import('../../src/engine/runtime/skulpt/backend.js');
    const backend = createSkulptBackend();
    const interruptBuffer = new Int32Array(1);
    const capabilities = await backend.load({ pyodideUrl: '', interruptBuffer }, () => {});
    assert.isTrue(capabilities.interrupt);
    let stderr = '';
    const io = { stdout: () => {}, stderr: (text: string) => (stderr += text), input: async () => null, stdinLine: () => null };
    // (The request can only be made when Skulpt yields to this page's event loop, and the loop
    // never ends by itself: the outcome says the request was taken.)
    setTimeout(() => Atomics.store(interruptBuffer, 0, 2), 300);
    const outcome = await backend.run('while True:\n    pass\n', '<string>', io);
    assert.deepEqual(outcome, { status: 'stopped', sessionReset: false });
    assert.match(stderr, /KeyboardInterrupt\n$/);
    let stdout = '';
    const again = await backend.run('print(6 * 7)', '<string>', { ...io, stdout: (text: string) => (stdout += text) });
    assert.deepEqual(again, { status: 'ok' });
    assert.equal(stdout, '42\n');
  });
});
