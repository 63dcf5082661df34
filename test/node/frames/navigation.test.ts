// The stepping controls of <py-frames>, on a small hand-built trace: what is tested here is our
// navigation over a list of steps (no CPython output is involved; the recorder's own tests
// compare recordings with CPython).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Trace, TraceEvent, TraceStep } from '../../../src/engine/trace/format.js';
import { continueTo, scopeChanges, sharedObjects, stepInto, stepOut, stepOver } from '../../../src/elements/frames/navigation.js';

/** Steps as (event, frames on the stack, line, scope of the innermost frame). */
function traceOf(steps: Array<[TraceEvent, number[], number, number?]>, extra: Partial<TraceStep>[] = []): Trace {
  return {
    format: 'pyinnards-trace',
    version: 1,
    engine: 'pyodide',
    python: 'test',
    granularity: 'line',
    events: ['call', 'line', 'return', 'exception'],
    limitations: [],
    filename: '<test>',
    source: '',
    codes: [
      { name: '<module>', qualname: '<module>', firstLine: 1, kind: 'module' },
      { name: 'bar', qualname: 'bar', firstLine: 5, kind: 'function' },
      { name: 'foo', qualname: 'foo', firstLine: 1, kind: 'function' },
    ],
    frames: [
      { code: 0, back: null },
      { code: 1, back: 0 },
      { code: 2, back: 1 },
    ],
    values: [
      { repr: '1', type: 'int', object: 1 },
      { repr: '[1]', type: 'list', object: 2 },
      { repr: '2', type: 'int', object: 3 },
      { repr: '1', type: 'int', object: 1 },
    ],
    scopes: [[], [['a', 0]], [['a', 2]], [['a', 0], ['b', 1]], [['x', 1], ['y', 1], ['i', 3], ['j', 3]]],
    stdout: '',
    stderr: '',
    steps: steps.map(([event, frames, line, scope], index) => ({
      event,
      stack: frames.map((frame) => [frame, line, 0, frame === frames.at(-1) ? (scope ?? 0) : 0] as [number, number, number, number]),
      stdout: 0,
      stderr: 0,
      ...extra[index],
    })),
    end: { status: 'ok' },
  };
}

// <module> line 9 calls bar, which calls foo; foo returns; bar goes on and returns.
const nested = traceOf([
  ['line', [0], 9], // 0
  ['call', [0, 1], 5], // 1
  ['line', [0, 1], 6], // 2  res = foo(k)
  ['call', [0, 1, 2], 1], // 3
  ['line', [0, 1, 2], 2], // 4
  ['line', [0, 1, 2], 3], // 5
  ['return', [0, 1, 2], 3], // 6
  ['line', [0, 1], 7], // 7
  ['return', [0, 1], 7], // 8
  ['return', [0], 9], // 9
]);

test('step into goes to the next line, inside the called function', () => {
  assert.equal(stepInto(nested, 2), 4);
  assert.equal(stepInto(nested, 5), 7);
  assert.equal(stepInto(nested, 9), 9, 'the last step stays put');
});

test('step over runs calls through and stops in this frame or an outer one', () => {
  assert.equal(stepOver(nested, 2), 7, 'from `res = foo(k)` to the next line of bar');
  assert.equal(stepOver(nested, 5), 6, "foo's own return stops: it shows the value");
  assert.equal(stepOver(nested, 6), 7, 'after a return, back in the caller');
  assert.equal(stepOver(nested, 0), 9);
});

test('step out stops at the first event after the frame has returned', () => {
  assert.equal(stepOut(nested, 4), 7);
  assert.equal(stepOut(nested, 7), 9);
  assert.equal(stepOut(nested, 9), 9);
});

test('continue stops at breakpoint() steps and at gutter breakpoints, else at the end', () => {
  const withBreakpoint = traceOf(
    nested.steps.map((step) => [step.event, step.stack.map(([frame]) => frame), step.stack.at(-1)![1]!] as [TraceEvent, number[], number]),
    [{}, {}, {}, {}, {}, { breakpoint: true }],
  );
  assert.equal(continueTo(withBreakpoint, 0, new Set()), 5);
  assert.equal(continueTo(withBreakpoint, 5, new Set()), 9);
  assert.equal(continueTo(nested, 0, new Set([7])), 7, 'a line event on a breakpoint line');
  assert.equal(continueTo(nested, 7, new Set([7])), 9, 'the return event on that line is not a stop');
});

test('changed and new variables are found against the previous step of the same frame', () => {
  const trace = traceOf([
    ['line', [0], 1, 0],
    ['line', [0], 2, 1],
    ['line', [0], 3, 2],
    ['line', [0], 4, 3],
  ]);
  assert.deepEqual(scopeChanges(trace, 0, 0), { added: new Set(), changed: new Set() }, 'a first step has nothing to compare');
  assert.deepEqual(scopeChanges(trace, 1, 0), { added: new Set(['a']), changed: new Set() });
  assert.deepEqual(scopeChanges(trace, 2, 0), { added: new Set(), changed: new Set(['a']) });
  const back = scopeChanges(trace, 3, 0);
  assert.deepEqual([[...back.added], [...back.changed]], [['b'], ['a']]);
});

test('objects referred to twice are shared, but not immutable atoms', () => {
  const trace = traceOf([['line', [0], 1, 4]]);
  assert.deepEqual([...sharedObjects(trace, 0)], [2], 'x and y are one list; i and j are one int, not tagged');
});
