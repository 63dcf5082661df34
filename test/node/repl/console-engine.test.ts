// The console's Python helpers (pyinnards_console.py, through pyinnards_runtime.py), run in the oracle's
// Pyodide, against what CPython 3.14's own console prints for the same sessions
// (test/fixtures/repl-transcripts.json, from test/oracle/console.ts), step by step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pyEval, capture, runtime, stdinOf } from '../engine/runtime.js';
import { normalizeAddresses, type ConsoleStep, type ReplTranscript } from '../../fixtures/repl-transcripts.js';

interface Outcome {
  status: string;
  error?: { type: string; message: string; traceback: string };
}

const transcripts = JSON.parse(readFileSync('test/fixtures/repl-transcripts.json', 'utf8')) as ReplTranscript[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives console `session` as <py-repl> does: each step's text joins the lines the prompt holds
 * and Enter sends them all; `more` keeps them for the next step. A pause lets the event loop run
 * with no input running, capturing what tasks print meanwhile.
 */
async function ourConsole(session: string, steps: ConsoleStep[], stdin = '') {
  const { helpers } = await runtime();
  const results: Array<{ more: boolean; output: string; stdout: string; stderr: string; outcome?: Outcome }> = [];
  let lines: string[] = [];
  for (const step of steps) {
    if (typeof step !== 'string') {
      const r = await capture(() => sleep(step.pause));
      results.push({ more: false, output: r.both, stdout: r.stdout, stderr: r.stderr });
      continue;
    }
    lines.push(step);
    const r = await capture(() => helpers.push(session, lines.join('\n'), stdinOf(stdin)));
    const value = JSON.parse(r.value) as { more: boolean; outcome: Outcome };
    if (!value.more) lines = [];
    results.push({ more: value.more, output: r.both, stdout: r.stdout, stderr: r.stderr, outcome: value.outcome });
  }
  return results;
}

describe('the console prints what CPython 3.14’s console prints', () => {
  for (const transcript of transcripts) {
    it(transcript.name, async () => {
      const got = await ourConsole(`transcript: ${transcript.name}`, transcript.steps.map((s) => s.step));
      got.forEach((step, i) => {
        const expected = transcript.steps[i]!;
        const what = `step ${i}: ${JSON.stringify(expected.step)}`;
        assert.equal(step.more, expected.more, what);
        assert.equal(normalizeAddresses(step.output), normalizeAddresses(expected.output), what);
      });
    });
  }
});

describe('console sessions', () => {
  it('keep tasks running between inputs, and send what they print to their console', async () => {
    const { helpers } = await runtime();
    const heard: string[] = [];
    helpers.send_console_output((session: string, stream: string, text: string) => void heard.push(`${session} ${stream} ${text}`));
    try {
      const got = await ourConsole('ticker', [
        'ticks = 0',
        'async def tick():\n    global ticks\n    while True:\n        ticks += 1\n        await asyncio.sleep(0.005)\n',
        'async def later():\n    await asyncio.sleep(0.05)\n    print("later")\n',
        'task, other = asyncio.create_task(tick()), asyncio.create_task(later())',
        { pause: 150 },
        'ticks > 5',
        'task.cancel()',
      ]);
      assert.equal(got[5]!.stdout, 'True\n');
      assert.deepEqual(heard, ['ticker stdout later', 'ticker stdout \n']);
      assert.equal(got[4]!.output, '', 'not printed to the request running then');
    } finally {
      helpers.send_console_output(null as never);
    }
  });

  it('an incomplete input keeps nothing: the page holds the lines', async () => {
    const { helpers } = await runtime();
    assert.deepEqual(JSON.parse(await helpers.push('held', 'if True:')), { more: true, outcome: { status: 'ok' } });
    const r = await capture(() => helpers.push('held', '1 + 1'));
    assert.equal(r.stdout, '2\n');
    assert.match(
      (await capture(() => helpers.push('held', 'x = (1,'))).stderr,
      /^$/,
      'an open bracket waits',
    );
  });

  it('force runs an incomplete input (Enter on a blank line after a block header)', async () => {
    const { helpers } = await runtime();
    const r = await capture(() => helpers.push('forced', 'if True:\n    ', undefined, true));
    assert.deepEqual(JSON.parse(r.value).outcome.error.type, 'IndentationError');
    assert.match(r.stderr, /File "<python-input-0>", line 1\n    if True:\n/);
  });

  it('sessions are separate namespaces, with their own _; reset starts afresh with input 0', async () => {
    const { helpers } = await runtime();
    await ourConsole('one', ['shared = 1', '"one"']);
    const other = await ourConsole('two', ['shared', '_']);
    assert.match(other[0]!.stderr, /NameError: name 'shared' is not defined/);
    assert.match(other[1]!.stderr, /NameError: name '_' is not defined/);
    assert.equal((await ourConsole('one', ['_']))[0]!.stdout, "'one'\n");
    helpers.reset('one');
    const again = await ourConsole('one', ['shared']);
    assert.match(again[0]!.stderr, /File "<python-input-0>"/);
  });

  it('start with asyncio imported, as python -m asyncio does', async () => {
    assert.equal((await ourConsole('asyncio', ['asyncio.__name__']))[0]!.stdout, "'asyncio'\n");
  });

  it('input() reads the request stdin; running out is an EOFError', async () => {
    const got = await ourConsole('stdin', ['input("? "), input()'], 'yes\n');
    assert.equal(got[0]!.stdout, '? ');
    assert.match(got[0]!.stderr, /EOFError: EOF when reading a line\n$/);
  });
});

describe('complete()', () => {
  it("gives rlcompleter's completions, sorted", async () => {
    const { helpers } = await runtime();
    await ourConsole('comp', ['import collections', 'value = 42', 'class K:\n    attr = 1\n    def meth(self): pass\n']);
    for (const text of ['pri', 'val', 'coll', 'collections.Ord', 'K.', 'K.me', 'value.real', 'wh', 'tr', 'import', '_', 'asyn']) {
      const expected = await pyEval<string[]>(
        [
          'import rlcompleter, collections, types, builtins, asyncio',
          'class K:\n    attr = 1\n    def meth(self): pass',
          // The console's namespace is a module's: __loader__, __spec__... are in it.
          'ns = types.ModuleType("__main__").__dict__',
          'ns.update(__builtins__=builtins, collections=collections, value=42, K=K, asyncio=asyncio)',
          'c = rlcompleter.Completer(ns)',
          'out, i = set(), 0',
          'while (m := c.complete(text, i)) is not None:\n    out.add(m); i += 1',
          'sorted(out)',
        ].join('\n'),
        { text },
      );
      assert.deepEqual(JSON.parse(helpers.complete('comp', text)), expected, text);
    }
    // A whole line: only its last word is completed.
    assert.deepEqual(JSON.parse(helpers.complete('comp', 'x = colle')), ['x = collections']);
    assert.deepEqual(JSON.parse(helpers.complete('comp', '')), []);
  });
});

describe('input() where Python can’t block for the reader (WebKit)', () => {
  it('awaits the answer at an input’s top level; inside a function it reads stdin (EOFError), as without one', async () => {
    const { helpers } = await runtime();
    const asked: string[] = [];
    const awaitLine = () => {
      asked.push('asked');
      return Promise.resolve('Ada\n');
    };
    const first = await capture(() => helpers.push('awaited-input', 'name = input("Name? ")', stdinOf(''), false, awaitLine));
    assert.equal((JSON.parse(first.value) as { outcome: Outcome }).outcome.status, 'ok');
    assert.equal(first.stdout, 'Name? ');
    assert.deepEqual(asked, ['asked']);
    const shown = await capture(() => helpers.push('awaited-input', '[name, input("Again? ")]', stdinOf(''), false, awaitLine));
    assert.equal(shown.stdout, "Again? ['Ada', 'Ada']\n", 'an input() inside an expression statement, echoed as the console echoes');
    await capture(() => helpers.push('awaited-input', 'def ask():\n    return input("In f? ")\n', stdinOf(''), true, awaitLine));
    const inside = await capture(() => helpers.push('awaited-input', 'ask()', stdinOf(''), false, awaitLine));
    assert.equal(asked.length, 2, 'a function’s input() did not await');
    assert.match(inside.stderr, /File "<python-input-3>", line 1, in <module>\n[\s\S]*EOFError: EOF when reading a line\n$/);
    assert.doesNotMatch(inside.stderr, /pyinnards/, 'no frame of ours');
  });
});
