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
  const prefixes: string[] = [];
  const seps: string[] = [];
  /** Whether the last value formatted was "simple" (ast.dump's second return value). */
  let simple = true;

  // `constant` fields hold Python values (floats among them); every other number is an int.
  const format = (value: unknown, level: number, constant: boolean): string => {
    let prefix = '';
    let sep = ', ';
    if (indent !== null) {
      level++;
      prefix = prefixes[level] ??= '\n' + indent.repeat(level);
      sep = seps[level] ??= ',\n' + indent.repeat(level);
    }
    if (isNode(value)) {
      const info = CLASSES.get(value._type);
      const args: string[] = [];
      let allSimple = true;
      if (info) {
        const fields = info.fields;
        const isConstant = value._type === 'Constant' || value._type === 'MatchSingleton';
        for (let i = 0; i < fields.length; i++) {
          const name = fields[i] as string;
          const v = value[name];
          const kind = info.kinds[i];
          if ((v === null || v === undefined) && kind === '?') continue;
          if (!showEmpty && kind === '*' && Array.isArray(v) && v.length === 0) continue;
          const text = format(v, level, isConstant && name === 'value');
          allSimple &&= simple;
          args.push(name + '=' + text);
        }
        if (includeAttributes) {
          for (const name of info.attributes) {
            const v = value[name];
            if ((v === null || v === undefined) && info.optionalAttributes.includes(name)) continue;
            const text = format(v, level, false);
            allSimple &&= simple;
            args.push(name + '=' + text);
          }
        }
      }
      if (allSimple && args.length <= 3) {
        simple = args.length === 0;
        return value._type + '(' + args.join(', ') + ')';
      }
      simple = false;
      return value._type + '(' + prefix + args.join(sep) + ')';
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        simple = true;
        return '[]';
      }
      const parts: string[] = [];
      for (const x of value) parts.push(format(x, level, false));
      simple = false;
      return '[' + prefix + parts.join(sep) + ']';
    }
    simple = true;
    if (typeof value === 'number' && !constant) return String(value);
    return constantRepr(value);
  };
  return format(node, 0, false);
}
