// Reads our PEG grammar (src/engine/parser/grammar/python.peg: CPython 3.14's Grammar/python.gram
// notation, with TypeScript actions) and writes the parser as TypeScript, the way CPython's
// pegen writes Parser/parser.c: one method per rule, helper methods for groups, loops and
// gathers, memoization for `(memo)` rules and left-recursive leaders.
//
//   npx tsx scripts/parser/generate-parser.ts          writes src/engine/parser/generated/parser.ts
//   npx tsx scripts/parser/generate-parser.ts --check  fails if that file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXACT_TOKEN_TABLE } from '../../src/engine/tokenizer/cpython-data.js';
import { AST_CLASSES } from '../../src/engine/parser/ast-spec.js';

const OPERATOR_TYPES = new Map(EXACT_TOKEN_TABLE);
/** Keywords get token types from here on, in sorted order (CPython numbers them likewise). */
const KEYWORD_BASE = 500;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GRAMMAR = ROOT + 'src/engine/parser/grammar/python.peg';
const OUTPUT = ROOT + 'src/engine/parser/generated/parser.ts';
const NODES_OUTPUT = ROOT + 'src/engine/parser/generated/nodes.ts';
const KEYWORDS_OUTPUT = ROOT + 'src/engine/parser/generated/keywords.ts';

// ---- the grammar's own syntax ------------------------------------------------------------

type Item =
  | { kind: 'name'; name: string }
  | { kind: 'keyword'; value: string }
  | { kind: 'soft'; value: string }
  | { kind: 'group'; alts: Alt[] }
  | { kind: 'opt'; item: Item }
  | { kind: 'star'; item: Item }
  | { kind: 'plus'; item: Item }
  | { kind: 'gather'; sep: Item; item: Item }
  | { kind: 'pos'; item: Item }
  | { kind: 'neg'; item: Item }
  | { kind: 'forced'; item: Item }
  | { kind: 'cut' };

interface Named {
  name: string | null;
  item: Item;
}
interface Alt {
  items: Named[];
  action: string | null;
}
interface Rule {
  name: string;
  type: string | null;
  memo: boolean;
  alts: Alt[];
}

function lex(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (/\s/.test(c)) {
      if (c === '\n') out.push('\n');
      i++;
    } else if (c === '{') {
      // An action: braces balance, except inside string literals.
      let depth = 0;
      const start = i;
      for (; i < text.length; i++) {
        const d = text[i];
        if (d === '"' || d === "'" || d === '`') {
          const q = d;
          for (i++; i < text.length && text[i] !== q; i++) if (text[i] === '\\') i++;
        } else if (d === '{') depth++;
        else if (d === '}' && --depth === 0) break;
      }
      out.push(text.slice(start, ++i));
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      out.push(text.slice(i, end + 1));
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(text.slice(i)) as RegExpExecArray;
      out.push(m[0]);
      i += m[0].length;
    } else if (text.startsWith('&&', i)) {
      out.push('&&');
      i += 2;
    } else {
      out.push(c);
      i++;
    }
  }
  return out;
}

function parseGrammar(text: string): Rule[] {
  // Rules start at column 0; join each rule's lines.
  const chunks: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[A-Za-z_]/.test(line)) chunks.push(line);
    else if (chunks.length) chunks[chunks.length - 1] += '\n' + line;
  }
  return chunks.map(parseRule);
}

