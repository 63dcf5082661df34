// Gathers the invalid programs of CPython's own syntax tests into
// test/fixtures/parser-invalid-sources.json (run once; the expected errors are then computed
// by `npm run fixtures`). Give it a folder holding CPython's Lib/test files, e.g.
//   npx tsx scripts/parser/gather-invalid-programs.ts /path/to/cpython/Lib/test
// It takes the doctest examples and every string passed to a call in test_syntax.py,
// test_exceptions.py, test_grammar.py and a few more, and keeps those CPython 3.14's
// ast.parse rejects with a SyntaxError.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpython } from '../../test/oracle/cpython.js';

const FILES = [
  'test_syntax.py',
  'test_exceptions.py',
  'test_grammar.py',
  'test_fstring.py',
  'test_eof.py',
  'test_patma.py',
  'test_genexps.py',
  'test_named_expressions.py',
  'test_keywordonlyarg.py',
  'test_string_literals.py',
  'test_positional_only_arg.py',
  'test_type_params.py',
  'test_compile.py',
];

const GATHER = `
def _gather(name, text):
    import ast, doctest
    found = []
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for a in node.args[:2]:
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.strip():
                    found.append(a.value)
        doc = ast.get_docstring(node, clean=False) if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) else None
        if doc and '>>>' in doc:
            for ex in doctest.DocTestParser().get_examples(doc):
                found.append(ex.source)
    kept = []
    for src in found:
        try:
            ast.parse(src)
        except SyntaxError:
            kept.append(src)
        except Exception:
            pass
    return kept
_gather
`;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: gather-invalid-programs.ts CPYTHON_LIB_TEST_DIR');
  process.exit(2);
}
const py = await cpython();
const gather = py.runPython(GATHER) as (n: string, t: string) => { toJs(): string[]; destroy(): void };
const seen = new Set<string>();
const programs: Array<{ from: string; source: string }> = [];
for (const name of FILES) {
  const path = join(dir, name);
  if (!existsSync(path)) continue;
  const r = gather(name, readFileSync(path, 'utf8'));
  for (const source of r.toJs()) {
    if (seen.has(source)) continue;
    seen.add(source);
    programs.push({ from: name, source });
  }
  r.destroy();
}
writeFileSync('test/fixtures/parser-invalid-sources.json', JSON.stringify(programs, null, 1) + '\n');
console.log(`${programs.length} invalid programs`);
