// Every .py file of Pyodide's python_stdlib.zip through our `tokenize` CLI and through CPython's
// tokenize._main (in Pyodide): stdout, stderr and exit status must be identical, with and
// without -e. CPython's answers are stored as digests (test/oracle/stdlib-digests.ts; `npm run
// fixtures` rewrites them); stored ones for another CPython or stdlib are not used: CPython is
// asked, and the test says to rewrite them.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runTokenize } from '../../../src/cli/tokenize-command.js';
import { oracleTokenizeMany, writeOracleFiles, type CliResult } from '../../oracle/tokenize.js';
import { computeDigests, digestOf, stdlibAt, storedDigests, STDLIB_DIGESTS } from '../../oracle/stdlib-digests.js';
import { cliDifference } from './compare.js';

let files: Array<[string, Uint8Array]> = [];
let stored: Awaited<ReturnType<typeof storedDigests>>;
let expected: Record<string, string> = {};
let cpythonMs = 0;

before(async () => {
  files = await stdlibAt();
  stored = await storedDigests('tokenize');
  const started = performance.now();
  expected = stored?.digests ?? (await computeDigests('tokenize', files));
  cpythonMs = performance.now() - started;
});

async function conformance(exact: boolean): Promise<void> {
  const mode = exact ? '-e' : 'plain';
  const started = performance.now();
  const differing: string[] = [];
  let outputBytes = 0;
  for (const [path, bytes] of files) {
    const ours = runTokenize(exact ? ['-e', path] : [path], () => bytes, () => new Uint8Array(), { prog: 'tokenize' });
    outputBytes += ours.stdout.length;
    if (digestOf(ours) !== expected[`${mode} ${path}`]) differing.push(path);
  }
  const oursMs = performance.now() - started;
  console.log(
    `# ${mode}: ${files.length - differing.length}/${files.length} files identical; ` +
      `ours ${Math.round(oursMs)} ms, CPython ${stored ? `stored in ${STDLIB_DIGESTS.tokenize}` : `${Math.round(cpythonMs)} ms`} ` +
      `(${(outputBytes / 1e6).toFixed(1)} MB of output)`,
  );

  if (differing.length) {
    // Re-run CPython on the first few to show where they differ.
    const shown = differing.slice(0, 5);
    await writeOracleFiles(files.filter(([path]) => shown.includes(path)));
    const fresh = await oracleTokenizeMany(shown, exact);
    const details = shown.map((path, i) => {
      const bytes = (files.find(([p]) => p === path) as [string, Uint8Array])[1];
      const ours = runTokenize(exact ? ['-e', path] : [path], () => bytes, () => new Uint8Array(), { prog: 'tokenize' });
      return `${path}:\n  ${cliDifference(ours, fresh[i] as CliResult)}`;
    });
    assert.fail(`${differing.length} of ${files.length} files differ (${mode}); first ones:\n${details.join('\n')}`);
  }
}

describe('stdlib conformance: python_stdlib.zip through tokenize, ours vs CPython 3.14', () => {
  it('python -m tokenize -e FILE', async () => conformance(true));
  it('python -m tokenize FILE', async () => conformance(false));
  it(`compared with CPython's answers of today (${STDLIB_DIGESTS.tokenize})`, () => {
    assert.ok(stored, `${STDLIB_DIGESTS.tokenize} is for another CPython or stdlib: run \`npm run fixtures\``);
  });
});
