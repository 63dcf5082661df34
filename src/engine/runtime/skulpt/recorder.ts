// Records a Skulpt run for <py-frames> (trace format v1, src/engine/trace/format.ts).
//
// Skulpt compiled with `Sk.debugging` stops before each statement with an 'Sk.debug'
// suspension. The suspension returned to the top is a chain: one suspension per Python function
// on the stack, outermost first, each holding that call's line, globals, locals and the scope
// function that runs it; the chain is the call stack at that step. Skulpt has no frames API and
// no bytecode, so what it cannot show is listed in `limitations`, never made up.
import { TRACE_FORMAT, TRACE_VERSION, type CodeKind, type Trace, type TraceEnd, type TraceOptions, type TraceStackEntry, type TraceStep } from '../../trace/format.js';
import { lineScopes, type LineScope } from './source-scan.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Skulpt is untyped JavaScript. */
type Sk = any;

export const SKULPT_LIMITATIONS = [
  'Skulpt records line steps only: no call, return or exception events, so no return values and no exception steps.',
  "A loop's header line is a step when the loop starts, not again on each iteration.",
  'Class bodies run without steps and without a frame of their own.',
  'A function shows its own variables, not those it reads from an enclosing function (free variables).',
  'Several statements on one line are a step each.',
  'breakpoint() always marks a stop: Skulpt has no sys.breakpointhook or PYTHONBREAKPOINT.',
  'There is no bytecode: lasti is -1, and instruction mode and the value stack are not available.',
  'Values are as Skulpt shows them, which can differ from CPython (identity of numbers, some reprs).',
];

/** What CPython's traceback shows for a local whose repr() raises. */
const REPR_FAILED = '<local repr() failed>';

/** Skulpt renames Python names that are JavaScript reserved words (`name` is `name_$rw$`). */
const RESERVED_SUFFIX = '_$rw$';

/** Ends a recording from inside Skulpt's suspension handler: the run stops where it stands. */
export class RecordingLimit extends Error {
  constructor(readonly end: TraceEnd) {
    super(end.status);
  }
}

/** A module frame hides the names that start and end with two underscores (as the Pyodide recorder does). */
const shownGlobal = (name: string) => !(name.startsWith('__') && name.endsWith('__') && name.length > 4);

export class SkulptRecorder {
  private readonly codes = new Interned<Trace['codes'][number]>();
  private readonly frames: Trace['frames'] = [];
  /** A call's `$loc` object (one per call, the globals for the module) -> frame index. */
  private readonly frameIndex = new WeakMap<object, number>();
  private readonly values = new Interned<Trace['values'][number]>();
  private readonly objects = new WeakMap<object, number>();
  private objectCount = 0;
  private readonly scopes = new Interned<Trace['scopes'][number]>();
  private readonly steps: TraceStep[] = [];
  private readonly scopesByLine: LineScope[];
  private readonly maxSteps: number;
  private readonly maxRepr: number;
  private readonly timeLimitMs: number;
  private readonly started = performance.now();
  /** Time spent waiting for input() answers: not the program's running time. */
  private waiting = 0;
  stdout = '';
  stderr = '';

  constructor(
    private readonly Sk: Sk,
    /** e.g. "Skulpt 1.2.0". */
    private readonly python: string,
    private readonly source: string,
    private readonly filename: string,
    private readonly globals: object,
    options: TraceOptions,
  ) {
    this.scopesByLine = lineScopes(source);
    this.maxSteps = Math.max(0, options.maxSteps ?? 10000);
    this.maxRepr = Math.max(0, options.maxReprLength ?? 1000);
    this.timeLimitMs = Math.max(0, options.timeLimitMs ?? 0);
  }

  /**
   * Skulpt's compiled JavaScript, with each suspension also noting the scope function that
   * made it (its `co_name`) and whether it runs a generator: the compiled code knows, the
   * suspension doesn't say.
   */
  static instrument(compiled: string): string {
    return compiled.replace(
      /susp\.resume=function\(\)\{(\$scope\d+)\.\$wakingSuspension=susp; return \$scope\d+\((\$gen)?\); \};/g,
      (whole, scope: string, generator: string | undefined) => `${whole}susp.$pyinnardsScope=${scope};${generator ? 'susp.$pyinnardsGenerator=true;' : ''}`,
    );
  }

