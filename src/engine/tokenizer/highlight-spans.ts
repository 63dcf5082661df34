import { generateTokens } from './generate-tokens.js';
import { KWLIST } from './cpython-data.js';
import {
  COMMENT,
  ERRORTOKEN,
  FSTRING_END,
  FSTRING_MIDDLE,
  FSTRING_START,
  NAME,
  NUMBER,
  OP,
  STRING,
  TSTRING_END,
  TSTRING_MIDDLE,
  TSTRING_START,
} from './token-types.js';

/** Syntax colour classes, for highlighting code with the tokenizer's own view of it. */
export type HighlightClass = 'keyword' | 'name' | 'string' | 'number' | 'comment' | 'operator' | 'error';

export interface HighlightSpan {
  /** Tokenizer positions: 1-based line, 0-based code-point column. */
  start: [number, number];
  end: [number, number];
  cls: HighlightClass;
}

const KEYWORDS = new Set(KWLIST);

const CLASS_OF: ReadonlyMap<number, HighlightClass> = new Map([
  [NUMBER, 'number'],
  [STRING, 'string'],
  [FSTRING_START, 'string'],
  [FSTRING_MIDDLE, 'string'],
  [FSTRING_END, 'string'],
  [TSTRING_START, 'string'],
  [TSTRING_MIDDLE, 'string'],
  [TSTRING_END, 'string'],
  [COMMENT, 'comment'],
  [OP, 'operator'],
  [ERRORTOKEN, 'error'],
]);

/**
 * Colours for the code, from the exact tokenizer itself, so highlighting never disagrees with
 * the tokens <py-tokenizer> lists. Soft keywords (match, case, type, _) stay names: only
 * the parser knows when they act as keywords. Whitespace tokens (NEWLINE, INDENT...) get none.
 */
export function highlightSpans(code: string): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const token of generateTokens(code).tokens) {
    const cls = token.type === NAME ? (KEYWORDS.has(token.string) ? 'keyword' : 'name') : CLASS_OF.get(token.type);
    if (cls) spans.push({ start: token.start, end: token.end, cls });
  }
  return spans;
}
