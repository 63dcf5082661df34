// The Pyodide backend's recorder (src/engine/runtime/pyodide/python/pyinnards_recorder.py)
// against CPython 3.14 itself: for each program, the events, every frame on the stack at every
// step (function, line, f_lasti, locals as repr/type/identity), return values, exceptions,
// breakpoint() stops and stdout equal what a plain sys.settrace recorder sees
// (test/oracle/settrace_reference.py, written apart). asyncio code is recorded as the browser's
// worker runs it (stack switching, Pyodide's WebLoop) and compared with CPython's own event loop.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { referenceTrace, type ReferenceOptions, type ReferenceTrace } from '../../oracle/settrace.js';
import { runPython } from '../../oracle/cpython.js';
import type { Trace, TraceOptions } from '../../../src/engine/trace/format.js';
import { capture, pyEval, runtime, stdinOf } from './runtime.js';

async function record(code: string, options: TraceOptions = {}, stdin = ''): Promise<Trace & { printed: string }> {
  const { recorder } = await runtime();
  const result = await capture(() => recorder.trace(code, JSON.stringify(options), stdinOf(stdin)));
  return { ...(JSON.parse(result.value) as Trace), printed: result.stdout };
}

/** Addresses differ from run to run; nothing else in a repr may. */
const unaddressed = (text: string) => text.replace(/0x[0-9a-f]+/g, '0x…');

/** Identity as a pattern: objects numbered in order of first sight within the step. */
function renumber<T>(ids: T[]): number[] {
  const seen = new Map<T, number>();
  return ids.map((id) => {
    if (!seen.has(id)) seen.set(id, seen.size);
    return seen.get(id)!;
  });
}

interface Comparable {
  event: string;
  stack: Array<[string, number | null, number, Array<[string, string, string]>]>;
  identity: number[];
  stdout: number;
  value?: string;
  exception?: [string, string];
}

function ourSteps(trace: Trace): Comparable[] {
  return trace.steps.map((step) => {
    const objects: number[] = [];
    const stack = step.stack.map(([frame, line, lasti, scope]) => {
      const code = trace.codes[trace.frames[frame]!.code]!;
      const locals = trace.scopes[scope]!.map(([name, index]): [string, string, string] => {
        const value = trace.values[index]!;
        objects.push(value.object);
        return [name, unaddressed(value.repr), value.type];
      });
      return [code.qualname, line, lasti, locals] as Comparable['stack'][number];
    });
    return {
      event: step.event,
      stack,
      identity: renumber(objects),
      stdout: step.stdout,
      ...(step.value !== undefined ? { value: unaddressed(trace.values[step.value]!.repr) } : {}),
      ...(step.exception ? { exception: [step.exception.type, step.exception.message] as [string, string] } : {}),
    };
  });
}

function referenceSteps(reference: ReferenceTrace): Comparable[] {
  // The reference counts code points; the format counts UTF-16 units (JavaScript indices).
  const units = (n: number) => [...reference.stdout].slice(0, n).join('').length;
  return reference.events.map((event) => {
    const ids: number[] = [];
    const stack = event.stack.map(([qualname, line, lasti, locals]) => {
      const shown = locals.map(([name, repr, type, id]): [string, string, string] => {
        ids.push(id);
        return [name, unaddressed(repr), type];
      });
      return [qualname, line, lasti, shown] as Comparable['stack'][number];
    });
    return {
      event: event.event,
      stack,
      identity: renumber(ids),
      stdout: units(event.stdout),
      ...(event.value !== undefined ? { value: unaddressed(event.value) } : {}),
      ...(event.exception ? { exception: event.exception } : {}),
    };
  });
}

function breakpoints(trace: Trace): number[] {
  return trace.steps.flatMap((step, index) => (step.breakpoint ? [index] : []));
}

/** Our recording and CPython's agree on everything both record. */
function assertSame(trace: Trace, reference: ReferenceTrace): void {
  assert.deepEqual(ourSteps(trace), referenceSteps(reference));
  assert.equal(trace.stdout, reference.stdout);
  assert.deepEqual(breakpoints(trace), reference.breakpoints);
  assert.equal(trace.end.status, reference.error === null ? 'ok' : 'error');
  if (trace.end.status === 'error') assert.equal(trace.end.error.type, reference.error);
}

