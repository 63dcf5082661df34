// What the grammar's string actions call, as CPython's Parser/action_helpers.c and
// string_parser.c do it: literal values, f-/t-string parts and debug text, concatenation.
import { N, type Node } from './nodes.js';
import { PyBytes } from './constants.js';
import type { ParserBase, Pos } from './parser-base.js';
import type { PTok } from './token-stream.js';
import { parseStringLiteral, decodeEscapes, StringError, UnknownCharacterName, type InvalidEscape } from './strings.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

// ---- strings -----------------------------------------------------------------------------

export function constantFromString(p: ParserBase, tok: PTok): Node {
  let parsed;
  try {
    parsed = parseStringLiteral(tok.string, invalidEscapeWarning(p, tok, tok.string));
  } catch (e) {
    if (!(e instanceof StringError)) throw e;
    if (e.message.startsWith('bytes')) return p.raiseKnownLocation(tok, e.message);
    return p.raiseKnownLocation(tok, unicodeErrorMessage(e));
  }
  return N.Constant(parsed.value, parsed.kind, tok, tok);
}

export function constantFromToken(_p: ParserBase, tok: PTok): Node {
  return N.Constant(tok.string, null, tok, tok);
}

export function decodedConstantFromToken(p: ParserBase, tok: PTok): Node {
  return N.Constant(decode(p, tok, tok.string, false), null, tok, tok);
}

/**
 * CPython's warn_invalid_escape_sequence: a SyntaxWarning on the line of the escape itself (a
 * triple-quoted string spans lines).
 */
function invalidEscapeWarning(p: ParserBase, tok: Pos, text: string): InvalidEscape {
  return (escape, octal, at) => {
    let line = tok.lineno;
    for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
    const what = octal ? 'invalid octal escape sequence' : 'invalid escape sequence';
    p.warn(tok, line, `"\\${escape}" is an ${what}. Such sequences will not work in the future. Did you mean "\\\\${escape}"? A raw string is also an option.`);
  };
}

function decode(p: ParserBase, tok: Pos, s: string, raw: boolean): string {
  if (raw || !s.includes('\\')) return s;
  try {
    return decodeEscapes(s, false, invalidEscapeWarning(p, tok, s));
  } catch (e) {
    if (!(e instanceof StringError)) throw e;
    return p.raiseKnownLocation(tok, unicodeErrorMessage(e));
  }
}

/** The message of CPython's SyntaxError for a str literal its unicode-escape decoder rejects. */
function unicodeErrorMessage(e: StringError): string {
  if (e instanceof UnknownCharacterName) {
    // Not CPython's answer, which needs the name table: say plainly how to get it.
    return `(unicode error) pyinnards has not loaded its Unicode name table for \\N{...} escapes: await loadUnicodeNames() from pyinnards/parser before parsing (CPython gives the character, or 'unknown Unicode character name')`;
  }
  if (e.start < 0) return `(unicode error) 'unicodeescape' codec can't decode bytes: ${e.message}`;
  const where = e.end - e.start > 1 ? `bytes in position ${e.start}-${e.end - 1}` : `byte 0x5c in position ${e.start}`;
  return `(unicode error) 'unicodeescape' codec can't decode ${where}: ${e.message}`;
}

interface WithMetadata {
  result: Any;
  token: PTok;
  /** The source text before the token: what a `{x=}` debug expression shows. */
  metadata: string;
}

export function checkFstringConversion(p: ParserBase, bang: PTok, conv: Any): WithMetadata {
  const prefix = p.fstringPrefix();
  if (bang.lineno !== conv.lineno || bang.end_col_offset !== conv.col_offset) {
    p.raiseKnownRange(bang, conv, `${prefix}-string: conversion type must come right after the exclamation mark`);
  }
  const id = conv.id as string;
  if (id.length > 1 || !'sra'.includes(id)) {
    p.raiseKnownLocation(conv, `${prefix}-string: invalid conversion character ${JSON.stringify(id).replace(/^"|"$/g, "'")}: expected 's', 'r', or 'a'`);
  }
  return { result: conv, token: bang, metadata: p.debugText(bang) };
}

export function setupFullFormatSpec(p: ParserBase, colon: PTok, spec: Any[], st: Pos, end: Pos): WithMetadata {
  const items = spec.filter((x) => !(x._type === 'Constant' && x.value === ''));
  return { result: N.JoinedStr(items, st, end), token: colon, metadata: p.debugText(colon) };
}

function conversionOf(debug: PTok | null, conversion: WithMetadata | null, format: WithMetadata | null): number {
  if (conversion) return (conversion.result.id as string).charCodeAt(0);
  if (debug && !format) return 'r'.charCodeAt(0);
  return -1;
}

export function formattedValue(p: ParserBase, e: Any, debug: PTok | null, conversion: WithMetadata | null, format: WithMetadata | null, rbrace: PTok, st: Any, end: Any): Node {
  const value = N.FormattedValue(e, conversionOf(debug, conversion, format), format ? format.result : null, st, end);
  return debug ? debugJoined(p, value, conversion, format, rbrace, st, end) : value;
}

