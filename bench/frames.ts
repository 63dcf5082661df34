// <py-frames> recorder benchmark (the engine side), in Node with the same CPython 3.14 (Pyodide)
// the worker runs: for a few programs, steps recorded per second by the recorder
// (src/engine/runtime/pyodide/python/pyinnards_recorder.py, JSON included), against running the
// same program under a bare sys.settrace function that only counts the same events, measured in
// the same run. Also the size of the recording; and the cost of the value stack: an
// instruction-mode recording with value stacks (valueStack on every opcode step, read from
// CPython's memory) against the same recording with the value-stack reader switched off.
// Run: npx tsx bench/frames.ts
import { runtime } from '../test/node/engine/runtime.js';

const STEPS = 10_000;
const ROUNDS = 5;

const PROGRAMS: Array<[string, string, Record<string, unknown>]> = [
  ['module-level loop', 'total = 0\nfor i in range(10**9):\n    total += i\n', {}],
  ['recursive calls (fib)', 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nwhile True:\n    fib(12)\n', {}],
  ['objects in a list', 'class P:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f"P({self.x})"\n\nitems = []\nfor i in range(10**9):\n    items.append(P(i % 50))\n    if len(items) > 20:\n        items.pop(0)\n', {}],
  ['module-level loop, instruction mode', 'total = 0\nfor i in range(10**9):\n    total += i\n', { granularity: 'instruction' }],
];

const { py, recorder } = await runtime();
// The reference: a trace function that counts the events of the code and stops at STEPS, as
// the recorder does; opcode events too in instruction mode.
const bare = py.runPython(`
import sys, time

class _Enough(BaseException):
    pass

def _bare(source, steps, opcodes):
    count = 0
    def counting(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != "<py-frames>":
            return None
        if opcodes and event == "call":
            frame.f_trace = counting
            frame.f_trace_opcodes = True
        count += 1
        if count > steps:
            raise _Enough
        return counting
    code = compile(source, "<py-frames>", "exec")
    started = time.perf_counter()
    sys.settrace(counting)
    try:
        exec(code, {"__name__": "__main__"})
    except _Enough:
        pass
    finally:
        sys.settrace(None)
    return (time.perf_counter() - started) * 1000
_bare`) as (source: string, steps: number, opcodes: boolean) => number;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${STEPS.toLocaleString('en')} steps per recording, median of ${ROUNDS}:`);
for (const [name, source, options] of PROGRAMS) {
  const settings = JSON.stringify({ ...options, maxSteps: STEPS });
  const ours: number[] = [];
  const reference: number[] = [];
  let size = 0;
  let steps = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const started = performance.now();
    const json = recorder.trace(source, settings, () => undefined);
    const elapsed = performance.now() - started;
    const counted = bare(source, STEPS, options.granularity === 'instruction');
    if (round === 0) continue; // warm-up
    ours.push(elapsed);
    reference.push(counted);
    size = json.length;
    steps = (JSON.parse(json) as { steps: unknown[] }).steps.length;
  }
  const recorded = median(ours);
  const counted = median(reference);
  console.log(`  ${name}`);
  console.log(`    recorder (JSON text included)     ${recorded.toFixed(0).padStart(6)} ms   ${Math.round(steps / (recorded / 1000)).toLocaleString('en').padStart(8)} steps/s`);
  console.log(`    bare counting trace function      ${counted.toFixed(0).padStart(6)} ms   ratio ${(recorded / counted).toFixed(1)}x`);
  console.log(`    recording: ${(size / 1e6).toFixed(2)} MB of JSON, ${Math.round(size / steps)} bytes per step`);
}

// The value stack's cost: the seed article's example (arithmetic, then a list) in a loop, so
// most steps have something on the stack. Both sides differ by little, so this compares the
// process's CPU time (Pyodide runs on this one thread), which other processes on the machine
// disturb less than the wall clock, over more rounds.
{
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const source = 'def f(a, b):\n    c = a * 2 + b\n    return [c, a, b]\n\nfor i in range(10**9):\n    f(i, i + 1)\n';
  const settings = JSON.stringify({ granularity: 'instruction', maxSteps: STEPS });
  const useReader = py.runPython(`
import pyinnards_value_stack as _vs
_vs_slots = _vs.TraceSlots.slots
def _switch(on):
    # Off, the steps carry an empty valueStack: the same recording but for the reading.
    _vs.TraceSlots.slots = _vs_slots if on else (lambda self, frame: [])
_switch`) as (on: boolean) => void;
  const withStacks: number[] = [];
  const without: number[] = [];
  let sizes: [number, number] = [0, 0];
  for (let round = 0; round <= 2 * ROUNDS; round++) {
    const timed = (on: boolean) => {
      useReader(on);
      const started = cpuMs();
      const json = recorder.trace(source, settings, () => undefined);
      return [cpuMs() - started, json.length] as const;
    };
    // Alternate the order so neither side always runs on a warmer interpreter.
    let a: readonly [number, number];
    let b: readonly [number, number];
    if (round % 2) {
      a = timed(true);
      b = timed(false);
    } else {
      b = timed(false);
      a = timed(true);
    }
    useReader(true);
    if (round === 0) continue; // warm-up
    withStacks.push(a[0]);
    without.push(b[0]);
    sizes = [a[1], b[1]];
  }
  const on = median(withStacks);
  const off = median(without);
  console.log(`  value stacks (instruction mode, the seed example in a loop; CPU time, median of ${2 * ROUNDS})`);
  console.log(`    with value stacks                 ${on.toFixed(0).padStart(6)} ms   ${(sizes[0] / 1e6).toFixed(2)} MB of JSON`);
  console.log(`    without (reader switched off)     ${off.toFixed(0).padStart(6)} ms   ${(sizes[1] / 1e6).toFixed(2)} MB of JSON   ratio ${(on / off).toFixed(2)}x (goal <= 1.5x)`);
}
