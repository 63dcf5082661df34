// Source encoding detection and decoding, as tokenize.detect_encoding() and the C tokenizer's
// readline decoding do it (PEP 263 cookies on lines 1-2, UTF-8 BOM, strict check of the lines
// detection read, then 'replace' decoding of everything).
import { CHARMAPS, CODEC_ALIASES, CODEC_MODULES } from './cpython-data.js';
import { TokenizeError } from './errors.js';
import { pyRepr } from './py-repr.js';

const BOM = [0xef, 0xbb, 0xbf];

/** Codec modules we can decode without a table, and TextDecoder labels for some others. */
const WHATWG_LABELS: Record<string, string> = {
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1252: 'windows-1252',
  cp1253: 'windows-1253',
  cp1254: 'windows-1254',
  cp1255: 'windows-1255',
  cp1256: 'windows-1256',
  cp1257: 'windows-1257',
  cp1258: 'windows-1258',
  cp866: 'ibm866',
  cp874: 'windows-874',
  iso8859_2: 'iso-8859-2',
  iso8859_3: 'iso-8859-3',
  iso8859_4: 'iso-8859-4',
  iso8859_5: 'iso-8859-5',
  iso8859_6: 'iso-8859-6',
  iso8859_7: 'iso-8859-7',
  iso8859_8: 'iso-8859-8',
  iso8859_10: 'iso-8859-10',
  iso8859_13: 'iso-8859-13',
  iso8859_14: 'iso-8859-14',
  iso8859_15: 'iso-8859-15',
  iso8859_16: 'iso-8859-16',
  koi8_r: 'koi8-r',
  koi8_u: 'koi8-u',
  mac_roman: 'macintosh',
  mac_cyrillic: 'x-mac-cyrillic',
  gbk: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  euc_jp: 'euc-jp',
  iso2022_jp: 'iso-2022-jp',
  shift_jis: 'shift_jis',
  euc_kr: 'euc-kr',
  utf_16_be: 'utf-16be',
  utf_16_le: 'utf-16le',
};

let aliases: Map<string, string> | undefined;
let modules: Map<string, string> | undefined;

