import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importCycles } from '../../../scripts/import-cycles.mjs';

test('src/ has no import cycle, type-only imports included', () => {
  assert.deepEqual(importCycles('src'), []);
});

test('the engine layer does not import the page settings (src/config.ts)', () => {
  const files = (readdirSync('src/engine', { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  const offenders = files.filter((file) => /from\s+['"](\.\.\/)+config\.js['"]/.test(readFileSync(join('src/engine', file), 'utf8')));
  assert.deepEqual(offenders, []);
});
