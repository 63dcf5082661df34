// The driver that turns the lexer's raw tokens into tokenize's TokenInfo values: a port of
// CPython's _tokenize.TokenizerIter (Python/Python-tokenize.c) with extra_tokens=True, plus the
// error conversion tokenize._generate_tokens_from_c_tokenizer does.
//
// Two CPython details are kept on purpose because they are observable:
// - the `line` of a token is cached per line number, so the token after a multi-line string on
//   the same line still reports only that line;
// - columns of later tokens on a cached line are derived from the previous token's end.
import { Done, Lexer, type LexerWarning, type RawToken } from './lexer.js';
import {
  DEDENT,
  ENDMARKER,
  ERRORTOKEN,
  FSTRING_MIDDLE,
  NEWLINE,
  NL,
  OP,
  STRING,
  TSTRING_MIDDLE,
} from './token-types.js';
import { exactTypeOf } from './token-types.js';
import { codePointLength, utf8Length } from './text-utils.js';
import type { Token } from './token.js';
import { TokenizeError } from './errors.js';

export interface GenerateResult {
  tokens: Token[];
  error?: TokenizeError;
  /** SyntaxWarnings CPython would print (invalid `\{` escapes in f-strings). */
  warnings: LexerWarning[];
}

const isStringLiteral = (type: number): boolean =>
  type === STRING || type === FSTRING_MIDDLE || type === TSTRING_MIDDLE;

/** Tokenizes decoded source text like tokenize.generate_tokens(io.StringIO(source).readline). */
export function generateTokens(source: string): GenerateResult {
  const lexer = new Lexer(source);
  const text = lexer.text;
  const tokens: Token[] = [];
  const raw: RawToken = { type: 0, start: -1, end: -1 };

  let lastLine = '';
  let lastLineno = 0;
  // How many more UTF-16 units than code points precede the previous token's end on the
  // cached line (CPython tracks the same in bytes).
  let unitDiff = 0;

  for (;;) {
    const rawType = lexer.get(raw);
    if (rawType === ERRORTOKEN) {
      return { tokens, error: errorFrom(lexer, tokens), warnings: lexer.warnings };
    }
    let type = rawType;
    let string = raw.start < 0 || raw.end < 0 ? '' : text.slice(raw.start, raw.end);
    const trailing = type === ENDMARKER || (type === DEDENT && lexer.done === Done.EOF);
    const stringLiteral = isStringLiteral(type);
    const lineStart = stringLiteral ? lexer.multiLineStart : lexer.lineStart;

    let line: string;
    let lineChanged = true;
    if (trailing) {
      line = '';
    } else {
      let end = lexer.inp;
      if (end - lineStart >= 1 && lexer.implicitNewline) end -= 1;
      if (lexer.lineno !== lastLineno) {
        line = text.slice(lineStart, end);
        lastLine = line;
        unitDiff = 0;
      } else {
        line = lastLine;
        lineChanged = false;
      }
    }

    let lineno = stringLiteral ? lexer.firstLineno : lexer.lineno;
    let endLineno = lexer.lineno;
    let col = -1;
    let endCol = -1;
    if (raw.start >= 0 && raw.start >= lineStart) {
      const unitOffset = raw.start - lineStart;
      if (lineChanged) {
        col = codePointLength(text, lineStart, raw.start);
        unitDiff = unitOffset - col;
      } else {
        col = unitOffset - unitDiff;
      }
    }
    if (raw.end >= 0 && raw.end >= lexer.lineStart) {
      if (lineno === endLineno) {
        const from = raw.start >= 0 ? raw.start : raw.end;
        let tokenCols: number;
        if (from < lineStart) {
          // A token starting on an earlier buffered line (an INDENT inside an f-string's
          // replacement field): CPython counts from one byte before the line's text, which in
          // practice adds one column to the line prefix.
          tokenCols = 1 + codePointLength(text, lineStart, raw.end);
        } else {
          tokenCols = codePointLength(text, from, raw.end);
        }
        endCol = col + tokenCols;
        unitDiff += raw.end - from - tokenCols;
      } else {
        endCol = codePointLength(text, lexer.lineStart, raw.end);
        unitDiff += raw.end - lexer.lineStart - endCol;
      }
    }
    lastLineno = lineno;

    if (trailing) {
      lineno = endLineno = lineno + 1;
      col = endCol = 0;
    }
    if (type > DEDENT && type < OP) {
      type = OP;
    } else if (type === NEWLINE) {
      // With the fake final newline CPython keeps the token's own text ('' or a lone '\r').
      if (!lexer.implicitNewline) string = text.charCodeAt(lexer.start) === 13 ? '\r\n' : '\n';
      endCol++;
    } else if (type === NL) {
      if (lexer.implicitNewline) string = '';
    }

    tokens.push({
      type,
      exactType: exactTypeOf(type, string),
      string,
      start: [lineno, col],
      end: [endLineno, endCol],
      line,
    });
    if (rawType === ENDMARKER) return { tokens, warnings: lexer.warnings };
  }
}

