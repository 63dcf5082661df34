// `pyinnards ast`: the spawned bin and the command against CPython's `python -m ast`, for a
// tree (default indent 3, -a, -i, -m, --show-empty), a SyntaxError (stderr is
// format_exception_only, nothing on stdout, status 1), stdin, and source encodings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAst } from '../../../src/cli/ast-command.js';
import { oracleAst } from '../../oracle/ast.js';
import { writeOracleFiles } from '../../oracle/tokenize.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(repo, 'node_modules/.bin/tsx');
const enc = new TextEncoder();

const SAMPLES: Record<string, string> = {
  'tree.py': '@dec\nclass A(B, metaclass=M):\n    """doc"""\n    def f[T](self, a, /, b=1, *c, d: int = 2, **e) -> T:\n        return [x async for x in y if x] or {k: v for k, v in z}\n',
  'values.py': 'x = 0x_1f, 1_000.5e-3, 3j, b"\\x00\'", "é\\u00e9", ..., None, 10**30, f"{a!r:>{w}} {b=}"\n',
  'match.py': 'match p:\n    case [1, *rest] | {"k": _, **kw} if rest:\n        pass\n    case Point(x=0) as q:\n        pass\n',
  'latin1.py': '# -*- coding: latin-1 -*-\ns = "\xe9"\n',
  'error.py': 'def f(:\n    pass\n',
  'indent.py': 'if x:\npass\n',
  'unclosed.py': 'x = (1,\n    2\n',
  // SyntaxWarnings: python -m ast prints them on stderr (each one: no registry dedupes them).
  'warnings.py': 'x = "a\\d", "\\d"\ny = b"\\q\\w"\nz = """\nq\\w"""\nf"\\k{x}"\ns = "\\777"\nt = b"\\777"\nu = rb"\\q"\nif x:\n    "\\d"\n',
  'warning-error.py': 'x = "\\d"\ny = (\n',
  // traceback's keyword hint moves the caret onto the misspelled name.
  'typo.py': 'for x in range(3):\n    if x:\n        pass\n    elif x ad y:\n        pass\n',
  'null-byte.py': 'x = 1\0\n',
  // \N{...} names: the CLI has the name table at hand.
  'names.py': 'x = "\\N{BULLET} \\N{bom} \\N{HANGUL SYLLABLE GA} \\N{cjk compatibility ideograph-f900}"\n',
  'bad-name.py': 'y = "\\N{NO SUCH NAME}"\n',
};

async function compare(args: string[], file: string): Promise<void> {
  const bytes = file === 'latin1.py' ? Uint8Array.from(SAMPLES[file] as string, (c) => c.charCodeAt(0)) : enc.encode(SAMPLES[file] as string);
  await writeOracleFiles([[`/tmp/ast-cli/${file}`, bytes]]);
  const theirs = await oracleAst([...args, `/tmp/ast-cli/${file}`]);
  const ours = runAst([...args, `/tmp/ast-cli/${file}`], () => bytes, () => new Uint8Array());
  assert.deepEqual(ours, theirs);
}

describe('pyinnards ast, compared with python -m ast', () => {
  for (const file of Object.keys(SAMPLES)) {
    it(`ast ${file}`, () => compare([], file));
    it(`ast -a ${file}`, () => compare(['-a'], file));
  }
  it('ast -i 1 --show-empty', () => compare(['-i', '1', '--show-empty'], 'tree.py'));
  it('ast -i 0', () => compare(['-i', '0'], 'values.py'));
  it('ast -m eval', async () => {
    const src = 'lambda x, *, y=1: (x, y)[0] if x else -y';
    const theirs = await oracleAst(['-m', 'eval'], enc.encode(src));
    assert.deepEqual(runAst(['-m', 'eval'], () => new Uint8Array(), () => enc.encode(src)), theirs);
  });
  it('ast -m func_type', async () => {
    const src = '(int, *str, **bytes) -> None';
    const theirs = await oracleAst(['-m', 'func_type', '-a'], enc.encode(src));
    assert.deepEqual(runAst(['-m', 'func_type', '-a'], () => new Uint8Array(), () => enc.encode(src)), theirs);
  });
  it('ast -m single', async () => {
    const src = 'for i in x: print(i)\n';
    const theirs = await oracleAst(['-m', 'single'], enc.encode(src));
    assert.deepEqual(runAst(['-m', 'single'], () => new Uint8Array(), () => enc.encode(src)), theirs);
  });
  it('type comments are kept (type_comments=True)', async () => {
    const src = 'def f(a,  # type: int\n      ):\n    # type: (...) -> None\n    x = 1  # type: int\n    pass  # type: ignore[misc]\n';
    const theirs = await oracleAst(['-a'], enc.encode(src));
    assert.deepEqual(runAst(['-a'], () => new Uint8Array(), () => enc.encode(src)), theirs);
  });
});

describe('pyinnards ast (spawned bin)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyinnards-ast-'));
  const run = (args: string[], stdin = '') => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'ast', ...args], { cwd: repo, input: stdin, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
  };

  it('FILE: the tree on stdout, exit 0', async () => {
    const file = join(dir, 'tree.py');
    writeFileSync(file, SAMPLES['tree.py'] as string);
    await writeOracleFiles([[file, enc.encode(SAMPLES['tree.py'] as string)]]);
    assert.deepEqual(run([file]), await oracleAst([file]));
  });

  it('stdin with a SyntaxError: nothing on stdout, the error on stderr, exit 1', async () => {
    const src = 'print(1 +)\n';
    const ours = run(['-'], src);
    assert.deepEqual(ours, await oracleAst(['-'], enc.encode(src)));
    assert.equal(ours.status, 1);
    assert.equal(ours.stdout, '');
  });
});