/** encodings.normalize_encoding: runs of other characters than [A-Za-z0-9.] become one '_'. */
function normalizeEncoding(name: string): string {
  let out = '';
  let punct = false;
  for (const ch of name) {
    if (/^[\p{L}\p{N}.]$/u.test(ch)) {
      if (punct && out) out += '_';
      if (ch.charCodeAt(0) < 128) out += ch;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

/** The codec module codecs.lookup(name) would find, or null for LookupError. */
export function lookupCodec(name: string): string | null {
  aliases ??= new Map(CODEC_ALIASES);
  modules ??= new Map(CODEC_MODULES);
  const norm = normalizeEncoding(name.toLowerCase());
  const aliased = aliases.get(norm) ?? aliases.get(norm.replace(/\./g, '_'));
  const candidates = aliased !== undefined ? [aliased, norm] : [norm];
  for (const mod of candidates) {
    if (!mod || mod.includes('.')) continue;
    if (modules.has(mod)) return mod;
  }
  return null;
}

/** tokenize._get_normal_name. */
function normalName(orig: string): string {
  const enc = orig.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (enc === 'utf-8' || enc.startsWith('utf-8-')) return 'utf-8';
  if (
    enc === 'latin-1' ||
    enc === 'iso-8859-1' ||
    enc === 'iso-latin-1' ||
    enc.startsWith('latin-1-') ||
    enc.startsWith('iso-8859-1-') ||
    enc.startsWith('iso-latin-1-')
  ) {
    return 'iso-8859-1';
  }
  return orig;
}

type Decoder = (bytes: Uint8Array, fatal: boolean) => string;

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

function decoderFor(encoding: string): Decoder | null {
  const mod = lookupCodec(encoding);
  if (mod === null) return null;
  if (mod === 'utf_8' || mod === 'utf_8_sig') {
    return (b, fatal) => new TextDecoder('utf-8', { fatal, ignoreBOM: mod === 'utf_8' }).decode(b);
  }
  if (mod === 'latin_1') return (b) => latin1(b);
  if (mod === 'ascii') {
    return (b, fatal) => {
      if (fatal && b.some((x) => x >= 128)) throw new TypeError('ascii');
      return latin1(b).replace(/[\x80-\xff]/g, '\ufffd');
    };
  }
  const table = CHARMAPS.find(([name]) => name === mod)?.[1];
  if (table !== undefined) {
    return (b, fatal) => {
      let out = '';
      for (const byte of b) {
        const ch = table[byte] as string;
        if (ch === '\ufffe') {
          if (fatal) throw new TypeError(mod);
          out += '\ufffd';
        } else out += ch;
      }
      return out;
    };
  }
  const label = WHATWG_LABELS[mod];
  if (label === undefined) return null;
  try {
    new TextDecoder(label);
  } catch {
    return null;
  }
  return (b, fatal) => new TextDecoder(label, { fatal }).decode(b);
}

export interface DecodedSource {
  /** What the ENCODING token says ('utf-8' even when a BOM was found). */
  encoding: string;
  text: string;
}

function startsWithBom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
}

function readLine(bytes: Uint8Array, from: number): number {
  const nl = bytes.indexOf(10, from);
  return nl < 0 ? bytes.length : nl + 1;
}

const COOKIE_RE = /^[ \t\f]*#[^\n]*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_RE = /^[ \t\f]*(?:[#\r\n]|$)/;

/**
 * tokenize.detect_encoding() followed by decoding the whole file the way tokenize.tokenize()
 * feeds it to the C tokenizer. `filename` appears in error messages like CPython's (the name
 * the file was opened with), or null for anonymous bytes.
 */
export function decodeSource(bytes: Uint8Array, filename: string | null): DecodedSource {
  const fail = (message: string): never => {
    throw new TokenizeError('SyntaxError', message, null, null);
  };
  const forFile = (msg: string): string => (filename === null ? msg : `${msg} for ${pyRepr(filename)}`);

  let pos = 0;
  let bomFound = false;
  let defaultEncoding = 'utf-8';
  if (startsWithBom(bytes)) {
    bomFound = true;
    pos = 3;
    defaultEncoding = 'utf-8-sig';
  }

  const check = (from: number, to: number, encoding: string): void => {
    const chunk = bytes.subarray(from, to);
    if (chunk.includes(0)) fail('source code cannot contain null bytes');
    const decode = decoderFor(encoding);
    if (decode === null) unsupported(encoding);
    try {
      (decode as Decoder)(chunk, true);
    } catch {
      fail(forFile('invalid or missing encoding declaration'));
    }
  };

  const findCookie = (from: number, to: number): string | null => {
    const m = COOKIE_RE.exec(latin1(bytes.subarray(from, to)));
    if (!m) return null;
    const encoding = normalName(m[1] as string);
    if (lookupCodec(encoding) === null) {
      fail(filename === null ? `unknown encoding: ${encoding}` : `unknown encoding for ${pyRepr(filename)}: ${encoding}`);
    }
    if (bomFound) {
      if (encoding !== 'utf-8') fail(filename === null ? 'encoding problem: utf-8' : `encoding problem for ${pyRepr(filename)}: utf-8`);
      return encoding + '-sig';
    }
    return encoding;
  };

  const detect = (): string => {
    const firstEnd = readLine(bytes, pos);
    if (firstEnd === pos) return defaultEncoding;
    let encoding = findCookie(pos, firstEnd);
    if (encoding) {
      check(pos, firstEnd, encoding);
      return encoding;
    }
    if (!BLANK_RE.test(latin1(bytes.subarray(pos, firstEnd)))) {
      check(pos, firstEnd, defaultEncoding);
      return defaultEncoding;
    }
    const secondEnd = readLine(bytes, firstEnd);
    if (secondEnd === firstEnd) {
      check(pos, firstEnd, defaultEncoding);
      return defaultEncoding;
    }
    encoding = findCookie(firstEnd, secondEnd);
    if (encoding) {
      check(pos, secondEnd, encoding);
      return encoding;
    }
    check(pos, secondEnd, defaultEncoding);
    return defaultEncoding;
  };

  let encoding = detect();
  if (encoding === 'utf-8-sig') encoding = 'utf-8';
  const decode = decoderFor(encoding);
  if (decode === null) return unsupported(encoding);
  return { encoding, text: decode(bytes.subarray(pos), false) };
}

function unsupported(encoding: string): never {
  // CPython knows this codec but we have no decoder for it: say so rather than guess.
  throw new TokenizeError(
    'SyntaxError',
    `encoding ${pyRepr(encoding)} is not supported by the pyinnards tokenizer (use UTF-8)`,
    null,
    null,
  );
}
