// Property test: mutations of real code (stdlib snippets with brackets, quotes, keywords,
// colons, indentation... inserted, deleted or replaced). Our parser must give CPython's tree or
// CPython's SyntaxError: never crash, never hang. Every case is checked for not crashing and
// for finishing quickly compared with its size; a sample is compared with CPython itself, and
// the share that matches must stay at or above the recorded ratchet.
// The seed is fixed so failures reproduce; set PARSER_SEED / PARSER_RUNS to explore more.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mutate, mutationArbitrary, type Mutation } from '../../support/mutations.js';
import { readFileSync } from 'node:fs';
import { parse, dump, PySyntaxError, formatSyntaxError } from '../../../src/engine/parser/index.js';
import { stdlibFiles } from '../../oracle/tokenize.js';
import { oracleSyntaxErrors } from '../../oracle/ast.js';
import { cpython } from '../../oracle/cpython.js';

const SEED = Number(process.env.PARSER_SEED ?? 20261129);
const ORACLE_RUNS = Number(process.env.PARSER_RUNS ?? 300);
const LOCAL_RUNS = 2000;

const INTERESTING = [
  '(', ')', '[', ']', '{', '}', "'", '"', '"""', '\\', '\t', ' ', '    ', '\n', ':', '=', '==', ',', '.', '*', '**',
  '@', '->', ':=', 'if', 'else', 'elif', 'for', 'in', 'not', 'lambda', 'def', 'class', 'return', 'yield', 'async',
  'await', 'match', 'case', 'with', 'as', 'try', 'except', 'finally', 'import', 'from', 'del', 'global', 'pass',
  'f"{', '}"', '0', '1.5', '3j', 'x', '_', 'é', '#', ';', '!', '|', '&',
];

const mutationArb = mutationArbitrary(fc.constantFrom(...INTERESTING));

let snippets: string[] = [];

before(async () => {
  const files = await stdlibFiles();
  const decoder = new TextDecoder();
  for (let i = 0; i < files.length; i += 5) {
    const lines = decoder.decode((files[i] as [string, Uint8Array])[1]).split('\n');
    for (let start = 0; start < lines.length && snippets.length < 4000; start += 37) {
      // Whole statements are likelier at the start of an unindented line.
      while (start < lines.length && /^\s/.test(lines[start] as string)) start++;
      snippets.push(lines.slice(start, start + 10).join('\n') + '\n');
    }
  }
  snippets = snippets.filter((s) => s.trim());
});

const caseArb = fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }));
const build = ([i, ms]: [number, Mutation[]]): string => mutate(snippets[i % snippets.length] as string, ms);

/** What we give: a dump with positions, or the formatted error. */
function ours(source: string): string {
  try {
    return 'tree\n' + dump(parse(source), { includeAttributes: true });
  } catch (e) {
    if (e instanceof PySyntaxError) return 'error\n' + formatSyntaxError(e) + JSON.stringify([e.lineno, e.offset, e.endLineno, e.endOffset]);
    throw e;
  }
}

test('mutated real code never crashes our parser, and each parse is quick', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const source = build(c);
      const started = performance.now();
      ours(source);
      // A hang or runaway backtracking would show here (the sources are under a kilobyte).
      assert.ok(performance.now() - started < 2000, `took too long on ${JSON.stringify(source)}`);
    }),
    { seed: SEED, numRuns: LOCAL_RUNS },
  );
});

test('on mutated real code we give CPython’s tree or CPython’s SyntaxError', async () => {
  const cases = fc.sample(caseArb, { seed: SEED, numRuns: ORACLE_RUNS }).map(build);
  const py = await cpython();
  const dumpTrees = py.runPython(`
def _dump_all(sources):
    import ast, warnings
    out = []
    for s in sources:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append("tree\\n" + ast.dump(ast.parse(s, type_comments=True), include_attributes=True))
        except SyntaxError:
            out.append(None)
    return out
_dump_all`) as (s: unknown) => { toJs(): Array<string | undefined>; destroy(): void };
  const r = dumpTrees(py.toPy(cases));
  const trees = r.toJs();
  r.destroy();
  const errors = await oracleSyntaxErrors(cases);
  let matching = 0;
  const failures: string[] = [];
  cases.forEach((source, i) => {
    const e = errors[i];
    const want = trees[i] ?? (e ? 'error\n' + e.formatted + JSON.stringify([e.lineno, e.offset, e.end_lineno, e.end_offset]) : '?');
    const got = ours(source);
    if (got === want) matching++;
    else failures.push(`${JSON.stringify(source)}\n  want ${want.slice(0, 400)}\n  got  ${got.slice(0, 400)}`);
  });
  const ratchet = JSON.parse(readFileSync('test/fixtures/parser-ratchet.json', 'utf8')) as { mutations?: number };
  console.log(`# mutated programs: ${matching}/${cases.length} give CPython's tree or error exactly (recorded: ${ratchet.mutations})`);
  if (process.env.PARSER_SHOW) console.log(failures.slice(0, Number(process.env.PARSER_SHOW)).join('\n'));
  assert.ok(matching >= (ratchet.mutations ?? cases.length), `first differences:\n${failures.slice(0, 3).join('\n')}`);
});
