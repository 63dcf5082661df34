// A port of CPython 3.14's tokenizer state machine (Parser/lexer/lexer.c) as the `tokenize`
// module drives it: a readline-based tokenizer with `extra_tokens` on (comments, NL, no
// identifier or number-suffix validation, no bracket matching).
//
// To be exact we keep CPython's model of a growing line buffer: `buf` is where the buffer starts,
// `inp` where the data read so far ends, and the buffer is only reset between tokens (never while
// inside a token or an f-string). Several observable details depend on it: the `line` attribute
// of tokens, error offsets, and what "the current line" is after a backslash continuation.
//
// Positions are UTF-16 offsets into one string holding the whole (decoded) source. CPython works
// on UTF-8 bytes, but every decision it makes looks only at ASCII bytes, and any byte >= 128 is
// part of a non-ASCII character, just as any code unit >= 128 is here; byte counts are
// recomputed where CPython exposes them (a few error offsets).
import {
  COMMENT,
  DEDENT,
  DOT,
  ELLIPSIS,
  ENDMARKER,
  ERRORTOKEN,
  FSTRING_END,
  FSTRING_MIDDLE,
  FSTRING_START,
  INDENT,
  NAME,
  NEWLINE,
  NL,
  NOTEQUAL,
  NUMBER,
  OP,
  STRING,
  TSTRING_END,
  TSTRING_MIDDLE,
  TSTRING_START,
} from './token-types.js';
import { oneChar, threeChars, twoChars } from './operators.js';
import { codePointLength, utf8Length } from './text-utils.js';

const EOF = -1;
const TABSIZE = 8;
/** CPython also measures indentation with tabs as one column, to catch tab/space mixes. */
const ALTTABSIZE = 1;
const MAXINDENT = 100;
const MAXLEVEL = 200;
const MAXFSTRINGLEVEL = 150;
const MAX_EXPR_NESTING = 3;

/** The tokenizer's `done` state (CPython's errcode.h values, reduced to what we can reach). */
export const enum Done {
  OK,
  EOF,
  ERROR,
  TABSPACE,
  TOODEEP,
  DEDENT,
  EOFS,
  EOLS,
  LINECONT,
}

const C_TAB = 9;
const C_LF = 10;
const C_FF = 12;
const C_CR = 13;
const C_SPACE = 32;
const C_BANG = 33;
const C_DQUOTE = 34;
const C_HASH = 35;
const C_SQUOTE = 39;
const C_LPAR = 40;
const C_RPAR = 41;
const C_PLUS = 43;
const C_MINUS = 45;
const C_DOT = 46;
const C_0 = 48;
const C_1 = 49;
const C_7 = 55;
const C_9 = 57;
const C_COLON = 58;
const C_LESS = 60;
const C_GREATER = 62;
const C_UNDERSCORE = 95;
const C_BACKSLASH = 92;
const C_LSQB = 91;
const C_RSQB = 93;
const C_LBRACE = 123;
const C_RBRACE = 125;

const isDigit = (c: number): boolean => c >= C_0 && c <= C_9;
const isXDigit = (c: number): boolean =>
  (c >= C_0 && c <= C_9) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isIdentifierStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === C_UNDERSCORE || c >= 128;
const isIdentifierChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= C_0 && c <= C_9) || c === C_UNDERSCORE || c >= 128;
/** Py_UNICODE_ISPRINTABLE for the ASCII characters the punctuation path can see. */
const isPrintableAscii = (c: number): boolean => c >= 0x20 && c < 0x7f;

const hex4 = (c: number): string => c.toString(16).toUpperCase().padStart(4, '0');

const enum Mode {
  Regular,
  FString,
}

/** One entry of CPython's tokenizer mode stack: the top-level code, or an f-/t-string. */
interface ModeEntry {
  kind: Mode;
  quote: number;
  quoteSize: number;
  raw: boolean;
  isTString: boolean;
  /** Offset of the string's first prefix character. */
  start: number;
  multiLineStart: number;
  firstLine: number;
  curlyDepth: number;
  exprStartDepth: number;
  inFormatSpec: boolean;
}

/** What the lexer hands to the tokenize driver for each token. */
export interface RawToken {
  type: number;
  /** Offsets into the source, -1 when CPython passes NULL. */
  start: number;
  end: number;
}

/** A SyntaxError the lexer raised itself (CPython's _PyTokenizer_syntaxerror). */
export interface LexerSyntaxError {
  message: string;
  lineno: number;
  offset: number;
}

