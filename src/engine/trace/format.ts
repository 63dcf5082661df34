// The recorded run that `<py-frames>` replays and `Engine.trace()` returns: a versioned JSON
// format, documented in the README ("The trace format") so other tools can read and write it.
//
// A recording is a list of steps; each step is one event of the traced program (a call, a
// line, a return, an exception, or in instruction mode an opcode) with the whole stack as it
// stood. Data that repeats between steps is stored once in tables and referred to by index:
// code objects, frames, values and scopes (a frame's variables at one moment). A 10,000-step
// recording of a loop therefore costs little more than its step list.

import type { PythonError } from '../python-error.js';

/** The value of `Trace.format`: lets a reader recognise the file. */
export const TRACE_FORMAT = 'pyinnards-trace';
/**
 * Bumped on any change a reader of the previous version would misread: a reader checks it and
 * refuses versions it does not know. Version 2 added `TraceStep.valueStack`. (These two are the
 * source; the Python recorder repeats them, checked by test/node/engine/trace-format-name.test.ts.)
 */
export const TRACE_VERSION = 2;
/**
 * The versions this kit reads: a version 1 recording is a version 2 one without value stacks
 * (the element says so where it would show them).
 */
export type TraceVersion = 1 | typeof TRACE_VERSION;

/** The events of `sys.settrace`, with CPython's names; `opcode` only in instruction mode. */
export type TraceEvent = 'call' | 'line' | 'return' | 'exception' | 'opcode';

/** What kind of code a frame runs: how the element labels it. */
export type CodeKind =
  | 'module'
  | 'function'
  | 'lambda'
  | 'class'
  | 'generator'
  | 'coroutine'
  | 'async-generator'
  | 'genexpr';

/** One code object that ran (a frame's `f_code`). */
export interface TraceCode {
  /** `co_name`, e.g. "foo", "<module>", "<genexpr>", "Dog" for a class body. */
  name: string;
  /** `co_qualname`, e.g. "outer.<locals>.inner". */
  qualname: string;
  /** `co_firstlineno`. */
  firstLine: number;
  kind: CodeKind;
  /**
   * Instruction mode only: the disassembly of this code object alone (no nested code), in the
   * structure `Engine.disassemble` returns (`DisCode` in src/engine/dis/types.ts), so the
   * element shows the current instruction as `dis.dis` prints it.
   */
  dis?: unknown;
}

/** One frame that existed during the run. A generator's frame is one frame however often it resumes. */
export interface TraceFrame {
  /** Index into `Trace.codes`. */
  code: number;
  /** The frame that called it (`f_back` when it was first seen): index into `Trace.frames`, or null. */
  back: number | null;
}

/** A value as CPython shows it. */
export interface TraceValue {
  /** `repr(value)`, cut at `TraceValue.length` characters when `truncated`. */
  repr: string;
  /** `type(value).__qualname__` (with its module when not builtins), e.g. "int", "collections.deque". */
  type: string;
  /**
   * Identity: the same number means the same object (`is`) within one step. Numbers are
   * small, given in order of first sight, not CPython's `id()`; a number may be reused across
   * steps once its object is gone, as `id()` itself may be.
   */
  object: number;
  /** Present when `repr` was cut: the length of the whole repr. */
  length?: number;
}

/** A frame's variables at one moment: [name, index into `Trace.values`], in `f_locals` order. */
export type TraceScope = Array<[name: string, value: number]>;

/**
 * One frame on the stack at one step: [frame, line, lasti, scope], indices into
 * `Trace.frames` and `Trace.scopes`; `line` is `f_lineno` (null when CPython has none),
 * `lasti` is `f_lasti` (bytes), or -1 where the backend has no bytecode (Skulpt).
 */
export type TraceStackEntry = [frame: number, line: number | null, lasti: number, scope: number];

/** An exception as it passes through a frame (the `exception` event) or ends the run. */
export interface TraceException {
  /** As the last traceback line names it, e.g. "ZeroDivisionError", "mod.MyError". */
  type: string;
  message: string;
  /** The traceback text CPython would print for it at this point. */
  traceback: string;
  /** Index into `Trace.values`: the exception object. */
  value: number;
}

