// What the grammar's actions call, as CPython's Parser/action_helpers.c does it: building the
// nodes that need more than one constructor call, and the checks behind some SyntaxErrors.
import { N, type Node } from './nodes.js';
import { ELLIPSIS, PyComplex } from './constants.js';
import type { ParserBase, Pos } from './parser-base.js';
import type { PTok } from './token-stream.js';

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

// The string and f-string helpers live in their own module.
export * from './string-helpers.js';
