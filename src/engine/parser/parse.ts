// ast.parse(source, filename, mode, type_comments=True): the two passes of CPython's
// _PyPegen_run_parser, and where its SyntaxErrors end up.
import { GeneratedParser } from './generated/parser.js';
import { RaisedError } from './parser-base.js';
import { TokenStream, type PTok } from './token-stream.js';
import { PyIncompleteInputError, PySyntaxError } from './errors.js';
import { checkFuture } from './future.js';
import type { Node } from './nodes.js';
import { INDENT, DEDENT } from '../tokenizer/token-types.js';

export type ParseMode = 'exec' | 'eval' | 'single' | 'func_type';

/** A SyntaxWarning CPython's parser emits (such as an invalid escape sequence). */
export interface ParseWarning {
  lineno: number;
  message: string;
}

export interface ParseOptions {
  filename?: string;
  mode?: ParseMode;
  /** Hears each SyntaxWarning CPython's parser emits, in the order it would. */
  onWarning?: (warning: ParseWarning) => void;
  /**
   * codeop's PyCF_ALLOW_INCOMPLETE_INPUT: throw PyIncompleteInputError instead of a SyntaxError
   * when the first pass fails having read to the end of the source.
   */
  allowIncompleteInput?: boolean;
}

/** compile() refuses a source (text or bytes) with a null byte before parsing: no position, no file. */
export function nullByteError(): PySyntaxError {
  return new PySyntaxError('SyntaxError', 'source code string cannot contain null bytes', null, null, null, null, null, null);
}

/** Parses decoded source text; throws PySyntaxError as ast.parse raises SyntaxError. */
export function parse(source: string, options: ParseOptions = {}): Node {
  if (source.includes('\0')) throw nullByteError();
  const stream = new TokenStream(source, options.filename ?? '<unknown>', options.mode ?? 'exec');
  const p = new GeneratedParser(stream, stream.filename, options.mode ?? 'exec');
  try {
    return runParser(p, options.allowIncompleteInput ?? false);
  } finally {
    p.releaseMemo();
    if (options.onWarning) for (const warning of p.warnings) options.onWarning(warning);
  }
}

function runParser(p: GeneratedParser, allowIncompleteInput: boolean): Node {
  const stream = p.stream;
  const mode = p.mode as ParseMode;
  const run = (): Node | null => {
    switch (mode) {
      case 'exec':
        return p.r_file();
      case 'eval':
        return p.r_eval();
      case 'single':
        return p.r_interactive();
      case 'func_type':
        return p.r_func_type();
    }
  };
  let error: PySyntaxError | null = null;
  let fromTokenizer = false;
  /** Whether the first pass built a tree (the errors after it are not the parser's). */
  let parsed = false;
  /** 'unexpected indent/unindent' are final: CPython doesn't look further for tokenizer errors. */
  let final = false;
  try {
    const tree = run();
    parsed = tree !== null;
    // _PyPegen_run_parser: at the prompt, one statement; after it only blanks and comments.
    if (tree && mode === 'single' && !/^(?:[ \t\n\r\f]|#[^\n\r]*)*$/.test(stream.textAfter(p.tokens[p.fill - 1] as PTok))) {
      throw new RaisedError(stream.raiseAtToken('SyntaxError', p.tokens[p.fill - 1] as PTok, 'multiple statements found while compiling a single statement'));
    }
    if (tree && (mode === 'exec' || mode === 'single')) checkFuture(tree, stream.filename);
    if (tree) return tree;
  } catch (e) {
    if (!(e instanceof RaisedError)) throw e;
    error = e.error;
    fromTokenizer = e.fromTokenizer;
  }
  // _is_end_of_source: the tokenizer met the end of the source (or a string left open at it).
  if (!parsed && allowIncompleteInput && (fromTokenizer ? stream.error?.atEof : (p.tokens[p.fill - 1] as PTok | undefined)?.atEof)) {
    throw new PyIncompleteInputError();
  }
  if (!error) {
    const last = p.tokens[p.fill - 1] as PTok;
    p.resetForSecondPass();
    try {
      run();
    } catch (e) {
      if (!(e instanceof RaisedError)) throw e;
      error = e.error;
      fromTokenizer = e.fromTokenizer;
    }
    if (!error) {
      if (last.type === INDENT || last.type === DEDENT) {
        error = stream.raiseAtToken('IndentationError', p.tokens[p.fill - 1] as PTok, last.type === INDENT ? 'unexpected indent' : 'unexpected unindent');
        final = true;
      } else {
        error = stream.makeError('SyntaxError', last.lineno, last.col_offset + 1, last.end_lineno, last.end_col_offset + 1, 'invalid syntax');
      }
    }
  }
  // _PyPegen_tokenize_full_source_to_check_for_errors: an error the tokenizer raises later in
  // the file wins over the parser's.
  // Reading on, the tokenizer gives its warnings for the rest of the source.
  if (!fromTokenizer && !final) p.tokenizerWarnings(p.fill, p.tokens.length);
  // Not when that error is met inside an f-string: the parser's error in its expression stands.
  if (!fromTokenizer && !final && stream.error && !stream.error.inFString) {
    const pending = stream.error;
    if (pending.raised) error = pending.make(p);
    else if (pending.parenLine !== undefined && (error.lineno ?? 0) > pending.parenLine) error = pending.make(p);
  }
  if (!parsed) error.metadata = { line: p.lastStmt.lineno, source: stream.source };
  throw error;
}
