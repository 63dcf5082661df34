// What the generated parser stands on: the token stream, memoization, left recursion and the
// ways pegen raises SyntaxErrors (Parser/pegen.c, Parser/pegen_errors.c and the RAISE_* macros
// of Parser/pegen.h, learned from CPython 3.14).
import { N, type Node } from './nodes.js';
import type { PTok, TokenStream } from './token-stream.js';
import { PySyntaxError, type SyntaxErrorClass } from './errors.js';
import { ENDMARKER, NAME, NEWLINE, DEDENT, NUMBER, LBRACE as OPEN_BRACE, FSTRING_START, FSTRING_END, TSTRING_START, TSTRING_END } from '../tokenizer/token-types.js';
import { parseNumber } from './numbers.js';

/** Thrown through the rules once an action or the tokenizer raised (pegen's error_indicator). */
export class RaisedError {
  constructor(
    readonly error: PySyntaxError,
    /** Raised by the tokenizer (then no later tokenizer error replaces it). */
    readonly fromTokenizer = false,
  ) {}
}

const SOFT_KEYWORDS = new Set(['_', 'case', 'match', 'type']);
/** What a successful alternative without an action gives when it has several items. */
const DUMMY = Object.freeze({ dummy: true });
/** Stands for a matched optional part whose value is None (pegen's NULL can't be told apart). */
const NONE = Object.freeze({ none: true });

export class ParserBase {
  mark = 0;
  /** One more than the index of the furthest token looked at (pegen's p->fill). */
  fill = 0;
  /** Whether the invalid_ rules run: only on the second pass. */
  callInvalid = false;
  /** Statement count for mode 'single' and `from __future__` checks. */
  readonly tokens: PTok[];

  constructor(
    readonly stream: TokenStream,
    readonly filename: string,
    readonly mode: string,
  ) {
    this.tokens = stream.tokens;
    stream.fill = () => this.fill;
  }

  // ---- tokens ----------------------------------------------------------------------------

  /** The token at `mark`, reading it (and raising the tokenizer's error there) as pegen does. */
  peek(): PTok {
    const i = this.mark;
    if (i >= this.fill) {
      if (i >= this.tokens.length) throw new RaisedError(this.stream.errorAt(this), true);
      if (this.stream.tokenWarnings.size) this.tokenizerWarnings(this.fill, i + 1);
      this.fill = i + 1;
    }
    return this.tokens[i] as PTok;
  }

  token(type: number): PTok | null {
    const t = this.peek();
    if (t.type === type) {
      this.mark++;
      return t;
    }
    return null;
  }

  /** NAME (not a keyword) as a Name node, identifiers NFKC-normalized like CPython. */
  name(): Node | null {
    const t = this.peek();
    if (t.type !== NAME) return null;
    this.mark++;
    return N.Name(this.stream.identifier(t), N.Load, t, t);
  }

  number(): Node | null {
    const t = this.peek();
    if (t.type !== NUMBER) return null;
    this.mark++;
    return N.Constant(parseNumber(t.string), null, t, t);
  }

  softKeyword(value?: string): Node | null {
    const t = this.peek();
    if (t.type !== NAME || !(value === undefined ? SOFT_KEYWORDS.has(t.string) : t.string === value)) return null;
    this.mark++;
    return N.Name(t.string, N.Load, t, t);
  }

  expectForced(type: number, expected: string): PTok {
    const t = this.peek();
    if (t.type !== type) throw this.raiseKnownLocation(t, `expected '${expected}'`);
    this.mark++;
    return t;
  }

  lookahead(positive: boolean, result: unknown, mark: number): boolean {
    this.mark = mark;
    return positive ? result != null : result == null;
  }

  /** Where the node being built starts: the token at mark (read if needed). */
  startTok(): PTok {
    return this.peek();
  }

  /** The last token consumed that is not NEWLINE, INDENT, DEDENT or ENDMARKER. */
  endTok(): PTok {
    for (let m = this.mark - 1; m >= 0; m--) {
      const t = this.tokens[m] as PTok;
      if (t.type !== ENDMARKER && (t.type < NEWLINE || t.type > DEDENT)) return t;
    }
    return this.tokens[0] as PTok;
  }

  dummy(): object {
    return DUMMY;
  }

  none(): object {
    return NONE;
  }