/** The exception tokenize would raise for the lexer's current error state. */
export function errorFrom(lexer: Lexer, tokens: Token[]): TokenizeError {
  const enc = lexer.encodeFailure;
  if (enc) {
    const what =
      enc.end - enc.position === 1
        ? `character '\\u${enc.char.toString(16).padStart(4, '0')}' in position ${enc.position}`
        : `characters in position ${enc.position}-${enc.end - 1}`;
    return new TokenizeError('UnicodeEncodeError', `'utf-8' codec can't encode ${what}: surrogates not allowed`, null, null, tokens);
  }
  if (lexer.decodeFailure) {
    const byte = lexer.decodeFailure.leadByte.toString(16).padStart(2, '0');
    return new TokenizeError(
      'UnicodeDecodeError',
      `'utf-8' codec can't decode byte 0x${byte} in position 1: unexpected end of data`,
      null,
      null,
      tokens,
    );
  }
  const err = lexer.syntaxError;
  if (err) {
    // tokenize turns the C tokenizer's SyntaxError into TokenError, renaming one message.
    const message = err.message.includes('unterminated triple-quoted string literal')
      ? 'EOF in multi-line string'
      : err.message;
    return new TokenizeError('TokenError', message, err.lineno, err.offset, tokens);
  }
  const text = lexer.text;
  // CPython's _tokenizer_error: the offset is one past the buffered text (minus its newline).
  const bufferOffset = (): number =>
    lexer.inp > lexer.buf ? codePointLength(text, lexer.buf, lexer.inp - 1) + 1 : 0;
  switch (lexer.done) {
    case Done.EOF:
      return new TokenizeError(
        'TokenError',
        'unexpected EOF in multi-line statement',
        lexer.lineno,
        utf8Length(text, lexer.buf, lexer.inp),
        tokens,
      );
    case Done.DEDENT:
      return new TokenizeError(
        'IndentationError',
        'unindent does not match any outer indentation level',
        lexer.lineno,
        bufferOffset(),
        tokens,
      );
    case Done.TABSPACE:
      return new TokenizeError(
        'TabError',
        'inconsistent use of tabs and spaces in indentation',
        lexer.lineno,
        bufferOffset(),
        tokens,
      );
    case Done.TOODEEP:
      return new TokenizeError('IndentationError', 'too many levels of indentation', lexer.lineno, bufferOffset(), tokens);
    case Done.LINECONT:
      return new TokenizeError(
        'TokenError',
        'unexpected character after line continuation character',
        lexer.lineno,
        bufferOffset(),
        tokens,
      );
    default:
      return new TokenizeError('TokenError', 'unknown tokenization error', lexer.lineno, bufferOffset(), tokens);
  }
}
