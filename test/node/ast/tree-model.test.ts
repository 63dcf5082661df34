// <py-ast>'s tree model (DOM-free): the tree shows exactly what ast.dump shows, its spans are the
// code CPython's positions name, the cursor finds its innermost node, closed subtrees are never
// built, and element.tree is exact JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as parser from '../../../src/engine/parser/index.js';
import { TreeModel, type TreeItem } from '../../../src/elements/ast/tree-model.js';
import { LineColumns } from '../../../src/elements/ast/positions.js';
import { treeToJson } from '../../../src/elements/ast/tree-json.js';
import { DUMP_OPTIONS, type AstFixture } from '../../fixtures/ast-samples.js';
import { cpython } from '../../oracle/cpython.js';

const fixtures = JSON.parse(readFileSync('test/fixtures/ast-samples.json', 'utf8')) as AstFixture[];
// Some samples name characters (\N{...}).
await parser.loadUnicodeNames();

/** The one-line ast.dump text the items spell, field by field. */
function spell(model: TreeModel, index = 0): string {
  const item = model.items[index]!;
  const prefix = item.field === undefined ? '' : `${item.field}=`;
  const inner = model.children(index).map((child) => spell(model, child)).join(', ');
  if (item.kind === 'node') return `${prefix}${item.label}(${inner})`;
  if (item.kind === 'list') return `${prefix}[${inner}]`;
  return prefix + item.label;
}

for (const fixture of fixtures.filter((f) => f.dumps)) {
  test(`the tree shows what ast.dump shows, for every option: ${fixture.name}`, () => {
    const tree = parser.parse(fixture.code, { mode: fixture.mode });
    DUMP_OPTIONS.forEach((options, i) => {
      if (options.indent !== null) return;
      const model = new TreeModel(parser, tree, fixture.code, options);
      assert.equal(spell(model), fixture.dumps![i], JSON.stringify(options));
      model.items.forEach((item, index) => {
        assert.equal(item.posinset <= item.setsize, true);
        assert.equal(item.branch, model.children(index).length > 0);
        for (const child of model.children(index)) assert.equal(model.items[child]!.level, item.level + 1);
      });
    });
  });
}

test("each located node's span is the code ast.get_source_segment gives (columns in UTF-8 bytes converted)", async () => {
  const py = await cpython();
  const segments = py.runPython(`
def _segments(src):
    import ast
    return [ast.get_source_segment(src, n) for n in ast.walk(ast.parse(src)) if hasattr(n, "end_col_offset") and n.end_col_offset is not None]
_segments`) as (s: string) => { toJs(): string[]; destroy(): void };
  for (const fixture of fixtures.filter((f) => f.dumps && f.mode === 'exec')) {
    const r = segments(fixture.code);
    const expected = r.toJs().sort();
    r.destroy();
    const lines = fixture.code.split('\n');
    const slice = (item: TreeItem) => {
      const [[l1, c1], [l2, c2]] = [item.span!.start, item.span!.end];
      const chars = (line: number) => [...lines[line - 1]!];
      if (l1 === l2) return chars(l1).slice(c1, c2).join('');
      return [chars(l1).slice(c1).join(''), ...lines.slice(l1, l2 - 1), chars(l2).slice(0, c2).join('')].join('\n');
    };
    const model = new TreeModel(parser, parser.parse(fixture.code), fixture.code, { includeAttributes: false, showEmpty: false });
    const ours = model.visible(() => true).map((i) => model.items[i]!).filter((item) => item.located).map(slice).sort();
    assert.deepEqual(ours, expected, fixture.name);
  }
});

test('the cursor finds the innermost node, counting columns as CPython does', () => {
  const code = 'café = "naïve"\n𝔘 = café + 1';
  const model = new TreeModel(parser, parser.parse(code), code, { includeAttributes: false, showEmpty: false });
  const columns = new LineColumns(code);
  const at = (line: number, column: number) => model.innermostAt(line, columns.toBytes(line, column));
  const name = (index: number | undefined) => {
    const item = model.items[index!]!;
    const id = model.children(index!).map((c) => model.items[c]!).find((c) => c.field === 'id' || c.field === 'value');
    return `${item.label}(${id?.label})`;
  };
  assert.equal(name(at(2, 5)), "Name('café')", 'inside café on line 2 (after a 4-byte 𝔘)');
  assert.equal(name(at(2, 8)), "Name('café')", 'right after café');
  assert.equal(name(at(2, 11)), 'Constant(1)');
  assert.equal(model.items[at(2, 9)!]!.label, 'BinOp', 'the space between operands is the BinOp');
  assert.equal(name(at(1, 10)), "Constant('naïve')");
  assert.equal(model.items[at(1, 5)!]!.label, 'Assign', 'at the = sign');
  assert.deepEqual(model.ancestors(at(2, 5)!).map((i) => model.items[i]!.label), ['Module', '[2 items]', 'Assign', 'BinOp']);
});

