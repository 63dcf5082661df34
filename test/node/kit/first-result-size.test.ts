import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { firstResultFiles, FIRST_RESULT_BUDGET_BYTES } from '../../../scripts/bundle-size.mjs';

test('what a first result with engine="pyodide" downloads stays within the gzipped budget', async () => {
  assert.ok(existsSync('dist/python/python_stdlib.zip'), 'dist/ is missing: run `npm run build` first');
  const files = await firstResultFiles('dist', 'node_modules/pyodide');
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  const listing = files.map((file) => `${file.source} ${file.path} ${file.gzip}`).join(', ');
  assert.ok(total <= FIRST_RESULT_BUDGET_BYTES, `a first result downloads ${total} bytes gzipped (${listing}); the budget is ${FIRST_RESULT_BUDGET_BYTES}`);
  // The count means something only if it holds what a start really fetches: the trimmed zip
  // (not Pyodide's whole one), Pyodide's WebAssembly and glue, and no interpreter of another kind.
  const paths = files.map((file) => file.path);
  for (const needed of ['python/python_stdlib.zip', 'workers/pyodide.js', 'pyodide.asm.wasm', 'pyodide.asm.mjs', 'pyodide.mjs']) {
    assert.ok(paths.includes(needed), `${needed} is counted (${paths.join(', ')})`);
  }
  assert.ok(!paths.some((path) => /skulpt|python_stdlib_full|pyodide-lock/.test(path)), paths.join(', '));
});
