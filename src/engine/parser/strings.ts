// String literals to values, as CPython's Parser/string_parser.c does it: prefixes, quotes,
// escape sequences (str and bytes), and the checks that raise SyntaxErrors.
import { PyBytes } from './constants.js';
import { lookupUnicodeName, unicodeNamesLoaded } from './unicode-names.js';

export interface ParsedString {
  value: string | PyBytes;
  /** 'u' when the literal has a u prefix (Constant.kind). */
  kind: 'u' | null;
}

export class StringError extends Error {
  constructor(
    message: string,
    /**
     * Where the escape is, as CPython's unicode-escape decoder counts (it sees each non-ASCII
     * character as a 10-character \U escape): start, and end (exclusive). Unset for bytes.
     */
    readonly start = -1,
    readonly end = -1,
  ) {
    super(message);
  }
}

/** A \N{...} escape with a well-formed name, met before the name table was loaded. */
export class UnknownCharacterName extends StringError {}

/** Where CPython's decoder met its first invalid escape: the escape's text and its index in the body. */
export type InvalidEscape = (escape: string, octal: boolean, at: number) => void;

/** The value of a STRING token's text; `onInvalid` hears of the first invalid escape (CPython warns). */
export function parseStringLiteral(text: string, onInvalid?: InvalidEscape): ParsedString {
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
    const chars = raw || !body.includes('\\') ? body : decodeEscapes(body, true, onInvalid && ((e, o, at) => onInvalid(e, o, at + i + q)));
    const out = new Uint8Array(chars.length);
    for (let j = 0; j < chars.length; j++) out[j] = chars.charCodeAt(j);
    return { value: new PyBytes(out), kind };
  }
  return { value: raw || !body.includes('\\') ? body : decodeEscapes(body, false, onInvalid && ((e, o, at) => onInvalid(e, o, at + i + q))), kind };
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
export function decodeEscapes(s: string, bytes: boolean, onInvalid?: InvalidEscape): string {
  let out = '';
  /** CPython reports only the first invalid escape of a literal. */
  let invalid = onInvalid;
  const report = (escape: string, octal: boolean, at: number): void => {
    invalid?.(escape, octal, at);
    invalid = undefined;
  };
  let i = 0;
  /** Non-ASCII code units before `i`, each 9 more positions for CPython's decoder (surrogate pairs: 8 each). */
  let shift = 0;
  let counted = 0;
  const at = (k: number): number => {
    for (; counted < k; counted++) {
      const c = s.charCodeAt(counted);
      if (c >= 0x80) shift += c >= 0xd800 && c <= 0xdfff ? 4 : 9;
    }
    return k + shift;
  };
  // Positions as the decoder counts them: a non-ASCII character inside the escape (a \N{...}
  // name) counts as its \U escape too.
  const fail = (msg: string, from: number, to: number, kind = StringError): never => {
    const start = at(from);
    throw new kind(msg, start, at(to));
  };
  while (i < s.length) {
    const j = s.indexOf('\\', i);
    if (j < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, j);
    i = j + 1;
    if (i >= s.length) fail('\\ at end of string', j, i);
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
      if (v > 0o377) report(s.slice(i, k), true, j);
      out += bytes ? String.fromCharCode(v & 0xff) : String.fromCharCode(v);
      i = k;
    } else if (c === 'x') {
      out += String.fromCharCode(hexDigits(s, i + 1, 2, 'x', j, fail));
      i += 3;
    } else if (!bytes && (c === 'u' || c === 'U')) {
      const n = c === 'u' ? 4 : 8;
      const v = hexDigits(s, i + 1, n, c, j, fail);
      if (v > 0x10ffff) fail('illegal Unicode character', j, i + 1 + n);
      out += String.fromCodePoint(v);
      i += 1 + n;
    } else if (!bytes && c === 'N') {
      const close = s[i + 1] === '{' ? s.indexOf('}', i + 2) : -1;
      if (close < 0 || close === i + 2) fail('malformed \\N character escape', j, s[i + 1] === '{' && close < 0 ? s.length : i + 1);
      if (!unicodeNamesLoaded()) fail('unknown Unicode character name', j, close + 1, UnknownCharacterName);
      const code = lookupUnicodeName(s.slice(i + 2, close));
      out += String.fromCodePoint(code ?? fail('unknown Unicode character name', j, close + 1));
      i = close + 1;
    } else {
      // Not an escape: the backslash stays (CPython warns).
      report(String.fromCodePoint(s.codePointAt(i) as number), false, j);
      out += '\\';
    }
  }
  return out;
}

function hexDigits(s: string, from: number, n: number, letter: string, start: number, fail: (msg: string, from: number, to: number) => never): number {
  let k = from;
  while (k < from + n && k < s.length && /[0-9a-fA-F]/.test(s[k] as string)) k++;
  if (k < from + n) fail(`truncated \\${letter}${'X'.repeat(n)} escape`, start, k);
  return parseInt(s.slice(from, from + n), 16);
}
