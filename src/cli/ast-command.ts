// `pyinnards ast [-a] [-i N] [-m MODE] [--show-empty] [FILE]`: prints what
// `python3.14 -m ast` prints (ast.main), byte for byte. On a SyntaxError: nothing on stdout,
// exit status 1, and on stderr "".join(traceback.format_exception_only(err)).
// Pure: file and stdin access are passed in, so tests can run it too.
import { decodeSource, pyRepr, TokenizeError } from '../engine/tokenizer/index.js';
import { nullByteError, parse, type ParseMode, type ParseWarning } from '../engine/parser/parse.js';
import { dump } from '../engine/parser/dump.js';
import { PySyntaxError } from '../engine/parser/errors.js';
import { formatSyntaxError } from '../engine/parser/format-error.js';
import { useUnicodeNames } from '../engine/parser/unicode-names.js';
import { UNICODE_NAMES } from '../engine/parser/unicode-names-data.js';
import type { CommandResult } from './tokenize-command.js';

const MODES: readonly string[] = ['exec', 'single', 'eval', 'func_type'];

interface AstArgs {
  file: string;
  mode: ParseMode;
  includeAttributes: boolean;
  indent: number;
  showEmpty: boolean;
}

class Exit {
  constructor(readonly result: CommandResult) {}
}

const USAGE = (prog: string): string =>
  `usage: ${prog} [-h] [-m {exec,single,eval,func_type}] [--no-type-comments] [-a]\n` +
  `${' '.repeat(prog.length + 7)} [-i INDENT] [--feature-version VERSION] [-O LEVEL]\n` +
  `${' '.repeat(prog.length + 7)} [--show-empty]\n` +
  `${' '.repeat(prog.length + 7)} [infile]\n`;

function parseArgs(args: string[], prog: string): AstArgs {
  const fail = (msg: string): never => {
    throw new Exit({ stdout: '', stderr: `${USAGE(prog)}${prog}: error: ${msg}\n`, status: 2 });
  };
  const out: AstArgs = { file: '-', mode: 'exec', includeAttributes: false, indent: 3, showEmpty: false };
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (name: string): string => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      if (!arg.startsWith('--') && arg.length > 2) return arg.slice(2);
      const v = args[++i];
      if (v === undefined) fail(`argument ${name}: expected one argument`);
      return v as string;
    };
    if (arg === '-h' || arg === '--help') throw new Exit({ stdout: USAGE(prog), stderr: '', status: 0 });
    else if (arg === '-a' || arg === '--include-attributes') out.includeAttributes = true;
    else if (arg === '--show-empty') out.showEmpty = true;
    else if (arg === '--no-type-comments') continue;
    else if (arg.startsWith('-m') || arg.startsWith('--mode')) {
      const m = value('-m/--mode');
      if (!MODES.includes(m)) fail(`argument -m/--mode: invalid choice: ${pyRepr(m)} (choose from ${MODES.join(', ')})`);
      out.mode = m as ParseMode;
    } else if (arg.startsWith('-i') || arg.startsWith('--indent')) {
      const v = value('-i/--indent');
      if (!/^\s*[-+]?\d+\s*$/.test(v)) fail(`argument -i/--indent: invalid int value: ${pyRepr(v)}`);
      out.indent = parseInt(v, 10);
    } else if (arg !== '-' && arg.startsWith('-')) fail(`unrecognized arguments: ${arg}`);
    else if (file === null) file = arg;
    else fail(`unrecognized arguments: ${arg}`);
  }
  out.file = file ?? '-';
  return out;
}

/** Runs `python -m ast ARGS` with the given file and stdin access. */
export function runAst(
  args: string[],
  readFile: (path: string) => Uint8Array,
  readStdin: () => Uint8Array,
  options: { prog?: string } = {},
): CommandResult {
  const prog = options.prog ?? 'python3.14 -m ast';
  let parsed: AstArgs;
  try {
    parsed = parseArgs(args, prog);
  } catch (e) {
    if (e instanceof Exit) return e.result;
    throw e;
  }
  const name = parsed.file === '-' ? '<stdin>' : parsed.file;
  let bytes: Uint8Array;
  try {
    bytes = parsed.file === '-' ? readStdin() : readFile(parsed.file);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const text = code === 'ENOENT' ? '[Errno 2] No such file or directory' : String((e as Error).message);
    return { stdout: '', stderr: `FileNotFoundError: ${text}: ${pyRepr(parsed.file)}\n`, status: 1 };
  }
  // Checked on the bytes, before any decoding, as compile() does.
  if (bytes.includes(0)) return { stdout: '', stderr: formatSyntaxError(nullByteError()), status: 1 };
  let source: string;
  try {
    source = decodeSource(bytes, null).text;
  } catch (e) {
    if (e instanceof TokenizeError) return { stdout: '', stderr: `SyntaxError: ${e.message}\n`, status: 1 };
    throw e;
  }
  // What warnings.showwarning prints: the line only when linecache can read the file.
  let warnings = '';
  const lines = parsed.file === '-' ? [] : source.split(/\r\n|\r|\n/);
  const onWarning = ({ lineno, message }: ParseWarning): void => {
    warnings += `${name}:${lineno}: SyntaxWarning: ${message}\n`;
    const line = (lines[lineno - 1] ?? '').trim();
    if (line) warnings += `  ${line}\n`;
  };
  // In Node the name table is at hand: take it when an escape needs it.
  if (source.includes('\\N{')) useUnicodeNames(UNICODE_NAMES);
  try {
    const tree = parse(source, { filename: name, mode: parsed.mode, onWarning });
    const text = dump(tree, { indent: parsed.indent, includeAttributes: parsed.includeAttributes, showEmpty: parsed.showEmpty });
    return { stdout: text + '\n', stderr: warnings, status: 0 };
  } catch (e) {
    if (e instanceof PySyntaxError) {
      // The keyword hint's compiles warn too, as a file linecache can't read.
      const text = formatSyntaxError(e, (w) => (warnings += `<input>:${w.lineno}: SyntaxWarning: ${w.message}\n`));
      return { stdout: '', stderr: warnings + text, status: 1 };
    }
    throw e;
  }
}
