// CPython's `python -m ast` (ast.main) in Pyodide, with a SyntaxError reported as
// "".join(traceback.format_exception_only(err)) on stderr and status 1, as our CLI does.
import { cpython } from './cpython.js';
import type { CliResult } from './tokenize.js';

type PyFn = ((...args: unknown[]) => { toJs(): unknown; destroy(): void }) & { destroy(): void };
let runner: PyFn | undefined;

const RUNNER = `
def _pyinnards_ast(argv, stdin):
    import ast, io, sys, traceback, warnings
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(bytes(stdin.to_py())), encoding="utf-8")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            ast.main(list(argv))
        status = 0
    except SyntaxError as e:
        err.write("".join(traceback.format_exception_only(e)))
        out.truncate(0); out.seek(0)
        status = 1
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    return [out.getvalue(), err.getvalue(), status]
_pyinnards_ast
`;

/** Runs `python -m ast ARGS` in CPython; files must already be in Pyodide's FS. */
export async function oracleAst(argv: string[], stdin: Uint8Array = new Uint8Array()): Promise<CliResult> {
  const py = await cpython();
  runner ??= py.runPython(RUNNER) as PyFn;
  const r = runner(py.toPy(argv), stdin);
  const [stdout, stderr, status] = r.toJs() as [string, string, number];
  r.destroy();
  return { stdout, stderr, status };
}

/** ast.parse(source, '<unknown>', mode) in CPython: the dump with attributes, or the error's fields. */
export async function oracleParse(source: string, mode = 'exec'): Promise<CliResult> {
  return oracleAst(['-a', '-m', mode], new TextEncoder().encode(source));
}

export interface ExpectedSyntaxError {
  type: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  text: string | null;
  /** "".join(traceback.format_exception_only(err)) */
  formatted: string;
}

const ERRORS = `
def _pyinnards_errors(sources):
    import ast, traceback, warnings
    out = []
    for src in sources:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(src, type_comments=True)
            out.append(None)
        except SyntaxError as e:
            out.append({"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                        "end_lineno": e.end_lineno, "end_offset": e.end_offset, "text": e.text,
                        "formatted": "".join(traceback.format_exception_only(e))})
    return out
_pyinnards_errors
`;

/** What CPython's ast.parse raises for each source (null when it parses). */
export async function oracleSyntaxErrors(sources: string[]): Promise<Array<ExpectedSyntaxError | null>> {
  const py = await cpython();
  const fn = py.runPython(ERRORS) as PyFn;
  const r = fn(py.toPy(sources));
  const result = (r as unknown as { toJs(o: object): Array<ExpectedSyntaxError | null> }).toJs({ dict_converter: Object.fromEntries });
  r.destroy();
  fn.destroy();
  return result;
}

/** The fixture of CPython's errors for the gathered invalid programs (npm run fixtures). */
export async function generateInvalidExpectations(): Promise<unknown> {
  const { readFileSync } = await import('node:fs');
  const sources = JSON.parse(readFileSync('test/fixtures/parser-invalid-sources.json', 'utf8')) as Array<{ source: string }>;
  const py = await cpython();
  const version = py.runPython('import sys; sys.version.split()[0]') as string;
  return { cpython: version, errors: await oracleSyntaxErrors(sources.map((s) => s.source)) };
}
