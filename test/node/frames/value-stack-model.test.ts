// What <py-frames> shows of the value stack (src/elements/frames/value-stack.ts), on real
// instruction-mode recordings by the Pyodide recorder: the slots, what is marked popped and
// pushed, the notes. Expected values come from CPython: reprs computed by it, net stack effects
// from dis.stack_effect.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Trace } from '../../../src/engine/trace/format.js';
import { valueStackAt } from '../../../src/elements/frames/value-stack.js';
import { runtime } from '../engine/runtime.js';

const SEED = 'def f(a, b):\n    c = a * 2 + b\n    return [c, a, b]\n\nresult = f(3, 4)\n';

async function record(source: string): Promise<Trace> {
  const { recorder } = await runtime();
  return JSON.parse(recorder.trace(source, JSON.stringify({ granularity: 'instruction' }), () => undefined)) as Trace;
}

async function python(expression: string): Promise<string> {
  const { py } = await runtime();
  return String(py.runPython(expression));
}

const indexOf = (trace: Trace, opname: string, from = 0) =>
  trace.steps.findIndex((_, index) => {
    if (index < from) return false;
    const model = valueStackAt(trace, index);
    return model.kind === 'stack' && model.opname === opname;
  });

describe('value stack model', () => {
  it('BINARY_OP pops two and pushes one: a * 2 then + b, as CPython computes them', async () => {
    const trace = await record(SEED);
    const multiply = indexOf(trace, 'BINARY_OP');
    const before = valueStackAt(trace, multiply);
    assert.equal(before.kind, 'stack');
    if (before.kind !== 'stack') return;
    assert.equal(before.pops, 2);
    assert.deepEqual(before.slots.map((slot) => [slot.value?.repr, slot.popped]), [
      [await python('repr(2)'), true],
      [await python('repr(3)'), true],
    ]);
    // The frame's next instruction: the product on top, marked pushed (one slot).
    const after = valueStackAt(trace, multiply + 1);
    assert.equal(after.kind, 'stack');
    if (after.kind !== 'stack') return;
    assert.deepEqual(after.previous, { opname: 'BINARY_OP', pushes: 1 });
    assert.equal(after.slots[0]!.value?.repr, await python('repr(3 * 2)'));
    assert.ok(after.slots[0]!.pushed);
    // Stepping back gives the same view as stepping forward did.
    assert.deepEqual(valueStackAt(trace, multiply), before);
  });

  it('pushes minus pops is the net stack effect dis.stack_effect gives, at every non-jumping instruction', async () => {
    const trace = await record(SEED + 'squares = [n * n for n in range(3)]\nprint(*squares, sep="-")\n');
    const { py } = await runtime();
    const effect = py.runPython('import dis\nlambda name, arg: dis.stack_effect(dis.opmap[name], arg if dis.opmap[name] >= dis.HAVE_ARGUMENT else None, jump=False)') as (name: string, arg: number | null) => number;
    let checked = 0;
    trace.steps.forEach((step, index) => {
      const model = valueStackAt(trace, index);
      if (model.kind !== 'stack' || model.pops === null) return;
      const next = trace.steps.findIndex((other, at) => at > index && other.event === 'opcode' && other.stack.length === step.stack.length);
      const after = valueStackAt(trace, next);
      if (after.kind !== 'stack' || !after.previous || after.offset !== model.offset + 2 * (1 + cacheEntries(trace, step, model.offset))) return;
      const code = trace.codes[trace.frames[step.stack.at(-1)![0]]!.code]!.dis as { instructions: Array<{ offset: number; arg: number | null }> };
      const arg = code.instructions.find((instruction) => instruction.offset === model.offset)!.arg;
      assert.equal(after.previous.pushes - model.pops, effect(model.opname, arg), `${model.opname} at ${model.offset}`);
      checked++;
    });
    assert.ok(checked > 20, `${checked} checked`);
  });

  it('a NULL slot is shown and explained', async () => {
    const trace = await record(SEED);
    const call = indexOf(trace, 'CALL');
    const model = valueStackAt(trace, call);
    assert.equal(model.kind, 'stack');
    if (model.kind !== 'stack') return;
    assert.deepEqual(model.slots.map((slot) => slot.kind), ['object', 'object', 'null', 'object']);
    assert.ok(model.notes.some((note) => note.startsWith('NULL is an empty slot')));
    assert.equal(model.pops, 4);
  });

  it('says what has no event: RESUME, fused instructions; callers wait in CALL', async () => {
    const trace = await record(SEED);
    const first = trace.steps.findIndex((step) => step.event === 'opcode' && step.stack.length === 2);
    const model = valueStackAt(trace, first);
    assert.equal(model.kind, 'stack');
    if (model.kind !== 'stack') return;
    assert.ok(model.notes.some((note) => note.includes('no opcode event for RESUME')));
    assert.deepEqual(model.callers.map((caller) => [caller.qualname, caller.opname]), [['<module>', 'CALL']]);
    const fused = valueStackAt(trace, indexOf(trace, 'LOAD_FAST_BORROW_LOAD_FAST_BORROW'));
    assert.ok(fused.kind === 'stack' && fused.notes.some((note) => note.startsWith('LOAD_FAST_BORROW_LOAD_FAST_BORROW does the work of two instructions')));
  });

  it('a version 1 recording, and steps without a stack, say so', async () => {
    const trace = await record(SEED);
    const v1 = { ...trace, version: 1 as const, steps: trace.steps.map(({ valueStack: _, ...step }) => step) };
    const model = valueStackAt(v1, indexOf(trace, 'BINARY_OP'));
    assert.equal(model.kind, 'message');
    assert.match(model.kind === 'message' ? model.message : '', /version 1 of the trace format/);
    const line = trace.steps.findIndex((step) => step.event === 'line');
    const lineModel = valueStackAt(trace, line);
    assert.ok(lineModel.kind === 'message' && /line event/.test(lineModel.message));
  });
});

/** CACHE entries after the instruction at `offset` (dis hides them; the next offset skips them). */
function cacheEntries(trace: Trace, step: Trace['steps'][number], offset: number): number {
  const code = trace.codes[trace.frames[step.stack.at(-1)![0]]!.code]!.dis as { instructions: Array<{ offset: number }> };
  const offsets = code.instructions.map((instruction) => instruction.offset);
  const next = offsets.find((other) => other > offset);
  return next === undefined ? 0 : (next - offset) / 2 - 1;
}

describe('value stack text', () => {
  it('the text (what Copy copies) lists the slots top first with their marks', async () => {
    const { stepText } = await import('../../../src/elements/frames/describe.js');
    const trace = await record(SEED);
    const index = indexOf(trace, 'BINARY_OP');
    const text = stepText(trace, index);
    const stack = trace.steps[index]!.valueStack as number[];
    const [top, below] = [...stack].reverse().map((slot) => trace.values[slot]!);
    assert.ok(
      text.includes(`Value stack of f before BINARY_OP (top first):\n    ${top!.repr}  (${top!.type})  [popped next, just pushed]\n    ${below!.repr}  (${below!.type})  [popped next]\n`),
      text,
    );
  });
});
