// The oracle for consoles: CPython 3.14's own console class, _pyrepl.console.InteractiveColoredConsole
// (what `python3.14` runs at its prompt), without colour, compiling with PyCF_ALLOW_TOP_LEVEL_AWAIT
// as `python -m asyncio` does, and deciding when an input is complete with _pyrepl's own
// _more_lines. An input that awaits runs as a task in the console's context, as in asyncio's
// REPL; the console waits for it by blocking (Pyodide's run_sync), which needs WebAssembly stack
// switching: Node 20 has it behind a flag, so the oracle runs in a child process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * One step of a console session: text put at the prompt (typed, or pasted when it has several
 * lines) followed by Enter; or a pause in which no input runs while the event loop does (tasks
 * made by earlier inputs go on).
 */
export type ConsoleStep = string | { pause: number };

export interface StepResult {
  step: ConsoleStep;
  /** After Enter: the input is incomplete and the console waits at `... `. */
  more: boolean;
  /** What the console printed in response: stdout and stderr in the order they were written. */
  output: string;
}

/** The Python side, run by console-child.ts: sessions as JSON on stdin, results as JSON. */
export const CONSOLE_ORACLE = `
import ast, asyncio, contextvars, inspect, json, sys, types
from _pyrepl.console import InteractiveColoredConsole
from _pyrepl.simple_interact import _more_lines, _strip_final_indent
from pyodide.ffi import run_sync


class AsyncConsole(InteractiveColoredConsole):
    # python -m asyncio's console (asyncio/__main__.py) without its threads: the input's
    # function runs in the console's context, and a coroutine it returns runs as a task in that
    # context, waited for here. Errors print as InteractiveColoredConsole prints them.
    def __init__(self, namespace):
        super().__init__(namespace, filename="<stdin>")
        self.can_colorize = False
        self.compile.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        self.context = contextvars.copy_context()

    def runcode(self, code):
        func = types.FunctionType(code, self.locals)
        try:
            result = self.context.run(func)
            if inspect.iscoroutine(result):
                task = asyncio.get_event_loop().create_task(result, context=self.context)
                # Wait without raising (run_sync would also print a failed task's traceback
                # itself), then raise what the task raised, here, as the console would.
                run_sync(asyncio.wait([task]))
                task.result()
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()
            return self.STATEMENT_FAILED
        return None


class Terminal:
    # stdout and stderr as one terminal shows them: in the order written.
    def __init__(self, chunks):
        self.chunks = chunks
    def write(self, text):
        self.chunks.append(text)
        return len(text)
    def flush(self):
        pass


def run_session(steps):
    import builtins
    builtins.__dict__.pop("_", None)
    # python -m asyncio's namespace starts with asyncio imported.
    console = AsyncConsole({"__name__": "__main__", "__builtins__": builtins, "asyncio": asyncio})
    results, lines, n = [], [], 0
    for step in steps:
        chunks = []
        sys.stdout = sys.stderr = Terminal(chunks)
        try:
            if isinstance(step, dict):
                run_sync(asyncio.sleep(step["pause"] / 1000))
                more = False
            else:
                lines.append(step)
                text = "\\n".join(lines)
                more = _more_lines(console, text)
                if not more:
                    lines = []
                    console.push(_strip_final_indent(text), filename=f"<python-input-{n}>", _symbol="single")
                    n += 1
        finally:
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        results.append({"step": step, "more": more, "output": "".join(chunks)})
    return results


def main(sessions):
    sys.excepthook = sys.__excepthook__
    return json.dumps([run_session(steps) for steps in json.loads(sessions)])
main
`;

/** What CPython 3.14's console prints for each session, step by step. */
export function consoleTranscripts(sessions: ConsoleStep[][]): StepResult[][] {
  const child = fileURLToPath(new URL('./console-child.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--experimental-wasm-stack-switching', '--import', 'tsx', child], {
    input: JSON.stringify(sessions),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the console oracle failed:\n${result.stderr.slice(-4000)}`);
  return JSON.parse(result.stdout) as StepResult[][];
}
