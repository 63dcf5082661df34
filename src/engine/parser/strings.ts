// String literals to values, as CPython's Parser/string_parser.c does it: prefixes, quotes,
// escape sequences (str and bytes), and the checks that raise SyntaxErrors.
import { PyBytes } from './constants.js';

export interface ParsedString {
  value: string | PyBytes;
  /** 'u' when the literal has a u prefix (Constant.kind). */
  kind: 'u' | null;
}

export class StringError extends Error {}

/** The value of a STRING token's text. */
export function parseStringLiteral(text: string): ParsedString {
  let i = 0;
  let bytes = false;
  let raw = false;
  for (; ; i++) {
    const c = text[i];
    if (c === 'b' || c === 'B') bytes = true;
    else if (c === 'r' || c === 'R') raw = true;
    else if (c !== 'u' && c !== 'U') break;
  }
  const kind = text[0] === 'u' ? 'u' : null;
  const quote = text[i] as string;
  const triple = text.startsWith(quote.repeat(3), i);
  const q = triple ? 3 : 1;
  const body = text.slice(i + q, text.length - q);
  if (bytes) {
    for (let j = 0; j < body.length; j++) {
      if (body.charCodeAt(j) >= 0x80) throw new StringError('bytes can only contain ASCII literal characters');
    }
    const chars = raw || !body.includes('\\') ? body : decodeEscapes(body, true);
    const out = new Uint8Array(chars.length);
    for (let j = 0; j < chars.length; j++) out[j] = chars.charCodeAt(j);
    return { value: new PyBytes(out), kind };
  }
  return { value: raw || !body.includes('\\') ? body : decodeEscapes(body, false), kind };
}

const SIMPLE: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Decodes backslash escapes of a str (bytes: false) or bytes (bytes: true, one char per byte). */
export function decodeEscapes(s: string, bytes: boolean): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const j = s.indexOf('\\', i);
    if (j < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, j);
    i = j + 1;
    if (i >= s.length) throw new StringError('\\ at end of string');
    const c = s[i] as string;
    // A backslash before "\r\n" continues the line too.
    if (c === '\r' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    const simple = SIMPLE[c];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (c >= '0' && c <= '7') {
      let k = i;
      while (k < i + 3 && k < s.length && s[k] as string >= '0' && (s[k] as string) <= '7') k++;
      const v = parseInt(s.slice(i, k), 8);
      out += bytes ? String.fromCharCode(v & 0xff) : String.fromCharCode(v);
      i = k;
    } else if (c === 'x') {
      out += String.fromCharCode(hexDigits(s, i + 1, 2, 'x'));
      i += 3;
    } else if (!bytes && (c === 'u' || c === 'U')) {
      const n = c === 'u' ? 4 : 8;
      const v = hexDigits(s, i + 1, n, c);
      if (v > 0x10ffff) throw new StringError('illegal Unicode character');
      out += String.fromCodePoint(v);
      i += 1 + n;
    } else if (!bytes && c === 'N') {
      throw new StringError('unknown Unicode character name');
    } else {
      // Not an escape: the backslash stays (CPython warns).
      out += '\\';
    }
  }
  return out;
}

function hexDigits(s: string, from: number, n: number, letter: string): number {
  const digits = s.slice(from, from + n);
  if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) {
    throw new StringError(`truncated \\${letter}${'X'.repeat(n)} escape`);
  }
  return parseInt(digits, 16);
}
