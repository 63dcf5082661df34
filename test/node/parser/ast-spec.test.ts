// ast-spec.ts (the node classes the parser builds and dump prints) is what CPython 3.14 says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateAstSpec } from '../../oracle/ast-spec.js';

test('ast-spec.ts matches CPython’s ast classes (npm run fixtures rewrites it)', async () => {
  assert.equal(readFileSync('src/engine/parser/ast-spec.ts', 'utf8'), await generateAstSpec());
});
