// "invalid syntax. Did you mean 'and'?": the hint traceback.format_exception_only() adds to a
// SyntaxError in CPython 3.14 (TracebackException._find_keyword_typos). For a plain "invalid
// syntax" (or "Perhaps you forgot a comma?") it takes the source from the last compound
// statement the parser completed to the error's line, dedented, and tries, for each of its
// first 10 names that are not keywords, up to 3 keywords close to it (the "Did you mean" choice,
// then difflib's close matches); the first replacement that compiles (as codeop does, so input
// that is merely unfinished counts) moves the error onto that name, with the hint.
import { KWLIST } from '../tokenizer/cpython-data.js';
import { generateTokens } from '../tokenizer/generate-tokens.js';
import { NAME } from '../tokenizer/token-types.js';
import { closeMatches, compareCodePoints } from './close-matches.js';
import { compilerAccepts } from './compile-checks.js';
import { PyIncompleteInputError, PySyntaxError } from './errors.js';
import { suggestName } from './name-suggestion.js';
import { parse, type ParseWarning } from './parse.js';

/** The fields the hint changes, as the SyntaxError then has them. */
export interface KeywordTypo {
  msg: string;
  text: string;
  lineno: number;
  endLineno: number;
  offset: number;
  endOffset: number;
}

const KEYWORDS = new Set(KWLIST);
const MAX_NAMES = 10;
const MAX_MATCHES = 3;
const MAX_SOURCE = 1024;

// str.isspace() and str.splitlines() as Python has them.
const PY_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;
const isSpace = (s: string): boolean => PY_SPACE.test(s);
function splitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
const codePointLength = (s: string): number => [...s].length;

/** textwrap.dedent. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const nonBlank = lines.filter((l) => l && !isSpace(l));
  let margin = 0;
  if (nonBlank.length) {
    const sorted = [...nonBlank].sort(compareCodePoints);
    const l1 = [...(sorted[0] as string)];
    const l2 = [...(sorted[sorted.length - 1] as string)];
    for (margin = 0; margin < l1.length; margin++) {
      const c = l1[margin] as string;
      if (c !== l2[margin] || (c !== ' ' && c !== '\t')) break;
    }
  }
  return lines.map((l) => (isSpace(l) ? '' : [...l].slice(margin).join(''))).join('\n');
}

type Attempt = 'ok' | 'incomplete' | 'error';

function attempt(code: string, incomplete: boolean, onWarning?: (w: ParseWarning) => void): { result: Attempt; tree?: ReturnType<typeof parse> } {
  try {
    return { result: 'ok', tree: parse(code, { filename: '<input>', allowIncompleteInput: incomplete, ...(onWarning ? { onWarning } : {}) }) };
  } catch (e) {
    if (e instanceof PyIncompleteInputError) return { result: 'incomplete' };
    if (e instanceof PySyntaxError) return { result: 'error' };
    throw e;
  }
}

/**
 * codeop.compile_command(code, symbol="exec") doesn't raise SyntaxError. Its last compile runs
 * outside codeop's catch_warnings: the warnings of that one reach `onWarning`.
 */
function compiles(source: string, onWarning?: (w: ParseWarning) => void): boolean {
  const code = source.split('\n').every((l) => {
    const s = l.replace(/^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u, '');
    return !s || s[0] === '#';
  })
    ? 'pass'
    : source;
  const first = attempt(code, true);
  if (first.result !== 'ok' && attempt(code + '\n', true).result !== 'error') return true;
  // The last try compiles without the incomplete-input flag: it fails if the first did.
  if (onWarning) attempt(code, false, onWarning);
  return first.result === 'ok' && compilerAccepts(first.tree as ReturnType<typeof parse>);
}

/**
 * The hint for this error, or null when traceback would give none. `onWarning` hears the
 * SyntaxWarnings the search's compiles give (CPython prints them, for a file named "<input>").
 */
export function findKeywordTypo(e: PySyntaxError, onWarning?: (w: ParseWarning) => void): KeywordTypo | null {
  if (e.msg !== 'invalid syntax' && !e.msg.includes('Perhaps you forgot a comma')) return null;
  if (!e.metadata) return null;
  const { line, source } = e.metadata;
  const endLine = e.lineno ?? 0;
  const lines = splitLines(source);
  const errorCode = dedent(lines.slice(line > 0 ? line - 1 : 0, Math.max(0, endLine)).join('\n'));
  if (codePointLength(errorCode) > MAX_SOURCE) return null;
  const errorLines = splitLines(errorCode);
  // Up to where tokenize raises, if it does: then traceback gives up quietly.
  const { tokens } = generateTokens(errorCode);
  let left = MAX_NAMES;
  for (const token of tokens) {
    if (token.type !== NAME || KEYWORDS.has(token.string)) continue;
    if (--left < 0) return null;
    const wrong = token.string;
    const matches: string[] = [];
    const suggestion = suggestName(KWLIST, wrong);
    if (suggestion) matches.push(suggestion);
    matches.push(...closeMatches(wrong, KWLIST, MAX_MATCHES, 0.5));
    for (const keyword of matches.slice(0, MAX_MATCHES)) {
      if (keyword === wrong) continue;
      const [row, col] = token.start;
      const chars = [...(errorLines[row - 1] as string)];
      chars.splice(col, token.end[1] - col, ...keyword);
      const candidate = [...errorLines];
      candidate[row - 1] = chars.join('');
      if (!compiles(candidate.join('\n'), onWarning)) continue;
      return {
        msg: `invalid syntax. Did you mean '${keyword}'?`,
        text: token.line,
        lineno: row,
        endLineno: token.end[0],
        offset: col + 1,
        endOffset: token.end[1] + 1,
      };
    }
  }
  return null;
}
