// The SyntaxErrors CPython's compiler (its symbol table and code generator) raises on a tree the
// parser accepted, for the statements a keyword can bring in: `return`, `yield` and `await`
// outside a function, `break` and `continue` outside a loop, `async` forms outside an async
// function, `nonlocal` at module level. Only keyword-typos.ts asks, to tell whether a corrected
// line would compile. Not the whole compiler: checks that need name binding (a nonlocal without
// a binding, a global after use) are not made.
import { childNodes, type Node } from './nodes.js';

interface Context {
  /** 'module', 'class', 'function', 'async' (an async function) or 'lambda'. */
  scope: 'module' | 'class' | 'function' | 'async' | 'lambda';
  loop: boolean;
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
  const inner: Context = { scope, loop: false };
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

const isChild = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node)._type === 'string';

/** Whether CPython's compiler accepts a module the parser accepted (within the checks above). */
export function compilerAccepts(tree: Node): boolean {
  return check(tree, { scope: 'module', loop: false });
}
