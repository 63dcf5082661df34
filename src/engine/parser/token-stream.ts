// The tokens the parser reads. Our tokenizer is CPython's lexer in `tokenize` mode; the parser
// uses it in its own mode, which differs in ways this module makes up for:
// - comments and NL tokens are dropped, except `# type:` comments (TYPE_COMMENT tokens, and
//   `# type: ignore` collected for Module.type_ignores), as with type_comments=True;
// - operators get their exact types and keywords their own types;
// - identifiers are checked (invalid characters) and brackets matched, raising the errors
//   CPython's tokenizer raises there;
// - positions are UTF-8 byte columns, as CPython's nodes have them.
// A tokenizer error is kept at the index where CPython would meet it: the parser raises it
// only when it reads that far, as pegen does.
import { Done, Lexer, type RawToken } from '../tokenizer/lexer.js';
import { errorFrom } from '../tokenizer/generate-tokens.js';
import type { TokenizeError } from '../tokenizer/errors.js';
import { codePointLength, utf8Length } from '../tokenizer/text-utils.js';
import { COMMENT, NL, NAME, OP, ERRORTOKEN, TYPE_COMMENT, ENDMARKER, NEWLINE, INDENT, DEDENT, FSTRING_MIDDLE, TSTRING_MIDDLE, STRING, NUMBER } from '../tokenizer/token-types.js';
import { invalidCharacter, isIdentifier } from './identifiers.js';
import { isTypeComment, readTypeComment } from './type-comments.js';
import { KEYWORDS, KEYWORD_BASE } from './generated/keywords.js';
import { PySyntaxError, type SyntaxErrorClass } from './errors.js';
import { byteColToIndex, byteToCharOffset, utf8Len } from './text.js';

/** A token as the parser sees it; positions like a node's (byte columns). */
export interface PTok {
  type: number;
  string: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** Bracket depth after this token (CPython's token level). */
  level: number;
  /** Index in the token list. */
  index: number;
  /** Where CPython's tokenizer stands after reading this token: a byte column on `lineno`. */
  cur: number;
  /** DEDENT and ENDMARKER after the last line: reading them, CPython's tokenizer met the end. */
  atEof: boolean;
}

const KEYWORD_TYPES = new Map(KEYWORDS.map((k, i) => [k, KEYWORD_BASE + i]));
/** What may follow a number directly with only a SyntaxWarning: these keywords (if/in/is as a prefix). */
const KEYWORD_PREFIX = /^(?:(?:and|else|for|not|or)(?![A-Za-z0-9_\u0080-\uffff])|i[fns])/;
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * A token straight from the lexer, before the parser's own checks. It already has a PTok's
 * fields: the parser's token is the same object, finished in place (one allocation per token).
 */
interface RawTok extends PTok {
  /** Columns in characters, for the tokenizer's own error offsets. */
  startChars: number;
  endChars: number;
  /** UTF-16 offset of the end in the lexer's text. */
  endOffset: number;
  /** A comment alone on its line. */
  alone: boolean;
}

interface PendingError {
  /** Whether CPython's tokenizer set an exception (then it also wins over later parser errors). */
  raised: boolean;
  /** For "'(' was never closed": the bracket's line. */
  parenLine?: number;
  /** Met at the end of the source (E_EOF, E_EOFS): codeop calls such input incomplete. */
  atEof?: boolean;
  /** Met inside an f-/t-string: then a SyntaxError the parser raised before it stands. */
  inFString?: boolean;
  make: (p: { fill: number }) => PySyntaxError;
}

export class TokenStream {
  readonly tokens: PTok[] = [];
  readonly typeIgnores: Array<{ lineno: number; tag: string }> = [];
  /** The tokenizer's error after the last token, if any. */
  error: PendingError | null = null;
  /** SyntaxWarnings the tokenizer gives on reading a token, by the token's index. */
  readonly tokenWarnings = new Map<number, string>();
  private readonly lines: string[];

