// `pyinnards tokenize [-e] [FILE]`: prints what `python3.14 -m tokenize [-e] [FILE]` prints,
// byte for byte (tokenize._main: its argparse handling, token lines and error reports).
// Pure: file and stdin access are passed in, so tests and browsers can run it too.
import { TokenizeError, formatToken, pyRepr, tokenizeBytesSafe, tokenizeSafe } from '../engine/tokenizer/index.js';
import type { Token, TokenizeResult } from '../engine/tokenizer/index.js';

export interface CommandResult {
  stdout: string;
  stderr: string;
  status: number;
}

export interface TokenizeCommandOptions {
  /**
   * The program name argparse shows in usage and errors. CPython 3.14 run as
   * `python3.14 -m tokenize` says "python3.14 -m tokenize"; a script named tokenize says "tokenize".
   */
  prog?: string;
}

/** Errno values and strerror texts of Linux, for the errors `open()` can raise here. */
const OS_ERRORS: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EMFILE: [24, 'Too many open files'],
  ENXIO: [6, 'No such device or address'],
  EIO: [5, 'Input/output error'],
};

class UsageExit {
  constructor(
    readonly stdout: string,
    readonly stderr: string,
    readonly status: number,
  ) {}
}

interface ParsedArgs {
  exact: boolean;
  filename: string | null;
}

function usage(prog: string): string {
  return `usage: ${prog} [-h] [-e] [filename.py]\n`;
}

function help(prog: string): string {
  return (
    usage(prog) +
    '\n' +
    'positional arguments:\n' +
    '  filename.py  the file to tokenize; defaults to stdin\n' +
    '\n' +
    'options:\n' +
    '  -h, --help   show this help message and exit\n' +
    '  -e, --exact  display token names using the exact type\n'
  );
}

/** The subset of argparse behaviour tokenize's parser (-h, -e/--exact, one optional file) has. */
function parseArgs(args: string[], prog: string): ParsedArgs {
  const fail = (message: string): never => {
    throw new UsageExit('', `${usage(prog)}${prog}: error: ${message}\n`, 2);
  };
  let exact = false;
  const positionals: string[] = [];
  const extras: string[] = [];
  let onlyPositionals = false;
  for (const arg of args) {
    if (onlyPositionals || arg === '-' || !arg.startsWith('-') || /^-\d+$|^-\d*\.\d+$/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      const matches = ['--help', '--exact'].filter((o) => o.startsWith(name));
      if (matches.length === 0) {
        extras.push(arg);
        continue;
      }
      if (matches.length > 1) {
        fail(`ambiguous option: ${name} could match ${matches.join(', ')}`);
      }
      const option = matches[0] as string;
      if (eq >= 0) {
        fail(`argument ${option === '--help' ? '-h/--help' : '-e/--exact'}: ignored explicit argument ${pyRepr(arg.slice(eq + 1))}`);
      }
      if (option === '--help') throw new UsageExit(help(prog), '', 0);
      exact = true;
      continue;
    }
    // One or more short flags: -e, -h, -eh ...
    let i = 1;
    let known = true;
    while (i < arg.length) {
      const flag = arg[i] as string;
      if (flag === 'h' || flag === 'e') {
        if (flag === 'h') throw new UsageExit(help(prog), '', 0);
        exact = true;
        i++;
        if (i < arg.length) {
          const rest = arg.slice(i);
          if (rest.startsWith('=')) fail(`argument -e/--exact: ignored explicit argument ${pyRepr(rest.slice(1))}`);
          if (rest[0] !== 'h' && rest[0] !== 'e') {
            // argparse 3.14 treats the unknown remainder as another option: `-ex` -> `-x`.
            extras.push('-' + rest);
            break;
          }
        }
      } else {
        known = false;
        break;
      }
    }
    if (!known) extras.push(arg);
  }
  if (positionals.length > 1) extras.push(...positionals.slice(1));
  if (extras.length > 0) fail(`unrecognized arguments: ${extras.join(' ')}`);
  return { exact, filename: positionals[0] ?? null };
}

function formatAll(tokens: readonly Token[], exact: boolean): string {
  let out = '';
  for (const token of tokens) out += formatToken(token, exact) + '\n';
  return out;
}

function describeError(error: TokenizeError, filename: string): string {
  if (error.pythonType === 'UnicodeDecodeError') {
    // CPython prints this line and then a traceback of its own internals, which we don't imitate.
    return `unexpected error: ${error.message}\n`;
  }
  if (error.lineno !== null && error.offset !== null) {
    return `${filename}:${error.lineno}:${error.offset}: error: ${error.message}\n`;
  }
  return `${filename}: error: ${error.message}\n`;
}

function warningText(result: TokenizeResult): string {
  // The C tokenizer warns with "<string>" as the file name, whatever file is being read.
  return result.warnings.map((w) => `<string>:${w.lineno}: SyntaxWarning: ${w.message}\n`).join('');
}

/**
 * Runs `python -m tokenize ARGS`. `readFile` may throw Node-style errors (with `code`), which are
 * reported like Python's OSError.
 */
export function runTokenize(
  args: string[],
  readFile: (path: string) => Uint8Array,
  readStdin: () => Uint8Array,
  options: TokenizeCommandOptions = {},
): CommandResult {
  const prog = options.prog ?? 'python3.14 -m tokenize';
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(args, prog);
  } catch (e) {
    if (e instanceof UsageExit) return { stdout: e.stdout, stderr: e.stderr, status: e.status };
    throw e;
  }

  if (parsed.filename) {
    const filename = parsed.filename;
    let bytes: Uint8Array;
    try {
      bytes = readFile(filename);
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      const [errno, text] = OS_ERRORS[code] ?? [5, String((e as Error).message ?? e)];
      return { stdout: '', stderr: `error: [Errno ${errno}] ${text}: ${pyRepr(filename)}\n`, status: 1 };
    }
    const result = tokenizeBytesSafe(bytes, filename);
    const warnings = warningText(result);
    // The file's tokens are collected in a list first, so an error means no token is printed.
    if (result.error) return { stdout: '', stderr: warnings + describeError(result.error, filename), status: 1 };
    return { stdout: formatAll(result.tokens, parsed.exact), stderr: warnings, status: 0 };
  }

  // stdin is read as text (UTF-8) and printed token by token, so an error comes after the tokens
  // that preceded it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readStdin());
  const result = tokenizeSafe(text);
  const stdout = formatAll(result.tokens, parsed.exact);
  const warnings = warningText(result);
  if (result.error) return { stdout, stderr: warnings + describeError(result.error, '<stdin>'), status: 1 };
  return { stdout, stderr: warnings, status: 0 };
}
