// The console element's pure logic: Enter's rules (CPython 3.14's _pyrepl maybe_accept and its
// auto-indent), and how the element's code is cut into inputs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enterAction, newlineAt } from '../../../src/elements/repl/enter-rules.js';
import { preloadInputs } from '../../../src/elements/repl/preload-inputs.js';
import { tokenizeSafe, tokName } from '../../../src/engine/tokenizer/for-text.js';
import { runPython } from '../../oracle/cpython.js';

describe('Enter', () => {
  it('auto-indents as _pyrepl does', async () => {
    const texts = ['if x:', '    y = 1', 'def f():\n    if x:  # note', 'x = 1', 'for a in b:\n\tpass', '    ', 'class A:\n  def m(self):', 'd = {1: 2', 's = "a:"  # c:'];
    // The cursor at the end, and in the middle of the first line.
    const cases = texts.flatMap((text): Array<[string, number]> => [[text, text.length], [text, Math.min(3, text.length)]]);
    // CPython's own helpers, on the same text and cursor: the newline the line editor inserts.
    const result = await runPython(
      [
        'import json, sys',
        'from _pyrepl.readline import _get_previous_line_indent, _should_auto_indent, _get_first_indentation',
        'out = []',
        'for text, pos in json.loads(sys.stdin.read()):',
        '    buffer = list(text)',
        '    start, indent = _get_previous_line_indent(buffer, pos)',
        '    inserted = "\\n" + ("".join(buffer[start:start + indent]) if indent else "")',
        '    after = buffer[:pos] + list(inserted) + buffer[pos:]',
        '    if _should_auto_indent(after, pos + len(inserted)):',
        '        inserted += _get_first_indentation(after) or "    "',
        '    out.append(inserted)',
        'print(json.dumps(out))',
      ].join('\n'),
      { stdin: JSON.stringify(cases) },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(cases.map(([text, pos]) => newlineAt(text, pos, '    ')), JSON.parse(result.stdout));
  });

  it('asks the interpreter at the end, breaks the line elsewhere, and ends a block on a blank line', () => {
    assert.deepEqual(enterAction('1 + 1', 5, '    '), { kind: 'ask', afterMore: '\n' });
    assert.deepEqual(enterAction('if x:\n    y\nz', 5, '    '), { kind: 'newline', insert: '\n    ' });
    // The cursor on an indented blank last line, spaces after it: the block is done.
    assert.deepEqual(enterAction('if x:\n    y\n    ', 12, '    '), { kind: 'run' });
    assert.deepEqual(enterAction('if x:\n    y\n    ', 16, '    '), { kind: 'ask', afterMore: '\n' });
  });
});

describe('the element’s code as typed inputs', () => {
  const cut = (code: string) => preloadInputs(code, { tokenizeSafe, tokName });

  it('one input per top-level statement, blocks whole with their clauses and decorators', () => {
    assert.deepEqual(
      cut('import asyncio\n\n# a note\n@decorate\ndef f():\n    # inside\n    return 1\n\nif f():\n    x = 1\nelse:\n    x = 2\nx = (1,\n     2)\nprint(x)\n'),
      ['import asyncio', '# a note', '@decorate\ndef f():\n    # inside\n    return 1', 'if f():\n    x = 1\nelse:\n    x = 2', 'x = (1,\n     2)', 'print(x)'],
    );
  });

  it('sends code that does not tokenize whole, and nothing for none', () => {
    assert.deepEqual(cut('x = "unterminated\ny = 1'), ['x = "unterminated\ny = 1']);
    assert.deepEqual(cut(''), []);
    assert.deepEqual(cut('\n\n'), []);
  });
});
