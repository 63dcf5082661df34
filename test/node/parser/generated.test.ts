// The generated parser, keywords and node constructors are what the generator writes from the
// grammar and CPython's ast classes today (run `npx tsx scripts/parser/generate-parser.ts` after a change).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { GENERATED_FILES } from '../../../scripts/parser/generate-parser.js';

for (const [path, generate] of GENERATED_FILES) {
  test(`${relative(process.cwd(), path)} is what the generator writes`, () => {
    assert.ok(readFileSync(path, 'utf8') === generate(), 'regenerate: npx tsx scripts/parser/generate-parser.ts');
  });
}
