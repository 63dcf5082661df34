// Tokenizer-specific helpers around the CPython oracle (test/oracle/cpython.ts): run
// `python -m tokenize` on files and stdin inside Pyodide, list the stdlib corpus, and produce the
// data tables that src/engine/tokenizer/cpython-data.ts is generated from.
import { cpython, pyodideDir } from './cpython.js';

export { pyodideDir };

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number;
}

// Runs tokenize._main the way `python -m tokenize ARGS` would, with stdout/stderr captured exactly.
// stdin is given as bytes and read with newline='\n' (no newline translation), which is what
// CPython's own sys.stdin does on POSIX; test/oracle's generic runner uses universal newlines.
const CLI_RUNNER = `
def _pyinnards_tokenize_cli(argv, stdin_bytes):
    import io, sys, tokenize, warnings
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr, sys.stdin, sys.argv
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="backslashreplace", newline="\\n", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", newline="\\n", write_through=True)
    sys.stdin = io.TextIOWrapper(io.BytesIO(bytes(stdin_bytes)), encoding="utf-8", newline="\\n")
    sys.argv = ["tokenize"] + list(argv)
    status = 0
    try:
        with warnings.catch_warnings():
            warnings.resetwarnings()
            tokenize._main()
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e:
        import traceback
        traceback.print_exception(e)
        status = 1
    finally:
        sys.stdout.flush(); sys.stderr.flush()
        sys.stdout.detach(); sys.stderr.detach()
        sys.stdout, sys.stderr, sys.stdin, sys.argv = saved
    return [out.getvalue().decode("utf-8", "backslashreplace"), err.getvalue().decode("utf-8", "backslashreplace"), status]
_pyinnards_tokenize_cli
`;

type PyFn = (...args: unknown[]) => { toJs(): unknown; destroy(): void };
let cliRunner: PyFn | undefined;

async function runner(): Promise<PyFn> {
  const py = await cpython();
  cliRunner ??= py.runPython(CLI_RUNNER) as PyFn;
  return cliRunner;
}

/** Where oracle inputs are written inside Pyodide's in-memory file system. */
export const ORACLE_DIR = '/tmp/pyinnards-tokenize';

/**
 * `python -m tokenize ARGS` in CPython. `files` are written into Pyodide's FS first (paths are
 * relative to ORACLE_DIR unless absolute) and the working directory is ORACLE_DIR.
 */