  constructor(
    readonly source: string,
    readonly filename: string,
    mode = 'exec',
  ) {
    this.lines = source.split(/(?<=\n)/);
    this.build();
    // In 'single' mode CPython's parser reads the first ENDMARKER as a NEWLINE (what ends a
    // compound statement at the prompt), then the ENDMARKER.
    const last = this.tokens[this.tokens.length - 1];
    if (mode === 'single' && !this.error && last && last.type === ENDMARKER && this.tokens.length > 1) {
      this.tokens.splice(this.tokens.length - 1, 0, { ...last, type: NEWLINE });
      last.index++;
    }
  }

  /** Line `n` (1-based) as CPython's SyntaxError.text has it: ending in '\n', or '' past the end. */
  lineText(n: number): string {
    const line = this.lines[n - 1];
    if (line === undefined) return '';
    if (line.endsWith('\r\n')) return line.slice(0, -2) + '\n';
    return line.endsWith('\n') ? line : line + '\n';
  }

  private build(): void {
    const result = this.lex();
    const brackets: RawTok[] = [];
    const lexed = this.lexerText;
    const all = result.tokens;
    for (let i = 0; i < all.length; i++) {
      const t = all[i] as RawTok;
      let type = t.type;
      let string = t.string;
      if (type === COMMENT) {
        const read = readTypeComment(string, t.alone);
        if (!read) continue;
        if ('ignore' in read) {
          this.typeIgnores.push({ lineno: t.lineno, tag: read.ignore });
          continue;
        }
        type = TYPE_COMMENT;
        string = read.comment;
      } else if (type > DEDENT && type < OP) {
        if (string === '(' || string === '[' || string === '{') brackets.push(t);
        else if (string === ')' || string === ']' || string === '}') {
          const open = brackets.pop();
          if (!open) return this.fail(t, `unmatched '${string}'`, t.endChars);
          if (open.string !== OPENERS[string]) {
            const msg =
              open.lineno !== t.lineno
                ? `closing parenthesis '${string}' does not match opening parenthesis '${open.string}' on line ${open.lineno}`
                : `closing parenthesis '${string}' does not match opening parenthesis '${open.string}'`;
            return this.fail(t, msg, t.endChars);
          }
        }
      } else if (type === NUMBER) {
        if (this.badNumber(t, all[i + 1])) return;
      } else if (type === NAME) {
        const kw = KEYWORD_TYPES.get(string);
        if (kw !== undefined) type = kw;
        else if (/[^\x00-\x7f]/.test(string) && !isIdentifier(string)) {
          const { msg, at } = invalidCharacter(string);
          return this.fail(t, msg, t.startChars + at + 1);
        }
      }
      if (type === INDENT || type === DEDENT || type === ENDMARKER) {
        // CPython gives these no columns; at the end of the file they stay on its last line.
        const lineno = t.atEof ? Math.max(1, this.lines.length) : t.lineno;
        let cur = t.end_col_offset;
        if (t.atEof) {
          const line = this.lineText(lineno);
          cur = utf8Len(line) + (line.endsWith('\n') ? 0 : 1);
        }
        t.lineno = t.end_lineno = lineno;
        t.col_offset = t.end_col_offset = -1;
        t.cur = cur;
      } else {
        let endCol = t.end_col_offset;
        // A literal part ending in a doubled brace: the token spans both braces, its text keeps one.
        if ((type === FSTRING_MIDDLE || type === TSTRING_MIDDLE) && (lexed.charCodeAt(t.endOffset) === 0x7b || lexed.charCodeAt(t.endOffset) === 0x7d) && /[{}]$/.test(string)) endCol++;
        t.end_col_offset = t.cur = endCol;
      }
      t.type = type;
      t.string = string;
      t.level = brackets.length;
      t.index = this.tokens.length;
      this.tokens.push(t);
    }
    const err = result.error;
    if (!err) return;
    this.keepError(err, brackets);
    if (this.error) this.error.inFString = result.inFString ?? false;
  }

