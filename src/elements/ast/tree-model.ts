/**
 * The syntax tree as the rows of `<py-ast>`'s tree view: one item per node, list field and plain
 * value, in the order `ast.dump` writes them, with the same fields shown (None never, empty lists
 * only with show-empty, positions only with include-attributes). Items are made as they are
 * needed: a closed item's subtree is never built, and opening it builds its children. DOM-free,
 * so Node tests read it.
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
  /** Whether it has children (known before they are built). */
  branch: boolean;
  /** 1-based position among its siblings, and their number (aria-posinset, aria-setsize). */
  posinset: number;
  setsize: number;
  /** The code this item stands for: its own node's span, else its nearest located ancestor's. */
  span: { start: Position; end: Position } | undefined;
  /** The node's own position in CPython's terms (line, UTF-8 byte column), when it has one. */
  located: { lineno: number; col: number; endLineno: number; endCol: number } | undefined;
}

const NO_CHILDREN: readonly number[] = Object.freeze([]);

type Located = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

const hasPosition = (node: Node): node is Node & Located =>
  typeof node.lineno === 'number' && typeof node.end_lineno === 'number' && typeof node.end_col_offset === 'number';

/**
 * The items of `tree` (parsed from `source`). Indices are stable: items are appended as subtrees
 * are opened, so `items` is in the order they were made, not pre-order.
 */
export class TreeModel {
  readonly items: TreeItem[] = [];
  /** Per item: the value it shows (for building its children), and its children once built. */
  private readonly values: unknown[] = [];
  private readonly built: Array<readonly number[] | undefined> = [];
  private readonly columns: LineColumns;

  constructor(
    private readonly parser: Parser,
    private readonly rootValue: Node,
    source: string,
    private readonly options: TreeOptions,
  ) {
    this.columns = new LineColumns(source);
    this.make(rootValue, undefined, undefined, false, '', 1, -1, undefined);
  }

  /** Whether a field's value is shown, as ast.dump shows it: no missing optional, no empty list without show-empty. */
  private shown(value: unknown, kind: string | undefined): boolean {
    if ((value === null || value === undefined) && kind === '?') return false;
    return this.options.showEmpty || kind !== '*' || !Array.isArray(value) || value.length > 0;
  }

  /** Whether a node shows any child (slots().length > 0, without making them). */
  private hasSlots(node: Node): boolean {
    const info = this.parser.CLASSES.get(node._type);
    if (!info) return false;
    if (this.options.includeAttributes && info.attributes.length > 0) return true;
    const { fields, kinds } = info;
    for (let i = 0; i < fields.length; i++) {
      const v = node[fields[i]!];
      const kind = kinds[i];
      if (!this.shown(v, kind)) continue;
      return true;
    }
    return false;
  }

