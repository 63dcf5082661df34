// Every .py file of Pyodide's python_stdlib.zip through our `ast -a` and through CPython's
// `python -m ast -a` (in Pyodide): stdout, stderr and exit status must be identical.
// CPython's results are cached by digest in .cache/ (keyed by the zip's and ast.py's hashes),
// so only the first run pays for CPython in wasm; delete the cache or set PARSER_NO_CACHE=1
// to recompute. The count must not fall below test/fixtures/parser-ratchet.json's.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAst } from '../../../src/cli/ast-command.js';
import { pyodideDir, stdlibFiles, writeOracleFiles, type CliResult } from '../../oracle/tokenize.js';
import { oracleAst } from '../../oracle/ast.js';
import { cpython } from '../../oracle/cpython.js';

const ROOT = '/tmp/stdlib/';
const CACHE_DIR = fileURLToPath(new URL('../../../.cache/', import.meta.url));
const RATCHET = 'test/fixtures/parser-ratchet.json';
const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const digest = (r: CliResult): string => sha(`${r.status}\0${r.stdout}\0${r.stderr}`);

let files: Array<[string, Uint8Array]> = [];
let cacheFile = '';
let cache: Record<string, string> = {};

before(async () => {
  files = (await stdlibFiles()).map(([name, bytes]) => [ROOT + name, bytes]);
  const py = await cpython();
  const astSource = py.runPython('import inspect, ast; inspect.getsource(ast)') as string;
  const key = sha(sha(readFileSync(pyodideDir + '/python_stdlib.zip')) + sha(astSource) + 'v1').slice(0, 16);
  cacheFile = `${CACHE_DIR}parser-stdlib-oracle-${key}.json`;
  if (!process.env.PARSER_NO_CACHE && existsSync(cacheFile)) cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
});

test('stdlib conformance: python_stdlib.zip through `ast -a`, ours vs CPython 3.14', async () => {
  const missing = files.filter(([p]) => !cache[p]);
  let started = performance.now();
  if (missing.length) {
    await writeOracleFiles(missing);
    for (const [p] of missing) cache[p] = digest(await oracleAst(['-a', p]));
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
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
    if (digest(ours) !== cache[path]) differing.push(path);
  }
  const oursMs = performance.now() - started;
  const matching = files.length - differing.length;
  const ratchet = JSON.parse(readFileSync(RATCHET, 'utf8')) as { invalidPrograms: number; stdlibFiles: number };
  console.log(
    `# ${matching}/${files.length} stdlib files identical (recorded: ${ratchet.stdlibFiles}); ours ${Math.round(oursMs)} ms, ` +
      `CPython ${missing.length ? Math.round(cpythonMs) + ' ms' : 'cached'}`,
  );
  if (differing.length) console.log(`# differing: ${differing.slice(0, 20).join(' ')}`);
  if (process.env.PARSER_RATCHET === 'write') writeFileSync(RATCHET, JSON.stringify({ ...ratchet, stdlibFiles: matching }, null, 2) + '\n');
  assert.ok(matching >= ratchet.stdlibFiles, `${matching} identical, fewer than the ${ratchet.stdlibFiles} recorded; differing: ${differing.slice(0, 10).join(' ')}`);
});
