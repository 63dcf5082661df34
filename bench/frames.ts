// <py-frames> recorder benchmark (the engine side), in Node with the same CPython 3.14 (Pyodide)
// the worker runs: for a few programs, steps recorded per second by the recorder
// (src/engine/runtime/pyodide/python/pyinnards_recorder.py, JSON included), against running the
// same program under a bare sys.settrace function that only counts the same events, measured in
// the same run. Also the size of the recording. Run: npx tsx bench/frames.ts
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
