// A baked widget shows its result with the bake checker's chunk beside its own (README, "Baked
// results"). That chunk must bring nothing of another element: it once held the baker's console
// transcript, and so made every baked page fetch <py-repl>'s console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { staticClosure } from '../../../scripts/bundle-size.mjs';

test("the bake checker's chunk imports no element's chunk, no editor and no interpreter", async () => {
  assert.ok(existsSync('dist/chunks'), 'dist/ is missing: run `npm run build` first');
  const chunks = readdirSync('dist/chunks').filter((name) => /^bake-[\w-]+\.js$/.test(name));
  assert.equal(chunks.length, 1, `one bake chunk: ${chunks.join(', ')}`);
  const { files } = await staticClosure(`dist/chunks/${chunks[0]}`);
  const brought = files.filter((file) => /chunks[\\/](repl|frames|dis|editor|engine|parser)-/.test(file));
  assert.deepEqual(brought, [], 'what the bake chunk brings with it');
});
