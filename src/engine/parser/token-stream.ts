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
import { tokenizeSafe } from '../tokenizer/index.js';
import type { Token } from '../tokenizer/token.js';
import { COMMENT, NL, NAME, OP, ERRORTOKEN, TYPE_COMMENT, ENDMARKER, NEWLINE, INDENT, DEDENT, FSTRING_MIDDLE, TSTRING_MIDDLE } from '../tokenizer/token-types.js';
import { isPrintable } from '../tokenizer/py-repr.js';
import { KEYWORDS, KEYWORD_BASE } from './generated/parser.js';
import { PySyntaxError, type SyntaxErrorClass } from './errors.js';
import { byteToCharOffset, utf8Len } from './text.js';

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
}

const KEYWORD_TYPES = new Map(KEYWORDS.map((k, i) => [k, KEYWORD_BASE + i]));
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;
const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

interface PendingError {
  /** Whether CPython's tokenizer set an exception (then it also wins over later parser errors). */
  raised: boolean;
  /** For "'(' was never closed": the bracket's line. */
  parenLine?: number;
  make: (p: { fill: number }) => PySyntaxError;
}

export class TokenStream {
  readonly tokens: PTok[] = [];
  readonly typeIgnores: Array<{ lineno: number; tag: string }> = [];
  /** The tokenizer's error after the last token, if any. */
  error: PendingError | null = null;
  private readonly lines: string[];
  private readonly asciiLine: boolean[];

  constructor(
    readonly source: string,
    readonly filename: string,
  ) {
    this.lines = source.split(/(?<=\n)/);
    this.asciiLine = this.lines.map((l) => !/[^\x00-\x7f]/.test(l));
    this.build();
  }

  /** Line `n` (1-based) as CPython's SyntaxError.text has it: ending in '\n', or '' past the end. */
  lineText(n: number): string {
    const line = this.lines[n - 1];
    if (line === undefined) return '';
    if (line.endsWith('\r\n')) return line.slice(0, -2) + '\n';
    return line.endsWith('\n') ? line : line + '\n';
  }

