// Token numbers/names, operators and keywords must be exactly CPython 3.14's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from '../../../src/engine/tokenizer/index.js';
import { cpythonTokenizerFacts, generateTokenizerData } from '../../oracle/tokenize.js';
import { cpython } from '../../oracle/cpython.js';

describe('token types and keywords vs CPython 3.14', () => {
  it('every named token constant has CPython token module value', async () => {
    const facts = await cpythonTokenizerFacts();
    const exported = api as unknown as Record<string, unknown>;
    for (const [number, name] of facts.tokNames) {
      assert.equal(exported[name], number, `token.${name}`);
      assert.equal(api.tokName[number], name, `tok_name[${number}]`);
    }
    assert.equal(Object.keys(api.tokName).length, facts.tokNames.length);
  });

  it('EXACT_TOKEN_TYPES matches', async () => {
    const facts = await cpythonTokenizerFacts();
    assert.deepEqual([...api.EXACT_TOKEN_TYPES.entries()].sort(), facts.exactTokenTypes.sort());
  });

  it('keyword.kwlist and keyword.softkwlist match', async () => {
    const facts = await cpythonTokenizerFacts();
    assert.deepEqual(api.keywords, facts.kwlist);
    assert.deepEqual(api.softKeywords, facts.softkwlist);
    for (const k of facts.kwlist) assert.ok(api.isKeyword(k));
    for (const k of facts.softkwlist) assert.ok(api.isSoftKeyword(k));
  });

  it('the generated cpython-data.ts is up to date (npm run fixtures)', async () => {
    const current = readFileSync(new URL('../../../src/engine/tokenizer/cpython-data.ts', import.meta.url), 'utf8');
    assert.ok(current === (await generateTokenizerData()), 'cpython-data.ts is stale: regenerate it');
  });

  it('repr() of tricky strings matches Python', async () => {
    const py = await cpython();
    const samples = [
      '', "'", '"', `'"`, '\\', '\t\n\r\x00\x1f\x7f\x80\x9f\xa0\xad', 'é€𝔘', '\u2028\u200b\ufeff\ud7ff',
      '\u0378\ue000\ufffe\uffff', '\u{1f600}\u{e0001}\u{10ffff}\u{30000}', 'a\u0300', '\u{1fbf0}\u{2fa1d}',
    ];
    const fn = py.runPython('lambda xs: [repr(x) for x in xs]') as (xs: unknown) => { toJs(): string[] };
    const pyList = py.toPy(samples);
    assert.deepEqual(samples.map(api.pyRepr), fn(pyList).toJs());
  });
});
