// The syntax tree's nodes, shaped by CPython's own description of its ast classes
// (ast-spec.ts, generated from CPython 3.14): every node is a plain object whose `_type` names
// its class, with the class's fields in order, then its position attributes.
import { AST_CLASSES } from './ast-spec.js';
import type { PyConstant } from './constants.js';
import * as GeneratedNodes from './generated/nodes.js';
import type { Node } from './node.js';

export type { Node };

/** A node with a position: statements, expressions, patterns, arguments... */
export interface LocatedNode extends Node {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** A field's value: a node, a list, an identifier or string, an int, a constant, or None. */
export type FieldValue = Node | FieldValue[] | PyConstant | null;

export interface ClassInfo {
  readonly name: string;
  readonly base: string;
  readonly fields: readonly string[];
  /** Per field: '' (one value), '*' (a list) or '?' (optional). */
  readonly kinds: readonly string[];
  readonly attributes: readonly string[];
  readonly optionalAttributes: readonly string[];
}

export const CLASSES: ReadonlyMap<string, ClassInfo> = new Map(
  AST_CLASSES.map(([name, base, fields, attributes, optionalAttributes]) => [
    name,
    { name, base, fields: fields.map((f) => f[0]), kinds: fields.map((f) => f[1]), attributes, optionalAttributes },
  ]),
);

/**
 * Constructors by class name: `N.BinOp(left, op, right, start, end)` where start and end are
 * tokens or nodes giving the position; classes with no fields and no position (Load, Add...)
 * are shared instances instead.
 */
export { GeneratedNodes as N };

/** The fields of a node that hold nodes, in order, for walking the tree. */
export function* childNodes(node: Node): Generator<Node> {
  const info = CLASSES.get(node._type);
  if (!info) return;
  for (const f of info.fields) {
    const v = node[f];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) yield x;
    } else if (isNode(v)) yield v;
  }
}

export function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node)._type === 'string';
}

/** Calls `visit` on every node, parents before children (ast.walk's set, in a fixed order). */
export function walk(node: Node, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(node, parent);
  for (const child of childNodes(node)) walk(child, visit, node);
}
