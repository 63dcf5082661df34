/**
 * The syntax tree as the rows of `<py-ast>`'s tree view: one item per node, list field and plain
 * value, in the order `ast.dump` writes them, with the same fields shown (None never, empty lists
 * only with show-empty, positions only with include-attributes). DOM-free, so Node tests read it.
 */
import type { Position } from '../highlight.js';
import type { Parser } from './lazy-parser.js';
import type { Node } from '../../engine/parser/index.js';
import { LineColumns } from './positions.js';

export interface TreeOptions {
  includeAttributes: boolean;
  showEmpty: boolean;
}

export interface TreeItem {
  /** The path from the root ("body.0.value"), stable across re-parses of similar code. */
  key: string;
  /** 1-based depth (aria-level). */
  level: number;
  /** Index of the parent item, -1 for the root. */
  parent: number;
  /** The field this item is the value of (undefined for the root and for list elements). */
  field: string | undefined;
  /** The position in its list, for list elements. */
  index: number | undefined;
  kind: 'node' | 'list' | 'value';
  /** The class name (nodes), the element count (lists) or the value's repr (values). */
  label: string;
  children: number[];
  /** Index just after this item's subtree (items are in pre-order). */
  end: number;
  /** 1-based position among its siblings, and their number (aria-posinset, aria-setsize). */
  posinset: number;
  setsize: number;
  /** The code this item stands for: its own node's span, else its nearest located ancestor's. */
  span: { start: Position; end: Position } | undefined;
  /** The node's own position in CPython's terms (line, UTF-8 byte column), when it has one. */
  located: { lineno: number; col: number; endLineno: number; endCol: number } | undefined;
}

type Located = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

const hasPosition = (node: Node): node is Node & Located =>
  typeof node.lineno === 'number' && typeof node.end_lineno === 'number' && typeof node.end_col_offset === 'number';

/** Builds the items of `tree` (parsed from `source`), pre-order. */
export function buildTree(parser: Parser, tree: Node, source: string, options: TreeOptions): TreeItem[] {
  const columns = new LineColumns(source);
  const items: TreeItem[] = [];

  // Arguments rather than option objects, and no intermediate lists: a 2,000-line file has some
  // 17,000 items, and building them is mostly allocation.
  const add = (
    value: unknown,
    key: string,
    level: number,
    parent: number,
    field: string | undefined,
    index: number | undefined,
    constant: boolean,
    inherited: TreeItem['span'],
  ): number => {
    const at = items.length;
    const item: TreeItem = {
      key,
      level,
      parent,
      field,
      index,
      kind: 'value',
      label: '',
      children: [],
      end: at + 1,
      posinset: 1,
      setsize: 1,
      span: inherited,
      located: undefined,
    };
    items.push(item);
    const children = item.children;
    if (parser.isNode(value)) {
      item.kind = 'node';
      item.label = value._type;
      if (hasPosition(value)) {
        item.span = columns.span(value);
        item.located = { lineno: value.lineno, col: value.col_offset, endLineno: value.end_lineno, endCol: value.end_col_offset };
      }
      const info = parser.CLASSES.get(value._type);
      if (info) {
        const isConstant = value._type === 'Constant' || value._type === 'MatchSingleton';
        const { fields, kinds } = info;
        for (let i = 0; i < fields.length; i++) {
          const name = fields[i]!;
          const v = value[name];
          const kind = kinds[i];
          if ((v === null || v === undefined) && kind === '?') continue;
          if (!options.showEmpty && kind === '*' && Array.isArray(v) && v.length === 0) continue;
          children.push(add(v, `${key}.${name}`, level + 1, at, name, undefined, isConstant && name === 'value', item.span));
        }
        if (options.includeAttributes) {
          for (const name of info.attributes) {
            const v = value[name];
            if ((v === null || v === undefined) && info.optionalAttributes.includes(name)) continue;
            children.push(add(v, `${key}.${name}`, level + 1, at, name, undefined, false, item.span));
          }
        }
      }
    } else if (Array.isArray(value)) {
      item.kind = 'list';
      item.label = value.length === 0 ? '[]' : `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
      for (let i = 0; i < value.length; i++) children.push(add(value[i], `${key}.${i}`, level + 1, at, undefined, i, false, item.span));
    } else {
      item.label = typeof value === 'number' && !constant ? String(value) : parser.constantRepr(value);
    }
    for (let i = 0; i < children.length; i++) {
      const child = items[children[i]!]!;
      child.posinset = i + 1;
      child.setsize = children.length;
    }
    item.end = items.length;
    return at;
  };

  add(tree, '', 1, -1, undefined, undefined, false, undefined);
  return items;
}

/** The items shown when only those for which `open(index)` holds show their children. */
export function visibleItems(items: readonly TreeItem[], open: (index: number) => boolean): number[] {
  const shown: number[] = [];
  let i = 0;
  while (i < items.length) {
    shown.push(i);
    const item = items[i]!;
    i = item.children.length > 0 && !open(i) ? item.end : i + 1;
  }
  return shown;
}

/**
 * The innermost located node at `at` (line and UTF-8 byte column): the deepest whose span holds
 * it or ends right there (where a cursor usually is after typing a name); between two as deep,
 * the one that holds it.
 */
export function innermostAt(items: readonly TreeItem[], line: number, byte: number): number | undefined {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
  let best: number | undefined;
  let bestHolds = false;
  items.forEach((item, index) => {
    const span = item.located;
    if (!span || before(line, byte, span.lineno, span.col)) return;
    const holds = before(line, byte, span.endLineno, span.endCol);
    if (!holds && !(line === span.endLineno && byte === span.endCol)) return;
    const level = best === undefined ? -1 : items[best]!.level;
    if (item.level > level || (item.level === level && holds && !bestHolds)) {
      best = index;
      bestHolds = holds;
    }
  });
  return best;
}

/** The indices of `index`'s ancestors, nearest last. */
export function ancestors(items: readonly TreeItem[], index: number): number[] {
  const out: number[] = [];
  for (let at = items[index]?.parent ?? -1; at >= 0; at = items[at]!.parent) out.unshift(at);
  return out;
}

