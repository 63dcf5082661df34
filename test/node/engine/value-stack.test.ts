// The value stacks of instruction-mode recordings (src/engine/runtime/pyodide/python/
// pyinnards_value_stack.py, read from CPython's memory) against CPython itself, three ways:
// (1) the depth at every opcode step is the depth CPython's compiler predicts from dis
// (test/oracle/stack_depth.py: dis.stack_effect, jumps, the exception table); (2) after each
// instruction that loads a local, a constant or a global, the top slots hold that very value;
// (3) a second reader in JavaScript, through Pyodide's own view of the wasm memory (HEAPU32) and
// its own parse of _Py_DebugOffsets, finds the same slots at the same moments.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Trace, TraceStep } from '../../../src/engine/trace/format.js';
import { runtime } from './runtime.js';

const CORPUS: Record<string, string> = {
  'the seed example': 'def f(a, b):\n    c = a * 2 + b\n    return [c, a, b]\n\nresult = f(3, 4)\n',
  'calls with keywords': 'def area(width, height=1, *, scale=1):\n    return width * height * scale\n\nx = area(2, height=3, scale=4)\ny = area(5)\nz = max([1, 5, 2], key=lambda n: -n, default=0)\nprint(x, y, z, sep="/")\n',
  'loops with unpacking': 'pairs = [(1, "a"), (2, "b")]\ntotal = 0\nfor number, letter in pairs:\n    total += number\n    first, *rest = letter * 3\nfor i, (a, b) in enumerate(pairs):\n    total += i\nwhile total > 0:\n    total -= 2\n',
  comprehensions: 'squares = [n * n for n in range(4)]\nevens = {n for n in squares if n % 2 == 0}\nnames = {k: v for k, v in zip("ab", squares)}\nlazy = sum(n for n in squares)\nnested = [[x, y] for x in range(2) for y in range(2)]\n',
  generators: 'def count(up_to):\n    n = 0\n    while n < up_to:\n        got = yield n\n        n += 1\n\ndef chain(*its):\n    for it in its:\n        yield from it\n\ng = count(3)\nfirst = next(g)\nsecond = g.send("hi")\nrest = list(chain(g, [9]))\n',
  'try/except/finally': 'def risky(n):\n    try:\n        return 10 // n\n    except ZeroDivisionError as e:\n        return str(e)\n    finally:\n        print("done", n)\n\nrisky(2)\nrisky(0)\ntry:\n    try:\n        raise ValueError("x")\n    finally:\n        cleanup = True\nexcept ValueError:\n    caught = True\n',
  with: 'class Box:\n    def __enter__(self):\n        return self\n    def __exit__(self, kind, value, tb):\n        return kind is KeyError\n\nwith Box() as b:\n    inside = 1\nwith Box():\n    raise KeyError("k")\nafter = 2\n',
  'classes and super()': 'class Animal:\n    def __init__(self, name):\n        self.name = name\n    def speak(self):\n        return f"{self.name} makes a sound"\n\nclass Dog(Animal):\n    def __init__(self, name, breed):\n        super().__init__(name)\n        self.breed = breed\n    def speak(self):\n        return super().speak() + " (woof)"\n\nrex = Dog("Rex", "lab")\nsound = rex.speak()\n',
  slices: 'letters = list("abcdefgh")\nhead = letters[:3]\ntail = letters[-2:]\nstep = letters[::2]\nletters[1:3] = ["X"]\ndel letters[0]\nword = "python"[1:4]\n',
  'chained comparisons': 'def between(lo, x, hi):\n    return lo < x <= hi != 0\n\nchecks = [between(1, 2, 3), between(3, 2, 1), 1 < 2 < 3 < 4]\nok = 0 <= len(checks) < 10\n',
  'f-strings': 'name = "world"\nwidth = 8\npi = 3.14159\ntext = f"hello {name!r:>{width}} {pi:.2f} {width + 1}"\nnested = f"{f\'{name}\'}"\n',
};

interface Prediction {
  qualname: string;
  firstLine: number;
  depths: Record<string, number>;
  loads: Record<string, Array<[number, 'repr' | 'local' | 'global', string]>>;
}

interface Oracle {
  predict(source: string, filename: string): string;
  builtin_repr(name: string): string | undefined;
}

