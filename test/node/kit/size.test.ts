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
