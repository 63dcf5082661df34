// dump() against ast.dump for the options the CLI can't reach: one line (indent None), a string
// indent, include_attributes and show_empty in every combination.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, dump } from '../../../src/engine/parser/index.js';
import { cpython } from '../../oracle/cpython.js';

const SOURCE = 'def f(a, *, b=None):\n    return {**a, "k": [b, ...]} if a else f"{a!r}"\nclass C: pass\n';

test('dump matches ast.dump with indent None / "\\t" / 2, with and without attributes and empty fields', async () => {
  const py = await cpython();
  const theirs = py.runPython(`
def _dumps(src):
    import ast
    tree = ast.parse(src, type_comments=True)
    return [ast.dump(tree, indent=i, include_attributes=a, show_empty=e)
            for i in (None, "\\t", 2) for a in (False, True) for e in (False, True)]
_dumps`) as (s: string) => { toJs(): string[]; destroy(): void };
  const r = theirs(SOURCE);
  const expected = r.toJs();
  r.destroy();
  const tree = parse(SOURCE);
  const ours: string[] = [];
  for (const indent of [null, '\t', 2]) for (const a of [false, true]) for (const e of [false, true]) ours.push(dump(tree, { indent, includeAttributes: a, showEmpty: e }));
  assert.deepEqual(ours, expected);
});