/** A SyntaxWarning CPython would print while tokenizing. */
export interface LexerWarning {
  lineno: number;
  message: string;
}

export class Lexer {
  /** The whole source, with the newline CPython fakes at the end when the last line lacks one. */
  readonly text: string;
  private readonly textEnd: number;
  /** Whether `text` got a fake final newline (CPython's implicit_newline for the last line). */
  private readonly fakeNewline: boolean;
  /** Offset of the first NUL character, or -1: CPython rejects lines containing one. */
  private readonly firstNul: number;

  // CPython's tok_state, with pointers as offsets (-1 for NULL).
  buf = 0;
  cur = 0;
  inp = 0;
  start = -1;
  lineStart = 0;
  multiLineStart = 0;
  lineno = 0;
  firstLineno = 0;
  done: Done = Done.OK;
  implicitNewline = false;
  private atbol = true;
  private pendin = 0;
  private indent = 0;
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  private level = 0;
  private readonly parenstack: number[] = [];
  private readonly parenlinenostack: number[] = [];
  private commentNewline = false;
  private readonly modes: ModeEntry[];
  private modeIndex = 0;

  /** Set when the lexer raised a SyntaxError; `done` then says Done.ERROR (or EOFS/EOLS). */
  syntaxError: LexerSyntaxError | null = null;
  readonly warnings: LexerWarning[] = [];
  /** Set when a line holds a lone surrogate, which CPython cannot encode (UnicodeEncodeError). */
  encodeFailure: { position: number; end: number; char: number } | null = null;
  private readonly firstLoneSurrogate: number;
  /** Set when CPython would fail to decode a token's text (a UnicodeDecodeError). */
  decodeFailure: { leadByte: number } | null = null;

  constructor(source: string) {
    const needsNewline = source.length > 0 && source.charCodeAt(source.length - 1) !== C_LF;
    this.text = needsNewline ? source + '\n' : source;
    this.fakeNewline = needsNewline;
    this.textEnd = this.text.length;
    this.firstNul = this.text.indexOf('\0');
    this.firstLoneSurrogate = this.text.search(LONE_SURROGATE);
    this.modes = [newMode(Mode.Regular)];
    // CPython zero-initialises the regular mode, so its expression depth is 0, not -1.
    (this.modes[0] as ModeEntry).exprStartDepth = 0;
  }

  get insideFString(): boolean {
    return this.modeIndex > 0;
  }

  // ---- reading -------------------------------------------------------------------------

  /** Reads the next line into the buffer (tok_underflow_readline). */
  private underflow(): boolean {
    if (this.start === -1 && this.modeIndex === 0) {
      // Between tokens the buffer is emptied, so `line` and error offsets only see this line.
      this.buf = this.inp;
      this.cur = this.inp;
    }
    if (this.inp >= this.textEnd) {
      this.done = Done.EOF;
      return false;
    }
    let end = this.text.indexOf('\n', this.inp);
    end = end < 0 ? this.textEnd : end + 1;
    if (this.firstLoneSurrogate >= this.inp && this.firstLoneSurrogate < end) {
      // CPython converts each line to UTF-8, which fails on a lone surrogate.
      this.encodeFailure = loneSurrogateRun(this.text, this.inp, this.firstLoneSurrogate);
      this.done = Done.ERROR;
      return false;
    }
    this.inp = end;
    this.implicitNewline = this.fakeNewline && end === this.textEnd;
    this.lineno++;
    return true;
  }

  /** tok_nextc: the next character, reading a line when the buffer is exhausted. */
  private nextc(): number {
    for (;;) {
      if (this.cur !== this.inp) return this.text.charCodeAt(this.cur++);
      if (this.done !== Done.OK) return EOF;
      if (!this.underflow()) {
        this.cur = this.inp;
        return EOF;
      }
      this.lineStart = this.cur;
      if (this.firstNul >= this.lineStart && this.firstNul < this.inp) {
        this.error('source code cannot contain null bytes');
        this.cur = this.inp;
        return EOF;
      }
    }
  }

  private backup(c: number): void {
    if (c !== EOF) this.cur--;
  }

  // ---- errors --------------------------------------------------------------------------

  /** _PyTokenizer_syntaxerror: the offset is the code point count from line start to cursor. */
  private error(message: string, colOffset = -1): number {
    if (this.done === Done.ERROR) return ERRORTOKEN;
    const offset = colOffset === -1 ? codePointLength(this.text, this.lineStart, this.cur) : colOffset;
    this.syntaxError = { message, lineno: this.lineno, offset };
    this.done = Done.ERROR;
    return ERRORTOKEN;
  }