  /** The source text of a replacement field from its `{` up to `tok` (debug f-strings). */
  debugText(tok: PTok): string {
    let depth = 0;
    for (let i = tok.index - 1; i >= 0; i--) {
      const t = this.tokens[i] as PTok;
      const s = t.string;
      if (t.type === OPEN_BRACE && depth === 0) return this.stream.between(t, tok);
      if (s === ')' || s === ']' || s === '}') depth++;
      else if (s === '(' || s === '[' || s === '{') depth--;
    }
    return '';
  }

  /** 'f' or 't': the kind of the innermost string being parsed at the mark. */
  fstringPrefix(): string {
    let depth = 0;
    for (let i = Math.min(this.mark, this.tokens.length - 1); i >= 0; i--) {
      const t = (this.tokens[i] as PTok).type;
      if (t === FSTRING_END || t === TSTRING_END) depth++;
      else if (t === FSTRING_START || t === TSTRING_START) {
        if (depth === 0) return t === FSTRING_START ? 'f' : 't';
        depth--;
      }
    }
    return 'f';
  }

  // ---- memoization -----------------------------------------------------------------------
  // Typed arrays for every memoized rule, at [position * SLOTS + slot]: in `ends`, one more than
  // where the rule ended when tried there (0: not tried); in `found`, one more than the index of
  // its result in `values` (0: it failed). No Map and no per-attempt objects: a Map of a million
  // keys cost more than the parsing itself, and most memoized attempts fail. The typed arrays are
  // kept between parses (re-parsing on each keystroke must not feed the garbage collector).

  private static readonly SLOTS = 32;
  private static spareEnds = new Int32Array(0);
  private static spareFound = new Int32Array(0);
  private readonly slots = new Int8Array(1024).fill(-1);
  private slotCount = 0;
  private memoEnds = new Int32Array(0);
  private memoFound = new Int32Array(0);
  /** Results of memoized attempts, by index; shared between parses so it stops growing. */
  private static memoValues: unknown[] = [];
  private memoCount = 0;

  private memoKey(rule: number, pos: number): number {
    let slot = this.slots[rule] as number;
    if (slot < 0) {
      slot = this.slotCount++;
      if (slot >= ParserBase.SLOTS) throw new Error('too many memoized rules');
      this.slots[rule] = slot;
    }
    if (this.memoEnds.length === 0) this.allocateMemo();
    return pos * ParserBase.SLOTS + slot;
  }

  private allocateMemo(): void {
    const size = (this.tokens.length + 1) * ParserBase.SLOTS;
    if (ParserBase.spareEnds.length < size) {
      ParserBase.spareEnds = new Int32Array(size + (size >> 2));
      ParserBase.spareFound = new Int32Array(size + (size >> 2));
    } else {
      ParserBase.spareEnds.fill(0, 0, size);
    }
    // `found` is only read where `ends` says the rule was tried, which always wrote it first.
    this.memoEnds = ParserBase.spareEnds;
    this.memoFound = ParserBase.spareFound;
  }

  private memoResult(key: number): unknown {
    const found = this.memoFound[key] as number;
    return found === 0 ? null : ParserBase.memoValues[found - 1];
  }

  private memoStore(key: number, res: unknown): void {
    if (res == null) {
      this.memoFound[key] = 0;
    } else {
      ParserBase.memoValues[this.memoCount++] = res;
      this.memoFound[key] = this.memoCount;
    }
  }

  /** Lets go of the memoized results (parts of the tree and of abandoned attempts). */
  releaseMemo(): void {
    ParserBase.memoValues.fill(undefined, 0, this.memoCount);
    this.memoCount = 0;
  }

  memoGet(rule: number): unknown {
    this.peek();
    const key = this.memoKey(rule, this.mark);
    const end = this.memoEnds[key] as number;
    if (end === 0) return undefined;
    this.mark = end - 1;
    return this.memoResult(key);
  }

  memoSet(rule: number, start: number, res: unknown): void {
    const key = this.memoKey(rule, start);
    this.memoEnds[key] = this.mark + 1;
    this.memoStore(key, res);
  }

  /** pegen's growing-seed loop for the leader of a left-recursive cycle. */
  leftRecursive(rule: number, raw: (this: ParserBase) => unknown): unknown {
    this.peek();
    const start = this.mark;
    const key = this.memoKey(rule, start);
    const ends = this.memoEnds;
    if ((ends[key] as number) > 0) {
      this.mark = (ends[key] as number) - 1;
      return this.memoResult(key);
    }
    let res: unknown = null;
    let resMark = start;
    ends[key] = start + 1;
    this.memoFound[key] = 0;
    // One result slot for the whole loop, reserved before the rules inside take theirs, and
    // overwritten as the seed grows.
    const slot = this.memoCount++;
    for (;;) {
      this.mark = start;
      const r = raw.call(this);
      if (r == null || this.mark <= resMark) break;
      resMark = this.mark;
      res = r;
      ends[key] = resMark + 1;
      ParserBase.memoValues[slot] = res;
      this.memoFound[key] = slot + 1;
    }
    this.mark = resMark;
    return res;
  }

