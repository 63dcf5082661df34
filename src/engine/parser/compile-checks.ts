// The SyntaxErrors CPython's compiler (its symbol table and code generator) raises on a tree the
// parser accepted, for the statements a keyword can bring in: `return`, `yield` and `await`
// outside a function, `break` and `continue` outside a loop, `async` forms outside an async
// function, `nonlocal` at module level or with no binding in an enclosing function. Only
// keyword-typos.ts asks, to tell whether a corrected line would compile. Not the whole compiler:
// a `global` after the name's use, for one, is not checked.
import { childNodes, type Node } from './nodes.js';

interface Context {
  /** 'module', 'class', 'function', 'async' (an async function) or 'lambda'. */
  scope: 'module' | 'class' | 'function' | 'async' | 'lambda';
  loop: boolean;
  /** The names bound in each enclosing function, innermost last (class bodies don't count). */
  enclosing: ReadonlyArray<ReadonlySet<string>>;
}

const COMPREHENSIONS = new Set(['ListComp', 'SetComp', 'DictComp', 'GeneratorExp']);

function check(node: Node, ctx: Context): boolean {
  const t = node._type;
  const inFunction = ctx.scope === 'function' || ctx.scope === 'async' || ctx.scope === 'lambda';
  switch (t) {
    case 'Return':
      if (ctx.scope !== 'function' && ctx.scope !== 'async') return false;
      break;
    case 'Yield':
    case 'YieldFrom':
      if (!inFunction) return false;
      break;
    case 'Await':
      if (ctx.scope !== 'async') return false;
      break;
    case 'AsyncWith':
      if (ctx.scope !== 'async') return false;
      break;
    case 'Break':
    case 'Continue':
      if (!ctx.loop) return false;
      break;
    case 'Nonlocal':
      if (ctx.scope === 'module') return false;
      {
        // A function looks past its own names; a class body has none of its own in the list.
        const outer = ctx.scope === 'class' ? ctx.enclosing : ctx.enclosing.slice(0, -1);
        for (const name of node.names as string[]) if (!outer.some((names) => names.has(name))) return false;
      }
      break;
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'Lambda':
    case 'ClassDef':
      return checkScope(node, ctx, t === 'FunctionDef' ? 'function' : t === 'AsyncFunctionDef' ? 'async' : t === 'Lambda' ? 'lambda' : 'class');
    case 'AsyncFor':
      return ctx.scope === 'async' && checkLoop(node, ctx);
    case 'For':
    case 'While':
      return checkLoop(node, ctx);
  }
  if (COMPREHENSIONS.has(t)) {
    for (const g of node.generators as Node[]) if (g.is_async && ctx.scope !== 'async' && t !== 'GeneratorExp') return false;
    // A yield in a comprehension is an error; the rest of it runs in a function of its own.
    for (const child of childNodes(node)) if (!check(child, ctx) || containsYield(child)) return false;
    return true;
  }
  for (const child of childNodes(node)) if (!check(child, ctx)) return false;
  return true;
}

function containsYield(node: Node): boolean {
  if (node._type === 'Yield' || node._type === 'YieldFrom') return true;
  if (node._type === 'Lambda' || node._type === 'FunctionDef' || node._type === 'AsyncFunctionDef' || node._type === 'ClassDef') return false;
  for (const child of childNodes(node)) if (containsYield(child)) return true;
  return false;
}

/** Decorators, defaults, bases and annotations belong to the enclosing scope; the body to a new one. */
function checkScope(node: Node, outer: Context, scope: Context['scope']): boolean {
  const enclosing = scope === 'class' ? outer.enclosing : [...outer.enclosing, boundNames(node)];
  const inner: Context = { scope, loop: false, enclosing };
  for (const [field, value] of Object.entries(node)) {
    if (field === 'body') {
      const parts = Array.isArray(value) ? (value as Node[]) : [value as Node];
      for (const part of parts) if (!check(part, inner)) return false;
    } else if (Array.isArray(value)) {
      for (const v of value) if (isChild(v) && !check(v, outer)) return false;
    } else if (isChild(value) && !check(value, outer)) return false;
  }
  return true;
}

function checkLoop(node: Node, ctx: Context): boolean {
  for (const [field, value] of Object.entries(node)) {
    const inner = field === 'body' ? { ...ctx, loop: true } : ctx;
    const parts = Array.isArray(value) ? value : [value];
    for (const v of parts) if (isChild(v) && !check(v, inner)) return false;
  }
  return true;
}

const SCOPES = new Set(['FunctionDef', 'AsyncFunctionDef', 'Lambda', 'ClassDef', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp']);

/** The names a function binds in its own scope: parameters, targets, imports, definitions, nonlocals. */
function boundNames(fn: Node): Set<string> {
  const names = new Set<string>();
  const args = fn.args as Node | undefined;
  if (args) {
    for (const list of ['posonlyargs', 'args', 'kwonlyargs']) for (const a of args[list] as Node[]) names.add(a.arg as string);
    for (const key of ['vararg', 'kwarg']) if (args[key]) names.add((args[key] as Node).arg as string);
  }
  const visit = (node: Node): void => {
    const t = node._type;
    if (t === 'Name' && (node.ctx as Node)._type !== 'Load') names.add(node.id as string);
    else if (t === 'FunctionDef' || t === 'AsyncFunctionDef' || t === 'ClassDef') names.add(node.name as string);
    else if (t === 'alias') names.add(((node.asname ?? node.name) as string).split('.')[0] as string);
    else if ((t === 'ExceptHandler' || t === 'MatchAs' || t === 'MatchStar') && node.name) names.add(node.name as string);
    else if (t === 'MatchMapping' && node.rest) names.add(node.rest as string);
    else if (t === 'Nonlocal') for (const n of node.names as string[]) names.add(n);
    if (SCOPES.has(t)) return;
    for (const child of childNodes(node)) visit(child);
  };
  const body = fn.body;
  for (const part of Array.isArray(body) ? (body as Node[]) : [body as Node]) visit(part);
  return names;
}

const isChild = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node)._type === 'string';

/** Whether CPython's compiler accepts a module the parser accepted (within the checks above). */
export function compilerAccepts(tree: Node): boolean {
  return check(tree, { scope: 'module', loop: false, enclosing: [] });
}