  /** The tokenizer's error, kept for when the parser reads that far. */
  private keepError(err: TokenizeError, brackets: RawTok[]): void {
    if (err.message === 'unexpected EOF in multi-line statement' && brackets.length) {
      const open = brackets[brackets.length - 1] as RawTok;
      this.error = {
        raised: false,
        atEof: true,
        parenLine: open.lineno,
        make: () => this.makeError('SyntaxError', open.lineno, open.col_offset + 1, open.lineno, 0, `'${open.string}' was never closed`, true),
      };
      return;
    }
    const pythonType = err.pythonType;
    if (pythonType === 'IndentationError' || pythonType === 'TabError') {
      const lineno = err.lineno ?? 1;
      if (err.message.startsWith('unindent')) {
        this.error = { raised: false, make: () => this.raiseAtToken('IndentationError', this.errorToken(lineno), err.message) };
      } else {
        // The tokenizer stopped on that line: the text keeps its newline.
        this.error = { raised: false, make: () => this.makeError(pythonType, lineno, 1, lineno, 0, err.message, lineno) };
      }
      return;
    }
    if (err.message === 'unexpected character after line continuation character') {
      const lineno = err.lineno ?? 1;
      // CPython points just past the character after the backslash.
      const line = this.lineText(lineno);
      let from = 0;
      for (const t of this.tokens) if (t.end_lineno === lineno && t.col_offset >= 0) from = Math.max(from, byteColToIndex(line, t.end_col_offset));
      const backslash = line.indexOf('\\', from);
      const col = backslash < 0 ? (err.offset ?? 1) : utf8Len(line.slice(0, backslash)) + 2;
      this.error = { raised: false, make: () => this.makeError('SyntaxError', lineno, col, lineno, 0, err.message, lineno) };
      return;
    }
    if (err.message === 'unexpected EOF in multi-line statement') {
      this.error = {
        raised: false,
        atEof: true,
        make: () => this.raiseAtToken('SyntaxError', this.errorToken(Math.max(1, this.lines.length)), 'unexpected EOF while parsing'),
      };
      return;
    }
    // A SyntaxError the lexer raised itself: offsets are already 1-based characters.
    const message = err.message === 'EOF in multi-line string' ? this.tripleQuoteMessage() : err.message;
    const lineno = err.lineno ?? 1;
    const text = this.lineText(lineno).replace(/\n$/, '');
    const offset = err.offset ?? 0;
    this.error = {
      raised: true,
      atEof: err.message === 'EOF in multi-line string' || err.message.startsWith('unterminated triple-quoted'),
      make: () => new PySyntaxError(pythonType === 'SyntaxError' || pythonType === 'TokenError' ? 'SyntaxError' : 'SyntaxError', message, this.filename, lineno, offset, text, lineno, offset),
    };
  }

  private tripleQuoteMessage(): string {
    return `unterminated triple-quoted string literal (detected at line ${this.lines.length})`;
  }

  private fail(t: RawTok, msg: string, endCol: number): void {
    const lineno = t.lineno;
    // The tokenizer's errors show the line without its newline.
    const text = this.lineText(lineno).replace(/\n$/, '');
    this.error = { raised: true, make: () => new PySyntaxError('SyntaxError', msg, this.filename, lineno, endCol, text, lineno, endCol) };
  }

