// What our exact tokenizer can tell about code before Skulpt sees it: the Python features Skulpt
// lacks (so we can say so instead of showing its "bad input"), the modules the code imports,
// whether a REPL input is complete, and which function each line belongs to (Skulpt's
// tracebacks have line numbers but no function names).
import {
  COLON,
  COLONEQUAL,
  DEDENT,
  EQUAL,
  EXCLAMATION,
  FSTRING_END,
  FSTRING_START,
  INDENT,
  NAME,
  NEWLINE,
  NL,
  COMMENT,
  OP,
  RBRACE,
  TSTRING_START,
  tokenizeSafe,
  type Token,
} from '../../tokenizer/index.js';

export interface Unsupported {
  /** What the code uses, for the message: "'nonlocal'", "the walrus operator ':='". */
  feature: string;
  line: number;
  column: number;
}

const isCode = (token: Token) => token.type !== NL && token.type !== COMMENT;

/** Splits tokens into logical lines (statements up to NEWLINE), without INDENT/DEDENT/NL/comments. */
function logicalLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.type === NEWLINE) {
      if (current.length) lines.push(current);
      current = [];
    } else if (isCode(token) && token.type !== INDENT && token.type !== DEDENT && token.type !== 0) {
      current.push(token);
    }
  }
  if (current.length) lines.push(current);
  return lines;
}

/** The first feature in `source` that Skulpt 1.2.0 can't run, if any. */
export function findUnsupported(source: string): Unsupported | undefined {
  const { tokens } = tokenizeSafe(source);
  const at = (feature: string, token: Token): Unsupported => ({ feature, line: token.start[0], column: token.start[1] + 1 });
  let fstringDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.type === FSTRING_START) fstringDepth++;
    else if (token.type === FSTRING_END) fstringDepth--;
    else if (token.type === TSTRING_START) return at('template strings (t"...")', token);
    else if (token.type === NAME && (token.string === 'async' || token.string === 'await')) return at(`'${token.string}'`, token);
    else if (token.type === NAME && token.string === 'nonlocal') return at("'nonlocal'", token);
    else if (token.type === OP && token.exactType === COLONEQUAL) return at("the walrus operator ':='", token);
    else if (
      fstringDepth > 0 &&
      token.type === OP &&
      token.exactType === EQUAL &&
      next?.type === OP &&
      (next.exactType === RBRACE || next.exactType === EXCLAMATION || next.exactType === COLON)
    ) {
      return at("the f-string '=' specifier (f\"{x=}\")", token);
    }
  }
  for (const line of logicalLines(tokens)) {
    const [first, second] = line;
    if (!first || first.type !== NAME) continue;
    const last = line.at(-1)!;
    const endsWithColon = last.type === OP && last.exactType === COLON;
    const opensSomething = second !== undefined && !(second.type === OP && ['=', '.', ',', ')', ']', '}', ':'].includes(second.string)) && !(second.type === OP && second.string.endsWith('=') && second.string.length === 2 && second.string !== '==');
    if (first.string === 'match' && endsWithColon && opensSomething) return at("the 'match' statement", first);
    if (first.string === 'type' && second?.type === NAME && line[2]?.type === OP && (line[2].string === '=' || line[2].string === '[')) {
      return at("the 'type' statement", first);
    }
  }
  return undefined;
}

/** Modules the code imports (top-level names), with where. */
export function importedModules(source: string): { name: string; line: number; column: number }[] {
  const found: { name: string; line: number; column: number }[] = [];
  for (const line of logicalLines(tokenizeSafe(source).tokens)) {
    const [first] = line;
    if (first?.type !== NAME) continue;
    if (first.string === 'from') {
      const module = line[1];
      // Relative imports (from . import x) can't name a module Skulpt lacks.
      if (module?.type === NAME && module.string !== 'import') found.push({ name: module.string, line: module.start[0], column: module.start[1] + 1 });
    } else if (first.string === 'import') {
      // import a.b as c, d: each name after `import` or a top-level comma.
      let expectName = true;
      for (const token of line.slice(1)) {
        if (expectName && token.type === NAME) found.push({ name: token.string, line: token.start[0], column: token.start[1] + 1 });
        expectName = token.type === OP && token.string === ',';
      }
    }
  }
  return found;
}

const COMPOUND = new Set(['if', 'for', 'while', 'def', 'class', 'try', 'with', 'async', 'match']);

/** What the console drops before deciding: spaces and tabs after the last newline (auto-indent). */
export function stripFinalIndent(text: string): string {
  const short = text.replace(/[ \t]+$/, '');
  return short.endsWith('\n') ? short : text;
}

