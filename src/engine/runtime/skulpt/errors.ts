// Python exceptions from Skulpt, told the way CPython tells them: the traceback with each frame's
// function name (Skulpt doesn't keep them), compile errors with their caret, SystemExit as the CLI
// ends.
import type { PythonError, RunOutcome } from '../types.js';
import type { WorkerIO } from '../protocol.js';
import { scopeNames } from './source-scan.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Skulpt is untyped JavaScript. */
type Sk = any;

/** How a run ended in an exception: the traceback goes to stderr, as CPython prints it. */
export function outcomeOf(Sk: Sk, error: unknown, io: WorkerIO, replFilenames: boolean, sources: ReadonlyMap<string, string>): RunOutcome {
  if (!(error instanceof Sk.builtin.BaseException)) {
    return { status: 'failed', message: `Skulpt failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const pythonError = describe(Sk, error, replFilenames, sources);
  io.stderr(pythonError.traceback);
  if (isA(Sk, error, 'KeyboardInterrupt')) return { status: 'stopped', sessionReset: false };
  return { status: 'error', error: pythonError };
}

/** An exception as CPython would print it, with its position in the element's code. */
function describe(Sk: Sk, error: Sk, replFilenames: boolean, sources: ReadonlyMap<string, string>): PythonError {
  const type: string = error.tp$name;
  const message = exceptionText(error);
  const finalLine = message === '' ? `${type}\n` : `${type}: ${message}\n`;
  if (error instanceof Sk.builtin.SyntaxError && error.$pyinnardsContext) {
    // A compile error: CPython prints where, the line and a caret, and no "Traceback" header.
    const [[line, column], , text] = error.$pyinnardsContext as [[number, number], [number, number], string];
    const filename = (error.traceback[0]?.filename as string | undefined) ?? '<string>';
    const sourceLine = String(text ?? '').replace(/\n$/, '');
    const stripped = sourceLine.trimStart();
    const caret = Math.max(0, column - (sourceLine.length - stripped.length));
    const shown = stripped ? `    ${stripped}\n    ${' '.repeat(caret)}^\n` : '';
    return { type, message, traceback: `  File "${filename}", line ${line}\n${shown}${finalLine}`, line, column: column + 1 };
  }
  const frames = [...(error.traceback as { lineno?: number; colno?: number; filename?: string }[])].reverse();
  let traceback = 'Traceback (most recent call last):\n';
  for (const frame of frames) {
    const filename = frame.filename ?? '<unknown>';
    const scope = scopeNames(sources.get(filename) ?? '')[frame.lineno ?? 0] ?? '<module>';
    traceback += `  File "${filename}", line ${frame.lineno ?? '?'}, in ${scope}\n`;
  }
  traceback += finalLine;
  // The position in the element's code: the innermost frame of its own file.
  const own = [...frames].reverse().find((frame) => frame.filename === frames[0]?.filename && !replFilenames);
  const where = own ?? frames.at(-1);
  return {
    type,
    message,
    traceback,
    ...(where?.lineno !== undefined ? { line: where.lineno } : {}),
    ...(where?.colno !== undefined ? { column: where.colno + 1 } : {}),
  };
}

/** str(exception), as the last traceback line shows it. */
function exceptionText(error: Sk): string {
  try {
    return String(error.tp$str().v);
  } catch {
    return '';
  }
}

/** instanceof a Skulpt exception class that this Skulpt may not have. */
export function isA(Sk: Sk, error: unknown, name: string): boolean {
  const type = Sk.builtin[name];
  return typeof type === 'function' && error instanceof type;
}

/** SystemExit ends a run as the CLI does. */
export function systemExit(Sk: Sk, error: Sk, io: WorkerIO): RunOutcome {
  // Like the CLI: exit(0)/exit() end normally; exit("text") prints the text; exit(n) fails.
  const code = error.args.v[0];
  if (code === undefined || code === Sk.builtin.none.none$ || (code instanceof Sk.builtin.int_ && Sk.builtin.asnum$(code) === 0)) {
    return { status: 'ok' };
  }
  const text = code instanceof Sk.builtin.int_ ? '' : `${Sk.misceval.objectRepr(code) && String(new Sk.builtin.str(code).v)}\n`;
  if (text) io.stderr(text);
  return { status: 'error', error: { type: 'SystemExit', message: String(new Sk.builtin.str(code).v), traceback: text } };
}
