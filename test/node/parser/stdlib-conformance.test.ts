// Every .py file of Pyodide's python_stdlib.zip through our `ast -a` and through CPython's
// `python -m ast -a` (in Pyodide): stdout, stderr and exit status must be identical. CPython's
// answers are stored as digests (test/oracle/stdlib-digests.ts; `npm run fixtures` rewrites them);
// stored ones for another CPython or stdlib are not used: CPython is asked, and the test says to
// rewrite them. The count must not fall below test/fixtures/parser-ratchet.json's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { runAst } from '../../../src/cli/ast-command.js';
import type { CliResult } from '../../oracle/tokenize.js';
import { computeDigests, digestOf, stdlibAt, storedDigests, STDLIB_DIGESTS } from '../../oracle/stdlib-digests.js';

const RATCHET = 'test/fixtures/parser-ratchet.json';

test('stdlib conformance: python_stdlib.zip through `ast -a`, ours vs CPython 3.14', async () => {
  const files = await stdlibAt();
  const stored = await storedDigests('ast');
  let started = performance.now();
  const expected = stored?.digests ?? (await computeDigests('ast', files));
  const cpythonMs = performance.now() - started;
  started = performance.now();
  const differing: string[] = [];
  for (const [path, bytes] of files) {
    let ours: CliResult;
    try {
      ours = runAst(['-a', path], () => bytes, () => new Uint8Array());
    } catch (e) {
      ours = { stdout: '', stderr: String(e), status: -1 };
    }
    if (digestOf(ours) !== expected[path]) differing.push(path);
  }
  const oursMs = performance.now() - started;
  const matching = files.length - differing.length;
  const ratchet = JSON.parse(readFileSync(RATCHET, 'utf8')) as { invalidPrograms: number; stdlibFiles: number };
  console.log(
    `# ${matching}/${files.length} stdlib files identical (recorded: ${ratchet.stdlibFiles}); ours ${Math.round(oursMs)} ms, ` +
      `CPython ${stored ? `stored in ${STDLIB_DIGESTS.ast}` : `${Math.round(cpythonMs)} ms`}`,
  );
  if (differing.length) console.log(`# differing: ${differing.slice(0, 20).join(' ')}`);
  if (process.env.PARSER_RATCHET === 'write') writeFileSync(RATCHET, JSON.stringify({ ...ratchet, stdlibFiles: matching }, null, 2) + '\n');
  assert.ok(matching >= ratchet.stdlibFiles, `${matching} identical, fewer than the ${ratchet.stdlibFiles} recorded; differing: ${differing.slice(0, 10).join(' ')}`);
  assert.ok(stored, `${STDLIB_DIGESTS.ast} is for another CPython or stdlib: run \`npm run fixtures\``);
});
