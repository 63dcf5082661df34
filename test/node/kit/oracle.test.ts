import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disText, runPython } from '../../oracle/cpython.js';

// The oracle itself: if it stops being CPython 3.14, every conformance test would be wrong.
test('the oracle is CPython 3.14 and captures output and exit status like a terminal', async () => {
  const ok = await runPython('import sys\nprint(sys.implementation.name, sys.version_info[:2])\nprint(0.1 + 0.2)');
  assert.equal(ok.stdout, "cpython (3, 14)\n0.30000000000000004\n");
  assert.equal(ok.status, 0);
  const exit = await runPython('import sys; sys.exit(3)');
  assert.equal(exit.status, 3);
  const error = await runPython('1/0');
  assert.equal(error.status, 1);
  assert.match(error.stderr, /^Traceback \(most recent call last\):\n  File "<string>", line 1, in <module>\n/);
  assert.match(error.stderr, /ZeroDivisionError: division by zero\n$/);
});

test('the oracle disassembles with dis', async () => {
  const text = await disText('spam = eggs - 1');
  assert.match(text, /LOAD_NAME\s+\d+ \(eggs\)/);
  assert.match(text, /STORE_NAME\s+\d+ \(spam\)/);
});
