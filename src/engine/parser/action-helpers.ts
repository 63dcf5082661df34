// What the grammar's actions call, as CPython's Parser/action_helpers.c does it: building the
// nodes that need more than one constructor call, and the checks behind some SyntaxErrors.
import { N, type Node } from './nodes.js';
import { ELLIPSIS, PyBytes, PyComplex } from './constants.js';
import type { ParserBase, Pos } from './parser-base.js';
import type { PTok } from './token-stream.js';
import { parseStringLiteral, decodeEscapes, StringError } from './strings.js';

export { ELLIPSIS };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function makeModule(p: ParserBase, body: Node[] | null): Node {
  const ignores = p.stream.typeIgnores.map((t) => N.TypeIgnore(t.lineno, t.tag));
  return N.Module(body ?? [], ignores);
}

export function interactiveExit(_p: ParserBase): null {
  return null;
}

/** _PyPegen_set_expr_context: a copy of the target with the new context (nodes are shared). */
export function setContext(e: Any, ctx: Node): Any {
  switch (e._type) {
    case 'Name':
      return { ...e, ctx };
    case 'Tuple':
    case 'List':
      return { ...e, elts: e.elts.map((x: Any) => setContext(x, ctx)), ctx };
    case 'Subscript':
    case 'Attribute':
      return { ...e, ctx };
    case 'Starred':
      return { ...e, value: setContext(e.value, ctx), ctx };
    default:
      return e;
  }
}

export function typeComment(tc: PTok | null): string | null {
  return tc ? tc.string : null;
}

export function checkedFutureImport(_p: ParserBase, module: string, names: Node[], level: number, st: Pos, end: Pos): Node {
  return N.ImportFrom(module, names, level, st, end);
}

export function countDots(tokens: PTok[]): number {
  let n = 0;
  for (const t of tokens) n += t.string === '...' ? 3 : 1;
  return n;
}

export function joinNamesWithDot(_p: ParserBase, a: Any, b: Any): Node {
  return N.Name(`${a.id}.${b.id}`, N.Load, a, b);
}

/** A def or class with its decorators; its position stays the `def`/`class` line's. */
export function withDecorators(def: Any, decorators: Node[]): Node {
  return { ...def, decorator_list: decorators };
}

export function emptyArguments(): Node {
  return N.arguments([], [], null, [], [], null, []);
}

interface NameDefault {
  arg: Any;
  value: Any;
}
interface SlashWithDefault {
  plain: Node[];
  withDefaults: NameDefault[];
}
interface StarEtc {
  vararg: Node | null;
  kwonly: NameDefault[] | null;
  kwarg: Node | null;
}

