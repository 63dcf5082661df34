// Skulpt has no codeop, so its console decides when an input is complete with our tokenizer
// (needsMoreInput in source-scan.ts). Compared here with CPython 3.14's own rule, _pyrepl's
// _more_lines, over inputs as the prompt holds them when Enter is pressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPython } from '../../oracle/cpython.js';
import { needsMoreInput } from '../../../src/engine/runtime/skulpt/source-scan.js';

const INPUTS = [
  '', '   ', '# comment', '1 + 1', 'x = 1', 'print("hi")', '1 +', 'x = = 2', '"unterminated',
  '(1 +', '(1 +\n 2)', '[1,\n2,', 'x = 1 + \\', 'x = 1 + \\\n  41', '"""doc', '"""doc\nmore"""',
  'if True:', 'if True:\n    x = 1', 'if True:\n    x = 1\n', 'if True:\n    x = 1\n    ', 'for i in range(3):\n    print(i)',
  'for i in range(3):\n    print(i)\n', 'def f():\n    return 1', 'def f():\n    return 1\n', 'def f(): return 1',
  'class A:\n    pass\n', '@decorator', '@decorator\ndef f(): pass', '@decorator\ndef f(): pass\n',
  'try:\n    1/0\nexcept ZeroDivisionError:\n    pass', 'try:\n    1/0\nexcept ZeroDivisionError:\n    pass\n',
  'a = 1\nb = 2', 'a = 1\nb = 2\n', 'def f():\n    return 1\n\nf()', 'def f():\n    return 1\n\nf()\n',
  'if True:\nprint(1)', 'while x:\n    x -= 1\n', 'with open(p) as f:', 'x = {\n  "a": 1,\n}',
];

test('needsMoreInput decides as CPython 3.14’s console does', async () => {
  const result = await runPython(
    [
      'import json, sys',
      'from _pyrepl.console import InteractiveColoredConsole',
      'from _pyrepl.simple_interact import _more_lines',
      'console = InteractiveColoredConsole()',
      'print(json.dumps([_more_lines(console, text) for text in json.loads(sys.stdin.read())]))',
    ].join('\n'),
    { stdin: JSON.stringify(INPUTS) },
  );
  assert.equal(result.status, 0, result.stderr);
  const expected = JSON.parse(result.stdout) as boolean[];
  assert.deepEqual(
    INPUTS.map((text) => [text, needsMoreInput(text)]),
    INPUTS.map((text, i) => [text, expected[i]]),
  );
});
