// Python values of Constant nodes, and their repr() as ast.dump prints them.
// int -> bigint, float -> number, complex -> PyComplex, str -> string, bytes -> PyBytes,
// True/False -> boolean, None -> null, Ellipsis -> ELLIPSIS.
import { pyRepr } from '../tokenizer/py-repr.js';
import { floatRepr } from '../float-repr.js';

/** A complex literal: Python only writes imaginary ones (`2j`); the real part is 0. */
export class PyComplex {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}

/** A bytes value. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** Python's Ellipsis (`...`). */
export const ELLIPSIS: { readonly ellipsis: true } = Object.freeze({ ellipsis: true });

export type PyConstant = bigint | number | string | boolean | PyComplex | PyBytes | typeof ELLIPSIS | null;

/** Strings whose repr is just the string in single quotes. */
const SIMPLE_STRING = /^[ !#-&(-\[\]-~]*$/;

/** repr() of a constant (or of an identifier/int field of a node). */
export function constantRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return SIMPLE_STRING.test(v) ? "'" + v + "'" : pyRepr(v);
  if (v === ELLIPSIS) return 'Ellipsis';
  if (v instanceof PyComplex) return complexRepr(v);
  if (v instanceof PyBytes) return bytesRepr(v.bytes);
  return String(v);
}

/** repr(complex): `2j`, `(1+2j)`; parts use float repr without a trailing `.0`. */
function complexRepr(c: PyComplex): string {
  const part = (x: number): string => {
    const r = floatRepr(x);
    return r.endsWith('.0') ? r.slice(0, -2) : r;
  };
  if (c.real === 0 && !Object.is(c.real, -0)) return `${part(c.imag)}j`;
  const imag = part(c.imag);
  return `(${part(c.real)}${imag.startsWith('-') ? '' : '+'}${imag}j)`;
}

/** repr(bytes): b'...' with CPython's quoting and escapes. */
export function bytesRepr(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    else if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const b of bytes) {
    if (b === quote.charCodeAt(0) || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b === 0x09) out += '\\t';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += String.fromCharCode(b);
  }
  return out + quote;
}
