// The Python helpers of the pyodide backend (src/engine/runtime/pyodide/python/), run in the
// oracle's Pyodide and compared with what CPython 3.14 itself does with the same input:
// scripts against running a real file, the REPL against _pyrepl's own console, dis against
// dis.dis, completion against rlcompleter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { disText, runPython } from '../../oracle/cpython.js';
import { capture, pyEval, runtime, stdinOf } from './runtime.js';

interface Outcome {
  status: string;
  error?: { type: string; message: string; traceback: string; line?: number; column?: number; endLine?: number; endColumn?: number };
}

/** What `python3.14 PATH` prints for `code` saved at PATH: the file is real, so CPython's
 * traceback reads its lines from disk, as it would on the command line. */
async function asScript(code: string, path: string, stdin = '') {
  const { py } = await runtime();
  py.FS.mkdirTree('/scripts');
  py.FS.writeFile(path, code);
  return runPython(
    [
      'import sys, traceback',
      'path = sys.argv[1]',
      'try:',
      '    code = compile(open(path, encoding="utf-8").read(), path, "exec")',
      '    exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})',
      'except SystemExit:',
      '    raise',
      'except BaseException as e:',
      '    traceback.print_exception(type(e), e, e.__traceback__.tb_next)',
      '    sys.exit(1)',
    ].join('\n'),
    { argv: ['-c', path], stdin },
  );
}

async function ours(code: string, filename: string, stdin = '') {
  const { helpers } = await runtime();
  const r = await capture(() => helpers.run(code, filename, stdinOf(stdin)));
  return { ...r, outcome: JSON.parse(r.value) as Outcome };
}

const SCRIPTS: Record<string, { code: string; stdin?: string }> = {
  'output, no trailing newline': { code: 'print("a", end="")\nprint("b", "c", sep="-")\nimport sys\nsys.stdout.write("é\\u2603 no newline")' },
  'stderr too': { code: 'import sys\nprint("out")\nprint("err", file=sys.stderr)\nprint("out2")\n' },
  'input() and stdin': { code: 'name = input("name? ")\nprint("hi", name)\nimport sys\nprint(repr(sys.stdin.read()))\n', stdin: 'Ada\nrest\nof it' },
  'input() at end of input': { code: 'print(input("a? "))\nprint(input("b? "))\n', stdin: 'one\n' },
  'runtime error in a function': { code: 'def f(x):\n    return 10 / x\n\nprint("before")\nf(0)\n' },
  'wide characters before the error': { code: 'é = {"ключ": 1}\nprint(é["ключ"], é["нет"])\n' },
  'chained exceptions': { code: 'try:\n    {}["k"]\nexcept KeyError as e:\n    raise ValueError("bad") from e\n' },
  'exception group': { code: 'raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])\n' },
  'syntax error': { code: 'x = 1\nif x\n    print(x)\n' },
  'unclosed bracket': { code: 'print((1,\n' },
  'indentation error': { code: 'def f():\nreturn 1\n' },
  'SystemExit with a message': { code: 'import sys\nprint("bye")\nsys.exit("fatal: no")\n' },
  'SystemExit with a number': { code: 'raise SystemExit(3)\n' },
  'custom exception in __main__': { code: 'class Oops(Exception):\n    pass\nraise Oops("x")\n' },
  'dataclass in __main__': { code: 'from dataclasses import dataclass, KW_ONLY\n@dataclass\nclass P:\n    x: int\n    _: KW_ONLY\n    y: int = 0\nprint(P(1, y=2), __name__)\n' },
  'recursion': { code: 'def f(n):\n    return f(n + 1)\nf(0)\n' },
};