  private byteCol(lineno: number, col: number): number {
    if (this.asciiLine[lineno - 1] !== false) return col;
    const line = this.lines[lineno - 1] as string;
    let bytes = 0;
    let i = 0;
    for (let cp = 0; cp < col && i < line.length; cp++, i++) {
      const c = line.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff) (bytes += 4), i++;
      else bytes += 3;
    }
    return bytes;
  }

  private build(): void {
    const result = tokenizeSafe(this.source);
    const brackets: Token[] = [];
    for (const t of result.tokens) {
      let type = t.type;
      if (type === NL) continue;
      if (type === COMMENT) {
        if (!this.typeComment(t)) continue;
        type = TYPE_COMMENT;
      } else if (type === OP) {
        type = t.exactType;
        const s = t.string;
        if (s === '(' || s === '[' || s === '{') brackets.push(t);
        else if (s === ')' || s === ']' || s === '}') {
          const open = brackets.pop();
          if (!open) return this.fail(t, `unmatched '${s}'`, t.end[1]);
          if (open.string !== OPENERS[s]) {
            const msg =
              open.start[0] !== t.start[0]
                ? `closing parenthesis '${s}' does not match opening parenthesis '${open.string}' on line ${open.start[0]}`
                : `closing parenthesis '${s}' does not match opening parenthesis '${open.string}'`;
            return this.fail(t, msg, t.end[1]);
          }
        }
      } else if (type === NAME) {
        const kw = KEYWORD_TYPES.get(t.string);
        if (kw !== undefined) type = kw;
        else if (t.string.charCodeAt(0) >= 0x80 || /[^\x00-\x7f]/.test(t.string)) {
          if (!IDENTIFIER.test(t.string)) return this.badIdentifier(t);
        }
      } else if (type === ERRORTOKEN) {
        continue;
      }
      let string = t.string;
      if (type === TYPE_COMMENT) string = this.typeCommentText(t);
      if (type === INDENT || type === DEDENT || type === ENDMARKER) {
        // CPython gives these no columns; at the end of the file they stay on its last line.
        const atEof = t.start[0] > this.lines.length;
        const lineno = atEof ? Math.max(1, this.lines.length) : t.start[0];
        const line = this.lineText(lineno);
        const cur = atEof ? utf8Len(line) + (line.endsWith('\n') ? 0 : 1) : this.byteCol(lineno, type === INDENT ? t.end[1] : t.start[1]);
        this.tokens.push({ type, string, lineno, col_offset: -1, end_lineno: lineno, end_col_offset: -1, level: brackets.length, index: this.tokens.length, cur });
        continue;
      }
      this.tokens.push({
        type,
        string,
        lineno: t.start[0],
        col_offset: t.start[0] > this.lines.length ? 0 : this.byteCol(t.start[0], t.start[1]),
        end_lineno: t.end[0],
        end_col_offset: t.end[0] > this.lines.length ? 0 : this.byteCol(t.end[0], t.end[1]),
        level: brackets.length,
        index: this.tokens.length,
        cur: 0,
      });
      const pushed = this.tokens[this.tokens.length - 1] as PTok;
      // A literal part ending in a doubled brace: CPython's token spans both braces (tokenize
      // reports one), though its text keeps one.
      if ((type === FSTRING_MIDDLE || type === TSTRING_MIDDLE) && /[{}]$/.test(string)) pushed.end_col_offset++;
      pushed.cur = pushed.end_col_offset;
    }
    const err = result.error;
    if (!err) return;
    if (err.message === 'unexpected EOF in multi-line statement' && brackets.length) {
      const open = brackets[brackets.length - 1] as Token;
      this.error = {
        raised: false,
        parenLine: open.start[0],
        make: () => this.makeError('SyntaxError', open.start[0], this.byteCol(open.start[0], open.start[1]) + 1, open.start[0], 0, `'${open.string}' was never closed`, true),
      };
      return;
    }
    const pythonType = err.pythonType;
    if (pythonType === 'IndentationError' || pythonType === 'TabError') {
      const lineno = err.lineno ?? 1;
      if (err.message.startsWith('unindent')) {
        this.error = { raised: false, make: () => this.raiseAtToken('IndentationError', this.errorToken(lineno), err.message) };
      } else {
        this.error = { raised: false, make: () => this.makeError(pythonType, lineno, 1, lineno, 0, err.message, true) };
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
      this.error = { raised: false, make: () => this.makeError('SyntaxError', lineno, col, lineno, 0, err.message, true) };
      return;
    }
    if (err.message === 'unexpected EOF in multi-line statement') {
      this.error = {
        raised: false,
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
      make: () => new PySyntaxError(pythonType === 'SyntaxError' || pythonType === 'TokenError' ? 'SyntaxError' : 'SyntaxError', message, this.filename, lineno, offset, text, lineno, offset),
    };
  }

  private tripleQuoteMessage(): string {
    return `unterminated triple-quoted string literal (detected at line ${this.lines.length})`;
  }

  private fail(t: Token, msg: string, endCol: number): void {
    const lineno = t.start[0];
    // The tokenizer's errors show the line without its newline.
    const text = this.lineText(lineno).replace(/\n$/, '');
    this.error = { raised: true, make: () => new PySyntaxError('SyntaxError', msg, this.filename, lineno, endCol, text, lineno, endCol) };
  }

  private badIdentifier(t: Token): void {
    const chars = [...t.string];
    let i = 0;
    if (!XID_START.test(chars[0] as string)) i = 0;
    else for (i = 1; i < chars.length && XID_CONTINUE.test(chars[i] as string); i++);
    const ch = (chars[i] as string).codePointAt(0) as number;
    const hex = ch.toString(16).toUpperCase().padStart(4, '0');
    const msg = isPrintable(ch) ? `invalid character '${String.fromCodePoint(ch)}' (U+${hex})` : `invalid non-printable character U+${hex}`;
    this.fail(t, msg, t.start[1] + i + 1);
  }

  /** Whether a comment is a type comment; `# type: ignore...` ones are collected instead. */
  private typeComment(t: Token): boolean {
    const m = /^#[ \t]*type:[ \t]*/.exec(t.string);
    if (!m) return false;
    const rest = t.string.slice(m[0].length);
    if (rest.startsWith('ignore') && (rest.length === 6 || !/[A-Za-z0-9\u0080-\uffff]/.test(rest[6] as string))) {
      // Alone on its line, the comment takes the newline with it, into its tag.
      const alone = /^[ \t\f]*$/.test(t.line.slice(0, t.start[1]));
      this.typeIgnores.push({ lineno: t.start[0], tag: rest.slice(6) + (alone ? '\n' : '') });
      return false;
    }
    return true;
  }

  private typeCommentText(t: Token): string {
    const m = /^#[ \t]*type:[ \t]*/.exec(t.string) as RegExpExecArray;
    return t.string.slice(m[0].length);
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
    return { type: ERRORTOKEN, string: '', lineno, col_offset: -1, end_lineno: lineno, end_col_offset: -1, level: 0, index: this.tokens.length, cur };
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
  makeError(kind: SyntaxErrorClass, lineno: number, col: number, endLineno: number, endCol: number, msg: string, fromTokenizer = false): PySyntaxError {
    const last = this.tokens[this.fill() - 1];
    const tokenizerLine = fromTokenizer ? Math.max(1, this.lines.length) : last ? last.end_lineno : 1;
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

/** UTF-16 offset into `line` of a byte column. */
export function byteColToIndex(line: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteCol) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) (bytes += 4), i++;
    else bytes += 3;
    i++;
  }
  return i;
}
