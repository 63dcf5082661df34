// Escape sequences CPython's unicode-escape decoder rejects: the message names the positions as
// CPython counts them (each non-ASCII character as a 10-character \U escape). And \N{...} with
// the name table not loaded (unicode-names.test.ts tests it loaded): we say so rather than guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oracleSyntaxErrors } from '../../oracle/ast.js';
import { ourError } from './our-error.js';

const REJECTED = [
  'x = "\\N{NOPE"',
  'x = "\\Nx"',
  'x = "é\\x1"',
  'x = "\\xZZ"',
  'x = "ab\\u12"',
  'x = "\\U00110000"',
  'x = "😀 \\uZ"',
  "x = '''a\nb\\x4'''",
];

test('str escapes CPython rejects raise its SyntaxError, positions included', async () => {
  const expected = await oracleSyntaxErrors(REJECTED);
  REJECTED.forEach((source, i) => {
    assert.notEqual(expected[i], null, `CPython rejects ${source}`);
    assert.equal(JSON.stringify(ourError(source)), JSON.stringify(expected[i]), source);
  });
});

test('\\N{...} names before the name table is loaded: a message that says how to load it, never a wrong character', async () => {
  const [accepted] = await oracleSyntaxErrors(['x = "\\N{BULLET}"']);
  assert.ok(accepted == null, 'CPython accepts it');
  const ours = ourError('x = "\\N{BULLET}"');
  assert.ok(typeof ours !== 'string', 'we raise rather than guess');
  assert.match(ours.msg, /pyinnards has not loaded its Unicode name table for \\N\{\.\.\.\} escapes: await loadUnicodeNames\(\) from pyinnards\/parser/);
});