describe('run() prints what python3.14 FILE prints', () => {
  for (const [name, { code, stdin }] of Object.entries(SCRIPTS)) {
    it(name, async () => {
      const path = `/scripts/${name.replace(/\W+/g, '_')}.py`;
      const expected = await asScript(code, path, stdin ?? '');
      const got = await ours(code, path, stdin ?? '');
      assert.equal(got.stdout, expected.stdout);
      assert.equal(got.stderr, expected.stderr);
      if (expected.status === 0 || /^raise SystemExit|sys\.exit/m.test(code)) {
        assert.equal(got.outcome.status, 'ok');
      } else {
        assert.equal(got.outcome.status, 'error');
        assert.equal(got.outcome.error?.traceback, expected.stderr);
      }
    });
  }

  it('reports the error type, message and position in the user code', async () => {
    const a = await ours('x = 1\ny = [x,\n     x / 0]\n', '<py-frames>');
    assert.deepEqual(
      { ...a.outcome.error, traceback: undefined },
      { type: 'ZeroDivisionError', message: 'division by zero', traceback: undefined, line: 3, column: 6, endLine: 3, endColumn: 11 },
    );
    const b = await ours('x = (1,\n', '<py-frames>');
    assert.equal(b.outcome.error?.type, 'SyntaxError');
    assert.equal(b.outcome.error?.message, "'(' was never closed");
    assert.equal(b.outcome.error?.line, 1);
    assert.equal(b.outcome.error?.column, 5);
    const c = await ours('class Oops(Exception): pass\ndef f():\n    raise Oops("no")\nf()\n', '<py-frames>');
    assert.equal(c.outcome.error?.type, 'Oops');
    assert.equal(c.outcome.error?.line, 3);
    // Errors inside the stdlib point at the user's innermost frame.
    const d = await ours('import json\njson.loads("{")\n', '<py-frames>');
    assert.equal(d.outcome.error?.type, 'json.decoder.JSONDecodeError');
    assert.equal(d.outcome.error?.line, 2);
  });

  it('gives each run a fresh __main__ and leaves no helper frames or state behind', async () => {
    await ours('leak = 1\n', '<a>');
    const r = await ours('print("leak" in globals(), __name__)\n', '<b>');
    assert.equal(r.stdout, 'False __main__\n');
    const t = await ours('import traceback\ntraceback.print_stack()\n', '<c>');
    // Known difference: a stack walked from inside the code (print_stack, inspect.stack) still
    // has the helper's frames above the user's module; tracebacks of uncaught errors don't.
    assert.match(t.stderr, /  File "<c>", line 2, in <module>\n    traceback.print_stack\(\)\n/);
    const m = await ours('import sys\nprint(sys.modules["__main__"].__dict__ is globals())\n', '<d>');
    assert.equal(m.stdout, 'True\n');
  });

  it('KeyboardInterrupt stops the run and prints its traceback', async () => {
    const r = await ours('print(1)\nraise KeyboardInterrupt\n', '/scripts/ki.py');
    const expected = await asScript('print(1)\nraise KeyboardInterrupt\n', '/scripts/ki.py');
    assert.deepEqual(r.outcome, { status: 'stopped', sessionReset: false });
    assert.equal(r.stderr, expected.stderr);
  });
});

async function ourConsole(session: string, lines: string[]) {
  const { helpers } = await runtime();
  const steps: Array<{ more: boolean; stdout: string; stderr: string; outcome: Outcome }> = [];
  for (const line of lines) {
    const r = await capture(() => helpers.push(session, line, stdinOf('')));
    const value = JSON.parse(r.value) as { more: boolean; outcome: Outcome };
    steps.push({ more: value.more, stdout: r.stdout, stderr: r.stderr, outcome: value.outcome });
  }
  return steps;
}

/**
 * The 3.14 console, driven by CPython's own code: _pyrepl's InteractiveColoredConsole decides
 * when an input is complete (_more_lines) and runs it (push with <python-input-N>), exactly as
 * run_multiline_interactive_console does, minus the terminal. Gives, per typed line, whether
 * more input was wanted, and all of stdout and of stderr.
 */
async function cpythonTranscript(lines: string[]) {
  const result = await runPython(
    [
      'import json, sys',
      'from _pyrepl.console import InteractiveColoredConsole',
      'from _pyrepl.simple_interact import _more_lines, _strip_final_indent',
      'console = InteractiveColoredConsole({"__name__": "__main__", "__doc__": None})',
      'console.can_colorize = False',
      'sys.excepthook = sys.__excepthook__',
      'steps, buffer, n = [], [], 0',
      'for line in json.loads(sys.stdin.read()):',
      '    buffer.append(line)',
      '    text = "\\n".join(buffer)',
      '    if _more_lines(console, text):',
      '        steps.append(True)',
      '        continue',
      '    buffer = []',
      '    console.push(_strip_final_indent(text), filename=f"<python-input-{n}>", _symbol="single")',
      '    n += 1',
      '    steps.append(False)',
      'print("\\x00" + json.dumps(steps))',
    ].join('\n'),
    { stdin: JSON.stringify(lines) },
  );
  assert.equal(result.status, 0, result.stderr);
  const cut = result.stdout.lastIndexOf('\x00');
  return { more: JSON.parse(result.stdout.slice(cut + 1)) as boolean[], stdout: result.stdout.slice(0, cut), stderr: result.stderr };
}

