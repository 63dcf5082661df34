// A plain sys.settrace recorder in CPython 3.14 (test/oracle/settrace_reference.py, run by the
// oracle's Pyodide): what CPython itself reports for a program, event by event, to compare the
// Pyodide backend's recorder against.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpython } from './cpython.js';

const SOURCE = fileURLToPath(new URL('./settrace_reference.py', import.meta.url));

/** One frame on the stack: qualified name, line, f_lasti, locals as [name, repr, type, id()]. */
export type ReferenceFrame = [qualname: string, line: number | null, lasti: number, locals: Array<[string, string, string, number]>];

export interface ReferenceEvent {
  event: string;
  /** Outermost first. */
  stack: ReferenceFrame[];
  /** Characters (code points) printed so far. */
  stdout: number;
  /** `return`: repr of the value. */
  value?: string;
  /** `exception`: type name and str(). */
  exception?: [string, string];
}

export interface ReferenceTrace {
  events: ReferenceEvent[];
  stdout: string;
  /** The uncaught exception's type name, or null. */
  error: string | null;
  /** Indices of the events where `breakpoint()` would stop the debugger. */
  breakpoints: number[];
}

export interface ReferenceOptions {
  filename?: string;
  stdin?: string;
  /** Trace every instruction too (`f_trace_opcodes`). */
  opcodes?: boolean;
  /** asyncio.run() on CPython's own event loop instead of Pyodide's WebLoop. */
  nativeEventLoop?: boolean;
}

let loaded: Promise<void> | undefined;

export async function referenceTrace(code: string, options: ReferenceOptions = {}): Promise<ReferenceTrace> {
  const py = await cpython();
  loaded ??= (async () => {
    py.FS.mkdirTree('/oracle');
    py.FS.writeFile('/oracle/settrace_reference.py', readFileSync(SOURCE, 'utf8'));
    py.runPython('import sys\nif "/oracle" not in sys.path: sys.path.insert(0, "/oracle")');
  })();
  await loaded;
  const globals = py.toPy({
    code,
    filename: options.filename ?? '<py-frames>',
    stdin: options.stdin ?? '',
    opcodes: options.opcodes ?? false,
    native: options.nativeEventLoop ?? false,
  });
  try {
    const text = py.runPython(
      [
        'import contextlib, settrace_reference as reference',
        'with reference.native_event_loop() if native else contextlib.nullcontext():',
        '    result = reference.record(code, filename, stdin, opcodes)',
        'result',
      ].join('\n'),
      { globals },
    ) as string;
    return JSON.parse(text) as ReferenceTrace;
  } finally {
    globals.destroy();
  }
}
