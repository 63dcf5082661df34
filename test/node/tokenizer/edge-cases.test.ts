// Hand-written snippets for every corner of the tokenizer, each compared with what CPython 3.14
// prints for `python -m tokenize [-e]` (file and stdin) and with tokenize.generate_tokens().
// Expected outputs are always computed by CPython (Pyodide) in the test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runTokenize } from '../../../src/cli/tokenize-command.js';
import { tokenizeSafe } from '../../../src/engine/tokenizer/index.js';
import { oracleGenerateTokens, oracleTokenizeCli } from '../../oracle/tokenize.js';
import { cliDifference } from './compare.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

/** Text snippets: run through the file path (bytes, UTF-8) and through stdin. */
const TEXT_CASES: Record<string, string[]> = {
  basics: ['x = 1\n', 'x = 1', '', '\n', '   \n', 'pass\n\n\n', 'a.b(c)[d] ** 2 // 3 @ m\n', 'x: int = 5\n'],
  operators: [
    'a += 1; b -= 2; c *= 3; d /= 4; e //= 5; f %= 6; g **= 7; h @= 8\n',
    'a &= b; a |= b; a ^= b; a <<= b; a >>= b; a := b\n',
    'a == b != c <= d >= e < f > g -> h\n',
    'x = ~a ^ b | c & d << e >> f\n',
    '... . .. ....\n',
    'a <> b\n',
    '$ ? ` ! !x\n',
  ],
  strings: [
    "'a' \"b\" '''c''' \"\"\"d\"\"\"\n",
    "r'\\d' R'x' b'y' B'z' u'w' U'v' br'q' rb'q' Rb'q' bR'q' BR'q'\n",
    "'a\\'b' \"a\\\"b\" '\\\\'\n",
    "x = '''line1\nline2\nline3''' + y\n",
    'x = """\n\n""" ; z\n',
    "s = 'abc\\\ndef'\n",
    "'' \"\" '''''' \"\"\"\"\"\"\n",
    "x = 'é' + '𝔘' + '\\u1234'\n",
  ],
  'string prefixes': ["ub'x'\n", "ur'x'\n", "bf'x'\n", "ft'x'\n", "tb'x'\n", "uf'x'\n", "ut'x'\n", "xf'x'\n", "fb''\n"],
  'f-strings': [
    'f"a{b}c"\n',
    'f"{x!r:>{width}.{prec}}"\n',
    'f"{x=}" f"{x = }" f"{x=!r:^10}"\n',
    'f"{{literal}} {x} }} {{"\n',
    "f'{a[\"b\"]}' f\"{'nested'}\" f'{f\"{x}\"}'\n",
    'f"""multi\n{line}\nstring"""\n',
    'f"{\n x\n}"\n',
    "rf'\\d{x}' fr'{y}\\n' Rf'{z}' FR''\n",
    'f"\\N{BULLET} {x}"\n',
    'f"{x:{y:{z}}}"\n',
    'f"{x:{y:{z:{w}}}}"\n',
    'f"{lambda x: x}"\n',
    'f"{x:%Y-%m-%d}"\n',
    'f"{x!s}" f"{x!a}"\n',
    'f"{"}"\n',
    'f"}"\n',
    'f"{"\n',
    'f"{x"\n',
    'f"abc\n',
    'f"""abc\n',
    'f"{x:\n}"\n',
    'f"""{x:\n}"""\n',
    'f"\\{x}"\n',
    'rf"\\{x}"\n',
    'f"{x # comment\n}"\n',
    'f"""{\nx # comment\n}"""\n',
    "f'{x:{\"a\"}}'\n",
    'f"{x)}"\n',
    'f"{)}"\n',
    'f"{x}}"\n',
    'f"{{x}"\n',
    "f'{1:{2:{3:{4}}}}'\n",
    'f"' + '{f"'.repeat(3) + '"}'.repeat(3) + '"\n',
    "f'{'a'}'\n",
    "f'''{'''a'''}'''\n",
  ],
  't-strings': ['t"a{b}c"\n', 'T"{x!r:>10}"\n', "rt'{x}\\d' tr'{y}'\n", 't"""\n{x}\n"""\n', 't"{x"\n', 't"abc\n', 't"}"\n'],
  numbers: [
    '1 1.0 .5 5. 1e10 1E-5 1.5e+3 1j 1.5J 0j\n',
    '1_000 0x_ff 0o_17 0b_1 1_0.0_1e1_0\n',
    '0xdeadBEEF 0O777 0B1010 00 0_0 0e0\n',
    '1if x else y\n',
    '0x1for x in y\n',
    '1or 2 1and 2 1in x 1is x 1not in x 1else\n',
    '09 0777 00.5 09.5 09j 09e1\n',
    '1e 1e+ 1e- 1ex 1.e 1_e\n',
    '1_\n',
    '1__0\n',
    '0b2\n',
    '0b\n',
    '0o8\n',
    '0o\n',
    '0x\n',
    '0xg\n',
    '0b1_\n',
    '0_\n',
    '1.0_\n',
    '1e1_\n',
    '1.__class__\n',
    '1..real\n',
    '1abc 1_a 0b12 0o19\n',
    '1.5j.real\n',
  ],
  'newlines and blank lines': [
    'a\n\n\nb\n',
    '# only a comment\n',
    '# comment without newline',
    'x = 1  # trailing comment\n',
    'if x:\n    # comment\n    y\n',
    'x\r\ny\r\n',
    'x\ry\r',
    'x = 1\r\n\r\n# c\r\n',
    '\r\n',
    'a\r\rb\n',
    '(\n1,\n2\n)\n',
    '[\n\n]\n',
    '(\r\n)\r\n',
    'x\n   ',
    'x\n\t\n',
    'if x:\n    y',
    'if x:\n    y\n',
    'if x:\n    if y:\n        z\n',
    'if x:\n    if y:\n        z\nw\n',
  ],
  indentation: [
    'if x:\n  a\n b\n',
    'if x:\n\ta\n        b\n',
    'if x:\n        a\n\tb\n',
    'if x:\n    a\n\tb\n',
    'if x:\n \ta\n',
    'if x:\n\t a\n\t b\n',
    '\x0cx\n',
    'if x:\n    a\n\x0c    b\n',
    '  x\n',
    'if x:\n    a\n  # odd comment\n    b\n',
    'if x:\n  \\\n  y\n',
    '  \\\nx\n',
    Array.from({ length: 101 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(101) + 'y\n',
    Array.from({ length: 98 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(98) + 'y\n',
  ],
  continuation: [
    'x = 1 + \\\n    2\n',
    'x = \\\n\\\n  1\n',
    'a\\b\n',
    'a \\ b\n',
    '\\\n',
    'x = 1 \\',
    'x = (1,\n',
    '(',
    '[1, 2',
    'x = \\\r\n 1\n',
    'x \\ \n',
  ],
  brackets: [')\n', ']]\n', '(]\n', '{)\n', '(\n]\n', '(' .repeat(199) + ')'.repeat(199) + '\n', '('.repeat(200) + '\n', '['.repeat(201) + '\n'],
  identifiers: [
    'é = ñ + ü\n',
    'π𝔘 = 𝔘π\n',
    '€ = 1\n',
    'a€b\n',
    'x\u00a0= 1\n',
    'ﬁ = 1\n',
    '_ = __ = _x_\n',
    'match x:\n    case 1: pass\ntype X = int\n',
    'async def f(): await x\n',
    'print(1)\n',
    'x = 1 # ü€𝔘\ny\n',
    'a = "é" ; b = é\n',
    'x = \'𝔘\' + f"{𝔘}" + y\n',
  ],
  'invalid characters': [
    'x = \x01\n',
    'x = \x7f\n',
    '\x0b\n',
    'x\x0by\n',
    'a\r€ b\n',
    'x = 1\x00\n',
    '# comment\x00\n',
    'a\nb\nc = "\x00"\n',
  ],
  'unterminated strings': [
    'x = "abc\n',
    "x = 'abc\\'\n",
    'x = """abc\n\n',
    "x = '''\nabc",
    'x = "abc',
    "'",
    '"""',
    'a\n\nx = """\n  abc\n',
    'b"\n',
  ],
  mixed: [
    'def f(a, *, b=1, **kw) -> None:\n    """Doc."""\n    return [i for i in range(10) if i % 2]\n',
    'class A(B, metaclass=M):\n    @property\n    def x(self): ...\n',
    'with open(f) as g, h:\n    pass\nelse:\n  pass\n',
    'lambda: (yield)\n',
    'x = [\n    1,  # one\n    2,\n]\n',
    'if True:\n    pass\n# final comment',
    'if True:\n    x = """\nabc"""\n',
  ],
};

/** Byte snippets (encodings): run through the file path only, as CPython reads files as bytes. */
const BYTE_CASES: Record<string, Uint8Array> = {
  'utf-8 bom': bytes([0xef, 0xbb, 0xbf], 'x = 1\n'),
  'bom only': bytes([0xef, 0xbb, 0xbf]),
  'bom and utf-8 cookie': bytes([0xef, 0xbb, 0xbf], '# -*- coding: utf-8 -*-\nx = 1\n'),
  'bom and latin-1 cookie': bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\nx = 1\n'),
  'latin-1 cookie': bytes('# -*- coding: latin-1 -*-\nx = "', [0xe9], '"\n'),
  'iso-8859-1 cookie on line 2': bytes('#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\nx = "', [0xe9], '"\n'),
  'cookie on line 3 is ignored': bytes('#!/usr/bin/python\n\n# coding: latin-1\nx = 1\n'),
  'cookie after code on line 1': bytes('x = 1 # coding: latin-1\n'),
  'cookie on line 2 after code': bytes('x = 1\n# coding: latin-1\n'),
  'unknown encoding': bytes('# coding: klingon\nx = 1\n'),
  'unknown encoding on line 2': bytes('\n# coding: nope-42\n'),
  'ascii cookie with non-ascii': bytes('# coding: ascii\nx = "', [0xc3, 0xa9], '"\n'),
  'ascii cookie with non-ascii on line 1': bytes('# coding: ascii \xe9\n'),
  'utf-8 variants': bytes('# coding: UTF_8\nx = 1\n'),
  'utf8 cookie': bytes('# coding=utf8\nx = 1\n'),
  'latin-1 variants': bytes('# coding: Latin-1-foo\nx = 1\n'),
  'cp1252 cookie': bytes('# coding: cp1252\nx = "', [0x80, 0xe9], '"\n'),
  'euc-jp cookie': bytes('# coding: euc_jp\nx = "', [0xa4, 0xa2], '"\n'),
  'invalid utf-8 on line 1': bytes('x = "', [0xff], '"\n'),
  'invalid utf-8 on line 2 after blank': bytes('\nx = "', [0xff], '"\n'),
  'invalid utf-8 on line 2 after code': bytes('x = 1\ny = "', [0xff], '"\n'),
  'invalid utf-8 on line 3': bytes('x = 1\ny = 2\nz = "', [0xff, 0xc3], '"\n'),
  'null byte on line 1': bytes('x = 1', [0], '\n'),
  'null byte on line 3': bytes('x = 1\ny = 2\nz', [0], '\n'),
  'cookie with tab and form feed': bytes('\x0c\t# coding:\tlatin-1\nx = 1\n'),
  'cookie in a string line': bytes('"# coding: latin-1"\n'),
};

async function compareCli(args: string[], source: Uint8Array, viaStdin: boolean): Promise<string | null> {
  const fileArgs = viaStdin ? args : [...args, 'snippet.py'];
  const ours = runTokenize(fileArgs, () => source, () => source, { prog: 'tokenize' });
  const cpython = await oracleTokenizeCli(fileArgs, viaStdin ? {} : { 'snippet.py': source }, viaStdin ? source : undefined);
  return cliDifference(ours, cpython);
}

describe('tokenize CLI edge cases vs CPython 3.14', () => {
  for (const [group, sources] of Object.entries(TEXT_CASES)) {
    it(group, async () => {
      const failures: string[] = [];
      for (const source of sources) {
        for (const viaStdin of [false, true]) {
          for (const args of [['-e'], []]) {
            const diff = await compareCli(args, enc(source), viaStdin);
            if (diff) failures.push(`${JSON.stringify(source)} (${viaStdin ? 'stdin' : 'file'} ${args.join(' ')}):\n  ${diff}`);
          }
        }
      }
      assert.equal(failures.length, 0, failures.slice(0, 5).join('\n\n'));
    });
  }

  it('encodings (bytes read from a file)', async () => {
    const failures: string[] = [];
    for (const [name, source] of Object.entries(BYTE_CASES)) {
      for (const args of [['-e'], []]) {
        const diff = await compareCli(args, source, false);
        if (diff) failures.push(`${name} (${args.join(' ')}):\n  ${diff}`);
      }
    }
    assert.equal(failures.length, 0, failures.slice(0, 5).join('\n\n'));
  });

  it('generate_tokens() values and errors match for every text snippet', async () => {
    const failures: string[] = [];
    for (const source of Object.values(TEXT_CASES).flat()) {
      const expected = await oracleGenerateTokens(source);
      const ours = tokenizeSafe(source);
      const got = ours.tokens.map((t) => [t.type, t.string, t.start, t.end, t.line]);
      try {
        assert.deepEqual(got, expected.tokens);
        if (expected.error) {
          assert.ok(ours.error, 'expected an error');
          assert.deepEqual(
            [ours.error.pythonType, ours.error.message, ours.error.lineno, ours.error.offset],
            [expected.error.type, expected.error.message, expected.error.lineno ?? null, expected.error.offset ?? null],
          );
        } else {
          assert.equal(ours.error, undefined);
        }
      } catch (e) {
        failures.push(`${JSON.stringify(source)}: ${(e as Error).message}`);
      }
    }
    assert.equal(failures.length, 0, failures.slice(0, 3).join('\n\n'));
  });
});

describe('tokenize CLI arguments vs CPython 3.14', () => {
  const source = enc('x = 1\n');
  const argLists = [
    ['-h'],
    ['--help'],
    ['--he'],
    ['-e', '-h'],
    ['-x'],
    ['--bogus'],
    ['--exact=1'],
    ['-ex'],
    ['-ee', 'snippet.py'],
    ['--ex', 'snippet.py'],
    ['--exact', 'snippet.py'],
    ['snippet.py', 'other.py'],
    ['--', 'snippet.py'],
    ['-e', '--', '-e'],
    ['does-not-exist.py'],
  ];
  for (const args of argLists) {
    it(args.join(' '), async () => {
      const ours = runTokenize(args, (p) => {
        if (p === 'snippet.py') return source;
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }, () => source, { prog: 'tokenize' });
      const cpython = await oracleTokenizeCli(args, { 'snippet.py': source }, source);
      // Pyodide runs on Emscripten, whose errno numbers differ from Linux's (ENOENT is 44, not 2).
      cpython.stderr = cpython.stderr.replace('[Errno 44]', '[Errno 2]');
      assert.equal(cliDifference(ours, cpython), null);
    });
  }
});
