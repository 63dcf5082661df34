// The messages between the page (host.ts) and a backend's worker (serve.ts). Every request has
// an id; the worker answers with events for that id, ending with `done` or `failed`.
import type { Capabilities, DisassembleRequest, Disassembly, PythonError, RunOutcome } from './types.js';
import type { Trace, TraceOptions } from '../trace/format.js';

export interface LoadSettings {
  /** Folder URL of pyodide.mjs and its assets (pyodide backend). */
  pyodideUrl: string;
  /**
   * The kit's trimmed python_stdlib.zip (scripts/build-stdlib.mjs), used instead of Pyodide's
   * whole one, which is then fetched only when code imports a module the trimmed zip lacks.
   * Absent (unbundled sources, tests): Pyodide's whole zip.
   */
  stdlibUrl?: string;
  /**
   * Start Python from the state a previous page view on this site saved, and save it after a
   * cold start (pyodide backend; ./pyodide/snapshot.ts). Off: always a cold start.
   */
  snapshot?: boolean;
  /** A SharedArrayBuffer-backed Int32Array of one cell for interrupts, when crossOriginIsolated. */
  interruptBuffer?: Int32Array;
  /**
   * Shared memory through which the page answers input() while the worker waits synchronously
   * (Pyodide runs Python synchronously, so it can't wait for a message), when crossOriginIsolated.
   * Layout: Int32 state (0 waiting, 1 answered, 2 end of input), Int32 byte length, UTF-8 bytes.
   */
  inputBuffer?: SharedArrayBuffer;
}

/** Offsets in LoadSettings.inputBuffer. */
export const INPUT_STATE = 0;
export const INPUT_LENGTH = 1;
export const INPUT_BYTES_OFFSET = 8;

export type Request =
  | { id: number; kind: 'load'; settings: LoadSettings }
  | { id: number; kind: 'run'; code: string; filename: string; stdin: string | null; askInput: boolean }
  | { id: number; kind: 'disassemble'; code: string; options: DisassembleRequest }
  | { id: number; kind: 'trace'; code: string; options: TraceOptions; stdin: string | null; askInput: boolean }
  | { id: number; kind: 'push'; session: string; source: string; force: boolean; stdin: string | null; askInput: boolean }
  | { id: number; kind: 'complete'; session: string; text: string }
  | { id: number; kind: 'reset'; session: string }
  /** The reader's answer to an `input` event (null: end of input). */
  | { id: number; kind: 'input-reply'; value: string | null }
  /** Stop the running code, for backends that can take it between steps (Skulpt). */
  | { id: number; kind: 'interrupt' };

export type Reply =
  | { id: number; kind: 'progress'; phase: string; loaded?: number; total?: number }
  | { id: number; kind: 'stdout' | 'stderr'; text: string }
  | { id: number; kind: 'input'; prompt: string }
  /** Output of a console's task while none of its inputs runs (not an answer to a request: id 0). */
  | { id: 0; kind: 'console-output'; session: string; stream: 'stdout' | 'stderr'; text: string }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; message: string };

/** What each backend implements inside its worker. */
export interface WorkerBackend {
  load(settings: LoadSettings, progress: (phase: string, loaded?: number, total?: number) => void): Promise<Capabilities>;
  run(code: string, filename: string, io: WorkerIO): Promise<RunOutcome>;
  disassemble(code: string, options: DisassembleRequest): Promise<Disassembly>;
  /** Records a run; a run stopped by an interrupt still returns what was recorded. */
  trace(code: string, options: TraceOptions, io: WorkerIO): Promise<Trace>;
  /** Enter at a console's prompt with `source` in it; returns whether more input is needed and how the run went. */
  push(session: string, source: string, force: boolean, io: WorkerIO): Promise<{ more: boolean; outcome: RunOutcome }>;
  complete(session: string, text: string): Promise<string[]>;
  reset(session: string): Promise<void>;
  /**
   * Raises KeyboardInterrupt in the running code at its next chance, for backends that yield
   * to the worker's event loop while running (Pyodide doesn't: it uses the interrupt buffer).
   */
  interrupt?(): void;
  /** Where to send what a console's tasks print while no input of that console runs. */
  consoleOutput?(listener: (session: string, stream: 'stdout' | 'stderr', text: string) => void): void;
}

/** Output and input for one request, inside the worker. */
export interface WorkerIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * A line for input(): from the reader when the backend can wait (`askInput`), else from the
   * `stdin` text; null at end of input.
   */
  input(prompt: string): Promise<string | null>;
  /** The next line of the stdin text, synchronously (for backends that can't wait). */
  stdinLine(): string | null;
  /**
   * Asks the reader for a line and blocks until the answer (null: end of input). Present only
   * when the request asked for input and the page shares memory with the worker.
   */
  inputSync?(prompt: string): string | null;
}

export type { PythonError };
