// The one TypeScript view of the Python helpers (python/pyinnards_runtime.py and
// python/pyinnards_recorder.py) as Pyodide hands them to JavaScript: the worker's backend and the
// Node tests that call the helpers directly both use these types.

/** The next line for input(): text (undefined at end of input), or a promise of it where Python can wait. */
export type Readline = () => string | undefined | Promise<string | undefined>;

/** The helpers module as seen from JS: each function returns JSON text (see the .py file). */
export interface Helpers {
  run: PyFunction<[code: string, filename: string, readline: Readline], string>;
  /** `awaitLine`: where Python can't block for the reader, input() at an input's top level awaits this instead. */
  push: PyFunction<[session: string, source: string, readline?: Readline, force?: boolean, awaitLine?: () => Promise<string | undefined>], Promise<string>>;
  complete(session: string, text: string): string;
  reset(session: string): void;
  interrupt(): boolean;
  /** Where text that consoles' tasks print between inputs goes. */
  send_console_output(send: ((session: string, stream: 'stdout' | 'stderr', text: string) => void) | null): void;
  disassemble(code: string, options: string): string;
}

/** The recorder module as seen from JS. */
export interface Recorder {
  trace: PyFunction<[code: string, options: string, readline: Readline], string>;
}

export interface PyFunction<A extends unknown[], R> {
  (...args: A): R;
  callPromising(...args: A): Promise<Awaited<R>>;
}
