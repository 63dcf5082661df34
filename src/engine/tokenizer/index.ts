// Public API of the tokenizer: an exact TypeScript port of CPython 3.14's `tokenize` module.
import { decodeSource } from './encoding.js';
import { TokenizeError } from './errors.js';
import { generateTokens } from './generate-tokens.js';
import { KWLIST, SOFTKWLIST } from './cpython-data.js';
import { ENCODING, exactTypeOf } from './token-types.js';
import type { Token } from './token.js';
import type { LexerWarning } from './lexer.js';

export * from './token-types.js';
export type { Token } from './token.js';
export { TokenizeError, type PythonErrorType } from './errors.js';
export { formatToken, formatTokens } from './format.js';
export { pyRepr, isPrintable } from './py-repr.js';
export { decodeSource, lookupCodec, type DecodedSource } from './encoding.js';
export { CPYTHON_VERSION } from './cpython-data.js';
export { highlightSpans, type HighlightClass, type HighlightSpan } from './highlight-spans.js';
export type { LexerWarning as TokenizeWarning } from './lexer.js';

/** keyword.kwlist */
export const keywords: readonly string[] = KWLIST;
/** keyword.softkwlist */
export const softKeywords: readonly string[] = SOFTKWLIST;

const keywordSet = new Set(KWLIST);
const softKeywordSet = new Set(SOFTKWLIST);
/** keyword.iskeyword */
export const isKeyword = (s: string): boolean => keywordSet.has(s);
/** keyword.issoftkeyword */
export const isSoftKeyword = (s: string): boolean => softKeywordSet.has(s);

export interface TokenizeResult {
  tokens: Token[];
  error?: TokenizeError;
  /** SyntaxWarnings CPython prints while tokenizing (e.g. `\{` in a non-raw f-string). */
  warnings: LexerWarning[];
}

/**
 * list(tokenize.generate_tokens(io.StringIO(source).readline)).
 * Throws TokenizeError where CPython raises (its `tokens` holds what came before).
 */
export function tokenize(source: string): Token[] {
  const result = generateTokens(source);
  if (result.error) throw result.error;
  return result.tokens;
}

/** Like tokenize(), but never throws: the tokens before an error plus the error, for widgets. */
export function tokenizeSafe(source: string): TokenizeResult {
  return generateTokens(source);
}

/**
 * list(tokenize.tokenize(io.BytesIO(bytes).readline)): ENCODING first, with PEP 263 detection.
 * `filename` is only used in error messages, as CPython does for files it opened.
 */
export function tokenizeBytes(bytes: Uint8Array, filename: string | null = null): Token[] {
  const result = tokenizeBytesSafe(bytes, filename);
  if (result.error) throw result.error;
  return result.tokens;
}

/** tokenizeBytes() without throwing. */
export function tokenizeBytesSafe(bytes: Uint8Array, filename: string | null = null): TokenizeResult {
  let decoded;
  try {
    decoded = decodeSource(bytes, filename);
  } catch (e) {
    if (e instanceof TokenizeError) return { tokens: [], error: e, warnings: [] };
    throw e;
  }
  const encodingToken: Token = {
    type: ENCODING,
    exactType: exactTypeOf(ENCODING, decoded.encoding),
    string: decoded.encoding,
    start: [0, 0],
    end: [0, 0],
    line: '',
  };
  const result = generateTokens(decoded.text);
  const tokens = [encodingToken, ...result.tokens];
  if (result.error) {
    const e = result.error;
    const error = new TokenizeError(e.pythonType, e.message, e.lineno, e.offset, tokens);
    return { tokens, error, warnings: result.warnings };
  }
  return { tokens, warnings: result.warnings };
}
