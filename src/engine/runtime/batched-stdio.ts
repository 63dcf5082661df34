// A run's stdout and stderr, batched a frame's worth at a time, and its stdin text read line by
// line: what the worker gives Python (serve.ts) and what `pyinnards bake` gives a console in Node
// (src/cli/bake-console.ts), so a baked transcript is cut into output pieces as a live one is.

/** How long output waits to be sent with more: one frame. */
export const FLUSH_EVERY_MS = 16;

export interface BatchedStdio {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The next line of the stdin text (with its newline, but for the last), or null at its end. */
  stdinLine(): string | null;
  /** Sends what is pending, stdout before stderr. */
  flush(): void;
}

export function batchedStdio(emit: (kind: 'stdout' | 'stderr', text: string) => void, stdin: string | null): BatchedStdio {
  const pending = { stdout: '', stderr: '' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = performance.now();
  const lines = stdin === null ? [] : stdin.split(/(?<=\n)/);
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastFlush = performance.now();
    for (const kind of ['stdout', 'stderr'] as const) {
      if (pending[kind]) emit(kind, pending[kind]);
      pending[kind] = '';
    }
  };
  const write = (kind: 'stdout' | 'stderr', text: string) => {
    pending[kind] += text;
    // Pyodide runs code synchronously, so timers can't fire until it finishes: flush from
    // here once a frame's time has passed, and by timer for the last bit.
    if (performance.now() - lastFlush >= FLUSH_EVERY_MS) flush();
    else timer ??= setTimeout(flush, FLUSH_EVERY_MS);
  };
  return {
    stdout: (text) => write('stdout', text),
    stderr: (text) => write('stderr', text),
    stdinLine: () => lines.shift() ?? null,
    flush,
  };
}
