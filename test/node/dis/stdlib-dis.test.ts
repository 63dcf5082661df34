// Real code nobody here wrote: the first 200 .py modules of Pyodide's python_stdlib.zip (sorted
// by path), each disassembled whole with default options. The helper returns CPython's own
// dis.dis text and the structured tree; formatDis(tree) must give that text (addresses
// normalized). Prints how many match and where the time goes (CPython + JSON vs formatting).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDis } from '../../../src/engine/dis/format-dis.js';
import type { DisTree } from '../../../src/engine/dis/types.js';
import { stdlibFiles } from '../../oracle/tokenize.js';
import { runtime } from '../engine/runtime.js';
import { firstDifference, normalize } from './compare.js';

const COUNT = 200;

let modules: Array<[string, string]> = [];

before(async () => {
  const decoder = new TextDecoder();
  modules = (await stdlibFiles()).slice(0, COUNT).map(([path, bytes]) => [path, decoder.decode(bytes)]);
});

describe(`formatDis over the first ${COUNT} stdlib modules`, () => {
  it('renders every module exactly as dis.dis prints it', async () => {
    const { helpers } = await runtime();
    let cpythonMs = 0;
    let formatMs = 0;
    let bytes = 0;
    let matched = 0;
    const differing: string[] = [];
    for (const [path, source] of modules) {
      let started = performance.now();
      const result = JSON.parse(helpers.disassemble(source, '{}')) as { text?: string; code?: DisTree; error?: unknown };
      cpythonMs += performance.now() - started;
      if (!result.text || !result.code) {
        differing.push(`${path}: CPython could not disassemble it (${JSON.stringify(result.error)})`);
        continue;
      }
      started = performance.now();
      const ours = formatDis(result.code, {});
      formatMs += performance.now() - started;
      bytes += result.text.length;
      if (normalize(ours) === normalize(result.text)) matched++;
      else differing.push(`${path}: ${firstDifference(normalize(ours), normalize(result.text))}`);
    }
    console.log(
      `# stdlib dis: ${matched}/${modules.length} modules match (${(bytes / 1e6).toFixed(1)} MB of dis text); ` +
        `CPython dis + tree + JSON ${Math.round(cpythonMs)} ms, formatDis ${Math.round(formatMs)} ms`,
    );
    assert.equal(modules.length, COUNT);
    assert.deepEqual(differing, []);
  });
});
