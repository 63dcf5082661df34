import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { measure, ENTRY_BUDGET_BYTES } from '../../../scripts/bundle-size.mjs';

test('dist/pyinnards.js with its static imports stays within the gzipped budget', async () => {
  assert.ok(existsSync('dist/pyinnards.js'), 'dist/ is missing: run `npm run build` first');
  const { entry } = await measure('dist');
  assert.ok(
    entry.gzip <= ENTRY_BUDGET_BYTES,
    `entry is ${entry.gzip} bytes gzipped (${entry.files.join(', ')}); the budget is ${ENTRY_BUDGET_BYTES}`,
  );
  // The budget means something only if the lazy chunks are really outside it.
  assert.ok(!entry.files.some((file) => /chunks\/(editor|engine)/.test(file)), `lazy chunks leaked into the entry: ${entry.files.join(', ')}`);
});

test('the entry is a loader: no element file and no lit among its static imports', async () => {
  const { entry, lazy } = await measure('dist');
  assert.deepEqual(entry.files.filter((file) => /^elements\/|chunks\/core-/.test(file)), [], entry.files.join(', '));
  // Each element's own file stays importable alone, and the entry reaches it only by import().
  for (const tag of ['py-tokenizer', 'py-dis', 'py-frames', 'py-repl', 'py-ast']) {
    assert.ok(existsSync(`dist/elements/${tag}.js`), `dist/elements/${tag}.js is built`);
    assert.ok(lazy.some((chunk) => chunk.path === `elements/${tag}.js`), `the entry loads <${tag}> with import()`);
  }
});