let oracle: Promise<Oracle> | undefined;
function stackOracle(): Promise<Oracle> {
  oracle ??= (async () => {
    const { py } = await runtime();
    py.FS.writeFile('/pyinnards/stack_depth.py', readFileSync(fileURLToPath(new URL('../../oracle/stack_depth.py', import.meta.url)), 'utf8'));
    return py.pyimport('stack_depth') as unknown as Oracle;
  })();
  return oracle;
}

async function record(source: string): Promise<Trace> {
  const { recorder } = await runtime();
  return JSON.parse(recorder.trace(source, JSON.stringify({ granularity: 'instruction' }), () => undefined)) as Trace;
}

function slots(step: TraceStep): Array<number | null | string> {
  assert.ok(Array.isArray(step.valueStack), `no value stack: ${JSON.stringify(step.valueStack)}`);
  return step.valueStack;
}

/** Addresses differ between objects and runs; nothing else in a repr may. */
const unaddressed = (text: string | undefined) => text?.replace(/0x[0-9a-f]+/g, '0x…');

const opcodeSteps = (trace: Trace) => trace.steps.filter((step) => step.event === 'opcode');

describe('value stack: depth as the compiler predicts', () => {
  for (const [name, source] of Object.entries(CORPUS)) {
    it(name, async () => {
      const trace = await record(source);
      assert.equal(trace.end.status, 'ok');
      const predictions = JSON.parse((await stackOracle()).predict(source, trace.filename)) as Prediction[];
      let checked = 0;
      for (const step of opcodeSteps(trace)) {
        const [frame, , lasti] = step.stack.at(-1)!;
        const code = trace.codes[trace.frames[frame]!.code]!;
        const prediction = predictions.find((p) => p.qualname === code.qualname && p.firstLine === code.firstLine);
        assert.ok(prediction, `no prediction for ${code.qualname}`);
        const depth = prediction.depths[String(lasti)];
        assert.equal(slots(step).length, depth, `${code.qualname} at offset ${lasti}`);
        checked++;
      }
      assert.ok(checked > 10, `only ${checked} opcode steps`);
    });
  }
});

describe('value stack: a loaded value is on top', () => {
  for (const [name, source] of Object.entries(CORPUS)) {
    it(name, async () => {
      const trace = await record(source);
      const o = await stackOracle();
      const predictions = JSON.parse(o.predict(source, trace.filename)) as Prediction[];
      const steps = opcodeSteps(trace);
      let checked = 0;
      steps.forEach((step, index) => {
        const [frame, , lasti] = step.stack.at(-1)!;
        const code = trace.codes[trace.frames[frame]!.code]!;
        const loads = predictions.find((p) => p.qualname === code.qualname && p.firstLine === code.firstLine)!.loads[String(lasti)];
        if (!loads) return;
        // The next instruction of the same frame: the load has run.
        const after = steps.slice(index + 1).find((next) => next.stack.length === step.stack.length && next.stack.at(-1)![0] === frame);
        if (!after) return;
        const stack = slots(after);
        const scope = new Map(trace.scopes[after.stack.at(-1)![3]]!);
        const globals = new Map(trace.scopes[after.stack[0]![3]]!);
        for (const [fromTop, kind, what] of loads) {
          const slot = stack[stack.length - 1 - fromTop];
          assert.equal(typeof slot, 'number', `${code.qualname} at ${lasti}: slot ${fromTop} from the top`);
          const value = trace.values[slot as number]!;
          if (kind === 'repr') {
            // A constant code object is another object than the one compiled here: its address differs.
            assert.equal(unaddressed(value.repr), unaddressed(what), `${code.qualname} at ${lasti}`);
          } else {
            const bound = kind === 'local' ? scope.get(what) : globals.get(what);
            if (bound !== undefined) {
              // The same object, not only the same text.
              assert.equal(value.object, trace.values[bound]!.object, `${code.qualname} at ${lasti}: ${what}`);
              assert.equal(value.repr, trace.values[bound]!.repr);
            } else {
              assert.equal(kind, 'global', `${code.qualname} at ${lasti}: local ${what} not in f_locals`);
              assert.equal(value.repr, o.builtin_repr(what), `${code.qualname} at ${lasti}: builtin ${what}`);
            }
          }
          checked++;
        }
      });
      assert.ok(checked >= 3, `only ${checked} loads checked`);
    });
  }
});