  /** _PyTokenizer_syntaxerror_known_range, whose columns CPython gives in UTF-8 bytes. */
  private errorAtBytes(message: string, byteCol: number): number {
    return this.error(message, byteCol);
  }

  private byteColumn(offset: number): number {
    return utf8Length(this.text, this.lineStart, offset);
  }

  private indentError(): number {
    this.done = Done.TABSPACE;
    this.cur = this.inp;
    return ERRORTOKEN;
  }

  private stringPrefix(): string {
    return (this.modes[this.modeIndex] as ModeEntry).isTString ? 't' : 'f';
  }

  // ---- tokens --------------------------------------------------------------------------

  private token(type: number, start: number, end: number, out: RawToken): number {
    out.type = type;
    out.start = start;
    out.end = end;
    return type;
  }

  /** _PyTokenizer_Get: fills `out` and returns the token type (ERRORTOKEN on errors). */
  get(out: RawToken): number {
    out.start = -1;
    out.end = -1;
    const mode = this.modes[this.modeIndex] as ModeEntry;
    const type = mode.kind === Mode.Regular ? this.normalMode(mode, out) : this.fstringMode(mode, out);
    // Like CPython's decoding_erred: once reading failed, whatever was being lexed is an error.
    return this.encodeFailure ? ERRORTOKEN : type;
  }

  private continuationLine(): number {
    let c = this.nextc();
    if (c === C_CR) c = this.nextc();
    if (c !== C_LF) {
      this.done = Done.LINECONT;
      return -1;
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = Done.EOF;
      this.cur = this.inp;
      return -1;
    }
    this.backup(c);
    return c;
  }

  private normalMode(current: ModeEntry, out: RawToken): number {
    let c: number;
    let blankline: boolean;

    for (;;) {
      // (CPython loops back here for blank lines; with extra tokens it returns NL instead.)
      this.start = -1;
      blankline = false;

      if (this.atbol) {
        let col = 0;
        let altcol = 0;
        this.atbol = false;
        let contLineCol = 0;
        for (;;) {
          c = this.nextc();
          if (c === C_SPACE) {
            col++;
            altcol++;
          } else if (c === C_TAB) {
            col = (Math.trunc(col / TABSIZE) + 1) * TABSIZE;
            altcol = (Math.trunc(altcol / ALTTABSIZE) + 1) * ALTTABSIZE;
          } else if (c === C_FF) {
            col = altcol = 0;
          } else if (c === C_BACKSLASH) {
            // A backslash in the indentation: the column where the first one appears counts.
            contLineCol = contLineCol ? contLineCol : col;
            if ((c = this.continuationLine()) === -1) return this.token(ERRORTOKEN, -1, -1, out);
          } else if (c === EOF && this.syntaxError) {
            return this.token(ERRORTOKEN, -1, -1, out);
          } else {
            break;
          }
        }
        this.backup(c);
        if (c === C_HASH || c === C_LF || c === C_CR) {
          // Blank and comment-only lines don't change the indentation.
          blankline = true;
        }
        if (!blankline && this.level === 0) {
          col = contLineCol ? contLineCol : col;
          altcol = contLineCol ? contLineCol : altcol;
          const top = this.indstack[this.indent] as number;
          if (col === top) {
            if (altcol !== this.altindstack[this.indent]) return this.token(this.indentError(), -1, -1, out);
          } else if (col > top) {
            if (this.indent + 1 >= MAXINDENT) {
              this.done = Done.TOODEEP;
              this.cur = this.inp;
              return this.token(ERRORTOKEN, -1, -1, out);
            }
            if (altcol <= (this.altindstack[this.indent] as number)) {
              return this.token(this.indentError(), -1, -1, out);
            }
            this.pendin++;
            this.indstack[++this.indent] = col;
            this.altindstack[this.indent] = altcol;
          } else {
            while (this.indent > 0 && col < (this.indstack[this.indent] as number)) {
              this.pendin--;
              this.indent--;
            }
            if (col !== this.indstack[this.indent]) {
              this.done = Done.DEDENT;
              this.cur = this.inp;
              return this.token(ERRORTOKEN, -1, -1, out);
            }
            if (altcol !== this.altindstack[this.indent]) return this.token(this.indentError(), -1, -1, out);
          }
        }
      }

      this.start = this.cur;

      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return this.token(DEDENT, this.cur, this.cur, out);
        }
        this.pendin--;
        // CPython takes INDENT's text from the start of the buffer, not of the line.
        return this.token(INDENT, this.buf, this.cur, out);
      }