async function compare(code: string, options: TraceOptions & ReferenceOptions = {}): Promise<Trace & { printed: string }> {
  const { stdin, opcodes, ...recording } = options;
  const trace = await record(code, { ...recording, ...(opcodes ? { granularity: 'instruction' } : {}) }, stdin ?? '');
  assertSame(trace, await referenceTrace(code, { stdin: stdin ?? '', opcodes: opcodes ?? false }));
  return trace;
}

const dedent = (text: string) => text.replace(/^\n/, '');

const PROGRAMS = {
  recursion: dedent(`
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

print(factorial(4))
`),
  closures: dedent(`
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

counter = make_counter()
counter()
print(counter())
`),
  'a class definition': dedent(`
class Dog:
    kind = "canine"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says woof"

rex = Dog("Rex")
print(rex.speak())
`),
  generators: dedent(`
def countdown(n):
    while n > 0:
        yield n
        n -= 1

for x in countdown(3):
    print(x)
g = countdown(2)
print(next(g), next(g))
`),
  'exceptions caught': dedent(`
class InsufficientFunds(Exception):
    pass

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f"need {amount - balance} more")
    return balance - amount

try:
    withdraw(10, 25)
except InsufficientFunds as error:
    print("caught:", error)
finally:
    print("done")
`),
  'an uncaught exception': dedent(`
def foo():
    bar()

def bar():
    items = [1, 2]
    return items[5]

foo()
`),
  'breakpoint()': dedent(`
def total(values):
    result = 0
    for v in values:
        result += v
        breakpoint()
    return result

print(total([3, 4]))
`),
  'breakpoint() disabled by a hook': dedent(`
import sys
sys.breakpointhook = lambda *args: None
x = 1
breakpoint()
print(x)
`),
  'breakpoint() disabled by PYTHONBREAKPOINT=0': dedent(`
import os
breakpoint()
os.environ["PYTHONBREAKPOINT"] = "0"
breakpoint()
`),
  comprehensions: dedent(`
nums = [1, 2, 3]
squares = [n * n for n in nums]
evens = {n for n in nums if n % 2 == 0}
total = sum(n for n in nums if n > 1)
print(squares, evens, total)
`),
  'aliasing and identity': dedent(`
a = [1, 2]
b = a
c = [1, 2]
b.append(3)
def show(x, y):
    return x is y
print(show(a, b), show(a, c))
`),
  'input()': dedent(`
name = input("Name? ")
print("Hello,", name)
`),
};

const kinds = (trace: Trace) => trace.codes.map((code) => `${code.qualname}:${code.kind}`);

describe('recorder: the same steps as a plain sys.settrace recorder in CPython 3.14', () => {
  for (const [name, code] of Object.entries(PROGRAMS)) {
    it(name, async () => {
      const trace = await compare(code, name === 'input()' ? { stdin: 'Ada\n' } : {});
      assert.ok(trace.steps.length >= 4, 'the program ran');
    });
  }

  it('shows the frames CPython makes: a class body, a genexpr; no frame for inlined comprehensions', async () => {
    assert.deepEqual(kinds(await record(PROGRAMS['a class definition'])), [
      '<module>:module',
      'Dog:class',
      'Dog.__init__:function',
      'Dog.speak:function',
    ]);
    assert.deepEqual(kinds(await record(PROGRAMS.comprehensions)), ['<module>:module', '<genexpr>:genexpr']);
  });

  it('keeps one frame for a generator across its resumptions, another for another generator', async () => {
    const trace = await record(PROGRAMS.generators);
    const framesOf = (qualname: string) =>
      new Set(
        trace.steps.flatMap((step) =>
          step.stack.filter(([frame]) => trace.codes[trace.frames[frame]!.code]!.qualname === qualname).map(([frame]) => frame),
        ),
      );
    // countdown(3) in the loop, countdown(2) as g: two frames, each resumed several times.
    assert.equal(framesOf('countdown').size, 2);
    const calls = trace.steps.filter((step) => step.event === 'call' && trace.codes[trace.frames[step.stack.at(-1)![0]]!.code]!.qualname === 'countdown');
    assert.equal(calls.length, 4 + 2);
    // f_back of each: the module frame.
    for (const frame of framesOf('countdown')) assert.equal(trace.frames[frame]!.back, 0);
  });

  it('marks a breakpoint() step and the program goes on, as with the default hook and PYTHONBREAKPOINT', async () => {
    const trace = await record(PROGRAMS['breakpoint()']);
    assert.equal(breakpoints(trace).length, 2);
    for (const index of breakpoints(trace)) assert.equal(trace.steps[index]!.stack.at(-1)![1], 5);
    assert.deepEqual(breakpoints(await record(PROGRAMS['breakpoint() disabled by a hook'])), []);
    assert.equal(breakpoints(await record(PROGRAMS['breakpoint() disabled by PYTHONBREAKPOINT=0'])).length, 1);
  });

  it('puts back what the program changed: trace function, hook, PYTHONBREAKPOINT, streams, asyncio', async () => {
    const before = await pyEval<string>('import sys, os, asyncio\nrepr((sys.gettrace(), sys.breakpointhook, os.environ.get("PYTHONBREAKPOINT"), sys.stdout, sys.stderr, sys.stdin, asyncio.Handle._run))');
    await record(PROGRAMS['breakpoint() disabled by a hook']);
    await record(PROGRAMS['breakpoint() disabled by PYTHONBREAKPOINT=0']);
    await record('while True:\n    pass\n', { maxSteps: 10 });
    const after = await pyEval<string>('import sys, os, asyncio\nrepr((sys.gettrace(), sys.breakpointhook, os.environ.get("PYTHONBREAKPOINT"), sys.stdout, sys.stderr, sys.stdin, asyncio.Handle._run))');
    assert.equal(after, before);
  });
});

