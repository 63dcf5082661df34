// The generated parser and node constructors are what the generator writes from the grammar
// and CPython's ast classes today (run `npx tsx scripts/parser/generate-parser.ts` after a change).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateNodes, generateParser } from '../../../scripts/parser/generate-parser.js';

test('src/engine/parser/generated/parser.ts is what the generator writes from python.peg', () => {
  assert.ok(readFileSync('src/engine/parser/generated/parser.ts', 'utf8') === generateParser(), 'regenerate: npx tsx scripts/parser/generate-parser.ts');
});

test('src/engine/parser/generated/nodes.ts is what the generator writes from ast-spec.ts', () => {
  assert.ok(readFileSync('src/engine/parser/generated/nodes.ts', 'utf8') === generateNodes(), 'regenerate: npx tsx scripts/parser/generate-parser.ts');
});
