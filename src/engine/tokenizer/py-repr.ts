// Python's repr() for str, which `python -m tokenize` uses to print token strings.
import { NON_PRINTABLE_RANGES } from './cpython-data.js';

let ranges: Uint32Array | undefined;

/** Expands the delta/base-36 encoded [start, end) pairs of non-printable code points. */
function decodeRanges(): Uint32Array {
  const parts = NON_PRINTABLE_RANGES.split(',');
  const out = new Uint32Array(parts.length);
  let value = 0;
  parts.forEach((p, i) => {
    value += parseInt(p, 36);
    out[i] = value;
  });
  return out;
}

/** str.isprintable() for one code point, per CPython's own Unicode database. */
export function isPrintable(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  ranges ??= decodeRanges();
  // Binary search for the last range start <= cp.
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = ranges[mid * 2] as number;
    if (start <= cp) lo = mid + 1;
    else hi = mid - 1;
  }
  if (hi < 0) return true;
  return cp >= (ranges[hi * 2 + 1] as number);
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** repr(s) for a Python str given as a JS string (lone surrogates are escaped like CPython). */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp === 0x27 && quote === "'") out += "\\'";
    else if (cp === 0x22 && quote === '"') out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += String.fromCharCode(cp);
    else if (isPrintable(cp)) out += String.fromCodePoint(cp);
    else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/** Python's len(): the number of code points. */
export function pyLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** '%-Ns' % s: left-justify to N code points. */
export function ljust(s: string, width: number): string {
  const len = pyLen(s);
  return len >= width ? s : s + ' '.repeat(width - len);
}