      // Peek ahead (this may read the next line, which matters for the buffer).
      c = this.nextc();
      this.backup(c);

      again: for (;;) {
        this.start = -1;
        do {
          c = this.nextc();
        } while (c === C_SPACE || c === C_TAB || c === C_FF);

        this.start = this.cur - 1;

        if (c === C_HASH) {
          while (c !== EOF && c !== C_LF && c !== C_CR) c = this.nextc();
          const p = this.start;
          this.backup(c);
          this.commentNewline = blankline;
          return this.token(COMMENT, p, this.cur, out);
        }

        if (c === EOF) {
          if (this.level) return this.token(ERRORTOKEN, -1, -1, out);
          return this.token(this.done === Done.EOF ? ENDMARKER : ERRORTOKEN, -1, -1, out);
        }

        let jump = 0; // 1: f/t-string start, 2: plain string
        if (isIdentifierStart(c)) {
          let sawB = false;
          let sawR = false;
          let sawU = false;
          let sawF = false;
          let sawT = false;
          for (;;) {
            if (!sawB && (c === 98 || c === 66)) sawB = true;
            else if (!sawU && (c === 117 || c === 85)) sawU = true;
            else if (!sawR && (c === 114 || c === 82)) sawR = true;
            else if (!sawF && (c === 102 || c === 70)) sawF = true;
            else if (!sawT && (c === 116 || c === 84)) sawT = true;
            else break;
            c = this.nextc();
            if (c === C_DQUOTE || c === C_SQUOTE) {
              const bad = this.incompatiblePrefixes(sawB, sawR, sawU, sawF, sawT);
              if (bad) return this.token(ERRORTOKEN, -1, -1, out);
              jump = sawF || sawT ? 1 : 2;
              break;
            }
          }
          if (jump === 0) {
            while (isIdentifierChar(c)) c = this.nextc();
            this.backup(c);
            return this.token(NAME, this.start, this.cur, out);
          }
        }

        if (jump === 0) {
          if (c === C_CR) c = this.nextc();

          if (c === C_LF) {
            this.atbol = true;
            if (blankline || this.level > 0) {
              this.commentNewline = false;
              return this.token(NL, this.start, this.cur, out);
            }
            if (this.commentNewline) {
              this.commentNewline = false;
              return this.token(NL, this.start, this.cur, out);
            }
            return this.token(NEWLINE, this.start, this.cur - 1, out);
          }

          if (c === C_DOT) {
            c = this.nextc();
            if (isDigit(c)) return this.number(c, out, 'fraction');
            if (c === C_DOT) {
              c = this.nextc();
              if (c === C_DOT) return this.token(ELLIPSIS, this.start, this.cur, out);
              this.backup(c);
              this.backup(C_DOT);
            } else {
              this.backup(c);
            }
            return this.token(DOT, this.start, this.cur, out);
          }

          if (isDigit(c)) return this.number(c, out, 'start');
        }

        if (jump === 1) return this.fstringStart(c, out);
        if (jump === 2 || c === C_SQUOTE || c === C_DQUOTE) return this.stringLiteral(c, out);

        if (c === C_BACKSLASH) {
          if ((c = this.continuationLine()) === -1) return this.token(ERRORTOKEN, -1, -1, out);
          continue again;
        }

        // Inside an f-string's replacement field, ':' may start the format spec.
        if (
          (c === C_COLON || c === C_RBRACE || c === C_BANG || c === C_LBRACE) &&
          this.modeIndex > 0 &&
          current.exprStartDepth >= 0
        ) {
          const cursor = current.curlyDepth - (c !== C_LBRACE ? 1 : 0);
          if (c === C_COLON && cursor === current.exprStartDepth) {
            current.kind = Mode.FString;
            current.inFormatSpec = true;
            return this.token(oneChar(c), this.start, this.cur, out);
          }
        }

        {
          const c2 = this.nextc();
          // `<>` is a two-character token here (the parser rejects it later).
          let type = c === C_LESS && c2 === C_GREATER ? NOTEQUAL : twoChars(c, c2);
          if (type !== OP) {
            const c3 = this.nextc();
            const type3 = threeChars(c, c2, c3);
            if (type3 !== OP) type = type3;
            else this.backup(c3);
            return this.token(type, this.start, this.cur, out);
          }
          this.backup(c2);
        }

        switch (c) {
          case C_LPAR:
          case C_LSQB:
          case C_LBRACE:
            if (this.level >= MAXLEVEL) return this.token(this.error('too many nested parentheses'), -1, -1, out);
            this.parenstack[this.level] = c;
            this.parenlinenostack[this.level] = this.lineno;
            this.level++;
            if (this.modeIndex > 0) current.curlyDepth++;
            break;
          case C_RPAR:
          case C_RSQB:
          case C_RBRACE:
            if (this.modeIndex > 0 && !current.curlyDepth && c === C_RBRACE) {
              return this.token(this.error(`${this.stringPrefix()}-string: single '}' is not allowed`), -1, -1, out);
            }
            // tokenize doesn't check that brackets match (extra_tokens mode).
            if (this.level > 0) this.level--;
            if (this.modeIndex > 0) {
              current.curlyDepth--;
              if (current.curlyDepth < 0) {
                return this.token(
                  this.error(`${this.stringPrefix()}-string: unmatched '${String.fromCharCode(c)}'`),
                  -1,
                  -1,
                  out,
                );
              }
              if (c === C_RBRACE && current.curlyDepth === current.exprStartDepth) {
                current.exprStartDepth--;
                current.kind = Mode.FString;
                current.inFormatSpec = false;
              }
            }
            break;
          default:
            break;
        }

        if (c >= 128) {
          // Only reachable right after a lone '\r': CPython then cuts a UTF-8 sequence in two
          // and fails to decode the token text (an "unexpected error", not a SyntaxError).
          this.decodeFailure = { leadByte: utf8LeadByte(this.text, this.cur - 1) };
          return this.token(ERRORTOKEN, -1, -1, out);
        }
        if (!isPrintableAscii(c)) {
          return this.token(this.error(`invalid non-printable character U+${hex4(c)}`), -1, -1, out);
        }

        // (CPython also notes `=` inside f-string fields for its debug-expression metadata, which
        // only the parser uses.)
        return this.token(oneChar(c), this.start, this.cur, out);
      }
    }
  }

  /** CPython 3.14 rejects u/b/f/t prefix combinations before scanning the string. */
  private incompatiblePrefixes(b: boolean, r: boolean, u: boolean, f: boolean, t: boolean): boolean {
    let pair: string | null = null;
    if (u && b) pair = "'u' and 'b'";
    else if (u && r) pair = "'u' and 'r'";
    else if (u && f) pair = "'u' and 'f'";
    else if (u && t) pair = "'u' and 't'";
    else if (b && f) pair = "'b' and 'f'";
    else if (b && t) pair = "'b' and 't'";
    else if (f && t) pair = "'f' and 't'";
    if (pair === null) return false;
    this.errorAtBytes(`${pair} prefixes are incompatible`, this.byteColumn(this.start) + 1);
    return true;
  }

  private decimalTail(): number {
    let c: number;
    for (;;) {
      do {
        c = this.nextc();
      } while (isDigit(c));
      if (c !== C_UNDERSCORE) break;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.error('invalid decimal literal');
        return 0;
      }
    }
    return c;
  }

  /** Numbers; `entry` mirrors the labels CPython jumps to. */
  private number(first: number, out: RawToken, entry: 'start' | 'fraction'): number {
    let c = first;
    let stage: 'fraction' | 'exponent' | 'imaginary' | 'decimal-end' | 'done' = 'done';
    if (entry === 'fraction') {
      stage = 'fraction';
    } else if (c === C_0) {
      c = this.nextc();
      if (c === 120 || c === 88) {
        c = this.nextc();
        do {
          if (c === C_UNDERSCORE) c = this.nextc();
          if (!isXDigit(c)) {
            this.backup(c);
            return this.token(this.error('invalid hexadecimal literal'), -1, -1, out);
          }
          do {
            c = this.nextc();
          } while (isXDigit(c));
        } while (c === C_UNDERSCORE);
      } else if (c === 111 || c === 79) {
        c = this.nextc();
        do {
          if (c === C_UNDERSCORE) c = this.nextc();
          if (c < C_0 || c > C_7) {
            if (isDigit(c)) {
              return this.token(this.error(`invalid digit '${String.fromCharCode(c)}' in octal literal`), -1, -1, out);
            }
            this.backup(c);
            return this.token(this.error('invalid octal literal'), -1, -1, out);
          }
          do {
            c = this.nextc();
          } while (c >= C_0 && c <= C_7);
        } while (c === C_UNDERSCORE);
        if (isDigit(c)) {
          return this.token(this.error(`invalid digit '${String.fromCharCode(c)}' in octal literal`), -1, -1, out);
        }
      } else if (c === 98 || c === 66) {
        c = this.nextc();
        do {
          if (c === C_UNDERSCORE) c = this.nextc();
          if (c !== C_0 && c !== C_1) {
            if (isDigit(c)) {
              return this.token(this.error(`invalid digit '${String.fromCharCode(c)}' in binary literal`), -1, -1, out);
            }
            this.backup(c);
            return this.token(this.error('invalid binary literal'), -1, -1, out);
          }
          do {
            c = this.nextc();
          } while (c === C_0 || c === C_1);
        } while (c === C_UNDERSCORE);
        if (isDigit(c)) {
          return this.token(this.error(`invalid digit '${String.fromCharCode(c)}' in binary literal`), -1, -1, out);
        }
      } else {
        // Leading zeros; '09' is fine for tokenize (only the parser rejects it).
        for (;;) {
          if (c === C_UNDERSCORE) {
            c = this.nextc();
            if (!isDigit(c)) {
              this.backup(c);
              return this.token(this.error('invalid decimal literal'), -1, -1, out);
            }
          }
          if (c !== C_0) break;
          c = this.nextc();
        }
        if (isDigit(c)) {
          c = this.decimalTail();
          if (c === 0) return this.token(ERRORTOKEN, -1, -1, out);
        }
        if (c === C_DOT) {
          c = this.nextc();
          stage = 'fraction';
        } else if (c === 101 || c === 69) {
          stage = 'exponent';
        } else if (c === 106 || c === 74) {
          stage = 'imaginary';
        }
      }
    } else {
      c = this.decimalTail();
      if (c === 0) return this.token(ERRORTOKEN, -1, -1, out);
      if (c === C_DOT) {
        c = this.nextc();
        stage = 'fraction';
      } else {
        stage = 'decimal-end';
      }
    }

    if (stage === 'fraction') {
      if (isDigit(c)) {
        c = this.decimalTail();
        if (c === 0) return this.token(ERRORTOKEN, -1, -1, out);
      }
      stage = 'decimal-end';
    }
    if (stage === 'decimal-end' && (c === 101 || c === 69)) stage = 'exponent';
    if (stage === 'exponent') {
      const e = c;
      c = this.nextc();
      if (c === C_PLUS || c === C_MINUS) {
        c = this.nextc();
        if (!isDigit(c)) {
          this.backup(c);
          return this.token(this.error('invalid decimal literal'), -1, -1, out);
        }
      } else if (!isDigit(c)) {
        // `1e` followed by a non-digit: the number stops before the 'e'.
        this.backup(c);
        this.backup(e);
        return this.token(NUMBER, this.start, this.cur, out);
      }
      c = this.decimalTail();
      if (c === 0) return this.token(ERRORTOKEN, -1, -1, out);
      stage = 'decimal-end';
    }
    if (stage === 'decimal-end' && (c === 106 || c === 74)) stage = 'imaginary';
    if (stage === 'imaginary') c = this.nextc();
    this.backup(c);
    return this.token(NUMBER, this.start, this.cur, out);
  }

  /** An f-string or t-string opening (FSTRING_START/TSTRING_START); pushes a mode. */
  private fstringStart(quote: number, out: RawToken): number {
    let quoteSize = 1;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    const afterQuote = this.nextc();
    if (afterQuote === quote) {
      const afterAfter = this.nextc();
      if (afterAfter === quote) {
        quoteSize = 3;
      } else {
        this.backup(afterAfter);
        this.backup(afterQuote);
      }
    }
    if (afterQuote !== quote) this.backup(afterQuote);

    const pStart = this.start;
    const pEnd = this.cur;
    if (this.modeIndex + 1 >= MAXFSTRINGLEVEL) {
      return this.token(this.error('too many nested f-strings or t-strings'), -1, -1, out);
    }
    const first = lower(this.text.charCodeAt(this.start));
    const second = lower(this.text.charCodeAt(this.start + 1));
    let isTString = false;
    let raw = false;
    if (first === 116) {
      raw = second === 114;
      isTString = true;
    } else if (first === 102) {
      raw = second === 114;
    } else {
      raw = true;
      isTString = second === 116;
    }
    const mode = newMode(Mode.FString);
    mode.quote = quote;
    mode.quoteSize = quoteSize;
    mode.start = this.start;
    mode.multiLineStart = this.lineStart;
    mode.firstLine = this.lineno;
    mode.raw = raw;
    mode.isTString = isTString;
    this.modeIndex++;
    this.modes[this.modeIndex] = mode;
    return this.token(isTString ? TSTRING_START : FSTRING_START, pStart, pEnd, out);
  }

  /** A plain (or bytes/raw) string literal, or the errors for an unterminated one. */
  private stringLiteral(quote: number, out: RawToken): number {
    let quoteSize = 1;
    let endQuoteSize = 0;
    let hasEscapedQuote = false;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;

    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1; // the empty string
    }
    if (c !== quote) this.backup(c);

    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (this.done === Done.ERROR) return this.token(ERRORTOKEN, -1, -1, out);
      if (c === EOF || (quoteSize === 1 && c === C_LF)) {
        // Report from the opening quote, on the line where the string started.
        this.cur = this.start + 1;
        this.lineStart = this.multiLineStart;
        const detectedAt = this.lineno;
        this.lineno = this.firstLineno;

        if (this.modeIndex > 0) {
          // Inside an f-string, a quote like the f-string's own means a missing '}'.
          const mode = this.modes[this.modeIndex] as ModeEntry;
          if (mode.quote === quote && mode.quoteSize === quoteSize) {
            const level = this.level - mode.curlyDepth + mode.exprStartDepth;
            const openLine = this.parenlinenostack[level];
            if (openLine !== undefined && openLine !== this.lineno) {
              return this.token(
                this.error(`${this.stringPrefix()}-string: expecting '}' to close '{' on line ${openLine}`),
                -1,
                -1,
                out,
              );
            }
            return this.token(this.error(`${this.stringPrefix()}-string: expecting '}'`), -1, -1, out);
          }
        }

        if (quoteSize === 3) {
          this.error(`unterminated triple-quoted string literal (detected at line ${detectedAt})`);
          if (c !== C_LF) this.done = Done.EOFS;
          return this.token(ERRORTOKEN, -1, -1, out);
        }
        this.error(
          hasEscapedQuote
            ? `unterminated string literal (detected at line ${detectedAt}); perhaps you escaped the end quote?`
            : `unterminated string literal (detected at line ${detectedAt})`,
        );
        if (c !== C_LF) this.done = Done.EOLS;
        return this.token(ERRORTOKEN, -1, -1, out);
      }
      if (c === quote) {
        endQuoteSize += 1;
      } else {
        endQuoteSize = 0;
        if (c === C_BACKSLASH) {
          c = this.nextc();
          if (c === quote) hasEscapedQuote = true;
          if (c === C_CR) c = this.nextc();
        }
      }
    }
    return this.token(STRING, this.start, this.cur, out);
  }

  /** The literal parts of an f-/t-string: FSTRING_MIDDLE and FSTRING_END (or the T ones). */
  private fstringMode(current: ModeEntry, out: RawToken): number {
    const middleType = current.isTString ? TSTRING_MIDDLE : FSTRING_MIDDLE;
    let endQuoteSize = 0;
    let unicodeEscape = false;

    this.start = this.cur;
    this.firstLineno = this.lineno;

    // A replacement field right away: nothing literal to return, so lex it in regular mode.
    const startChar = this.nextc();
    if (startChar === C_LBRACE) {
      const peek1 = this.nextc();
      this.backup(peek1);
      this.backup(startChar);
      if (peek1 !== C_LBRACE) {
        current.exprStartDepth++;
        if (current.exprStartDepth >= MAX_EXPR_NESTING) {
          return this.token(this.error(`${this.stringPrefix()}-string: expressions nested too deeply`), -1, -1, out);
        }
        current.kind = Mode.Regular;
        return this.normalMode(current, out);
      }
    } else {
      this.backup(startChar);
    }

    let atEnd = true;
    for (let i = 0; i < current.quoteSize; i++) {
      const q = this.nextc();
      if (q !== current.quote) {
        this.backup(q);
        atEnd = false;
        break;
      }
    }
    if (atEnd) {
      const type = current.isTString ? TSTRING_END : FSTRING_END;
      const start = this.start;
      this.modeIndex--;
      return this.token(type, start, this.cur, out);
    }

    this.multiLineStart = this.lineStart;
    while (endQuoteSize !== current.quoteSize) {
      const c = this.nextc();
      if (this.done === Done.ERROR) return this.token(ERRORTOKEN, -1, -1, out);
      const inFormatSpec = current.inFormatSpec && current.exprStartDepth >= 0;

      if (c === EOF || (current.quoteSize === 1 && c === C_LF)) {
        if (inFormatSpec && c === C_LF) {
          if (current.quoteSize === 1) {
            const p = this.stringPrefix();
            return this.token(
              this.error(`${p}-string: newlines are not allowed in format specifiers for single quoted ${p}-strings`),
              -1,
              -1,
              out,
            );
          }
          this.backup(c);
          current.kind = Mode.Regular;
          current.inFormatSpec = false;
          return this.token(middleType, this.start, this.cur, out);
        }
        this.cur = current.start + 1;
        this.lineStart = current.multiLineStart;
        const detectedAt = this.lineno;
        this.lineno = current.firstLine;
        const p = this.stringPrefix();
        if (current.quoteSize === 3) {
          this.error(`unterminated triple-quoted ${p}-string literal (detected at line ${detectedAt})`);
          if (c !== C_LF) this.done = Done.EOFS;
          return this.token(ERRORTOKEN, -1, -1, out);
        }
        return this.token(this.error(`unterminated ${p}-string literal (detected at line ${detectedAt})`), -1, -1, out);
      }

      if (c === current.quote) {
        endQuoteSize += 1;
        continue;
      }
      endQuoteSize = 0;

      if (c === C_LBRACE) {
        const peek = this.nextc();
        if (peek !== C_LBRACE || inFormatSpec) {
          this.backup(peek);
          this.backup(c);
          current.exprStartDepth++;
          if (current.exprStartDepth >= MAX_EXPR_NESTING) {
            return this.token(this.error(`${this.stringPrefix()}-string: expressions nested too deeply`), -1, -1, out);
          }
          current.kind = Mode.Regular;
          current.inFormatSpec = false;
          return this.token(middleType, this.start, this.cur, out);
        }
        // `{{`: the literal keeps one brace; the second is skipped.
        return this.token(middleType, this.start, this.cur - 1, out);
      } else if (c === C_RBRACE) {
        if (unicodeEscape) return this.token(middleType, this.start, this.cur, out);
        const peek = this.nextc();
        if (peek === C_RBRACE && !inFormatSpec && current.curlyDepth === 0) {
          return this.token(middleType, this.start, this.cur - 1, out);
        }
        this.backup(peek);
        this.backup(c);
        current.kind = Mode.Regular;
        current.inFormatSpec = false;
        return this.token(middleType, this.start, this.cur, out);
      } else if (c === C_BACKSLASH) {
        let peek = this.nextc();
        if (peek === C_CR) peek = this.nextc();
        if (peek === C_LBRACE || peek === C_RBRACE) {
          if (!current.raw) {
            const ch = String.fromCharCode(peek);
            this.warnings.push({
              lineno: this.lineno,
              message: `"\\${ch}" is an invalid escape sequence. Such sequences will not work in the future. Did you mean "\\\\${ch}"? A raw string is also an option.`,
            });
          }
          this.backup(peek);
          continue;
        }
        if (!current.raw && peek === 78 /* N */) {
          peek = this.nextc();
          if (peek === C_LBRACE) unicodeEscape = true;
          else this.backup(peek);
        }
      }
    }

    // The closing quotes belong to the FSTRING_END that comes next.
    for (let i = 0; i < current.quoteSize; i++) this.backup(current.quote);
    return this.token(middleType, this.start, this.cur, out);
  }

  /** Whether `offset` is where the final line's fake newline sits. */
  isFakeNewlineAt(offset: number): boolean {
    return this.fakeNewline && offset === this.textEnd - 1;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const isSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdfff;

/** The run of lone surrogates starting at `at`, in code points from the line start. */
function loneSurrogateRun(text: string, lineStart: number, at: number): { position: number; end: number; char: number } {
  let end = at + 1;
  while (end < text.length && isSurrogate(text.charCodeAt(end))) {
    const u = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    if (u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) break; // a real pair: a valid character
    end++;
  }
  const position = codePointLength(text, lineStart, at);
  return { position, end: position + (end - at), char: text.charCodeAt(at) };
}

/** The first UTF-8 byte of the character at `offset`. */
function utf8LeadByte(text: string, offset: number): number {
  const u = text.codePointAt(offset) as number;
  if (u < 0x800) return 0xc0 | (u >> 6);
  if (u < 0x10000) return 0xe0 | (u >> 12);
  return 0xf0 | (u >> 18);
}

function newMode(kind: Mode): ModeEntry {
  return {
    kind,
    quote: 0,
    quoteSize: 0,
    raw: false,
    isTString: false,
    start: 0,
    multiLineStart: 0,
    firstLine: 0,
    curlyDepth: 0,
    exprStartDepth: -1,
    inFormatSpec: false,
  };
}