const TRANSCRIPTS: Record<string, string[]> = {
  'expressions echo, None does not, _ is set': ['1 + 1', 'None', 'x = [1, "two", 3.0]', 'x', '_', 'print("hi")', '"a" * 3'],
  'compound statements end with a blank line': ['def f(n):', '    if n:', '        return n * 2', '    return -1', '', 'f(21)', 'for i in range(3):', '    print(i)', ''],
  'brackets and backslashes continue': ['(1 +', ' 2)', 'x = 1 + \\', '  41', 'x', '{"a":', '  1,', '}'],
  'errors print like the REPL': ['1/0', 'def g():', '    return undefined_name', '', 'g()', 'int("x")', '[].pop()'],
  'syntax errors print like the REPL': ['1 +', 'x = = 2', 'if True:', 'print(1)', 'for x in y:', '    1 +', '', '"unterminated'],
  'blank and comment-only inputs count': ['', '# just a comment', '   ', '1/0'],
  'future imports are remembered': ['from __future__ import annotations', 'def h(a: undefined) -> nope: pass', '', 'h.__annotations__'],
};

describe('push() behaves like the python3.14 console', () => {
  for (const [name, lines] of Object.entries(TRANSCRIPTS)) {
    it(name, async () => {
      const expected = await cpythonTranscript(lines);
      const got = await ourConsole(`t-${name}`, lines);
      assert.deepEqual(got.map((s) => s.more), expected.more);
      assert.equal(got.map((s) => s.stdout).join(''), expected.stdout);
      assert.equal(got.map((s) => s.stderr).join(''), expected.stderr);
    });
  }

  it('a paste runs its statements in order and echoes only the last', async () => {
    const got = await ourConsole('paste', ['1\n2\nx = 3\nx * 2', 'for i in range(2):\n    print(i)\n', 'def f():\n    return 1', 'f()', '[1,\n2']);
    assert.deepEqual(got.map((s) => s.more), [false, false, false, false, true]);
    assert.deepEqual(got.map((s) => s.stdout), ['6\n', '0\n1\n', '', '1\n', '']);
    // A failing statement stops the paste, like the console.
    const failing = await ourConsole('paste-fail', ['a = 1\n1/0\na = 2', 'a']);
    assert.match(failing[0]!.stderr, /File "<python-input-0>", line 2, in <module>\n    1\/0\n/);
    assert.equal(failing[1]!.stdout, '1\n');
  });

  it('top-level await, and tasks that keep running between inputs', async () => {
    const got = await ourConsole('await', [
      'import asyncio',
      'await asyncio.sleep(0, "slept")',
      'ticks = 0',
      'async def ticker():',
      '    global ticks',
      '    while True:',
      '        ticks += 1',
      '        await asyncio.sleep(0.005)',
      '',
      'task = asyncio.create_task(ticker())',
      'before = ticks',
      'await asyncio.sleep(0.1)',
      'ticks > before + 3',
      'task.cancel()',
      'async def boom():\n    raise ValueError("async")\n',
      'await boom()',
    ]);
    assert.equal(got[1]!.stdout, `${await pyEval<string>('repr("slept")')}\n`);
    assert.equal(got[12]!.stdout, 'True\n');
    assert.equal(got[13]!.stdout, 'True\n');
    assert.equal(
      got[15]!.stderr,
      'Traceback (most recent call last):\n  File "<python-input-10>", line 1, in <module>\n    await boom()\n' +
        '  File "<python-input-9>", line 2, in boom\n    raise ValueError("async")\nValueError: async\n',
    );
    assert.equal(got[15]!.outcome.error?.type, 'ValueError');
  });

  it('sessions are separate namespaces; reset starts afresh with input 0', async () => {
    const { helpers } = await runtime();
    await ourConsole('one', ['shared = 1']);
    const other = await ourConsole('two', ['shared']);
    assert.match(other[0]!.stderr, /NameError: name 'shared' is not defined/);
    helpers.reset('one');
    const again = await ourConsole('one', ['shared']);
    assert.match(again[0]!.stderr, /File "<python-input-0>"/);
  });

  it('input() reads the request stdin; running out is an EOFError', async () => {
    const { helpers } = await runtime();
    const r = await capture(() => helpers.push('stdin', 'input("? "), input()', stdinOf('yes\n')));
    assert.equal(r.stdout, '? ');
    assert.match(r.stderr, /EOFError: EOF when reading a line\n$/);
  });
});