  /**
   * Checks CPython's parser-mode tokenizer makes on numbers and tokenize skips: leading zeros
   * in a decimal int, and a number running straight into a name ("1def" -> invalid decimal
   * literal; before a keyword CPython only warns).
   */
  private badNumber(t: RawTok, next: RawTok | undefined): boolean {
    const s = t.string;
    if (/^0[0-9_]*$/.test(s) && /[1-9]/.test(s)) {
      const firstNonZero = s.search(/[1-9]/);
      this.tokenizerError(t, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', t.startChars + 1, t.startChars + firstNonZero + 1);
      return true;
    }
    if (!next || next.lineno !== t.end_lineno || next.col_offset !== t.end_col_offset || (next.type !== NAME && next.type !== NUMBER)) return false;
    const c = next.string.charCodeAt(0);
    if (c >= 0x80) return false;
    const lower = s.toLowerCase();
    const kind = lower.startsWith('0x') ? 'hexadecimal' : lower.startsWith('0o') ? 'octal' : lower.startsWith('0b') ? 'binary' : lower.endsWith('j') ? 'imaginary' : 'decimal';
    // verify_end_of_number: only a warning where valid code could go on with a keyword.
    if (KEYWORD_PREFIX.test(next.string)) {
      this.tokenWarnings.set(this.tokens.length, `invalid ${kind} literal`);
      return false;
    }
    this.tokenizerError(t, `invalid ${kind} literal`, t.endChars, t.endChars);
    return true;
  }

  private tokenizerError(t: RawTok, msg: string, offset: number, endOffset: number): void {
    const lineno = t.lineno;
    const text = this.lineText(lineno).replace(/\n$/, '');
    this.error = { raised: true, make: () => new PySyntaxError('SyntaxError', msg, this.filename, lineno, offset, text, lineno, endOffset) };
  }

  private lexerText = '';

  /**
   * Runs the lexer (CPython's, in tokenize mode) and keeps what the parser needs, with byte
   * columns computed as CPython's parser does (from the start of the token's line).
   */
  private lex(): { tokens: RawTok[]; error?: TokenizeError; inFString?: boolean } {
    const lexer = new Lexer(this.source);
    const text = lexer.text;
    this.lexerText = text;
    const tokens: RawTok[] = [];
    const raw: RawToken = { type: 0, start: -1, end: -1 };
    // In ASCII text a column in bytes or in characters is the distance in UTF-16 units: no need
    // to count from the start of the line for every token.
    const ascii = !/[^\x00-\x7f]/.test(text);
    const bytes = ascii ? (_: string, from: number, to: number) => to - from : utf8Length;
    const chars = ascii ? (_: string, from: number, to: number) => to - from : codePointLength;
    let typeCommentLine = false;
    for (;;) {
      let type = lexer.get(raw);
      if (type === ERRORTOKEN) return { tokens, error: errorFrom(lexer, []), inFString: lexer.insideFString };
      if (type === NL) {
        // A type comment alone on its line is followed by a NEWLINE in CPython's parser.
        if (!typeCommentLine) continue;
        type = NEWLINE;
      }
      typeCommentLine = false;
      const literal = type === STRING || type === FSTRING_MIDDLE || type === TSTRING_MIDDLE;
      const lineStart = literal ? lexer.multiLineStart : lexer.lineStart;
      const start = raw.start >= 0 ? raw.start : raw.end;
      tokens.push({
        type,
        string: raw.start < 0 || raw.end < 0 ? '' : text.slice(raw.start, raw.end),
        lineno: literal ? lexer.firstLineno : lexer.lineno,
        col_offset: start >= lineStart ? bytes(text, lineStart, start) : 0,
        end_lineno: lexer.lineno,
        // NEWLINE's end counts the newline character the lexer leaves out.
        end_col_offset: (raw.end >= lexer.lineStart ? bytes(text, lexer.lineStart, raw.end) : 0) + (type === NEWLINE ? 1 : 0),
        startChars: start >= lineStart ? chars(text, lineStart, start) : 0,
        endChars: (raw.end >= lexer.lineStart ? chars(text, lexer.lineStart, raw.end) : 0) + (type === NEWLINE ? 1 : 0),
        endOffset: raw.end,
        level: 0,
        index: 0,
        cur: 0,
        atEof: type === ENDMARKER || (type === DEDENT && lexer.done === Done.EOF),
        alone: type === COMMENT && /^[ \t\f]*$/.test(text.slice(lexer.lineStart, raw.start)),
      });
      const last = tokens[tokens.length - 1] as RawTok;
      if (last.alone && isTypeComment(last.string)) typeCommentLine = true;
      if (type === ENDMARKER) return { tokens };
    }
  }

  /** The tokenizer's error where the parser asked for a token past the last one. */
  errorAt(p: { fill: number }): PySyntaxError {
    if (this.error) return this.error.make(p);
    throw new Error('read past the end of the tokens');
  }

  /**
   * The ERRORTOKEN CPython's parser adds before raising the tokenizer's error: on the line the
   * tokenizer stopped at, without columns, the tokenizer at the end of that line.
   */
  private errorToken(lineno: number): PTok {
    const line = this.lines[lineno - 1] ?? '';
    const cur = utf8Len(line) + (line.endsWith('\n') ? 0 : 1);
    return { type: ERRORTOKEN, string: '', lineno, col_offset: -1, end_lineno: lineno, end_col_offset: -1, level: 0, index: this.tokens.length, cur, atEof: false };
  }

  /** _PyPegen_raise_error: at a token; one without columns gives where the tokenizer stands. */
  raiseAtToken(kind: SyntaxErrorClass, t: PTok, msg: string): PySyntaxError {
    const col = t.col_offset === -1 ? t.cur : t.col_offset + 1;
    const endCol = t.end_col_offset === -1 ? -1 : t.end_col_offset + 1;
    return this.makeError(kind, t.lineno, col, t.end_lineno, endCol, msg);
  }

  /** How far the parser has read (set by the parser): decides where error texts come from. */
  fill: () => number = () => this.tokens.length;

  /**
   * A SyntaxError from 1-based byte columns, converted like CPython's. Its text is the line as
   * the tokenizer's buffer holds it (with its newline) when the tokenizer is still on that
   * line, else as cut from the whole source (without).
   */
  makeError(kind: SyntaxErrorClass, lineno: number, col: number, endLineno: number, endCol: number, msg: string, fromTokenizer: boolean | number = false): PySyntaxError {
    const last = this.tokens[this.fill() - 1];
    // The tokenizer's line: where it stopped (a number), the end of the file, or the last token read.
    const tokenizerLine = typeof fromTokenizer === 'number' ? fromTokenizer : fromTokenizer ? Math.max(1, this.lines.length) : last ? last.end_lineno : 1;
    const full = this.lineText(lineno);
    const text = tokenizerLine <= lineno ? full : full.replace(/\n$/, '');
    const offset = byteToCharOffset(full, col);
    let endOffset = endCol;
    if (endCol > 0) endOffset = byteToCharOffset(endLineno === lineno ? full : this.lineText(endLineno), endCol);
    return new PySyntaxError(kind, msg, this.filename, lineno, offset, text, endLineno, endOffset);
  }

  /** The source text from the end of `a` to the start of `b` (f-string debug text). */
  between(a: PTok, b: PTok): string {
    let out = '';
    for (let n = a.end_lineno; n <= b.lineno; n++) {
      const line = this.lineText(n);
      const from = n === a.end_lineno ? byteColToIndex(line, a.end_col_offset) : 0;
      const to = n === b.lineno ? byteColToIndex(line, b.col_offset) : line.length;
      out += line.slice(from, to);
    }
    return out;
  }

  /** The source after where the tokenizer stands once it has read `t`. */
  textAfter(t: PTok): string {
    const line = this.lines[t.lineno - 1] ?? '';
    return line.slice(byteColToIndex(line, t.cur)) + this.lines.slice(t.lineno).join('');
  }

  /** NFKC-normalized identifier, as CPython stores names. */
  identifier(t: PTok): string {
    const s = t.string;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return s.normalize('NFKC');
    return s;
  }

  /** Where CPython's tokenizer stands after reading `t`: its end column (bytes, 1-based for errors). */
  tokenizerColumn(t: PTok): number {
    return t.cur;
  }

  isEnd(t: PTok): boolean {
    return t.type === ENDMARKER || t.type === NEWLINE;
  }
}