function parseRule(chunk: string): Rule {
  const toks = lex(chunk).filter((t) => t !== '\n');
  let i = 0;
  const peek = (): string | undefined => toks[i];
  const next = (): string => toks[i++] as string;
  const name = next();
  let type: string | null = null;
  let memo = false;
  if (peek() === '[') {
    next();
    type = '';
    while (peek() !== ']') type += next();
    next();
  }
  if (peek() === '(') {
    next();
    memo = next() === 'memo';
    next();
  }
  if (next() !== ':') throw new Error(`rule ${name}: expected ':'`);

  function alts(): Alt[] {
    const result: Alt[] = [];
    if (peek() === '|') next();
    result.push(alt());
    while (peek() === '|') {
      next();
      result.push(alt());
    }
    return result;
  }
  function alt(): Alt {
    const items: Named[] = [];
    let action: string | null = null;
    while (i < toks.length && peek() !== '|' && peek() !== ')' && peek() !== ']') {
      const t = peek() as string;
      if (t.startsWith('{')) {
        action = next().slice(1, -1).trim();
        break;
      }
      items.push(named());
    }
    return { items, action };
  }
  function named(): Named {
    if (/^[A-Za-z_]/.test(peek() as string) && (toks[i + 1] === '=' || (toks[i + 1] === '[' && toks.indexOf('=', i) > 0 && isTypedName()))) {
      const n = next();
      if (peek() === '[') while (next() !== ']');
      next(); // '='
      return { name: n, item: prefixed() };
    }
    return { name: null, item: prefixed() };
  }
  function isTypedName(): boolean {
    let j = i + 2;
    while (toks[j] !== ']') j++;
    return toks[j + 1] === '=';
  }
  function prefixed(): Item {
    const t = peek();
    if (t === '&&') return (next(), { kind: 'forced', item: postfixed() });
    if (t === '&') return (next(), { kind: 'pos', item: postfixed() });
    if (t === '!') return (next(), { kind: 'neg', item: postfixed() });
    if (t === '~') return (next(), { kind: 'cut' });
    return postfixed();
  }
  function postfixed(): Item {
    let item = atom();
    for (;;) {
      const t = peek();
      if (t === '?') (next(), (item = { kind: 'opt', item }));
      else if (t === '*') (next(), (item = { kind: 'star', item }));
      else if (t === '+') (next(), (item = { kind: 'plus', item }));
      else if (t === '.' && item.kind === 'keyword') {
        next();
        const elem = atom();
        next(); // '+'
        item = { kind: 'gather', sep: item, item: elem };
      } else return item;
    }
  }
  function atom(): Item {
    const t = next();
    if (t === '(') {
      const a = alts();
      next();
      return { kind: 'group', alts: a };
    }
    if (t === '[') {
      const a = alts();
      next();
      return { kind: 'opt', item: { kind: 'group', alts: a } };
    }
    if (t.startsWith("'")) return { kind: 'keyword', value: t.slice(1, -1) };
    if (t.startsWith('"')) return { kind: 'soft', value: t.slice(1, -1) };
    return { kind: 'name', name: t };
  }
  const rule: Rule = { name, type, memo, alts: alts() };
  if (i !== toks.length) throw new Error(`rule ${name}: unexpected ${toks[i]}`);
  return rule;
}

// ---- code generation ---------------------------------------------------------------------

const TOKEN_RULES: Record<string, string> = {
  NAME: 'p.name()',
  NUMBER: 'p.number()',
  STRING: 'p.token(3 /* STRING */)',
  FSTRING_START: 'p.token(59 /* FSTRING_START */)',
  FSTRING_MIDDLE: 'p.token(60 /* FSTRING_MIDDLE */)',
  FSTRING_END: 'p.token(61 /* FSTRING_END */)',
  TSTRING_START: 'p.token(62 /* TSTRING_START */)',
  TSTRING_MIDDLE: 'p.token(63 /* TSTRING_MIDDLE */)',
  TSTRING_END: 'p.token(64 /* TSTRING_END */)',
  NEWLINE: 'p.token(4 /* NEWLINE */)',
  INDENT: 'p.token(5 /* INDENT */)',
  DEDENT: 'p.token(6 /* DEDENT */)',
  ENDMARKER: 'p.token(0 /* ENDMARKER */)',
  TYPE_COMMENT: 'p.token(57 /* TYPE_COMMENT */)',
  SOFT_KEYWORD: 'p.softKeyword()',
};