export async function oracleTokenizeCli(
  args: string[],
  files: Record<string, Uint8Array | string> = {},
  stdin: Uint8Array | string = new Uint8Array(),
): Promise<CliResult> {
  const py = await cpython();
  const run = await runner();
  py.FS.mkdirTree(ORACLE_DIR);
  py.FS.chdir(ORACLE_DIR);
  for (const [name, content] of Object.entries(files)) {
    py.FS.writeFile(name, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  const input = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  const result = run(args, input);
  const [stdout, stderr, status] = result.toJs() as [string, string, number];
  result.destroy();
  return { stdout, stderr, status };
}

/** Every .py file of Pyodide's python_stdlib.zip, as [path inside the zip, bytes]. */
export async function stdlibFiles(): Promise<Array<[string, Uint8Array]>> {
  const py = await cpython();
  const { readFileSync } = await import('node:fs');
  const zip = readFileSync(pyodideDir + '/python_stdlib.zip');
  py.FS.mkdirTree('/tmp/pyinnards-zip');
  py.FS.writeFile('/tmp/pyinnards-zip/stdlib.zip', zip);
  const list = py.runPython(`
import zipfile
_z = zipfile.ZipFile('/tmp/pyinnards-zip/stdlib.zip')
[[n, _z.read(n)] for n in sorted(_z.namelist()) if n.endswith('.py')]
`) as { toJs(): Array<[string, Uint8Array]>; destroy(): void };
  const files = list.toJs();
  list.destroy();
  return files;
}

/**
 * Runs CPython's tokenize CLI over many files in one Python call (far faster than one call per
 * file), in the given mode. Files must already be written to the FS at the given paths.
 */
export async function oracleTokenizeMany(paths: string[], exact: boolean): Promise<CliResult[]> {
  const run = await runner();
  const results: CliResult[] = [];
  for (const p of paths) {
    const r = run(exact ? ['-e', p] : [p], new Uint8Array());
    const [stdout, stderr, status] = r.toJs() as [string, string, number];
    r.destroy();
    results.push({ stdout, stderr, status });
  }
  return results;
}

/** Writes files into Pyodide's FS (creating folders) so the oracle can open them by path. */
export async function writeOracleFiles(files: Array<[string, Uint8Array]>): Promise<void> {
  const py = await cpython();
  for (const [name, bytes] of files) {
    const slash = name.lastIndexOf('/');
    if (slash > 0) py.FS.mkdirTree(name.slice(0, slash));
    py.FS.writeFile(name, bytes);
  }
}

let genRunner: PyFn | undefined;

/** `list(tokenize.generate_tokens(io.StringIO(source).readline))` as plain tuples, or the error. */
export async function oracleGenerateTokens(source: string): Promise<{
  tokens: Array<[number, string, [number, number], [number, number], string]>;
  error?: { type: string; message: string; lineno: number | null; offset: number | null };
}> {
  const py = await cpython();
  genRunner ??= py.runPython(`
def _pyinnards_gen(source):
    import io, tokenize
    toks = []
    err = None
    try:
        for t in tokenize.generate_tokens(io.StringIO(source).readline):
            toks.append([t.type, t.string, list(t.start), list(t.end), t.line])
    except tokenize.TokenError as e:
        err = ["TokenError", e.args[0], e.args[1][0], e.args[1][1]]
    except SyntaxError as e:
        err = [type(e).__name__, e.args[0], e.args[1][1], e.args[1][2]]
    except Exception as e:
        err = [type(e).__name__, str(e), None, None]
    return [toks, err]
_pyinnards_gen
`) as PyFn;
  const r = genRunner(source);
  const [tokens, err] = r.toJs() as [
    Array<[number, string, [number, number], [number, number], string]>,
    [string, string, number | null, number | null] | null,
  ];
  r.destroy();
  if (!err) return { tokens };
  return { tokens, error: { type: err[0], message: err[1], lineno: err[2], offset: err[3] } };
}

/** Legacy single-byte codecs whose decoding tables we embed (TextDecoder's differ from Python's). */
const SINGLE_BYTE_CODECS = [
  'cp1250', 'cp1251', 'cp1252', 'cp1253', 'cp1254', 'cp1257', 'iso8859_2', 'iso8859_5', 'iso8859_7',
  'iso8859_9', 'iso8859_15', 'koi8_r', 'koi8_u', 'mac_roman', 'cp437', 'cp850', 'cp866',
];

/** The facts the tokenizer tables are generated from, straight from CPython. */
export async function cpythonTokenizerFacts(): Promise<{
  version: string;
  tokNames: Array<[number, string]>;
  exactTokenTypes: Array<[string, number]>;
  kwlist: string[];
  softkwlist: string[];
  nonPrintable: number[];
  codecAliases: Array<[string, string]>;
  codecModules: Array<[string, string]>;
  charmaps: Array<[string, string]>;
}> {
  const py = await cpython();
  const json = py.runPython(`
SINGLE_BYTE_CODECS = ${JSON.stringify(SINGLE_BYTE_CODECS)}
import json, sys, token, keyword, codecs, encodings, encodings.aliases, pkgutil
ranges = []
start = None
for cp in range(0x110000):
    bad = not chr(cp).isprintable()
    if bad and start is None:
        start = cp
    elif not bad and start is not None:
        ranges += [start, cp]
        start = None
if start is not None:
    ranges += [start, 0x110000]
modules = []
for m in sorted(pkgutil.iter_modules(encodings.__path__), key=lambda m: m.name):
    try:
        info = codecs.lookup(m.name)
    except LookupError:
        continue
    if getattr(info, '_is_text_encoding', True):
        modules.append([m.name, info.name])
charmaps = []
for name in SINGLE_BYTE_CODECS:
    table = ''
    for b in range(256):
        try:
            table += bytes([b]).decode(name)
        except UnicodeDecodeError:
            table += '\ufffe'
    charmaps.append([name, table])
json.dumps({
  "charmaps": charmaps,
  "version": sys.version.split()[0],
  "tokNames": sorted([k, v] for k, v in token.tok_name.items()),
  "exactTokenTypes": sorted([k, v] for k, v in token.EXACT_TOKEN_TYPES.items()),
  "kwlist": keyword.kwlist,
  "softkwlist": keyword.softkwlist,
  "nonPrintable": ranges,
  "codecAliases": sorted([k, v] for k, v in encodings.aliases.aliases.items()),
  "codecModules": modules,
})
`) as string;
  return JSON.parse(json);
}

/** The text of src/engine/tokenizer/cpython-data.ts, generated from cpythonTokenizerFacts(). */
export async function generateTokenizerData(): Promise<string> {
  const f = await cpythonTokenizerFacts();
  const lines: string[] = [];
  lines.push(
    `// Generated by npm run fixtures (scripts/regenerate-fixtures.ts) from CPython ${f.version} (Pyodide): do not edit.`,
    '// Tables the tokenizer cannot derive by itself; a test checks them against CPython.',
    '',
    `export const CPYTHON_VERSION = ${JSON.stringify(f.version)};`,
    '',
    '/** token.tok_name as [number, name] pairs. */',
    `export const TOKEN_NAME_TABLE: ReadonlyArray<readonly [number, string]> = ${JSON.stringify(f.tokNames)};`,
    '',
    '/** token.EXACT_TOKEN_TYPES as [operator, number] pairs. */',
    `export const EXACT_TOKEN_TABLE: ReadonlyArray<readonly [string, number]> = ${JSON.stringify(f.exactTokenTypes)};`,
    '',
    `export const KWLIST: readonly string[] = ${JSON.stringify(f.kwlist)};`,
    `export const SOFTKWLIST: readonly string[] = ${JSON.stringify(f.softkwlist)};`,
    '',
    '/**',
    ' * Code points for which str.isprintable() is False, as sorted [start, end) pairs flattened,',
    ' * delta-encoded in base 36 to keep the bundle small (see decodeRanges in py-repr.ts).',
    ' */',
    `export const NON_PRINTABLE_RANGES = ${JSON.stringify(deltaEncode(f.nonPrintable))};`,
    '',
    '/** encodings.aliases.aliases: normalized alias -> codec module. */',
    `export const CODEC_ALIASES: ReadonlyArray<readonly [string, string]> = ${JSON.stringify(f.codecAliases)};`,
    '',
    '/**',
    ' * Decoding tables of some single-byte codecs: 256 characters each, U+FFFE where CPython',
    ' * cannot decode the byte.',
    ' */',
    `export const CHARMAPS: ReadonlyArray<readonly [string, string]> = ${JSON.stringify(f.charmaps)};`,
    '',
    '/** Text codec modules of the encodings package -> CodecInfo.name. */',
    `export const CODEC_MODULES: ReadonlyArray<readonly [string, string]> = ${JSON.stringify(f.codecModules)};`,
    '',
  );
  return lines.join('\n');
}

function deltaEncode(values: number[]): string {
  let previous = 0;
  const parts: string[] = [];
  for (const v of values) {
    parts.push((v - previous).toString(36));
    previous = v;
  }
  return parts.join(',');
}