describe('recorder: values', () => {
  it('cuts long reprs at maxReprLength and says how long they were', async () => {
    const trace = await record('s = "a" * 5000\nt = "b"\n', { maxReprLength: 100 });
    const long = trace.values.find((value) => value.repr.startsWith("'aaa"))!;
    assert.equal(long.repr, `'${'a'.repeat(99)}`);
    assert.equal(long.length, 5002);
    assert.equal(trace.values.find((value) => value.repr === "'b'")?.length, undefined);
  });

  it('shows a repr that raises as CPython\'s traceback shows such a local, and a repr that prints prints nothing', async () => {
    const code = dedent(`
class Broken:
    def __repr__(self):
        raise ValueError("no repr")

class Loud:
    def __repr__(self):
        print("repr called")
        return "Loud()"

b = Broken()
l = Loud()
print("end")
`);
    const trace = await compare(code);
    const broken = trace.values.find((value) => value.type === '__main__.Broken')!;
    assert.equal(broken.repr, '<local repr() failed>');
    assert.ok(trace.values.some((value) => value.repr === 'Loud()'));
    assert.equal(trace.stdout, 'end\n');
  });

  it('numbers objects so aliases share a number within a step', async () => {
    const trace = await record(PROGRAMS['aliasing and identity']);
    const last = trace.steps.at(-1)!;
    const scope = new Map(trace.scopes[last.stack[0]![3]]!.map(([name, index]) => [name, trace.values[index]!]));
    assert.equal(scope.get('a')!.object, scope.get('b')!.object);
    assert.notEqual(scope.get('a')!.object, scope.get('c')!.object);
    assert.equal(scope.get('a')!.repr, '[1, 2, 3]');
  });

  it('hides the module\'s dunder names, shows a class body\'s', async () => {
    const trace = await record(PROGRAMS['a class definition']);
    const names = (step: number) => trace.scopes[trace.steps[step]!.stack.at(-1)![3]]!.map(([name]) => name);
    assert.deepEqual(names(trace.steps.length - 1), ['Dog', 'rex']);
    const inClass = trace.steps.findIndex((step) => step.event === 'return' && trace.codes[trace.frames[step.stack.at(-1)![0]]!.code]!.kind === 'class');
    // (The same names as the reference recorder's, which all the programs above compare.)
    for (const name of ['__module__', '__qualname__', 'kind', '__init__', 'speak']) assert.ok(names(inClass).includes(name), name);
  });
});

