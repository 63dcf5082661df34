// The keyword hint of traceback.format_exception_only ("invalid syntax. Did you mean 'and'?")
// against CPython 3.14 computed here: misspelled keywords in many places (one line, blocks, after
// compound statements, in functions and loops where the compiler has a say), and the two
// building blocks against difflib.get_close_matches and _suggestions._generate_suggestions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpython } from '../../oracle/cpython.js';
import { oracleSyntaxErrors } from '../../oracle/ast.js';
import { ourError } from './our-error.js';
import { closeMatches } from '../../../src/engine/parser/close-matches.js';
import { suggestName } from '../../../src/engine/parser/name-suggestion.js';
import { KWLIST } from '../../../src/engine/tokenizer/cpython-data.js';

/** A few misspellings of a word: a letter dropped, two swapped, one changed, capitalised. */
function typos(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    if (i % 2) out.add(word.slice(0, i) + 'x' + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.add(word[0]!.toUpperCase() + word.slice(1));
  out.delete(word);
  return [...out].filter((w) => /^[A-Za-z_]\w*$/.test(w));
}

const TEMPLATES = [
  (t: string) => `x = a ${t} b\n`,
  (t: string) => `${t} x:\n    pass\n`,
  (t: string) => `${t} x\n`,
  (t: string) => `${t}\n`,
  (t: string) => `def f():\n    ${t} x\n`,
  (t: string) => `for i in y:\n    ${t}\n`,
  (t: string) => `if a:\n    pass\nelse:\n    y = 1\nz = [a ${t} b]\n`,
  (t: string) => `class A:\n    def f(self):\n        return 1\n    x = a ${t} b\n`,
  (t: string) => `while x:\n    if y:\n        pass\n    ${t} z\n`,
  (t: string) => `async def f():\n    ${t} g()\n`,
  (t: string) => `x = [i ${t} i in y]\n`,
  (t: string) => `print(a ${t}\n      b)\n`,
  (t: string) => `try:\n    pass\n${t}:\n    pass\n`,
  (t: string) => `${t} a:\n    x = 1\n    y = 2\n`,
  (t: string) => `def f():\n    x = 1\n    def g():\n        ${t} x\n`,
  (t: string) => `def f():\n    class C:\n        ${t} x\n    x = 1\n`,
];

test('misspelled keywords get CPython’s hint, place and caret', async () => {
  const sources: string[] = [];
  for (const kw of KWLIST) for (const t of typos(kw)) for (const template of TEMPLATES) sources.push(template(t));
  const expected = await oracleSyntaxErrors(sources);
  let hinted = 0;
  const failures: string[] = [];
  sources.forEach((source, i) => {
    const want = expected[i];
    if (!want) return;
    if (want.formatted.includes('Did you mean')) hinted++;
    const got = ourError(source);
    const gotText = typeof got === 'string' ? got : got.formatted;
    if (gotText !== want.formatted) failures.push(`${JSON.stringify(source)}\n  want ${JSON.stringify(want.formatted)}\n  got  ${JSON.stringify(gotText)}`);
  });
  console.log(`# ${sources.length} programs, ${hinted} with a hint`);
  assert.ok(hinted > 400, 'the corpus exercises the hint');
  assert.deepEqual(failures.slice(0, 10), []);
});

test('long sources (over 1024 characters before the error) get no hint, as in CPython', async () => {
  const source = 'x = 1\n'.repeat(200) + 'y = a ad b\n';
  const [want] = await oracleSyntaxErrors([source]);
  const got = ourError(source);
  assert.ok(want && typeof got !== 'string');
  assert.equal(got.formatted, want.formatted);
  assert.ok(!want.formatted.includes('Did you mean'));
});

const WORDS = [
  'ad', 'nad', 'an', 'adn', 'AND', 'Not', 'whle', 'retrun', 'improt', 'fro', 'form', 'esle', 'elfi', 'asyn', 'awiat',
  'lamda', 'nonlcal', 'glbal', 'yeild', 'contnue', 'brak', 'clas', 'deff', 'tru', 'fals', 'none', 'NONE', 'iff',
  'isnot', 'notin', 'x', 'xyzzy', 'é', 'anδ', 'ｄｅｆ', 'a'.repeat(39), 'a'.repeat(41), 'really', 'Single', 'go',
  'xy'.repeat(120) + 'and', 'finaly', 'excpet', 'raies', 'pas', 'wiht', 'assrt', 'del_', '_', 'match', 'case', 'type',
];

test('the "Did you mean" choice and difflib’s close matches are CPython’s', async () => {
  const py = await cpython();
  const fn = py.runPython(`
def _both(words):
    import difflib, keyword, _suggestions
    return [[_suggestions._generate_suggestions(keyword.kwlist, w), difflib.get_close_matches(w, keyword.kwlist, n=3, cutoff=0.5),
             difflib.get_close_matches(w, [w[:3] + 'q' * i for i in range(5)] + keyword.kwlist, n=4, cutoff=0.3)] for w in words]
_both
`) as (w: unknown) => { toJs(): Array<[string | undefined, string[], string[]]>; destroy(): void };
  const r = fn(py.toPy(WORDS));
  const want = r.toJs();
  r.destroy();
  WORDS.forEach((w, i) => {
    const [suggestion, close, closeMore] = want[i]!;
    assert.equal(suggestName(KWLIST, w), suggestion ?? null, `suggestion for ${w}`);
    assert.deepEqual(closeMatches(w, KWLIST, 3, 0.5), close, `close matches for ${w}`);
    const more = [...Array(5).keys()].map((k) => w.slice(0, 3) + 'q'.repeat(k));
    assert.deepEqual(closeMatches(w, [...more, ...KWLIST], 4, 0.3), closeMore, `close matches among more for ${w}`);
  });
});
