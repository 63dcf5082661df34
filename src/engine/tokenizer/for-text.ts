// The part of the tokenizer that works on decoded text: what the elements load. The bytes entry
// point (encoding detection and its codec tables) stays out of the page's chunk.
export { generateTokens as tokenizeSafe } from './generate-tokens.js';
export { highlightSpans } from './highlight-spans.js';
export { formatToken } from './format.js';
export { pyRepr } from './py-repr.js';
export { tokName } from './token-types.js';
