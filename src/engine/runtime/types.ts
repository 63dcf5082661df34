// What elements see of an interpreter. Everything here is reached through a dynamic import()
// of ./index.ts, so no element pays for it until it needs Python.
import type { EngineName } from '../engines.js';
import type { PythonError } from '../python-error.js';
import type { Trace, TraceOptions } from '../trace/format.js';
import type { DisTree } from '../dis/types.js';

export type { EngineName, PythonError, Trace, TraceOptions };

/** What `Engine.disassemble` is asked for: `dis.dis`' options, plus a warm-up for `adaptive`. */
export interface DisassembleRequest {
  showCaches?: boolean;
  showOffsets?: boolean;
  showPositions?: boolean;
  adaptive?: boolean;
  /** Run the code this many times first (specialization needs warm code). */
  warmup?: number;
  /** Levels of nested code objects (dis.dis depth); null or absent for all. */
  depth?: number | null;
  /** Also return the text `dis.dis` prints (default true). */
  withText?: boolean;
}

/** What `Engine.disassemble` answers: the code objects as a tree (and dis.dis' text), or the SyntaxError. */
export type Disassembly = { code: DisTree; text?: string } | { error: PythonError };

/** What a backend can do; elements check this instead of knowing backends by name. */
export interface Capabilities {
  /** e.g. "CPython 3.14.2 (Pyodide 314.0.7)" or "Skulpt 1.2.0". */
  version: string;
  /** `disassemble` works (CPython only). */
  dis: boolean;
  /** `trace` works (a trace's `events` and `limitations` say how much this backend shows). */
  trace: boolean;
  /** REPL sessions work. */
  repl: boolean;
  /** `await` at the top level of a REPL input. */
  topLevelAwait: boolean;
  /** Stop interrupts the running code (KeyboardInterrupt) instead of restarting the worker. */
  interrupt: boolean;
  /** input() can wait for the reader to type an answer in the widget. */
  interactiveInput: boolean;
  /** Something the reader should know about how the engine runs here. */
  note?: string;
  /** Python started from the state an earlier page view saved (pyodide/snapshot.ts), not from scratch. */
  fromSnapshot?: boolean;
}

/** Loading progress, for the status line and `py-engine`. */
export interface LoadProgress {
  phase: string;
  /** Bytes downloaded so far and expected in all, while downloading. */
  loaded?: number;
  total?: number;
}

export interface RunOptions {
  /** A name for the code in tracebacks, e.g. "<py-frames>". */
  filename?: string;
  /** Text that input() reads, line by line, when the widget can't ask the reader. */
  stdin?: string;
  /** Milliseconds before a non-interactive run is stopped; 0 for no limit. */
  timeoutMs?: number;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** Asks the reader for a line (input()); resolve null for end of input. */
  onInput?: (prompt: string) => Promise<string | null>;
}

/** How a run ended. */
export type RunOutcome =
  | { status: 'ok' }
  | { status: 'error'; error: PythonError }
  | { status: 'timeout'; afterMs: number }
  | { status: 'stopped'; sessionReset: boolean }
  | { status: 'failed'; message: string };

/** A recording's options, with a run's output, input() and a way to stop it. */
export interface TraceRunOptions extends TraceOptions, Pick<RunOptions, 'stdin' | 'onStdout' | 'onStderr' | 'onInput'> {
  /**
   * Aborting stops the recording: the steps recorded so far come back (`end.status` is
   * "stopped"), or none when the interpreter had to be restarted to stop the code.
   */
  signal?: AbortSignal;
}

export interface RunHandle {
  done: Promise<RunOutcome>;
  /** Stops the code: an interrupt where possible, otherwise the worker restarts. */
  stop(): void;
}

export interface ReplPushResult {
  /** True when the input is incomplete: nothing ran, and a `...` prompt comes next. */
  more: boolean;
  outcome: RunOutcome;
}

export interface ReplPushOptions extends Omit<RunOptions, 'filename'> {
  /** Run the input even if it is incomplete (the console's Enter on a blank line after a block). */
  force?: boolean;
}

/** What a console hears about outside its own inputs. */
export interface ReplSessionEvents {
  /** Text that a task made by one of its inputs printed while none of its inputs ran. */
  output?(stream: 'stdout' | 'stderr', text: string): void;
  /** The interpreter was restarted (to stop code that ignored an interrupt): the namespace is gone. */
  restarted?(): void;
}

export interface ReplSession {
  /**
   * Enter pressed with `source` (every line of the input, as the prompt holds it): an
   * incomplete input answers `more` and runs nothing (the caller keeps the lines); a complete
   * one runs as `<python-input-N>`, as CPython 3.14's console decides and runs it.
   */
  push(source: string, options?: ReplPushOptions): Promise<ReplPushResult>;
  /** Names and attributes that complete `text` in the live namespace. */
  complete(text: string): Promise<string[]>;
  /** A fresh namespace. */
  reset(): Promise<void>;
  /** Stops what the session runs now. */
  interrupt(): void;
  /** Listens for the session's events; returns a function that stops listening. */
  listen(events: ReplSessionEvents): () => void;
}

export interface Engine {
  readonly name: EngineName;
  readonly capabilities: Capabilities;
  run(code: string, options?: RunOptions): RunHandle;
  /** Structured bytecode of the code (see the <py-dis> issue for the shape). */
  disassemble(code: string, options?: DisassembleRequest): Promise<Disassembly>;
  /**
   * Runs the code once, recording every step (src/engine/trace/format.ts). Resolves with the
   * recording however the run ends (limits, errors, Stop: see `Trace.end`); rejects only when
   * the engine fails.
   */
  trace(code: string, options?: TraceRunOptions): Promise<Trace>;
  /** A REPL session: its own namespace, or the one shared by every element with this name. */
  session(name: string): ReplSession;
  /**
   * Hears the engine's waits after loading (an import that fetches the rest of the standard
   * library), ended by the PROGRESS_DONE phase (src/engine/engines.ts); returns a function that stops listening.
   */
  onProgress?(listener: (progress: LoadProgress) => void): () => void;
}
