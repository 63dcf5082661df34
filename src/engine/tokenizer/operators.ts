// Operator lookup tables in the shape of CPython's _PyToken_OneChar/TwoChars/ThreeChars, built
// once from token.EXACT_TOKEN_TYPES. Indexed by ASCII char codes so the lexer's hot path is a
// typed-array read instead of a string/Map lookup.
import { EXACT_TOKEN_TABLE } from './cpython-data.js';
import { OP } from './token-types.js';

const one = new Int16Array(128).fill(OP);
const two = new Int16Array(128 * 128).fill(OP);
const three = new Map<number, number>();

for (const [text, type] of EXACT_TOKEN_TABLE) {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  const c = text.charCodeAt(2);
  if (text.length === 1) one[a] = type;
  else if (text.length === 2) two[a * 128 + b] = type;
  else if (text.length === 3) three.set((a * 128 + b) * 128 + c, type);
}

/** The single-character operator type for c, or OP when c is not an operator by itself. */
export function oneChar(c: number): number {
  return c >= 0 && c < 128 ? (one[c] as number) : OP;
}

/** The two-character operator type for c1 c2, or OP when they don't form one. */
export function twoChars(c1: number, c2: number): number {
  return c1 >= 0 && c1 < 128 && c2 >= 0 && c2 < 128 ? (two[c1 * 128 + c2] as number) : OP;
}

/** The three-character operator type, or OP. */
export function threeChars(c1: number, c2: number, c3: number): number {
  if (c1 < 0 || c1 >= 128 || c2 < 0 || c2 >= 128 || c3 < 0 || c3 >= 128) return OP;
  return three.get((c1 * 128 + c2) * 128 + c3) ?? OP;
}
