import type { Token } from './token.js';

/**
 * Which Python exception `python -m tokenize` would have caught:
 * - TokenError: tokenize's own error (most tokenizer SyntaxErrors are turned into it)
 * - IndentationError / TabError: raised as is by tokenize
 * - SyntaxError: encoding problems found before tokenizing (no position)
 * - UnicodeDecodeError: a CPython quirk (a lone '\r' before a non-ASCII character makes it cut
 *   a UTF-8 sequence); `python -m tokenize` reports it as an "unexpected error" with a traceback
 * - UnicodeEncodeError: tokenize(str) given a lone surrogate (impossible from bytes)
 */
export type PythonErrorType = 'TokenError' | 'IndentationError' | 'TabError' | 'SyntaxError' | 'UnicodeDecodeError' | 'UnicodeEncodeError';

/** A tokenizer error with CPython's message and position, plus the tokens produced before it. */
export class TokenizeError extends Error {
  readonly pythonType: PythonErrorType;
  /** 1-based line, as tokenize reports it; null for errors without a position. */
  readonly lineno: number | null;
  /** The column tokenize reports (see CPython: mostly 0-based code points); null if none. */
  readonly offset: number | null;
  /** Tokens generated before the error, in order. */
  readonly tokens: Token[];

  constructor(
    pythonType: PythonErrorType,
    message: string,
    lineno: number | null,
    offset: number | null,
    tokens: Token[] = [],
  ) {
    super(message);
    this.name = 'TokenizeError';
    this.pythonType = pythonType;
    this.lineno = lineno;
    this.offset = offset;
    this.tokens = tokens;
  }
}