test('the cursor search agrees with a search over every item, and builds only its path', () => {
  const fixture = fixtures.find((f) => f.name === 'class, f-string and match')!;
  const tree = parser.parse(fixture.code);
  const everything = new TreeModel(parser, tree, fixture.code, { includeAttributes: false, showEmpty: false });
  const all = everything.visible(() => true);
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);
  const lines = fixture.code.split('\n');
  lines.forEach((text, l) => {
    for (let byte = 0; byte <= new TextEncoder().encode(text).length; byte++) {
      // The rule, over every item in pre-order: the deepest holding (or ending at) the place.
      let best: number | undefined;
      let bestHolds = false;
      for (const i of all) {
        const span = everything.items[i]!.located;
        if (!span || before(l + 1, byte, span.lineno, span.col)) continue;
        const holds = before(l + 1, byte, span.endLineno, span.endCol);
        if (!holds && !(l + 1 === span.endLineno && byte === span.endCol)) continue;
        const level = best === undefined ? -1 : everything.items[best]!.level;
        if (everything.items[i]!.level > level || (everything.items[i]!.level === level && holds && !bestHolds)) [best, bestHolds] = [i, holds];
      }
      const lazy = new TreeModel(parser, tree, fixture.code, { includeAttributes: false, showEmpty: false });
      const found = lazy.innermostAt(l + 1, byte);
      assert.equal(found === undefined ? undefined : lazy.items[found]!.key, best === undefined ? undefined : everything.items[best]!.key, `line ${l + 1}, byte ${byte}`);
      if (found !== undefined) assert.ok(lazy.items.length < all.length, 'only the path is built');
    }
  });
});

test('closed items show no children and build none; opening one builds its children', () => {
  const code = 'a < b < c';
  const model = new TreeModel(parser, parser.parse(code), code, { includeAttributes: false, showEmpty: false });
  assert.deepEqual(model.visible(() => false), [0]);
  assert.equal(model.items.length, 1, 'nothing under a closed root is built');
  const upTo2 = model.visible((i) => model.items[i]!.level <= 2).map((i) => model.items[i]!.label);
  assert.deepEqual(upTo2, ['Module', '[1 item]', 'Expr']);
  assert.equal(model.items.length, 3, 'the closed Expr has no items under it yet');
  const all = model.visible(() => true);
  assert.equal(all.length, model.items.length);
  assert.deepEqual(all.map((i) => model.items[i]!.key), [...all].map((i) => model.items[i]!.key), 'in pre-order');
  assert.equal(spell(model), 'Module(body=[Expr(value=Compare(left=Name(id=\'a\', ctx=Load()), ops=[Lt(), Lt()], comparators=[Name(id=\'b\', ctx=Load()), Name(id=\'c\', ctx=Load())]))])');
});

test('element.tree is JSON that keeps every constant exact', () => {
  const fixture = fixtures.find((f) => f.name === 'constants of every kind')!;
  const json = treeToJson(parser, parser.parse(fixture.code));
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json, 'survives JSON.stringify');
  const values: unknown[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const node = v as Record<string, unknown>;
      if (node._type === 'Constant') values.push(node.value);
      Object.values(node).forEach(visit);
    }
  };
  visit(json);
  // The reprs, in order, as CPython's ast.dump writes them.
  const dumped = [...fixture.dumps![0]!.matchAll(/Constant\(value=(.*?)\)(?=\))/g)].map((m) => m[1]);
  const shown = values.map((v) => (v && typeof v === 'object' ? (v as { repr: string }).repr : v === null ? 'None' : `'${String(v)}'`));
  assert.deepEqual(shown, dumped);
  assert.deepEqual(values[0], { type: 'int', repr: '12345678901234567890' });
});