describe('value stack: what is not an object', () => {
  it('a handler keeps the offset of the instruction that raised, and says so', async () => {
    const trace = await record(CORPUS.with!);
    const index = trace.steps.findIndex((step) => step.event === 'opcode' && slots(step).some((slot) => typeof slot === 'string'));
    assert.ok(index > 0, 'no integer slot');
    const text = slots(trace.steps[index]!).find((slot) => typeof slot === 'string') as string;
    // The exception step before it names the instruction that raised by its f_lasti.
    const raised = trace.steps.slice(0, index).findLast((step) => step.event === 'exception')!;
    assert.match(text, new RegExp(`^lasti ${raised.stack.at(-1)![2]}: `));
  });

  it('NULL slots are null: the one CALL expects after the callable', async () => {
    const trace = await record('print("hi")\n');
    const call = trace.steps.find((step) => step.event === 'opcode' && slots(step).length === 3)!;
    const [callable, nothing, argument] = slots(call);
    assert.equal(trace.values[callable as number]!.repr, '<built-in function print>');
    assert.equal(nothing, null);
    assert.equal(trace.values[argument as number]!.repr, "'hi'");
  });

  it('only opcode steps carry a value stack, and line mode has none', async () => {
    const instruction = await record(CORPUS['the seed example']!);
    assert.equal(instruction.version, 2);
    for (const step of instruction.steps) assert.equal(step.valueStack !== undefined, step.event === 'opcode');
    const { recorder } = await runtime();
    const lines = JSON.parse(recorder.trace(CORPUS['the seed example']!, '{}', () => undefined)) as Trace;
    assert.ok(lines.steps.length > 0);
    assert.ok(lines.steps.every((step) => step.valueStack === undefined));
  });
});

