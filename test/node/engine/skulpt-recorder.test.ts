// The Skulpt backend's recorder (src/engine/runtime/skulpt/recorder.ts) in Node: its line steps
// and stacks against the line events CPython 3.14 reports for the same programs (the plain
// sys.settrace recorder, test/oracle/settrace_reference.py), once what the recording says it
// can't show (its `limitations`) is taken out of CPython's: class-body lines, and a loop
// header's line on each further iteration.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkerBackend, WorkerIO } from '../../../src/engine/runtime/protocol.js';
import type { Trace } from '../../../src/engine/trace/format.js';
import { referenceTrace, type ReferenceTrace } from '../../oracle/settrace.js';
import { registerTextImports } from './text-imports.js';

function io(stdin: string[] = []): WorkerIO & { out: string } {
  const state = {
    out: '',
    stdout: (text: string) => void (state.out += text),
    stderr: () => {},
    input: async () => stdin.shift() ?? null,
    stdinLine: () => stdin.shift() ?? null,
  };
  return state;
}

/** Each step as its stack: "qualname@line" from the outermost frame in. */
function skulptSteps(trace: Trace): string[] {
  return trace.steps.map((step) => step.stack.map(([frame, line]) => `${trace.codes[trace.frames[frame]!.code]!.qualname}@${line}`).join(' > '));
}

/** CPython's line events as the same strings, without what Skulpt says it doesn't show. */
function cpythonLineSteps(reference: ReferenceTrace, source: string): string[] {
  const lines = source.split('\n');
  const isLoopHeader = (line: number | null) => line !== null && /^\s*(for|while)\b/.test(lines[line - 1] ?? '');
  const classBodies = new Set(reference.events.filter((e) => e.event === 'call' && /^\s*class\b/.test(lines[(e.stack.at(-1)![1] ?? 1) - 1] ?? '')).map((e) => e.stack.at(-1)![0]));
  const lastLine = new Map<string, number>();
  const steps: string[] = [];
  for (const event of reference.events) {
    if (event.event !== 'line') continue;
    const [qualname, line] = event.stack.at(-1)!;
    const frameKey = event.stack.map(([name]) => name).join('>');
    const previous = lastLine.get(frameKey);
    lastLine.set(frameKey, line ?? 0);
    if (classBodies.has(qualname)) continue;
    if (isLoopHeader(line) && previous !== undefined && line !== null && line <= previous) continue;
    steps.push(event.stack.filter(([name]) => !classBodies.has(name)).map(([name, at]) => `${name}@${at}`).join(' > '));
  }
  return steps;
}

const PROGRAMS = {
  'calls (the seed foo/bar frames)': 'def foo(a):\n    b = a * 2\n    return bar(b)\n\ndef bar(c):\n    d = c + 1\n    return d\n\nx = foo(3)\nprint(x)\n',
  recursion: 'def factorial(n):\n    if n <= 1:\n        return 1\n    return n * factorial(n - 1)\n\nprint(factorial(4))\n',
  'a class definition': 'class Dog:\n    kind = "canine"\n\n    def __init__(self, name):\n        self.name = name\n\n    def speak(self):\n        return self.name + " says woof"\n\nrex = Dog("Rex")\nprint(rex.speak())\n',
  'a closure': 'def make_adder(n):\n    def add(x):\n        return x + n\n    return add\n\nadd2 = make_adder(2)\nprint(add2(5))\n',
  loops: 'total = 0\nfor i in range(3):\n    total += i\nn = 2\nwhile n > 0:\n    n -= 1\nprint(total, n)\n',
};

describe('Skulpt recorder', () => {
  let backend: WorkerBackend;

  before(async () => {
    registerTextImports();
    const { createSkulptBackend } = await import('../../../src/engine/runtime/skulpt/backend.js');
    backend = createSkulptBackend();
    await backend.load({ pyodideUrl: '' }, () => {});
  });

  for (const [name, code] of Object.entries(PROGRAMS)) {
    it(`${name}: the same line steps and stacks as CPython's line events`, async () => {
      const out = io();
      const trace = await backend.trace(code, {}, out);
      const reference = await referenceTrace(code);
      assert.deepEqual(skulptSteps(trace), cpythonLineSteps(reference, code));
      assert.equal(trace.stdout, reference.stdout);
      assert.equal(out.out, reference.stdout);
      assert.deepEqual(trace.end, { status: 'ok' });
    });
  }

  it('shows a function\'s locals as CPython does, for plain values', async () => {
    const code = PROGRAMS['calls (the seed foo/bar frames)'];
    const trace = await backend.trace(code, {}, io());
    const reference = await referenceTrace(code);
    const lineEvents = reference.events.filter((event) => event.event === 'line');
    assert.equal(trace.steps.length, lineEvents.length);
    trace.steps.forEach((step, index) => {
      const [, , , scope] = step.stack.at(-1)!;
      const ours = Object.fromEntries(trace.scopes[scope]!.map(([name, value]) => [name, trace.values[value]!.repr]));
      const theirs = Object.fromEntries(lineEvents[index]!.stack.at(-1)![3].filter(([, repr]) => !repr.includes(' at 0x')).map(([name, repr]) => [name, repr]));
      for (const [name, repr] of Object.entries(theirs)) assert.equal(ours[name], repr, `${name} at step ${index}`);
    });
  });

  it('says what it is and what it cannot show', async () => {
    const trace = await backend.trace('x = 1\n', {}, io());
    assert.equal(trace.engine, 'skulpt');
    assert.deepEqual(trace.events, ['line']);
    assert.ok(trace.limitations.some((text) => text.includes('no call, return or exception events')));
    assert.ok(trace.limitations.some((text) => text.includes('Class bodies')));
    assert.ok(trace.steps.every((step) => step.stack.every(([, , lasti]) => lasti === -1)));
  });

  it('stops at the step limit, keeps the steps; marks breakpoint(); reads input()', async () => {
    const limited = await backend.trace('while True:\n    pass\n', { maxSteps: 300 }, io());
    assert.equal(limited.steps.length, 300);
    assert.deepEqual(limited.end, { status: 'step-limit', maxSteps: 300 });
    const timed = await backend.trace('while True:\n    pass\n', { maxSteps: 1e9, timeLimitMs: 30 }, io());
    assert.equal(timed.end.status, 'time-limit');
    const stops = await backend.trace('x = 1\nbreakpoint()\ny = 2\n', {}, io());
    assert.deepEqual(stops.steps.map((step) => step.breakpoint ?? false), [false, true, false]);
    const asked = await backend.trace('name = input("? ")\nprint(name)\n', {}, io(['Ada']));
    assert.equal(asked.stdout, 'Ada\n');
    assert.equal(asked.values.find((value) => value.repr === "'Ada'")?.type, 'str');
  });

  it('ends with the error and its traceback, or a SyntaxError and no steps', async () => {
    const failed = await backend.trace('def f():\n    return 1 / 0\nf()\n', {}, io());
    assert.equal(failed.end.status, 'error');
    assert.equal(failed.end.status === 'error' && failed.end.error.type, 'ZeroDivisionError');
    assert.match(failed.stderr, /ZeroDivisionError: division by zero\n$/);
    const bad = await backend.trace('x = (\n', {}, io());
    assert.equal(bad.end.status, 'syntax-error');
    assert.equal(bad.steps.length, 0);
    await assert.rejects(backend.trace('x = 1\n', { granularity: 'instruction' }, io()), /no bytecode/);
  });
});