export function interpolation(p: ParserBase, e: Any, debug: PTok | null, conversion: WithMetadata | null, format: WithMetadata | null, rbrace: PTok, st: Any, end: Any): Node {
  const text = p.debugText(debug ?? (conversion ? conversion.token : format ? format.token : rbrace));
  const value = N.Interpolation(e, text.replace(/\s+$/, ''), conversionOf(debug, conversion, format), format ? format.result : null, st, end);
  return debug ? debugJoined(p, value, conversion, format, rbrace, st, end) : value;
}

function debugJoined(p: ParserBase, value: Node, conversion: WithMetadata | null, format: WithMetadata | null, rbrace: PTok, st: Any, end: Any): Node {
  let endLine: number;
  let endOffset: number;
  let metadata: string;
  if (conversion) {
    endLine = conversion.result.lineno;
    endOffset = conversion.result.col_offset;
    metadata = conversion.metadata;
  } else if (format) {
    endLine = format.result.lineno;
    endOffset = format.result.col_offset + 1;
    metadata = format.metadata;
  } else {
    endLine = end.end_lineno;
    endOffset = end.end_col_offset;
    metadata = p.debugText(rbrace);
  }
  const text = N.Constant(metadata, null, { lineno: st.lineno, col_offset: st.col_offset + 1 }, { end_lineno: endLine, end_col_offset: endOffset - 1 });
  return N.JoinedStr([text, value], st, { end_lineno: endLine, end_col_offset: endOffset });
}

function resizedParts(p: ParserBase, start: PTok, parts: Any[], kindOf: string): Any[] {
  const raw = /[rR]/.test(start.string);
  const out: Any[] = [];
  for (const item of parts) {
    if (item._type === 'JoinedStr' && kindOf !== 'JoinedStr-nested') {
      // A debug expression: its text and its value.
      out.push(item.values[0], item.values[1]);
      continue;
    }
    if (item._type === 'Constant') {
      const s = item.value as string;
      const decoded = decode(p, item, s, raw);
      if (decoded === '') continue;
      out.push(decoded === s ? item : { ...item, value: decoded });
      continue;
    }
    out.push(item);
  }
  return out;
}

export function joinedStr(p: ParserBase, a: PTok, parts: Any[], b: PTok): Node {
  return N.JoinedStr(resizedParts(p, a, parts, 'JoinedStr'), a, b);
}

export function templateStr(p: ParserBase, a: PTok, parts: Any[], b: PTok): Node {
  return N.TemplateStr(resizedParts(p, a, parts, 'TemplateStr'), a, b);
}

export function concatenateTstrings(_p: ParserBase, strings: Any[], st: Pos, end: Pos): Node {
  if (strings.length === 1) return strings[0];
  const values: Any[] = [];
  for (const s of strings) values.push(...s.values);
  return N.TemplateStr(foldConstants(values, true), st, end);
}

function foldConstants(flat: Any[], dropEmpty: boolean): Any[] {
  const out: Any[] = [];
  for (let i = 0; i < flat.length; i++) {
    let elem = flat[i];
    if (elem._type === 'Constant') {
      if (i + 1 < flat.length && flat[i + 1]._type === 'Constant') {
        const first = elem;
        let last = elem;
        let s = '';
        let j = i;
        for (; j < flat.length && flat[j]._type === 'Constant'; j++) {
          s += flat[j].value;
          last = flat[j];
        }
        i = j - 1;
        elem = N.Constant(s, first.kind, first, last);
      }
      if (dropEmpty && elem.value === '') continue;
    }
    out.push(elem);
  }
  return out;
}

/** _PyPegen_concatenate_strings: adjacent literals become one Constant or one JoinedStr. */
export function concatenateStrings(p: ParserBase, strings: Any[], st: Pos, end: Pos): Node {
  let fstring = false;
  let unicode = false;
  let bytes = false;
  for (const e of strings) {
    if (e._type === 'Constant') {
      if (e.value instanceof PyBytes) bytes = true;
      else unicode = true;
    } else fstring = true;
  }
  if ((unicode || fstring) && bytes) return p.raise('cannot mix bytes and nonbytes literals');
  if (bytes) {
    if (strings.length === 1) return N.Constant(strings[0].value, strings[0].kind, st, end);
    const parts = strings.map((e) => (e.value as PyBytes).bytes);
    const all = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
    let k = 0;
    for (const b of parts) all.set(b, k), (k += b.length);
    return N.Constant(new PyBytes(all), strings[0].kind, st, end);
  }
  if (!fstring && strings.length === 1) return strings[0];
  const flat: Any[] = [];
  for (const e of strings) {
    if (e._type === 'JoinedStr') flat.push(...e.values);
    else flat.push(e);
  }
  const values = foldConstants(
    fstring ? flat.filter((e) => !(e._type === 'Constant' && e.value === '')) : flat,
    fstring,
  );
  if (!fstring) return values[0];
  return N.JoinedStr(values, st, end);
}