describe('value stack: guarded reads', () => {
  const guarded = async (python: string) => {
    const { py } = await runtime();
    return py.runPython(`
import sys, pyinnards_value_stack as vs
def _check():
${python.replace(/^/gm, '    ')}
_check()`) as unknown;
  };

  it('a frame that has returned is not read', async () => {
    const reason = await guarded('def f():\n    return sys._getframe()\ntry:\n    vs.read(f())\nexcept vs.Unavailable as exc:\n    return str(exc)\nreturn "read"');
    assert.equal(reason, 'the interpreter frame belongs to another frame object');
  });

  it('each wrong offset is caught by a check, never read as a stack', async () => {
    const reasons = (await guarded(`
where = vs.layout()
results = []
for field, delta in [("f_frame", 4), ("executable", 4), ("frame_obj", 4), ("instr_ptr", -4), ("stackpointer", 4), ("code_adaptive", 2), ("localsplusnames", 4), ("localsplusnames", -8)]:
    saved = getattr(where, field)
    setattr(where, field, saved + delta)
    vs._codes.clear()
    seen = []
    def tracer(frame, event, arg):
        if frame.f_code.co_name == "probe":
            frame.f_trace_opcodes = True
            if event == "opcode":
                try:
                    seen.append(vs.read(frame))
                except vs.Unavailable as exc:
                    seen.append(str(exc))
        return tracer
    def probe(a):
        return [a, a * 2]
    sys.settrace(tracer)
    try:
        probe(1)
    finally:
        sys.settrace(None)
        setattr(where, field, saved)
        vs._codes.clear()
    results.append(field + ": " + " | ".join(sorted({s for s in seen if isinstance(s, str)})) + (" | read" if any(isinstance(s, list) for s in seen) else ""))
return "\\n".join(results)`)) as string;
    // stackpointer + 4 reads the saved pointer's neighbour: a bound check must catch it.
    for (const line of reasons.split('\n')) assert.doesNotMatch(line, /\| read$|: read$/, line);
    assert.match(reasons, /f_frame: the interpreter frame/);
    assert.match(reasons, /executable: the interpreter frame runs other code/);
    assert.match(reasons, /frame_obj: the interpreter frame belongs to another frame object/);
    assert.match(reasons, /code_adaptive: the frame is not stopped at an instruction/);
    assert.match(reasons, /localsplusnames: the code object's local names (can't be read|don't match its variables)/);
  });

  it('a CPython version whose layout was not checked gives "not available" in every opcode step', async () => {
    const { py } = await runtime();
    py.runPython('import pyinnards_value_stack as vs\nvs._saved = vs.CHECKED, vs._layout, vs._layout_error\nvs.CHECKED = frozenset()\nvs._layout = vs._layout_error = None');
    try {
      const trace = await record('x = 1 + 2\n');
      const steps = opcodeSteps(trace);
      assert.ok(steps.length > 0);
      for (const step of steps) {
        assert.deepEqual(step.valueStack, { unavailable: 'The value stack is not available here: the value stack layout of CPython 3.14.2 has not been checked.' });
      }
    } finally {
      py.runPython('vs.CHECKED, vs._layout, vs._layout_error = vs._saved');
    }
  });
});

/**
 * A second reader, in JavaScript: finds `_PyRuntime` through Pyodide's exports, parses the
 * `_Py_DebugOffsets` table itself (the 3.14 field order, uint64 words read as their low halves:
 * wasm32 offsets are small) and reads the slots of the frame object at `frame` through
 * Pyodide's own view of the wasm memory. Returns the raw 32-bit slot words, bottom first.
 */
function heapReader(module: { HEAPU32: Uint32Array; HEAPU8: Uint8Array; __PyRuntime: number }) {
  const word = (address: number) => module.HEAPU32[address >>> 2]!;
  const table = module.__PyRuntime;
  const field = (index: number) => word(table + index * 8);
  assert.equal(new TextDecoder().decode(module.HEAPU8.subarray(table, table + 8)), 'xdebugpy');
  const pyobjectSize = field(50);
  const frameFields = { executable: field(33), localsplus: field(35), stackpointer: field(37) };
  const localsplusnames = field(39 + 7);
  const tupleSize = field(56 + 2);
  return (frame: number, code: number): number[] => {
    // PyFrameObject: PyObject_HEAD, f_back, f_frame.
    const interpreterFrame = word(frame + pyobjectSize + 4);
    assert.equal(word(interpreterFrame + frameFields.executable) & ~1, code);
    const nlocalsplus = word(word(code + localsplusnames) + tupleSize);
    const top = word(interpreterFrame + frameFields.stackpointer);
    const slots: number[] = [];
    for (let at = interpreterFrame + frameFields.localsplus + nlocalsplus * 4; at < top; at += 4) slots.push(word(at));
    return slots;
  };
}

describe('value stack: a second path through the wasm memory', () => {
  for (const name of ['the seed example', 'generators', 'with', 'calls with keywords']) {
    it(name, async () => {
      const { py, recorder } = await runtime();
      const read = heapReader((py as unknown as { _module: Parameters<typeof heapReader>[0] })._module);
      py.globals.set('heap_read', (frame: number, code: number) => py.toPy(read(frame, code)));
      py.runPython(`
import json, pyinnards_value_stack as vs
vs._seen = []
vs._original = vs.TraceSlots.slots
def _comparing(self, frame):
    recorded = vs._original(self, frame)
    words = list(heap_read(id(frame), id(frame.f_code)))
    mine = []
    for slot in vs.read(frame):
        mine.append(["null"] if slot is vs.NULL else ["int", slot.value] if type(slot) is vs.TaggedInt else ["object", id(slot)])
    # As JSON: Python's None would come to JavaScript as undefined, not null.
    vs._seen.append([json.dumps(recorded), words, mine])
    return recorded
vs.TraceSlots.slots = _comparing`);
      let trace: Trace;
      let seen: Array<[string, number[], Array<[string, number?]>]>;
      try {
        trace = JSON.parse(recorder.trace(CORPUS[name]!, JSON.stringify({ granularity: 'instruction' }), () => undefined)) as Trace;
        seen = (py.runPython('vs._seen') as unknown as { toJs(): typeof seen }).toJs();
      } finally {
        py.runPython('vs.TraceSlots.slots = vs._original\ndel vs._seen');
        py.globals.delete('heap_read');
      }
      const steps = opcodeSteps(trace);
      assert.equal(seen.length, steps.length);
      steps.forEach((step, k) => {
        const [recorded, words, mine] = seen[k]!;
        assert.deepEqual(step.valueStack, JSON.parse(recorded));
        assert.equal(words.length, mine.length, `step ${k}: depth`);
        words.forEach((bits, i) => {
          const [kind, value] = mine[i]!;
          if (kind === 'null') assert.equal(bits, 1);
          else if (kind === 'int') assert.equal(bits, ((value! << 2) | 3) >>> 0);
          else assert.equal(bits & ~1, value, `step ${k} slot ${i}`);
        });
      });
    });
  }
});
