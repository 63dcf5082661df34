// The Python helpers of the pyodide backend (src/engine/runtime/pyodide/python/), run in the
// oracle's Pyodide and compared with what CPython 3.14 itself does with the same input:
// scripts against running a real file, dis against dis.dis. (The console's helpers are tested
// in test/node/repl/.)
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
