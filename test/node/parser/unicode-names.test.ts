// \N{...} escapes against CPython 3.14 (Pyodide's unicodedata, Unicode 16): every named
// character round-trips, every alias gives CPython's character, lower-case spellings work where
// CPython's do, and names CPython refuses (named sequences, Hangul and CJK spelled otherwise,
// unknown words) raise its exact SyntaxError. The table is the generator's output of today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cpython } from '../../oracle/cpython.js';
import { oracleSyntaxErrors } from '../../oracle/ast.js';
import { ourError } from './our-error.js';
import { parse, unicodeNamesLoaded, loadUnicodeNames } from '../../../src/engine/parser/index.js';
import { generate } from '../../../scripts/parser/generate-unicode-names.js';

type Py = (...args: unknown[]) => { toJs(): unknown; destroy(): void };

async function ask<T>(code: string, ...args: unknown[]): Promise<T> {
  const py = await cpython();
  const fn = py.runPython(code) as Py;
  const r = fn(...args.map((a) => py.toPy(a)));
  const value = r.toJs() as T;
  r.destroy();
  return value;
}

/** The value of the one string constant in `source` (x = "..."), parsed by us. */
function ourString(source: string): string {
  const tree = parse(source) as unknown as { body: Array<{ value: { value: string } }> };
  return tree.body[0]!.value.value;
}

test('a \\N{...} escape before the table is loaded says how to load it', async () => {
  assert.equal(unicodeNamesLoaded(), false);
  const ours = ourError('x = "\\N{BULLET}"');
  assert.ok(typeof ours !== 'string');
  assert.match(ours.msg, /has not loaded its Unicode name table.*loadUnicodeNames\(\)/);
  await loadUnicodeNames();
  assert.equal(unicodeNamesLoaded(), true);
  assert.equal(ourString('x = "\\N{BULLET}"'), '\u2022');
});

test('every named character round-trips through \\N{name} as in CPython', async () => {
  await loadUnicodeNames();
  const names = await ask<Array<[number, string]>>(`
def _names():
    import unicodedata as u
    return [(c, u.name(chr(c))) for c in range(0x110000) if u.name(chr(c), None)]
_names`);
  assert.ok(names.length > 140000, `${names.length} names`);
  for (let i = 0; i < names.length; i += 4000) {
    const part = names.slice(i, i + 4000);
    const got = [...ourString(`x = "${part.map(([, n]) => `\\N{${n}}`).join('')}"`)];
    assert.deepEqual(got.map((c) => c.codePointAt(0)), part.map(([c]) => c), `names from U+${part[0]![0].toString(16)}`);
  }
});

test('aliases give CPython’s character; lower case works where CPython’s does', async () => {
  await loadUnicodeNames();
  const [aliases, sample] = await ask<[Array<[string, number]>, Array<[string, number | undefined]>]>(`
def _aliases():
    import unicodedata as u, random
    aliases = []
    for c in range(0xF0000, 0xF0200):
        b = chr(c).encode('ascii', 'namereplace')
        if b.startswith(b'\\\\N{'):
            aliases.append((b[3:-1].decode(), ord(u.lookup(b[3:-1].decode()))))
    rnd = random.Random(17)
    names = [u.name(chr(c)) for c in range(0x110000) if u.name(chr(c), None)]
    tries = [n.lower() for n in rnd.sample(names, 3000)] + [a.lower() for a, _ in aliases] + [n.title() for n in rnd.sample(names, 500)]
    sample = []
    for n in tries:
        try:
            sample.append((n, ord(('\\\\N{%s}' % n).encode().decode('unicode_escape'))))
        except UnicodeDecodeError:
            sample.append((n, None))
    return [aliases, sample]
_aliases`);
  assert.ok(aliases.length > 400, `${aliases.length} aliases`);
  for (const [alias, c] of aliases) assert.equal(ourString(`x = "\\N{${alias}}"`).codePointAt(0), c, alias);
  assert.ok(sample.some(([, c]) => c == null) && sample.some(([, c]) => c != null), 'the sample has both outcomes');
  for (const [name, c] of sample) {
    const ours = ourError(`x = "\\N{${name}}"`);
    if (c == null) assert.ok(typeof ours !== 'string' && ours.msg.includes('unknown Unicode character name'), name);
    else assert.equal(ourString(`x = "\\N{${name}}"`).codePointAt(0), c, name);
  }
});

test('names CPython refuses raise its exact SyntaxError', async () => {
  await loadUnicodeNames();
  const sequences = await ask<string[]>(`
def _seqs():
    out = []
    for c in range(0xF0200, 0xF0400):
        b = chr(c).encode('ascii', 'namereplace')
        if b.startswith(b'\\\\N{'):
            out.append(b[3:-1].decode())
    return out
_seqs`);
  assert.ok(sequences.length > 10, 'named sequences exist');
  const bad = [
    ...sequences.slice(0, 20),
    'NOPE', 'LATIN SMALL LETTER  A', ' LATIN SMALL LETTER A', 'LATIN SMALL LETTER A ', 'é', 'x'.repeat(300),
    'hangul syllable GA', 'HANGUL SYLLABLE gA', 'HANGUL SYLLABLE', 'HANGUL SYLLABLE GAGX', 'HANGUL SYLLABLE GGGA',
    'CJK UNIFIED IDEOGRAPH-4e00', 'cjk unified ideograph-4E00', 'CJK UNIFIED IDEOGRAPH-004E00', 'CJK UNIFIED IDEOGRAPH-FA0E',
    'CJK UNIFIED IDEOGRAPH-', 'CJK UNIFIED IDEOGRAPH-E00', 'CJK UNIFIED IDEOGRAPH-2A6E0', 'CJK COMPATIBILITY IDEOGRAPH-0F900',
    'EGYPTIAN HIEROGLYPH-013460', 'KHITAN SMALL SCRIPT CHARACTER-18B00X', 'TANGUT IDEOGRAPH-17000', 'NUSHU CHARACTER-1B16F',
  ];
  const good = [
    'HANGUL SYLLABLE GA', 'HANGUL SYLLABLE A', 'HANGUL SYLLABLE HIH', 'HANGUL SYLLABLE GGYAESS',
    'CJK UNIFIED IDEOGRAPH-4E00', 'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-3400', 'CJK UNIFIED IDEOGRAPH-2A6DF',
    'cjk compatibility ideograph-f900', 'egyptian hieroglyph-13460', 'Nushu Character-1B170', 'khitan small script character-18b00',
  ];
  const sources = [...bad, ...good].map((n) => `x = "a\\N{${n}}b"`);
  const expected = await oracleSyntaxErrors(sources);
  sources.forEach((source, i) => {
    if (expected[i] == null) assert.equal(typeof ourError(source), 'string', `${source} parses in CPython`);
    else assert.equal(JSON.stringify(ourError(source)), JSON.stringify(expected[i]), source);
  });
  assert.ok(expected.slice(bad.length).every((e) => e == null), 'CPython accepts the good ones');
  assert.ok(expected.slice(0, bad.length).every((e) => e != null), 'CPython refuses the bad ones');
});

test('src/engine/parser/unicode-names-data.ts is what the generator writes from CPython', async () => {
  assert.ok(readFileSync('src/engine/parser/unicode-names-data.ts', 'utf8') === (await generate()), 'regenerate: npx tsx scripts/parser/generate-unicode-names.ts');
});