class Generator {
  private readonly rules = new Map<string, Rule>();
  private readonly helpers: string[] = [];
  private helperCount = 0;
  private readonly leaders = new Set<string>();

  private readonly keywordList: string[];

  constructor(rules: Rule[], grammarText: string) {
    for (const r of rules) this.rules.set(r.name, r);
    this.keywordList = [...new Set([...grammarText.matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1] as string))].sort();
    this.findLeftRecursion();
  }

  /** Rules that can call themselves before consuming a token; the first of each cycle leads. */
  private findLeftRecursion(): void {
    const firstCalls = new Map<string, Set<string>>();
    const nullable = (item: Item): boolean =>
      item.kind === 'opt' || item.kind === 'star' || item.kind === 'pos' || item.kind === 'neg' || item.kind === 'cut';
    const collect = (alts: Alt[], out: Set<string>): void => {
      for (const a of alts) {
        for (const n of a.items) {
          this.firstNames(n.item, out);
          if (!nullable(n.item)) break;
        }
      }
    };
    for (const r of this.rules.values()) {
      const s = new Set<string>();
      collect(r.alts, s);
      firstCalls.set(r.name, s);
    }
    const reaches = (from: string, to: string): boolean => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length) {
        const x = stack.pop() as string;
        for (const y of firstCalls.get(x) ?? []) {
          if (y === to) return true;
          if (!seen.has(y)) (seen.add(y), stack.push(y));
        }
      }
      return false;
    };
    const inCycle = new Set<string>();
    for (const r of this.rules.keys()) if (reaches(r, r)) inCycle.add(r);
    // Leader: the first rule of each cycle in grammar order.
    const covered = new Set<string>();
    for (const r of this.rules.keys()) {
      if (!inCycle.has(r) || covered.has(r)) continue;
      this.leaders.add(r);
      for (const o of inCycle) if (reaches(r, o) && reaches(o, r)) covered.add(o);
    }
  }

  private firstNames(item: Item, out: Set<string>): void {
    switch (item.kind) {
      case 'name':
        if (this.rules.has(item.name)) out.add(item.name);
        break;
      case 'group':
        for (const a of item.alts) if (a.items[0]) this.firstNames(a.items[0].item, out);
        break;
      case 'opt':
      case 'star':
      case 'plus':
      case 'forced':
        this.firstNames(item.item, out);
        break;
      case 'gather':
        this.firstNames(item.item, out);
        break;
      default:
        break;
    }
  }

  generate(): string {
    const methods: string[] = [];
    for (const r of this.rules.values()) methods.push(this.rule(r));
    return [
      '// Generated by scripts/parser/generate-parser.ts from src/engine/parser/grammar/python.peg: do not edit.',
      '/* eslint-disable */',
      '// @ts-nocheck -- actions are checked through the runtime they call, not one by one.',
      "import { ParserBase } from '../parser-base.js';",
      "import { N } from '../nodes.js';",
      "import * as H from '../action-helpers.js';",
      '',
      'export class GeneratedParser extends ParserBase {',
      ...methods,
      ...this.helpers,
      '}',
      '',
    ].join('\n');
  }

  /** The keywords apart from the parser, so the token stream reads them without importing it. */
  keywords(): string {
    return [
      '// Generated by scripts/parser/generate-parser.ts from src/engine/parser/grammar/python.peg: do not edit.',
      `/** The grammar's keywords: the token type of KEYWORDS[i] is KEYWORD_BASE + i. */`,
      `export const KEYWORDS: readonly string[] = ${JSON.stringify(this.keywordList)};`,
      `export const KEYWORD_BASE = ${KEYWORD_BASE};`,
      '',
    ].join('\n');
  }

  private ruleId = 0;
  private rule(r: Rule): string {
    const id = this.ruleId++;
    const leader = this.leaders.has(r.name);
    const invalid = r.name.startsWith('invalid_');
    const body = this.alts(r.alts, r.name);
    const lines: string[] = [];
    const fn = leader ? `_raw_${r.name}` : `r_${r.name}`;
    lines.push(`  ${fn}(): any {`);
    lines.push('    const p = this;');
    lines.push('    const _mark = p.mark;');
    if (r.memo && !leader) {
      lines.push(`    const _memo = p.memoGet(${id}); if (_memo !== undefined) return _memo;`);
      lines.push(`    const _res = this._body_${r.name}(_mark);`);
      lines.push(`    p.memoSet(${id}, _mark, _res);`);
      lines.push('    return _res;');
      lines.push('  }');
      lines.push(`  _body_${r.name}(_mark: number): any {`);
      lines.push('    const p = this;');
    }
    if (usesExtra(r.alts)) lines.push('    const _st = p.startTok();');
    if (r.name.endsWith('without_invalid')) {
      // As in pegen: nothing under this rule tries the invalid_ rules.
      lines.push('    const _prev = p.callInvalid;');
      lines.push('    p.callInvalid = false;');
      lines.push('    try {');
      lines.push(body);
      lines.push('    } finally { p.callInvalid = _prev; }');
    } else lines.push(body);
    lines.push('    return null;');
    lines.push('  }');
    if (leader) {
      lines.push(`  r_${r.name}(): any {`);
      lines.push(`    return this.leftRecursive(${id}, this._raw_${r.name});`);
      lines.push('  }');
    }
    void invalid;
    return lines.join('\n');
  }

  /** The alternatives of a rule or helper: each tried from `_mark`, the first success returns. */
  private alts(alts: Alt[], ruleName: string): string {
    const out: string[] = [];
    for (const a of alts) {
      const vars: string[] = [];
      /** Items that give a value (not lookaheads): an alternative without action returns its only one. */
      const values: string[] = [];
      const conds: string[] = [];
      let cut = false;
      let n = 0;
      let needsInvalid = false;
      for (const it of a.items) {
        if (it.item.kind === 'cut') {
          cut = true;
          conds.push('(_cut = true)');
          continue;
        }
        const v = it.name ?? `_${n++}`;
        vars.push(v);
        if (it.item.kind !== 'pos' && it.item.kind !== 'neg') values.push(v);
        conds.push(this.cond(it.item, v, ruleName));
      }
      // pegen tries an alternative made of one invalid_ rule only on the second pass.
      const only = a.items.length === 1 ? (a.items[0] as Named).item : null;
      if (only && only.kind === 'name' && only.name.startsWith('invalid_')) needsInvalid = true;
      let result: string;
      if (a.action !== null) result = this.action(a.action);
      else if (values.length === 1) result = values[0] as string;
      else result = 'p.dummy()';
      const guard = needsInvalid ? 'p.callInvalid && ' : '';
      out.push(`    { // ${altText(a).replace(/\n/g, ' ')}`);
      if (vars.length) out.push(`      let ${[...new Set(vars)].join(", ")};`);
      if (cut) out.push('      let _cut = false;');
      out.push(`      if (${guard}${conds.join(' &&\n        ') || 'true'}) {`);
      out.push(`        return ${result};`);
      out.push('      }');
      out.push('      p.mark = _mark;');
      if (cut) out.push('      if (_cut) return null;');
      out.push('    }');
    }
    return out.join('\n');
  }

  private action(code: string): string {
    return code.replace(/\bEXTRA\b/g, '_st, p.endTok()');
  }

  /** A condition that parses `item` into `v`, true on success. */
  private cond(item: Item, v: string, ruleName: string): string {
    switch (item.kind) {
      case 'opt':
        return `((${v} = ${this.expr(item.item, ruleName)}), true)`;
      case 'pos':
        return `p.lookahead(true, (${v} = p.mark, ${this.expr(item.item, ruleName)}), ${v})`;
      case 'neg':
        return `p.lookahead(false, (${v} = p.mark, ${this.expr(item.item, ruleName)}), ${v})`;
      case 'forced': {
        const inner = item.item;
        if (inner.kind !== 'keyword') throw new Error('&& only on tokens');
        return `(${v} = p.expectForced(${this.tokenCode(inner.value)}, ${JSON.stringify(inner.value)})) != null`;
      }
      default:
        return `(${v} = ${this.expr(item, ruleName)}) != null`;
    }
  }

  private tokenCode(value: string): string {
    if (/^[A-Za-z_]/.test(value)) {
      const i = this.keywordList.indexOf(value);
      if (i < 0) throw new Error(`keyword ${value}?`);
      return `${KEYWORD_BASE + i} /* '${value}' */`;
    }
    const type = OPERATOR_TYPES.get(value);
    if (type === undefined) throw new Error(`unknown operator ${value}`);
    return `${type} /* '${value}' */`;
  }

  /** An expression giving the item's value, or null when it fails. */
  private expr(item: Item, ruleName: string): string {
    switch (item.kind) {
      case 'name': {
        const tok = TOKEN_RULES[item.name];
        if (tok) return tok;
        if (!this.rules.has(item.name)) throw new Error(`unknown rule ${item.name} in ${ruleName}`);
        return `p.r_${item.name}()`;
      }
      case 'keyword':
        return `p.token(${this.tokenCode(item.value)})`;
      case 'soft':
        // "!" and "/" are written as soft keywords but are ordinary tokens.
        if (!/^[A-Za-z_]/.test(item.value)) return `p.token(${this.tokenCode(item.value)})`;
        return `p.softKeyword(${JSON.stringify(item.value)})`;
      case 'group':
        if (item.alts.length === 1 && item.alts[0]?.items.length === 1 && item.alts[0].action === null) {
          const only = item.alts[0].items[0] as Named;
          if (only.item.kind !== 'pos' && only.item.kind !== 'neg' && only.item.kind !== 'opt' && only.item.kind !== 'cut')
            return this.expr(only.item, ruleName);
        }
        return this.helper(ruleName, (name) => {
          return [`  ${name}(): any {`, '    const p = this;', '    const _mark = p.mark;', ...(usesExtra(item.alts) ? ['    const _st = p.startTok();'] : []), this.alts(item.alts, ruleName), '    return null;', '  }'].join('\n');
        });
      case 'opt':
        return this.expr(item.item, ruleName);
      case 'star':
      case 'plus': {
        const plus = item.kind === 'plus';
        return this.helper(ruleName, (name) =>
          [
            `  ${name}(): any {`,
            '    const p = this;',
            '    const _res: any[] = [];',
            '    for (;;) {',
            '      const _m = p.mark;',
            `      const _x = ${this.expr(item.item, ruleName)};`,
            '      if (_x == null) { p.mark = _m; break; }',
            '      _res.push(_x);',
            '    }',
            plus ? '    return _res.length ? _res : null;' : '    return _res;',
            '  }',
          ].join('\n'),
        );
      }
      case 'gather':
        return this.helper(ruleName, (name) =>
          [
            `  ${name}(): any {`,
            '    const p = this;',
            '    const _m0 = p.mark;',
            `    const _first = ${this.expr(item.item, ruleName)};`,
            '    if (_first == null) { p.mark = _m0; return null; }',
            '    const _res: any[] = [_first];',
            '    for (;;) {',
            '      const _m = p.mark;',
            `      if (${this.expr(item.sep, ruleName)} == null) { p.mark = _m; break; }`,
            `      const _x = ${this.expr(item.item, ruleName)};`,
            '      if (_x == null) { p.mark = _m; break; }',
            '      _res.push(_x);',
            '    }',
            '    return _res;',
            '  }',
          ].join('\n'),
        );
      case 'pos':
      case 'neg':
      case 'forced':
      case 'cut':
        return this.helper(ruleName, (name) =>
          [`  ${name}(): any {`, '    const p = this;', '    const _mark = p.mark;', this.alts([{ items: [{ name: null, item }], action: 'p.dummy()' }], ruleName), '    return null;', '  }'].join('\n'),
        );
    }
  }

  private helper(ruleName: string, make: (name: string) => string): string {
    const name = `_h${this.helperCount++}_${ruleName}`;
    this.helpers.push(make(name));
    return `p.${name}()`;
  }
}