  // Arguments rather than option objects: a 2,000-line file has some 17,000 items, and making
  // them is mostly allocation.
  private make(
    value: unknown,
    field: string | undefined,
    index: number | undefined,
    constant: boolean,
    key: string,
    level: number,
    parent: number,
    inherited: TreeItem['span'],
  ): number {
    const item: TreeItem = {
      key,
      level,
      parent,
      field,
      index,
      kind: 'value',
      label: '',
      branch: false,
      posinset: 1,
      setsize: 1,
      span: inherited,
      located: undefined,
    };
    if (this.parser.isNode(value)) {
      item.kind = 'node';
      item.label = value._type;
      if (hasPosition(value)) {
        item.span = this.columns.span(value);
        item.located = { lineno: value.lineno, col: value.col_offset, endLineno: value.end_lineno, endCol: value.end_col_offset };
      }
      item.branch = this.hasSlots(value);
    } else if (Array.isArray(value)) {
      item.kind = 'list';
      item.label = value.length === 0 ? '[]' : `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
      item.branch = value.length > 0;
    } else {
      item.label = typeof value === 'number' && !constant ? String(value) : this.parser.constantRepr(value);
    }
    this.items.push(item);
    this.values.push(item.branch ? value : undefined);
    this.built.push(item.branch ? undefined : NO_CHILDREN);
    return this.items.length - 1;
  }

  /** The children of item `index` (what ast.dump shows of its value, in order), made the first time they are asked for. */
  children(index: number): readonly number[] {
    const done = this.built[index];
    if (done) return done;
    const { key, level, span } = this.items[index]!;
    const value = this.values[index];
    const children: number[] = [];
    if (this.parser.isNode(value)) {
      const info = this.parser.CLASSES.get(value._type)!;
      const isConstant = value._type === 'Constant' || value._type === 'MatchSingleton';
      const { fields, kinds } = info;
      for (let i = 0; i < fields.length; i++) {
        const name = fields[i]!;
        const v = value[name];
        const kind = kinds[i];
        if (!this.shown(v, kind)) continue;
        children.push(this.make(v, name, undefined, isConstant && name === 'value', `${key}.${name}`, level + 1, index, span));
      }
      if (this.options.includeAttributes) {
        for (const name of info.attributes) {
          const v = value[name];
          if ((v === null || v === undefined) && info.optionalAttributes.includes(name)) continue;
          children.push(this.make(v, name, undefined, false, `${key}.${name}`, level + 1, index, span));
        }
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) children.push(this.make(value[i], undefined, i, false, `${key}.${i}`, level + 1, index, span));
    }
    for (let i = 0; i < children.length; i++) {
      const child = this.items[children[i]!]!;
      child.posinset = i + 1;
      child.setsize = children.length;
    }
    this.built[index] = children;
    this.values[index] = undefined;
    return children;
  }

  /** The items shown, in order, when only those for which `open(index)` holds show their children. */
  visible(open: (index: number) => boolean): number[] {
    const shown: number[] = [];
    const stack = [0];
    while (stack.length) {
      const i = stack.pop()!;
      shown.push(i);
      if (this.items[i]!.branch && open(i)) {
        const children = this.children(i);
        for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
      }
    }
    return shown;
  }

  /** The indices of `index`'s ancestors, nearest last. */
  ancestors(index: number): number[] {
    const out: number[] = [];
    for (let at = this.items[index]?.parent ?? -1; at >= 0; at = this.items[at]!.parent) out.unshift(at);
    return out;
  }

  /**
   * The innermost located node at `at` (line and UTF-8 byte column): the deepest whose span holds
   * it or ends right there (where a cursor usually is after typing a name); between two as deep,
   * the one that holds it. Found in the syntax tree itself; only the items on its path are made.
   */
  innermostAt(line: number, byte: number): number | undefined {
    const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
    let best: Array<string | number> | undefined;
    let bestLevel = -1;
    let bestHolds = false;
    const path: Array<string | number> = [];
    const visit = (value: unknown, level: number): void => {
      if (this.parser.isNode(value)) {
        if (hasPosition(value) && !before(line, byte, value.lineno, value.col_offset)) {
          const holds = before(line, byte, value.end_lineno, value.end_col_offset);
          if ((holds || (line === value.end_lineno && byte === value.end_col_offset)) && (level > bestLevel || (level === bestLevel && holds && !bestHolds))) {
            best = [...path];
            bestLevel = level;
            bestHolds = holds;
          }
        }
        // Nodes sit only in fields (attributes are ints), in the order the items have them.
        const info = this.parser.CLASSES.get(value._type);
        for (const name of info?.fields ?? []) {
          const v = value[name];
          if (v === null || typeof v !== 'object') continue;
          path.push(name);
          visit(v, level + 1);
          path.pop();
        }
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          visit(value[i], level + 1);
          path.pop();
        }
      }
    };
    visit(this.rootValue, 1);
    if (!best) return undefined;
    let at = 0;
    for (const step of best) {
      at = this.children(at).find((c) => {
        const child = this.items[c]!;
        return typeof step === 'number' ? child.index === step : child.field === step;
      })!;
    }
    return at;
  }
}