describe('complete()', () => {
  it('gives rlcompleter\'s completions, sorted', async () => {
    const { helpers } = await runtime();
    await ourConsole('comp', ['import collections', 'value = 42', 'class K:\n    attr = 1\n    def meth(self): pass\n']);
    for (const text of ['pri', 'val', 'coll', 'collections.Ord', 'K.', 'K.me', 'value.real', 'wh', 'tr', 'import', '_']) {
      const expected = await pyEval<string[]>(
        [
          'import rlcompleter, collections, types, builtins',
          'class K:\n    attr = 1\n    def meth(self): pass',
          // The console's namespace is a module's: __loader__, __spec__... are in it.
          'ns = types.ModuleType("__main__").__dict__',
          'ns.update(__builtins__=builtins, collections=collections, value=42, K=K)',
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

describe('disassemble()', () => {
  const normalize = (text: string) => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');
  const CODES = [
    'x = 1\nprint(x + 2)\n',
    'def f(a, b=2, *args, c, **kw):\n    def g():\n        return a\n    return g\n\nclass C:\n    def m(self):\n        return [i for i in range(3)]\n',
    'async def main():\n    try:\n        await x\n    except ValueError as e:\n        pass\n    finally:\n        print("done")\n',
    'for i in range(10):\n    if i % 2:\n        continue\n    print("é", i)\n',
  ];

  for (const [i, code] of CODES.entries()) {
    it(`text is exactly dis.dis output (${i})`, async () => {
      const { helpers } = await runtime();
      const result = JSON.parse(helpers.disassemble(code, '{}')) as { text: string; code: { children: unknown[] } };
      assert.equal(normalize(result.text), normalize(await disText(code)));
    });
  }

  it('leaves the text out when asked (withText: false), and the tree alone still renders it', async () => {
    const { helpers } = await runtime();
    const { formatDis } = await import('../../../src/engine/dis/format-dis.js');
    const code = CODES[1]!;
    const result = JSON.parse(helpers.disassemble(code, JSON.stringify({ withText: false }))) as Record<string, unknown>;
    assert.equal(result['text'], undefined);
    assert.equal(
      normalize(formatDis(result['code'] as Parameters<typeof formatDis>[0])),
      normalize(await disText(code)),
    );
  });

  it('passes the options to dis.dis and describes every code object', async () => {
    const { helpers } = await runtime();
    const code = CODES[1]!;
    const options = { showCaches: true, showOffsets: true, showPositions: true, depth: 1 };
    const expected = await runPython(
      'import dis, sys\ndis.dis(compile(sys.stdin.read(), "<py-dis>", "exec"), show_caches=True, show_offsets=True, show_positions=True, depth=1)',
      { stdin: code },
    );
    const result = JSON.parse(helpers.disassemble(code, JSON.stringify(options))) as {
      text: string;
      code: {
        name: string;
        flag_names: string[];
        consts: Array<{ repr: string; child?: number }>;
        instructions: Array<Record<string, unknown>>;
        children: Array<{ qualname: string; argcount: number; kwonlyargcount: number; flag_names: string[]; children: Array<{ qualname: string }> }>;
      };
    };
    assert.equal(normalize(result.text), normalize(expected.stdout));
    assert.equal(result.code.name, '<module>');
    assert.deepEqual(result.code.children.map((c) => c.qualname), ['f', 'C']);
    const f = result.code.children[0]!;
    assert.equal(f.argcount, 2);
    assert.equal(f.kwonlyargcount, 1);
    assert.deepEqual(f.flag_names, ['OPTIMIZED', 'NEWLOCALS', 'VARARGS', 'VARKEYWORDS']);
    // depth=1: code objects two levels down are not described, as dis.dis doesn't show them.
    assert.deepEqual(f.children, []);
    const first = result.code.instructions[0]!;
    for (const field of ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'start_offset', 'starts_line', 'line_number', 'label', 'positions', 'cache_info', 'baseopname', 'jump_target']) {
      assert.ok(field in first, field);
    }
    const fields = await pyEval<string[]>(
      'import dis\n[i.opname for i in dis.get_instructions(compile(src, "<py-dis>", "exec"), show_caches=True)]',
      { src: code },
    );
    assert.deepEqual(result.code.instructions.map((i) => i.opname), fields);
  });

  it('returns the SyntaxError instead of throwing', async () => {
    const { helpers } = await runtime();
    const result = JSON.parse(helpers.disassemble('def f(:\n', '{}')) as { error: Outcome['error'] };
    const expected = await runPython('import sys\ncompile(sys.stdin.read(), "<py-dis>", "exec")', { stdin: 'def f(:\n' });
    assert.equal(result.error?.type, 'SyntaxError');
    assert.equal(result.error?.line, 1);
    assert.equal(result.error?.traceback, expected.stderr.slice(expected.stderr.indexOf('  File "<py-dis>"')));
  });
});