/** Whether an action of these alternatives (not of nested groups) needs the start token. */
const usesExtra = (alts: Alt[]): boolean => alts.some((a) => a.action !== null && /\bEXTRA\b/.test(a.action));

function itemText(item: Item): string {
  switch (item.kind) {
    case 'name':
      return item.name;
    case 'keyword':
      return `'${item.value}'`;
    case 'soft':
      return `"${item.value}"`;
    case 'group':
      return `(${item.alts.map(altText).join(' | ')})`;
    case 'opt':
      return `${itemText(item.item)}?`;
    case 'star':
      return `${itemText(item.item)}*`;
    case 'plus':
      return `${itemText(item.item)}+`;
    case 'gather':
      return `${itemText(item.sep)}.${itemText(item.item)}+`;
    case 'pos':
      return `&${itemText(item.item)}`;
    case 'neg':
      return `!${itemText(item.item)}`;
    case 'forced':
      return `&&${itemText(item.item)}`;
    case 'cut':
      return '~';
  }
}
const altText = (a: Alt): string => a.items.map((n) => (n.name ? `${n.name}=` : '') + itemText(n.item)).join(' ');

/** One constructor per ast class (object literals, so every node of a class has one shape). */
export function generateNodes(): string {
  const out = [
    '// Generated by scripts/parser/generate-parser.ts from ast-spec.ts (CPython\'s ast classes): do not edit.',
    '/* eslint-disable */',
    "import type { Node } from '../node.js';",
    '',
    'interface Start { lineno: number; col_offset: number }',
    'interface End { end_lineno: number; end_col_offset: number }',
    '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
    'type Any = any;',
    '',
  ];
  for (const [name, , fields, attributes] of AST_CLASSES) {
    if (fields.length === 0 && attributes.length === 0) {
      out.push(`const $${name}: Node = Object.freeze({ _type: '${name}' });`);
      continue;
    }
    const params = fields.map(([f]) => `${f}: Any`);
    const props = fields.map(([f, kind]) => (kind === '?' ? `${f}: ${f} ?? null` : f));
    if (attributes.length) {
      params.push('$s: Start', '$e: End');
      props.push('lineno: $s.lineno', 'col_offset: $s.col_offset', 'end_lineno: $e.end_lineno', 'end_col_offset: $e.end_col_offset');
    }
    out.push(`const $${name} = (${params.join(', ')}): Node => ({ _type: '${name}', ${props.join(', ')} });`);
  }
  // Exported under their Python names (`arguments` can't name a const in strict mode).
  out.push('', 'export {', ...AST_CLASSES.map(([name]) => `  $${name} as ${name},`), '};');
  return out.join('\n') + '\n';
}

function generator(): Generator {
  const text = readFileSync(GRAMMAR, 'utf8');
  return new Generator(parseGrammar(text), text.replace(/#.*$/gm, '').replace(/\{[^}]*\}/g, ''));
}

export function generateParser(): string {
  return generator().generate();
}

export function generateKeywords(): string {
  return generator().keywords();
}

/** Every file the generator writes, with what it writes there (the test compares them). */
export const GENERATED_FILES: ReadonlyArray<readonly [string, () => string]> = [
  [OUTPUT, generateParser],
  [KEYWORDS_OUTPUT, generateKeywords],
  [NODES_OUTPUT, generateNodes],
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, generate] of GENERATED_FILES) {
    const code = generate();
    if (process.argv.includes('--check')) {
      if (readFileSync(path, 'utf8') !== code) {
        console.error(`${path} is out of date: run npx tsx scripts/parser/generate-parser.ts`);
        process.exit(1);
      }
    } else {
      writeFileSync(path, code);
      console.log(`wrote ${path}`);
    }
  }
}
