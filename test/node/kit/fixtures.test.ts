import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateTokenizerFixtures } from '../../fixtures/tokenizer-samples.js';

// Stored fixtures are CPython's answers; if CPython (the pinned Pyodide) or the samples change,
// this says to run `npm run fixtures` instead of letting the browser tests compare stale data.
test('test/fixtures/tokenizer-samples.json is what CPython 3.14 says today', async () => {
  const stored = JSON.parse(readFileSync('test/fixtures/tokenizer-samples.json', 'utf8')) as unknown;
  assert.deepEqual(stored, await generateTokenizerFixtures(), 'stale fixture: run `npm run fixtures`');
});

test('test/fixtures/dis-samples.json is what CPython 3.14 says today', async () => {
  const { generateDisFixtures } = await import('../../fixtures/dis-samples.js');
  const stored = JSON.parse(readFileSync('test/fixtures/dis-samples.json', 'utf8')) as unknown;
  assert.deepEqual(stored, await generateDisFixtures(), 'stale fixture: run `npm run fixtures`');
});

test('test/fixtures/ast-samples.json is what CPython 3.14 says today', async () => {
  const { generateAstFixtures } = await import('../../fixtures/ast-samples.js');
  const stored = JSON.parse(readFileSync('test/fixtures/ast-samples.json', 'utf8')) as unknown;
  assert.deepEqual(stored, await generateAstFixtures(), 'stale fixture: run `npm run fixtures`');
});

test('test/fixtures/repl-transcripts.json is what CPython 3.14 says today', async () => {
  const { generateReplTranscripts } = await import('../../fixtures/repl-transcripts.js');
  const stored = JSON.parse(readFileSync('test/fixtures/repl-transcripts.json', 'utf8')) as unknown;
  assert.deepEqual(normalizeAll(stored), normalizeAll(await generateReplTranscripts()), 'stale fixture: run `npm run fixtures`');
});

test('test/fixtures/baked-samples.json is what `pyinnards bake` makes today', async () => {
  const { generateBakedSamples } = await import('../../fixtures/baked-samples.js');
  const stored = JSON.parse(readFileSync('test/fixtures/baked-samples.json', 'utf8')) as unknown;
  // A dis tree's own addresses (and so its key-independent bytes) differ from run to run too.
  const withoutAddresses = (value: unknown) => JSON.parse(JSON.stringify(normalizeAll(value)).replace(/\\"address\\":\\"0x[0-9a-f]+\\"/g, '')) as unknown;
  assert.deepEqual(withoutAddresses(stored), withoutAddresses(await generateBakedSamples()), 'stale fixture: run `npm run fixtures`');
});

/** Object addresses differ from run to run; everything else must be what is stored. */
function normalizeAll(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/ at 0x[0-9a-f]+/g, ' at 0x…'));
}