export interface TraceStep {
  event: TraceEvent;
  /** The whole stack, outermost frame first; the last entry is where the event happened. */
  stack: TraceStackEntry[];
  /**
   * How much of `Trace.stdout` / `Trace.stderr` had been written at this step, in UTF-16 code
   * units (JavaScript string indices: `trace.stdout.slice(0, step.stdout)`).
   */
  stdout: number;
  stderr: number;
  /** `return`: index into `Trace.values` of the value returned (or yielded). */
  value?: number;
  /** `exception`: the exception. */
  exception?: TraceException;
  /** Set on the step where `breakpoint()` reached the default `sys.breakpointhook`: a stop for Continue. */
  breakpoint?: true;
  /**
   * Version 2, `opcode` steps only (instruction mode, CPython): the value stack of the frame the
   * event happened in, as CPython holds it before the instruction at its `lasti` runs; or why
   * it could not be read.
   */
  valueStack?: TraceValueStack;
}

/**
 * A frame's value stack, bottom first (the top of the stack is the last item). Each slot is an
 * index into `Trace.values`; `null` for a NULL slot (no object: e.g. the one a CALL expects
 * after the callable when there is no `self`); a string for a slot that holds no object but a
 * plain integer, saying what it is (e.g. the offset an exception handler keeps for RERAISE).
 */
export type TraceValueStack = Array<number | null | string> | { unavailable: string };

/** How the recording ended. */
export type TraceEnd =
  | { status: 'ok' }
  /**
   * An uncaught exception. The last steps are CPython's events as it unwinds the stack: in
   * each frame an `exception` step then a `return` step (value None), outermost last; so the
   * last step is the module's `return`, and the last `exception` step is the module's.
   */
  | { status: 'error'; error: TraceError }
  /** A SyntaxError (or other compile error): no steps. */
  | { status: 'syntax-error'; error: TraceError }
  /** The step limit (`maxSteps`) was reached: the steps so far are kept. */
  | { status: 'step-limit'; maxSteps: number }
  /** The time limit was reached: the steps so far are kept. */
  | { status: 'time-limit'; afterMs: number }
  /** The reader stopped it. */
  | { status: 'stopped' };

/**
 * An error with its place in the code: `type`, `message`, `traceback` (CPython's text) and,
 * when it points into the code, 1-based `line`, `column`, `endLine`, `endColumn`.
 */
export type TraceError = PythonError;

export interface Trace {
  format: typeof TRACE_FORMAT;
  version: TraceVersion;
  /** The backend that recorded it. */
  engine: 'pyodide' | 'skulpt';
  /** e.g. "CPython 3.14.2" or "Skulpt 1.2.0". */
  python: string;
  granularity: 'line' | 'instruction';
  /** The events this backend records: a reader must not read a missing event as "didn't happen". */
  events: TraceEvent[];
  /** What this backend cannot show, in plain sentences (empty for CPython). */
  limitations: string[];
  /** The filename the code ran under, e.g. "<py-frames>". */
  filename: string;
  source: string;
  codes: TraceCode[];
  frames: TraceFrame[];
  values: TraceValue[];
  scopes: TraceScope[];
  /** Everything written to stdout and stderr during the run. */
  stdout: string;
  stderr: string;
  steps: TraceStep[];
  end: TraceEnd;
}

/** Options for `Engine.trace`. */
export interface TraceOptions {
  /** Name of the code in tracebacks; "<py-frames>" by default. */
  filename?: string;
  /** Stop recording after this many steps (10,000 by default). */
  maxSteps?: number;
  /** Stop recording after this many milliseconds (0: no limit). */
  timeLimitMs?: number;
  granularity?: 'line' | 'instruction';
  /** Longest repr kept whole (longer ones are cut and get `length`); 1,000 by default. */
  maxReprLength?: number;
}
