// Loads src/engine/runtime/pyodide/python/pyinnards_runtime.py into the oracle's Pyodide (the
// same CPython 3.14 the tests compare against) and calls it as the worker does, capturing
// stdout/stderr byte-exactly through Pyodide's raw `write` handlers.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PyodideInterface } from 'pyodide';
import { cpython } from '../../oracle/cpython.js';
import type { Helpers, Recorder } from '../../../src/engine/runtime/pyodide/helpers.js';

const PYTHON_DIR = fileURLToPath(new URL('../../../src/engine/runtime/pyodide/python/', import.meta.url));

export interface Captured {
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order they were written, as a terminal would show them. */
  both: string;
}

let loaded: Promise<{ py: PyodideInterface; helpers: Helpers; recorder: Recorder }> | undefined;
let sink: Captured | undefined;

export function runtime(): Promise<{ py: PyodideInterface; helpers: Helpers; recorder: Recorder }> {
  loaded ??= (async () => {
    const py = await cpython();
    for (const kind of ['stdout', 'stderr'] as const) {
      const decoder = new TextDecoder();
      const set = kind === 'stdout' ? py.setStdout : py.setStderr;
      set({
        write(bytes: Uint8Array) {
          const text = decoder.decode(bytes, { stream: true });
          if (sink) {
            sink[kind] += text;
            sink.both += text;
          }
          return bytes.length;
        },
      });
    }
    py.FS.mkdirTree('/pyinnards');
    // Every helper module, as the worker writes them (the stdlib fallback is installed only there).
    for (const file of readdirSync(PYTHON_DIR).filter((name) => name.endsWith('.py'))) {
      py.FS.writeFile(`/pyinnards/${file}`, readFileSync(PYTHON_DIR + file, 'utf8'));
    }
    py.runPython('import sys\nif "/pyinnards" not in sys.path: sys.path.insert(0, "/pyinnards")');
    const helpers = py.pyimport('pyinnards_runtime') as unknown as Helpers;
    const recorder = py.pyimport('pyinnards_recorder') as unknown as Recorder;
    return { py, helpers, recorder };
  })();
  return loaded;
}

/** Runs `fn` with stdout/stderr captured. */
export async function capture<T>(fn: () => T | Promise<T>): Promise<{ value: T } & Captured> {
  const previous = sink;
  const captured: Captured = { stdout: '', stderr: '', both: '' };
  sink = captured;
  try {
    const value = await fn();
    return { value, ...captured };
  } finally {
    sink = previous;
  }
}

/** A stdin that hands out `text` line by line (newlines kept), then end of input. */
export function stdinOf(text: string): () => string | undefined {
  const lines = text === '' ? [] : text.split(/(?<=\n)/);
  return () => lines.shift();
}

/** Compiles and runs Python in the shared interpreter, returning its value converted to JS. */
export async function pyEval<T>(code: string, globals: Record<string, unknown> = {}): Promise<T> {
  const { py } = await runtime();
  const ns = py.toPy(globals) as { destroy(): void };
  try {
    const value = py.runPython(code, { globals: ns as never }) as unknown;
    if (value && typeof value === 'object' && 'toJs' in value) {
      const proxy = value as unknown as { toJs(o: object): unknown; destroy(): void };
      const js = proxy.toJs({ dict_converter: Object.fromEntries });
      proxy.destroy();
      return js as T;
    }
    return value as T;
  } finally {
    ns.destroy();
  }
}
