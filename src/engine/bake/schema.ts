// Strict shapes of what a bake may hold, checked before anything in it is shown. A bake comes
// from the page, so it is untrusted input: a wrong type, a missing field or an index that
// points nowhere rejects the whole bake (the element then computes live) instead of reaching
// code that trusts the types of src/engine/dis/types.ts and src/engine/trace/format.ts.
import * as v from 'valibot';
import type { DisTree } from '../dis/types.js';
import type { Trace } from '../trace/format.js';
import type { PythonError } from '../runtime/types.js';

const int = v.pipe(v.number(), v.integer());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const index = count;

const pythonError = v.object({
  type: v.string(),
  message: v.string(),
  traceback: v.string(),
  line: v.optional(int),
  column: v.optional(int),
  endLine: v.optional(int),
  endColumn: v.optional(int),
});

const positions = v.object({
  lineno: v.nullable(int),
  end_lineno: v.nullable(int),
  col_offset: v.nullable(int),
  end_col_offset: v.nullable(int),
});

const instruction = v.object({
  opname: v.string(),
  opcode: int,
  arg: v.nullable(int),
  oparg: v.nullable(int),
  argval: v.string(),
  argrepr: v.string(),
  offset: count,
  start_offset: count,
  starts_line: v.boolean(),
  line_number: v.nullable(int),
  label: v.nullable(int),
  positions: v.nullable(positions),
  cache_info: v.nullable(v.array(v.tuple([v.string(), count, v.string()]))),
  cache_offset: count,
  end_offset: count,
  baseopcode: int,
  baseopname: v.string(),
  jump_target: v.nullable(count),
  is_jump_target: v.boolean(),
});

const disTree: v.GenericSchema<DisTree> = v.object({
  name: v.string(),
  address: v.optional(v.string()),
  qualname: v.string(),
  filename: v.string(),
  firstlineno: int,
  argcount: count,
  posonlyargcount: count,
  kwonlyargcount: count,
  nlocals: count,
  stacksize: count,
  flags: count,
  flag_names: v.array(v.string()),
  pretty_flags: v.string(),
  consts: v.array(v.object({ repr: v.string(), type: v.string(), child: v.optional(index) })),
  names: v.array(v.string()),
  varnames: v.array(v.string()),
  cellvars: v.array(v.string()),
  freevars: v.array(v.string()),
  exception_table: v.array(v.object({ start: count, end: count, target: count, depth: count, lasti: v.boolean() })),
  instructions: v.array(instruction),
  children: v.array(v.lazy(() => disTree)),
}) as v.GenericSchema<DisTree>;

/** What <py-dis> computes: the tree, or CPython's SyntaxError. */
export type DisResult = { tree: DisTree } | { error: PythonError };

const disResult = v.union([v.object({ tree: disTree }), v.object({ error: pythonError })]);

const traceEvent = v.picklist(['call', 'line', 'return', 'exception', 'opcode']);

const trace = v.object({
  format: v.literal('pyinnards-trace'),
  // Both versions the element reads (format.ts: version 2 added `valueStack`).
  version: v.picklist([1, 2]),
  engine: v.picklist(['pyodide', 'skulpt']),
  python: v.string(),
  granularity: v.picklist(['line', 'instruction']),
  events: v.array(traceEvent),
  limitations: v.array(v.string()),
  filename: v.string(),
  source: v.string(),
  codes: v.array(
    v.object({
      name: v.string(),
      qualname: v.string(),
      firstLine: int,
      kind: v.picklist(['module', 'function', 'lambda', 'class', 'generator', 'coroutine', 'async-generator', 'genexpr']),
      dis: v.optional(disTree),
    }),
  ),
  frames: v.array(v.object({ code: index, back: v.nullable(index) })),
  values: v.array(v.object({ repr: v.string(), type: v.string(), object: count, length: v.optional(count) })),
  scopes: v.array(v.array(v.tuple([v.string(), index]))),
  stdout: v.string(),
  stderr: v.string(),
  steps: v.array(
    v.object({
      event: traceEvent,
      stack: v.array(v.tuple([index, v.nullable(int), int, index])),
      stdout: count,
      stderr: count,
      value: v.optional(index),
      exception: v.optional(v.object({ type: v.string(), message: v.string(), traceback: v.string(), value: index })),
      breakpoint: v.optional(v.literal(true)),
      valueStack: v.optional(v.union([v.array(v.nullable(v.union([index, v.string()]))), v.object({ unavailable: v.string() })])),
    }),
  ),
  end: v.variant('status', [
    v.object({ status: v.literal('ok') }),
    v.object({ status: v.literal('error'), error: pythonError }),
    v.object({ status: v.literal('syntax-error'), error: pythonError }),
    v.object({ status: v.literal('step-limit'), maxSteps: count }),
    v.object({ status: v.literal('time-limit'), afterMs: v.number() }),
    v.object({ status: v.literal('stopped') }),
  ]),
});

