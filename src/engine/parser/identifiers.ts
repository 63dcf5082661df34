// The tokenizer's check of a non-ASCII name (Unicode identifiers, PEP 3131).
import { isPrintable } from '../tokenizer/py-repr.js';

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;
const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

export const isIdentifier = (name: string): boolean => IDENTIFIER.test(name);

/** CPython's error for a name that isn't an identifier, and the index (in characters) of the culprit. */
export function invalidCharacter(name: string): { msg: string; at: number } {
  const chars = [...name];
  let i = 0;
  if (XID_START.test(chars[0] as string)) for (i = 1; i < chars.length && XID_CONTINUE.test(chars[i] as string); i++);
  const ch = (chars[i] as string).codePointAt(0) as number;
  const hex = ch.toString(16).toUpperCase().padStart(4, '0');
  const msg = isPrintable(ch) ? `invalid character '${String.fromCodePoint(ch)}' (U+${hex})` : `invalid non-printable character U+${hex}`;
  return { msg, at: i };
}
