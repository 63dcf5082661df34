/**
 * `element.tree`: the syntax tree as plain JSON. Nodes are objects with `_type` (the class name),
 * then the fields and position attributes CPython gives them. Strings, booleans and None are
 * JSON values; a constant JSON has no exact type for (int, float, complex, bytes, Ellipsis) is
 * `{ "type": <its Python type>, "repr": <its repr> }`, so no value is rounded or confused.
 */
import type { Parser } from './lazy-parser.js';
import type { Node } from '../../engine/parser/index.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function treeToJson(parser: Parser, tree: Node): JsonValue {
  const convert = (value: unknown, constant: boolean): JsonValue => {
    if (parser.isNode(value)) {
      const isConstant = value._type === 'Constant' || value._type === 'MatchSingleton';
      const out: { [key: string]: JsonValue } = {};
      for (const [key, inner] of Object.entries(value)) out[key] = convert(inner, isConstant && key === 'value');
      return out;
    }
    if (Array.isArray(value)) return value.map((inner) => convert(inner, false));
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    // Positions and int fields such as `level` are plain numbers outside constants.
    if (typeof value === 'number' && !constant) return value;
    return { type: pythonType(parser, value), repr: parser.constantRepr(value) };
  };
  return convert(tree, false);
}

function pythonType(parser: Parser, value: unknown): string {
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (value instanceof parser.PyComplex) return 'complex';
  if (value instanceof parser.PyBytes) return 'bytes';
  if (value === parser.ELLIPSIS) return 'ellipsis';
  return typeof value;
}
