// Number literals to Python values, as CPython's parsenumber() reads them (the tokenizer has
// already checked their syntax).
import { PyComplex, type PyConstant } from './constants.js';

export function parseNumber(text: string): PyConstant {
  const s = text.includes('_') ? text.replace(/_/g, '') : text;
  const last = s.charCodeAt(s.length - 1) | 0x20;
  if (last === 0x6a /* j */) return new PyComplex(0, Number(s.slice(0, -1)));
  const second = s.length > 1 ? s.charCodeAt(1) | 0x20 : 0;
  if (s.charCodeAt(0) === 0x30 && (second === 0x78 || second === 0x6f || second === 0x62)) return BigInt(s);
  if (/[.eE]/.test(s)) return Number(s);
  // Decimal ints, including 0000 (leading zeros are only allowed for zero).
  return s.length < 16 ? BigInt(Number(s)) : BigInt(s);
}
