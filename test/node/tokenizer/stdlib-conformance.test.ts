// Every .py file of Pyodide's python_stdlib.zip through our `tokenize` CLI and through CPython's
// tokenize._main (in Pyodide): stdout, stderr and exit status must be identical, with and
// without -e. CPython's results are cached by digest in .cache/ (keyed by the zip's and
// tokenize.py's hashes), so only the first run pays for running CPython's tokenizer in wasm;
// delete the cache or set TOKENIZER_NO_CACHE=1 to recompute.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runTokenize } from '../../../src/cli/tokenize-command.js';
import { oracleTokenizeMany, pyodideDir, stdlibFiles, writeOracleFiles, type CliResult } from '../../oracle/tokenize.js';
import { cliDifference } from './compare.js';
import { cpython } from '../../oracle/cpython.js';

const ROOT = '/tmp/stdlib/';
const CACHE_DIR = fileURLToPath(new URL('../../../.cache/', import.meta.url));
const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

interface Digest {
  stdout: string;
  stderr: string;
  status: number;
}

const digest = (r: CliResult): Digest => ({ stdout: sha(r.stdout), stderr: sha(r.stderr), status: r.status });

let files: Array<[string, Uint8Array]> = [];
let cacheFile = '';
let cache: Record<string, Digest> = {};

before(async () => {
  const started = performance.now();
  files = (await stdlibFiles()).map(([name, bytes]) => [ROOT + name, bytes]);
  await writeOracleFiles(files);
  const py = await cpython();
  const tokenizeSource = py.runPython('import inspect, tokenize; inspect.getsource(tokenize)') as string;
  const key = sha(sha(readFileSync(pyodideDir + '/python_stdlib.zip')) + sha(tokenizeSource) + 'v1').slice(0, 16);
  cacheFile = `${CACHE_DIR}tokenizer-stdlib-oracle-${key}.json`;
  if (!process.env.TOKENIZER_NO_CACHE && existsSync(cacheFile)) cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  console.log(`# ${files.length} stdlib files loaded in ${Math.round(performance.now() - started)} ms`);
});

async function conformance(exact: boolean): Promise<void> {
  const mode = exact ? '-e' : 'plain';
  const paths = files.map(([p]) => p);
  const missing = paths.filter((p) => !cache[`${mode} ${p}`]);
  let started = performance.now();
  if (missing.length) {
    const results = await oracleTokenizeMany(missing, exact);
    missing.forEach((p, i) => (cache[`${mode} ${p}`] = digest(results[i] as CliResult)));
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  const cpythonMs = performance.now() - started;

  started = performance.now();
  const differing: string[] = [];
  let outputBytes = 0;
  for (const [path, bytes] of files) {
    const ours = runTokenize(exact ? ['-e', path] : [path], () => bytes, () => new Uint8Array(), { prog: 'tokenize' });
    outputBytes += ours.stdout.length;
    const expected = cache[`${mode} ${path}`] as Digest;
    const got = digest(ours);
    if (got.stdout !== expected.stdout || got.stderr !== expected.stderr || got.status !== expected.status) {
      differing.push(path);
    }
  }
  const oursMs = performance.now() - started;
  console.log(
    `# ${mode}: ${files.length - differing.length}/${files.length} files identical; ` +
      `ours ${Math.round(oursMs)} ms, CPython ${missing.length ? Math.round(cpythonMs) + ' ms' : 'cached'} ` +
      `(${(outputBytes / 1e6).toFixed(1)} MB of output)`,
  );

  if (differing.length) {
    // Re-run CPython on the first few to show where they differ.
    const shown = differing.slice(0, 5);
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
});