  /**
   * pegen's last_stmt_location (only its line and column matter): where the last compound
   * statement the second pass completed starts, published as SyntaxError._metadata.
   */
  lastStmt = { lineno: 0, col_offset: 0 };

  /**
   * _PyPegen_register_stmts for `statement: compound_stmt`: remembers the statement unless an
   * earlier line is already known. A function definition reaches here as the dummy of
   * invalid_def_raw, whose position CPython reads as 0 (it is not a statement at all).
   */
  registerStmt(s: Node): Node[] {
    if (this.callInvalid) {
      const at = typeof s.lineno === 'number' ? (s as unknown as Pos) : { lineno: 0, col_offset: 0 };
      if (this.lastStmt.lineno <= at.lineno) this.lastStmt = { lineno: at.lineno, col_offset: at.col_offset };
    }
    return [s];
  }

  resetForSecondPass(): void {
    this.lastStmt = { lineno: 0, col_offset: 0 };
    this.memoEnds.fill(0, 0, (this.tokens.length + 1) * ParserBase.SLOTS);
    this.releaseMemo();
    this.mark = 0;
    this.callInvalid = true;
  }

  // ---- warnings --------------------------------------------------------------------------

  /** The SyntaxWarnings met so far, each once per place: actions may run again on backtracking. */
  readonly warnings: Array<{ lineno: number; message: string }> = [];
  private readonly warned = new Set<string>();

  /** The tokenizer's warnings for tokens [from, to), which CPython gives as it reads them. */
  tokenizerWarnings(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const message = this.stream.tokenWarnings.get(i);
      if (message) this.warnings.push({ lineno: (this.tokens[i] as PTok).lineno, message });
    }
  }

  /** A warning about what starts at `at` (a token or node), on line `lineno`. */
  warn(at: Pos, lineno: number, message: string): void {
    const key = `${at.lineno}:${at.col_offset}:${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ lineno, message });
  }

  // ---- errors ----------------------------------------------------------------------------

  /** RAISE_ERROR_KNOWN_LOCATION: columns are 0-based byte offsets, -1 for "none". */
  raiseAt(kind: SyntaxErrorClass, lineno: number, col: number, endLineno: number, endCol: number, msg: string): never {
    throw new RaisedError(this.makeError(kind, lineno, col + 1, endLineno, endCol + 1, msg));
  }

  /** _PyPegen_raise_error_known_location: 1-based byte columns turned into characters. */
  makeError(kind: SyntaxErrorClass, lineno: number, col: number, endLineno: number, endCol: number, msg: string): PySyntaxError {
    return this.stream.makeError(kind, lineno, col, endLineno, endCol, msg);
  }

  raiseKnownLocation(a: Pos, msg: string): never {
    return this.raiseAt('SyntaxError', a.lineno, a.col_offset, a.end_lineno, a.end_col_offset, msg);
  }

  raiseKnownRange(a: Pos, b: Pos, msg: string): never {
    return this.raiseAt('SyntaxError', a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, msg);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM: to wherever the tokenizer has got to. */
  raiseStartingFrom(a: Pos, msg: string): never {
    const last = this.tokens[this.fill - 1] as PTok;
    const endCol = this.stream.tokenizerColumn(last);
    throw new RaisedError(this.makeError('SyntaxError', a.lineno, a.col_offset + 1, last.end_lineno, endCol, msg));
  }

  /** RAISE_SYNTAX_ERROR: at the last token read. */
  raise(msg: string, kind: SyntaxErrorClass = 'SyntaxError', useMark = false): never {
    if (useMark) this.peek();
    const t = this.tokens[useMark ? this.mark : this.fill - 1] as PTok;
    throw new RaisedError(this.stream.raiseAtToken(kind, t, msg));
  }

  raiseIndentation(msg: string): never {
    return this.raise(msg, 'IndentationError');
  }

  raiseOnNextToken(msg: string): never {
    return this.raise(msg, 'SyntaxError', true);
  }
}

/** Anything with a position: a token or a node. */
export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}