  /** Times the wait for input(), which the time limit leaves out. */
  async waitingFor<T>(answer: Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await answer;
    } finally {
      this.waiting += performance.now() - start;
    }
  }

  get stepCount(): number {
    return this.steps.length;
  }

  /** breakpoint() during the recording: the step the program stands at is a stop. */
  breakpoint(): void {
    const last = this.steps.at(-1);
    if (last) last.breakpoint = true;
  }

  /** The 'Sk.debug' suspension handler: records a step, then lets the program go on. */
  readonly onStatement = (suspension: Sk): Promise<unknown> => {
    if (this.steps.length >= this.maxSteps) return Promise.reject(new RecordingLimit({ status: 'step-limit', maxSteps: this.maxSteps }));
    const elapsed = performance.now() - this.started - this.waiting;
    if (this.timeLimitMs > 0 && elapsed > this.timeLimitMs) {
      return Promise.reject(new RecordingLimit({ status: 'time-limit', afterMs: Math.round(elapsed) }));
    }
    this.steps.push({ event: 'line', stack: this.stack(suspension), stdout: this.stdout.length, stderr: this.stderr.length });
    return Promise.resolve().then(() => suspension.resume());
  };

  trace(end: TraceEnd): Trace {
    return {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      engine: 'skulpt',
      python: this.python,
      granularity: 'line',
      events: ['line'],
      limitations: SKULPT_LIMITATIONS,
      filename: this.filename,
      source: this.source,
      codes: this.codes.items,
      frames: this.frames,
      values: this.values.items,
      scopes: this.scopes.items,
      stdout: this.stdout,
      stderr: this.stderr,
      steps: this.steps,
      end,
    };
  }

  private stack(top: Sk): TraceStackEntry[] {
    const entries: TraceStackEntry[] = [];
    let back: number | null = null;
    for (let suspension = top; suspension instanceof this.Sk.misceval.Suspension; suspension = suspension.child) {
      // Suspensions of library code (compiled without debugging) and of builtins don't count.
      if (suspension.$filename !== this.filename || !suspension.$loc) continue;
      const frame = this.frame(suspension, back);
      entries.push([frame, suspension.$lineno, -1, this.scope(suspension)]);
      back = frame;
    }
    return entries;
  }

  private frame(suspension: Sk, back: number | null): number {
    const known = this.frameIndex.get(suspension.$loc);
    if (known !== undefined) return known;
    const index = this.frames.length;
    this.frames.push({ code: this.code(suspension), back });
    this.frameIndex.set(suspension.$loc, index);
    return index;
  }

  private code(suspension: Sk): number {
    const module = suspension.$loc === this.globals;
    const atLine = this.scopesByLine[suspension.$lineno] ?? { name: '<module>', qualname: '<module>', firstLine: 1, kind: 'module' };
    const name: string = module ? '<module>' : String(suspension.$pyinnardsScope?.co_name?.v ?? atLine.name);
    let entry: Trace['codes'][number];
    if (name === atLine.name) {
      const kind: CodeKind = atLine.kind === 'function' && suspension.$pyinnardsGenerator ? 'generator' : atLine.kind;
      entry = { name, qualname: atLine.qualname, firstLine: atLine.firstLine, kind };
    } else {
      // A scope the source scan doesn't name (a generator expression, a lambda): named
      // inside the code its line belongs to.
      const qualname = atLine.kind === 'module' ? name : `${atLine.qualname}${atLine.kind === 'function' ? '.<locals>' : ''}.${name}`;
      const kind: CodeKind = name === '<genexpr>' ? 'genexpr' : name === '<lambda>' ? 'lambda' : suspension.$pyinnardsGenerator ? 'generator' : 'function';
      entry = { name, qualname, firstLine: suspension.$lineno, kind };
    }
    return this.codes.index(`${entry.qualname}\n${entry.firstLine}\n${entry.kind}`, entry);
  }

  private scope(suspension: Sk): number {
    let names: Array<[string, unknown]>;
    if (suspension.$loc === this.globals) {
      names = Object.entries(suspension.$loc as object).filter(([name]) => shownGlobal(unmangle(name)));
    } else {
      // Arguments first, as in f_locals; the rest as Skulpt keeps them.
      const variables: Record<string, unknown> = { ...(suspension.$tmps ?? {}), ...(suspension.$cell ?? {}) };
      const parameters: string[] = suspension.$pyinnardsScope?.co_varnames ?? [];
      const order = [...parameters, ...Object.keys(variables).filter((name) => !parameters.includes(name))];
      names = order.map((name) => [name, variables[name]]);
    }
    const items: Array<[string, number]> = names
      .filter(([name, value]) => !name.startsWith('$') && value !== undefined && value !== null)
      .map(([name, value]) => [unmangle(name), this.value(value)]);
    return this.scopes.index(JSON.stringify(items), items);
  }

  private value(value: unknown): number {
    const object = value as object;
    let number = this.objects.get(object);
    if (number === undefined) {
      number = this.objectCount++;
      this.objects.set(object, number);
    }
    let repr: string;
    try {
      repr = String(this.Sk.misceval.objectRepr(value));
    } catch {
      repr = REPR_FAILED;
    }
    const length = repr.length > this.maxRepr ? repr.length : undefined;
    if (length !== undefined) repr = repr.slice(0, this.maxRepr);
    const type = this.typeName(value);
    return this.values.index(JSON.stringify([repr, type, number, length]), { repr, type, object: number, ...(length !== undefined ? { length } : {}) });
  }

  private typeName(value: unknown): string {
    const Sk = this.Sk;
    const name = String(Sk.abstr.typeName(value));
    try {
      const module = Sk.abstr.gattr((value as { ob$type: unknown }).ob$type, new Sk.builtin.str('__module__'));
      const text = String(module?.v ?? '');
      return text && text !== 'builtins' ? `${text}.${name}` : name;
    } catch {
      return name;
    }
  }
}

function unmangle(name: string): string {
  return name.endsWith(RESERVED_SUFFIX) ? name.slice(0, -RESERVED_SUFFIX.length) : name;
}

/** A table of a trace (codes, values, scopes): each distinct item stored once, by its key. */
class Interned<T> {
  readonly items: T[] = [];
  private readonly byKey = new Map<string, number>();

  /** The index of the item with this key, adding `item` the first time the key is seen. */
  index(key: string, item: T): number {
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.items.push(item) - 1;
      this.byKey.set(key, index);
    }
    return index;
  }
}
