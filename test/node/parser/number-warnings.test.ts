// "invalid decimal literal" and its kin: CPython's tokenizer warns where a number runs straight
// into a keyword (`1if x else 2`, `0x1for`) and raises where it runs into any other name. The
// warnings come as the parser reads each number, in order with the escape-sequence warnings,
// also for the rest of the file after a SyntaxError (the tokenizer reads on to the end), and
// again from traceback's search for a keyword hint (as "<input>"). Compared with `python -m ast`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAst } from '../../../src/cli/ast-command.js';
import { oracleAst } from '../../oracle/ast.js';
import { writeOracleFiles } from '../../oracle/tokenize.js';
import { parse } from '../../../src/engine/parser/index.js';

const enc = new TextEncoder();

const SOURCES = [
  'x = 1if y else 2\n',
  'x = [0x1for x in y]\n',
  'a = 1jif x else 0o7or 0b1and 1.else 1e5in 1.5is 0not in x\n',
  'y = "\\d" + 1if x else 2\n',
  'y = 1if "\\d" else 2\n',
  'x = 1if y else 2\ny = (\nz = 2or 3\n',
  'x = 1 +\ny = 2or 3\n',
  'x = (1if y else 2\n',
  'x = 1if y else 2 $ 3\ny = 2or 3\n',
  'x = 1if y else 2\n    y = 3\n',
  'if x:\n    y = 0x_fand 1\nelse:\n    z = 1_0or 2\n',
  'x = 1andy\n',
  'x = 1 if y else 2\nz = 1.5j if 0b1 else 0o7\n',
  'f"{1if x else 2}"\n',
  'x = [1for x in y]\nprint(1 ad 2)\n',
  'def f():\n    return 1if x else 2\n',
  'x = 1or"a"\n',
  'x = 1ifx\n',
  'x = 1isnt\n',
  'x = 1elsewhere\n',
  'x = 0x1fore\n',
  'x = 1noté\n',
];

test('number-into-keyword warnings on stderr, as python -m ast prints them (stdin)', async () => {
  for (const source of SOURCES) {
    const bytes = enc.encode(source);
    const theirs = await oracleAst(['-'], bytes);
    const ours = runAst(['-'], () => new Uint8Array(), () => bytes);
    assert.deepEqual(ours, theirs, JSON.stringify(source));
  }
});

test('number-into-keyword warnings name the file and show its line (FILE)', async () => {
  const source = 'x = 1if y else 2\nif z:\n    w = [0x1for q in r]\n';
  await writeOracleFiles([['/tmp/ast-warn/w.py', enc.encode(source)]]);
  const theirs = await oracleAst(['/tmp/ast-warn/w.py']);
  assert.match(theirs.stderr, /invalid hexadecimal literal/);
  assert.deepEqual(runAst(['/tmp/ast-warn/w.py'], () => enc.encode(source), () => new Uint8Array()), theirs);
});

test('the library reports them to onWarning with their lines', () => {
  const seen: Array<{ lineno: number; message: string }> = [];
  parse('x = 1if y else 2\ny = 0b1or 1\n', { onWarning: (w) => seen.push(w) });
  assert.deepEqual(seen, [
    { lineno: 1, message: 'invalid decimal literal' },
    { lineno: 2, message: 'invalid binary literal' },
  ]);
});