describe('recorder: output and input', () => {
  it('gives stdout offsets as JavaScript string indices', async () => {
    const code = 'print("é😀", end="")\nprint("x")\nimport sys\nsys.stderr.write("err")\ny = 1\n';
    const trace = await compare(code);
    assert.equal(trace.stdout, 'é😀x\n');
    const line = (n: number) => trace.steps.find((step) => step.event === 'line' && step.stack.at(-1)![1] === n)!;
    assert.equal(trace.stdout.slice(0, line(2).stdout), 'é😀');
    assert.equal(trace.stderr.slice(0, line(5).stderr), 'err');
    assert.equal(trace.printed, trace.stdout, 'the output also went to the page as it ran');
  });

  it('reads input() from stdin, the prompt in stdout, and ends with EOFError when it runs out', async () => {
    const trace = await record('a = input("? ")\nb = input("? ")\n', {}, 'Ada\n');
    assert.equal(trace.stdout, '? ? ');
    assert.equal(trace.end.status, 'error');
    assert.equal(trace.end.status === 'error' && trace.end.error.type, 'EOFError');
  });
});

/**
 * What `python3.14 FILE` prints for an uncaught exception in the program read from stdin, FILE
 * being "<py-frames>" (its lines known to linecache, as a file's are): printed to stdout here.
 */
const AS_A_FILE = dedent(`
import linecache, sys, traceback
source = sys.stdin.read()
linecache.cache["<py-frames>"] = (len(source), None, source.splitlines(True), "<py-frames>")
try:
    exec(compile(source, "<py-frames>", "exec"), {"__name__": "__main__"})
except BaseException as error:
    traceback.print_exception(error.with_traceback(error.__traceback__.tb_next), file=sys.stdout, colorize=False)
`);

describe('recorder: how a recording ends', () => {
  it('stops an infinite loop at the step limit and keeps the steps', async () => {
    const trace = await record('while True:\n    pass\n', { maxSteps: 500 });
    assert.equal(trace.steps.length, 500);
    assert.deepEqual(trace.end, { status: 'step-limit', maxSteps: 500 });
    const tenThousand = await record('while True:\n    pass\n');
    assert.deepEqual(tenThousand.end, { status: 'step-limit', maxSteps: 10000 });
  });

  it('stops at the time limit and keeps the steps', async () => {
    const trace = await record('n = 0\nwhile True:\n    n += 1\n', { maxSteps: 1e9, timeLimitMs: 50 });
    assert.equal(trace.end.status, 'time-limit');
    assert.ok(trace.steps.length > 0);
  });

  it('ends with CPython\'s SyntaxError, its message and place, and no steps', async () => {
    const code = 'x = 1\ndef f(:\n    pass\n';
    const trace = await record(code);
    const expected = await runPython('import sys\ncompile(sys.stdin.read(), "<py-frames>", "exec")', { stdin: code });
    assert.equal(trace.steps.length, 0);
    assert.equal(trace.end.status, 'syntax-error');
    if (trace.end.status !== 'syntax-error') return;
    assert.equal(trace.end.error.traceback, expected.stderr.slice(expected.stderr.indexOf('  File "<py-frames>"')));
    assert.deepEqual([trace.end.error.type, trace.end.error.line, trace.end.error.column], ['SyntaxError', 2, 7]);
    assert.equal(trace.stderr, trace.end.error.traceback);
  });

  it('ends an uncaught exception with CPython\'s traceback, unwinding as CPython reports it', async () => {
    const code = PROGRAMS['an uncaught exception'];
    const trace = await record(code);
    const expected = (await runPython(AS_A_FILE, { stdin: code })).stdout;
    assert.equal(trace.end.status, 'error');
    if (trace.end.status !== 'error') return;
    assert.equal(trace.end.error.traceback, expected);
    assert.equal(trace.stderr, expected);
    assert.deepEqual(trace.steps.slice(-4).map((step) => `${step.event} ${step.stack.length}`), ['exception 2', 'return 2', 'exception 1', 'return 1']);
    const module = trace.steps.at(-2)!.exception!;
    assert.equal(module.type, 'IndexError');
    assert.equal(module.message, 'list index out of range');
    assert.equal(trace.values[module.value]!.repr, "IndexError('list index out of range')");
    assert.equal(module.traceback, expected);
  });
});

