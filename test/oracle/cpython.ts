// The oracle: CPython 3.14 itself, via the pinned `pyodide` devDependency running in Node.
// Tests ask it what CPython prints instead of hard-coding expected outputs.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';

const require = createRequire(import.meta.url);
/** Folder of the installed pyodide package: its wasm, lock file and python_stdlib.zip. */
export const pyodideDir = dirname(require.resolve('pyodide/package.json'));

let loading: Promise<PyodideInterface> | undefined;

/** One Pyodide per Node process: loading takes seconds, so every test shares it. */
export function cpython(): Promise<PyodideInterface> {
  loading ??= start();
  return loading;
}

/**
 * Most Node test files ask the oracle something, each in a process of its own, and a cold start
 * costs some 3 s of CPU (the 2-core CI machine's scarcest resource). So the first process saves
 * CPython's memory right after it starts (Pyodide's memory snapshot, as the kit does in browsers)
 * and the others start from it in a third of the time. It is the same interpreter in the same
 * state: nothing has run in it yet. Kept with the build stamp in node_modules/.cache/, named for
 * the Pyodide files and WebAssembly features it was made with; one Pyodide refuses means a cold start.
 */
async function start(): Promise<PyodideInterface> {
  const options = { indexURL: pyodideDir + '/', stdout: () => {}, stderr: () => {} };
  const file = snapshotFile();
  if (existsSync(file)) {
    try {
      return await loadPyodide({ ...options, _loadSnapshot: readFileSync(file) });
    } catch {
      // (Made by another Pyodide build: start cold, and save a new one.)
    }
  }
  const py = await loadPyodide({ ...options, _makeSnapshot: true });
  const snapshot = py.makeMemorySnapshot();
  // Written whole, then renamed: a process that starts meanwhile finds no file or a complete one.
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, snapshot);
  renameSync(partial, file);
  return py;
}

function snapshotFile(): string {
  const { version } = require('pyodide/package.json') as { version: string };
  const files = ['pyodide.asm.wasm', 'pyodide.asm.mjs', 'python_stdlib.zip'].map((name) => {
    const stat = statSync(join(pyodideDir, name));
    return `${name} ${stat.size} ${stat.mtimeMs}`;
  });
  // Pyodide builds CPython's memory differently where WebAssembly can switch stacks (the console
  // oracle's child runs with --experimental-wasm-stack-switching): one snapshot for each.
  const features = Object.getOwnPropertyNames(WebAssembly).sort();
  const key = createHash('sha256').update(JSON.stringify([version, files, features])).digest('hex').slice(0, 16);
  return join(pyodideDir, '..', '.cache', 'pyinnards', `oracle-snapshot-${key}.bin`);
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** The exit status `python3 -c` would give: 0, the SystemExit code, or 1 for an uncaught exception. */
  status: number;
}

/**
 * Run `code` as a `__main__`-like script with its own globals, capturing stdout and stderr
 * exactly (no line buffering tricks), and report the exit status like the CLI would.
 * `argv` becomes sys.argv; `stdin` (text or bytes) feeds sys.stdin.
 */
export async function runPython(
  code: string,
  options: { argv?: string[]; stdin?: string | Uint8Array } = {},
): Promise<RunResult> {
  const py = await cpython();
  const runner = py.runPython(RUNNER) as (
    code: string,
    argv: string[],
    stdin: Uint8Array,
  ) => { toJs(): [string, string, number]; destroy(): void };
  const stdin =
    typeof options.stdin === 'string'
      ? new TextEncoder().encode(options.stdin)
      : (options.stdin ?? new Uint8Array());
  const result = runner(code, options.argv ?? ['-c'], stdin);
  const [stdout, stderr, status] = result.toJs();
  result.destroy();
  return { stdout, stderr, status };
}

// Kept as Python so the capture uses CPython's own io classes: the text we compare against is
// what a real terminal would receive, newline translation included.
const RUNNER = `
def _pyinnards_run(code, argv, stdin):
    import io, sys, traceback
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr, sys.stdin, sys.argv
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="backslashreplace", newline="\\n", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", newline="\\n", write_through=True)
    sys.stdin = io.TextIOWrapper(io.BytesIO(bytes(stdin.to_py())), encoding="utf-8")
    sys.argv = list(argv)
    status = 0
    try:
        exec(compile(code, "<string>", "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        code_ = e.code
        if code_ is None:
            status = 0
        elif isinstance(code_, int):
            status = code_
        else:
            print(code_, file=sys.stderr)
            status = 1
    except BaseException as e:
        # Skip this runner's own frame so the traceback starts where python3 -c would.
        traceback.print_exception(type(e), e, e.__traceback__.tb_next)
        status = 1
    finally:
        sys.stdout.flush(); sys.stderr.flush()
        # Detach so the wrappers, once collected, don't close the buffers we read below.
        sys.stdout.detach(); sys.stderr.detach()
        sys.stdout, sys.stderr, sys.stdin, sys.argv = saved
    return (out.getvalue().decode("utf-8", "backslashreplace"), err.getvalue().decode("utf-8", "backslashreplace"), status)
_pyinnards_run
`;

/** What `dis.dis(compile(code, filename, "exec"))` prints on CPython 3.14. */
export async function disText(code: string, filename = '<py-dis>'): Promise<string> {
  const result = await runPython(
    'import dis, sys\ndis.dis(compile(sys.stdin.read(), sys.argv[1], "exec"))',
    { argv: ['-c', filename], stdin: code },
  );
  if (result.status !== 0) throw new Error(`CPython could not disassemble the code:\n${result.stderr}`);
  return result.stdout;
}

/** What `print(ast.dump(ast.parse(code)))` prints on CPython 3.14 (`<py-ast>`'s default text). */
export async function astDumpText(code: string): Promise<string> {
  const result = await runPython('import ast, sys\nprint(ast.dump(ast.parse(sys.stdin.read())), end="")', { stdin: code });
  if (result.status !== 0) throw new Error(`CPython could not parse the code:\n${result.stderr}`);
  return result.stdout;
}
