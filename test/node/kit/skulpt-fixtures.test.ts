import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateSkulptExpectations } from '../../fixtures/skulpt-expectations.js';

// The Skulpt browser tests compare against CPython's stored answers; this says when they are stale.
test('test/fixtures/skulpt-expectations.json is what CPython 3.14 says today', async () => {
  const stored = JSON.parse(readFileSync('test/fixtures/skulpt-expectations.json', 'utf8')) as unknown;
  assert.deepEqual(stored, await generateSkulptExpectations(), 'stale fixture: run `npm run fixtures`');
});
