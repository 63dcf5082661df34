import { generateTokens } from '../engine/tokenizer/generate-tokens.js';
import { KWLIST } from '../engine/tokenizer/cpython-data.js';
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
} from '../engine/tokenizer/token-types.js';

/** The colour classes of the static code view (see styles/theme.ts). */
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
 * Colours for the code, from the same exact tokenizer <py-tokenizer> shows, so the highlighting
 * never disagrees with the token table. Soft keywords (match, case, type, _) stay names: only
 * the parser knows when they act as keywords. Whitespace tokens (NEWLINE, INDENT...) get none.
 */
export function highlightClasses(code: string): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const token of generateTokens(code).tokens) {
    const cls = token.type === NAME ? (KEYWORDS.has(token.string) ? 'keyword' : 'name') : CLASS_OF.get(token.type);
    if (cls) spans.push({ start: token.start, end: token.end, cls });
  }
  return spans;
}
