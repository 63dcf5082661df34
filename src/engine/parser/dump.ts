// ast.dump() of CPython 3.14, option for option.
import { CLASSES, isNode, type Node } from './nodes.js';
import { constantRepr } from './constants.js';

export interface DumpOptions {
  /** Spaces (a number) or a string per level; null/undefined for one line. */
  indent?: number | string | null;
  includeAttributes?: boolean;
  /** Also show empty lists (3.14's show_empty); fields that are None are never shown. */
  showEmpty?: boolean;
}

export function dump(node: Node, options: DumpOptions = {}): string {
  const indent = typeof options.indent === 'number' ? ' '.repeat(Math.max(0, options.indent)) : (options.indent ?? null);
  const includeAttributes = options.includeAttributes ?? false;
  const showEmpty = options.showEmpty ?? false;

  // `constant` fields hold Python values (floats among them); every other number is an int.
  const format = (value: unknown, level: number, constant = false): [string, boolean] => {
    let prefix = '';
    let sep = ', ';
    if (indent !== null) {
      level++;
      prefix = '\n' + indent.repeat(level);
      sep = ',\n' + indent.repeat(level);
    }
    if (isNode(value)) {
      const info = CLASSES.get(value._type);
      const args: string[] = [];
      let allSimple = true;
      if (info) {
        info.fields.forEach((name, i) => {
          const v = value[name];
          const kind = info.kinds[i];
          if ((v === null || v === undefined) && kind === '?') return;
          if (!showEmpty && kind === '*' && Array.isArray(v) && v.length === 0) return;
          const [text, simple] = format(v, level, name === 'value' && (value._type === 'Constant' || value._type === 'MatchSingleton'));
          allSimple &&= simple;
          args.push(`${name}=${text}`);
        });
        if (includeAttributes) {
          for (const name of info.attributes) {
            const v = value[name];
            if ((v === null || v === undefined) && info.optionalAttributes.includes(name)) continue;
            const [text, simple] = format(v, level);
            allSimple &&= simple;
            args.push(`${name}=${text}`);
          }
        }
      }
      if (allSimple && args.length <= 3) return [`${value._type}(${args.join(', ')})`, args.length === 0];
      return [`${value._type}(${prefix}${args.join(sep)})`, false];
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ['[]', true];
      return [`[${prefix}${value.map((x) => format(x, level)[0]).join(sep)}]`, false];
    }
    if (typeof value === 'number' && !constant) return [String(value), true];
    return [constantRepr(value), true];
  };
  return format(node, 0)[0];
}