/**
 * Whether the console waits for more lines after Enter with `text` at the prompt: CPython 3.14's
 * rule (_pyrepl's _more_lines over codeop), approximated with our tokenizer since Skulpt has no
 * codeop. Open brackets, a backslash or an unterminated triple-quoted string continue; a
 * compound statement (or a decorated one) continues until a blank line; what would be a syntax
 * error (several statements, as in a paste) waits while its last line has text and no newline.
 */
export function needsMoreInput(text: string): boolean {
  const source = stripFinalIndent(text);
  const lines = source.split(/(?<=\n)/);
  const last = lines.at(-1) ?? '';
  const waitsAfterError = lines.length > 1 && (/^[ \t]/.test(last) || last.trim() !== '') && !last.endsWith('\n');
  const { tokens, error } = tokenizeSafe(source + '\n');
  if (error) return /EOF in multi-line|unterminated triple-quoted/i.test(error.message) || waitsAfterError;
  // Statements at the top level: a compound statement counts once, with its block.
  const starts: Token[] = [];
  let depth = 0;
  let atStart = true;
  for (const token of tokens) {
    if (token.type === INDENT) depth++;
    else if (token.type === DEDENT) depth--;
    else if (token.type === NEWLINE) atStart = true;
    else if (isCode(token) && token.type !== 0 && atStart) {
      if (depth === 0) starts.push(token);
      atStart = false;
    }
  }
  if (starts.length > 1) return waitsAfterError;
  const first = starts[0];
  if (!first) return false;
  const compound = (first.type === NAME && COMPOUND.has(first.string)) || (first.type === OP && first.string === '@');
  return compound && !source.endsWith('\n');
}

/** The code a line runs in: what CPython names its code object. */
export interface LineScope {
  /** `co_name`: "<module>", "f", "A". */
  name: string;
  /** `co_qualname`: "A.f", "outer.<locals>.inner". */
  qualname: string;
  /** `co_firstlineno`: the line of the `def`/`class` (1 for the module). */
  firstLine: number;
  kind: 'module' | 'function' | 'class';
}

const MODULE_SCOPE: LineScope = { name: '<module>', qualname: '<module>', firstLine: 1, kind: 'module' };

/** For each 1-based line, the name CPython shows for the code running there ("<module>", "f", "A"). */
export function scopeNames(source: string): string[] {
  return lineScopes(source).map((scope) => scope.name);
}

/** For each 1-based line, the code (function, class body or module) that runs it. */
export function lineScopes(source: string): LineScope[] {
  const { tokens } = tokenizeSafe(source);
  const scopes: LineScope[] = [];
  const stack: { scope: LineScope; depth: number }[] = [];
  let depth = 0;
  let pending: LineScope | undefined;
  let sawColon = false;
  let bodyOnSameLine = false;
  // `def f(x: int) -> dict[str, int]:` has colons inside brackets before the one that counts.
  let bracketDepth = 0;
  const scopeNamed = (name: string, kind: 'function' | 'class', firstLine: number): LineScope => {
    const parent = stack.at(-1)?.scope;
    const qualname = !parent ? name : parent.kind === 'function' ? `${parent.qualname}.<locals>.${name}` : `${parent.qualname}.${name}`;
    return { name, qualname, firstLine, kind };
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (token.type === OP && '([{'.includes(token.string)) bracketDepth++;
    if (token.type === OP && ')]}'.includes(token.string)) bracketDepth--;
    if (token.type === NAME && (token.string === 'def' || token.string === 'class') && tokens[i + 1]?.type === NAME) {
      if (previous === undefined || previous.type === NEWLINE || previous.type === INDENT || previous.type === DEDENT || previous.type === NL || previous.type === COMMENT || (previous.type === NAME && previous.string === 'async')) {
        pending = scopeNamed(tokens[i + 1]!.string, token.string === 'def' ? 'function' : 'class', token.start[0]);
        sawColon = false;
      }
    } else if (pending && !sawColon && token.type === OP && token.exactType === COLON && bracketDepth === 0) {
      sawColon = true;
      bodyOnSameLine = false;
    } else if (pending && sawColon && token.type !== NEWLINE && token.type !== COMMENT && token.type !== NL && token.type !== INDENT) {
      bodyOnSameLine = true;
    } else if (token.type === INDENT) {
      depth++;
      if (pending) stack.push({ scope: pending, depth });
      pending = undefined;
    } else if (token.type === DEDENT) {
      depth--;
      while (stack.length && stack.at(-1)!.depth > depth) stack.pop();
    } else if (token.type === NEWLINE && pending && sawColon && bodyOnSameLine) {
      // A body on the same line as `def f(): ...`: that line runs in f.
      scopes[token.start[0]] = pending;
      pending = undefined;
      continue;
    }
    if (token.type !== DEDENT && token.type !== NL && token.type !== COMMENT) {
      for (let line = token.start[0]; line <= token.end[0]; line++) scopes[line] ??= stack.at(-1)?.scope ?? MODULE_SCOPE;
    }
  }
  return scopes;
}
