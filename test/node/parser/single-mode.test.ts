// Mode 'single' (what the prompt compiles): one statement, then only blanks and comments; more
// is CPython's "multiple statements found while compiling a single statement", raised after the
// parse succeeded, at the last token read. Compared with `python -m ast -m single` (CPython 3.14).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runAst } from '../../../src/cli/ast-command.js';
import { oracleAst } from '../../oracle/ast.js';

const SOURCES = [
  'x = 1\ny = 2\n',
  'x = 1\ny',
  'x = (\n1)\nz\n',
  'x = 1; y = 2\n',
  'x = 1\n\n  \n# a comment\n',
  'if x:\n    pass\n',
  'if x:\n    pass\ny = 1\n',
  'def f():\n    return 1\n\nf()\n',
  'x = 1  # trailing\n\t\f\n',
];

describe("mode 'single', compared with python -m ast -m single", () => {
  for (const source of SOURCES) {
    it(JSON.stringify(source), async () => {
      const bytes = new TextEncoder().encode(source);
      const theirs = await oracleAst(['-a', '-m', 'single'], bytes);
      const ours = runAst(['-a', '-m', 'single'], () => bytes, () => bytes);
      assert.deepEqual(ours, theirs);
    });
  }
  it('the first source is one CPython rejects (the test can fail)', async () => {
    const theirs = await oracleAst(['-m', 'single'], new TextEncoder().encode(SOURCES[0]!));
    assert.match(theirs.stderr, /multiple statements found while compiling a single statement/);
  });
});
