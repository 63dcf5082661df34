// CPython's answers for every .py file of Pyodide's python_stdlib.zip, through `python -m ast -a`
// and `python -m tokenize` (with and without -e), stored as digests in test/fixtures/ (`npm run
// fixtures` writes them): the stdlib conformance tests compare ours with them instead of running
// CPython over 559 files in wasm in every run. Each file is keyed by what shaped CPython's
// answers (the zip, and the module's own source in the pinned Pyodide): a test whose key no
// longer matches asks CPython itself and fails with "run npm run fixtures".
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpython, pyodideDir } from './cpython.js';
import { oracleTokenizeMany, stdlibFiles, writeOracleFiles, type CliResult } from './tokenize.js';
import { oracleAst } from './ast.js';

/** Where the oracle's files sit in Pyodide's file system, and so in the CLIs' messages. */
export const STDLIB_ROOT = '/tmp/stdlib/';

export interface StdlibDigests {
  /** What the digests were computed from (the zip, the module's source, this format). */
  key: string;
  /** `status\0stdout\0stderr` of each run, hashed; by path (the tokenizer's: "-e PATH", "plain PATH"). */
  digests: Record<string, string>;
}

export type StdlibTool = 'ast' | 'tokenize';
export const STDLIB_DIGESTS: Record<StdlibTool, string> = {
  ast: 'test/fixtures/stdlib-ast-digests.json',
  tokenize: 'test/fixtures/stdlib-tokenize-digests.json',
};

const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A run's digest (128 bits are plenty to tell two outputs apart). */
export const digestOf = (result: CliResult): string => sha(`${result.status}\0${result.stdout}\0${result.stderr}`).slice(0, 32);

/** The stdlib's files, at their paths under STDLIB_ROOT. */
export async function stdlibAt(): Promise<Array<[string, Uint8Array]>> {
  return (await stdlibFiles()).map(([name, bytes]) => [STDLIB_ROOT + name, bytes]);
}

/** The key of digests CPython would compute today. */
export async function currentKey(tool: StdlibTool): Promise<string> {
  const py = await cpython();
  const source = py.runPython(`import inspect, ${tool}; inspect.getsource(${tool})`) as string;
  return sha(sha(readFileSync(pyodideDir + '/python_stdlib.zip')) + sha(source) + 'v2').slice(0, 16);
}

/** The stored digests, if they are for the CPython and stdlib of today; else undefined. */
export async function storedDigests(tool: StdlibTool): Promise<StdlibDigests | undefined> {
  const stored = JSON.parse(readFileSync(STDLIB_DIGESTS[tool], 'utf8')) as StdlibDigests;
  return stored.key === (await currentKey(tool)) ? stored : undefined;
}

/** Asks CPython: runs the tool over `paths` (written into its file system first). */
export async function computeDigests(tool: StdlibTool, files: Array<[string, Uint8Array]>): Promise<Record<string, string>> {
  await writeOracleFiles(files);
  const paths = files.map(([path]) => path);
  const digests: Record<string, string> = {};
  if (tool === 'ast') {
    for (const path of paths) digests[path] = digestOf(await oracleAst(['-a', path]));
  } else {
    for (const [mode, exact] of [['-e', true], ['plain', false]] as const) {
      (await oracleTokenizeMany(paths, exact)).forEach((result, i) => (digests[`${mode} ${paths[i]}`] = digestOf(result)));
    }
  }
  return digests;
}

/** What `npm run fixtures` stores for a tool. */
export async function generateStdlibDigests(tool: StdlibTool): Promise<StdlibDigests> {
  return { key: await currentKey(tool), digests: await computeDigests(tool, await stdlibAt()) };
}