/** The indices inside a trace point at entries that exist (a bad one would break the replay). */
function traceIndicesHold(t: v.InferOutput<typeof trace>): boolean {
  const within = (i: number, list: readonly unknown[]) => i < list.length;
  const values = t.values;
  return (
    t.frames.every((frame) => within(frame.code, t.codes) && (frame.back === null || within(frame.back, t.frames))) &&
    t.codes.every((code) => code.dis === undefined || disIndicesHold(code.dis)) &&
    t.scopes.every((scope) => scope.every(([, value]) => within(value, values))) &&
    t.steps.every(
      (step) =>
        step.stdout <= t.stdout.length &&
        step.stderr <= t.stderr.length &&
        step.stack.every(([frame, , , scope]) => within(frame, t.frames) && within(scope, t.scopes)) &&
        (step.value === undefined || within(step.value, values)) &&
        (step.exception === undefined || within(step.exception.value, values)) &&
        (!Array.isArray(step.valueStack) || step.valueStack.every((slot) => typeof slot !== 'number' || within(slot, values))),
    )
  );
}

/** A constant's `child` names one of the tree's children. */
function disIndicesHold(tree: DisTree): boolean {
  return tree.consts.every((c) => c.child === undefined || c.child < tree.children.length) && tree.children.every(disIndicesHold);
}

const checkedTrace = v.pipe(trace, v.check(traceIndicesHold, 'an index in the trace points nowhere'));
const checkedDis = v.pipe(
  disResult,
  v.check((result) => !('tree' in result) || disIndicesHold(result.tree), 'a constant points at a missing code object'),
);

/**
 * What <py-repl echo-preload> shows before the reader uses it: its transcript (the banner, then
 * the element's code as typed inputs with what they printed), and the `py-result` the console
 * fires once that code has run.
 */
export interface ReplResultBake {
  /** The transcript's pieces, in order (src/elements/repl/transcript.ts). */
  pieces: Array<{ kind: 'banner' | 'input' | 'stdout' | 'stderr' | 'answer' | 'note'; text: string }>;
  /** Characters the transcript dropped from its start to stay under its cap (0: none). */
  dropped: number;
  /** What the code printed (its inputs' output, echoes and tracebacks; no prompts): py-result's `output`. */
  output: string;
  /** py-result's `status`: `error` when one of the code's inputs raised. */
  status: 'ok' | 'error';
  /** What the element reports (error banner, py-error) for each of the code's inputs that raised. */
  failures: Array<{ kind: string; message: string }>;
}

const replResult = v.object({
  pieces: v.array(v.object({ kind: v.picklist(['banner', 'input', 'stdout', 'stderr', 'answer', 'note']), text: v.string() })),
  dropped: count,
  output: v.string(),
  status: v.picklist(['ok', 'error']),
  failures: v.array(v.object({ kind: v.string(), message: v.string() })),
});

/** The result schema of each element's bake. */
export const RESULT_SCHEMAS = {
  'py-dis': checkedDis as v.GenericSchema<DisResult>,
  'py-frames': checkedTrace as unknown as v.GenericSchema<Trace>,
  'py-repl': replResult as v.GenericSchema<ReplResultBake>,
} as const;

export { v };
