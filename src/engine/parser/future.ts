// The check of `from __future__ import ...` that ast.parse makes after parsing (CPython's
// Python/future.c, which 3.14 runs for PyCF_ONLY_AST too): every feature named in the future
// statements at the top of the module (after a docstring) must exist. Its SyntaxErrors have the
// alias's span and no text (CPython attaches the line only when it can read the file).
import { PySyntaxError } from './errors.js';
import type { Node } from './nodes.js';

/** __future__.all_feature_names in CPython 3.14. */
const FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

type Located = Node & { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

/** Throws CPython's SyntaxError for an unknown future feature in `tree` (a Module or Interactive). */
export function checkFuture(tree: Node, filename: string): void {
  const body = tree.body as Located[];
  for (const [i, s] of body.entries()) {
    if (s._type === 'ImportFrom' && s.level === 0 && s.module === '__future__') {
      for (const alias of s.names as Located[]) {
        const name = alias.name as string;
        if (FEATURES.has(name)) continue;
        const msg = name === 'braces' ? 'not a chance' : `future feature ${name} is not defined`;
        // Byte columns, 1-based: with no text, CPython has nothing to count characters in.
        throw new PySyntaxError('SyntaxError', msg, filename, alias.lineno, alias.col_offset + 1, null, alias.end_lineno, alias.end_col_offset + 1);
      }
    } else if (!(i === 0 && s._type === 'Expr' && isString(s.value as Node))) {
      return;
    }
  }
}

function isString(e: Node): boolean {
  return e._type === 'Constant' && typeof e.value === 'string';
}
