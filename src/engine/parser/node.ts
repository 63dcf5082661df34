// The one shape every syntax-tree node has. In a file of its own so that the generated node
// constructors and nodes.ts (which imports them) don't import each other.

/** A node of the tree (`ast.AST`): `_type` is the class name, then its fields and attributes. */
export interface Node {
  readonly _type: string;
  [field: string]: unknown;
}