export function makeArguments(
  _p: ParserBase,
  slashWithoutDefault: Node[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: Node[] | null,
  namesWithDefault: NameDefault[] | null,
  starEtc: StarEtc | null,
): Node {
  const names = (pairs: NameDefault[]): Node[] => pairs.map((x) => x.arg);
  const defaults = (pairs: NameDefault[]): Node[] => pairs.map((x) => x.value);
  const posonly = slashWithoutDefault ?? (slashWithDefault ? [...slashWithDefault.plain, ...names(slashWithDefault.withDefaults)] : []);
  const posargs = [...(plainNames ?? []), ...(namesWithDefault ? names(namesWithDefault) : [])];
  const posdefaults = [...(slashWithDefault ? defaults(slashWithDefault.withDefaults) : []), ...(namesWithDefault ? defaults(namesWithDefault) : [])];
  const kwonly = starEtc?.kwonly ?? null;
  return N.arguments(posonly, posargs, starEtc?.vararg ?? null, kwonly ? names(kwonly) : [], kwonly ? defaults(kwonly) : [], starEtc?.kwarg ?? null, posdefaults);
}

export function addTypeComment(_p: ParserBase, a: Any, tc: PTok | null): Any {
  return tc ? { ...a, type_comment: tc.string } : a;
}

export function nameDefaultPair(p: ParserBase, arg: Any, value: Any, tc: PTok | null): NameDefault {
  return { arg: addTypeComment(p, arg, tc), value };
}

export function ensureReal(p: ParserBase, e: Any): Node {
  if (e.value instanceof PyComplex) p.raiseKnownLocation(e, 'real number required in complex literal');
  return e;
}

export function ensureImaginary(p: ParserBase, e: Any): Node {
  if (!(e.value instanceof PyComplex)) p.raiseKnownLocation(e, 'imaginary number required in complex literal');
  return e;
}

export function checkBarryAsFlufl(_p: ParserBase, tok: PTok): PTok | null {
  return tok.string === '!=' ? tok : null;
}

// ---- calls -------------------------------------------------------------------------------

interface KeywordOrStarred {
  element: Node;
  isKeyword: boolean;
}

export function collectCallSeqs(_p: ParserBase, args: Node[], kwargs: KeywordOrStarred[] | null, st: Pos, end: Pos): Node {
  if (!kwargs) return N.Call(null, args, [], st, end);
  return N.Call(
    null,
    [...args, ...kwargs.filter((k) => !k.isKeyword).map((k) => k.element)],
    kwargs.filter((k) => k.isKeyword).map((k) => k.element),
    st,
    end,
  );
}

export function callFromKwargs(p: ParserBase, kwargs: KeywordOrStarred[], st: Pos, end: Pos): Node {
  return collectCallSeqs(p, [], kwargs, st, end);
}

export function lastComprehensionItem(c: Any): Any {
  return c.ifs.length ? c.ifs[c.ifs.length - 1] : c.iter;
}

export function nonparenGenexpInCall(p: ParserBase, call: Any, comprehensions: Any[]): null {
  const args = call.args as Any[];
  if (args.length <= 1) return null;
  return p.raiseKnownRange(args[args.length - 1], lastComprehensionItem(comprehensions[comprehensions.length - 1]), 'Generator expression must be parenthesized');
}

export function argumentsParsingError(p: ParserBase, call: Any): never {
  const unpacking = (call.keywords as Any[]).some((k) => k.arg === null);
  return p.raise(unpacking ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
}

export function checkLegacyStmt(_p: ParserBase, name: Any): boolean {
  return name._type === 'Name' && (name.id === 'print' || name.id === 'exec');
}

export function raiseErrorForMissingComma(p: ParserBase, a: Any, b: Any): null {
  if (checkLegacyStmt(p, a)) return null;
  if ((p.tokens[p.mark - 1] as PTok).level === 0) return null;
  return p.raiseKnownRange(a, b, 'invalid syntax. Perhaps you forgot a comma?');
}

// ---- error helpers -----------------------------------------------------------------------

const EXPR_NAMES: Record<string, string> = {
  Attribute: 'attribute',
  Subscript: 'subscript',
  Starred: 'starred',
  Name: 'name',
  List: 'list',
  Tuple: 'tuple',
  Lambda: 'lambda',
  Call: 'function call',
  BoolOp: 'expression',
  BinOp: 'expression',
  UnaryOp: 'expression',
  GeneratorExp: 'generator expression',
  Yield: 'yield expression',
  YieldFrom: 'yield expression',
  Await: 'await expression',
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  Dict: 'dict literal',
  Set: 'set display',
  JoinedStr: 'f-string expression',
  FormattedValue: 'f-string expression',
  TemplateStr: 't-string expression',
  Interpolation: 't-string expression',
  Compare: 'comparison',
  IfExp: 'conditional expression',
  NamedExpr: 'named expression',
};

/** _PyPegen_get_expr_name: how error messages name an expression. */
export function exprName(e: Any): string {
  if (e._type === 'Constant') {
    const v = e.value;
    if (v === null) return 'None';
    if (v === false) return 'False';
    if (v === true) return 'True';
    if (v === ELLIPSIS) return 'ellipsis';
    return 'literal';
  }
  return EXPR_NAMES[e._type] ?? e._type;
}

function invalidTarget(e: Any, kind: 'star' | 'del' | 'for'): Any {
  if (e == null) return null;
  switch (e._type) {
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const child = invalidTarget(x, kind);
        if (child) return child;
      }
      return null;
    case 'Starred':
      return kind === 'del' ? e : invalidTarget(e.value, kind);
    case 'Compare':
      if (kind === 'for') return e.ops[0]._type === 'In' ? invalidTarget(e.left, kind) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

export function raiseInvalidTarget(p: ParserBase, kind: 'star' | 'del' | 'for', e: Any): null {
  const target = invalidTarget(e, kind);
  if (!target) return null;
  return p.raiseKnownLocation(target, `${kind === 'del' ? 'cannot delete' : 'cannot assign to'} ${exprName(target)}`);
}

// ---- strings -----------------------------------------------------------------------------

export function constantFromString(p: ParserBase, tok: PTok): Node {
  let parsed;
  try {
    parsed = parseStringLiteral(tok.string);
  } catch (e) {
    if (!(e instanceof StringError)) throw e;
    if (e.message.startsWith('bytes')) return p.raiseKnownLocation(tok, e.message);
    return p.raiseKnownLocation(tok, `(unicode error) 'unicodeescape' codec can't decode bytes: ${e.message}`);
  }
  return N.Constant(parsed.value, parsed.kind, tok, tok);
}

export function constantFromToken(_p: ParserBase, tok: PTok): Node {
  return N.Constant(tok.string, null, tok, tok);
}

export function decodedConstantFromToken(p: ParserBase, tok: PTok): Node {
  return N.Constant(decode(p, tok, tok.string, false), null, tok, tok);
}

function decode(p: ParserBase, tok: PTok, s: string, raw: boolean): string {
  if (raw || !s.includes('\\')) return s;
  try {
    return decodeEscapes(s, false);
  } catch (e) {
    if (!(e instanceof StringError)) throw e;
    return p.raiseKnownLocation(tok, `(unicode error) 'unicodeescape' codec can't decode bytes: ${e.message}`);
  }
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
