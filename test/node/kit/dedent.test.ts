import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dedent } from '../../../src/elements/dedent.js';
import { runPython } from '../../oracle/cpython.js';

// Code written inside HTML is indented with the page; we remove that as textwrap.dedent would,
// after dropping the blank lines around it.
const CASES = [
  '\n    def f():\n        return 1\n  ',
  '\n\n\tif x:\n\t\tpass\n',
  '    a = 1\n\n      b = 2\n    c = 3',
  '  x\n \ty\n',
  '    a\n  \n    b\n',
  'no indent\n  indented',
  '\r\n    crlf\r\n      line\r\n',
  '   \n   \n',
  '        class Dog:\n            def bark(self):\n                return "Woof!"\n        ',
];

test('dedent agrees with textwrap.dedent on the lines between the blank ones', async () => {
  const script = `
import json, sys, textwrap
cases = json.loads(sys.stdin.read())
out = []
for case in cases:
    lines = case.replace("\\r\\n", "\\n").replace("\\r", "\\n").split("\\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    out.append(textwrap.dedent("\\n".join(lines)))
print(json.dumps(out))
`;
  const { stdout, stderr, status } = await runPython(script, { stdin: JSON.stringify(CASES) });
  assert.equal(status, 0, stderr);
  const expected = JSON.parse(stdout) as string[];
  assert.deepEqual(CASES.map(dedent), expected);
});