describe('recorder: never shows its own frames', () => {
  it('records only the user\'s code, even through input() and a failing stdin', async () => {
    const code = 'def ask():\n    return input("? ")\nask()\n';
    const trace = await record(code);
    assert.deepEqual(kinds(trace), ['<module>:module', 'ask:function']);
    const tracebacks = [trace.end.status === 'error' ? trace.end.error.traceback : '', ...trace.steps.map((step) => step.exception?.traceback ?? '')];
    for (const text of tracebacks) assert.doesNotMatch(text, /pyinnards|settrace/);
    assert.equal(trace.end.status === 'error' && trace.end.error.type, 'EOFError');
  });
});

describe('recorder: instruction mode', () => {
  it('records every instruction as CPython reports opcode events, with the code objects\' disassembly', async () => {
    const code = 'def add(a, b):\n    return a + b\n\nx = add(1, 2)\n';
    const trace = await compare(code, { opcodes: true });
    assert.equal(trace.granularity, 'instruction');
    assert.ok(trace.events.includes('opcode'));
    const opcodes = trace.steps.filter((step) => step.event === 'opcode');
    assert.ok(opcodes.length > 10);
    for (const step of opcodes) {
      const [frame, , lasti] = step.stack.at(-1)!;
      const dis = trace.codes[trace.frames[frame]!.code]!.dis as { instructions: Array<{ offset: number }>; children: unknown[] };
      assert.ok(dis.instructions.some((instruction) => instruction.offset === lasti), `an instruction at ${lasti}`);
      assert.deepEqual(dis.children, [], 'this code object alone');
    }
  });
});

// asyncio.run() during a recording runs on the recorder's own loop (pyinnards_loop.py: CPython's
// BaseEventLoop with a virtual clock), with or without WebAssembly stack switching.
const ASYNCIO_PROGRAMS = [
  dedent(`
import asyncio

async def work(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("end", name)
    return name

async def main():
    results = await asyncio.gather(work("a", 0.01), work("b", 0.02))
    print(results)

asyncio.run(main())
`),
  dedent(`
import asyncio

async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)

async def main():
    total = 0
    async for i in ticker(3):
        total += i
    print(total)

asyncio.run(main())
`),
];

describe('recorder: asyncio, on the recorder\'s own event loop', () => {
  it('records coroutines as CPython\'s own loop runs them, without stack switching (Safari)', async () => {
    assert.equal(typeof (WebAssembly as unknown as Record<string, unknown>).Suspending, 'undefined', 'this test process has no stack switching');
    for (const code of ASYNCIO_PROGRAMS) {
      assertSame(await record(code), await referenceTrace(code, { nativeEventLoop: true }));
    }
  });

  it('does not wait out asyncio.sleep: the loop\'s clock is virtual', async () => {
    const code = 'import asyncio, time\nasync def main():\n    loop = asyncio.get_running_loop()\n    start = loop.time()\n    await asyncio.sleep(3600)\n    print(round(loop.time() - start))\nasyncio.run(main())\n';
    const trace = await record(code);
    assert.equal(trace.end.status, 'ok');
    assert.equal(trace.stdout, '3600\n', 'an hour passed on the loop’s clock (a real one would time the test out)');
  });

  it('ends a program that waits for what can never come with a clear error', async () => {
    const trace = await record('import asyncio\nasync def main():\n    await asyncio.get_running_loop().create_future()\nasyncio.run(main())\n');
    assert.equal(trace.end.status, 'error');
    assert.match(JSON.stringify(trace.end), /NothingLeftToRun/);
  });

  it('records coroutines with stack switching too (Chrome, Firefox), as CPython\'s own event loop does', async () => {
    const programs = ASYNCIO_PROGRAMS;
    const script = fileURLToPath(new URL('./jspi-trace.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--experimental-wasm-stack-switching', '--import', 'tsx', script], {
      input: JSON.stringify(programs),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(child.status, 0, child.stderr);
    const traces = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Trace[];
    for (const [index, code] of programs.entries()) {
      const reference = await referenceTrace(code, { nativeEventLoop: true });
      assertSame(traces[index]!, reference);
    }
    // Every call, line and return of main and work as they suspend and resume.
    assert.equal(traces[0]!.steps.length, 31);
    assert.deepEqual(kinds(traces[0]!), ['<module>:module', 'main:coroutine', 'work:coroutine']);
  });
});
